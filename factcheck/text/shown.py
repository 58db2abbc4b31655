"""Text from strangers is shown, never obeyed.

Articles, sources, notes, reviewer names and file names come from people we do not know.
Before any of it reaches a terminal (the workbench, `factcheck claims`, an error line) or a
plain-text report (Markdown, CSV), it passes `visible`: C0 and C1 control characters, DEL
and the bidirectional overrides and isolates are written as escapes a reader can see
(`\\x1b`, `\\u202e`), as `cat -v`, `less` and `git` do. The stored text is never changed,
only how it is shown. Formats that keep the text (HTML, JSON) escape the same characters
in their own way, from the same lists.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from itertools import accumulate
from os import PathLike

C0_CONTROLS = "".join(map(chr, range(0x20)))
# DEL and the C1 controls: U+009B is a CSI and U+009D an OSC on terminals that read them
C1_CONTROLS = "\x7f" + "".join(map(chr, range(0x80, 0xA0)))
# U+202A–U+202E: embeddings and overrides; U+2066–U+2069: isolates. A stray one reorders
# what follows it on screen (a name shown reversed, a figure moved), so each is shown.
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
CONTROLS = C0_CONTROLS + C1_CONTROLS + BIDI_CONTROLS
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}
_PATTERNS: dict[str, re.Pattern[str]] = {}


def escape(char: str) -> str:
    """How one control character is shown: `\\n`, `\\x1b`, `\\u202e`."""
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _escape(match: re.Match[str]) -> str:
    return escape(match.group())


def controls_pattern(keep: str = "") -> re.Pattern[str]:
    """A character class of CONTROLS, less those in `keep`."""
    pattern = _PATTERNS.get(keep)
    if pattern is None:
        shown = "".join(re.escape(c) for c in CONTROLS if c not in keep)
        pattern = _PATTERNS[keep] = re.compile(f"[{shown}]")
    return pattern


def visible(text: str, *, keep: str = "") -> str:
    """`text` with every control character made visible, apart from those in `keep`
    (say "\\n\\t" where the output allows line breaks and tabs)."""
    pattern = controls_pattern(keep)
    return pattern.sub(_escape, text) if pattern.search(text) else text


def visible_lines(text: str) -> str:
    """For text shown over several lines: newlines and tabs stay, the rest is shown."""
    return visible(text, keep="\n\t")


def visible_mapped(text: str, *, keep: str = "") -> tuple[str, Callable[[int], int]]:
    """visible(text), and a function that takes an offset into `text` to the same place in
    what is shown: for highlights placed by offsets into the stored text."""
    pattern = controls_pattern(keep)
    places = [match.start() for match in pattern.finditer(text)]
    if not places:
        return text, _same
    growth = list(accumulate(len(escape(text[place])) - 1 for place in places))

    def shown_offset(offset: int) -> int:
        before = bisect_left(places, offset)  # controls wholly before the offset
        return offset + (growth[before - 1] if before else 0)

    return pattern.sub(_escape, text), shown_offset


def _same(offset: int) -> int:
    return offset


def shown_path(path: str | PathLike[str]) -> str:
    """A file name as a message shows it: on one line, nothing in it obeyed."""
    return visible(str(path))
