"""Bounding how deep a page's elements nest, before any parser sees it.

libxml2 (under lxml, trafilatura's parser) stops reading a page at 256 levels of nesting,
and the rest of the page is lost; HTML5 tree builders take quadratic time on deep pages;
an extractor that looks at each element's subtree does too. So the tags are read once,
in order, keeping an estimate of the open elements (with the end tags HTML lets a page
leave out: a new <p>, <li>, <dt>, <td> or <tr> closes the open one), and every element
that would open deeper than MAX_DEPTH is dropped, its text kept where it stands: a block
element leaves a line break instead, an inline one nothing. One pass, linear in the size
of the page; a page nested less deeply comes back unchanged.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

MAX_DEPTH = 180  # real pages nest 20-60 deep; libxml2 gives up at 256
# how far down the open elements an implied end tag is looked for: a bound, so that a
# page cannot make each tag search the whole stack
_IMPLIED_SEARCH = 32

VOID = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
    "source", "track", "wbr", "basefont", "bgsound", "frame",
})
RAW_TEXT = frozenset({
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
})
BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "dir",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hgroup", "li", "main", "menu", "nav", "ol", "p", "pre", "section",
    "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "caption",
})
_CLOSES_P = BLOCKS - {"body", "dd", "dt", "li", "td", "th", "tr", "tbody", "thead", "tfoot", "caption"}
# an open element is closed by a new one of these (searching down to a boundary)
_IMPLIED = {
    "li": ({"li"}, {"ul", "ol", "menu", "dir", "table", "td", "th"}),
    "dt": ({"dt", "dd"}, {"dl", "table", "td", "th"}),
    "dd": ({"dt", "dd"}, {"dl", "table", "td", "th"}),
    "td": ({"td", "th"}, {"tr", "table"}),
    "th": ({"td", "th"}, {"tr", "table"}),
    "tr": ({"tr"}, {"table", "tbody", "thead", "tfoot"}),
    "option": ({"option"}, {"select", "datalist"}),
}
_P_SCOPE = frozenset({
    "button", "table", "td", "th", "caption", "html", "applet", "marquee", "object", "template",
})

_TAG_NAME = re.compile(r"[A-Za-z][^\s/>]*")
# the rest of a tag: quoted values may hold '>'; possessive, so a failed match never backtracks
_TAG_REST = re.compile(r"""(?:[^>"'=]+|=\s*"[^"]*"|=\s*'[^']*'|=|["'])*+>""")


@dataclass(frozen=True, slots=True)
class Nesting:
    """The page as it will be parsed, and what the pass saw."""

    html: str
    depth: int  # the deepest nesting kept (estimated)
    dropped: int  # elements dropped for being deeper than MAX_DEPTH
    elements: int  # start tags seen


def bound_nesting(html: str, max_depth: int = MAX_DEPTH) -> Nesting:
    walk = _Walk(html, max_depth)
    walk.run()
    if not walk.dropped:
        return Nesting(html, walk.deepest, 0, walk.elements)
    walk.pieces.append(html[walk.copied:])
    return Nesting("".join(walk.pieces), walk.deepest, walk.dropped, walk.elements)


class _Walk:
    def __init__(self, html: str, max_depth: int) -> None:
        self.html, self.max_depth = html, max_depth
        self.stack: list[tuple[str, bool]] = []  # (name, kept)
        self.open: Counter[str] = Counter()
        self.kept = 0  # kept elements on the stack: the depth of the parsed tree
        self.deepest = self.dropped = self.elements = 0
        self.pieces: list[str] = []
        self.copied = 0  # how much of the page is in pieces

    def run(self) -> None:
        html, position = self.html, 0
        while (start := html.find("<", position)) >= 0:
            position = self._token(start)
            if position < 0:  # a tag left open at the end: the parser drops it too
                return

    def _token(self, start: int) -> int:
        html = self.html
        if html.startswith("<!--", start):
            end = html.find("-->", start + 4)
            return -1 if end < 0 else end + 3
        closing = html.startswith("</", start)
        name_match = _TAG_NAME.match(html, start + 1 + closing)
        if name_match is None:
            if html.startswith(("<!", "<?"), start) or closing:  # doctype, bogus comment
                end = html.find(">", start)
                return -1 if end < 0 else end + 1
            return start + 1  # a '<' in text
        rest = _TAG_REST.match(html, name_match.end())
        if rest is None:
            return -1
        end, name = rest.end(), name_match.group().lower()
        if closing:
            self._end(name, start, end)
            return end
        self.elements += 1
        self._start(name, start, end, html[end - 2] == "/")
        if name in RAW_TEXT:
            close = re.compile(rf"</{name}[\s/>]", re.IGNORECASE).search(html, end)
            return -1 if close is None else close.start()
        return end

    def _start(self, name: str, start: int, end: int, self_closing: bool) -> None:
        if name in VOID:
            return
        if name == "p" or name in _CLOSES_P:
            self._close_implied({"p"}, _P_SCOPE)
        if name in _IMPLIED:
            self._close_implied(*_IMPLIED[name])
        if self_closing and name in ("svg", "math", "path", "circle", "rect", "use", "g"):
            return  # foreign elements may close themselves
        kept = self.kept < self.max_depth
        if kept:
            self.kept += 1
            self.deepest = max(self.deepest, self.kept)
        else:
            self._drop(name, start, end)
        self.stack.append((name, kept))
        self.open[name] += 1

    def _end(self, name: str, start: int, end: int) -> None:
        if not self.open[name]:
            return  # a stray end tag: the parser ignores it
        while self.stack:
            popped, kept = self.stack.pop()
            self.open[popped] -= 1
            self.kept -= kept
            if popped == name:
                if not kept:
                    self._drop(name, start, end)
                return

    def _close_implied(self, names: set[str], boundary: set[str] | frozenset[str]) -> None:
        if not any(self.open[n] for n in names):
            return
        for depth in range(len(self.stack) - 1, max(-1, len(self.stack) - 1 - _IMPLIED_SEARCH), -1):
            found = self.stack[depth][0]
            if found in names:
                for popped, kept in self.stack[depth:]:
                    self.open[popped] -= 1
                    self.kept -= kept
                del self.stack[depth:]
                return
            if found in boundary:
                return

    def _drop(self, name: str, start: int, end: int) -> None:
        """Leave the tag out of the page: a block's edge stays a line break."""
        self.pieces.append(self.html[self.copied:start])
        if name in BLOCKS:
            self.pieces.append("<br>")
        self.copied = end
        self.dropped += 1
