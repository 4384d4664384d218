"""Docs that cannot drift: every command and option is in the README."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from claimcheck.cli import cli

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _options() -> list[tuple[str, str]]:
    out = []
    for name, command in sorted(cli.commands.items()):
        for param in command.params:
            if isinstance(param, click.Option):
                out.extend((name, opt) for opt in param.opts if opt.startswith("--"))
    return out


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_command_is_documented(name: str) -> None:
    assert f"claimcheck {name}" in README


@pytest.mark.parametrize(("command", "option"), _options())
def test_option_is_documented(command: str, option: str) -> None:
    if option == "--help":
        return
    assert f"`{option}" in README or f" {option}" in README, f"{command} {option}"
