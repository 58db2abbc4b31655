"""The Textual workbench. Imported only when the UI opens."""
