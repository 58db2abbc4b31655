"""What a reviewer does to claims from the queue screen. Every action calls the same core
service as the CLI, in a worker; writes run one at a time, in the order of the keys."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from textual import work
from textual.binding import Binding
from textual.message import Message

from factcheck.errors import ConflictError, UserError
from factcheck.services.review import (
    Undone,
    add_claim,
    add_note,
    fresh_claim,
    link_evidence,
    set_link_state,
    undo,
)
from factcheck.store import statuses
from factcheck.store.models import Claim
from factcheck.store.queries import ClaimFilter
from factcheck.text.shown import visible
from factcheck.tui.screens.add_claim import AddClaimScreen
from factcheck.tui.screens.dialogs import HistoryScreen, NoteScreen
from factcheck.tui.screens.export import ExportChoice, ExportScreen
from factcheck.tui.screens.help import HelpScreen

READ_ONLY = "read-only database: you can read and export it, not save verdicts, notes or links"



class ReviewActions:
    """Mixed into the queue screen, which provides `engine`, `table`, `detail`, `summary`."""

    BINDINGS = [
        Binding("question_mark", "help", "Help", id="app.help"),
        *(Binding(s.workbench_key, f"verdict('{s.key}')", s.label, id=s.binding_id) for s in statuses.with_keys()),
        Binding("n", "note", "Note", id="claim.note"),
        Binding("c", "link('confirmed')", "Confirm link", id="link.confirm"),
        Binding("x", "link('rejected')", "Reject link", id="link.reject"),
        Binding("right_square_bracket", "next_link(1)", "Next link", show=False, id="link.next"),
        Binding("left_square_bracket", "next_link(-1)", "Previous link", show=False, id="link.previous"),
        Binding("ctrl+z", "undo", "Undo", id="claim.undo"),
        Binding("l", "find_evidence", "Find evidence", id="claim.link_evidence"),
        Binding("h", "history", "History", id="claim.history"),
        Binding("a", "add_claim", "Add claim", show=False, id="claim.add"),
        Binding("e", "export", "Export", id="report.export"),
    ]

    class Written(Message):
        def __init__(self, claims: list[Claim], said: str, reload: bool = False) -> None:
            super().__init__()
            self.claims, self.said, self.reload = claims, said, reload

    class Refused(Message):
        def __init__(self, reason: str, conflict: bool) -> None:
            super().__init__()
            self.reason, self.conflict = reason, conflict

    class Exported(Message):
        def __init__(self, path: Path, fmt: str, said: str, warnings: list[str]) -> None:
            super().__init__()
            self.path, self.fmt, self.said, self.warnings = path, fmt, said, warnings

    _write_lock = threading.Lock()  # one write at a time, in key order
    _seen_versions: dict[int, int]  # claim id → version after this reviewer's own last write

    @property
    def reviewer(self) -> str | None:
        return self.app.reviewer

    def _expected(self, claim_id: int, shown: int | None) -> int | None:
        """The version this reviewer last saw: what the table showed, or newer if one of
        their own writes has moved it on since."""
        seen = self._seen_versions.get(claim_id)
        if shown is None or (seen is not None and seen > shown):
            return seen
        return shown

    # --- the one way writes happen -------------------------------------------------------

    def _writable(self) -> bool:
        """False, and says so, on a database opened read-only: checked before a dialog
        opens or marks are cleared, so nothing the reviewer typed or chose is lost."""
        if self.app.read_only:
            self.notify(READ_ONLY, severity="warning", timeout=6)
        return not self.app.read_only

    @work(thread=True, exit_on_error=False, group="write")
    def write(self, change: Callable[[], object], said: str, reload: bool = False) -> None:
        """Run one core write; `reload` re-reads the window afterwards (rows came or went)."""
        if self.app.read_only:
            self.post_message(self.Refused(READ_ONLY, False))
            return
        with self._write_lock:
            try:
                result = change()
            except UserError as error:
                self.post_message(self.Refused(str(error), isinstance(error, ConflictError)))
                return
            reload = reload or isinstance(result, Undone)
            claims = [] if isinstance(result, Undone) else (result if isinstance(result, list) else [result])
            for claim in claims:
                self._seen_versions[claim.id] = claim.version
        said = result.summary if isinstance(result, Undone) else said
        self.post_message(self.Written(claims, said, reload))

    # handlers by name: @on is not collected from a mixin
    def on_review_actions_written(self, message: Written) -> None:
        for claim in message.claims:
            self.table.update_claim(claim)
        if message.reload or not message.claims:
            self.table.reload()
        else:
            self.detail.show(self.table.selected_claim_id)
        self.refresh_counts()
        if message.said:
            self.notify(visible(message.said), timeout=3, markup=False)

    def on_review_actions_refused(self, message: Refused) -> None:
        self.notify(visible(message.reason), title="Refused" if message.conflict else None, severity="error",
                    timeout=8, markup=False)
        shown_early = bool(self.table.pending)
        self.table.forget_pending()
        if message.conflict or shown_early:  # show the state that won
            self.table.reload()
            self.refresh_counts()

    # --- verdicts, notes, links ----------------------------------------------------------

    def _claim_to_write(self) -> tuple[int, int] | None:
        """(id, version shown) of the selected claim, when there is one and it may be written."""
        if not self._writable():
            return None
        row = self.table.selected_row
        return None if row is None else (row.claim.id, row.claim.version)

    def action_note(self) -> None:
        if (chosen := self._claim_to_write()) is None:
            return
        claim_id, shown = chosen

        def save(note: str | None) -> None:
            if note:
                self.write(
                    lambda: add_note(self.engine, claim_id, note, reviewer=self.reviewer,
                                     expected_version=self._expected(claim_id, shown)),
                    "note saved",
                )

        self.app.push_screen(NoteScreen(claim_id), save)

    def action_link(self, state: str) -> None:
        if not self._writable():
            return
        link, row = self.detail.selected_link, self.table.selected_row
        if link is None or row is None or link.claim_id != row.claim.id:
            self.notify("this claim has no evidence to decide on", severity="warning")
            return
        claim_id, shown = row.claim.id, self.detail.view.claim.version

        def change():
            set_link_state(self.engine, link.id, state, reviewer=self.reviewer,
                           expected_version=self._expected(claim_id, shown))
            return fresh_claim(self.engine, claim_id)

        self.write(change, f"link {state}")

    def action_find_evidence(self) -> None:
        """Search the passages for the current claim and link the one chosen."""
        if (selected := self._claim_to_write()) is None:
            return
        claim_id, shown = selected
        claim_text = self.table.selected_row.claim.text

        # imported here: the search brings numpy and the encoder's module, which the
        # workbench's start does not need
        from factcheck.tui.screens.evidence_search import EvidenceSearchScreen, LinkChoice

        def chosen(choice: LinkChoice | None) -> None:
            if choice is None:
                return

            def change():
                link_evidence(self.engine, claim_id, choice.passage_id, choice.relation, reviewer=self.reviewer,
                              expected_version=self._expected(claim_id, shown))
                return fresh_claim(self.engine, claim_id)

            self.write(change, f"passage {choice.passage_id} linked: {choice.relation}", reload=True)

        self.app.push_screen(EvidenceSearchScreen(claim_id, claim_text), chosen)

    def action_mark_window(self) -> None:
        self.table.mark_window()
        self._show_position()

    def action_clear_marks(self) -> None:
        self.table.clear_marks()
        self._show_position()

    def action_next_link(self, step: int) -> None:
        self.detail.move_link(step)

    def action_undo(self) -> None:
        if not self._writable():
            return
        self.write(lambda: undo(self.engine, reviewer=self.reviewer), "")

    def action_add_claim(self) -> None:
        if not self._writable():
            return
        row = self.table.selected_row
        if row is None:
            return

        def chosen(span: tuple[int, int] | None) -> None:
            if span:
                document_id = row.claim.document_id
                self.write(lambda: add_claim(self.engine, document_id, *span, reviewer=self.reviewer),
                           "claim added to the queue", reload=True)

        self.app.push_screen(AddClaimScreen(row.claim.document_id, row.claim.start), chosen)

    # --- reading -------------------------------------------------------------------------

    def action_history(self) -> None:
        claim_id = self.table.selected_claim_id
        if claim_id is not None:
            self.app.push_screen(HistoryScreen(claim_id))

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(self.active_bindings))

    def action_export(self, fmt: str | None = None) -> None:
        where: ClaimFilter = self.table.where

        def chosen(choice: ExportChoice | None) -> None:
            if choice:
                self.run_export(choice)

        self.app.push_screen(ExportScreen(where, self.app.settings, fmt), chosen)

    @work(thread=True, exclusive=True, exit_on_error=False, group="export")
    def run_export(self, choice: ExportChoice) -> None:
        from factcheck.report.export import export_to_file, plan_export

        if choice.publisher:  # kept before the export: a failed export does not lose them
            self.app.keep_settings(choice.publisher)
        plan = plan_export(self.engine, choice.request, self.app.settings)
        path = Path(choice.path).expanduser()
        # a device is refused: what the workbench writes to its own terminal would garble it
        result = export_to_file(self.engine, plan, path)
        self.post_message(self.Exported(path.resolve(), plan.format.name, result.summary(), result.warnings()))

    def on_review_actions_exported(self, message: Exported) -> None:
        self.notify(visible(f"wrote {message.path} ({message.fmt}, {message.said})"), title="Exported", timeout=10,
                    markup=False)
        for warning in message.warnings:
            self.notify(visible(warning), severity="warning", timeout=10, markup=False)
