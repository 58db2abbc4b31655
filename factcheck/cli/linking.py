"""Linking claims to evidence: `factcheck link` (suggested, by hand, explained) and
`factcheck search`, with the sentence encoder they share."""

from __future__ import annotations

from typing import Annotated

import typer

from factcheck.cli.app import _engine, _say, _write_stdout, app
from factcheck.cli.encoding import _embed, _encoder_or_warn, _link
from factcheck.errors import UserError


@app.command()
def link(
    claim_id: Annotated[int | None, typer.Argument(help="Link by hand: the claim's id.")] = None,
    passage_id: Annotated[int | None, typer.Argument(help="Link by hand: the passage's id (see `factcheck search`).")] = None,
    relation: Annotated[str | None, typer.Option("--relation", help="supports, contradicts or mentions.")] = None,
    note: Annotated[str | None, typer.Option("--note", help="Why (kept in the claim's history).")] = None,
    reviewer: Annotated[str | None, typer.Option("--reviewer", help="Defaults to $USER.")] = None,
    explain: Annotated[int | None, typer.Option("--explain", metavar="CLAIM_ID", help="Show each candidate of a claim with its score's parts.")] = None,
) -> None:
    """Recompute suggested links (confirmed and rejected links are kept); or, with CLAIM_ID
    PASSAGE_ID --relation R, link a passage by hand; or --explain CLAIM_ID."""
    if explain is not None:
        if claim_id is not None or relation or note:
            raise UserError("link --explain takes a claim id alone")
        _explain(_engine(reading=True), explain)
        return
    if claim_id is None:
        if relation or note or reviewer:
            raise UserError("link: --relation, --note and --reviewer go with CLAIM_ID PASSAGE_ID")
        engine = _engine()
        _link(engine, _encoder_or_warn())
        return
    if passage_id is None or relation is None:
        raise UserError("link by hand needs CLAIM_ID PASSAGE_ID --relation supports|contradicts|mentions")
    from factcheck.services.review import link_evidence

    for number, what in ((claim_id, "claim"), (passage_id, "passage")):
        if not 0 < number < 2**63:
            raise UserError(f"no {what} with id {number}")
    made = link_evidence(_engine(), claim_id, passage_id, relation, note=note, reviewer=reviewer)
    _say(f"claim {claim_id}: link {made.id} to passage {passage_id}, {made.relation}, confirmed")


def _explain(engine, claim_id: int) -> None:
    from factcheck.cli.evidence_output import write_explanation
    from factcheck.services.linking import explain as explain_claim

    explained = explain_claim(engine, claim_id, encoder=_encoder_or_warn())
    _write_stdout(lambda out: write_explanation(engine, claim_id, explained, out))


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words, a sentence or a claim, in any language the encoder knows.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the hits as JSON.")] = False,
    limit: Annotated[int, typer.Option("--limit", min=1, max=1000, help="How many passages.")] = 10,
) -> None:
    """Find evidence passages by meaning and by words, in Chinese, English and other languages."""
    from factcheck.cli.evidence_output import write_hits
    from factcheck.services.evidence import PassageSearch
    from factcheck.store.db import is_read_only
    from factcheck.store.vectors import PASSAGES

    if not query.strip():
        raise UserError("search: nothing to look for")
    engine = _engine(reading=True)
    encoder = _encoder_or_warn(needed=True)
    if encoder is None:
        _say("factcheck: the encoder is switched off (FACTCHECK_ENCODER=off): searching by words only")
    elif not is_read_only(engine):
        _embed(engine, encoder, (PASSAGES,))
    hits = PassageSearch(engine, encoder).search(query, limit)
    _write_stdout(lambda out: write_hits(query, hits, out, as_json=as_json))
