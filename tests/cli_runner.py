"""The ``testimony`` command line for tests: ``run_cli`` runs its ``main(argv)`` in this
process with captured streams, environment and temporary folder; ``Cli`` (what the ``cli``
fixture of tests/conftest.py returns) runs it against one vault, in this process by default or
as the real ``python -m cli`` child with ``own_process=True``, for what only a process shows
(exit status, signals, prompts)."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import cli as cli_package  # the command-line package; its main(argv) runs in-process
from tests.common import ROOT


class _Streams:
    """Text streams with a binary ``buffer``, as the real standard streams have."""

    def __init__(self) -> None:
        self.stdout = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="", write_through=True)
        self.stderr = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="", write_through=True)

    @staticmethod
    def text(stream: io.TextIOWrapper) -> str:
        stream.flush()
        raw = stream.buffer
        assert isinstance(raw, io.BytesIO)
        return raw.getvalue().decode("utf-8", errors="replace")


@contextlib.contextmanager
def _as_if_a_process(env: dict[str, str], stdin: str | None) -> Iterator[_Streams]:
    """What a child process would have of its own: environment, temporary folder, working
    folder and standard streams, restored afterwards. The CLI's whole-process hardening (core
    dumps off, its excepthook) is left to the subprocess tests that check it."""
    streams = _Streams()
    saved_env = dict(os.environ)
    saved_std = sys.stdin, sys.stdout, sys.stderr
    saved_hooks = sys.excepthook, threading.excepthook
    saved_tempdir, saved_cwd = tempfile.tempdir, os.getcwd()
    saved_harden = cli_package.harden_process
    try:
        os.environ.clear()
        os.environ.update(env)
        tempfile.tempdir = env.get("TMPDIR") or None
        os.chdir(ROOT)
        sys.stdin = io.StringIO(stdin or "")
        sys.stdout, sys.stderr = streams.stdout, streams.stderr
        cli_package.harden_process = lambda: None  # type: ignore[attr-defined]
        yield streams
    finally:
        cli_package.harden_process = saved_harden  # type: ignore[attr-defined]
        sys.stdin, sys.stdout, sys.stderr = saved_std
        sys.excepthook, threading.excepthook = saved_hooks
        os.chdir(saved_cwd)
        tempfile.tempdir = saved_tempdir
        os.environ.clear()
        os.environ.update(saved_env)


def run_cli(argv: Sequence[str], env: dict[str, str], *, input: str | None = None
            ) -> subprocess.CompletedProcess[str]:
    """``testimony ARGV`` through the CLI's ``main`` in this process, as a CompletedProcess."""
    with _as_if_a_process(env, input) as streams:
        try:
            code = cli_package.main(list(argv))
        except SystemExit as exc:  # main returns its status; this is a safety net
            code = exc.code if isinstance(exc.code, int) else 1
    return subprocess.CompletedProcess(["testimony", *argv], code,
                                       streams.text(streams.stdout), streams.text(streams.stderr))


def _starts_qt(args: Sequence[str]) -> bool:
    """Commands that start Qt (the recorder's audio backend, the window, the self-test's GUI
    check) always run in their own process: Qt's application object and audio backend are one
    per process, and what Qt prints goes to the real stderr, which only a child's is."""
    words = [a for a in args if not a.startswith("-")]
    return bool(words) and (words[0] in ("gui", "self-test") or words[:2] == ["audio", "record"])


@dataclass
class Cli:
    """Runs the ``testimony`` command against one vault: in this process by default, or as the
    real ``python -m cli`` child with ``own_process=True`` (always for commands that start Qt)."""

    vault: Path
    passphrase_file: Path
    env: dict[str, str] = field(repr=False)

    def __call__(self, *args: str, input: str | None = None, check: bool = False,
                 timeout: float = 300, passphrase_file: Path | None = None,
                 own_process: bool = False) -> subprocess.CompletedProcess[str]:
        argv = ["--vault", str(self.vault),
                "--passphrase-file", str(passphrase_file or self.passphrase_file), *args]
        if own_process or _starts_qt(args):
            result = subprocess.run([sys.executable, "-m", "cli", *argv], capture_output=True,
                                    text=True, input=input, env=self.env, timeout=timeout, cwd=ROOT)
        else:
            result = run_cli(argv, self.env, input=input)
        if check and result.returncode != 0:
            raise AssertionError(f"testimony {argv} failed ({result.returncode}): {result.stderr}")
        return result
