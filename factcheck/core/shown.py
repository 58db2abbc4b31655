"""Text from strangers is shown, never obeyed.

Articles, sources, notes, reviewer names and file names come from people we do not know.
Before any of it reaches a terminal (the workbench, `factcheck claims`, an error line) or a
plain-text report (Markdown, CSV), it passes `visible`: C0 and C1 control characters, DEL
and the bidirectional overrides and isolates are written as escapes a reader can see
(`\\x1b`, `\\u202e`), as `cat -v`, `less` and `git` do. The stored text is never changed,
only how it is shown.
"""

from __future__ import annotations

import re
from os import PathLike

# U+202A–U+202E: embeddings and overrides; U+2066–U+2069: isolates. A stray one reorders
# what follows it on screen (a name shown reversed, a figure moved), so each is shown.
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}
_PATTERNS: dict[str, re.Pattern[str]] = {}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _pattern(keep: str) -> re.Pattern[str]:
    pattern = _PATTERNS.get(keep)
    if pattern is None:
        controls = [chr(c) for c in (*range(0x20), *range(0x7F, 0xA0))] + list(BIDI_CONTROLS)
        shown = "".join(re.escape(c) for c in controls if c not in keep)
        pattern = _PATTERNS[keep] = re.compile(f"[{shown}]")
    return pattern


def visible(text: str, *, keep: str = "") -> str:
    """`text` with every control character made visible, apart from those in `keep`
    (say "\\n\\t" where the output allows line breaks and tabs)."""
    pattern = _pattern(keep)
    return pattern.sub(_escape, text) if pattern.search(text) else text


def visible_lines(text: str) -> str:
    """For text shown over several lines: newlines and tabs stay, the rest is shown."""
    return visible(text, keep="\n\t")


def shown_path(path: str | PathLike[str]) -> str:
    """A file name as a message shows it: on one line, nothing in it obeyed."""
    return visible(str(path))
