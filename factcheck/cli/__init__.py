"""The command line, one module per group of commands."""

from factcheck.cli.app import _run, app, main  # noqa: F401
