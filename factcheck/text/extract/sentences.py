"""Sentence segmentation for Chinese and English.

Chinese ends at 。！？ (and ； between clauses), with any closing quote kept on the sentence
and the speaker's clause after a quotation joined to it (“……。”他说。).
English ends at . ! ? followed by space and a capital or an opening quote, except after
abbreviations (U.S., a.m., Mr., Jan.), initials (J. K.) and inside decimals (4.2).
"""

from __future__ import annotations

import re

_ABBREVIATIONS = ["Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov", "Gen", "Col", "Lt", "Sgt", "Capt", "St", "Jr", "Sr", "Inc", "Ltd", "Co", "Corp", "Bros", "No", "Nos", "vs", "etc", "approx", "est", "Fig", "Figs", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Ave", "Blvd", "Dept", "Univ", "Assn", "Mt", "Ft", "pp", "al", "e.g", "i.e", "a.m", "p.m", "U.S", "U.K", "U.N", "E.U"]
_NOT_AFTER = "".join(rf"(?<!\b{re.escape(word)}\.)" for word in _ABBREVIATIONS)
_CLOSERS = "”’」』\"')）"
# Each branch starts with a literal, so the engine skips straight to the next punctuation
# mark; the checks on what came before run only there.
# after a closing quote, a short clause naming the speaker belongs to the quotation:
# “这是我们最好的一个季度。”库克说。
_SPEAKER_AFTER = r"[^。！？!?\n“”\"]{1,20}?(?:说|表示|称|指出|强调|透露|坦言|回应|写道|补充道|问道)[。！？]"
_CHINESE_END = rf"[。！？]*(?:[{_CLOSERS}]+(?!{_SPEAKER_AFTER})|(?![{_CLOSERS}]))"
_BOUNDARY = re.compile(
    rf"。{_CHINESE_END}|！{_CHINESE_END}|？{_CHINESE_END}"  # Chinese
    rf"|![!?]*[{_CLOSERS}]*|\?[!?]*![!?]*[{_CLOSERS}]*"  # a run with an exclamation mark
    rf"|\?\?*[{_CLOSERS}]*(?![A-Za-z0-9_=&/])"  # a question mark, but not a URL's (?a=1&b=2)
    rf"|;(?<=[\u4e00-\u9fff%];)[{_CLOSERS}]*|；(?<=[\u4e00-\u9fff%]；)[{_CLOSERS}]*"  # 分号 between Chinese clauses
    # a full stop: what follows is checked before the many abbreviations (most stops in
    # numbers, 4.2, fail there at once)
    rf"|\.(?<=[a-z0-9%\)\]”\"’']\.)(?=[{_CLOSERS}]*\s+[A-Z“\"'‘(\u4e00-\u9fff])"
    rf"{_NOT_AFTER}[{_CLOSERS}]*(?=\s+[A-Z“\"'‘(\u4e00-\u9fff])"
    r"|\n\s*"
)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of sentences, whitespace trimmed, in order."""
    spans: list[tuple[int, int]] = []
    start = 0
    ends = [match.end() for match in _BOUNDARY.finditer(text)]
    ends.append(len(text))
    for end in ends:
        piece = text[start:end].lstrip()
        if piece:
            left = end - len(piece)
            spans.append((left, left + len(piece.rstrip())))
        start = end
    return spans
