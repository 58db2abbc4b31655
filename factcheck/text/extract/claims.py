"""Claims: sentences a reviewer could check, scored and labelled.

A sentence is a claim when it states a quantity, a dated event or an attributed statement.
Quantities and cue words are found in one pass over the whole document and handed to the
sentences they fall in, so the cost does not grow with the number of sentences.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Set as AbstractSet

from factcheck.text.extract.attribution import speaker_of
from factcheck.text.extract.dates import reference_for
from factcheck.text.extract.extraction import ClaimDraft, QuantityMatch
from factcheck.text.extract.quantities import QUANTITY_WORDS, extract_quantities
from factcheck.text.extract.sentences import split_sentences
from factcheck.text.extract.subjects import clause_around
from factcheck.text.extract.units import WordScan, alternation

# cue words and what they tell about a sentence: a cited source, an attributed statement,
# a hedge (opinion or prediction) or rhetoric
_CUE_WORDS = {
    **dict.fromkeys(["according to", "数据显示", "统计显示", "data show", "data showed",
                     "figures show", "figures showed", "statistics show"], "source"),
    **dict.fromkeys(["表示", "透露", "指出", "强调", "宣布", "承认", "回应", "证实", "介绍说", "发文",
                     "官宣", "爆料", "声称", "宣称", "said", "says", "told", "stated", "announced", "reported",
                     "wrote", "confirmed", "testified", "denied", "denies", "warned", "insisted",
                     "acknowledged", "admitted", "alleged", "否认", "警告", "坚称", "“", '"'], "said"),
    **dict.fromkeys(["认为", "觉得", "可能", "或许", "也许", "希望", "应该", "预计", "预测", "期待", "相信",
                     "i think", "believe", "believes", "may", "might", "could", "should", "would",
                     "expect", "expects", "forecast", "forecasts", "hope", "hopes", "predict",
                     "predicts"], "hedge"),
    **dict.fromkeys(["?", "？", "!", "！", "难道", "竟然"], "rhetoric"),
}
_ASCII_CUES = [w for w in _CUE_WORDS if w[0].isascii() and w[0].isalpha()]
_CJK_CUES = [w for w in _CUE_WORDS if not (w[0].isascii() and w[0].isalpha())]
# English cue words at a word start; the Chinese cues and punctuation in one trie whose
# branches each start with a literal, so the engine skips straight to their first characters.
_ENGLISH_CUES = frozenset(_ASCII_CUES + [w.capitalize() for w in _ASCII_CUES] + ["I think"])
# one scan of the text finds the English cue words and the words that start a quantity
_ENGLISH_WORDS = WordScan(list(_ENGLISH_CUES) + QUANTITY_WORDS)
_QUANTITY_WORDS = frozenset(QUANTITY_WORDS)
_CJK_CUE_PATTERN = re.compile(
    alternation(
        _CJK_CUES,
        tails={"据": r"[^。！？!?\n]{1,30}?(?:报道|消息|数据|统计|显示|公告|披露)", "称": r"(?<![宣声堪]称)"},
    )
)


def _cues(text: str, english: list[tuple[int, int]] | None = None) -> list[tuple[int, str]]:
    """(position, kind) of every cue, in order; an English word inside a 据…报道 span is
    part of that span, not a cue of its own. `english`: the English cue words' spans."""
    spans = [m.span() for m in _CJK_CUE_PATTERN.finditer(text)]
    if english is None:
        english = [span for span in _ENGLISH_WORDS.spans(text) if text[span[0] : span[1]] in _ENGLISH_CUES]
    if spans and english:
        english = [span for span in english if not _inside(span[0], spans)]
    merged = sorted(spans + english)
    return [(start, _cue_kind(text[start:end])) for start, end in merged if not _quotes_no_one(text, start, end)]


_CLOSING = {"“": "”", '"': '"'}
_CLAUSE_MARKS = frozenset("，,。.！!？?；;：:")


def _quotes_no_one(text: str, start: int, end: int) -> bool:
    """A quote mark that quotes no one: the closing one of a straight pair, or an opening one
    around a few words (“宫斗大戏”, "fake news"), which mark a term. A quotation is a clause:
    it has a clause mark, or at least ten characters (four words in a spaced script)."""
    closing = _CLOSING.get(text[start:end])
    if closing is None:
        return False
    if closing == '"' and start > 0 and not text[start - 1].isspace() and text[start - 1] not in "([“:：":
        return True  # "... involved here". closes a quotation; its opening mark is the cue
    close = text.find(closing, end, end + 200)
    if close < 0:
        return False  # a quotation that runs on
    quoted = text[end:close]
    if any(ch in _CLAUSE_MARKS for ch in quoted):
        return False
    words = quoted.split()
    return len(words) < 4 if len(words) > 1 else len(quoted) < 10


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    index = bisect.bisect_right(spans, (position, float("inf"))) - 1
    return index >= 0 and spans[index][0] <= position < spans[index][1]


def _cue_kind(found: str) -> str:
    if found[0] == "据":
        return "source"
    if found == "称":
        return "said"
    return _CUE_WORDS[found.lower()]


_HEADER_LINE = re.compile(r"(?:Source|URL|Published|Date)\s*:", re.IGNORECASE)
_KIND_WEIGHT = {
    "money": 0.35, "percent": 0.32, "measure": 0.3, "count": 0.22, "ratio": 0.25,
    "duration": 0.2, "date": 0.1,
}
_KEY_RANK = {kind: rank for rank, kind in enumerate(("money", "percent", "measure", "count", "ratio", "duration", "date"))}


def _key_rank(q: QuantityMatch) -> float:
    """Which quantity a label names: by kind; a person's age only before a date, as it
    describes who a sentence is about rather than what it claims (Haaland, 24, has scored
    27 goals)."""
    return 5.5 if q.unit == "age" else _KEY_RANK.get(q.kind, 9)


# head nouns for labels: the keyword nearest the key quantity names what it measures
_LABEL_NOUNS = {
    "估值": "valuation", "valuation": "valuation", "valued": "valuation", "市值": "market value",
    "订购算力": "compute order", "算力订单": "compute order", "订单": "order", "订购": "order",
    "order": "order", "算力": "compute", "compute": "compute",
    "响应音频": "audio response", "音频": "audio response", "audio": "audio response",
    "latency": "latency", "延迟": "latency", "推文": "posts", "posts": "posts", "tweets": "posts",
    "营收": "revenue", "收入": "revenue", "revenue": "revenue", "sales": "sales", "销售额": "sales",
    "销量": "sales", "利润": "profit", "净利润": "net profit", "profit": "profit", "亏损": "loss",
    "loss": "loss", "成本": "cost", "cost": "cost", "价格": "price", "price": "price",
    "prices": "price", "速度": "speed", "faster": "speed", "融资": "funding", "funding": "funding",
    "raised": "funding", "投资": "investment", "investment": "investment", "国内生产总值": "GDP",
    "GDP": "GDP", "零售总额": "retail sales", "产量": "output", "output": "output",
    "出口": "exports", "exports": "exports", "进口": "imports", "imports": "imports",
    "失业率": "unemployment rate", "unemployment": "unemployment rate", "通胀": "inflation",
    "inflation": "inflation", "CPI": "CPI", "payrolls": "payrolls", "就业": "jobs", "jobs": "jobs",
    "工资": "wages", "wages": "wages", "earnings": "earnings", "员工": "staff",
    "employees": "staff", "用户": "users", "users": "users", "人口": "population",
    "population": "population", "死亡": "deaths", "deaths": "deaths", "预算": "budget",
    "budget": "budget", "债务": "debt", "debt": "debt", "罚款": "fine", "fine": "fine",
    "股价": "share price", "shares": "shares", "growth": "growth", "国家": "countries",
    "countries": "countries", "离职": "departures", "成员": "members", "members": "members",
    "研发": "R&D", "R&D": "R&D", "回购": "buyback", "buyback": "buyback", "buy back": "buyback",
    "指数": "index", "index": "index", "每股收益": "EPS", "EPS": "EPS", "利率": "interest rate",
    "interest rate": "interest rate", "rates": "interest rate", "收益率": "yield", "yield": "yield",
    "交付": "deliveries", "deliveries": "deliveries", "delivered": "deliveries", "成交额": "turnover",
    "气温": "temperature", "temperature": "temperature", "temperatures": "temperature", "turnout": "turnout",
    "年龄": "age", "age": "age", "margin of error": "margin of error", "误差": "margin of error", "市场份额": "market share",
    "market share": "market share", "killed": "deaths", "died": "deaths", "dead": "deaths",
    "遇难": "deaths", "身亡": "deaths", "injured": "injuries", "wounded": "injuries", "受伤": "injuries",
    "工业增加值": "industrial output", "进出口": "trade", "可支配收入": "disposable income",
    "M2": "M2", "S&P 500": "S&P 500", "Nasdaq": "Nasdaq", "Dow": "Dow", "Nikkei": "Nikkei", "FTSE": "FTSE",
    "Hang Seng": "Hang Seng", "DAX": "DAX", "invest": "investment",
    "invests": "investment", "employs": "staff", "workforce": "staff", "earthquake": "earthquake",
    "quake": "earthquake", "地震": "earthquake", "金额": "amount", "涉案金额": "amount involved",
    "大定": "orders", "均价": "average price", "房价": "home price", "罚金": "fine",
    "spend": "spending", "spent": "spending", "spending": "spending", "valuable": "valuation",
    "沪指": "Shanghai Composite", "上证指数": "Shanghai Composite", "深证成指": "Shenzhen Component",
    "创业板指": "ChiNext", "沪深300": "CSI 300", "恒指": "Hang Seng", "恒生指数": "Hang Seng", "MLF": "MLF",
    # a rate named by what it counts, before the bare "rates" of interest
    **{f"{what} {rate}": f"{what} rate" for what in (
        "obesity", "mortality", "poverty", "crime", "vaccination", "literacy", "employment",
        "participation", "birth", "death", "infection", "suicide", "homicide", "savings", "tax",
        "approval", "survival", "fertility", "growth") for rate in ("rate", "rates")},
    **dict.fromkeys(["deposit rate", "policy rate", "benchmark rate", "lending rate", "mortgage rate",
                     "mortgage rates", "interest rates", "存款利率", "贷款利率"], "interest rate"),
    "life expectancy": "life expectancy", "预期寿命": "life expectancy", "人均预期寿命": "life expectancy",
    "waiting list": "waiting list", "消费支出": "consumer spending", "支出": "spending",
    "降水量": "rainfall", "降雨量": "rainfall", "rainfall": "rainfall", "降温": "temperature drop",
    "森林覆盖率": "forest cover", "身高": "height", "体重": "weight",
    "net income": "net income", "income": "income", "净收入": "net income", "gold": "gold price",
    "出生人口": "births", "出生率": "birth rate", "死亡率": "death rate", "死亡人口": "deaths",
    "招生": "enrolment", "毕业生": "graduates", "用电量": "power use", "面积": "area", "保有量": "stock",
    "增加值": "value added", "预算收入": "budget revenue", "财政收入": "fiscal revenue",
    "consumer prices index": "CPI", "consumer price index": "CPI", "居民消费价格指数": "CPI",
    "net migration": "net migration", "migration": "migration", "immigration": "immigration",
    "金价": "gold price", "oil": "oil price", "crude": "oil price", "Brent": "oil price", "油价": "oil price",
    # office names that hold a label noun (国家) but measure nothing: an empty label, passed
    # over by _nearest; the longest word wins, so 国家统计局 hides its 国家
    "国家统计局": "", "国家发改委": "", "国家发展改革委": "", "国家队": "",
}
# direction words name a change, used only when no noun is near: 同比增长5.2%
_LABEL_VERBS = {"增长": "growth", "增加": "increase", "下降": "decline", "减少": "decrease",
                "rose": "rise", "fell": "decline", "grew": "growth", "jumped": "rise", "gained": "rise",
                "climbed": "rise", "surged": "rise", "soared": "rise", "expanded": "growth",
                "shrank": "contraction", "contracted": "contraction", "dropped": "decline",
                "declined": "decline", "slumped": "decline", "plunged": "decline", "tumbled": "decline"}
# English verbs whole words only ("Prosecutors" holds "rose"); each branch starts with a
# literal, so the engine skips to first letters, and the check on what comes before follows it
_VERB_PATTERN = re.compile(
    "|".join(
        rf"{w[0]}(?<![A-Za-z]{w[0]}){w[1:]}(?![A-Za-z])" if w.isascii() else re.escape(w) for w in _LABEL_VERBS
    )
)
_LABEL_NOUNS_FOLDED = {word.lower(): name for word, name in _LABEL_NOUNS.items()}
# matched against the lower-cased sentence; English words only where no letter a-z comes
# before. In English text they are looked for after each character that is not a-z (a class
# the engine checks fast) rather than tried at every letter; in other text at each of their
# first letters, with that check after it.
_ENGLISH_NOUNS = alternation(w for w in _LABEL_NOUNS_FOLDED if w.isascii())
_ENGLISH_NOUN_FIRST = re.compile(_ENGLISH_NOUNS)
_ENGLISH_NOUN_AFTER = re.compile(rf"[^a-z](?=({_ENGLISH_NOUNS}))")
_ALL_NOUNS_GUARDED = re.compile(alternation(_LABEL_NOUNS_FOLDED, guard=r"(?<![a-z][a-z])"))


def extract_claims(text: str, reference_date: str | None = None) -> list[ClaimDraft]:
    """Claims in document order; each carries its quantities with document offsets.

    Without a reference date, 今年/去年 and bare month-days resolve against the latest date
    the text states (see dates.reference_for)."""
    reference = reference_for(text, reference_date)
    words = [(span, text[span[0] : span[1]]) for span in _ENGLISH_WORDS.spans(text)]
    quantities = extract_quantities(text, reference, words=[span for span, word in words if word in _QUANTITY_WORDS])
    cues = _cues(text, [span for span, word in words if word in _ENGLISH_CUES])
    claims: list[ClaimDraft] = []
    qi = ci = 0
    q_count, c_count = len(quantities), len(cues)
    for start, end in split_sentences(text):
        found: list[QuantityMatch] = []
        while qi < q_count:
            q = quantities[qi]
            if q.start >= end:
                break
            if q.start >= start and q.end <= end:
                found.append(q)
            qi += 1
        kinds: set[str] | frozenset[str] = _NO_CUES
        while ci < c_count and cues[ci][0] < end:
            if cues[ci][0] >= start:
                if kinds is _NO_CUES:
                    kinds = set()
                kinds.add(cues[ci][1])  # type: ignore[union-attr]
            ci += 1
        attributed = "said" in kinds or "source" in kinds
        if not found and not attributed:
            continue
        sentence = text[start:end]
        if _HEADER_LINE.match(sentence):
            continue  # Source:/Published: lines describe the document; a headline may be a claim
        claims.append(
            ClaimDraft(
                start, end, sentence, make_label(sentence, found, offset=start),
                score(sentence, found, kinds), found, attributed,
            )
        )
    return claims


_NO_CUES: frozenset[str] = frozenset()


def score(sentence: str, quantities: list[QuantityMatch], cues: AbstractSet[str] | bool) -> float:
    """0–1: specific, measurable, attributed, about a named entity scores higher; opinion,
    prediction and rhetoric lower."""
    if isinstance(cues, bool):  # the first version's signature: score(sentence, quantities, attributed)
        cues = {"said"} if cues else set()
    # a person's age, like a date, makes a sentence worth little checking (the suspect, 34,)
    if len(quantities) == 1:  # the common case, with the same sums as below
        q = quantities[0]
        value = 0.15 + (0.1 if q.unit == "age" else _KIND_WEIGHT.get(q.kind, 0.1))
    else:
        value = 0.15 + max(
            ((0.1 if q.unit == "age" else _KIND_WEIGHT.get(q.kind, 0.1)) for q in quantities), default=0.0
        )
        value += 0.05 * min(len(quantities) - 1, 3) if quantities else 0.0
    if "source" in cues:
        value += 0.15
    elif "said" in cues:
        value += 0.1
    if _names_an_entity(sentence):
        value += 0.1
    if "hedge" in cues:
        value -= 0.15
    if "rhetoric" in cues:
        value -= 0.1
    if len(quantities) == 1 and quantities[0].qualifier:
        value -= 0.03  # "about 300" is checkable, but less sharply than "300"
    if len(sentence) < 12:
        value -= 0.1
    return round(min(max(value, 0.0), 1.0), 3)


# a capitalised Latin word after the sentence's first character: a name in English prose or
# in Chinese text (OpenAI推出)
_CAPITALISED = re.compile(r"[A-Z][A-Za-z]")


def _names_an_entity(sentence: str) -> bool:
    return "·" in sentence or _CAPITALISED.search(sentence, 1) is not None  # 简·雷克


def make_label(sentence: str, quantities: list[QuantityMatch], offset: int = 0) -> str:
    """'valuation $100B': the key quantity and the keyword nearest to it. `offset` is where
    the sentence starts in the text the quantities' offsets point into."""
    if not quantities:
        said = speaker_of(sentence)
        if said is None:
            return "statement"
        return f"statement by {said.name}" if said.kind == "Person" else f"according to {said.name}"
    key = key_quantity(quantities)
    counted = key.unit if key.kind == "count" and len(key.unit) > 2 and key.unit.isascii() else None
    noun = _nearest_noun(sentence, key.start - offset, key.end - offset, counted)
    if key.kind == "date":
        return f"{noun or 'event'} {key.display}"
    return f"{noun or key.kind} {key.display}"


def key_quantity(quantities: list[QuantityMatch]) -> QuantityMatch:
    """The claim's key figure: the quantity its label names (money before percent before
    measure, and so on; the first of equals)."""
    return min(quantities, key=_key_rank)


def figure_noun(sentence: str, start: int, end: int) -> str | None:
    """What the number at sentence[start:end] measures, as a label names it ('budget',
    'revenue', 'audio response'), in English whatever the sentence's language: the label
    noun nearest it in its clause, else within the label's window."""
    low, high = clause_around(sentence, start, end)
    return _noun_between(sentence, low, high, start, end) or _noun_between(
        sentence, max(0, start - _NOUN_WINDOW), end + _NOUN_WINDOW, start, end
    )


def _noun_between(sentence: str, low: int, high: int, start: int, end: int) -> str | None:
    window = sentence[low:high]
    folded = window.lower()
    if len(folded) != len(window):
        folded = window
    return _nearest(_noun_spans(folded), start - low, end - low, _LABEL_NOUNS_FOLDED)


_NOUN_WINDOW = 40  # characters either side of the key quantity where its noun may be


def _nearest_noun(sentence: str, key_start: int, key_end: int, counted: str | None = None) -> str | None:
    """The label noun nearest the key quantity; else what an English count counts
    ('iPhones 50M'); else the direction verb nearest it ('rise 5%')."""
    low = max(0, key_start - _NOUN_WINDOW)
    window = sentence[low : key_end + _NOUN_WINDOW]
    folded = window.lower()
    if len(folded) != len(window):  # a few letters change length when lower-cased
        folded = window
    key_start, key_end = key_start - low, key_end - low
    return _nearest(_noun_spans(folded), key_start, key_end, _LABEL_NOUNS_FOLDED) or counted or _nearest(
        [(m.start(), m.end(), m[0]) for m in _VERB_PATTERN.finditer(window)], key_start, key_end, _LABEL_VERBS
    )


def _noun_spans(folded: str) -> list[tuple[int, int, str]]:
    """Label nouns in order; English ones only where no letter a-z comes before."""
    if not folded.isascii():
        return [(m.start(), m.end(), m[0]) for m in _ALL_NOUNS_GUARDED.finditer(folded)]
    # ASCII text: English words only, and these two finds come in order without overlaps
    first = _ENGLISH_NOUN_FIRST.match(folded)
    found = [(0, first.end(), first[0])] if first else []
    found += [(m.start(1), m.end(1), m[1]) for m in _ENGLISH_NOUN_AFTER.finditer(folded)]
    return found


def _nearest(spans: list[tuple[int, int, str]], key_start: int, key_end: int, names: dict) -> str | None:
    best: tuple[int, str] | None = None
    for start, end, word in spans:
        if start >= key_start and end <= key_end or not names[word]:
            continue
        distance = key_start - end if end <= key_start else (start - key_end) + 1
        if best is None or distance < best[0]:
            best = (distance, names[word])
    return best[1] if best else None
