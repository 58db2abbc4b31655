"""Settings that stay: the publisher, the reviewer's name, the theme, the report language.

One TOML file in the user's config folder (`platformdirs`; `$FACTCHECK_CONFIG` names
another), read by the command line and the workbench alike and written by
`factcheck config set` and by the workbench. Each setting is one record in `SETTINGS`;
a value is taken from, in order: a command's option, the setting's environment variable,
the file, the default.

```toml
[publisher]
name = "Example Fact Check"
url = "https://factcheck.example.org/"

[workbench]
theme = "textual-light"
```
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factcheck.errors import UserError
from factcheck.text.read.addresses import web_url
from factcheck.text.shown import shown_path, visible

FILE_NAME = "config.toml"
Value = str | bool


def _text(raw: str) -> str:
    value = " ".join(raw.split())
    if not value:
        raise ValueError("needs some text")
    if visible(value) != value:
        raise ValueError("must not hold control characters")
    return value


def _http_url(raw: str) -> str:
    value = web_url(raw.strip())
    if value is None:
        raise ValueError("must be an http:// or https:// address")
    return value


def _yes_no(raw: str) -> bool:
    words = {"true": True, "yes": True, "on": True, "1": True}
    words |= {"false": False, "no": False, "off": False, "0": False}
    try:
        return words[raw.strip().lower()]
    except KeyError:
        raise ValueError("must be true or false") from None


def _one_of(*choices: str) -> Callable[[str], str]:
    def check(raw: str) -> str:
        value = raw.strip()
        if value not in choices:
            raise ValueError(f"must be one of {', '.join(choices)}")
        return value

    return check


@dataclass(frozen=True)
class Setting:
    key: str  # "section.name", the TOML table and key
    help: str
    parse: Callable[[str], Value]  # from what a user types; raises ValueError with the rule
    default: Value | None = None
    env: str | None = None

    @property
    def section(self) -> str:
        return self.key.split(".", 1)[0]

    @property
    def name(self) -> str:
        return self.key.split(".", 1)[1]


SETTINGS: tuple[Setting, ...] = (
    Setting("publisher.name", "who publishes the report (ClaimReview's author)", _text,
            env="FACTCHECK_PUBLISHER"),
    Setting("publisher.url", "where the report is published (http or https)", _http_url,
            env="FACTCHECK_PUBLISHER_URL"),
    Setting("reviewer.name", "the name verdicts are recorded under (default: your login)",
            _text, env="FACTCHECK_REVIEWER"),
    Setting("workbench.theme", "the workbench's colour theme (a Textual theme name)", _text),
    Setting("workbench.advance", "after a verdict, move to the next unreviewed claim",
            _yes_no, default=True),
    Setting("report.language", "the language of a report's own words", _one_of("auto", "en", "zh"),
            default="auto"),
)
BY_KEY = {setting.key: setting for setting in SETTINGS}


def settings_path() -> Path:
    configured = os.environ.get("FACTCHECK_CONFIG")
    if configured:
        return Path(configured).expanduser()
    from platformdirs import user_config_path

    return user_config_path("factcheck", appauthor=False) / FILE_NAME


def setting(key: str) -> Setting:
    try:
        return BY_KEY[key]
    except KeyError:
        known = ", ".join(BY_KEY)
        raise UserError(f"unknown setting {visible(key)!r}: choose one of {known}") from None


@dataclass
class Settings:
    """The values found in the file (checked), and where the file is."""

    path: Path
    stored: dict[str, Value] = field(default_factory=dict)

    def get(self, key: str, given: Value | None = None) -> Value | None:
        """The value in force: `given` (a command's option), the environment, the file,
        the default."""
        record = setting(key)
        if given is not None:
            return given
        if record.env and os.environ.get(record.env):
            return _checked(record, os.environ[record.env], f"${record.env}")
        return self.stored.get(key, record.default)

    def items(self) -> Iterator[tuple[Setting, Value | None, str]]:
        """Each setting with its value and where the value comes from."""
        for record in SETTINGS:
            if record.env and os.environ.get(record.env):
                yield record, self.get(record.key), f"${record.env}"
            elif record.key in self.stored:
                yield record, self.stored[record.key], "file"
            else:
                yield record, record.default, "default"


def load_settings(path: Path | None = None) -> Settings:
    """The settings file, checked; a missing file is an empty one. A file that cannot be
    read is one line naming the file and, where the parser knows it, the line."""
    path = path or settings_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings(path)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise UserError(f"{shown_path(path)}: cannot read the settings ({reason})") from None
    stored: dict[str, Value] = {}
    for section, table in data.items():
        if not isinstance(table, dict):
            continue  # not one of ours: kept as it is, never read
        for name, value in table.items():
            record = BY_KEY.get(f"{section}.{name}")
            if record is not None:
                stored[record.key] = _checked(record, value, shown_path(path))
    return Settings(path, stored)


def check_value(key: str, raw: str, given_as: str) -> Value:
    """A value given for a setting elsewhere than the file (an option, a dialog field),
    checked by the setting's own rule; `given_as` names it in the message."""
    record = setting(key)
    try:
        return record.parse(raw)
    except ValueError as error:
        raise UserError(f"{given_as} {visible(raw)!r}: {error}") from None


def _checked(record: Setting, value: Any, where: str) -> Value:
    raw = ("true" if value else "false") if isinstance(value, bool) else value
    if not isinstance(raw, str):
        raise UserError(f"{where}: {record.key} must be text, not {type(value).__name__}")
    try:
        return record.parse(raw)
    except ValueError as error:
        prefix = f"{where}: " if where else ""
        raise UserError(f"{prefix}{record.key} {error}") from None


def save_setting(key: str, raw: str | None, path: Path | None = None) -> Value | None:
    """Set (or, with None, remove) one setting in the file, keeping everything else in it;
    the file is replaced whole, never half-written. Returns the value stored."""
    import tomli_w

    from factcheck.store.files import replacing

    record = setting(key)
    value = None if raw is None else _checked(record, raw, "")
    path = path or settings_path()
    load_settings(path)  # refuses to rewrite a file it cannot read
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        data = {}
    table = data.setdefault(record.section, {})
    if not isinstance(table, dict):
        raise UserError(f"{shown_path(path)}: [{record.section}] is not a table")
    if value is None:
        table.pop(record.name, None)
        if not table:
            del data[record.section]
    else:
        table[record.name] = value
    path.parent.mkdir(parents=True, exist_ok=True)
    with replacing(path, what="settings") as target:
        target.write_text(tomli_w.dumps(data), encoding="utf-8")
    return value
