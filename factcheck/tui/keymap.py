"""Remapped keys, by binding id, from a TOML file:

    [keys]
    "claim.refuted" = "R"
    "claim.undo" = "u,ctrl+z"
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

from factcheck.errors import UserError


def keymap_path() -> Path:
    configured = os.environ.get("FACTCHECK_KEYMAP")
    if configured:
        return Path(configured).expanduser()
    base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "factcheck" / "keymap.toml"


def load_keymap(path: Path | None = None) -> dict[str, str]:
    path = path or keymap_path()
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise UserError(f"{path}: cannot read the keymap ({error})") from None
    keys = data.get("keys", {})
    if not isinstance(keys, dict) or not all(isinstance(v, str) for v in keys.values()):
        raise UserError(f"{path}: [keys] must map binding ids to key strings")
    return dict(keys)
