"""The workbench application: one engine, one reviewer, the settings; screens do the rest."""

from __future__ import annotations

from sqlalchemy.engine import Engine
from textual.app import App
from textual.binding import Binding
from textual.theme import Theme

from factcheck.errors import UserError
from factcheck.services.review import login_name
from factcheck.services.settings import Settings, load_settings, save_setting, settings_path
from factcheck.store.db import make_engine
from factcheck.text.shown import visible
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
        self.settings, self.settings_problem = _settings()
        self.reviewer = reviewer or self._setting("reviewer.name") or login_name()
        self.read_only = read_only
        self._show_reviewer()
        self._keymap_overrides = load_keymap() if keymap is None else keymap

    def _setting(self, key: str) -> str | None:
        try:
            value = self.settings.get(key)
        except UserError as error:  # an environment variable that breaks the setting's rule
            self.settings_problem = self.settings_problem or str(error)
            return None
        return str(value) if value else None

    def _show_reviewer(self) -> None:
        self.sub_title = f"claim review workbench · {visible(self.reviewer)}" + (" · read-only" if self.read_only else "")

    def on_mount(self) -> None:
        if self._keymap_overrides:
            self.set_keymap(self._keymap_overrides)
        self._restore_theme()
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        self.push_screen(QueueScreen())
        if self.settings_problem:
            self.notify(f"{self.settings_problem}; the workbench uses the default settings",
                        title="Settings not read", severity="warning", timeout=12)

    # --- settings that stay ----------------------------------------------------------------

    def _restore_theme(self) -> None:
        theme = self._setting("workbench.theme")
        if theme and theme in self.available_themes:
            self.theme = theme
        elif theme:
            self.notify(f"workbench.theme {theme!r} is not a theme here; using {self.theme}", severity="warning")

    def _theme_changed(self, theme: Theme) -> None:
        if theme.name != self._setting("workbench.theme"):
            self.keep_settings({"workbench.theme": theme.name}, quiet=True)

    def set_reviewer(self, name: str) -> None:
        """Verdicts from now on are recorded under this name, here and in the next session."""
        self.keep_settings({"reviewer.name": name})
        self.reviewer = str(self.settings.get("reviewer.name") or name)
        self._show_reviewer()

    def keep_settings(self, values: dict[str, str], *, quiet: bool = False) -> None:
        """Write settings to the settings file, which the command line reads too. A file that
        could not be read at start is left alone rather than overwritten."""
        if self.settings_problem:
            if not quiet:
                self.notify(f"{self.settings_problem}; not saved there", severity="warning")
            return
        try:
            for key, value in values.items():
                save_setting(key, value)
            self.settings = load_settings()
        except UserError as error:
            self.notify(str(error), title="Settings not saved", severity="error", timeout=8)

    def on_unmount(self) -> None:
        if self.owns_engine:
            self.engine.dispose()


def _settings() -> tuple[Settings, str | None]:
    """The settings, or the defaults and why, when the file cannot be read."""
    try:
        return load_settings(), None
    except UserError as error:
        return Settings(settings_path()), str(error)


def make_app(db_url: str | None = None, reviewer: str | None = None,
             keymap: dict[str, str] | None = None, *, engine: Engine | None = None,
             read_only: bool = False) -> FactcheckApp:
    """The one factory: the CLI, the tests and the benchmarks all start the app here.
    `keymap` maps binding ids to keys (None reads the user's keymap file); `engine`, when the
    caller has already opened and upgraded the database, saves doing it twice; `read_only`
    when that engine was opened read-only (the reviewer may not write the file)."""
    return FactcheckApp(db_url, reviewer, keymap, engine, read_only)
