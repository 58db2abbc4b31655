"""Numbers written in words: Chinese numerals (五, 两, 一千多万, 一、二十) and English words.

Hand-written because the maintained converters either handle Chinese numerals only without
mixed forms and ranges (cn2an) or English only; both parse a few dozen characters at a time,
while here the scanner has already isolated the numeral.
"""

from __future__ import annotations

CN_DIGITS = {
    "零": 0, "〇": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3, "四": 4,
    "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
}
CN_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
CN_BIG_UNITS = {"万": 10**4, "亿": 10**8}
CN_NUMERAL_CHARS = "".join(CN_DIGITS) + "".join(CN_SMALL_UNITS) + "".join(CN_BIG_UNITS)
# The longest number read, in characters (digits, separators, numerals): longer than any
# amount written out (九千九百九十九万九千九百九十九亿… is 31; a float holds 17 digits).
# A longer run (一一一…, 1111…, a hash) is not a quantity.
MAX_NUMBER_CHARS = 32

# Multipliers written after an Arabic number (3.6亿, 19.88万亿, 5100万).
CN_SCALES = {
    "万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "十亿": 1e9, "亿": 1e8,
    "千万": 1e7, "百万": 1e6, "十万": 1e5, "万": 1e4, "千": 1e3, "百": 1e2,
}
EN_SCALES = {
    "trillion": 1e12, "tn": 1e12, "trn": 1e12, "t": 1e12,
    "billion": 1e9, "bn": 1e9, "b": 1e9,
    "million": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6,
    "thousand": 1e3, "k": 1e3,
    "hundred": 1e2, "crore": 1e7, "crores": 1e7, "lakh": 1e5, "lakhs": 1e5,
}
EN_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "dozen": 12, "a": 1, "an": 1,
}


def parse_chinese(numeral: str) -> tuple[float, float | None]:
    """(value, high) of a Chinese numeral; high is set for ranges such as 一、二十 or 三四百."""
    numeral = numeral.replace("多", "").replace("余", "").replace("几", "")
    head, sep, tail = numeral.partition("、")
    if sep and len(head) == 1 and head in CN_DIGITS and tail:
        # 一、二十 = "ten or twenty": the first digit borrows the second's unit
        high = _chinese_value(tail)
        return high * CN_DIGITS[head] / max(_leading_digit(tail), 1), high
    if len(numeral) >= 2 and numeral[0] in CN_DIGITS and numeral[1] in CN_DIGITS:
        first, second = CN_DIGITS[numeral[0]], CN_DIGITS[numeral[1]]
        rest = numeral[2:]
        if second == first + 1 and (not rest or rest[0] in CN_SMALL_UNITS or rest[0] in CN_BIG_UNITS):
            unit = _chinese_value("一" + rest) if rest else 1
            return first * unit, second * unit
        if all(ch in CN_DIGITS for ch in numeral):  # digit by digit: 二〇二四
            return float("".join(str(CN_DIGITS[ch]) for ch in numeral)), None
    return _chinese_value(numeral), None


def _leading_digit(numeral: str) -> int:
    return CN_DIGITS.get(numeral[0], 1) if numeral else 1


def _chinese_value(numeral: str) -> float:
    total = 0.0  # completed groups above 万/亿
    group = 0.0  # the part below the current big unit
    digit = 0.0
    for ch in numeral:
        if ch in CN_DIGITS:
            digit = CN_DIGITS[ch]
        elif ch in CN_SMALL_UNITS:
            group += (digit or 1) * CN_SMALL_UNITS[ch]
            digit = 0
        elif ch in CN_BIG_UNITS:
            size = CN_BIG_UNITS[ch]
            section = group + digit
            if total and total < size:
                total = (total + section) * size  # 万亿: the 万 applies to the whole
            else:
                total += (section or 1) * size
            group = digit = 0
    return total + group + digit


def parse_english(words: str) -> float | None:
    """'twenty-five', 'a hundred', 'three' -> number; None when not a number phrase."""
    total = 0.0
    found = False
    for word in words.lower().replace("-", " ").split():
        if word in EN_WORDS:
            total += EN_WORDS[word]
            found = True
        elif word == "hundred":
            total = (total or 1) * 100
            found = True
        elif word != "and":
            return None
    return total if found else None
