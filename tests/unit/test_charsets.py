"""Charsets in the order a browser takes them: a BOM, the server's declaration, the page's
own <meta>, then detection; a declaration the bytes do not follow is said in one line."""

from __future__ import annotations

import pytest

from factcheck.errors import UserError
from factcheck.text.read.charsets import codec_for, declared_in_page, decode
from factcheck.text.read.reading import read_bytes

PAGE = "<html><head>{meta}<title>t</title></head><body><p>{text}</p></body></html>"
FRENCH = "Le café coûte 4,20 € – « très cher », dit-il."


def page(meta: str, text: str = FRENCH) -> str:
    return PAGE.format(meta=meta, text=text)


@pytest.mark.parametrize("meta", [
    '<meta charset="iso-8859-1">',
    "<meta charset=latin1>",
    '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">',
    '<meta content="text/html;charset=windows-1252" http-equiv="content-type">',
])
def test_latin1_labels_read_as_windows_1252(meta):
    data = page(meta).encode("cp1252")
    decoded = decode(data, "p.html", html=True)
    assert FRENCH in decoded.text and decoded.charset == "windows-1252" and not decoded.notes


def test_gbk_declared_in_the_page():
    text = "一季度城镇新增就业3.2万人"
    decoded = decode(page('<meta charset="gbk">', text).encode("gbk"), "p.html", html=True)
    assert text in decoded.text and decoded.charset == "gb18030"


def test_a_bom_comes_before_any_declaration():
    data = b"\xef\xbb\xbf" + page('<meta charset="koi8-r">').encode("utf-8")
    assert FRENCH in decode(data, "p.html", declared="koi8-r", html=True).text


def test_the_server_comes_before_the_page():
    data = page('<meta charset="koi8-r">').encode("cp1252")
    assert FRENCH in decode(data, "p.html", declared="windows-1252", html=True).text
    assert FRENCH not in decode(data, "p.html", html=True).text  # koi8-r decodes it, wrongly


def test_a_declaration_the_bytes_do_not_follow_is_said_in_one_line():
    data = page('<meta charset="gbk">').encode("utf-8")  # a template's stale declaration
    decoded = decode(data, "p.html", html=True)
    assert FRENCH in decoded.text
    assert decoded.notes == ["p.html: the page declares gbk, but the bytes are UTF-8; read as UTF-8"]
    read = read_bytes(data, "p.html")
    assert read.notes == decoded.notes and "€" in read.text


def test_undecodable_as_declared_and_as_anything_else_keeps_the_text():
    data = page('<meta charset="utf-8">', "一季度城镇新增就业3.2万人").encode("gbk") + b"\xff\xfe\xff"
    decoded = decode(data, "p.html", html=True)
    assert len(decoded.notes) == 1 and "do not decode as utf-8" in decoded.notes[0]
    assert "\n" not in decoded.notes[0]


def test_an_unknown_label_falls_back_to_detection_with_a_note():
    decoded = decode(page('<meta charset="no-such-charset">').encode("utf-8"), "p.html", html=True)
    assert FRENCH in decoded.text and "unknown charset" in decoded.notes[0]


def test_labels_and_page_declarations():
    assert codec_for("GB2312") == "gb18030" and codec_for("Shift_JIS") == "cp932"
    assert codec_for("utf8") == "utf-8" and codec_for("bogus") is None
    assert declared_in_page(b'<meta http-equiv="content-type" content="text/html; charset=big5">') == "big5"
    assert declared_in_page(b"<p>charset=gbk is just text</p>") is None


def test_text_files_without_declarations_as_before():
    assert decode("营收增长6.8%".encode("gb18030"), "a.txt").text == "营收增长6.8%"
    with pytest.raises(UserError, match="binary"):
        decode(b"a\x00b", "a.txt")


def test_an_xhtml_page_declares_its_charset_in_its_xml_declaration():
    data = ('<?xml version="1.0" encoding="ISO-8859-1"?>' + page("")).encode("cp1252")
    assert FRENCH in decode(data, "p.xhtml", html=True).text
