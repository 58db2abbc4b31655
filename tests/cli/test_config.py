"""`factcheck config get|set|unset|list`, run as a user runs it."""

import os
import subprocess
import sys
from pathlib import Path


def run(*args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "factcheck", "config", *args]
    return subprocess.run(command, capture_output=True, text=True, env=dict(os.environ), timeout=60)


def test_config_round_trips(own_settings: Path) -> None:
    assert run("set", "publisher.name", "Example Fact Check").returncode == 0
    assert run("set", "publisher.url", "https://factcheck.example.org/").returncode == 0
    assert run("get", "publisher.name").stdout == "Example Fact Check\n"
    listed = run("list").stdout
    assert "publisher.url" in listed and "https://factcheck.example.org/" in listed
    assert "(file)" in listed and str(own_settings) in listed
    assert run("unset", "publisher.name").returncode == 0
    assert run("get", "publisher.name").stdout == ""


def test_bad_input_is_one_line_and_a_non_zero_exit(own_settings: Path) -> None:
    refused = run("set", "publisher.url", "file:///etc/passwd")
    assert refused.returncode == 2
    assert refused.stderr.count("\n") == 1 and "http:// or https://" in refused.stderr
    assert not own_settings.exists()
    unknown = run("get", "publisher.colour")
    assert unknown.returncode == 2 and "unknown setting" in unknown.stderr
    own_settings.write_text("[publisher\n", encoding="utf-8")
    broken = run("list")
    assert broken.returncode == 2 and broken.stderr.count("\n") == 1
    assert str(own_settings) in broken.stderr and "line 1" in broken.stderr
