"""Bytes to text, in the order a browser takes: a byte-order mark, then the charset the
server declared (the HTTP Content-Type), then the page's own `<meta charset>` or
`http-equiv` declaration, then detection.

A declared charset that does not decode the bytes is said in a note (one line), and the
bytes are read as what they are (UTF-8, or what detection finds), or else with the
declared charset and U+FFFD for the bytes it cannot read."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from charset_normalizer import from_bytes

from factcheck.errors import UserError

_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))

# Labels as the web uses them (the WHATWG Encoding Standard), mapped to Python codecs where
# Python's codec of the same name reads differently: Latin-1 and ASCII pages are windows-1252
# (curly quotes and the euro sign live at 0x80-0x9F), GB2312 and GBK pages are read by the
# GB18030 decoder (a superset), Shift_JIS by Windows-31J, EUC-KR by Windows-949.
_WEB_LABELS = {
    "windows-1252": ("ascii", "us-ascii", "latin1", "latin-1", "l1", "iso-8859-1", "iso8859-1",
                     "iso_8859-1", "iso88591", "cp1252", "x-cp1252", "cp819", "ibm819",
                     "csisolatin1", "iso-ir-100", "ansi_x3.4-1968", "windows-1252"),
    "gb18030": ("gb2312", "gbk", "gb_2312", "gb_2312-80", "chinese", "csgb2312", "x-gbk",
                "csiso58gb231280", "iso-ir-58", "gb18030", "cp936", "windows-936"),
    "big5hkscs": ("big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5"),
    "cp932": ("shift_jis", "shift-jis", "sjis", "ms_kanji", "x-sjis", "windows-31j", "csshiftjis", "ms932"),
    "cp949": ("euc-kr", "ks_c_5601-1987", "ks_c_5601-1989", "ksc5601", "ksc_5601", "windows-949", "cseuckr"),
    "utf-8": ("utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8"),
}
_CODEC_OF_LABEL = {label: codec for codec, labels in _WEB_LABELS.items() for label in labels}
# a page cannot declare UTF-16 for itself in ASCII bytes: browsers read such a page as UTF-8
_IN_PAGE_UTF16 = ("utf-16", "utf-16le", "utf-16be", "utf16")
META_SCAN_BYTES = 8192  # where a page's own declaration is looked for (browsers: 1024)
_META = re.compile(rb"<meta\b[^>]*?>", re.IGNORECASE)
_XML_DECLARATION = re.compile(rb"""\s*<\?xml\s[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:\-]+)["']""")
_META_CHARSET = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9._:\-]+)""", re.IGNORECASE)
_WINDOWS_1252_GAPS = "windows-1252-gaps"  # the five bytes cp1252 leaves undefined


def _c1_for_gaps(error: UnicodeDecodeError) -> tuple[str, int]:
    """windows-1252 as browsers read it: 0x81, 0x8D, 0x8F, 0x90 and 0x9D are their C1 codes."""
    bad = error.object[error.start:error.end]
    return "".join(chr(byte) for byte in bad), error.end


codecs.register_error(_WINDOWS_1252_GAPS, _c1_for_gaps)


@dataclass
class Decoded:
    """The text, the charset it was read with, and what the reader should be told."""

    text: str
    charset: str
    notes: list[str] = field(default_factory=list)


def codec_for(label: str | None) -> str | None:
    """The Python codec for a charset label as pages and servers write it; None if unknown."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in _CODEC_OF_LABEL:
        return _CODEC_OF_LABEL[label]
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def declared_in_page(data: bytes) -> str | None:
    """The charset label a page declares in its first bytes (an XHTML page's XML
    declaration, `<meta charset=...>` or `<meta http-equiv="Content-Type"
    content="...; charset=...">`), if any."""
    xml = _XML_DECLARATION.match(data)
    if xml:
        return xml.group(1).decode("ascii")
    for meta in _META.finditer(data, 0, META_SCAN_BYTES):
        found = _META_CHARSET.search(meta.group())
        if found:
            return found.group(1).decode("ascii")
    return None


def decode(data: bytes, name: str, *, declared: str | None = None, html: bool = False) -> Decoded:
    """Bytes to text. `declared`: the charset the server named; `html`: look for the page's
    own declaration too. Without either: BOM, UTF-8, GB18030 that reads as Chinese, then
    charset-normalizer's best guess."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return Decoded(_checked(_with_bom(data, encoding, name), name), encoding.removesuffix("-sig"))
    if b"\x00" in data:  # anywhere: PostgreSQL cannot store a NUL in text
        raise UserError(f"{name}: binary file, not text")
    where = "the server"
    if declared is None and html:
        declared, where = declared_in_page(data), "the page"
        if declared and declared.strip().lower() in _IN_PAGE_UTF16:
            declared = "utf-8"
    if declared:
        codec = codec_for(declared)
        if codec is None:
            found = _detected(data, name)
            found.notes.append(f"{name}: {where} declares an unknown charset {declared!r}; read as {found.charset}")
            return found
        return _as_declared(data, name, codec, f"{where} declares {declared}")
    return _detected(data, name)


def _with_bom(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise UserError(f"{name}: the bytes do not match their {encoding} byte-order mark") from None


def _checked(text: str, name: str) -> str:
    if "\x00" in text:
        raise UserError(f"{name}: binary file, not text")
    return text


def _as_declared(data: bytes, name: str, codec: str, declaration: str) -> Decoded:
    errors = _WINDOWS_1252_GAPS if codec == "windows-1252" else "strict"
    try:
        return Decoded(_checked(data.decode(codec, errors), name), codec)
    except UnicodeDecodeError as error:
        failure = error
    if codec != "utf-8":
        try:
            text = data.decode("utf-8")
            note = f"{name}: {declaration}, but the bytes are UTF-8; read as UTF-8"
            return Decoded(_checked(text, name), "utf-8", [note])
        except UnicodeDecodeError:
            pass
    found = _detected(data, name, quiet=True)
    if found is not None and found.charset != codec:
        found.notes.append(f"{name}: {declaration}, but the bytes do not decode as {codec}; read as {found.charset}")
        return found
    text = data.decode(codec, "replace")
    note = (f"{name}: {declaration}, but {text.count(chr(0xFFFD))} of its characters do not decode as {codec} "
            f"(first at byte {failure.start}); shown as \ufffd")
    return Decoded(_checked(text, name), codec, [note])


def _detected(data: bytes, name: str, *, quiet: bool = False) -> Decoded | None:
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    chinese = _as_chinese(data)
    if chinese is not None:
        return Decoded(chinese, "gb18030")
    best = from_bytes(data[:1_000_000]).best()
    if best is not None and best.encoding is not None:
        try:
            return Decoded(data.decode(best.encoding), best.encoding)
        except (UnicodeDecodeError, LookupError):
            pass
    if quiet:
        return None
    raise UserError(f"{name}: cannot decode the bytes as text in any known encoding")


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
