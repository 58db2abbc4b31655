"""Remapping keys by binding id from the user's keymap file."""

from __future__ import annotations

import pytest

from factcheck.errors import UserError
from factcheck.tui.keymap import load_keymap


def test_keymap_file_maps_binding_ids_to_keys(tmp_path, monkeypatch):
    path = tmp_path / "keymap.toml"
    path.write_text('[keys]\n"claim.refuted" = "R"\n"claim.undo" = "u,ctrl+z"\n', encoding="utf-8")
    monkeypatch.setenv("FACTCHECK_KEYMAP", str(path))
    assert load_keymap() == {"claim.refuted": "R", "claim.undo": "u,ctrl+z"}


def test_missing_keymap_file_means_the_default_keys(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_KEYMAP", str(tmp_path / "none.toml"))
    assert load_keymap() == {}


@pytest.mark.parametrize("text", ['[keys\n"a" = "b"', '[keys]\n"claim.refuted" = 3'])
def test_broken_keymap_file_is_one_clear_error(tmp_path, text):
    path = tmp_path / "keymap.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UserError, match="keymap"):
        load_keymap(path)
