"""Text from strangers reaches no terminal raw. An article, a note, a reviewer's name and a
file name carry escape sequences (clear the screen, set the window title, reset the
terminal, fill it with E, a C1 CSI and OSC, a bell, a backspace) and bidi overrides: every
command's output and every error line shows them as visible escapes; Markdown and CSV too;
HTML and JSON keep the text but hold none of them raw, and the stored text is unchanged.
"""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from harness import one_line_error
from sqlmodel import Session, select

from factcheck.store.models import Claim
from factcheck.text.shown import BIDI_CONTROLS, C1_CONTROLS, CONTROLS

# what a terminal would obey: every control but a line break and a tab, and the bidi controls
RAW = re.compile("[" + re.escape("".join(c for c in CONTROLS if c not in "\n\t")) + "]")
SEQUENCES = {
    "\x1b[2J": "WIPED",  # clear the screen
    "\x1b]0;TITLE\x07": "OSC",  # set the window title
    "\x1bc": "RESET",  # reset the terminal
    "\x1b#8": "FILLED",  # fill the screen with E
    "\x9b2J": "C1CSI",
    "\x9d0;T\x9c": "C1OSC",
    "\x08\x08\x08": "BACKSPACED",
    "\u202e": "DESREVER",  # shown reversed
    "\u2066": "ISOLATED",
}
HOSTILE = " ".join(sequence + word for sequence, word in SEQUENCES.items())
ARTICLE = f"Revenue rose 5% to $3 billion {HOSTILE}, the company said.\n"
NOTE = "checked \x1b]0;NOTE TITLE\x07 against the filing \u202eelif"
REVIEWER = "eve\x1b[31m\u202e"
FILE_NAME = "evil\x1b]0;FILE\x07\u202e.txt"


def assert_shown(output: str, *, line_ends: str = "\n") -> None:
    """Nothing in `output` a terminal would obey; each hostile word is there, its escape
    visible before it."""
    assert not RAW.search(output.replace(line_ends, "\n")), repr(RAW.search(output.replace(line_ends, "\n")))
    for word in ("WIPED", "OSC", "RESET", "FILLED", "DESREVER"):
        assert word in output


@pytest.fixture
def hostile(cli, engine, tmp_path: Path) -> int:
    """A stored article whose file name, text, verdict note and reviewer are hostile; the
    id of its claim."""
    (tmp_path / FILE_NAME).write_text(ARTICLE, encoding="utf-8")
    result = cli("ingest", FILE_NAME)
    assert result.returncode == 0, result.stderr
    with Session(engine) as session:
        (claim,) = session.exec(select(Claim)).all()
    result = cli("review", str(claim.id), "supported", "--note", NOTE, "--reviewer", REVIEWER)
    assert result.returncode == 0, result.stderr
    assert_shown_line(result.stderr)
    return claim.id


def assert_shown_line(stderr: str) -> None:
    assert not RAW.search(stderr), repr(stderr)


def test_claims_shows_the_text_and_stores_it_unchanged(cli, engine, hostile):
    result = cli("claims")
    assert result.returncode == 0, result.stderr
    assert not RAW.search(result.stdout), repr(result.stdout)
    assert "\\x1b[2JWIPED" in result.stdout
    with Session(engine) as session:
        assert "\x1b[2JWIPED" in session.get(Claim, hostile).text  # stored as written


@pytest.mark.parametrize("fmt", ["md", "csv"])
def test_plain_text_reports_show_every_control(cli, hostile, fmt):
    result = cli("export", "--format", fmt)
    assert result.returncode == 0, result.stderr
    assert_shown(result.stdout, line_ends="\r\n" if fmt == "csv" else "\n")
    # (Markdown escapes the brackets of the sequences too)
    for shown in ("NOTE TITLE\\x07 against", "eve\\x1b", "\\u202eDESREVER", "\\x9b2JC1CSI", "\\u202eelif"):
        assert shown in result.stdout, shown
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(result.stdout.lstrip("\ufeff"))))
        assert len(rows) == 2 and len(rows[1]) == len(rows[0])


class _Page(HTMLParser):
    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.feed(page)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_holds_no_raw_control_and_shows_bidi_controls(cli, hostile, tmp_path: Path):
    result = cli("export", "--format", "html", "-o", "report.html")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert not RAW.search(page)
    assert "&#x1b;[2JWIPED" in page  # C0 controls kept, as character references
    text = "".join(_Page(page).text)
    assert not set(BIDI_CONTROLS + C1_CONTROLS[1:]) & set(text)  # these would act: shown
    assert "\\u202eDESREVER" in text and "\\x9b2JC1CSI" in text


@pytest.mark.parametrize("fmt", ["json", "claimreview"])
def test_json_keeps_the_text_exactly_and_holds_no_raw_control(cli, hostile, fmt):
    result = cli("export", "--format", fmt, "--publisher", "P", "--publisher-url", "https://p.example")
    if fmt == "json":  # the publisher is for ClaimReview only
        result = cli("export", "--format", fmt)
    assert result.returncode == 0, result.stderr
    assert not RAW.search(result.stdout)
    data = json.loads(result.stdout)
    if fmt == "json":
        (claim,) = data["claims"]
        assert claim["text"] == ARTICLE.strip()
        assert claim["history"][0]["note"] == NOTE and claim["history"][0]["reviewer"] == REVIEWER
    else:
        (review,) = data
        assert "\x1b[2JWIPED" in review["claimReviewed"]


def test_claims_json_holds_no_raw_control(cli, hostile):
    result = cli("claims", "--json")
    assert result.returncode == 0 and not RAW.search(result.stdout)
    assert json.loads(result.stdout)["claims"][0]["document"] == FILE_NAME


@pytest.mark.parametrize(
    "name",
    ["missing\n\x1b[2Jfactcheck: all good.txt", "evil\x1b]0;T\x07.xyz", "\u202etxt.exe"],
)
def test_an_error_naming_a_file_is_one_line_showing_its_controls(cli, tmp_path: Path, name):
    if name.endswith(".xyz"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    line = one_line_error(cli("ingest", name))
    assert not RAW.search(line), repr(line)
    assert "\\x1b" in line or "\\u202e" in line


def test_a_folder_skips_a_hostile_name_in_one_line(cli, tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "bad\n\x1b[2Jname.xyz").write_text("x", encoding="utf-8")
    result = cli("ingest", str(folder))
    assert result.returncode == 0, result.stderr
    assert not RAW.search(result.stderr), repr(result.stderr)
    assert len(result.stderr.strip().splitlines()) == 2  # the skipped file, the summary
