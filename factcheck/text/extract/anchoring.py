"""Quoting a span of a source so it can be found again after the source is edited.

A W3C TextQuoteSelector (the quoted text plus about 32 characters either side) and the
old position. Re-anchoring tries, in order: the exact quote (context decides between
repeats, then closeness to the old position); a fuzzy match near the old position; a
fuzzy match anywhere. When none is good enough the span is an orphan: the caller keeps
the link and flags it, it never drops it.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

CONTEXT = 32
NEAR_CUTOFF = 70.0  # fuzzy score (0-100) accepted near the old position, which corroborates it
ANYWHERE_CUTOFF = 88.0  # a stricter bar when the quote moved far away


@dataclass(frozen=True, slots=True)
class Quote:
    exact: str
    prefix: str
    suffix: str


@dataclass(frozen=True, slots=True)
class Anchor:
    start: int
    end: int
    method: str  # exact | near | fuzzy


def quote(text: str, start: int, end: int, context: int = CONTEXT) -> Quote:
    return Quote(text[start:end], text[max(0, start - context) : start], text[end : end + context])


def reanchor(selector: Quote, text: str, old_start: int | None = None) -> Anchor | None:
    """Where the quoted span is in `text` now, or None for an orphan."""
    if not selector.exact:
        return None
    found = _exact(selector, text, old_start)
    if found is not None:
        return found
    if old_start is not None:
        slack = max(200, 2 * len(selector.exact))
        low = max(0, old_start - slack)
        window = text[low : old_start + len(selector.exact) + slack]
        found = _fuzzy(selector.exact, window, NEAR_CUTOFF, "near", offset=low)
        if found is not None:
            return found
    return _fuzzy(selector.exact, text, ANYWHERE_CUTOFF, "fuzzy")


def _exact(selector: Quote, text: str, old_start: int | None) -> Anchor | None:
    hits = []
    at = text.find(selector.exact)
    while at != -1:
        hits.append(at)
        at = text.find(selector.exact, at + 1)
    if not hits:
        return None
    size = len(selector.exact)

    def rank(start: int) -> tuple[float, int]:
        context = _context_score(selector, text, start, start + size)
        distance = abs(start - old_start) if old_start is not None else 0
        return (-context, distance)

    best = min(hits, key=rank)
    return Anchor(best, best + size, "exact")


def _context_score(selector: Quote, text: str, start: int, end: int) -> float:
    before = text[max(0, start - len(selector.prefix)) : start]
    after = text[end : end + len(selector.suffix)]
    score = 0.0
    if selector.prefix:
        score += fuzz.ratio(before, selector.prefix)
    if selector.suffix:
        score += fuzz.ratio(after, selector.suffix)
    return score


def _fuzzy(exact: str, text: str, cutoff: float, method: str, offset: int = 0) -> Anchor | None:
    if not text:
        return None
    found = fuzz.partial_ratio_alignment(exact, text, score_cutoff=cutoff)
    if found is None or found.dest_end <= found.dest_start:
        return None
    # partial_ratio aligns the shorter string; a quote longer than the text cannot fit
    if len(exact) > len(text) and found.src_end - found.src_start < 0.9 * len(exact):
        return None
    return Anchor(offset + found.dest_start, offset + found.dest_end, method)
