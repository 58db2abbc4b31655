"""Names a claim and a passage can share across languages: Latin names written inside
Chinese text (WilmerHale, Vox, Tianle Cai) and alias pairs (奥尔特曼 ↔ Sam Altman)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

_WORD = r"[A-Za-z][A-Za-z0-9'’&.\-]*[A-Za-z0-9]|[A-Za-z]"
_NAME = re.compile(rf"(?<![A-Za-z0-9])(?:{_WORD})(?: (?:[A-Z][A-Za-z0-9'’&.\-]*))*")
# Words too common in news to tell two passages apart.
# fmt: off
_COMMON = {
    "ai", "ceo", "cto", "cfo", "api", "app", "agi", "the", "and", "for", "with", "but", "this",
    "that", "was", "are", "has", "had", "his", "her", "its", "from", "into", "after", "before",
    "when", "while", "said", "says", "according", "inc", "ltd", "co", "per", "one", "two",
    "gpt", "pc", "ios", "android",
}
# fmt: on


@dataclass
class AliasBook:
    """Alias pairs both ways: a variant finds its canonical name and the reverse."""

    forms: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    @classmethod
    def from_pairs(cls, pairs: Iterable[tuple[str, str]]) -> AliasBook:
        book = cls()
        for name, variant in pairs:
            book.forms[name].add(variant)
            book.forms[variant].add(name)
        return book

    def variants(self, term: str) -> set[str]:
        return self.forms.get(term, set())


def latin_names(text: str) -> list[str]:
    """Latin names in order: runs of words, each run joined by capitalised words. A name has
    a capital letter somewhere (Vox, xAI, GPT-4o); plain lowercase words are not names."""
    names: dict[str, None] = {}
    for match in _NAME.finditer(text):
        name = match.group(0).strip(".-'’")
        if len(name) >= 3 and name.lower() not in _COMMON and any(c.isupper() for c in name):
            names[name] = None
    return list(names)


@dataclass(frozen=True, slots=True)
class Name:
    """One entity as the claim writes it, with the forms a source may use instead."""

    shown: str
    forms: tuple[str, ...]
    rarity: float = 1.0  # 0-1: how much sharing this name says (set by the linker)


def claim_names(text: str, aliases: AliasBook) -> list[Name]:
    """The names of `text`, each with its alias forms and, for a full name, the surname."""
    found = latin_names(text)
    found += [variant for variant in aliases.forms if _is_cjk(variant) and variant in text]
    names: dict[str, Name] = {}
    taken: set[str] = set()
    for name in found:
        forms: dict[str, None] = {}
        variants = sorted(aliases.variants(name))
        for term in (name, *variants):
            forms[term] = None
            # a person named through an alias pair is often called by surname alone
            words = term.split()
            last = words[-1] if variants and len(words) == 2 else ""
            if len(last) >= 3 and last.lower() not in _COMMON:
                forms[last] = None
        fresh = tuple(f for f in forms if f not in taken)
        if fresh:
            taken.update(fresh)
            names[name] = Name(name, fresh)
    return list(names.values())


def entity_forms(text: str, aliases: AliasBook) -> frozenset[str]:
    """The names in `text` that surely name someone, every form lower-cased: alias pairs,
    Latin names inside Chinese text, and in English text names that a capital after the
    first letter, a digit or a second word marks as names (OpenAI, GPT-4o, Sam Altman), not a
    capitalised word alone, which may just open a sentence ("Analysts estimate…")."""
    chinese = _is_cjk(text)
    forms: set[str] = set()
    for name in claim_names(text, aliases):
        word = name.shown
        known = len(name.forms) > 1 or aliases.variants(word)
        marked = " " in word or any(c.isupper() or c.isdigit() for c in word[1:])
        if chinese or known or marked:
            forms.update(form.lower() for form in name.forms)
    return frozenset(forms)


def search_terms(names: list[Name]) -> list[str]:
    return [form for name in names for form in name.forms]


def shared_names(names: list[Name], text: str) -> list[Name]:
    """The names found in `text`: whole words (case-insensitive), substrings for Chinese."""
    lowered = text.lower()
    shared = []
    for name in names:
        for form in name.forms:
            cjk = _is_cjk(form)
            if form in text if cjk else _word_in(form.lower(), lowered):
                shown = name.shown if name.shown == form else f"{name.shown} ~ {form}"
                shared.append(Name(shown, name.forms, name.rarity))
                break
    return shared


def _word_in(word: str, text: str) -> bool:
    at = text.find(word)
    while at != -1:
        before = text[at - 1] if at else " "
        after = text[at + len(word)] if at + len(word) < len(text) else " "
        if not (before.isascii() and before.isalnum()) and not (
            after.isascii() and after.isalnum()
        ):
            return True
        at = text.find(word, at + 1)
    return False


_CJK = re.compile("[\u4e00-\u9fff]")


def _is_cjk(text: str) -> bool:
    return _CJK.search(text) is not None
