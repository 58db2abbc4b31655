"""Settings kept in a TOML file: checked when read and when set, written whole."""

from pathlib import Path

import pytest

from factcheck.errors import UserError
from factcheck.services.settings import SETTINGS, load_settings, save_setting


def test_a_missing_file_gives_the_defaults(own_settings: Path) -> None:
    settings = load_settings()
    assert settings.path == own_settings
    assert settings.get("workbench.advance") is True
    assert settings.get("report.language") == "auto"
    assert settings.get("publisher.name") is None


def test_set_values_round_trip_and_other_content_is_kept(own_settings: Path) -> None:
    own_settings.write_text('[other]\nkept = 1\n\n[publisher]\nname = "Old"\n', encoding="utf-8")
    save_setting("publisher.name", "  Example   Fact Check ")
    save_setting("workbench.advance", "off")
    save_setting("publisher.url", "https://factcheck.example.org/")
    settings = load_settings()
    assert settings.get("publisher.name") == "Example Fact Check"
    assert settings.get("workbench.advance") is False
    assert settings.get("publisher.url") == "https://factcheck.example.org/"
    assert "kept = 1" in own_settings.read_text(encoding="utf-8")
    save_setting("publisher.name", None)
    assert load_settings().get("publisher.name") is None


def test_an_option_beats_the_environment_which_beats_the_file(
    own_settings: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_setting("publisher.name", "From the file")
    monkeypatch.setenv("FACTCHECK_PUBLISHER", "From the environment")
    settings = load_settings()
    assert settings.get("publisher.name") == "From the environment"
    assert settings.get("publisher.name", "From the option") == "From the option"
    origins = {record.key: origin for record, _, origin in settings.items()}
    assert origins["publisher.name"] == "$FACTCHECK_PUBLISHER"


@pytest.mark.parametrize(
    ("key", "value", "rule"),
    [
        ("publisher.url", "ftp://example.org/", "http:// or https://"),
        ("publisher.url", "javascript:alert(1)", "http:// or https://"),
        ("publisher.name", "   ", "needs some text"),
        ("reviewer.name", "evil\x1b]0;title\x07", "control characters"),
        ("workbench.advance", "maybe", "true or false"),
        ("report.language", "fr", "one of auto, en, zh"),
        ("no.such", "x", "unknown setting"),
    ],
)
def test_bad_values_are_refused_and_nothing_is_written(
    own_settings: Path, key: str, value: str, rule: str
) -> None:
    with pytest.raises(UserError, match=rule):
        save_setting(key, value)
    assert not own_settings.exists()


def test_a_malformed_file_names_the_file_and_the_line(own_settings: Path) -> None:
    own_settings.write_text('[publisher]\nname = "ok"\nurl = \n', encoding="utf-8")
    with pytest.raises(UserError) as raised:
        load_settings()
    message = str(raised.value)
    assert str(own_settings) in message and "line 3" in message and "\n" not in message
    with pytest.raises(UserError):  # never rewritten over what it could not read
        save_setting("publisher.name", "New")
    assert own_settings.read_text(encoding="utf-8").endswith("url = \n")


def test_a_value_of_the_wrong_type_in_the_file_is_named(own_settings: Path) -> None:
    own_settings.write_text("[publisher]\nname = 42\n", encoding="utf-8")
    with pytest.raises(UserError, match="publisher.name must be text"):
        load_settings()


def test_every_setting_has_a_section_and_help() -> None:
    for record in SETTINGS:
        assert record.section and record.name and record.help
