"""`factcheck serve` in a real browser: headless Chromium loads the page, the page opens its
websocket, and the workbench's first screen (the queue and its summary) comes through it.

The frames are read through the Chrome DevTools protocol (Network.webSocketFrameReceived),
since the terminal is drawn on a canvas, not in the DOM. Skipped only where no Chromium is
installed (.ci/run installs Debian's `chromium`)."""

from __future__ import annotations

import asyncio
import base64
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
HEADLESS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = [
    pytest.mark.skipif(CHROMIUM is None, reason="no Chromium here (.ci/run installs Debian's chromium)"),
    pytest.mark.sqlite_only,  # the served workbench opens the demo's SQLite copy
    pytest.mark.slow,
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(predicate, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = predicate()
        if found:
            return found
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


async def frames_of_page(devtools_port: int, url: str, wanted: list[str], seconds: float) -> str:
    """Open `url` in the browser's page and gather the text of the websocket frames it
    receives until every wanted string has arrived (or time runs out)."""
    import aiohttp

    async with aiohttp.ClientSession() as http:
        async with http.get(f"http://127.0.0.1:{devtools_port}/json/list") as response:
            pages = [t for t in await response.json() if t["type"] == "page"]
        async with http.ws_connect(pages[0]["webSocketDebuggerUrl"], max_msg_size=0) as devtools:
            await devtools.send_json({"id": 1, "method": "Network.enable"})
            await devtools.send_json({"id": 2, "method": "Page.navigate", "params": {"url": url}})
            received = ""
            deadline = time.monotonic() + seconds
            while time.monotonic() < deadline and not all(w in received for w in wanted):
                try:
                    message = await asyncio.wait_for(devtools.receive_json(), timeout=1)
                except TimeoutError:
                    continue
                if message.get("method") == "Network.webSocketFrameReceived":
                    response = message["params"]["response"]
                    data = response["payloadData"]
                    if response.get("opcode") == 2:
                        data = base64.b64decode(data).decode("utf-8", "replace")
                    received += data
            return received


def test_the_workbench_first_screen_arrives_in_a_headless_browser(demo_db, tmp_path: Path):
    url, _ = demo_db
    port = free_port()
    env = dict(os.environ, FACTCHECK_REVIEWER="ann")
    env.pop("FACTCHECK_DB", None)
    server = subprocess.Popen(
        [sys.executable, "-m", "factcheck", "--db", url, "serve", "--port", str(port)],
        cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    profile = tmp_path / "chromium-profile"
    profile.mkdir()
    browser = None
    try:
        wait_for(lambda: listening(port) or server.poll() is not None, 60, "the server to listen")
        assert server.poll() is None, server.stderr.read()
        browser = subprocess.Popen(
            [CHROMIUM, *HEADLESS, f"--user-data-dir={profile}", "--remote-debugging-port=0", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        active = profile / "DevToolsActivePort"
        wait_for(lambda: active.exists() and active.read_text().strip(), 60, "Chromium's debugging port")
        devtools_port = int(active.read_text().split()[0])
        wanted = ["claims", "unreviewed", "valuation"]  # the summary, the status column, a label
        received = asyncio.run(frames_of_page(devtools_port, f"http://localhost:{port}", wanted, 90))
        assert all(w in received for w in wanted), received[-2000:]
    finally:
        for process in (browser, server):
            if process is not None:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
        said = server.stderr.read()
        server.stdout.close()
        server.stderr.close()
    assert f"serving the workbench at http://localhost:{port}" in said
