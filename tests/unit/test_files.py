"""Writing a file whole or not at all."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from factcheck.errors import UserError
from factcheck.store.files import replacing


def _write(target: Path, text: str, **options) -> None:
    with replacing(target, what="report", **options) as path:
        path.write_text(text, encoding="utf-8")


def test_a_failed_write_keeps_the_previous_file_and_leaves_no_temporary(tmp_path: Path):
    target = tmp_path / "report.md"
    target.write_text("before", encoding="utf-8")
    full = r"report.md: cannot write \(No space left on device\); no report was written"
    with pytest.raises(UserError, match=full), replacing(target, what="report") as path:
        path.write_text("half", encoding="utf-8")
        raise OSError(28, "No space left on device")
    assert target.read_text(encoding="utf-8") == "before"
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]


def test_an_interrupt_keeps_the_previous_file(tmp_path: Path):
    target = tmp_path / "report.md"
    target.write_text("before", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt), replacing(target, what="report") as path:
        path.write_text("half", encoding="utf-8")
        raise KeyboardInterrupt
    assert target.read_text(encoding="utf-8") == "before"
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]


def test_a_symlink_keeps_pointing_at_its_new_target(tmp_path: Path):
    real = tmp_path / "real.md"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    _write(link, "new")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new"


def test_shared_files_get_the_usual_permissions_and_others_stay_private(tmp_path: Path):
    mask = os.umask(0o022)
    try:
        _write(tmp_path / "shared.md", "x", shared=True)
        _write(tmp_path / "private.bak", "x")
    finally:
        os.umask(mask)
    assert stat.S_IMODE((tmp_path / "shared.md").stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "private.bak").stat().st_mode) == 0o600


def test_folders_missing_folders_and_devices_are_refused(tmp_path: Path):
    with pytest.raises(UserError, match="is a folder"):
        _write(tmp_path, "x")
    with pytest.raises(UserError, match="folder does not exist"):
        _write(tmp_path / "missing" / "report.md", "x")
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    with pytest.raises(UserError, match=r"not a regular file \(a report replaces its file whole\)"):
        _write(pipe, "x")
    with replacing(pipe, what="report", devices=True) as path:
        assert path == pipe.resolve()  # written directly, never renamed over
