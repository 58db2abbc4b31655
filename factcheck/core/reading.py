"""Reading files into text: decoding, header metadata, language. First version: txt and md."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from charset_normalizer import from_bytes

from factcheck.core.errors import UserError
from factcheck.core.extraction import ReadDocument

READABLE_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
MAX_BYTES = 200 * 1024 * 1024

_HEADER = re.compile(r"^(Source|URL|Published|Date)\s*:\s*(.+?)\s*$", re.IGNORECASE | re.MULTILINE)
_TITLE = re.compile(r"^#\s+(.+?)\s*$", re.MULTILINE)
_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def is_readable(path: Path) -> bool:
    return path.suffix.lower() in READABLE_SUFFIXES


def decode(data: bytes, name: str) -> str:
    """Bytes to text: BOMs first, then UTF-8, then charset-normalizer's best guess."""
    # Anywhere, not only near the start: PostgreSQL cannot store a NUL in text.
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UserError(f"{name}: binary file, not text")
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as error:
                raise UserError(f"{name}: not valid {encoding} despite its byte order mark "
                                f"(at byte {error.start})") from None
            if "\x00" in text:
                raise UserError(f"{name}: binary file, not text")
            return text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise UserError(f"{name}: cannot decode the bytes as text in any known encoding")
    return str(best)


def normalise(text: str) -> str:
    """Full-width digits and punctuation to half-width (NFKC keeps CJK characters)."""
    text = unicodedata.normalize("NFKC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return text


def read_document(path: Path) -> ReadDocument:
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UserError(f"{path}: no such file") from None
    except OSError as error:
        raise UserError(f"{path}: cannot read ({error.strerror})") from None
    return read_bytes(data, path.name)


def read_bytes(data: bytes, name: str) -> ReadDocument:
    text = normalise(decode(data, name))
    if not text.strip():
        raise UserError(f"{name}: empty document")
    title_match = _TITLE.search(text[:2000])
    title = title_match.group(1) if title_match else text.strip().splitlines()[0][:120]
    url = published = None
    for key, value in _HEADER.findall(text[:4000]):
        if key.lower() in ("source", "url") and url is None:
            url = value
        elif key.lower() in ("published", "date") and published is None:
            found = _DATE.search(value)
            if found:
                y, m, d = found.groups()
                published = f"{y}-{int(m):02d}-{int(d):02d}"
    return ReadDocument(text=text, title=title, url=url, published=published, language=detect_language(text))


def detect_language(text: str) -> str:
    sample = text[:5000]
    cjk = sum(1 for ch in sample if "\u4e00" <= ch <= "\u9fff")
    letters = sum(1 for ch in sample if ch.isalpha())
    if not letters:
        return "und"
    return "zh" if cjk / letters > 0.3 else "en"
