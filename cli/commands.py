"""The command modules and the parser built from them.

Each area registers its subcommands from its own module ``cli/<area>_cmds.py``, which exposes
``register(subparsers)``. ``MODULES`` lists them and ``_module`` imports each by a plain import,
so the import checker, PyInstaller and a reader all see the same wiring; a new area adds its
module to both and its commands to ``COMMAND_OF``.

Imported by ``cli.main`` only after the process is hardened and, for ``transcribe``, after the
speech engine's child has started loading its model (``cli.early``): these imports are most of
the command line's start-up time. So a command line that names its command (``testimony
transcribe ...``) builds a parser of the one module that registers that command
(``COMMAND_OF``); help, a missing or unknown command get the whole parser.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from types import ModuleType

from app import __version__

# The command modules in the order of `testimony --help` (vault and interview commands first).
MODULES = ("vault_cmds", "interview_cmds", "audio_cmds", "bundle_cmds", "archive_cmds",
           "coding_cmds", "connect_cmds", "gui_cmds", "selftest_cmds", "transcribe_cmds")


def _module(name: str) -> ModuleType:
    """One command module, by a plain import (so PyInstaller and the import checker see it)."""
    if name == "vault_cmds":
        from cli import vault_cmds

        return vault_cmds
    if name == "interview_cmds":
        from cli import interview_cmds

        return interview_cmds
    if name == "audio_cmds":
        from cli import audio_cmds

        return audio_cmds
    if name == "bundle_cmds":
        from cli import bundle_cmds

        return bundle_cmds
    if name == "archive_cmds":
        from cli import archive_cmds

        return archive_cmds
    if name == "coding_cmds":
        from cli import coding_cmds

        return coding_cmds
    if name == "connect_cmds":
        from cli import connect_cmds

        return connect_cmds
    if name == "gui_cmds":
        from cli import gui_cmds

        return gui_cmds
    if name == "selftest_cmds":
        from cli import selftest_cmds

        return selftest_cmds
    if name == "transcribe_cmds":
        from cli import transcribe_cmds

        return transcribe_cmds
    raise KeyError(name)


def _command_modules() -> tuple[ModuleType, ...]:
    return tuple(_module(name) for name in MODULES)


def command_modules() -> list[str]:
    """The dotted names of the command modules, in registration order."""
    return [m.__name__ for m in _command_modules()]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"testimony: {message}\n")
        raise SystemExit(2)


# The module that registers each top-level command (tests/project/test_cli_modules.py checks
# it against what the modules register): running one command imports only its module.
COMMAND_OF: dict[str, str] = {
    **dict.fromkeys(("init", "passwd", "recovery-key", "rekey", "device", "audit", "check",
                     "erase"), "vault_cmds"),
    "interview": "interview_cmds",
    "audio": "audio_cmds",
    **dict.fromkeys(("keys", "export", "verify", "import", "conflicts", "receipt", "purge",
                     "redact"), "bundle_cmds"),
    "archive": "archive_cmds",
    **dict.fromkeys(("taxonomy", "tag", "event", "search", "report"), "coding_cmds"),
    **dict.fromkeys(("entity", "link", "corroborate", "matrix", "witnesses", "brief"),
                    "connect_cmds"),
    "gui": "gui_cmds",
    "self-test": "selftest_cmds",
    **dict.fromkeys(("transcribe", "transcript", "models"), "transcribe_cmds"),
}


class _NotSure(Exception):
    """The command line's global options could not be read without the whole parser."""


class _GlobalsOnly(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise _NotSure(message)


def _add_global_options(parser: argparse.ArgumentParser, *, version: bool = True) -> None:
    if version:
        parser.add_argument("--version", action="version", version=f"testimony {__version__}")
    else:
        parser.add_argument("--version", action="store_true")
    parser.add_argument("--vault", metavar="DIR",
                        help="vault folder (default: $TESTIMONY_VAULT, else the user-data folder)")
    parser.add_argument("--passphrase-file", metavar="FILE",
                        help="read the passphrase from FILE (first line)")
    parser.add_argument("--role", default=os.environ.get("TESTIMONY_ROLE", "interviewer"),
                        choices=["interviewer", "translator", "coder", "supervisor"],
                        help="the role recorded in the audit log for this action")
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")


def command_in(argv: Sequence[str]) -> str | None:
    """The command a command line runs, read with the real parser's global options (so
    abbreviations and ``--vault=DIR`` are read alike); None for help, a version request or a
    line the global options alone cannot read."""
    parser = _GlobalsOnly(add_help=False)
    _add_global_options(parser, version=False)
    parser.add_argument("command", nargs="?")
    parser.add_argument("rest", nargs=argparse.REMAINDER)
    try:
        args, unknown = parser.parse_known_args(list(argv))
    except _NotSure:
        return None
    if unknown or args.version:
        return None
    return str(args.command) if args.command else None


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The command line's parser: of every command, or, when ``argv`` names a known command,
    of the commands its module registers (the same parser for that command line)."""
    parser = _Parser(
        prog="testimony",
        description="Testimony Vault: secure, offline documentation of human-rights testimony.",
    )
    _add_global_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    name = COMMAND_OF.get(command_in(argv) or "") if argv is not None else None
    if name is None:
        for module in _command_modules():
            module.register(sub)
    else:
        _module(name).register(sub)
    return parser
