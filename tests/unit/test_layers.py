"""The layers keep to their contract, so the package reads as the pipeline:

- text/ (reading, extraction, checks) never touches the database: it imports no
  sqlalchemy, sqlmodel or textual, and nothing from store/, services/ or a face;
- store/ imports nothing from services/ or a face;
- services/ import no face;
- report/ never imports Textual (reports run headless and in scripts);
- only the command line's workbench commands (cli/workbench.py) import the workbench (tui/).

Every import counts, at the top of a module or inside a function.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "factcheck"
FACES = ("factcheck.cli", "factcheck.tui", "factcheck.report")


def imports(path: Path) -> set[str]:
    """Every module `path` imports, by its full name."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


def offences(layer: str, forbidden: tuple[str, ...]) -> list[str]:
    return [
        f"{path.relative_to(PACKAGE.parent)} imports {name}"
        for path in sorted((PACKAGE / layer).rglob("*.py"))
        for name in sorted(imports(path))
        if any(name == prefix or name.startswith(prefix + ".") for prefix in forbidden)
    ]


def test_text_analysis_never_touches_the_database_or_a_face():
    forbidden = ("sqlalchemy", "sqlmodel", "textual", "alembic", "factcheck.store", "factcheck.services", *FACES)
    assert not offences("text", forbidden)


def test_storage_imports_no_service_and_no_face():
    assert not offences("store", ("textual", "factcheck.services", *FACES))


def test_services_import_no_face():
    assert not offences("services", ("textual", *FACES))


def test_reports_never_import_textual():
    assert not offences("report", ("textual", "factcheck.tui", "factcheck.cli"))


def test_only_the_workbench_commands_import_the_workbench():
    importers = {
        str(path.relative_to(PACKAGE.parent))
        for path in PACKAGE.rglob("*.py")
        if "tui" not in path.relative_to(PACKAGE).parts
        and any(name == "factcheck.tui" or name.startswith("factcheck.tui.") for name in imports(path))
    }
    assert importers == {"factcheck/cli/workbench.py"}


def test_the_contract_sees_forbidden_imports(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from factcheck.store.models import Claim\n    import sqlmodel\n")
    assert imports(sample) >= {"factcheck.store.models", "sqlmodel"}


def test_text_store_services_and_reports_import_without_textual():
    code = (
        "import sys, pkgutil, importlib, factcheck.text, factcheck.store, factcheck.services, factcheck.report\n"
        "for pkg in (factcheck.text, factcheck.store, factcheck.services, factcheck.report):\n"
        "    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        importlib.import_module(m.name)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(bad[:3]); sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_help_does_not_import_textual_or_the_database_layer():
    code = (
        "import sys\nfrom factcheck.cli import app\n"
        "sys.exit(1 if {'textual', 'sqlalchemy', 'sqlmodel'} & set(sys.modules) else 0)\n"
    )
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
