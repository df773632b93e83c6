"""The ``testimony`` command line: a thin layer over the app services.

A stable contract that supervisors script: exit codes 0 ok, 1 other failure, 2 usage,
3 wrong passphrase or locked, 4 integrity or verification failure. Errors are one sentence on
stderr; a traceback only with ``--debug``.

Each area registers its subcommands from its own module ``app/cli/<area>_cmds.py``, which
exposes ``register(subparsers)``. Modules are discovered, so areas never edit a shared list.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
import traceback
from collections.abc import Sequence

from app import __version__
from app.cli import early
from app.errors import exit_code_for
from crypto.hardening import harden_process, take_env_secret


def command_modules() -> list[str]:
    """Every ``app.cli.*_cmds`` module, vault and interview commands first."""
    names = sorted(m.name for m in pkgutil.iter_modules(__path__) if m.name.endswith("_cmds"))
    first = [n for n in ("vault_cmds", "interview_cmds") if n in names]
    return [f"{__name__}.{n}" for n in first + [n for n in names if n not in first]]


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
    for name in command_modules():
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # No core dumps, no exception messages (they may quote testimony) from here on; and the
    # passphrase leaves the environment before anything can start a child process.
    harden_process()
    env_passphrase = take_env_secret("TESTIMONY_PASSPHRASE")
    # `transcribe`: the model starts loading now, beside the imports and the unlock below.
    early.start_engine_for(sys.argv[1:] if argv is None else argv)
    try:
        return _run(argv, env_passphrase)
    finally:
        from transcription import launch

        launch.discard_early()  # a child started above that no job took (e.g. a usage error)


def _run(argv: Sequence[str] | None, env_passphrase: bytearray | None) -> int:
    from app.cli.context import Context  # imports the vault: after the engine's early start

    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code) if isinstance(exc.code, int) else 2
    if not getattr(args, "func", None):
        parser.print_help()
        return 2 if args.command is None and argv else 0
    ctx = Context(args, env_passphrase=env_passphrase)
    try:
        result = args.func(ctx, args)
        sys.stdout.flush()  # a closed pipe shows here, not in the interpreter's last flush
        return int(result or 0)
    except KeyboardInterrupt:
        sys.stderr.write("testimony: interrupted; work committed so far was kept.\n")
        return 130
    except BrokenPipeError:
        return _closed_pipe()
    except Exception as exc:  # noqa: BLE001 - the one place errors become a sentence
        if args.debug:
            traceback.print_exc()
        sys.stderr.write(f"testimony: {user_message(exc)}\n")
        if _is_expected(exc):
            return exit_code_for(exc)
        from storage.db import DatabaseError

        # A page that fails SQLCipher's HMAC is damage or tampering: an integrity failure.
        return 4 if isinstance(exc, DatabaseError) else 1
    finally:
        ctx.close()


def _closed_pipe() -> int:
    """The reader of our output went away (``testimony taxonomy show | head``): end quietly, as
    other tools do when SIGPIPE ends them. Standard output is pointed at /dev/null so that the
    interpreter's final flush cannot fail again; 141 is what a shell reports for SIGPIPE."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass
    return 128 + 13


def _is_expected(exc: BaseException) -> bool:
    return hasattr(exc, "exit_code")


def user_message(exc: BaseException) -> str:
    """One sentence for any exception; unexpected ones never leak their (possibly sensitive) text."""
    from storage.db import DatabaseError

    if _is_expected(exc):
        return str(exc)
    if isinstance(exc, DatabaseError):
        return ("The vault database is damaged or could not be read; restore it from a backup "
                "and report the problem (run with --debug for details).")
    if isinstance(exc, OSError):
        return f"A file operation failed ({exc.strerror or type(exc).__name__}); check the path and free disk space."
    return (f"An unexpected error occurred ({type(exc).__name__}); nothing more was changed — "
            "run again with --debug and report it.")


def gui_main() -> int:
    """Entry point of the desktop client."""
    return main(["gui", *sys.argv[1:]])
