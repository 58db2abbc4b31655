"""Opening a source's web address in the reviewer's browser.

Only a desktop's own opener is used (xdg-open under a graphical session, `open` on macOS,
the shell on Windows). Python's webbrowser module would fall back, on a server or over SSH,
to a console browser such as lynx, which would take over the very terminal the workbench
is drawn on; there the address is shown instead.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys


def system_opener() -> list[str] | None:
    """The command that opens an address in the desktop's browser, or None where there is
    no desktop to open it on."""
    if sys.platform == "darwin":
        return ["open"] if shutil.which("open") else None
    if sys.platform.startswith("win"):
        return None  # os.startfile, below
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        return None
    found = shutil.which("xdg-open")
    return [found] if found else None


def open_in_browser(url: str) -> bool:
    """Hand `url` to the system's opener without waiting for it; False where there is none
    or it could not be started."""
    if sys.platform.startswith("win"):
        try:
            os.startfile(url)  # type: ignore[attr-defined]
        except OSError:
            return False
        return True
    command = system_opener()
    if command is None:
        return False
    try:
        subprocess.Popen(  # noqa: S603 — a fixed program, the address as one argument
            [*command, url], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, start_new_session=True,
        )
    except OSError:
        return False
    return True
