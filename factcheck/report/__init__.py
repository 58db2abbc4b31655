"""Verification reports: one module per format over the same gathered records."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

FORMATS = ("md", "html", "csv", "json", "claimreview")


def writer_for(fmt: str) -> Callable[..., None]:
    """The write function of a format; imported lazily so the CLI starts fast."""
    if fmt == "json":
        from factcheck.report.json_report import write_json

        return write_json
    if fmt == "md":
        from factcheck.report.markdown import write_markdown

        return write_markdown
    raise ValueError(fmt)


__all__ = ["FORMATS", "writer_for", "TextIO"]
