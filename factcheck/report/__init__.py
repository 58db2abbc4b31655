"""Verification reports: one module per format over the same gathered records.

Every writer has the signature write(engine, out, options, **kwargs) -> number of claims
written; ClaimReview reads the `publisher` and `publisher_url` keyword arguments.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import TextIO

FORMATS = ("md", "html", "csv", "json", "claimreview")
SUFFIXES = {"md": ".md", "html": ".html", "csv": ".csv", "json": ".json", "claimreview": ".jsonld"}
_WRITERS = {
    "md": ("factcheck.report.markdown", "write_markdown"),
    "html": ("factcheck.report.html", "write_html"),
    "csv": ("factcheck.report.csv_report", "write_csv"),
    "json": ("factcheck.report.json_report", "write_json"),
    "claimreview": ("factcheck.report.claimreview", "write_claimreview"),
}


def writer_for(fmt: str) -> Callable[..., int]:
    """The write function of a format; imported lazily so the CLI starts fast."""
    try:
        module, name = _WRITERS[fmt]
    except KeyError:
        raise ValueError(fmt) from None
    return getattr(import_module(module), name)


__all__ = ["FORMATS", "SUFFIXES", "writer_for", "TextIO"]
