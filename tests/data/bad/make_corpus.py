"""Writes the committed part of the hostile input corpus beside this file. Run it again
after changing it: `python tests/data/bad/make_corpus.py`. Files git cannot hold well (a
sparse 1 GB file, a symlink loop, a pipe, an unreadable file) are made by the tests."""

from __future__ import annotations

import io
from pathlib import Path

HERE = Path(__file__).resolve().parent
ARTICLE = HERE.parent.parent.parent / "sources" / "articles" / "tmtpost-openai-2024-05.txt"


def _pdf_cut_in_half() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    data = buffer.getvalue()
    return data[: len(data) // 2]


def files() -> dict[str, bytes]:
    chinese = ARTICLE.read_text(encoding="utf-8")[:1500]
    english = "OpenAI agreed to buy $51 million of chips in 2019. GPT-4o answers in 232 ms.\n"
    return {
        "empty.txt": b"",
        "whitespace-only.txt": b" \n\t\n   \r\n",
        "binary.txt": bytes(range(256)) * 16,
        "truncated.pdf": _pdf_cut_in_half(),
        "invalid-utf8.txt": english.encode() + b"\xc3\x28 \xa0\xa1 \xf0\x28\x8c\x28 " + english.encode(),
        "nul-byte.txt": (english * 80).encode() + b"\x00" + english.encode(),
        "gb18030-no-bom.txt": chinese.encode("gb18030"),
        "utf16-bom.txt": chinese.encode("utf-16"),  # little-endian with its BOM
        "utf16-cut-mid-character.txt": chinese.encode("utf-16")[:-1],
        "nested.html": b"<html><body>" + b"<div>" * 10_000 + english.encode() + b"</div>" * 10_000
        + b"</body></html>",
        "空格 与 中文 ü/报道 一 ü.txt": chinese.encode("utf-8"),
    }


def main() -> None:
    for name, data in files().items():
        target = HERE / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    print(f"wrote {len(files())} files under {HERE}")


if __name__ == "__main__":
    main()
