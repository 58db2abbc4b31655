"""One line: counts per status with a small stacked bar, the cursor's place in the queue,
and how many claims are marked."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from factcheck.store import statuses
from factcheck.store.models import STATUSES

SHORT = {status.key: status.short for status in statuses.STATUSES}
COLOUR = {status.key: f"${status.theme_colour}" for status in statuses.STATUSES}
BAR = 16


def stacked_bar(counts: dict[str, int], width: int = BAR) -> list[tuple[str, str]]:
    """(cells, style) parts: each status gets cells in proportion, a non-zero one at least one."""
    total = sum(counts.values())
    if not total:
        return [("░" * width, "$foreground-muted")]
    shares = {s: counts.get(s, 0) * width / total for s in STATUSES if counts.get(s)}
    cells = {s: max(1, round(v)) for s, v in shares.items()}
    while sum(cells.values()) > width:
        biggest = max(cells, key=cells.get)
        cells[biggest] -= 1
    while sum(cells.values()) < width:
        cells[max(shares, key=lambda s: shares[s] - cells[s])] += 1
    return [("█" * cells[s], COLOUR[s]) for s in STATUSES if cells.get(s)]


class StatusSummary(Static):
    def __init__(self, **kwargs) -> None:
        super().__init__("", **kwargs)
        self.counts: dict[str, int] = {}
        self.position: tuple[int, int | None] = (0, None)
        self.marked = 0

    def show(self, counts: dict[str, int] | None = None, position: tuple[int, int | None] | None = None,
             marked: int | None = None) -> None:
        if counts is not None:
            self.counts = counts
        if position is not None:
            self.position = position
        if marked is not None:
            self.marked = marked
        self.update(self._content(), layout=False)  # always one line

    def _content(self) -> Content:
        total = sum(self.counts.values())
        at, matching = self.position
        parts: list = [(f"{total:,} claims ", "bold")]
        parts += stacked_bar(self.counts)
        for status in STATUSES:
            if self.counts.get(status):
                parts += [" ", (f"{SHORT[status]} {self.counts[status]:,}", COLOUR[status])]
        where = f"{at:,}/{matching:,}" if matching is not None else f"{at:,}/…"
        parts.append((f"  ▸ {where}", "bold"))
        if self.marked:
            parts.append((f"  ● {self.marked} marked", "bold $text-accent"))
        return Content.assemble(*parts)
