"""Re-ingesting an edited source document in place.

When a source at the same path comes back with different bytes, its text and passages are
replaced and every link a reviewer decided (confirmed or rejected) is re-anchored in the
new text. A link that cannot be re-anchored is kept, flagged `orphaned`, and goes on
pointing at its old passage, which is retired: kept for the reviewer, never evidence again.
Suggested links are the linker's and are simply recomputed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import delete, func, update
from sqlmodel import Session, col, select

from factcheck.store.models import Document, Link, Passage, Quantity, utc_now
from factcheck.text.extract.anchoring import Quote, quote, reanchor
from factcheck.text.extract.extraction import ReadDocument


def previous_version(session: Session, path: str) -> Document | None:
    query = select(Document).where(Document.path == path, Document.role == "source")
    return session.exec(query.order_by(col(Document.id))).first()


@dataclass
class Replaced:
    passages: int = 0
    reanchored: int = 0  # reviewed links moved to the edited text
    orphaned: int = 0  # reviewed links that could not be: kept and flagged


def replace_source(
    session: Session,
    document: Document,
    read: ReadDocument,
    sha: str,
    date: str | None,
    store: Callable[[Session, Document], int],
) -> Replaced:
    """Swap in the new text, store its passages with `store`, re-anchor the reviewed links."""
    old = {p.id: p for p in session.exec(select(Passage).where(Passage.document_id == document.id))}
    session.execute(
        delete(Link).where(col(Link.passage_id).in_(list(old)), Link.state == "suggested")
    )
    kept = list(session.exec(select(Link).where(col(Link.passage_id).in_(list(old)))))
    document.text, document.sha256, document.title = read.text, sha, read.title
    document.url, document.language = read.url, read.language
    document.author, document.site_name = read.author, read.site_name
    document.published = date or read.published
    session.add(document)
    session.flush()
    store(session, document)
    new = list(
        session.exec(
            select(Passage)
            .where(Passage.document_id == document.id, col(Passage.id).not_in(list(old)))
            .order_by(col(Passage.start))
        )
    )
    result = Replaced(passages=len(new))
    taken: set[tuple[int, int]] = set()
    for link in kept:
        target = _reanchored_passage(link, old[link.passage_id], document.text, new)
        if target is None or (link.claim_id, target.id) in taken:
            link.orphaned = True
            result.orphaned += 1
        else:
            selector = quote(document.text, target.start, target.end)
            link.passage_id, link.orphaned = target.id, False
            link.exact, link.prefix, link.suffix = selector.exact, selector.prefix, selector.suffix
            taken.add((link.claim_id, target.id))
            result.reanchored += 1
        link.updated_at = utc_now()
        session.add(link)
    session.flush()
    _retire(session, old, {link.passage_id for link in kept if link.orphaned})
    return result


def _reanchored_passage(link: Link, old: Passage, text: str, new: list[Passage]) -> Passage | None:
    selector = Quote(link.exact or old.text, link.prefix, link.suffix)
    anchor = reanchor(selector, text, old.start)
    if anchor is None:
        return None
    best, best_overlap = None, 0
    for passage in new:
        overlap = min(passage.end, anchor.end) - max(passage.start, anchor.start)
        if overlap > best_overlap:
            best, best_overlap = passage, overlap
    # the quote must mostly fall in one passage, or the evidence it named is gone
    if best is None or best_overlap < 0.5 * (anchor.end - anchor.start):
        return None
    return best


def _retire(session: Session, old: dict[int, Passage], still_used: set[int]) -> None:
    unused = [i for i in old if i not in still_used]
    if unused:
        session.execute(delete(Quantity).where(col(Quantity.passage_id).in_(unused)))
        session.execute(delete(Passage).where(col(Passage.id).in_(unused)))
    if still_used:
        session.execute(delete(Quantity).where(col(Quantity.passage_id).in_(list(still_used))))
        session.execute(
            update(Passage).where(col(Passage.id).in_(list(still_used))).values(retired=True)
        )


@dataclass
class SourceRow:
    """One evidence document as `sources list` shows it."""

    id: int
    path: str
    title: str
    url: str | None
    published: str | None
    passages: int  # passages still offered as evidence (retired ones left out)
    links: int  # links to its passages that were not rejected


def list_sources(session: Session) -> list[SourceRow]:
    """Every evidence document in path order, with its passages and links counted."""
    passages = dict(
        session.exec(
            select(Passage.document_id, func.count()).where(col(Passage.retired).is_(False)).group_by(Passage.document_id)
        ).all()
    )
    links = dict(
        session.exec(
            select(Passage.document_id, func.count())
            .join(Link, col(Link.passage_id) == col(Passage.id))
            .where(Link.state != "rejected")
            .group_by(Passage.document_id)
        ).all()
    )
    documents = session.exec(select(Document).where(Document.role == "source").order_by(col(Document.path), col(Document.id)))
    return [
        SourceRow(d.id, d.path, d.title, d.url, d.published, passages.get(d.id, 0), links.get(d.id, 0))
        for d in documents
    ]
