"""The fallback reader of a page's main text, for when trafilatura finds none (and for
pages too large for it): the page's paragraphs in one pass, each scored, the best-scoring
container chosen, and the paragraphs inside it kept.

A paragraph is the text of one block element (p, li, h1...) or a run of text between two
<br> (a post written as divs). Its score counts its length and punctuation, as
readability does; a paragraph mostly of links scores nothing. A block's parent gets the
score, its grandparent half. Boilerplate (navigation, footers, side boxes, share boxes,
comments, captions: by tag, class or id) neither scores nor comes out, unless it holds most
of the page's text or the chosen container itself (a page wrapped in an <aside>). Every element is visited a bounded
number of times, whatever the nesting."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from factcheck.text.read.html_nesting import BLOCKS

_UNREAD = ("script", "style", "noscript", "template", "svg", "math", "iframe", "button",
           "select", "option", "textarea", "head", "input", "object", "embed", "canvas")
# not <form>: a page's forms either wrap all of it (ASP.NET) or hold little text (search, login)
_BOILERPLATE_TAGS = frozenset({"nav", "footer", "aside", "header", "figcaption", "menu", "dialog"})
_BOILERPLATE_NAMES = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|footer|sidebar|side|aside|rail|related|recommend\w*|"
    r"more-?stories|share|sharing|social|comments?|reply|breadcrumbs?|copyright|advert\w*|ads?|"
    r"promo\w*|sponsor\w*|newsletter|subscribe|subscription|toolbar|popup|modal|cookies?|widget|"
    r"caption|credit|byline-share|tags|tag-list|pagination|pager|hot|rank|trending|teasers?|"
    r"banner|masthead|login|signup|print|topbar|bottombar)(?:$|[\s_-])",
    re.IGNORECASE,
)
_PUNCTUATION = re.compile(r"[,，。、；;：:!?！？]")
_SPACES = re.compile(r"[ \t\r\n\u00a0\u3000\u2028\u2029]+")
# a row of a table is one paragraph, its cells joined by " | "
_PARAGRAPH_BLOCKS = BLOCKS - {"td", "th"}
_CELLS = frozenset({"td", "th"})
MIN_SCORED = 20  # characters: shorter paragraphs (a date, a label) score nothing
LINK_HEAVY = 0.5  # share of a paragraph's characters inside links beyond which it is a list of links
WRAPPER_SHARE = 0.5  # a boilerplate-looking element holding more of the page's text wraps it
SIBLING_SHARE = 0.25  # a sibling of the best container scoring this share of it is kept too


@dataclass(slots=True)
class _Paragraph:
    block: int  # pre-order number of the block element holding it
    parts: list[str] = field(default_factory=list)
    linked: int = 0
    boilerplate: tuple | None = None  # the innermost boilerplate ancestor chain (see _Walk)

    def text(self) -> str:
        return _SPACES.sub(" ", "".join(self.parts)).strip()


@dataclass(slots=True)
class _Element:
    first: int  # pre-order number
    last: int = -1  # last pre-order number inside it
    parent: int = -1
    score: float = 0.0
    boilerplate: bool = False
    size: int = 0  # characters of text inside


def main_text(root: etree._Element) -> str:
    """The page's main text, paragraphs separated by blank lines; "" if it has none."""
    walk = _Walk()
    walk.run(root)
    paragraphs = [(p, p.text()) for p in walk.paragraphs if p.parts]
    paragraphs = [(p, text) for p, text in paragraphs if text]
    if not paragraphs:
        return ""
    chosen = walk.chosen_containers()
    kept = [text for p, text in paragraphs if walk.keeps(p, text, chosen)]
    if not kept:
        kept = [text for p, text in paragraphs if walk.keeps(p, text, None)]
    return "\n\n".join(kept or [text for _, text in paragraphs])


class _Walk:
    def __init__(self) -> None:
        self.elements: list[_Element] = []
        self.paragraphs: list[_Paragraph] = []
        self.boilerplate_chain: tuple | None = None  # (element number, outer chain) linked list
        self.chars = 0  # characters of text read so far

    def run(self, root: etree._Element) -> None:
        body = root.find("body") if root.tag == "html" else None
        stack: list[int] = []  # open elements, by number
        blocks: list[int] = []  # open block elements
        chains: list[tuple | None] = []
        links = 0
        current: _Paragraph | None = None
        walker = etree.iterwalk(body if body is not None else root, events=("start", "end"))
        for event, element in walker:
            tag = element.tag if isinstance(element.tag, str) else None
            if tag is None or tag in _UNREAD:  # a script, a comment: its tail is read, not its text
                if event == "start":
                    walker.skip_subtree()
                else:
                    current = self._add(current, element.tail, links)
                continue
            if tag == "br":  # a line break ends a paragraph; it holds nothing itself
                if event == "start":
                    current = self._new_paragraph(blocks[-1] if blocks else -1)
                else:
                    current = self._add(current, element.tail, links)
                continue
            if event == "start":
                number = len(self.elements)
                self.elements.append(_Element(number, parent=stack[-1] if stack else -1, size=-self.chars))
                stack.append(number)
                chains.append(self.boilerplate_chain)
                if _looks_boilerplate(element, tag):
                    self.elements[number].boilerplate = True
                    self.boilerplate_chain = (number, self.boilerplate_chain)
                if tag in _PARAGRAPH_BLOCKS:
                    current = self._new_paragraph(number)
                    blocks.append(number)
                elif current is None:
                    current = self._new_paragraph(blocks[-1] if blocks else number)
                elif tag in _CELLS and current.parts:
                    current = self._add(current, " | ", 0)
                if tag == "a":
                    links += 1
                if element.text:
                    current = self._add(current, element.text, links)
            else:
                number = stack.pop()
                self.elements[number].last = len(self.elements) - 1
                self.elements[number].size += self.chars
                self.boilerplate_chain = chains.pop()
                if tag == "a":
                    links -= 1
                if tag in _PARAGRAPH_BLOCKS:
                    blocks.pop()
                    current = self._new_paragraph(blocks[-1] if blocks else -1)
                if element.tail:
                    current = self._add(current, element.tail, links)
        self._spare_wrappers()

    def _spare_wrappers(self) -> None:
        """A 'boilerplate' element holding most of the page's text is a wrapper (a page-wide
        form or aside), not boilerplate."""
        for element in self.elements:
            if element.boilerplate and element.size > WRAPPER_SHARE * self.chars:
                element.boilerplate = False

    def _new_paragraph(self, block: int) -> _Paragraph:
        paragraph = _Paragraph(block, boilerplate=self.boilerplate_chain)
        self.paragraphs.append(paragraph)
        return paragraph

    def _add(self, paragraph: _Paragraph | None, text: str | None, links: int) -> _Paragraph:
        if paragraph is None:
            paragraph = self._new_paragraph(-1)
        if text:
            paragraph.parts.append(text)
            self.chars += len(text)
            if links:
                paragraph.linked += len(text)
        return paragraph

    def chosen_containers(self) -> list[_Element]:
        """The best-scoring container and the siblings that score close to it."""
        for paragraph in self.paragraphs:
            if not paragraph.parts or paragraph.block < 0 or self._in_boilerplate(paragraph.boilerplate, None):
                continue
            score = _score(paragraph.text(), paragraph.linked)
            parent = self.elements[paragraph.block].parent
            if score and parent >= 0:
                self.elements[parent].score += score
                grandparent = self.elements[parent].parent
                if grandparent >= 0:
                    self.elements[grandparent].score += score / 2
        best = max(self.elements, key=lambda e: e.score, default=None)
        if best is None or best.score <= 0:
            return []
        siblings = [
            e for e in self.elements
            if e.parent == best.parent and e is not best and best.parent >= 0
            and e.score >= SIBLING_SHARE * best.score and not e.boilerplate
        ] if best.parent >= 0 else []
        return [best, *siblings]

    def keeps(self, paragraph: _Paragraph, text: str, chosen: list[_Element] | None) -> bool:
        if paragraph.linked > LINK_HEAVY * len(text) and len(text) < 200:
            return False
        if chosen is None:
            return not self._in_boilerplate(paragraph.boilerplate, None)
        place = paragraph.block
        for container in chosen:
            if container.first <= place <= container.last:
                return not self._in_boilerplate(paragraph.boilerplate, container)
        return False

    def _in_boilerplate(self, chain: tuple | None, container: _Element | None) -> bool:
        """Whether a boilerplate ancestor of the paragraph lies inside the container (a
        share box in the article) rather than around it; any, without a container."""
        while chain is not None:
            number, chain = chain
            if container is not None and number <= container.first:
                return False  # this one and those further out hold the container
            if self.elements[number].boilerplate:
                return True
        return False


def _looks_boilerplate(element, tag: str) -> bool:
    if tag in _BOILERPLATE_TAGS:
        return True
    attributes = element.attrib
    if not attributes:
        return False
    names = f"{attributes.get('class', '')} {attributes.get('id', '')} {attributes.get('role', '')}"
    return _BOILERPLATE_NAMES.search(names) is not None


def _score(text: str, linked: int) -> float:
    if len(text) < MIN_SCORED or linked > LINK_HEAVY * len(text):
        return 0.0
    return 1 + len(_PUNCTUATION.findall(text)) + min(len(text) / 100, 3)
