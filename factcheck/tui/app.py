"""The workbench application: one engine, one reviewer, screens do the rest."""

from __future__ import annotations

from sqlalchemy.engine import Engine
from textual.app import App
from textual.binding import Binding

from factcheck.core.db import make_engine
from factcheck.core.review import default_reviewer
from factcheck.core.shown import visible
from factcheck.tui.commands import QueueCommands
from factcheck.tui.keymap import load_keymap
from factcheck.tui.screens.queue import QueueScreen


class FactcheckApp(App):
    CSS_PATH = "app.tcss"
    TITLE = "factcheck"
    SUB_TITLE = "claim review workbench"
    COMMANDS = App.COMMANDS | {QueueCommands}
    BINDINGS = [Binding("q", "quit", "Quit", id="app.quit")]

    def __init__(self, db_url: str | None = None, reviewer: str | None = None,
                 keymap: dict[str, str] | None = None, engine: Engine | None = None,
                 read_only: bool = False) -> None:
        super().__init__()
        self.owns_engine = engine is None
        self.engine = engine if engine is not None else make_engine(db_url)
        self.reviewer = reviewer or default_reviewer()
        self.read_only = read_only
        self.sub_title = f"claim review workbench · {visible(self.reviewer)}" + (" · read-only" if read_only else "")
        self._keymap_overrides = load_keymap() if keymap is None else keymap

    def on_mount(self) -> None:
        if self._keymap_overrides:
            self.set_keymap(self._keymap_overrides)
        self.push_screen(QueueScreen())

    def on_unmount(self) -> None:
        if self.owns_engine:
            self.engine.dispose()


def make_app(db_url: str | None = None, reviewer: str | None = None,
             keymap: dict[str, str] | None = None, *, engine: Engine | None = None,
             read_only: bool = False) -> FactcheckApp:
    """The one factory: the CLI, the tests and the benchmarks all start the app here.
    `keymap` maps binding ids to keys (None reads the user's keymap file); `engine`, when the
    caller has already opened and upgraded the database, saves doing it twice; `read_only`
    when that engine was opened read-only (the reviewer may not write the file)."""
    return FactcheckApp(db_url, reviewer, keymap, engine, read_only)
