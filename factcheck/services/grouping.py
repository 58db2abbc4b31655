"""Grouping the same claim made in several articles, so one verdict can serve them all.

Two claims of different articles are the same claim when every number of the one with
fewer numbers is stated by the other (dates aside: they place a claim, they do not make
it) and they also share a name or most of their wording. A group is the claims connected
that way; its id is its smallest claim id. Singletons have no group.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, utils

from factcheck.text.extract.entities import AliasBook, claim_names, shared_names
from factcheck.text.extract.scoring import TOLERANCE, Amount, same_amount

WORDING = 60.0  # partial_ratio (0-100) that counts as the same wording
MEANING = 0.8  # cosine similarity of two sentence vectors that counts as the same meaning


@dataclass(slots=True)
class ClaimFacts:
    id: int
    document_id: int
    text: str
    amounts: list[Amount]  # without dates


def group_claims(claims: Iterable[ClaimFacts], aliases: AliasBook) -> dict[int, int]:
    """Claim id -> group id, for the claims that have a twin in another article."""
    claims = [c for c in claims if c.amounts]
    by_value: dict[tuple, list[int]] = defaultdict(list)
    for index, claim in enumerate(claims):
        for amount in claim.amounts:
            by_value[_key(amount)].append(index)
    parent = list(range(len(claims)))
    for index, claim in enumerate(claims):
        for other in _neighbours(claim, by_value):
            if other > index and _same_claim(claim, claims[other], aliases):
                _union(parent, index, other)
    members: dict[int, list[int]] = defaultdict(list)
    for index in range(len(claims)):
        members[_root(parent, index)].append(claims[index].id)
    return {claim_id: min(ids) for ids in members.values() if len(ids) > 1 for claim_id in ids}


def _key(amount: Amount) -> tuple:
    value = amount.value or 0.0
    step = round(math.log(abs(value)) / math.log(1 + TOLERANCE)) if value else 0
    return (amount.kind, amount.unit if amount.kind != "count" else "", step)


def _neighbours(claim: ClaimFacts, by_value: dict[tuple, list[int]]) -> set[int]:
    found: set[int] = set()
    for amount in claim.amounts:
        kind, unit, step = _key(amount)
        for near in (step - 1, step, step + 1):
            found.update(by_value.get((kind, unit, near), ()))
    return found


def _same_claim(a: ClaimFacts, b: ClaimFacts, aliases: AliasBook) -> bool:
    if a.document_id == b.document_id:
        return False
    return same_figures(a, b) and close_meaning(a, b, aliases)


def same_figures(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Every number of the claim with fewer numbers is stated by the other."""
    fewer, more = (a, b) if len(a.amounts) <= len(b.amounts) else (b, a)
    return all(any(same_amount(x, y) for y in more.amounts) for x in fewer.amounts)


def close_meaning(a: ClaimFacts, b: ClaimFacts, aliases: AliasBook, similarity: float | None = None) -> bool:
    """Whether two claims say the same thing: they share a name (across languages, through
    the aliases) or most of their wording, or, where sentence vectors are known, their
    cosine `similarity` reaches MEANING. The one test of meaning every caller shares."""
    if similarity is not None and similarity >= MEANING:
        return True
    if shared_names(claim_names(a.text, aliases), b.text):
        return True
    return fuzz.partial_ratio(a.text, b.text, processor=utils.default_process) >= WORDING


def _root(parent: list[int], index: int) -> int:
    while parent[index] != index:
        parent[index] = parent[parent[index]]
        index = parent[index]
    return index


def _union(parent: list[int], a: int, b: int) -> None:
    parent[_root(parent, b)] = _root(parent, a)
