"""The key bar: every key of the screen, as currently bound, over as many lines as it takes.

Textual's footer is one line that scrolls sideways, so at 120 columns most of the
workbench's keys were cut off. This bar wraps instead: the keys a reviewer presses most come
first (the order below), pairs that belong together share one entry ("[ ] link"), and on a
short terminal the bar keeps to fewer lines and ends with the help key, which lists the rest.
A key is clickable, as in the footer (useful in a browser).
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from textual.content import Content
from textual.widget import Widget

from factcheck.store import statuses

# Binding ids in the order they are shown; a tuple shares one entry under its own label.
ORDER: tuple = (
    *(status.binding_id for status in statuses.with_keys()), "claim.reuse", "claim.note", "claim.assign", "queue.mark",
    (("link.previous", "link.next"), "Link"), "link.confirm", "link.reject", "link.open", "claim.link_evidence",
    "claim.undo", "claim.history", "queue.search", "detail.full", (("detail.up", "detail.down"), "Scroll"),
    "claim.add", "report.export", "app.help", "app.quit",
)
HIDDEN = ("queue.leave_search", "queue.first", "queue.last")  # keys everyone knows (Escape, Home, End)
TALL = 30  # from this many rows, the bar may take three lines; below, two


@dataclass(frozen=True)
class Entry:
    keys: tuple[str, ...]  # as shown
    pressed: str  # the key a click presses
    label: str

    @property
    def width(self) -> int:
        return cell_len(" ".join(self.keys)) + 1 + cell_len(self.label)


class KeyBar(Widget, can_focus=False):
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: auto;
        max-height: 3;
        background: $footer-background;
        color: $footer-foreground;
        padding: 0 1;
    }
    """

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen) -> None:
        self.refresh(layout=True)

    def entries(self) -> list[Entry]:
        """The screen's keys with ids, in ORDER, then the rest as they come."""
        by_id = {}
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if binding.id and binding.description and binding.id not in HIDDEN:
                by_id.setdefault(binding.id, binding)
        found: list[Entry] = []
        for item in ORDER:
            ids, label = (item if isinstance(item, tuple) else ((item,), None))
            bindings = [by_id.pop(binding_id) for binding_id in ids if binding_id in by_id]
            if bindings:
                keys = tuple(self.app.get_key_display(b) for b in bindings)
                found.append(Entry(keys, bindings[0].key, label or bindings[0].description))
        found += [Entry((self.app.get_key_display(b),), b.key, b.description) for b in by_id.values()]
        palette = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
        if palette is not None:
            found.append(Entry((self.app.get_key_display(palette.binding),), palette.binding.key, "Commands"))
        return found

    def lines(self, width: int) -> list[list[Entry]]:
        """The entries wrapped to `width`; on a short terminal the lines that do not fit
        are left out and the last line ends with the help entry."""
        limit = 3 if self.app.size.height >= TALL else 2
        rows: list[list[Entry]] = [[]]
        used = 0
        for entry in self.entries():
            if rows[-1] and used + 1 + entry.width > width:
                rows.append([])
                used = 0
            used += entry.width + (1 if rows[-1] else 0)
            rows[-1].append(entry)
        if len(rows) > limit:
            rows = rows[:limit]
            helper = next((e for e in self.entries() if e.label == "Help"), None)
            if helper is not None:
                helper = Entry(helper.keys, helper.pressed, "Help: all keys")
                last = [e for e in rows[-1] if e.keys != helper.keys]
                while last and sum(e.width + 1 for e in last) + helper.width > width:
                    last.pop()
                rows[-1] = [*last, helper]
        return rows

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self.lines(width))

    def render(self) -> Content:
        rows = self.lines(self.content_region.width or self.size.width)
        return Content("\n").join(Content(" ").join(self._entry(e) for e in row) for row in rows)

    def _entry(self, entry: Entry) -> Content:
        click = f"@click=press({entry.pressed!r})"
        return Content.assemble(
            (" ".join(entry.keys), f"bold $footer-key-foreground {click}"),
            (f" {entry.label}", f"$footer-description-foreground {click}"),
        )

    def action_press(self, key: str) -> None:
        self.app.simulate_key(key)
