"""Reading articles and evidence: `factcheck ingest`, `factcheck sources add|list`, and the
demo loaded into an empty database."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from factcheck.cli.app import (
    DEMO_FOLDER,
    FOLLOW_LINKS,
    JOBS,
    State,
    _check_date,
    _counted,
    _cpus,
    _engine,
    _run_with_progress,
    _say,
    _write_stdout,
    app,
    sources_app,
)
from factcheck.cli.encoding import _embed, _encoder_or_warn, _link
from factcheck.cli.tables import Column, table_lines, terminal_width
from factcheck.errors import UserError


def load_demo_if_empty(engine) -> None:
    from sqlmodel import Session

    from factcheck.store.queries import document_count

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
    from factcheck.services.ingest import ingest_paths

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
        from factcheck.store.vectors import CLAIMS

        encoder = _encoder_or_warn()
        _embed(engine, encoder, (CLAIMS,))
        if _has_passages(engine):
            _link(engine, encoder)


def _files_and_addresses(arguments: list[str]) -> tuple[list[Path], list[str]]:
    """Paths as given, and web addresses; any other scheme is refused."""
    from factcheck.services.fetching import check_address

    files, urls = [], []
    for argument in arguments:
        if "://" in argument:
            urls.append(check_address(argument))
        else:
            files.append(Path(argument))
    return files, urls


def _ingest_web(engine, addresses, *, role: str, date: str | None, timeout: float, feed: bool = False):
    from factcheck.services.web_ingest import ingest_feed, ingest_urls

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
    from factcheck.text.read.addresses import web_url
    from factcheck.text.shown import visible

    if web_url(url.strip()) is None:
        raise UserError(f"--url {visible(url)!r}: expected an http:// or https:// address")
    if len(paths) != 1 or paths[0].is_dir():
        raise UserError("--url names where one article lives: give one file, not a folder or several")
    return url.strip()


def _set_url(engine, path: Path, url: str) -> None:
    from factcheck.services.ingest import set_document_url
    from factcheck.text.shown import shown_path

    if set_document_url(engine, path, url):
        _say(f"{shown_path(path)}: already stored; its address is now {url}")


def _has_passages(engine) -> bool:
    from sqlmodel import Session, select

    from factcheck.store.models import Passage

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


@sources_app.command("list")
def sources_list(
    as_json: Annotated[bool, typer.Option("--json", help="A JSON list, one object per source.")] = False,
) -> None:
    """Evidence documents: title, URL, date, passages and links."""
    from dataclasses import asdict

    from sqlmodel import Session

    from factcheck.services.sources import list_sources

    with Session(_engine(reading=True)) as session:
        found = list_sources(session)
    if as_json:
        import json

        text = json.dumps([asdict(row) for row in found], ensure_ascii=False, indent=2)
        _write_stdout(lambda out: out.write(text + "\n"))
        return
    columns = [Column("id", 4, right=True), Column("title", 0), Column("url", 40), Column("date", 10),
               Column("passages", 8, right=True), Column("links", 5, right=True)]
    rows = [[str(r.id), r.title or r.path, r.url or "", r.published or "", str(r.passages), str(r.links)] for r in found]
    lines = table_lines(columns, rows, terminal_width()) if found else ["no sources yet: add some with 'factcheck sources add'"]
    _write_stdout(lambda out: out.write("\n".join(lines) + "\n"))
