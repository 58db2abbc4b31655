"""The statuses a claim can have, one record each. Everything else that names a status —
the stored values, the workbench's keys and colours, the summary bar, the command line's
choices, the reports' words and colours, ClaimReview's ratings — is derived from STATUSES.

A new status is one record here (see docs/architecture.md, "Add a status"). Imported by
`factcheck --help`: nothing heavy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType


@dataclass(frozen=True)
class Rating:
    """A verdict as ClaimReview rates it, on a scale of 1 (false) to 5 (true)."""

    value: int | None  # None: not on the scale (unproven)
    name: str  # reviewRating.alternateName, and the verdict's word in English


@dataclass(frozen=True)
class Status:
    key: str  # stored in claim.status, typed on the command line
    label: str  # the workbench's key bar and help: "Not a claim"
    short: str  # the summary bar's three letters: "not"
    theme_colour: str  # Textual theme variable of the summary bar (and of the queue, unless quiet)
    report_colour: str  # the reports' CSS variable --<key>
    open: bool = False  # not yet judged: a reviewer still has to look at it
    rating: Rating | None = None  # a verdict a public report publishes, as ClaimReview rates it
    published: MappingProxyType[str, str] = field(default_factory=lambda: MappingProxyType({}))  # language → the verdict's word (English: rating.name)
    workbench_key: str | None = None  # the key that sets it in the workbench
    quiet: bool = False  # the queue leaves it uncoloured: nothing to see there
    dark_ink: bool = False  # its badge is light, so its text is dark

    @property
    def is_verdict(self) -> bool:
        return self.rating is not None

    @property
    def name(self) -> str:
        """The status in plain words, as the internal reports write it: "not a claim"."""
        return self.key.replace("_", " ")

    @property
    def binding_id(self) -> str:
        """The id of its workbench key, by which a keymap file rebinds it."""
        return f"claim.{self.key}"

    @property
    def queue_colour(self) -> str | None:
        return None if self.quiet else self.theme_colour

    def word(self, language: str) -> str:
        """The verdict as a public report in `language` publishes it."""
        assert self.rating is not None, f"{self.key} is not a verdict"
        return self.rating.name if language == "en" else self.published[language]


def _words(**by_language: str) -> MappingProxyType[str, str]:
    return MappingProxyType(by_language)


# In the order the summary bar, the reports' counts and the choices list them.
STATUSES: tuple[Status, ...] = (
    Status("unreviewed", "Unreviewed", "new", "foreground-muted", "#7a828a", open=True, quiet=True),
    Status("in_progress", "In progress", "wip", "text-accent", "#1f5fa8", open=True, workbench_key="p"),
    Status("supported", "Supported", "sup", "text-success", "#1b7a3a", rating=Rating(5, "True"),
           published=_words(zh="属实"), workbench_key="s"),
    Status("refuted", "Refuted", "ref", "text-error", "#b3261e", rating=Rating(1, "False"),
           published=_words(zh="错误"), workbench_key="r"),
    Status("misleading", "Misleading", "mis", "text-warning", "#b35c00", rating=Rating(3, "Misleading"),
           published=_words(zh="误导"), workbench_key="m"),
    Status("unverifiable", "Unverifiable", "unv", "text-secondary", "#5c4a9e", rating=Rating(None, "Unproven"),
           published=_words(zh="无法证实"), workbench_key="v"),
    Status("not_a_claim", "Not a claim", "not", "foreground-disabled", "#a3a9ae", workbench_key="d",
           quiet=True, dark_ink=True),
)


def status_named(key: str) -> Status:
    for status in STATUSES:
        if status.key == key:
            return status
    raise KeyError(key)


def keys() -> tuple[str, ...]:
    return tuple(status.key for status in STATUSES)


def open_keys() -> tuple[str, ...]:
    return tuple(status.key for status in STATUSES if status.open)


def judged_keys() -> tuple[str, ...]:
    return tuple(status.key for status in STATUSES if not status.open)


def verdicts() -> tuple[Status, ...]:
    """The statuses a public report publishes, in order."""
    return tuple(status for status in STATUSES if status.is_verdict)


def with_keys() -> tuple[Status, ...]:
    """The statuses the workbench sets by a key, in the key bar's order: the judgements
    first, then those that take a claim back to work."""
    keyed = [status for status in STATUSES if status.workbench_key]
    return tuple(sorted(keyed, key=lambda status: status.open))


def report_css() -> tuple[str, str]:
    """The statuses' colour variables and badge rules of the reports' stylesheet, verdicts
    first: (lines for :root, rules)."""
    ordered = sorted(STATUSES, key=lambda status: not status.is_verdict)
    groups = ([s for s in ordered if s.is_verdict], [s for s in ordered if not s.is_verdict])
    variables = "".join(
        "  " + " ".join(f"--{s.key}: {s.report_colour};" for s in group) + "\n" for group in groups if group
    )
    badges = "".join(
        f".badge.{s.key} {{ background: var(--{s.key});{' color: var(--ink);' if s.dark_ink else ''} }}\n"
        for s in ordered
    )
    return variables, badges
