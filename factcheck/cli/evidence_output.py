"""What `factcheck search` and `factcheck link --explain` print: plain lines for a reader,
or JSON for a script. Document text passes `one_line` before it reaches a terminal."""

from __future__ import annotations

import json
from typing import IO

from sqlmodel import Session, col, select

from factcheck.services.evidence import Hit, one_line
from factcheck.services.linking import Explained
from factcheck.store.models import Document, Passage


def write_hits(query: str, hits: list[Hit], out: IO[str], *, as_json: bool) -> None:
    if as_json:
        rows = [
            {"passage": h.passage_id, "source": h.source, "title": h.title, "text": h.text, "score": h.score,
             "similarity": None if h.similarity is None else round(h.similarity, 4), "wording": h.wording}
            for h in hits
        ]
        out.write(json.dumps({"query": query, "results": rows}, ensure_ascii=False, indent=2) + "\n")
        return
    if not hits:
        out.write("no passages found\n")
    for h in hits:
        meaning = "    " if h.similarity is None else f"{h.similarity:.2f}"
        out.write(f"{h.passage_id:>7}  {h.score:.2f}  meaning {meaning}  words {h.wording:>3.0f}  "
                  f"{one_line(h.source)}\n         {one_line(h.text, 110)}\n")


def write_explanation(engine, claim_id: int, explained: list[Explained], out: IO[str]) -> None:
    """Each candidate: the indexes that found it, the score's parts, the relation and its
    confidence, the reasons, where it comes from."""
    sources = _passage_sources(engine, [e.passage_id for e in explained])
    if not explained:
        out.write(f"claim {claim_id}: no candidate passages\n")
    for item in explained:
        path, text = sources[item.passage_id]
        head = f"passage {item.passage_id}  found by {', '.join(item.found_by) or 'a reviewer'}"
        if item.decided:
            head += f"  (a reviewer's link: {item.decided})"
        out.write(head + "\n")
        if item.verdict is None or item.parts is None:
            out.write("  no link: nothing connects them\n")
        else:
            p = item.parts
            out.write(
                f"  score {item.verdict.score:.2f} = figures {p.figures:.2f} + names {p.names:.2f} + "
                f"meaning {p.meaning:.2f} + wording {p.wording:.2f} + date {p.date:.2f}\n"
                f"  {item.verdict.relation}, confidence {item.verdict.confidence:.2f}\n"
            )
            for reason in item.verdict.reasons:
                out.write(f"  - {one_line(reason)}\n")
        out.write(f"  {one_line(path)}: {one_line(text, 100)}\n")


def _passage_sources(engine, ids: list[int]) -> dict[int, tuple[str, str]]:
    with Session(engine) as session:
        rows = session.exec(
            select(Passage.id, Document.path, Passage.text)
            .join(Document, col(Passage.document_id) == col(Document.id))
            .where(col(Passage.id).in_(ids))
        ).all()
    return {passage_id: (path, text) for passage_id, path, text in rows}
