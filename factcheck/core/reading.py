"""Reading files into text: decoding, HTML main text, PDF text layers, header metadata,
language. Every later offset points into the text returned here, after normalisation."""

from __future__ import annotations

import io
import logging
import re
import unicodedata
import warnings
from pathlib import Path

from charset_normalizer import from_bytes

from factcheck.core.errors import UserError
from factcheck.core.extraction import ReadDocument
from factcheck.core.language import detect_language

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
PDF_SUFFIXES = {".pdf"}
READABLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES
MAX_BYTES = 200 * 1024 * 1024

_HEADER = re.compile(r"^(Source|URL|Published|Date)\s*:\s*(.+?)\s*$", re.IGNORECASE | re.MULTILINE)
_TITLE = re.compile(r"^#\s+(.+?)\s*$", re.MULTILINE)
_DATE = re.compile(r"(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})")
_SPACES = re.compile(r"[ \t\u00a0\u3000]+")
_BLANK_LINES = re.compile(r"\n{3,}")

_BOILERPLATE = "script, style, noscript, nav, header, footer, aside, form, iframe, svg, button, template"
_BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, td, th, dd, dt"
_PUBLISHED_META = (
    'meta[property="article:published_time"]', 'meta[name="pubdate"]', 'meta[name="date"]',
    'meta[name="publishdate"]', 'meta[itemprop="datePublished"]', 'meta[name="dc.date"]',
)


def is_readable(path: Path) -> bool:
    return Path(path).suffix.lower() in READABLE_SUFFIXES


def decode(data: bytes, name: str) -> str:
    """Bytes to text: BOMs first, then UTF-8, then GB18030 (a superset of GBK and GB2312,
    common for Chinese files without a BOM), then charset-normalizer's best guess."""
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                raise UserError(f"{name}: the bytes do not match their {encoding} byte-order mark") from None
            if "\x00" in text:  # PostgreSQL cannot store a NUL in text
                raise UserError(f"{name}: binary file, not text")
            return text
    # Anywhere, not only near the start: PostgreSQL cannot store a NUL in text.
    if b"\x00" in data:
        raise UserError(f"{name}: binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    chinese = _as_chinese(data)
    if chinese is not None:
        return chinese
    best = from_bytes(data[:1_000_000]).best()
    if best is None or best.encoding is None:
        raise UserError(f"{name}: cannot decode the bytes as text in any known encoding")
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        raise UserError(f"{name}: cannot decode the bytes as text in any known encoding") from None


def _as_chinese(data: bytes) -> str | None:
    """GB18030 accepts most byte strings, so the result must also look like Chinese text."""
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    sample = text[:20000]
    wide = [ch for ch in sample if ord(ch) > 0x7F]
    if not wide:
        return None
    common = sum(1 for ch in wide if "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef")
    return text if common / len(wide) > 0.9 else None


# full-width ASCII (！ to ～) and the ideographic space: by far the commonest compatibility
# forms in Chinese text, mapped before the (slower) full NFKC check
_FULL_WIDTH = {chr(code): chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)} | {"\u3000": " "}
_FULL_WIDTH_CHAR = re.compile("[\uff01-\uff5e\u3000]")


def normalise(text: str) -> str:
    """Full-width digits and punctuation to half-width (NFKC keeps CJK characters), one kind
    of line break. Offsets are taken after this, so they always point into the stored text."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    # one replace per distinct full-width character present: a few dozen at most, and each
    # replace runs far faster than a translate over the whole text
    for char in set(_FULL_WIDTH_CHAR.findall(text)):
        text = text.replace(char, _FULL_WIDTH[char])
    if unicodedata.is_normalized("NFKC", text):
        return text
    return unicodedata.normalize("NFKC", text)


def read_document(path: Path) -> ReadDocument:
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise UserError(f"{path}: {size // (1024 * 1024)} MB is over the {MAX_BYTES // (1024 * 1024)} MB limit")
        data = path.read_bytes()
    except FileNotFoundError:
        raise UserError(f"{path}: no such file") from None
    except OSError as error:
        raise UserError(f"{path}: cannot read ({error.strerror})") from None
    return read_bytes(data, str(path))


def read_bytes(data: bytes, name: str) -> ReadDocument:
    """Decode and normalise one document; the kind is taken from the name's suffix (or the
    content, for HTML and PDF without one)."""
    if not data.strip():
        raise UserError(f"{name}: empty document")
    suffix = Path(name).suffix.lower()
    sniff = suffix not in TEXT_SUFFIXES  # a .txt is text, whatever its first bytes say
    head = data[:1024].lstrip().lower()
    if suffix in PDF_SUFFIXES or (sniff and data.startswith(b"%PDF-")):
        return _finish(*_read_pdf(data, name), name)
    if suffix in HTML_SUFFIXES or (sniff and head.startswith((b"<!doctype html", b"<html"))):
        return _finish(*_read_html(decode(data, name)), name)
    return _finish(decode(data, name), None, None, name)


def _finish(raw: str, title: str | None, published: str | None, name: str) -> ReadDocument:
    text = normalise(raw)
    if not text.strip():
        raise UserError(f"{name}: empty document")
    if title is None:
        title_match = _TITLE.search(text[:2000])
        title = title_match.group(1) if title_match else _first_line(text)
    url = None
    for key, value in _HEADER.findall(text[:4000]):
        if key.lower() in ("source", "url") and url is None:
            url = value
        elif key.lower() in ("published", "date") and published is None:
            published = _iso(value)
    return ReadDocument(
        text=text, title=normalise(title).strip(), url=url, published=published,
        language=detect_language(text),
    )


def _first_line(text: str) -> str:
    """A plain text's title: its first line that is not a header (Source:, Published:, …)."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    titled = next((line for line in lines if not _HEADER.fullmatch(line)), lines[0])
    return titled[:120]


def _iso(value: str) -> str | None:
    found = _DATE.search(value)
    if not found:
        return None
    y, m, d = found.groups()
    return f"{y}-{int(m):02d}-{int(d):02d}"


def _read_html(html: str) -> tuple[str, str | None, str | None]:
    """The article's text as paragraphs: navigation, headers, footers, asides and scripts
    dropped; inside <article> or <main> when the page has one; link lists skipped."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    title_node = tree.css_first("title") or tree.css_first("h1")
    title = title_node.text(strip=True) if title_node else None
    published = None
    for selector in _PUBLISHED_META:
        node = tree.css_first(selector)
        if node and node.attributes.get("content"):
            published = _iso(node.attributes["content"] or "")
            if published:
                break
    if published is None:
        node = tree.css_first("time[datetime]")
        published = _iso(node.attributes.get("datetime") or "") if node else None
    for node in tree.css(_BOILERPLATE):
        node.decompose()
    root = tree.css_first("article") or tree.css_first("main") or tree.body or tree.root
    if root is None:
        return "", title, published
    paragraphs = []
    for node in root.css(_BLOCKS):
        if len(node.css(_BLOCKS)) > 1:  # the node itself matches too
            continue  # an outer block: its inner blocks are read on their own
        text = _SPACES.sub(" ", node.text(deep=True)).strip()
        if text and not _mostly_links(node, text):
            paragraphs.append(text)
    if not paragraphs:
        paragraphs = [_SPACES.sub(" ", root.text(deep=True, separator="\n")).strip()]
    return "\n\n".join(paragraphs), title, published


def _mostly_links(node, text: str) -> bool:
    linked = sum(len(a.text(deep=True).strip()) for a in node.css("a"))
    return linked > 0.8 * len(text) and len(text) < 200


def _read_pdf(data: bytes, name: str) -> tuple[str, str | None, str | None]:
    quiet = logging.getLogger("pypdf")
    level = quiet.level
    quiet.setLevel(logging.CRITICAL)  # pypdf logs repairs to stderr; the user gets one line
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return _pdf_text(data, name)
    finally:
        quiet.setLevel(level)


def _pdf_text(data: bytes, name: str) -> tuple[str, str | None, str | None]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise UserError(f"{name}: the PDF is encrypted")
        pages = [page.extract_text() or "" for page in reader.pages]
        meta = reader.metadata
    except UserError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as error:
        raise UserError(f"{name}: not a readable PDF ({error})") from None
    text = _BLANK_LINES.sub("\n\n", "\n\n".join(page.strip() for page in pages))
    if not text.strip():
        raise UserError(f"{name}: the PDF has no text layer (a scan?); run OCR on it first")
    title = str(meta.title) if meta and meta.title else None
    return text, title, None  # a PDF's creation date is not its publication date
