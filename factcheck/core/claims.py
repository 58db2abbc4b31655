"""Claims: sentences a reviewer could check, scored and labelled. First version."""

from __future__ import annotations

import re

from factcheck.core.extraction import ClaimDraft, QuantityMatch
from factcheck.core.quantities import extract_quantities
from factcheck.core.sentences import split_sentences

_ATTRIBUTION = re.compile(r"据.{1,30}?(?:报道|消息|数据)|表示|称|透露|指出|according to|\bsaid\b|\bsays\b|“|\"")
_LABEL_NOUNS = {
    "估值": "valuation", "valuation": "valuation", "订单": "order", "order": "order",
    "音频": "audio response", "audio": "audio response", "推文": "posts", "收入": "revenue",
    "revenue": "revenue", "成本": "cost", "速度": "speed", "faster": "speed", "价格": "price",
}


def extract_claims(text: str, reference_date: str | None = None) -> list[ClaimDraft]:
    """Claims in document order; each carries its quantities with document offsets."""
    claims = []
    for start, end in split_sentences(text):
        sentence = text[start:end]
        quantities = [q.shifted(start) for q in extract_quantities(sentence, reference_date)]
        attributed = bool(_ATTRIBUTION.search(sentence))
        if not quantities and not attributed:
            continue
        claims.append(
            ClaimDraft(
                start=start,
                end=end,
                text=sentence,
                label=make_label(sentence, quantities),
                checkworthiness=score(sentence, quantities, attributed),
                quantities=quantities,
                attributed=attributed,
            )
        )
    return claims


def score(sentence: str, quantities: list[QuantityMatch], attributed: bool) -> float:
    weights = {"money": 0.35, "percent": 0.3, "count": 0.2, "duration": 0.25, "ratio": 0.25, "measure": 0.25, "date": 0.1}
    value = 0.2 + max((weights.get(q.kind, 0.1) for q in quantities), default=0.0)
    value += 0.1 * min(len(quantities), 3)
    value += 0.15 if attributed else 0.0
    return round(min(value, 1.0), 3)


def make_label(sentence: str, quantities: list[QuantityMatch]) -> str:
    key = next((q for q in quantities if q.kind != "date"), quantities[0] if quantities else None)
    noun = next((label for word, label in _LABEL_NOUNS.items() if word in sentence.lower()), None)
    if key is None:
        return "statement"
    return f"{noun or key.kind} {key.display}"
