"""Tables for the terminal: a heading and one row a line, cut to the terminal's width."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    heading: str
    width: int  # in terminal cells; 0: whatever the line has left
    right: bool = False  # numbers line up on the right


def cut(text: str, width: int) -> str:
    """`text` on one line in at most `width` cells, ending with "…" when cut; control
    characters are shown, never obeyed."""
    from rich.cells import cell_len

    from factcheck.text.shown import visible

    shown = visible(" ".join(text.split()))
    if cell_len(shown) <= width:
        return shown
    kept, used = [], 0
    for char in shown:
        used += cell_len(char)
        if used > width - 1:
            break
        kept.append(char)
    return "".join(kept) + "…"


UNLIMITED = 100_000  # the width of a pipe: nothing is cut


def table_lines(columns: list[Column], rows: list[list[str]], width: int) -> list[str]:
    """A heading and one line per row; the column of width 0 takes the room left. Into a
    pipe (width UNLIMITED) nothing is cut: a longer cell pushes the rest of its line on."""
    from rich.cells import cell_len

    fixed = sum(c.width + 2 for c in columns if c.width)
    rest = max(20, width - fixed)
    widths = [c.width or rest for c in columns]
    if width >= UNLIMITED:
        widths = [UNLIMITED if not c.width else max([c.width, *(cell_len(r[i]) for r in rows)]) for i, c in enumerate(columns)]

    def line(cells: list[str]) -> str:
        parts = []
        for column, size, text in zip(columns, widths, cells, strict=True):
            shown = cut(text, size)
            pad = " " * (size - cell_len(shown))
            parts.append(pad + shown if column.right else shown + pad)
        return "  ".join(parts).rstrip()

    return [line([c.heading for c in columns]), *(line(row) for row in rows)]


def terminal_width() -> int:
    """The terminal's width; piped into another program, lines are not cut (a script or
    grep wants the whole text)."""
    import shutil
    import sys

    if not sys.stdout.isatty():
        return UNLIMITED
    return shutil.get_terminal_size((120, 24)).columns
