"""A small test page inside the bulk of a real news page: what the main text must still be
found in. Used by the page tests and by bench/html_reading.py."""

from __future__ import annotations


def padded(data: bytes) -> bytes:
    """The page inside the bulk of a real one (deterministic)."""
    head = "".join(f'<meta property="og:x{n}" content="value {n}">' for n in range(60))
    head += "<script>" + "var tracking = {'id': 1234567, 'consent': true};" * 600 + "</script>"
    menu = "<nav class='mega-menu'><ul>" + "".join(
        f"<li><a href='/section/{n}'>Section {n}</a></li>" for n in range(300)) + "</ul></nav>"
    cards = "<div class='more-stories'>" + "".join(
        f"<div class='card'><a href='/story/{n}'><img src='/i/{n}.jpg' alt=''><h3>Headline of another "
        f"story number {n} that readers might like</h3></a><p class='dek'>A short summary of story {n}."
        f"</p></div>" for n in range(40)) + "</div>"
    footer = "<footer class='site-footer'>" + "".join(
        f"<a href='/f/{n}'>Footer link {n}</a> " for n in range(150)) + "</footer>"
    text = data.decode("utf-8", "surrogateescape")
    text = text.replace("</head>", head + "</head>", 1).replace("<body>", "<body>" + menu, 1)
    text = text.replace("</body>", cards + footer + "</body>", 1)
    return text.encode("utf-8", "surrogateescape")
