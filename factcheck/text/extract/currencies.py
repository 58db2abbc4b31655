"""The currencies factcheck reads, one record each: how an amount in it is written before
and after the number, in Chinese and English, and how it is shown. The tables the reader
uses (units.UNITS, the prefixes before a number, the signs after one, the codes glued to
one, the parts of an amount in two parts, the currencies a bare 元 may be in, the words that
tell the yen's ¥ from the yuan's) are derived from these records (see docs/architecture.md,
"Add a currency")."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Currency:
    code: str  # ISO 4217 (a withdrawn currency keeps its historic code: DEM, FRF), the canonical unit
    symbol: str | None = None  # shown before an amount ($100B); None: the code and a space (CHF 3)
    before: tuple[str, ...] = ()  # written before the number: US$, ¥, Rs, 港币 (a sign alone, ₽, also after it)
    zh: tuple[str, ...] = ()  # Chinese words after the number: 美元, 美金
    en: tuple[str, ...] = ()  # English words after the number, read in any case: dollars, US dollars
    codes: tuple[str, ...] = ()  # letter codes read before, after or glued to the number: USD34.6, RMB5bn
    cents: tuple[str, ...] = ()  # words for a hundredth of it: 14 cents, 美分 (the first currency listing a word reads it alone)
    tenths: tuple[str, ...] = ()  # words for a tenth of it: 七元五毛, 3角
    yuan_names: tuple[str, ...] = ()  # its names after which a bare 元 is in it (新台币…每股12.54元)
    named_zh: tuple[str, ...] = ()  # Chinese words that name it or its country, to tell a shared sign
    named_en: tuple[str, ...] = ()  # English ones, whole words

    @property
    def shown(self) -> str:
        """What goes before a displayed amount: "$", "HK$", "CHF "."""
        return self.symbol if self.symbol is not None else self.code + " "


YUAN = "CNY"  # a bare 元, and ¥ when no country is named nearer the yen's

_DOLLAR_CENTS = ("cents", "cent")
CURRENCIES: tuple[Currency, ...] = (
    Currency("USD", "$", before=("US$", "$"), zh=("美元", "美金"),
             en=("dollars", "dollar", "US dollars", "US dollar", "U.S. dollars", "U.S. dollar", "American dollars"),
             codes=("USD",), cents=(*_DOLLAR_CENTS, "US cents", "U.S. cents", "美分")),
    Currency("CNY", "¥", before=("¥", "人民币"), zh=("元人民币", "人民币", "元", "块钱"),
             en=("yuan", "renminbi", "Chinese yuan"), codes=("RMB", "CNY"), cents=("分",), tenths=("角", "毛"),
             yuan_names=("人民币",), named_zh=("人民币", "中国"),
             named_en=("yuan", "Yuan", "RMB", "CNY", "renminbi", "China", "Chinese", "Beijing", "Shanghai")),
    Currency("EUR", "€", before=("€",), zh=("欧元",), en=("euros", "euro"), codes=("EUR",),
             cents=(*_DOLLAR_CENTS, "euro cents", "欧分")),
    Currency("GBP", "£", before=("£",), zh=("英镑",), en=("pounds sterling", "pounds", "pound", "British pounds"),
             codes=("GBP",), cents=("pence", "penny", "便士")),
    Currency("JPY", "JP¥", zh=("日元", "日圆"), en=("yen", "Japanese yen"), codes=("JPY",),
             named_zh=("日元", "日本", "日圆", "円"),
             named_en=("yen", "Yen", "JPY", "Japan", "Japanese", "Tokyo", "Nikkei")),
    Currency("HKD", "HK$", before=("HK$", "港币"), zh=("港元", "港币"), en=("Hong Kong dollars", "Hong Kong dollar", "HK dollars"),
             codes=("HKD",), cents=(*_DOLLAR_CENTS, "港仙"), yuan_names=("港币", "港元")),
    Currency("TWD", "NT$", before=("NT$", "新台币", "台币"), zh=("新台币", "台币"),
             en=("New Taiwan dollars", "Taiwan dollars", "Taiwan dollar", "NT dollars"), codes=("TWD",),
             yuan_names=("新台币", "台币")),
    Currency("MOP", "MOP$", before=("MOP$",), zh=("澳门元", "澳门币"), en=("patacas", "pataca"),
             yuan_names=("澳门币", "澳门元")),
    # A$ is neither read in lower case nor spaced: "a $5 fee", "A $12-billion deal" are dollars
    Currency("AUD", "A$", before=("A$",), zh=("澳元", "澳大利亚元"), en=("Australian dollars", "Australian dollar"),
             codes=("AUD",), cents=(*_DOLLAR_CENTS, "Australian cents")),
    Currency("CAD", "C$", before=("C$",), zh=("加元", "加拿大元", "加币"), en=("Canadian dollars", "Canadian dollar"),
             codes=("CAD",), cents=(*_DOLLAR_CENTS, "Canadian cents")),
    Currency("SGD", "S$", before=("S$",), zh=("新加坡元", "新元"), en=("Singapore dollars", "Singapore dollar"),
             codes=("SGD",), cents=_DOLLAR_CENTS),
    Currency("NZD", "NZ$", before=("NZ$",), zh=("新西兰元", "纽元"), en=("New Zealand dollars", "New Zealand dollar"),
             codes=("NZD",), cents=_DOLLAR_CENTS),
    Currency("BRL", "R$", before=("R$",), zh=("巴西雷亚尔", "雷亚尔"), en=("reais", "Brazilian reais", "Brazilian real"),
             codes=("BRL",)),
    Currency("INR", "₹", before=("Rs", "Rs.", "INR", "₹"), zh=("印度卢比", "卢比"),
             en=("rupees", "rupee", "Indian rupees", "Indian rupee"), codes=("INR",)),
    Currency("PKR", "PKR ", zh=("巴基斯坦卢比",), en=("Pakistani rupees", "Pakistani rupee"), codes=("PKR",)),
    Currency("KRW", "₩", before=("₩",), zh=("韩元", "韩币"), en=("won", "South Korean won", "Korean won"),
             codes=("KRW",)),
    # bare "francs" (法郎) are Swiss, the one franc of the big markets left; French and
    # Belgian francs are named with their country
    Currency("CHF", before=("CHF",), zh=("瑞郎", "瑞士法郎", "法郎"), en=("Swiss francs", "Swiss franc", "francs", "franc"),
             codes=("CHF",)),
    Currency("RUB", "₽", before=("₽",), zh=("卢布",), en=("roubles", "rubles", "rouble", "ruble", "Russian roubles"),
             codes=("RUB",)),
    Currency("THB", "฿", before=("฿",), zh=("泰铢",), en=("baht", "Thai baht"), codes=("THB",)),
    # bare "pesos" (比索) are Mexican, the peso of most news; the others are named
    Currency("MXN", "MX$", before=("MX$", "Mex$"), zh=("墨西哥比索", "比索"),
             en=("Mexican pesos", "Mexican peso", "pesos", "peso"), codes=("MXN",), cents=("centavos",)),
    Currency("PHP", "₱", before=("₱",), zh=("菲律宾比索",), en=("Philippine pesos", "Philippine peso")),
    Currency("ARS", "ARS ", zh=("阿根廷比索",), en=("Argentine pesos", "Argentine peso"), codes=("ARS",)),
    Currency("CLP", "CLP ", zh=("智利比索",), en=("Chilean pesos", "Chilean peso"), codes=("CLP",)),
    Currency("COP", "COP ", zh=("哥伦比亚比索",), en=("Colombian pesos", "Colombian peso")),
    # bare "lira" and "liras" (里拉) are Turkish today; the plural "lire" is the Italian lira's
    Currency("TRY", "₺", before=("₺",), zh=("土耳其里拉", "里拉"), en=("Turkish lira", "Turkish liras", "lira", "liras")),
    Currency("ZAR", "R ", zh=("南非兰特", "兰特"), en=("South African rand", "rand"), codes=("ZAR",)),
    Currency("SEK", "SEK ", zh=("瑞典克朗",), en=("Swedish kronor", "Swedish crowns", "kronor"), codes=("SEK",)),
    Currency("NOK", "NOK ", zh=("挪威克朗",), en=("Norwegian kroner", "Norwegian crowns"), codes=("NOK",)),
    Currency("DKK", "DKK ", zh=("丹麦克朗",), en=("Danish kroner", "Danish crowns"), codes=("DKK",)),
    Currency("PLN", "zł ", zh=("波兰兹罗提", "兹罗提"), en=("zlotys", "zloty", "zlotych"), codes=("PLN",)),
    Currency("HUF", "HUF ", zh=("匈牙利福林", "福林"), en=("forints", "forint"), codes=("HUF",)),
    Currency("CZK", "CZK ", zh=("捷克克朗",), en=("Czech crowns", "koruna", "korunas"), codes=("CZK",)),
    Currency("IDR", "Rp ", before=("Rp",), zh=("印尼盾",), en=("rupiah", "Indonesian rupiah"), codes=("IDR",)),
    Currency("MYR", "RM ", before=("RM",), zh=("林吉特", "马币"), en=("ringgit", "Malaysian ringgit"), codes=("MYR",)),
    Currency("VND", "₫", before=("₫",), zh=("越南盾",), en=("dong", "Vietnamese dong"), codes=("VND",)),
    Currency("ILS", "₪", before=("₪",), zh=("新谢克尔", "谢克尔"), en=("shekels", "shekel", "new shekels"), codes=("ILS",)),
    Currency("UAH", "₴", before=("₴",), zh=("格里夫纳", "赫里夫纳"), en=("hryvnias", "hryvnia", "hryvnas"), codes=("UAH",)),
    Currency("NGN", "₦", before=("₦",), zh=("奈拉",), en=("naira",), codes=("NGN",)),
    Currency("EGP", "EGP ", zh=("埃及镑",), en=("Egyptian pounds", "Egyptian pound"), codes=("EGP",)),
    Currency("SAR", "SAR ", zh=("沙特里亚尔", "里亚尔"), en=("Saudi riyals", "riyals", "riyal"), codes=("SAR",)),
    Currency("AED", "AED ", zh=("阿联酋迪拉姆", "迪拉姆"), en=("UAE dirhams", "dirhams", "dirham"), codes=("AED",)),
    Currency("KES", "KES ", zh=("肯尼亚先令",), en=("Kenyan shillings", "Kenyan shilling"), codes=("KES",)),
    Currency("KZT", "₸", before=("₸",), zh=("坚戈",), en=("tenge",), codes=("KZT",)),
    Currency("CRC", "₡", before=("₡",), zh=("科朗",), en=("colones", "colón", "Costa Rican colones")),
    Currency("GEL", "₾", before=("₾",), zh=("拉里",), en=("lari", "Georgian lari"), codes=("GEL",)),
    Currency("LAK", "₭", before=("₭",), zh=("基普",), en=("Lao kip",), codes=("LAK",)),
    Currency("MNT", "₮", before=("₮",), zh=("图格里克",), en=("tugriks", "tugrik"), codes=("MNT",)),
    Currency("PYG", "₲", before=("₲",), zh=("瓜拉尼",), en=("guaranies", "guarani"), codes=("PYG",)),
    Currency("BDT", "৳", before=("৳",), zh=("塔卡",), en=("taka", "Bangladeshi taka"), codes=("BDT",)),
    # Currencies of older text, before the euro, with their historic codes (no rate is claimed
    # for them: the ECB's table starts in 1999 and lacks them). A bare "marks" is as often an
    # exam's (scored 95 marks), so the reader asks more of it (quantities.amounts).
    Currency("FRF", "FRF ", before=("₣",), zh=("法国法郎",), en=("French francs", "French franc"), codes=("FRF",)),
    Currency("BEF", "BEF ", zh=("比利时法郎",), en=("Belgian francs", "Belgian franc"), codes=("BEF",)),
    Currency("DEM", "DM ", before=("DM",), zh=("德国马克", "西德马克", "马克"),
             en=("Deutsche marks", "Deutsche Mark", "Deutsche Marks", "Deutschmarks", "Deutschmark", "D-marks",
                 "D-Mark", "German marks", "marks"), codes=("DEM",), cents=("pfennigs", "pfennig", "芬尼")),
    Currency("ESP", "ESP ", before=("₧",), zh=("西班牙比塞塔", "比塞塔"), en=("pesetas", "peseta", "Spanish pesetas")),
    Currency("NLG", "NLG ", before=("ƒ",), zh=("荷兰盾",), en=("guilders", "guilder", "Dutch guilders"), codes=("NLG",)),
    Currency("ITL", "ITL ", before=("₤",), zh=("意大利里拉",), en=("Italian lire", "Italian lira", "lire"), codes=("ITL",)),
    Currency("PTE", "PTE ", zh=("葡萄牙埃斯库多", "埃斯库多"), en=("escudos", "escudo", "Portuguese escudos"), codes=("PTE",)),
    Currency("ATS", "ATS ", zh=("奥地利先令",), en=("Austrian schillings", "schillings"), codes=("ATS",)),
    Currency("GRD", "GRD ", zh=("希腊德拉克马", "德拉克马"), en=("drachmas", "drachmae", "drachma"), codes=("GRD",)),
    Currency("IEP", "IR£", before=("IR£",), zh=("爱尔兰镑",), en=("Irish pounds",), codes=("IEP",)),
)

# No letter code where it also names something else before a number (COP28, ESP32, CRC32);
# lower-case codes are read after a number (80 rmb, 15 usd), but not those that are words
_WORD_CODES = frozenset(["try", "all", "top", "mad", "cup", "php", "dem", "ars", "gel", "pte"])
_LETTERS = re.compile("[A-Za-z]")


def _cases(word: str) -> tuple[str, ...]:
    """An English currency name as news writes it: US dollars, us dollars, US Dollars, US DOLLARS.
    A name of one word is read as written only: capitalised, rand, marks, dong and won are as
    often names (the Rand Corporation, 10 Marks and Spencer stores, Team 2 Won)."""
    if " " not in word:
        return (word,)
    capitalised = " ".join(part[:1].upper() + part[1:] for part in word.split(" "))
    return tuple(dict.fromkeys((word, word.lower(), capitalised, word.upper())))


def _sign_forms(form: str, code: str) -> tuple[str, ...]:
    """A letter prefix on $ as written in any case and with a space: HK$, hk$, HK $, c $."""
    if not form.endswith("$") or not _LETTERS.match(form) or code == "AUD":
        return (form,)
    letters = form[:-1]
    return tuple(dict.fromkeys(f"{case}{space}$" for case in (letters, letters.lower()) for space in ("", " ")))


def currency_words() -> dict[str, str]:
    """Each word written after a number → its currency's code (美元, dollars, USD, 80 rmb, 25 €)."""
    words: dict[str, str] = {}
    for c in CURRENCIES:
        for word in (*c.zh, *c.codes, *signs(c)):
            words.setdefault(word, c.code)
        for word in (*(form for en in c.en for form in _cases(en)),
                     *(code.lower() for code in c.codes if code.lower() not in _WORD_CODES)):
            words.setdefault(word, c.code)
    return words


def signs(c: Currency) -> tuple[str, ...]:
    """Its signs without letters (€, ₽, $), which are also written after a number: 25 €."""
    return tuple(form for form in c.before if not _LETTERS.search(form) and not "\u4e00" <= form[0] <= "\u9fff")


def cent_words() -> dict[str, str]:
    """Each word for a hundredth read alone (14 cents) → its currency's code: the first
    currency that lists it (cents are the US dollar's, as $ is)."""
    words: dict[str, str] = {}
    for c in CURRENCIES:
        for word in c.cents:
            for form in _cases(word) if " " in word else (word,):  # US cents, u.s. cents
                words.setdefault(form, c.code)
    return words


def parts(code: str) -> dict[str, float]:
    """The words for a part of a currency's unit, to their share of it: 角 → 0.1, cents → 0.01."""
    found = next((c for c in CURRENCIES if c.code == code), None)
    if found is None:
        return {}
    return {**dict.fromkeys(found.tenths, 0.1), **dict.fromkeys(found.cents, 0.01)}


def currency_prefixes() -> dict[str, str]:
    """Each form written before a number → its currency's code ($, US$, hk $, RMB, 人民币)."""
    return {form: c.code for c in CURRENCIES for written in (*c.before, *c.codes) for form in _sign_forms(written, c.code)}


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
