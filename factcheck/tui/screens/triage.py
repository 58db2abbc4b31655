"""The triage flow of the queue screen: verdicts that move on to the next claim to judge,
bulk verdicts that ask before overwriting other reviewers, assignments, verdicts reused from
the same claim checked in another article, opening a source, the full-screen detail.

Writes go through ReviewActions.write (one at a time, in key order); what the reviewer just
decided shows at once, so the next key already acts on the next claim.
"""

from __future__ import annotations

from sqlmodel import Session
from textual import work
from textual.binding import Binding
from textual.message import Message

from factcheck.errors import UserError
from factcheck.report.wording import web_url
from factcheck.services.assignments import assign
from factcheck.services.earlier_verdicts import judged_by_others, reuse_verdict
from factcheck.services.review import record_verdicts
from factcheck.services.settings import load_settings
from factcheck.store.models import JUDGED_STATUSES
from factcheck.text.shown import visible
from factcheck.tui.opener import open_in_browser
from factcheck.tui.screens.questions import (
    OVERWRITE,
    SKIP_THEIRS,
    UNASSIGN,
    AssignScreen,
    OverwriteScreen,
)


def advance_setting() -> bool:
    """workbench.advance; a settings file that cannot be read leaves the default (on), and
    the command line says why the next time it reads the file."""
    try:
        return bool(load_settings().get("workbench.advance"))
    except UserError:
        return True


class TriageActions:
    """Mixed into the queue screen before ReviewActions (its action_verdict replaces the
    plain one)."""

    BINDINGS = [
        Binding("u", "reuse_verdict", "Reuse verdict", id="claim.reuse"),
        Binding("A", "assign", "Assign", id="claim.assign"),
        Binding("o", "open_evidence", "Open source", id="link.open"),
        Binding("f", "full_detail", "Full detail", id="detail.full"),
    ]

    class Overwrites(Message):
        """The marked claims, and those of them other reviewers judged."""

        def __init__(self, versions: dict[int, int | None], status: str, theirs: list[int]) -> None:
            super().__init__()
            self.versions, self.status, self.theirs = versions, status, theirs

    advance = True  # read from the settings when the screen mounts
    reviewer_names: list[str] = []

    # --- verdicts ------------------------------------------------------------------------

    def action_verdict(self, status: str) -> None:
        if not self._writable():
            return
        table = self.table
        if table.seeking:
            self.notify("still moving to the next unreviewed claim", timeout=2)
            return
        if table.marked:
            versions = {cid: self._expected(cid, v) for cid, v in table.marked.items()}
            self.check_overwrites(versions, status)
            return
        row = table.selected_row
        if row is None:
            return
        claim = row.claim
        versions = {claim.id: self._expected(claim.id, claim.version)}
        table.show_pending(versions, status)
        self.write(lambda: record_verdicts(self.engine, versions, status, reviewer=self.reviewer), "")
        if status in JUDGED_STATUSES:
            self.move_to_next_unreviewed()

    def move_to_next_unreviewed(self) -> None:
        """After a verdict: the next claim still unreviewed, in the queue order (unless the
        workbench.advance setting is off)."""
        table = self.table
        if not self.advance or table.selected_row is None:
            return
        index = table.next_unreviewed_row(table.cursor_row)
        if index is not None:
            table.move_cursor(row=index, animate=False)
        else:
            table.seek_unreviewed(table.selected_row.key)

    @work(thread=True, exit_on_error=False, group="overwrites")
    def check_overwrites(self, versions: dict[int, int | None], status: str) -> None:
        with Session(self.engine) as session:
            theirs = judged_by_others(session, list(versions), self.reviewer)
        self.post_message(self.Overwrites(versions, status, theirs))

    def on_triage_actions_overwrites(self, message: Overwrites) -> None:
        versions, status, theirs = message.versions, message.status, message.theirs
        if not theirs:
            self._judge_marked(versions, status)
            return

        def chosen(choice: str | None) -> None:
            if choice == OVERWRITE:
                self._judge_marked(versions, status)
            elif choice == SKIP_THEIRS:
                self._judge_marked({c: v for c, v in versions.items() if c not in theirs}, status)

        self.app.push_screen(OverwriteScreen(len(theirs), len(versions), status), chosen)

    def _judge_marked(self, versions: dict[int, int | None], status: str) -> None:
        table = self.table
        table.clear_marks()
        self._show_position()
        table.show_pending(versions, status)
        said = f"{len(versions)} claim{'' if len(versions) == 1 else 's'} → {status}"
        self.write(lambda: record_verdicts(self.engine, versions, status, reviewer=self.reviewer), said)

    def action_reuse_verdict(self) -> None:
        if not self._writable():
            return
        row = self.table.selected_row
        if row is None:
            return
        earlier = self.detail.view.earlier if self.detail.view and self.detail.view.claim.id == row.claim.id else None
        if not row.checked_before or earlier is None:
            self.notify("this claim was not checked before in another article", severity="warning")
            return
        claim_id, version = row.claim.id, self._expected(row.claim.id, row.claim.version)
        self.table.show_pending([claim_id], earlier.status)
        said = f"claim {claim_id}: {earlier.status}, as claim #{earlier.claim_id}"
        self.write(lambda: reuse_verdict(self.engine, claim_id, reviewer=self.reviewer, expected_version=version), said)
        self.move_to_next_unreviewed()

    # --- assignments ---------------------------------------------------------------------

    def action_assign(self) -> None:
        if not self._writable():
            return
        table = self.table
        if table.marked:
            versions = {cid: self._expected(cid, v) for cid, v in table.marked.items()}
            what, current = f"{len(versions)} marked claims", None
        elif table.selected_row is not None:
            claim = table.selected_row.claim
            versions = {claim.id: self._expected(claim.id, claim.version)}
            what, current = f"claim {claim.id}", claim.assignee
        else:
            return
        names = sorted({*self.reviewer_names, self.reviewer})

        def chosen(name: str | None) -> None:
            if name is None:
                return
            if table.marked:
                table.clear_marks()
                self._show_position()
            whom = f"assigned to {visible(name)}" if name != UNASSIGN else "unassigned"
            self.write(lambda: assign(self.engine, versions, name or None, reviewer=self.reviewer), f"{what} {whom}")

        self.app.push_screen(AssignScreen(what, current, names), chosen)

    # --- reading -------------------------------------------------------------------------

    def action_open_evidence(self) -> None:
        evidence = self.detail.selected_evidence
        if evidence is None:
            self.notify("this claim has no evidence to open", severity="warning")
            return
        source = evidence.source
        url = web_url(source.url)
        if url is None:
            where = f"its address is not a web address ({visible(source.url)})" if source.url else "it has no web address"
            self.notify(f"{where}; the file: {visible(source.path)}", title="Not opened", timeout=10)
            return
        if self.app.is_web:  # served to a browser: a new tab there
            self.app.open_url(url)
            self.notify(f"opened {visible(url)}", timeout=4)
        elif open_in_browser(url):
            self.notify(f"opened {visible(url)}", timeout=4)
        else:
            self.app.copy_to_clipboard(url)
            self.notify(f"{visible(url)}\n(no browser here; the address is copied to the clipboard)",
                        title="Source", timeout=15)

    def action_full_detail(self) -> None:
        """The detail over the whole body (the queue hidden), and back."""
        self.toggle_class("detail-full")
        self.detail.refresh()
