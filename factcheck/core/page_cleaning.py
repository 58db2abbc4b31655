"""What is taken out of a page before its main text is sought, beyond what trafilatura
removes itself: three shapes of real pages it reads as text.

- A table used for layout (a cell holding headings, paragraphs or whole blocks of text)
  is made of divisions, so the side column is not read as a cell of the article's row.
- A teaser card, a link wrapped around a heading or a paragraph, is not article text.
- Advertisements, side boxes and widgets named so by class or id go, unless one holds
  most of the page's text (then it wraps the page rather than sits beside it).
"""

from __future__ import annotations

import re

from lxml import etree

_LAYOUT_BLOCKS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "div", "table", "article", "section", "form")
LAYOUT_CELL_CHARS = 300  # a cell holding this much text is a column, not a datum
# a link around a heading, a paragraph or a block: a teaser card
_CARD_LINKS = "//a[.//h1 or .//h2 or .//h3 or .//h4 or .//h5 or .//h6 or .//p or .//div or .//article]"
_BOX_NAMES = re.compile(
    r"^(?:ad|ads|advert\w*|sponsor\w*|promo\w*|sidebar|sidebox|side-box|widget|widget-\w+|"
    r"adsbygoogle|banner-ad|ad-\w+|ads-\w+|rail|right-rail|left-rail)$",
    re.IGNORECASE,
)
WRAPPER_SHARE = 0.5  # a box holding this share of the page's text wraps it


def clean_for_extraction(tree: etree._Element) -> etree._Element:
    """A cleaned copy of the page's tree (the tree itself is left as it was). Each element
    is measured once, bottom up, so nested tables and boxes cost no more than flat ones."""
    from copy import deepcopy

    tree = deepcopy(tree)
    sizes, holds_blocks = _measure(tree)
    total = sizes.get(tree, 0)
    for table in [t for t in tree.iter("table") if _is_layout(t, sizes, holds_blocks)]:
        for part in [table, *_table_parts(table)]:
            part.tag = "div"
    for link in tree.xpath(_CARD_LINKS):
        _drop(link)
    for box in [e for e in tree.iter() if _is_box(e) and sizes.get(e, 0) < WRAPPER_SHARE * total]:
        _drop(box)
    return tree


def _measure(tree: etree._Element) -> tuple[dict, dict]:
    """Per element: the characters of text inside it, and whether a block element is."""
    sizes: dict = {}
    holds_blocks: dict = {}
    for event, element in etree.iterwalk(tree, events=("start", "end")):
        if event == "start":
            sizes[element] = len(element.text or "") if isinstance(element.tag, str) else 0
            holds_blocks[element] = False
            continue
        parent = element.getparent()
        if parent is not None:
            sizes[parent] += sizes[element] + len(element.tail or "")
            holds_blocks[parent] = holds_blocks[parent] or holds_blocks[element] or element.tag in _LAYOUT_BLOCKS
    return sizes, holds_blocks


def _table_parts(table: etree._Element) -> list[etree._Element]:
    """The table's own sections, rows and cells (not those of a table inside a cell)."""
    sections = list(table.iterchildren("tbody", "thead", "tfoot"))
    rows = [*table.iterchildren("tr"), *(row for section in sections for row in section.iterchildren("tr"))]
    return [*sections, *rows, *(cell for row in rows for cell in row.iterchildren("td", "th"))]


def _is_layout(table: etree._Element, sizes: dict, holds_blocks: dict) -> bool:
    return any(
        holds_blocks[cell] or sizes[cell] >= LAYOUT_CELL_CHARS
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
