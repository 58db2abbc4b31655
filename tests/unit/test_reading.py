"""Reading documents: encodings, full-width forms, HTML main text, PDF text layers, bad input."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sample_documents import HTML
from sample_documents import pdf as _pdf

from factcheck.errors import UserError
from factcheck.text.extract.quantities import extract_quantities
from factcheck.text.read.reading import is_readable, normalise, read_bytes

CHINESE = "据国家统计局数据,全年国内生产总值1260582亿元,比上年增长5.2%。"


@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "gb2312", "utf-16", "utf-8-sig", "utf-8"])
def test_chinese_in_common_encodings(encoding):
    read = read_bytes(CHINESE.encode(encoding), "a.txt")
    assert read.text == CHINESE
    assert read.language == "zh"


def test_full_width_forms_are_normalised_and_offsets_point_into_the_stored_text():
    read = read_bytes("营收１２３，４５６元，增长６．８％（同比）\r\n".encode(), "a.txt")
    assert read.text == "营收123,456元,增长6.8%(同比)\n"
    for q in extract_quantities(read.text):
        assert read.text[q.start : q.end] == q.text


def test_published_header_and_title():
    read = read_bytes(b"# Jobs report\nPublished: 2024-09-06\n\nPayrolls rose 142,000.", "r.md")
    assert (read.title, read.published) == ("Jobs report", "2024-09-06")


def test_html_keeps_the_article_and_drops_boilerplate():
    read = read_bytes(HTML.encode(), "page.html")
    assert read.title == "Central bank holds rates"  # the headline, over the <title>
    assert read.published == "2024-05-22"
    assert read.text == (
        "Central bank holds rates\n\nThe bank kept its rate at 5.25%, it said on Wednesday.\n\n"
        "Inflation eased to 3.4 percent."
    )


def test_html_without_an_article_element_uses_the_body():
    read = read_bytes(b"<html><body><nav>Menu</nav><p>Sales rose 5%.</p></body></html>", "x.htm")
    assert read.text == "Sales rose 5%."


def test_pdf_text_layer_is_read():
    read = read_bytes(_pdf(b"BT /F1 12 Tf 72 720 Td (Revenue rose 12% to $3.2 billion.) Tj ET"), "r.pdf")
    assert "Revenue rose 12% to $3.2 billion." in read.text
    assert [q.display for q in extract_quantities(read.text)] == ["12%", "$3.2B"]


def test_pdf_without_a_text_layer_is_refused():
    with pytest.raises(UserError, match="no text layer"):
        read_bytes(_pdf(None), "scan.pdf")


def test_broken_pdf_is_refused_with_one_line():
    with pytest.raises(UserError, match="not a readable PDF"):
        read_bytes(b"%PDF-1.4\nthis is not really a pdf", "broken.pdf")


@pytest.mark.parametrize(
    "data, fragment",
    [(b"", "empty"), (b"  \n\t ", "empty"), (bytes(range(256)) * 4, "binary"), (b"\xff\xfe\x00\xd8", "byte-order mark")],
)
def test_bad_input_is_a_user_error(data, fragment):
    with pytest.raises(UserError, match=fragment):
        read_bytes(data, "bad.txt")


def test_readable_suffixes(tmp_path):
    for name in ("a.txt", "b.md", "c.html", "d.htm", "e.pdf"):
        assert is_readable(tmp_path / name)
    assert not is_readable(tmp_path / "f.png")


@settings(deadline=None)
@given(st.text())
def test_normalise_is_nfkc_with_one_kind_of_line_break(text):
    expected = unicodedata.normalize("NFKC", text.replace("\r\n", "\n").replace("\r", "\n"))
    assert normalise(text) == expected
