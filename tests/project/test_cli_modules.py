"""A command line imports only the module of the command it runs, and parses as if all were there.

``cli.commands.COMMAND_OF`` names, for each top-level command, the module that registers it; a
command line naming a command builds the parser of that module alone (``build_parser(argv)``).
These tests keep the table equal to what the modules register, and the one-module parser equal
to the whole parser for every command."""

from __future__ import annotations

import argparse
import importlib
import subprocess
import sys

import pytest

from cli import commands
from tests.common import ROOT


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    return next(dict(a.choices) for a in parser._actions
                if isinstance(a, argparse._SubParsersAction))


def _registered_by(module_name: str) -> list[str]:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command")
    importlib.import_module(module_name).register(sub)
    return list(sub.choices)


def test_the_table_names_every_command_of_every_module_and_nothing_else() -> None:
    expected = {command: name.rsplit(".", 1)[1] for name in commands.command_modules()
                for command in _registered_by(name)}
    assert commands.COMMAND_OF == expected


@pytest.mark.parametrize("command", sorted(commands.COMMAND_OF))
def test_a_command_gets_the_same_parser_as_in_the_whole_one(command: str) -> None:
    whole = _subcommands(commands.build_parser())
    one = _subcommands(commands.build_parser([command]))
    assert set(one) == set(_registered_by(f"cli.{commands.COMMAND_OF[command]}"))
    assert one[command].format_help() == whole[command].format_help()


@pytest.mark.parametrize(("argv", "command"), [
    (["transcribe", "NK-2026-901"], "transcribe"),
    (["--vault", "/v", "--role", "translator", "transcript", "show", "x"], "transcript"),
    (["--vault=/v", "--debug", "models", "list"], "models"),
    (["--passphrase-file", "transcribe", "interview", "list"], "interview"),  # a value, not a command
    (["--vau", "gui", "transcribe", "x"], "transcribe"),  # an abbreviation, read as argparse does
    (["--help"], None),
    (["-h", "transcribe"], None),
    (["--version"], None),
    ([], None),
    (["--no-such-option", "transcribe"], None),
])
def test_the_command_is_read_as_the_parser_reads_it(argv: list[str], command: str | None) -> None:
    assert commands.command_in(argv) == command


def test_a_command_line_naming_an_unknown_command_gets_every_command() -> None:
    names = set(_subcommands(commands.build_parser(["no-such-command"])))
    assert names == set(commands.COMMAND_OF)


def test_running_transcribe_imports_no_other_command_module() -> None:
    code = ("import sys; from cli.commands import build_parser; "
            "build_parser(['transcribe', 'NK-2026-901']).parse_args(['transcribe', 'NK-2026-901']); "
            "print(sorted(m for m in sys.modules if m.startswith('cli.') and m.endswith('_cmds')))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "['cli.transcribe_cmds']"


def test_every_command_module_file_is_listed() -> None:
    files = {p.stem for p in (ROOT / "cli").glob("*_cmds.py")}
    assert set(commands.MODULES) == files
