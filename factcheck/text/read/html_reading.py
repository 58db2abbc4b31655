"""A web page's main text and metadata: trafilatura first (the main text, the title,
author, site name and canonical URL; the date through htmldate), factcheck's own reader
(html_blocks) where trafilatura finds nothing or the page is too large for it, and the
whole text of the page as the last resort, so a page with text is never read as empty.

The page is parsed once, by lxml, with its nesting bounded first when it is deeper than
the parser reads (html_nesting), so no page takes more than linear time."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from lxml import etree
from lxml.html import HTMLParser

from factcheck.errors import UserError
from factcheck.text.read.html_blocks import main_text
from factcheck.text.read.html_nesting import MAX_DEPTH, bound_nesting
from factcheck.text.read.page_cleaning import clean_for_extraction

# Beyond this many elements trafilatura's cost grows faster than the page (its list and
# pruning passes): 10,000 list items take it 0.5 s, 30,000 about 2 s, 100,000 up to 11 s.
# Real articles have a few thousand elements (inline SVG drawings aside, which are taken
# out first); larger pages are read by html_blocks, which is linear.
TRAFILATURA_MAX_ELEMENTS = 30_000
TRAFILATURA_MAX_CHARS = 10_000_000
TRAFILATURA_SHORT = 250  # characters: below this trafilatura falls back on its baselines
# trafilatura's settings in its own evaluation: comments are not the article, tables are
EXTRACT_OPTIONS = {"include_comments": False, "include_tables": True, "include_formatting": False}
_SPACES = re.compile(r"[ \t\u00a0\u3000]+")
_BLANK_LINES = re.compile(r"\n\s*\n\s*")
# trafilatura and its helpers log their doubts as warnings; a user gets one line or none
for _logger in ("trafilatura", "htmldate", "courlan", "justext", "readability"):
    logging.getLogger(_logger).setLevel(logging.CRITICAL)


@dataclass
class PageRead:
    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None  # ISO date
    site_name: str | None = None
    url: str | None = None  # canonical, absolute, http(s)
    language: str | None = None  # as the page declares it (primary subtag)
    reader: str = "trafilatura"  # trafilatura | factcheck | everything
    notes: list[str] = field(default_factory=list)


def parse_page(html: str, name: str, limits: tuple[int, ...] = (MAX_DEPTH, MAX_DEPTH // 4)) -> etree._Element:
    """The page's tree; a page nested deeper than the parser reads is flattened past
    MAX_DEPTH levels first (then fewer, when the estimate of its nesting fell short), and
    refused if even that is not enough. libxml2's limits on nesting are kept (they bound
    the work on each element's ancestors); its limit on a text's size (10 MB) is lifted
    when a page reaches it, since a long text is read in linear time."""
    tree, limit_hit = _parse(html, huge=False)
    if limit_hit == "depth":
        for limit in limits:
            html = bound_nesting(html, limit).html
            tree, limit_hit = _parse(html, huge=False)
            if limit_hit != "depth":
                break
        else:
            raise UserError(f"{name}: the page's elements nest too deeply to be read")
    if limit_hit == "size":
        tree, _ = _parse(html, huge=True)
    if tree is None:
        raise UserError(f"{name}: not a readable HTML page")
    return tree


def _parse(html: str, *, huge: bool) -> tuple[etree._Element | None, str | None]:
    """The tree, and which of libxml2's limits the page reached: "depth", "size" or None."""
    # trafilatura's own parser settings, so what it reads is what it expects
    parser = HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8",
                        remove_comments=True, remove_pis=True, huge_tree=huge)
    try:
        tree = etree.fromstring(html.encode("utf-8"), parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None, None
    limits = [entry.message.lower() for entry in parser.error_log if "limit" in entry.type_name.lower()
              or "depth" in entry.message.lower()]
    if any("depth" in message for message in limits):
        return tree, "depth"
    return tree, "size" if limits else None


def read_page(html: str, name: str, url: str | None = None) -> PageRead:
    """The page's main text and metadata. `url`: where it was fetched from (resolves a
    relative canonical link)."""
    hidden = _CONTROLS.search(html) is not None
    if hidden:
        html = _CONTROLS.sub(lambda found: chr(_HIDDEN + ord(found.group())), html)
    page = _read(html, name, url)
    if hidden:
        page.text = _unhidden(page.text) or ""
        page.title, page.author = _unhidden(page.title), _unhidden(page.author)
        page.site_name = _unhidden(page.site_name)
    return page


# lxml refuses to set a text holding C0 controls (trafilatura and htmldate do, as they
# clean a page): while the page is read they stand in plane 15's private use area, then
# come back, so the stored text is the page's own
_CONTROLS = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f]")
_HIDDEN = 0xF0000
_HIDDEN_CONTROLS = re.compile("[\U000F0001-\U000F001F]")


def _unhidden(text: str | None) -> str | None:
    return _HIDDEN_CONTROLS.sub(lambda found: chr(ord(found.group()) - _HIDDEN), text) if text else text


def _read(html: str, name: str, url: str | None) -> PageRead:
    tree = parse_page(html, name)
    etree.strip_elements(tree, "svg", "math", with_tail=False)  # drawings: no text, many elements
    elements = sum(1 for _ in tree.iter())
    small = elements <= TRAFILATURA_MAX_ELEMENTS and len(html) <= TRAFILATURA_MAX_CHARS
    page = trafilatura_reading(tree, url) if small else _metadata_only(tree, url, head_only=True)
    found = len(page.text.strip())
    if found < TRAFILATURA_SHORT:
        # trafilatura's short results often come from its last resorts (the page's whole
        # text, paragraphs run together): factcheck's reader keeps a short article's
        # paragraphs, unless it found far more than the article trafilatura saw
        own = main_text(tree)
        if own.strip() and (not found or len(own) <= 2 * found + TRAFILATURA_SHORT):
            page.text, page.reader = own, "factcheck"
    if not page.text.strip():
        page.text, page.reader = _everything(tree), "everything"
    page.text = _tidy(page.text)
    page.title = page.title or _title(tree)
    page.language = _declared_language(tree)
    return page


def trafilatura_reading(tree: etree._Element, url: str | None) -> PageRead:
    from trafilatura import bare_extraction

    page = _metadata_only(tree, url)
    document = bare_extraction(clean_for_extraction(tree), url=url, **EXTRACT_OPTIONS)
    page.text = (document.text or "") if document is not None else ""
    return page


def _metadata_only(tree: etree._Element, url: str | None, *, head_only: bool = False) -> PageRead:
    """The page's metadata; `head_only` for a page too large to search whole (its <head>
    holds the meta tags and structured data most pages give)."""
    from trafilatura.metadata import extract_metadata

    searched = _head_of(tree) if head_only else tree
    # the page's own marks of its date only (meta tags, <time>, structured data, the URL):
    # htmldate's extensive search takes a year the text mentions for the publication date,
    # and a wrong date is worse than none (it resolves "this year" and "last May")
    found = extract_metadata(searched, default_url=url, extensive=False)
    return _from_metadata(found, tree, url)


def _head_of(tree: etree._Element) -> etree._Element:
    from copy import deepcopy

    from lxml.html import Element

    page = Element("html")
    head = tree.find("head")
    if head is not None:
        page.append(deepcopy(head))
    return page


def _from_metadata(document, tree: etree._Element, url: str | None) -> PageRead:
    return PageRead(
        text="",
        title=_clean(document.title),
        author=_clean(document.author),
        published=_iso_date(document.date),
        site_name=_clean(document.sitename),
        url=canonical_url(tree, url),
    )


def canonical_url(tree: etree._Element, base: str | None) -> str | None:
    """The page's own address: <link rel="canonical">, else og:url; absolute, http(s)."""
    for query in ('//link[@rel="canonical"]/@href', '//meta[@property="og:url"]/@content'):
        for found in tree.xpath(query):
            address = urljoin(base or "", str(found).strip())
            parts = urlsplit(address)
            if parts.scheme in ("http", "https") and parts.netloc:
                return address
    return None


def _declared_language(tree: etree._Element) -> str | None:
    for query in ("/html/@lang", "/html/@xml:lang", '//meta[@http-equiv="content-language"]/@content',
                  '//meta[@property="og:locale"]/@content'):
        for found in tree.xpath(query, namespaces={"xml": "http://www.w3.org/XML/1998/namespace"}):
            primary = re.split(r"[-_,;\s]", str(found).strip().lower())[0]
            if primary.isalpha() and 2 <= len(primary) <= 3:
                return primary
    return None


def _title(tree: etree._Element) -> str | None:
    for query in ("//title", "//h1"):
        for node in tree.xpath(query):
            text = _clean(node.text_content())
            if text:
                return text
    return None


def _everything(tree: etree._Element) -> str:
    for node in tree.xpath("//script|//style|//noscript|//template"):
        node.drop_tree()
    body = tree.find("body")
    return "\n".join((body if body is not None else tree).itertext())


def _tidy(text: str) -> str:
    """Runs of spaces to one, blank-line runs to one blank line, no edge whitespace."""
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def _clean(value: str | None) -> str | None:
    if not value:
        return None
    value = _SPACES.sub(" ", " ".join(value.split())).strip()
    return value or None


def _iso_date(value: str | None) -> str | None:
    found = re.match(r"\d{4}-\d{2}-\d{2}", value or "")
    return found.group() if found else None
