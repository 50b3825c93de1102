"""Every CLI command and option is documented in the README (as sqlite-utils checks)."""

from __future__ import annotations

from typing import Any

import typer

from sitroom.cli import app
from tests.conftest import ROOT


def _commands() -> dict[str, Any]:
    # Typer ships its own copy of click, so walk the command tree by its attributes.
    group = typer.main.get_command(app)
    commands: dict[str, Any] = dict(group.commands)  # type: ignore[attr-defined]
    assert commands, "the CLI has commands"
    return commands


def _long_flags(command: Any) -> list[str]:
    flags: list[str] = []
    for param in command.params:
        if getattr(param, "param_type_name", "") == "option":
            flags.extend(flag for flag in param.opts if flag.startswith("--"))
    return flags


def test_every_command_and_option_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = []
    for name, command in _commands().items():
        if f"sitroom {name}" not in readme:
            missing.append(f"sitroom {name}")
        undocumented = [flag for flag in _long_flags(command) if flag not in readme]
        missing.extend(f"sitroom {name} {flag}" for flag in undocumented)
    assert "--version" in readme
    assert not missing, f"document these in README.md: {missing}"


def test_build_has_the_documented_options() -> None:
    flags = _long_flags(_commands()["build"])
    for flag in ("--out", "--workers", "--source", "--field", "--quiet", "--json"):
        assert flag in flags


def test_every_command_has_help() -> None:
    for name, command in _commands().items():
        assert command.help, f"sitroom {name} has no help text"
