"""The claim queue as a table: one row per claim, keyed by claim id."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable

from factcheck.core.models import Claim

STATUS_STYLE = {
    "unreviewed": "dim",
    "in_progress": "yellow",
    "supported": "green",
    "refuted": "red",
    "misleading": "dark_orange",
    "unverifiable": "magenta",
    "not_a_claim": "dim italic",
}


class ClaimTable(DataTable):
    def on_mount(self) -> None:
        self.cursor_type = "row"
        self.zebra_stripes = True
        self.add_column("status", key="status", width=12)
        self.add_column("label", key="label", width=24)
        self.add_column("values", key="values", width=18)
        self.add_column("links", key="links", width=5)
        self.add_column("claim", key="claim")

    def show(self, claims: list[Claim], values: dict[int, str], links: dict[int, int]) -> None:
        self.clear()
        for claim in claims:
            self.add_row(*self._cells(claim, values.get(claim.id, ""), links.get(claim.id, 0)), key=str(claim.id))

    def update_claim(self, claim: Claim) -> None:
        key = str(claim.id)
        self.update_cell(key, "status", Text(claim.status, style=STATUS_STYLE.get(claim.status, "")))

    @staticmethod
    def _cells(claim: Claim, values: str, links: int) -> tuple:
        text = " ".join(claim.text.split())
        return (
            Text(claim.status, style=STATUS_STYLE.get(claim.status, "")),
            claim.label,
            values,
            str(links or ""),
            text[:200],
        )

    @property
    def selected_claim_id(self) -> int | None:
        if self.row_count == 0:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key
        return int(key.value) if key.value is not None else None
