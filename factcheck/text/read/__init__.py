"""Reading a file or a fetched page into text: charsets, HTML, feeds, language."""
