"""Verification reports: one registry of formats (formats.py), one export service
(export.py) that the command line and the workbench both call, and a module per format over
the same gathered records (gather.py). Nothing here imports the user interface."""
