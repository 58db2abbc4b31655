"""Text analysis, never touching the database: reading documents into text (read/),
finding sentences, quantities, dates and claims in it (extract/), checking an article's own
numbers (checks/), the sentence encoder and how untrusted text is shown."""
