"""Changes against values: "from X to Y, up Z%", 由X增长到Y，增长Z%, "rose Z% to Y" with X
stated elsewhere in the paragraph. Z is recomputed from X and Y, each taken with its
rounding, and compared with Z as written.

Between two percentages a change may be relative (4% → 6% is a rise of 50%) or in
percentage points (2 pp). "Rose 2%" there says 2 percent where 2 points are meant: an
inconsistency of its own kind (percentage_points), shown with both figures.
"""

from __future__ import annotations

from factcheck.text.checks.findings import CONSISTENT, INCONSISTENT, Finding, involved
from factcheck.text.checks.layout import Article
from factcheck.text.checks.precision import Span, bound, percent, stated_span
from factcheck.text.checks.statements import ChangeStatement, change_statements


def check(article: Article) -> list[Finding]:
    found = []
    for statement in change_statements(article):
        if statement.change.kind != "percent" or bound(statement.old) or bound(statement.new):
            continue
        finding = _finding(statement)
        if finding is not None:
            found.append(finding)
    return found


def _finding(s: ChangeStatement) -> Finding | None:
    old, new = stated_span(s.old), stated_span(s.new)
    if old.low <= 0:
        return None  # a change from nothing (or less) has no percentage
    relative = Span((new.low / old.high - 1) * 100, (new.high / old.low - 1) * 100)
    stated = stated_span(s.change)
    if s.direction < 0:
        stated = Span(-stated.high, -stated.low)
    value_relative = (s.new.value / s.old.value - 1) * 100
    levels_are_percent = s.old.unit == "%" and s.new.unit == "%"
    points = Span(new.low - old.high, new.high - old.low)
    value_points = s.new.value - s.old.value
    said = f"stated {_signed(s)}"
    if s.change.unit == "pp":
        if not levels_are_percent:
            return None
        working = f"{s.old.text} → {s.new.text} = {_pp(value_points)}; {said}"
        result = CONSISTENT if stated.overlaps(points) else INCONSISTENT
        return _made(s, "percentage_points", result, working, _why(result, stated.gap(points), "pp"))
    if levels_are_percent:
        working = f"{s.old.text} → {s.new.text} = {_pp(value_points)} ({_plus(value_relative)}); {said}"
        if stated.overlaps(relative):
            return _made(s, "change", CONSISTENT, working, "a relative change, within the rounding")
        if stated.overlaps(points):
            return _made(
                s, "percentage_points", INCONSISTENT, working,
                f"{s.change.text} is the change in percentage points written as a percent: "
                f"the relative change is {_plus(value_relative)}",
            )
    else:
        working = f"{s.old.text} → {s.new.text} = {_plus(value_relative)}; {said}"
    result = CONSISTENT if stated.overlaps(relative) else INCONSISTENT
    return _made(s, "change", result, working, _why(result, stated.gap(relative), "points"))


def _made(s: ChangeStatement, kind: str, result: str, working: str, reason: str) -> Finding:
    claims = tuple(sorted({s.old_sentence.claim, s.sentence.claim}))
    roles = (involved(s.old, "from"), involved(s.new, "to"), involved(s.change, "change"))
    figures = {
        "from": s.old.value, "to": s.new.value, "stated": s.change.value * (s.direction or 1),
        "computed": round((s.new.value / s.old.value - 1) * 100, 6),
        "computed_points": round(s.new.value - s.old.value, 6) if s.old.unit == "%" else None,
    }
    return Finding(kind, result, working, reason, claims, roles, figures)


def _why(result: str, gap: float, unit: str) -> str:
    if result == CONSISTENT:
        return "within the rounding of the figures"
    return f"{gap:.3g} {unit} beyond the rounding of the figures"


def _signed(s: ChangeStatement) -> str:
    sign = "-" if s.direction < 0 else "+"
    return f"{sign}{s.change.text}"


def _plus(value: float) -> str:
    return ("+" if value >= 0 else "") + percent(value)


def _pp(value: float) -> str:
    return f"{'+' if value >= 0 else ''}{round(value, 2):g} pp"
