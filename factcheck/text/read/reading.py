"""Reading files into text: decoding, HTML main text, PDF text layers, header metadata,
language. Every later offset points into the text returned here, after normalisation."""

from __future__ import annotations

import io
import logging
import re
import unicodedata
import warnings
from pathlib import Path

from factcheck.errors import UserError
from factcheck.text.extract.extraction import ReadDocument
from factcheck.text.read.charsets import decode
from factcheck.text.read.html_reading import read_page
from factcheck.text.read.language import detect_language

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
PDF_SUFFIXES = {".pdf"}
READABLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES
MAX_BYTES = 200 * 1024 * 1024

_HEADER = re.compile(r"^(Source|URL|Published|Date)\s*:\s*(.+?)\s*$", re.IGNORECASE | re.MULTILINE)
_TITLE = re.compile(r"^#\s+(.+?)\s*$", re.MULTILINE)
_DATE = re.compile(r"(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})")
_BLANK_LINES = re.compile(r"\n{3,}")



def is_readable(path: Path) -> bool:
    return Path(path).suffix.lower() in READABLE_SUFFIXES


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


KINDS = ("html", "pdf", "text")


def read_bytes(
    data: bytes, name: str, *, kind: str | None = None, charset: str | None = None,
    url: str | None = None,
) -> ReadDocument:
    """Decode and normalise one document. `kind` (html, pdf, text) is taken from the name's
    suffix when not given (or from the content, for HTML and PDF without one); `charset`
    is what a server declared; `url` is where the bytes were fetched from."""
    if not data.strip():
        raise UserError(f"{name}: empty document")
    kind = kind or kind_of(data, name)
    if kind == "pdf":
        text, title, published = _read_pdf(data, name)
        return _finish(ReadDocument(text=text, title=title or "", published=published), name)
    decoded = decode(data, name, declared=charset, html=kind == "html")
    if kind == "html":
        return _read_html(decoded.text, name, url, decoded.notes)
    return _finish(ReadDocument(text=decoded.text, notes=decoded.notes), name)


def kind_of(data: bytes, name: str) -> str:
    suffix = Path(name).suffix.lower()
    sniff = suffix not in TEXT_SUFFIXES  # a .txt is text, whatever its first bytes say
    head = data[:1024].lstrip().lower()
    if suffix in PDF_SUFFIXES or (sniff and data.startswith(b"%PDF-")):
        return "pdf"
    if suffix in HTML_SUFFIXES or (sniff and head.startswith((b"<!doctype html", b"<html"))):
        return "html"
    return "text"


def _read_html(html: str, name: str, url: str | None, notes: list[str]) -> ReadDocument:
    page = read_page(html, name, url)
    read = ReadDocument(
        text=page.text, title=page.title or "", url=page.url, published=page.published,
        author=page.author, site_name=page.site_name, notes=notes + page.notes,
    )
    return _finish(read, name, declared_language=page.language)


def _finish(read: ReadDocument, name: str, declared_language: str | None = None) -> ReadDocument:
    """Normalise the text; the title, URL and date from header lines where the document
    did not say; the language."""
    text = normalise(read.text)
    if not text.strip():
        raise UserError(f"{name}: empty document")
    title = read.title
    if not title:
        title_match = _TITLE.search(text[:2000])
        title = title_match.group(1) if title_match else _first_line(text)
    url, published = read.url, read.published
    for key, value in _HEADER.findall(text[:4000]):
        if key.lower() in ("source", "url") and url is None:
            url = value
        elif key.lower() in ("published", "date") and published is None:
            published = _iso(value)
    read.text, read.title, read.url, read.published = text, normalise(title).strip(), url, published
    read.language = language_of(text, declared_language)
    if read.author:
        read.author = normalise(read.author)
    if read.site_name:
        read.site_name = normalise(read.site_name)
    return read


def language_of(text: str, declared: str | None) -> str:
    """The page's declared language when it agrees with the script of its text (a Chinese
    page declared 'zh-CN', a German one 'de'); else what the text shows (a template's
    lang="en" on a Chinese page is wrong)."""
    detected = detect_language(text)
    if declared and detected != "und" and (declared == "zh") == (detected == "zh"):
        return declared
    return detected


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


# pypdf's safety limits, by words in its messages, said in a reader's words
_PDF_LIMITS = (
    ("decompress", "a compressed stream expands past the reader's limit"),
    ("xref", "its cross-reference table claims more entries than the file holds"),
    ("declared size", "its cross-reference table claims more entries than the file holds"),
    ("tokens", "a page's content stream has more operations than the reader's limit"),
    ("stream length", "a stream is longer than the reader's limit"),
    ("cycle", "its objects refer to themselves in a loop"),
    ("loop", "its objects refer to themselves in a loop"),
    ("depth", "its objects nest deeper than the reader's limit"),
)


def _pdf_text(data: bytes, name: str) -> tuple[str, str | None, str | None]:
    from pypdf import PdfReader
    from pypdf.errors import LimitReachedError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise UserError(f"{name}: the PDF is encrypted")
        pages = [page.extract_text() or "" for page in reader.pages]
        meta = reader.metadata
    except UserError:
        raise
    except LimitReachedError as error:  # a bomb or a damaged file: refused before it costs more
        raise UserError(f"{name}: refused, {_pdf_limit(str(error))} ({_clipped(error)})") from None
    except RecursionError:
        raise UserError(f"{name}: refused, its objects nest deeper than the reader's limit") from None
    except Exception as error:  # noqa: BLE001 pypdf raises many kinds on a malformed file: each is this file's fault
        raise UserError(f"{name}: not a readable PDF ({_clipped(error)})") from None
    text = _BLANK_LINES.sub("\n\n", "\n\n".join(page.strip() for page in pages))
    if not text.strip():
        raise UserError(f"{name}: the PDF has no text layer (a scan?); run OCR on it first")
    title = str(meta.title) if meta and meta.title else None
    return text, title, None  # a PDF's creation date is not its publication date


def _pdf_limit(message: str) -> str:
    lowered = message.lower()
    return next((said for words, said in _PDF_LIMITS if words in lowered), "it goes past a limit of the PDF reader")


def _clipped(error: BaseException) -> str:
    """The library's words, on one short line."""
    said = " ".join(str(error).split()) or type(error).__name__
    return said if len(said) <= 120 else said[:119] + "…"
