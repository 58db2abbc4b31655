"""The command line, one module per group of commands, in the order `factcheck --help`
lists them: app.py holds the application and what the commands share, run.py runs one."""

from factcheck.cli import ingest, linking, claims, review, export, backup, config, workbench  # noqa: F401, I001  (the commands join the application, in this order)
from factcheck.cli.app import app  # noqa: F401
from factcheck.cli.run import _run, main  # noqa: F401
