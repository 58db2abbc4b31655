"""Every module of the package stays readable in one sitting: no source file over 600
lines, no function over 60 (migrations excepted: each is written once and never edited)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "factcheck"
MOST_LINES = 600
MOST_FUNCTION_LINES = 60


def sources() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "migrations" not in p.relative_to(PACKAGE).parts)


def long_functions(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            lines = node.end_lineno - node.lineno + 1
            if lines > MOST_FUNCTION_LINES:
                found.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno} {node.name}, {lines} lines")
    return found


def test_no_source_file_is_over_600_lines():
    long = [f"{p.relative_to(PACKAGE.parent)}: {n} lines" for p in sources()
            if (n := len(p.read_text("utf-8").splitlines())) > MOST_LINES]
    assert not long, "\n".join(long)


def test_no_function_is_over_60_lines():
    long = [entry for path in sources() for entry in long_functions(path)]
    assert not long, "\n".join(long)


def test_the_check_sees_the_package():
    assert len(sources()) > 50 and PACKAGE / "store" / "models.py" in sources()
