"""`factcheck config get|set|unset|list`: settings that stay, in a TOML file."""

from __future__ import annotations

from typing import Annotated

import typer

from factcheck.cli.app import _say, _write_stdout, config_app
from factcheck.errors import UserError


@config_app.callback(invoke_without_command=True)
def config_callback(ctx: typer.Context) -> None:
    """Settings kept in a TOML file in your config folder ($FACTCHECK_CONFIG names another)."""
    if ctx.invoked_subcommand is None:
        raise UserError("config: which command? get, set, unset or list (see 'factcheck config --help')")


@config_app.command("list")
def config_list() -> None:
    """Every setting, its value and where the value comes from."""
    from factcheck.services.settings import load_settings
    from factcheck.text.shown import shown_path, visible

    settings = load_settings()
    lines = [f"# {shown_path(settings.path)}"]
    for record, value, origin in settings.items():
        shown = "" if value is None else visible(_setting_text(value))
        lines.append(f"{record.key:<18} {shown:<32} ({origin}) {record.help}")
    _write_stdout(lambda out: out.write("\n".join(lines) + "\n"))


@config_app.command("get")
def config_get(key: Annotated[str, typer.Argument(help="A setting, e.g. publisher.name.")]) -> None:
    """Print a setting's value in force (nothing when it has none)."""
    from factcheck.services.settings import load_settings
    from factcheck.text.shown import visible

    value = load_settings().get(key)
    if value is not None:
        _write_stdout(lambda out: out.write(visible(_setting_text(value)) + "\n"))


@config_app.command("set")
def config_set(
    key: Annotated[str, typer.Argument(help="A setting, e.g. publisher.url.")],
    value: Annotated[str, typer.Argument(help="Its new value.")],
) -> None:
    """Store a setting in the settings file."""
    from factcheck.services.settings import save_setting, settings_path
    from factcheck.text.shown import shown_path, visible

    stored = save_setting(key, value)
    _say(f"{key} = {visible(_setting_text(stored))} (in {shown_path(settings_path())})")


@config_app.command("unset")
def config_unset(key: Annotated[str, typer.Argument(help="A setting, e.g. workbench.theme.")]) -> None:
    """Remove a setting from the settings file: its default applies again."""
    from factcheck.services.settings import save_setting

    save_setting(key, None)
    _say(f"{key} unset")


def _setting_text(value) -> str:
    return ("true" if value else "false") if isinstance(value, bool) else str(value)
