"""The currencies factcheck reads, one record each: how an amount in it is written before
and after the number, in Chinese and English, and how it is shown. The tables the reader
uses (units.UNITS, the prefixes before a number, the codes glued to one, the currencies a
bare 元 may be in, the words that tell the yen's ¥ from the yuan's) are derived from these
records (see docs/architecture.md, "Add a currency").
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Currency:
    code: str  # ISO 4217, the canonical unit of its amounts
    symbol: str | None = None  # shown before an amount ($100B); None: the code and a space (CHF 3)
    before: tuple[str, ...] = ()  # written before the number: US$, ¥, Rs, 港币
    zh: tuple[str, ...] = ()  # Chinese words after the number: 美元, 美金
    en: tuple[str, ...] = ()  # English words after the number: dollars
    codes: tuple[str, ...] = ()  # letter codes read before, after or glued to the number: USD34.6, RMB5bn
    cents: tuple[str, ...] = ()  # words for a hundredth of it: 14 cents
    yuan_names: tuple[str, ...] = ()  # its names after which a bare 元 is in it (新台币…每股12.54元)
    named_zh: tuple[str, ...] = ()  # Chinese words that name it or its country, to tell a shared sign
    named_en: tuple[str, ...] = ()  # English ones, whole words

    @property
    def shown(self) -> str:
        """What goes before a displayed amount: "$", "HK$", "CHF "."""
        return self.symbol if self.symbol is not None else self.code + " "


YUAN = "CNY"  # a bare 元, and ¥ when no country is named nearer the yen's

CURRENCIES: tuple[Currency, ...] = (
    Currency("USD", "$", before=("US$", "$"), zh=("美元", "美金"), en=("dollars", "dollar"), codes=("USD",),
             cents=("cents", "cent")),
    Currency("CNY", "¥", before=("¥", "人民币"), zh=("元人民币", "人民币", "元", "块钱"), en=("yuan", "renminbi"),
             codes=("RMB", "CNY"), yuan_names=("人民币",), named_zh=("人民币", "中国"),
             named_en=("yuan", "Yuan", "RMB", "CNY", "renminbi", "China", "Chinese", "Beijing", "Shanghai")),
    Currency("EUR", "€", before=("€",), zh=("欧元",), en=("euros", "euro"), codes=("EUR",)),
    Currency("GBP", "£", before=("£",), zh=("英镑",), en=("pounds sterling", "pounds", "pound"), codes=("GBP",),
             cents=("pence",)),
    Currency("JPY", "JP¥", zh=("日元",), en=("yen",), codes=("JPY",), named_zh=("日元", "日本", "日圆", "円"),
             named_en=("yen", "Yen", "JPY", "Japan", "Japanese", "Tokyo", "Nikkei")),
    Currency("HKD", "HK$", before=("HK$", "港币"), zh=("港元", "港币"), codes=("HKD",), yuan_names=("港币", "港元")),
    Currency("TWD", "NT$", before=("NT$", "新台币", "台币"), zh=("新台币", "台币"), yuan_names=("新台币", "台币")),
    Currency("MOP", "MOP$", before=("MOP$",), zh=("澳门元", "澳门币"), yuan_names=("澳门币", "澳门元")),
    Currency("AUD", "A$", before=("A$",), zh=("澳元",)),
    Currency("CAD", "C$", before=("C$",), zh=("加元",)),
    Currency("SGD", "S$", before=("S$",), zh=("新加坡元",)),
    Currency("NZD", "NZ$", before=("NZ$",)),
    Currency("BRL", "R$", before=("R$",)),
    Currency("INR", "₹", before=("Rs", "Rs.", "INR", "₹"), zh=("卢比",), en=("rupees", "rupee")),
    Currency("KRW", "₩", before=("₩",), zh=("韩元",), en=("won",)),
    Currency("CHF", before=("CHF",), zh=("瑞郎", "瑞士法郎")),
    Currency("RUB", zh=("卢布",)),
    Currency("THB", zh=("泰铢",)),
)


def currency_words() -> dict[str, str]:
    """Each word written after a number → its currency's code (美元, dollars, USD)."""
    return {word: c.code for c in CURRENCIES for word in (*c.zh, *c.en, *c.codes)}


def cent_words() -> dict[str, str]:
    return {word: c.code for c in CURRENCIES for word in c.cents}


def currency_prefixes() -> dict[str, str]:
    """Each form written before a number → its currency's code ($, US$, RMB, 人民币)."""
    return {form: c.code for c in CURRENCIES for form in (*c.before, *c.codes)}


def currency_symbols() -> dict[str, str]:
    """Each code → what a displayed amount starts with."""
    return {c.code: c.shown for c in CURRENCIES}


def glued_codes() -> tuple[str, ...]:
    """Codes read glued to the number (USD34.6, RMB5bn)."""
    return tuple(code for c in CURRENCIES for code in c.codes)


def yuan_names() -> dict[str, str | None]:
    """Names of the currencies whose amounts are also written in 元 → the code a bare 元
    after them is in (None: the yuan itself)."""
    return {name: (None if c.code == YUAN else c.code) for c in CURRENCIES for name in c.yuan_names}


def named(code: str) -> re.Pattern:
    """The words that name a currency or its country, as they stand in text."""
    found = next(c for c in CURRENCIES if c.code == code)
    english = "|".join(found.named_en)
    return re.compile("|".join(found.named_zh) + rf"|(?<![A-Za-z])(?:{english})(?![A-Za-z])")
