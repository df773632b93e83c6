"""The command modules and the parser built from them.

Each area registers its subcommands from its own module ``cli/<area>_cmds.py``, which exposes
``register(subparsers)``. ``COMMAND_MODULES`` lists them by plain import, so the import checker,
PyInstaller and a reader all see the same wiring; a new area adds one line here.

Imported by ``cli.main`` only after the process is hardened and, for ``transcribe``, after the
speech engine's child has started loading its model (``cli.early``): these imports are most of
the command line's start-up time.
"""

from __future__ import annotations

import argparse
import os
import sys

from app import __version__
from cli import (
    archive_cmds,
    audio_cmds,
    bundle_cmds,
    coding_cmds,
    connect_cmds,
    gui_cmds,
    interview_cmds,
    selftest_cmds,
    transcribe_cmds,
    vault_cmds,
)

# Vault and interview commands first: the order of `testimony --help`.
COMMAND_MODULES = (
    vault_cmds,
    interview_cmds,
    audio_cmds,
    bundle_cmds,
    archive_cmds,
    coding_cmds,
    connect_cmds,
    gui_cmds,
    selftest_cmds,
    transcribe_cmds,
)


def command_modules() -> list[str]:
    """The dotted names of the command modules, in registration order."""
    return [m.__name__ for m in COMMAND_MODULES]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"testimony: {message}\n")
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="testimony",
        description="Testimony Vault: secure, offline documentation of human-rights testimony.",
    )
    parser.add_argument("--version", action="version", version=f"testimony {__version__}")
    parser.add_argument("--vault", metavar="DIR",
                        help="vault folder (default: $TESTIMONY_VAULT, else the user-data folder)")
    parser.add_argument("--passphrase-file", metavar="FILE",
                        help="read the passphrase from FILE (first line)")
    parser.add_argument("--role", default=os.environ.get("TESTIMONY_ROLE", "interviewer"),
                        choices=["interviewer", "translator", "coder", "supervisor"],
                        help="the role recorded in the audit log for this action")
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser
