"""Docs as tests: every setting, reject reason and CLI command is documented in the README, and
the README holds exactly two set-up-and-go commands."""

from __future__ import annotations

import re
from pathlib import Path

from eventwire.cli import COMMANDS
from eventwire.errors import REASONS
from eventwire.settings import describe

README = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_documented() -> None:
    for name, _default, help_ in describe():
        assert f"| `{name}` |" in README, f"setting {name} missing from README"
        assert help_


def test_every_reject_reason_is_documented() -> None:
    for code in REASONS:
        assert f"| `{code}` |" in README, f"reason {code} missing from README"


def test_every_command_is_documented() -> None:
    for command in COMMANDS:
        assert f"eventwire {command}" in README or f"| {command}" in README, command


def test_readme_has_exactly_two_setup_commands() -> None:
    section = README.split("## Set up and go", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", section, flags=re.DOTALL)
    assert len(blocks) == 2
    assert all(len(b.strip().splitlines()) == 1 for b in blocks)
    assert ".ci/run" not in blocks[1] and "scripts/test.sh" in blocks[1]
    ci = (Path(__file__).parents[1] / ".ci" / "run").read_text()
    assert blocks[1].strip() in ci
