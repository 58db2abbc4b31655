"""The command line: parse, call a core service, print. Heavy imports happen inside commands
so that `factcheck --help` stays fast."""

from __future__ import annotations

import os  # loaded by Python itself: costs nothing at start-up
import sys
from pathlib import Path
from typing import Annotated

import typer

from factcheck.core.errors import UserError
from factcheck.report.formats import NAMES as FORMAT_NAMES  # names only: no writer is imported
from factcheck.report.formats import audience_help
from factcheck.core.statuses import STATUSES
from factcheck.start import INTERRUPTED  # exit status of a Ctrl-C, as typer returns it

AUDIENCE_HELP = audience_help()
STATUS_HELP = ", ".join(status.key for status in sorted(STATUSES, key=lambda status: status.open)) + "."

app = typer.Typer(
    help="factcheck: extract checkable claims from articles, link evidence, record verdicts, export reports.",
    no_args_is_help=False,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
sources_app = typer.Typer(help="Evidence documents.")
app.add_typer(sources_app, name="sources")
config_app = typer.Typer(help="Settings that stay: publisher, reviewer name, theme, report language.")
app.add_typer(config_app, name="config")

DEMO_FOLDER = Path("sources")
JOBS = typer.Option(
    "--jobs", min=1, help="Processes extracting at once (default: one per CPU; 1: no worker processes)."
)
FOLLOW_LINKS = typer.Option(
    "--follow-links", help="Inside a folder, also read links to files outside it (by default they are skipped)."
)


class State:
    db: str | None = None
    # said after "interrupted" when a command is stopped by Ctrl-C
    after_interrupt = "nothing half-written was kept"
    verbose = False  # a refusal's details follow its line


def _engine(*, reading: bool = False):
    """The database; `reading` for a command that only reads it, which may then open a
    SQLite file this user cannot write."""
    from factcheck.core.db import make_engine

    return make_engine(State.db, reading=reading)


def _progress(label: str):
    """A rich progress bar on stderr, or None when stderr is not a terminal."""
    if not sys.stderr.isatty():
        return None, None
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from factcheck.core.shown import shown_path

    bar = Progress(
        TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        TextColumn("{task.description}", markup=False), transient=True,
    )
    task = bar.add_task("", total=None)

    def update(what: str, done: int, total: int) -> None:
        bar.update(task, completed=done, total=total, description=shown_path(Path(what).name) if what else "")

    return bar, update


def _run_with_progress(label: str, work):
    bar, update = _progress(label)
    if bar is None:
        return work(None)
    with bar:
        return work(update)


def _say(message: str) -> None:
    """One line on stderr: file names and text from the database in it are shown, not obeyed."""
    from factcheck.core.shown import visible

    typer.echo(visible(message), err=True)


def _counted(number: int, word: str) -> str:
    """1 claim, 2 claims."""
    return f"{number} {word}{'' if number == 1 else 's'}"


@app.callback(invoke_without_command=True)
def main_callback(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option("--db", help="Database URL or path (env FACTCHECK_DB; default claims.db here)."),
    ] = None,
) -> None:
    """With no command: open the workbench (loading the bundled demo into an empty database)."""
    State.db = db
    if ctx.invoked_subcommand is None:
        workbench()


def workbench() -> None:
    from factcheck.core.db import is_read_only, resolve_url

    engine = _engine(reading=True)
    read_only = is_read_only(engine)
    if not read_only:
        load_demo_if_empty(engine)
    from factcheck.tui.app import make_app

    make_app(resolve_url(State.db), engine=engine, read_only=read_only).run()


def load_demo_if_empty(engine) -> None:
    from sqlmodel import Session

    from factcheck.core.queries import document_count

    with Session(engine) as session:
        if document_count(session) or not DEMO_FOLDER.is_dir():
            return
    _say(f"Empty database: loading the demo from {DEMO_FOLDER}/ …")
    articles, evidence = DEMO_FOLDER / "articles", DEMO_FOLDER / "evidence"
    if articles.is_dir():
        _ingest(engine, [articles], role="article", date=None)
    if evidence.is_dir():
        _ingest(engine, [evidence], role="source", date=None)
    _link(engine, _encoder_or_warn())


def _ingest(engine, paths, *, role: str, date: str | None, jobs: int = 1, follow_links: bool = False,
            url: str | None = None):
    from factcheck.core.ingest import ingest_paths

    State.after_interrupt = (
        "the documents stored before it are whole, the one in progress was not stored "
        "(the same command again adds the rest)"
    )

    label = "Reading articles" if role == "article" else "Reading sources"
    report = _run_with_progress(
        label,
        lambda update: ingest_paths(
            engine, paths, role=role, date=date, progress=update, jobs=jobs, follow_links=follow_links, url=url
        ),
    )
    _say_report(report, role)
    return report


def _say_report(report, role: str) -> None:
    for note in report.notes:
        _say(f"note: {note}")
    for path, reason in report.skipped:
        _say(f"skipped {path}: {reason}")
    what = _counted(report.claims, "claim") if role == "article" else _counted(report.passages, "passage")
    stored = f", {len(report.already_stored)} already stored" if report.already_stored else ""
    _say(
        f"{len(report.added)} added ({what}), {len(report.unchanged)} unchanged{stored}, "
        f"{len(report.skipped)} skipped"
    )
    if report.replaced:
        _say(
            f"{len(report.replaced)} edited sources replaced: {report.reanchored} reviewed links "
            f"re-anchored, {report.orphaned} orphaned (kept and flagged for review)"
        )


def _encoder_or_warn(*, needed: bool = False):
    """The sentence encoder, loaded now; None when switched off (FACTCHECK_ENCODER=off) or,
    unless `needed`, when its model is broken (said in one line: linking goes on by
    numbers, names and words)."""
    from factcheck.core.encoder import EncoderUnavailable, default_encoder

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
    from factcheck.core.vectors import refresh

    State.after_interrupt = "the vectors computed before it are kept; the next command computes the rest"
    done = _run_with_progress("Embedding", lambda update: refresh(engine, encoder, update, owners))
    if done:
        _say(f"{_counted(done, 'text')} embedded")


def _link(engine, encoder):
    from factcheck.core.linking import link_all

    _embed(engine, encoder, _all_owners())
    State.after_interrupt = "the links suggested before it are kept as they were"
    report = _run_with_progress("Linking", lambda update: link_all(engine, progress=update, encoder=encoder))
    for warning in report.warnings:
        _say(f"factcheck: {warning}")
    _say(f"{_counted(report.suggested, 'link')} suggested for {_counted(report.claims, 'claim')}")
    return report


def _all_owners():
    from factcheck.core.vectors import CLAIMS, PASSAGES

    return (CLAIMS, PASSAGES)


def _check_date(date: str | None, option: str = "--date") -> str | None:
    from datetime import date as Date

    if date is None:
        return None
    try:
        return Date.fromisoformat(date).isoformat()
    except ValueError:
        raise UserError(f"{option} {date!r}: expected an ISO date such as 2024-05-22") from None


TIMEOUT = typer.Option("--timeout", min=0.1, help="Seconds a web page may take to fetch (default 30).")


@app.command()
def ingest(
    paths: Annotated[
        list[str] | None, typer.Argument(help="Article files, folders or web addresses (http, https).")
    ] = None,
    date: Annotated[
        str | None, typer.Option("--date", help="Publication date (ISO) for relative dates.")
    ] = None,
    jobs: Annotated[int | None, JOBS] = None,
    feed: Annotated[
        list[str] | None,
        typer.Option("--feed", help="An RSS or Atom feed: each entry's page is fetched and ingested once."),
    ] = None,
    timeout: Annotated[float, TIMEOUT] = 30.0,
    follow_links: Annotated[bool, FOLLOW_LINKS] = False,
    url: Annotated[
        str | None, typer.Option("--url", help="Where the article is published (one file): its web address.")
    ] = None,
) -> None:
    """Read articles (files, folders, web pages or feeds) and extract their claims.
    Ingesting the same bytes, or an unchanged page, again adds nothing."""
    date = _check_date(date)
    files, urls = _files_and_addresses(paths or [])
    if not files and not urls and not feed:
        raise UserError(
            "Missing argument 'PATHS...': files, folders or web addresses, or --feed URL "
            "(see 'factcheck ingest --help')"
        )
    if url is not None and (urls or feed):
        raise UserError("--url names where one article file lives; a web page keeps the address it was fetched from")
    url = _check_url(url, files)
    engine = _engine()
    added = False
    if files:
        report = _ingest(engine, files, role="article", date=date, jobs=jobs or _cpus(),
                         follow_links=follow_links, url=url)
        added |= bool(report.added)
        if url and report.unchanged:
            _set_url(engine, files[0], url)
    if urls:
        added |= bool(_ingest_web(engine, urls, role="article", date=date, timeout=timeout).added)
    for address in feed or []:
        added |= bool(_ingest_web(engine, address, role="article", date=date, timeout=timeout, feed=True).added)
    if added:
        from factcheck.core.vectors import CLAIMS

        encoder = _encoder_or_warn()
        _embed(engine, encoder, (CLAIMS,))
        if _has_passages(engine):
            _link(engine, encoder)


def _files_and_addresses(arguments: list[str]) -> tuple[list[Path], list[str]]:
    """Paths as given, and web addresses; any other scheme is refused."""
    from factcheck.core.fetching import check_address

    files, urls = [], []
    for argument in arguments:
        if "://" in argument:
            urls.append(check_address(argument))
        else:
            files.append(Path(argument))
    return files, urls


def _ingest_web(engine, addresses, *, role: str, date: str | None, timeout: float, feed: bool = False):
    from factcheck.core.web_ingest import ingest_feed, ingest_urls

    State.after_interrupt = (
        "the pages stored before it are whole, the one in progress was not stored "
        "(the same command again adds the rest)"
    )
    label = "Fetching articles" if role == "article" else "Fetching sources"
    fetch = ingest_feed if feed else ingest_urls
    report = _run_with_progress(
        label,
        lambda update: fetch(engine, addresses, role=role, date=date, timeout=timeout, progress=update),
    )
    _say_report(report, role)
    return report


def _check_url(url: str | None, paths: list[Path]) -> str | None:
    """--url names where one article lives: an http(s) address, for one file."""
    if url is None:
        return None
    from factcheck.core.addresses import web_url
    from factcheck.core.shown import visible

    if web_url(url.strip()) is None:
        raise UserError(f"--url {visible(url)!r}: expected an http:// or https:// address")
    if len(paths) != 1 or paths[0].is_dir():
        raise UserError("--url names where one article lives: give one file, not a folder or several")
    return url.strip()


def _set_url(engine, path: Path, url: str) -> None:
    from factcheck.core.ingest import set_document_url
    from factcheck.core.shown import shown_path

    if set_document_url(engine, path, url):
        _say(f"{shown_path(path)}: already stored; its address is now {url}")


def _cpus() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _has_passages(engine) -> bool:
    from sqlmodel import Session, select

    from factcheck.core.models import Passage

    with Session(engine) as session:
        return session.exec(select(Passage.id).limit(1)).first() is not None


@sources_app.callback(invoke_without_command=True)
def sources_callback(ctx: typer.Context) -> None:
    """Evidence documents."""
    if ctx.invoked_subcommand is None:
        raise UserError("sources: which command? add (see 'factcheck sources --help')")


@sources_app.command("add")
def sources_add(
    paths: Annotated[list[str], typer.Argument(help="Evidence files, folders or web addresses (http, https).")],
    jobs: Annotated[int | None, JOBS] = None,
    timeout: Annotated[float, TIMEOUT] = 30.0,
    follow_links: Annotated[bool, FOLLOW_LINKS] = False,
) -> None:
    """Add evidence documents (files, folders or web pages), split them into passages and
    suggest links."""
    files, urls = _files_and_addresses(paths)
    engine = _engine()
    if files:
        _ingest(engine, files, role="source", date=None, jobs=jobs or _cpus(), follow_links=follow_links)
    if urls:
        _ingest_web(engine, urls, role="source", date=None, timeout=timeout)
    _link(engine, _encoder_or_warn())


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
    from factcheck.core.review import link_evidence

    for number, what in ((claim_id, "claim"), (passage_id, "passage")):
        if not 0 < number < 2**63:
            raise UserError(f"no {what} with id {number}")
    made = link_evidence(_engine(), claim_id, passage_id, relation, note=note, reviewer=reviewer)
    _say(f"claim {claim_id}: link {made.id} to passage {passage_id}, {made.relation}, confirmed")


def _explain(engine, claim_id: int) -> None:
    from factcheck.core.linking import explain as explain_claim
    from factcheck.evidence_output import write_explanation

    explained = explain_claim(engine, claim_id, encoder=_encoder_or_warn())
    _write_stdout(lambda out: write_explanation(engine, claim_id, explained, out))


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words, a sentence or a claim, in any language the encoder knows.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the hits as JSON.")] = False,
    limit: Annotated[int, typer.Option("--limit", min=1, max=1000, help="How many passages.")] = 10,
) -> None:
    """Find evidence passages by meaning and by words, in Chinese, English and other languages."""
    from factcheck.core.db import is_read_only
    from factcheck.core.evidence import PassageSearch
    from factcheck.core.vectors import PASSAGES
    from factcheck.evidence_output import write_hits

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

@app.command()
def claims(
    status: Annotated[str | None, typer.Option("--status", help="Only these statuses (comma-separated).")] = None,
    kind: Annotated[str | None, typer.Option("--kind", help="Only claims with a quantity of this kind.")] = None,
    previously_checked: Annotated[bool, typer.Option("--previously-checked", help="Only claims not judged yet whose twin in another article was.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the export json shape.")] = False,
) -> None:
    """List claims, most check-worthy first (↺: checked before in another article)."""
    from factcheck.core.filters import ClaimFilter, check_kind, parse_statuses

    if status is not None:
        status = parse_statuses(status)
    if kind:
        check_kind(kind)
    engine = _engine(reading=True)
    if as_json:
        from factcheck.report.json_report import write_json

        _write_stdout(lambda out: write_json(
            engine, out, ClaimFilter(status=status, kind=kind, previously_checked=previously_checked)
        ))
        return
    where = ClaimFilter(status=status, kind=kind, previously_checked=previously_checked)
    from factcheck.cli.review import claim_table

    lines = claim_table(engine, where)
    _write_stdout(lambda out: out.write("\n".join(lines) + "\n"))


@app.command()
def checks(
    result: Annotated[str | None, typer.Option("--result", help="consistent, inconsistent or unchecked.")] = None,
    kind: Annotated[str | None, typer.Option("--kind", help="Only this kind of check (conversion, change, ...).")] = None,
    document: Annotated[str | None, typer.Option("--document", help="Only findings of this document (path or its end).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print {generated_at, counts, findings} as JSON.")] = False,
    recompute: Annotated[bool, typer.Option("--recompute", help="Compute every article's findings again first.")] = False,
) -> None:
    """List the consistency checks' findings (an article's own numbers that do or do not add up)."""
    from sqlmodel import Session

    from factcheck.core.checks import CHECK_KINDS
    from factcheck.core.filters import ClaimFilter, check_result
    from factcheck.core.findings import list_findings, recompute_all

    if result:
        check_result(result)
    if kind and kind not in CHECK_KINDS:
        raise UserError(f"unknown check kind {kind!r}: choose one of {', '.join(CHECK_KINDS)}")
    engine = _engine(reading=not recompute)
    if document:
        from factcheck.report.export import check_document

        check_document(engine, document)
    if recompute:
        State.after_interrupt = "the articles checked before it have their new findings, the others their old ones"
        done = recompute_all(engine)
        _say(f"{_counted(done.documents, 'article')} checked: {_counted(done.findings, 'finding')}, {done.inconsistent} inconsistent")
    with Session(engine) as session:
        found = list_findings(session, result=result, kind=kind, where=ClaimFilter(document=document))
    _write_stdout(lambda out: _write_findings(out, found, as_json))


def _write_findings(out, found, as_json: bool) -> None:
    from factcheck.core.checks import RESULTS
    from factcheck.core.shown import visible

    counts = {name: sum(f.result == name for f in found) for name in RESULTS}
    if as_json:
        import json

        from factcheck.core.models import utc_now
        from factcheck.report.gather import iso

        shape = {"generated_at": iso(utc_now()), "counts": counts, "findings": [f.as_json() for f in found]}
        out.write(json.dumps(shape, ensure_ascii=False, indent=1) + "\n")
        return
    for f in found:
        claims = ", ".join(str(claim_id) for claim_id in f.claims)
        label = "claim" if len(f.claims) == 1 else "claims"
        out.write(f"#{f.id:<5} {f.result:<12} {f.kind:<17} {visible(Path(f.document).name)}  {label} {claims}\n")
        out.write(f"       {visible(f.sentence)}\n")
    out.write(", ".join(f"{count} {name}" for name, count in counts.items()) + "\n")


@app.command()
def review(
    claim_id: Annotated[int, typer.Argument(help="The claim's id.")],
    status: Annotated[str, typer.Argument(help=STATUS_HELP)],
    note: Annotated[str | None, typer.Option("--note", help="Why.")] = None,
    reviewer: Annotated[str | None, typer.Option("--reviewer", help="Defaults to $USER.")] = None,
) -> None:
    """Record a verdict: the status changes and the history gains an entry, together."""
    from factcheck.core.filters import check_status
    from factcheck.core.review import record_verdict

    check_status(status)
    if not 0 < claim_id < 2**63:  # beyond what a database id can be
        raise UserError(f"no claim with id {claim_id}")
    claim = record_verdict(_engine(), claim_id, status, note=note, reviewer=reviewer)
    _say(f"claim {claim.id}: {claim.status}")


@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", "-f", help=f"One of: {', '.join(FORMAT_NAMES)}.")] = FORMAT_NAMES[0],
    output: Annotated[str, typer.Option("-o", "--output", help="File; - or none for stdout.")] = "-",
    audience: Annotated[str | None, typer.Option("--audience", help=AUDIENCE_HELP)] = None,
    status: Annotated[str | None, typer.Option("--status", help="Only these statuses (comma-separated).")] = None,
    document: Annotated[str | None, typer.Option("--document", help="Only claims of this document (path or its end).")] = None,
    since: Annotated[str | None, typer.Option("--since", help="Only claims reviewed on or after this date (UTC).")] = None,
    publisher: Annotated[str | None, typer.Option("--publisher", help="Who publishes the report (setting publisher.name).")] = None,
    publisher_url: Annotated[str | None, typer.Option("--publisher-url", help="Where the report is published (setting publisher.url).")] = None,
    language: Annotated[str | None, typer.Option("--language", help="auto, en or zh: the public report's words and dates (setting report.language).")] = None,
    credit: Annotated[bool, typer.Option("--credit", help="Name each verdict's reviewer in the public report.")] = False,
    title: Annotated[str | None, typer.Option("--title", help="The public report's title (default: from its articles).")] = None,
) -> None:
    """Write the verification report."""
    from factcheck.core.filters import ClaimFilter, parse_statuses
    from factcheck.report.export import ExportRequest, export_to_file, plan_export, write_export

    where = ClaimFilter(
        status=parse_statuses(status) if status is not None else None,
        document=document, since=_check_date(since, "--since"),
    )
    request = ExportRequest(
        format=fmt, audience=audience, where=where, publisher=publisher, publisher_url=publisher_url,
        language=language, credit=credit, title=title,
    )
    engine = _engine(reading=True)
    plan = plan_export(engine, request)
    if output == "-":
        State.after_interrupt = "the report on standard output is incomplete"
        results = []
        _write_stdout(lambda out: results.append(write_export(engine, plan, out, workers=_spare_cores())))
        result = results[0]
    else:
        result = export_to_file(engine, plan, Path(output), devices=True, workers=_spare_cores())
        _say(f"wrote {output} ({result.summary()})")
    for warning in result.warnings():
        _say(warning)


@app.command()
def backup(
    file: Annotated[Path, typer.Argument(help="The backup file to write (replaced atomically).", readable=False)],
    portable: Annotated[
        bool, typer.Option("--portable", help="A JSON-lines dump any factcheck database can restore.")
    ] = False,
) -> None:
    """Back up the whole database: a SQLite copy made online, or (PostgreSQL, --portable or a
    .jsonl name) a portable dump."""
    from factcheck.core.backup import backup as write_backup

    engine = _engine(reading=True)
    _check_not_the_database(engine, file)
    counts = write_backup(engine, file, portable=portable or None)
    _say(f"backed up {counts.rows} rows to {file}")


@app.command()
def restore(
    file: Annotated[Path, typer.Argument(help="A file written by `factcheck backup`.", readable=False)],
    replace: Annotated[
        bool, typer.Option("--replace", help="Overwrite a database that already holds data.")
    ] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="On refusal, every problem found, not only the first.")
    ] = False,
) -> None:
    """Restore a backup into the database, all or nothing. Refuses a non-empty database
    unless --replace."""
    from factcheck.core.backup import restore as load_backup

    State.verbose = verbose
    engine = _engine()
    _check_not_the_database(engine, file)
    State.after_interrupt = "the database is as it was"
    counts = load_backup(engine, file, replace=replace)
    _say(f"restored {counts.rows} rows from {file}")


@config_app.callback(invoke_without_command=True)
def config_callback(ctx: typer.Context) -> None:
    """Settings kept in a TOML file in your config folder ($FACTCHECK_CONFIG names another)."""
    if ctx.invoked_subcommand is None:
        raise UserError("config: which command? get, set, unset or list (see 'factcheck config --help')")


@config_app.command("list")
def config_list() -> None:
    """Every setting, its value and where the value comes from."""
    from factcheck.core.settings import load_settings
    from factcheck.core.shown import shown_path, visible

    settings = load_settings()
    lines = [f"# {shown_path(settings.path)}"]
    for record, value, origin in settings.items():
        shown = "" if value is None else visible(_setting_text(value))
        lines.append(f"{record.key:<18} {shown:<32} ({origin}) {record.help}")
    _write_stdout(lambda out: out.write("\n".join(lines) + "\n"))


@config_app.command("get")
def config_get(key: Annotated[str, typer.Argument(help="A setting, e.g. publisher.name.")]) -> None:
    """Print a setting's value in force (nothing when it has none)."""
    from factcheck.core.settings import load_settings
    from factcheck.core.shown import visible

    value = load_settings().get(key)
    if value is not None:
        _write_stdout(lambda out: out.write(visible(_setting_text(value)) + "\n"))


@config_app.command("set")
def config_set(
    key: Annotated[str, typer.Argument(help="A setting, e.g. publisher.url.")],
    value: Annotated[str, typer.Argument(help="Its new value.")],
) -> None:
    """Store a setting in the settings file."""
    from factcheck.core.settings import save_setting, settings_path
    from factcheck.core.shown import shown_path, visible

    stored = save_setting(key, value)
    _say(f"{key} = {visible(_setting_text(stored))} (in {shown_path(settings_path())})")


@config_app.command("unset")
def config_unset(key: Annotated[str, typer.Argument(help="A setting, e.g. workbench.theme.")]) -> None:
    """Remove a setting from the settings file: its default applies again."""
    from factcheck.core.settings import save_setting

    save_setting(key, None)
    _say(f"{key} unset")


def _setting_text(value) -> str:
    return ("true" if value else "false") if isinstance(value, bool) else str(value)


def _spare_cores() -> int:
    """Processes that may render parts of a large report beside this one: one per core left,
    at most three (this process also writes every part)."""

    return max(0, min(3, _cpus() - 1)) if hasattr(os, "sched_getaffinity") else 0


def _check_not_the_database(engine, path: Path) -> None:
    from factcheck.core.db import check_not_the_database

    check_not_the_database(engine, path)


def _write_stdout(write) -> None:
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")
    try:
        write(sys.stdout)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader stopped early (`| head`): not an error worth a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise SystemExit(1) from None
    except OSError as error:  # a full disk behind a redirection, a closed terminal
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # the rest cannot go out either
        raise UserError(f"cannot write to standard output ({error.strerror or error})") from None


def _usage_error(error: typer.TyperException) -> int:
    """The parser's complaint (a missing argument, an unknown option) in one line, with
    where to read the usage, instead of the usage block."""
    message = error.format_message().strip().rstrip(".")
    context = getattr(error, "ctx", None)
    where = f" (see '{context.command_path if context is not None else 'factcheck'} --help')"
    _say(f"factcheck: {message}{where}")
    return error.exit_code or 2


def _environment_error(error: Exception) -> UserError | None:
    """A database or a disk that failed under the command (full, read-only, locked, the
    server gone) as a message; None for anything else, which is a bug. (The database layer
    is imported only if it was in use, so --help stays fast.)"""
    if "sqlalchemy" not in sys.modules and not isinstance(error, OSError):
        return None
    from factcheck.core.db import environment_error, resolve_url

    return environment_error(error, resolve_url(State.db))


def main() -> None:
    try:
        status = _run()
    finally:
        _finished()
    raise SystemExit(status)


def _run() -> int:
    """The command's exit status, its errors said in one line."""
    try:
        status = app(standalone_mode=False)
    except UserError as error:
        _say(f"factcheck: {error}")
        if State.verbose and error.details:
            for line in error.details.splitlines():
                _say(f"  {line}")
        return error.exit_code
    except typer.TyperException as error:
        return _usage_error(error)
    except typer.Abort:
        _say("factcheck: aborted")
        return 1
    except KeyboardInterrupt:  # before or after a command runs
        status = INTERRUPTED
    except Exception as error:
        if _caused_by_interrupt(error):
            status = INTERRUPTED
        else:
            problem = _environment_error(error)
            if problem is None:
                raise
            _say(f"factcheck: {problem}")
            return problem.exit_code
    if status == INTERRUPTED:  # Ctrl-C, which typer turns into this status
        _say(f"factcheck: interrupted; {State.after_interrupt}")
    return status if isinstance(status, int) else 0


def _caused_by_interrupt(error: BaseException) -> bool:
    """Whether a Ctrl-C is what went wrong, under another error: a driver interrupted in
    the middle of a call (a PostgreSQL connection checked out of the pool) fails again
    while it cleans up, and that second error is the one raised."""
    seen: set[int] = set()
    pending: list[BaseException | None] = [error]
    while pending:
        cause = pending.pop()
        if cause is None or id(cause) in seen:
            continue
        if isinstance(cause, KeyboardInterrupt):
            return True
        seen.add(id(cause))
        pending += [cause.__cause__, cause.__context__]
    return False


def _finished() -> None:
    """The command is over and has said so: a Ctrl-C while the interpreter shuts down
    would only turn a finished command into a silent failure."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


from factcheck.cli import review  # noqa: E402, F401  (its commands join the command line)
