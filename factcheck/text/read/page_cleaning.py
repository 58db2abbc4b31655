"""What is taken out of a page before its main text is sought, beyond what trafilatura
removes itself: three shapes of real pages it reads as text.

- A table used for layout (a cell holding headings, paragraphs or whole blocks of text)
  is made of divisions, so the side column is not read as a cell of the article's row.
- Teaser cards (a link around a heading, two or more side by side: "more stories",
  "related", a home page's top stories) go whole, with the summary beside the link.
- Advertisements, side boxes, widgets and footers named so by class or id go, unless one
  holds most of the page's text (then it wraps the page rather than sits beside it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

_LAYOUT_BLOCKS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "div", "table", "article", "section", "form")
LAYOUT_CELL_CHARS = 300  # a cell holding this much text is a column, not a datum
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_BOX_NAMES = re.compile(
    r"^(?:ad|ads|advert\w*|sponsor\w*|promo\w*|sidebar|sidebox|side-box|widget|widget-\w+|"
    r"adsbygoogle|banner-ad|ad-\w+|ads-\w+|rail|right-rail|left-rail|"
    r"bottom|foot|footer|site-footer|copyright|site-info)$",
    re.IGNORECASE,
)
WRAPPER_SHARE = 0.5  # a box holding this share of the page's text wraps it


def clean_for_extraction(tree: etree._Element) -> etree._Element:
    """A cleaned copy of the page's tree (the tree itself is left as it was). Each element
    is measured once, bottom up, so nested tables and boxes cost no more than flat ones."""
    from copy import deepcopy

    tree = deepcopy(tree)
    page = _measure(tree)
    total = page.sizes.get(tree, 0)
    for table in [t for t in tree.iter("table") if _is_layout(t, page)]:
        for part in [table, *_table_parts(table)]:
            part.tag = "div"
    for card in _cards(tree, page):
        _drop(card)
    for box in [e for e in tree.iter() if _is_box(e) and page.sizes.get(e, 0) < WRAPPER_SHARE * total]:
        _drop(box)
    return tree


@dataclass
class _Measures:
    """Per element, measured in one pass from the leaves up."""

    sizes: dict = field(default_factory=dict)  # characters of text inside
    holds_blocks: dict = field(default_factory=dict)  # whether a block element is inside
    headings: dict = field(default_factory=dict)  # whether a heading is inside
    cards: dict = field(default_factory=dict)  # links around a heading inside


def _measure(tree: etree._Element) -> _Measures:
    page = _Measures()
    sizes, blocks, headings, cards = page.sizes, page.holds_blocks, page.headings, page.cards
    for event, element in etree.iterwalk(tree, events=("start", "end")):
        if event == "start":
            sizes[element] = len(element.text or "") if isinstance(element.tag, str) else 0
            blocks[element] = headings[element] = False
            cards[element] = 0
            continue
        if element.tag == "a" and headings[element] and not (element.get("href") or "#").startswith("#"):
            cards[element] += 1  # a link elsewhere around a heading (not an anchor in the page)
        parent = element.getparent()
        if parent is not None:
            sizes[parent] += sizes[element] + len(element.tail or "")
            blocks[parent] = blocks[parent] or blocks[element] or element.tag in _LAYOUT_BLOCKS
            headings[parent] = headings[parent] or headings[element] or element.tag in _HEADINGS
            cards[parent] += cards[element]
    return page


def _cards(tree: etree._Element, page: _Measures) -> list[etree._Element]:
    """Each teaser card whole: the largest element holding one card link, where its parent
    holds two or more."""
    return [
        element for element in tree.iter()
        if page.cards.get(element) == 1
        and (parent := element.getparent()) is not None and page.cards.get(parent, 0) >= 2
    ]


def _table_parts(table: etree._Element) -> list[etree._Element]:
    """The table's own sections, rows and cells (not those of a table inside a cell)."""
    sections = list(table.iterchildren("tbody", "thead", "tfoot"))
    rows = [*table.iterchildren("tr"), *(row for section in sections for row in section.iterchildren("tr"))]
    return [*sections, *rows, *(cell for row in rows for cell in row.iterchildren("td", "th"))]


def _is_layout(table: etree._Element, page: _Measures) -> bool:
    return any(
        page.holds_blocks[cell] or page.sizes[cell] >= LAYOUT_CELL_CHARS
        for cell in _table_parts(table) if cell.tag in ("td", "th")
    )


def _is_box(element: etree._Element) -> bool:
    if not isinstance(element.tag, str) or element.tag in ("html", "body"):
        return False
    names = f"{element.get('class', '')} {element.get('id', '')}".split()
    return any(_BOX_NAMES.match(name) for name in names)


def _drop(element: etree._Element) -> None:
    """Remove an element and its content, keeping the text that follows it."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)
