""""Not an amount": the edges of a number that make it a name, a version, a list number or
a score rather than a quantity, and the edges that give it a currency or a qualifier."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from factcheck.text.extract.currencies import YUAN
from factcheck.text.extract.extraction import QuantityMatch
from factcheck.text.extract.numerals import MAX_NUMBER_CHARS
from factcheck.text.extract.quantities.grammar import (
    _ADJECTIVES,
    _AGED,
    _APOSTROPHES,
    _CHANGE_BEFORE_ZH,
    _CHANGE_WORDS,
    _CHINA,
    _CURRENCY_BETWEEN,
    _CURRENCY_TAIL_ENDS,
    _CURRENCY_TAILS,
    _EVENT_DOTS,
    _INDEX_AFTER,
    _INDEX_FAMILIES_BY_END,
    _JAPAN,
    _JOINED_BY_DASH,
    _LETTERS_AND_SPACE,
    _LEVEL_AFTER,
    _LIST_ITEM,
    _LIST_MARK,
    _LONG_CN_RUN,
    _MOVED,
    _NAME_WORDS,
    _NOT_COUNT_NOUNS,
    _NOUN,
    _PHONE_AFTER,
    _PLURALS,
    _PREFIX_CURRENCY,
    _PREFIX_REACH,
    _QUALIFIER_ENDS,
    _QUALIFIER_SET,
    _QUALIFIER_SIZES,
    _RANGE_JOINERS,
    _RATE_BASE,
    _SCORE_MARKS,
    _SENTENCE_MARKS,
    _SENTENCE_STARTS,
    _SET_PHRASE_REACH,
    _SET_PHRASES,
    _SIGN_REACH,
    _SIGN_WORDS,
    _STREET,
    _YUAN_CODES,
    _YUAN_FAMILY,
    _YUAN_HINT,
)
from factcheck.text.extract.units import CURRENCY_PREFIXES


def _between_long_numerals(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of the stretches of `text` between runs of Chinese numerals longer than
    MAX_NUMBER_CHARS; the whole text when it has none, as ordinary text does."""
    position = 0
    for run in _LONG_CN_RUN.finditer(text):
        yield position, run.start()
        position = run.end()
    yield position, len(text)


def _without_overlaps(found: list[QuantityMatch]) -> list[QuantityMatch]:
    result: list[QuantityMatch] = []
    end = -1
    for q in sorted(found, key=lambda q: (q.start, -(q.end - q.start))):
        if q.start >= end:
            result.append(q)
            end = q.end
    return result


def _is_range(text: str, low: QuantityMatch, high: QuantityMatch) -> bool:
    if low.high is not None or high.high is not None or not low.value or not high.value:
        return False
    joiner = text[low.end : high.start]
    if joiner not in _RANGE_JOINERS and not (joiner == " and " and _after_between(text, low.start)) \
            and not (joiner == " to " and _signs_to_signs(text, low, high)):
        return False
    if high.kind == "date" or (joiner in "至到" and _moved_by(text, low)):
        return False
    same = (low.kind, low.unit) == (high.kind, high.unit)
    bare = low.kind == "count" and not low.unit
    # "$5 to $10 million" stays two amounts: ends a thousand times apart are not one range
    return (same or bare) and low.value < high.value < 1000 * low.value


def _moved_by(text: str, low: QuantityMatch) -> bool:
    """上涨2美元至85美元: after a verb of change, an amount with its unit and 至 another is a
    move by the first to the second (a bare first number, 上涨2至3美元, stays a range)."""
    return not low.text[-1].isdigit() and bool(_CHANGE_BEFORE_ZH.search(text, max(0, low.start - 4), low.start))


def _signs_to_signs(text: str, low: QuantityMatch, high: QuantityMatch) -> bool:
    """$2 billion to $4 billion, €5m to €7m: one range when both amounts carry their currency's
    sign and no word of change comes before (rose $2 to $40, from $5 to $10: a move)."""
    if low.kind != "money" or low.unit != high.unit or low.text[0].isdigit() or high.text[0].isdigit():
        return False
    head = text[max(0, low.start - 12) : low.start].rstrip()
    return head.rsplit(" ", 1)[-1].lower() not in _CHANGE_WORDS


def _after_between(text: str, start: int) -> bool:
    """between $95bn and $110bn: one range."""
    return text.endswith(("between ", "Between "), 0, start) and not text[start - 9 : start - 8].isalpha()


def _stated_age(text: str, before: str, end: int, number: str, following: str) -> bool:
    if following == "," and before[-2:] == ", " and before[-3:-2].isalpha():
        stated = text[end + 1 : end + 2] == " "  # not a list of numbers: 1,2,3
    else:
        stated = "ge" in before and _AGED.search(before) is not None
    return stated and int(number) < 120


def _carried_currency(text: str, start: int) -> str | None:
    """The currency a bare 元 is in: the last of the 元 currencies named earlier in its
    sentence (within 100 characters); None for the yuan."""
    before = text[max(0, start - 100) : start]
    if _YUAN_HINT.search(before) is None:
        return None  # the common case
    named = _YUAN_FAMILY.findall(before, max(before.rfind(mark) for mark in _SENTENCE_MARKS) + 1)
    return _YUAN_CODES.get(named[-1]) if named else None


def _sign_word(text: str, start: int) -> int:
    """The length of the sign word that ends at `start` as a word of its own; 0 for none
    ("dominus 5")."""
    for word in _SIGN_WORDS:
        if text.endswith(word, 0, start):
            before = start - len(word)
            if text.endswith(("plus or ", "Plus or "), 0, before):
                return 0  # plus or minus 2.2 points: a margin, not a negative
            return len(word) if before == 0 or not text[before - 1].isalpha() else 0
    return 0


def _negative_sign(text: str, start: int) -> bool:
    """A minus sign right before the number: -2.1%, 为-3.2亿元, 气温-5°C; not the dash of a
    word or a range."""
    if text[start - 1 : start] not in ("-", "−"):
        return False
    if start < 2:
        return True
    before = text[start - 2]
    if before in _JOINED_BY_DASH:
        return False
    return not before.isalnum() or "\u4e00" <= before <= "\u9fff"  # 为-3.2亿元, not A-1


def _yen_or_yuan(text: str, start: int, end: int) -> str:
    """¥ is the sign of both the yuan and the yen: the yen when Japan or the yen is named
    nearer the amount than China or the yuan, within _SIGN_REACH characters; else the yuan,
    the commoner reading in the Chinese and English news this tool reads."""
    low = max(0, start - _SIGN_REACH)
    window = text[low : end + _SIGN_REACH]
    japan = _distance(_JAPAN, window, start - low, end - low)
    if japan is None:
        return YUAN
    china = _distance(_CHINA, window, start - low, end - low)
    return "JPY" if china is None or japan < china else YUAN


def _distance(pattern: re.Pattern, window: str, start: int, end: int) -> int | None:
    distances = [start - m.end() if m.end() <= start else abs(m.start() - end) for m in pattern.finditer(window)]
    return min(distances) if distances else None


def _qualifier_before(text: str, start: int) -> str | None:
    tail = text[max(0, start - 18) : start].rstrip(" ")
    if tail.endswith(_CURRENCY_BETWEEN):
        tail = tail[: -3 if tail.endswith("人民币") else -2].rstrip(" ")
    elif tail[-2:].lower()[-2:] not in _QUALIFIER_ENDS and tail[-1:] not in _QUALIFIER_ENDS:
        if tail[-1:] not in "为达有" or tail[-2:-1] not in _QUALIFIER_ENDS:
            return None  # the common case: no qualifier ends the way the text before does
        tail = tail[:-1]  # 约为, 近达, 约有
    tail = tail.lower()
    for size in _QUALIFIER_SIZES:  # longest first, as the tuple is sorted
        word = tail[-size:]
        if len(word) == size and word in _QUALIFIER_SET:
            cut = len(tail) - size
            if word.isascii() and cut > 0 and tail[cut - 1].isalpha():
                return None  # "turnover 5" is not "over 5"
            if word == "up to" and _MOVED.search(tail, 0, cut):
                return None  # "edged up to 4.3%": a move, not a ceiling
            return word
    return None


def _last_word(head: str) -> str:
    """What follows the last space or line break: the word before a number, also at the
    start of a line."""
    return head[max(head.rfind(" "), head.rfind("\n"), head.rfind("\t")) + 1 :]


def _between_capitals(text: str, before: str, end: int, number: str) -> bool:
    if len(number) == 4 and number.isdigit() and 1800 <= int(number) <= 2100:
        return False  # In 2023 Apple ...: a year
    after = text[end : end + 2]
    if len(after) < 2 or after[0] != " " or not after[1].isupper():
        return False
    if "," in number:
        return False  # Around 40,000 Ukrainian soldiers: names carry no thousands
    head = before[:-1] if before.endswith(" ") else ""
    word = _last_word(head)
    return word[:1].isupper() and word.isalpha() and word.lower() not in _SENTENCE_STARTS


def _version_of_a_name(text: str, before: str, end: int, number: str) -> bool:
    """A capitalised name, then a number that counts nothing (no noun after it): the
    number is part of the name (Claude 3, Gemini 1.5, Llama 2), as in Apple's iPhone 15 Pro
    and unlike 'Apple sold 3 phones'. A year is a date, not a version."""
    if len(number) == 4 and number.isdigit() and 1800 <= int(number) <= 2100:
        return False
    if before[-1:] != " ":
        return False
    head = before[:-1]
    word = _last_word(head)
    cut = len(word)
    while cut > 0 and word[cut - 1].isascii():  # Chinese text has no spaces: 推出Claude 3
        cut -= 1
    word = word[cut:]
    if len(word) < 2 or not (word.isascii() and word.isalpha() and word[0].isupper() and word[1:].islower()):
        return False
    folded = word.lower()
    if folded in _NOT_COUNT_NOUNS or folded in _SENTENCE_STARTS:
        return False
    return not _count_noun(text, end)


def _count_noun(text: str, end: int, *, head: bool = True) -> str:
    """The word a number counts: '300 people', '5 new stores' (an adjective is passed over),
    '1,502 likely voters' (with `head`, a word that is not plural before a plural one)."""
    found = _NOUN.match(text, end)
    if found is None or found["noun"] in _NOT_COUNT_NOUNS or found["noun"].endswith("ed"):
        return ""  # "500 gained": a verb follows, not a counted noun
    noun = found["noun"]
    for _ in range(2):  # 5 new stores; 2.1 billion monthly active users
        if noun not in _ADJECTIVES:
            break
        following = _NOUN.match(text, found.end())
        if following is None or following["noun"] in _NOT_COUNT_NOUNS:
            break
        noun, found = following["noun"], following
    if head and not _is_plural(noun):
        following = _NOUN.match(text, found.end())
        word = following["noun"] if following else ""
        if _is_plural(word) and word not in _NOT_COUNT_NOUNS and not word.endswith("ed"):
            return word  # 1,200 new affordable homes, 3 phone makers
    return noun


def _is_plural(noun: str) -> bool:
    return noun.endswith("s") or noun in _PLURALS


class Prefix(NamedTuple):
    code: str  # the currency
    size: int  # characters of the form before the number, with the space after it


def _prefix(before: str) -> Prefix | None:
    """The currency written before a number, `before` ending with one of the forms (as
    _prefix_currency found): $, US$, hk $, Rs."""
    found = _PREFIX_CURRENCY.search(before, max(0, len(before) - _PREFIX_REACH))
    if found is None:
        return None
    form = found["cur"]
    preceding = before[found.start() - 1 : found.start()]
    if form[0].isascii() and form[0].isalpha() and (preceding.isalnum() or preceding in _APOSTROPHES):
        # "Rs 5", "CHF 3", "c $2", not "Mrs 5", "BRs 3", "its $5" or "Jones's $5": its sign alone
        sign = form.lstrip(_LETTERS_AND_SPACE)
        return Prefix(CURRENCY_PREFIXES[sign], len(found[0]) - (len(form) - len(sign))) if sign in CURRENCY_PREFIXES else None
    return Prefix(CURRENCY_PREFIXES[form], len(found[0]))


def _prefix_currency(before: str) -> str | None:
    tail = before.rstrip(" ")
    if tail[-1:] not in _CURRENCY_TAIL_ENDS or not tail.endswith(_CURRENCY_TAILS):
        return None  # the common case, before a regular expression is run
    found = _prefix(before)
    return found.code if found else None


def _names_something(before: str) -> bool:
    """GPT-4o, GPT4.5, USDL-24-1817, A-1, GPT- 1, Q3, FY2024, #1, 第一, iOS 17, Table 5."""
    last = before[-1:]
    if not last:
        return False
    if last == " ":  # the common case first: after a lower-case word, only the name words
        head = before[:-1]
        word = _last_word(head)
        if word.isalpha() and word.islower() and word.isascii():
            return word in _NAME_WORDS
    if last.isascii() and last.isalpha() or last in "#№第=":
        return True  # GPT4, #1, 第一, a=1
    if last == "(" and before[-2:-1].isascii() and before[-2:-1].isalpha():
        return True  # alert(1): code, not prose
    if last in "-_/." and len(before) > 1 and before[-2].isascii() and before[-2].isalnum():
        return True
    if last != " ":
        return False
    head = before[:-1]
    word = _last_word(head)
    if not word.isascii():  # Chinese text has no spaces: keep the Latin tail (GPT- 1)
        cut = len(word)
        while cut > 0 and word[cut - 1].isascii():
            cut -= 1
        word = word[cut:]
    if not word:
        return False
    if word.endswith("-") and word[:-1].isalnum():
        return True  # GPT- 1
    if word.lower() in _NAME_WORDS:
        return True
    letters = word.strip(".,;:()")
    if "&" in letters:
        return True  # S&P 500
    if not letters.isalpha():
        return False
    return (len(letters) >= 2 and letters.isupper()) or any(c.isupper() for c in letters[1:])


def _digits_name_something(text: str, before: str, end: int, low_text: str, high_text: str | None) -> bool:
    """Digits that their edges alone show to be no amount: too long, a version, a date, a
    phone number, a score, a shopping festival, an index's name."""
    if len(low_text) > MAX_NUMBER_CHARS or high_text and len(high_text) > MAX_NUMBER_CHARS:
        return True  # 1111…, a hash's digits: no amount is written so long
    following = text[end : end + 1]
    if following in (".", "/") and text[end + 1 : end + 2].isdigit():
        return True  # 1.2.3, 5/22/2024, 1/3: a version, an address, a date or a fraction
    last = before[-1:]
    if last == "(" and text[end : end + 2] == ") " and text[end + 2 : end + 3].isdigit():
        return True  # (202) 691-6378: an area code
    if following in _SCORE_MARKS and text[end + 1 : end + 2].isdigit() or last in _SCORE_MARKS and before[-2:-1].isdigit():
        return True  # 3:1, 3比1: a score or a ratio of parts, not two counts
    if last == "+" and following in (" ", "-", "(") and text[end + 1 : end + 2].isdigit():
        return True  # +1 202-691-5902: a country code
    if following in ("-", ".", " ") and text[end + 1 : end + 2].isdigit() and len(low_text) <= 3 \
            and _PHONE_AFTER.match(text, end + 1):
        return True  # 1-800-555-0199: the trunk prefix of a phone number
    if last == "双" and low_text in ("11", "12"):
        return True  # 双11, 双12: shopping festivals
    return _names_an_index_or_event(text, before, end, low_text)


def _bare_number_names_something(text: str, before: str, end: int, low_text: str, high_text: str | None) -> bool:
    """Digits with no unit, scale or currency that number a list item or belong to a name:
    an address, a product, a version."""
    if _LIST_MARK.match(text, end) and _LIST_ITEM.search(before):
        return True  # list numbering: "1." or "2、" at the start of a line
    if high_text is not None:
        return False
    following = text[end : end + 1]
    if (following > "\u2fff" or following == " " and text[end + 1 : end + 2].isupper() or following == "E") \
            and _INDEX_AFTER.match(text, end):
        return True  # 500医药指数, the 100 Index, 300ETF: an index's name
    if text[end : end + 1] == " " and text[end + 1 : end + 2].isupper() and _STREET.match(text, end):
        return True  # 1200 Main Street: an address
    if _between_capitals(text, before, end, low_text):
        return True  # Claude 3 Opus, iPhone 15 Pro: a product name
    return _version_of_a_name(text, before, end, low_text)  # Claude 3, Gemini 1.5, Llama 2: a version


def _names_an_index_or_event(text: str, before: str, end: int, number: str) -> bool:
    """沪深300, 标普500, Nasdaq 100: an index's name, not a count (a level in points after
    the family is an amount: 上证3000点); 9·11, 5·12: an event named by its date."""
    if text[end : end + 1] in _EVENT_DOTS and text[end + 1 : end + 2].isdigit() \
            or before[-1:] in _EVENT_DOTS and before[-2:-1].isdigit():
        return True
    head = before[:-1] if before[-1:] == " " else before
    families = _INDEX_FAMILIES_BY_END.get(head[-1:])
    return families is not None and head.endswith(families) and number.isdigit() and not _LEVEL_AFTER.match(text, end)


def _in_a_set_phrase(text: str, start: int, end: int) -> bool:
    """三个代表, 四个全面: a numeral inside a set phrase, which counts nothing."""
    phrase = _SET_PHRASES.search(text, max(0, start - _SET_PHRASE_REACH), end + _SET_PHRASE_REACH)
    return phrase is not None and phrase.start() <= start < phrase.end()


def _base_of_a_rate(text: str, start: int, kind: str) -> bool:
    """每百万tokens, per 100,000 people, every 10 years: the base a rate is counted in (a
    share or a date after per is none: per 1% rise, per January 2024)."""
    return kind not in ("percent", "date") and text.endswith(_RATE_BASE, max(0, start - 6), start)
