"""Small documents built in code for the reading tests: an HTML page with boilerplate
around its article, and one-page PDFs with or without a text layer."""

from __future__ import annotations

HTML = """<!doctype html><html><head><title>Rates decision</title>
<meta property="article:published_time" content="2024-05-22T08:00:00Z"></head>
<body><header><a href="/">Home</a> <a href="/news">News</a></header>
<nav><ul><li><a href="/a">Markets</a></li><li><a href="/b">Opinion</a></li></ul></nav>
<article><h1>Central bank holds rates</h1>
<p>The bank kept its rate at <b>5.25%</b>, it said on Wednesday.</p>
<ul><li><p>Inflation eased to 3.4 percent.</p></li></ul>
<p><a href="/x">Read more</a></p></article>
<aside>Sponsored: win $1,000,000 now</aside><footer>Copyright 2024 Example Ltd. Call 555-0100</footer>
<script>var x = 42;</script></body></html>"""



def pdf(content: bytes | None) -> bytes:
    """A one-page PDF; with `content`, a text layer drawn in Helvetica."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >>"
        + (b" /Contents 4 0 R" if content is not None else b"") + b" >>",
        b"<< /Length %d >>\nstream\n" % len(content or b"") + (content or b"") + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)
