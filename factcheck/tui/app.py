"""The workbench application: one engine, screens do the rest."""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding

from factcheck.core.db import make_engine
from factcheck.tui.screens.queue import QueueScreen


class FactcheckApp(App):
    CSS_PATH = "app.tcss"
    TITLE = "factcheck"
    SUB_TITLE = "claim review workbench"
    BINDINGS = [Binding("q", "quit", "Quit", id="app.quit")]

    def __init__(self, db_url: str | None = None, reviewer: str | None = None) -> None:
        super().__init__()
        self.engine = make_engine(db_url)
        self.reviewer = reviewer

    def on_mount(self) -> None:
        self.push_screen(QueueScreen())


def make_app(db_url: str | None = None, reviewer: str | None = None) -> FactcheckApp:
    return FactcheckApp(db_url, reviewer)
