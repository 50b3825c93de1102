"""Every CLI command and option is documented in the README (as sqlite-utils checks)."""

from __future__ import annotations

import click
import typer

from sitroom.cli import app
from tests.conftest import ROOT


def _commands() -> dict[str, click.Command]:
    group = typer.main.get_command(app)
    assert isinstance(group, click.Group)
    return dict(group.commands)


def test_every_command_and_option_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = []
    for name, command in _commands().items():
        if f"sitroom {name}" not in readme:
            missing.append(f"sitroom {name}")
        for param in command.params:
            if isinstance(param, click.Option):
                for flag in param.opts:
                    if flag.startswith("--") and flag not in readme:
                        missing.append(f"sitroom {name} {flag}")
    assert "--version" in readme
    assert not missing, f"document these in README.md: {missing}"


def test_every_command_has_help() -> None:
    for name, command in _commands().items():
        assert command.help, f"sitroom {name} has no help text"
