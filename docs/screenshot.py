"""Writes docs/workbench.svg: the workbench on the bundled demo, as the README shows it.

    python docs/screenshot.py        (from the repository root)
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from factcheck.services.ingest import ingest_paths
from factcheck.services.linking import link_all
from factcheck.services.review import record_verdict
from factcheck.store.db import make_engine
from factcheck.tui.app import make_app


async def main() -> None:
    url = f"sqlite:///{Path(tempfile.mkdtemp()) / 'claims.db'}"
    engine = make_engine(url)
    ingest_paths(engine, ["sources/articles"], role="article")
    ingest_paths(engine, ["sources/evidence"], role="source")
    link_all(engine)
    for claim_id, status in ((23, "supported"), (32, "in_progress"), (27, "unverifiable")):
        record_verdict(engine, claim_id, status, reviewer="ann")
    app = make_app(url, reviewer="ann", keymap={})
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.press("down", "down", "down", "space")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.save_screenshot("workbench.svg", path="docs")


if __name__ == "__main__":
    asyncio.run(main())
