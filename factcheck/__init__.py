"""factcheck: a claim fact-checking workbench for the terminal."""

__version__ = "0.1.0"
