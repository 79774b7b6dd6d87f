"""Docs are tested: every command's help carries a runnable example (sqlite-utils habit)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from eventdesk.cli import main

COMMANDS = sorted(main.commands)


def test_there_are_commands() -> None:
    assert {"run", "export", "articles", "events", "show", "eval", "bench"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help_with_an_example(name: str) -> None:
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example:" in result.output
    example = result.output.split("Example:", 1)[1].strip().splitlines()[0].strip()
    assert example.startswith(f"eventdesk {name}"), example
