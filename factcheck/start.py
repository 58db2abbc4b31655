"""The `factcheck` command's entry point. The command line is imported here, inside a guard:
a Ctrl-C while Python loads it (the first fraction of a second) ends the way one during a
command does, in one line and exit 130, instead of a traceback."""

from __future__ import annotations

import sys

INTERRUPTED = 130


def main() -> None:
    try:
        from factcheck.cli import main as run
    except KeyboardInterrupt:
        sys.stderr.write("factcheck: interrupted while starting; nothing was changed\n")
        raise SystemExit(INTERRUPTED) from None
    run()
