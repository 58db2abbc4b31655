"""The core and the reports never import Textual: they must run headless and in scripts."""

import subprocess
import sys


def test_core_and_report_import_without_textual():
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


def test_help_does_not_import_textual():
    code = (
        "import sys\nfrom factcheck.cli import app\n"
        "sys.exit(1 if 'textual' in sys.modules else 0)\n"
    )
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
