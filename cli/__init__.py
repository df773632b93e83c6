"""The ``testimony`` command line: a thin layer over the app services.

A stable contract that supervisors script: exit codes 0 ok, 1 other failure, 2 usage,
3 wrong passphrase or locked, 4 integrity or verification failure. Errors are one sentence on
stderr; a traceback only with ``--debug``.

The commands and the parser are in ``cli.commands`` (a plain list of command modules). This
module stays light on purpose: ``main`` hardens the process, takes the passphrase out of the
environment and, for ``transcribe``, starts the speech engine's child (``cli.early``) before
anything heavy is imported, so the model loads while the command line starts and unlocks.

The CLI is a front end beside ``ui/``: it may reach the window (``testimony gui``) and the Qt
audio backend (``testimony audio record``) only through function-level imports, so it keeps
running on a machine without PySide6.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Sequence

from cli import early
from crypto.hardening import harden_process, take_env_secret


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The whole command line's parser, or with ``argv`` the parser for that command line
    (only the module of the command it names; see ``cli.commands``)."""
    from cli.commands import build_parser as build

    return build(argv)


def command_modules() -> list[str]:
    """The dotted names of the command modules, in registration order."""
    from cli.commands import command_modules as names

    return names()


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
    from app.errors import is_expected
    from cli.context import Context  # imports the vault: after the engine's early start
    from cli.errors import exit_code_for, sentence_for

    parser = build_parser(sys.argv[1:] if argv is None else argv)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code) if isinstance(exc.code, int) else 2
    if not getattr(args, "func", None):
        build_parser().print_help()  # every command, not only the one module's
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
        hint = "" if is_expected(exc) else " (run again with --debug for the details)"
        sys.stderr.write(f"testimony: {sentence_for(exc)}{hint}\n")
        return exit_code_for(exc)
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


def gui_main() -> int:
    """Entry point of the desktop client."""
    return main(["gui", *sys.argv[1:]])
