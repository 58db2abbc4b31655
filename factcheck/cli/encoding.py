"""The sentence encoder as the commands run it: loaded once, its vectors stored for what
lacks them, then links suggested; shared by `ingest`, `sources add`, `link` and `search`."""

from __future__ import annotations

from factcheck.cli.app import State, _counted, _run_with_progress, _say


def _encoder_or_warn(*, needed: bool = False):
    """The sentence encoder, loaded now; None when switched off (FACTCHECK_ENCODER=off) or,
    unless `needed`, when its model is broken (said in one line: linking goes on by
    numbers, names and words)."""
    from factcheck.text.encoder import EncoderUnavailable, default_encoder

    try:
        return default_encoder()
    except EncoderUnavailable as error:
        if needed:
            raise
        _say(f"factcheck: {error}; linking by numbers, names and words only")
        return None


def _embed(engine, encoder, owners) -> None:
    """Store the vectors `owners` lack (claims at ingest, passages at `sources add`)."""
    if encoder is None:
        return
    from factcheck.store.vectors import refresh

    State.after_interrupt = "the vectors computed before it are kept; the next command computes the rest"
    done = _run_with_progress("Embedding", lambda update: refresh(engine, encoder, update, owners))
    if done:
        _say(f"{_counted(done, 'text')} embedded")


def _link(engine, encoder):
    from factcheck.services.linking import link_all

    _embed(engine, encoder, _all_owners())
    State.after_interrupt = "the links suggested before it are kept as they were"
    report = _run_with_progress("Linking", lambda update: link_all(engine, progress=update, encoder=encoder))
    for warning in report.warnings:
        _say(f"factcheck: {warning}")
    _say(f"{_counted(report.suggested, 'link')} suggested for {_counted(report.claims, 'claim')}")
    return report


def _all_owners():
    from factcheck.store.vectors import CLAIMS, PASSAGES

    return (CLAIMS, PASSAGES)
