"""A headless Chromium driven over the DevTools protocol through a pipe (no port, no
WebSocket library): open a page, record every network request it makes and every console
message, evaluate JavaScript in it, take a screenshot.

    with Browser.start() as browser:
        visit = browser.visit(Path("report.html"))
        visit.requests, visit.console, visit.evaluate("document.title"), visit.screenshot()
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage", "--remote-debugging-pipe",
)
TIMEOUT = 60.0


def find_chromium() -> str | None:
    for name in (os.environ.get("FACTCHECK_CHROMIUM"), "chromium", "chromium-browser", "google-chrome"):
        if name and shutil.which(name):
            return shutil.which(name)
    return None


class BrowserError(RuntimeError):
    pass


@dataclass
class Visit:
    browser: Browser
    session: str
    url: str
    requests: list[str] = field(default_factory=list)  # every URL the page asked for
    console: list[str] = field(default_factory=list)  # console messages and log entries

    def evaluate(self, expression: str):
        result = self.browser.call("Runtime.evaluate", {"expression": expression, "returnByValue": True},
                                   session=self.session)
        if "exceptionDetails" in result:
            raise BrowserError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def screenshot(self) -> bytes:
        shot = self.browser.call("Page.captureScreenshot", {"format": "png"}, session=self.session)
        return base64.b64decode(shot["data"])


class Browser:
    def __init__(self, process: subprocess.Popen, commands: int, replies: int, profile: str) -> None:
        self.process, self.commands, self.replies, self.profile = process, commands, replies, profile
        self.buffer = b""
        self.next_id = 0
        self.events: list[dict] = []

    @classmethod
    def start(cls, executable: str | None = None) -> Browser:
        executable = executable or find_chromium()
        if executable is None:
            raise BrowserError("no chromium on PATH")
        profile = tempfile.mkdtemp(prefix="factcheck-chromium-")
        to_browser, commands = os.pipe()  # the browser reads its commands on fd 3
        replies, from_browser = os.pipe()  # and writes its replies on fd 4

        def arrange_pipes() -> None:
            os.dup2(to_browser, 3)
            os.dup2(from_browser, 4)

        process = subprocess.Popen(
            [executable, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            pass_fds=(3, 4), preexec_fn=arrange_pipes,
        )
        os.close(to_browser)
        os.close(from_browser)
        return cls(process, commands, replies, profile)

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def close(self) -> None:
        with contextlib.suppress(BrowserError, OSError):
            self.call("Browser.close", {}, timeout=5)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for fd in (self.commands, self.replies):
            with contextlib.suppress(OSError):
                os.close(fd)
        shutil.rmtree(self.profile, ignore_errors=True)

    # --- the protocol ------------------------------------------------------------------

    def call(self, method: str, params: dict, *, session: str | None = None, timeout: float = TIMEOUT) -> dict:
        self.next_id += 1
        message: dict = {"id": self.next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self.commands, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read(deadline)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise BrowserError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def _read(self, deadline: float) -> dict:
        import select

        while b"\0" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.replies], [], [], left)[0]:
                raise BrowserError("the browser did not answer in time")
            chunk = os.read(self.replies, 1 << 20)
            if not chunk:
                raise BrowserError("the browser closed its pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def wait_for(self, method: str, session: str, timeout: float = TIMEOUT) -> dict:
        deadline = time.monotonic() + timeout
        while True:
            for index, event in enumerate(self.events):
                if event.get("method") == method and event.get("sessionId") == session:
                    return self.events.pop(index)
            self.events.append(self._read(deadline))

    def visit(self, page: Path, settle: float = 1.0) -> Visit:
        """Open the page in a new tab with the network and the console recorded from before
        the first request; wait for its load event and a moment more for anything late."""
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Network", "Page", "Runtime", "Log"):
            self.call(f"{domain}.enable", {}, session=session)
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": 1000, "height": 800, "deviceScaleFactor": 1, "mobile": False}, session=session)
        url = page.resolve().as_uri()
        self.call("Page.navigate", {"url": url}, session=session)
        self.wait_for("Page.loadEventFired", session)
        self.call("Runtime.evaluate", {"expression": f"new Promise(r => setTimeout(r, {int(settle * 1000)}))",
                                       "awaitPromise": True}, session=session)
        visit = Visit(self, session, url)
        for event in self.events:
            if event.get("sessionId") != session:
                continue
            params = event.get("params", {})
            if event["method"] == "Network.requestWillBeSent":
                visit.requests.append(params["request"]["url"])
            elif event["method"] == "Runtime.consoleAPICalled":
                visit.console.append(" ".join(str(a.get("value", a.get("description", ""))) for a in params["args"]))
            elif event["method"] == "Log.entryAdded":
                visit.console.append(params["entry"]["text"])
        return visit
