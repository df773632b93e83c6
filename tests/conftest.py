"""Shared fixtures. Vaults made here use cheap KDF parameters through the core API's explicit
test path (``allow_weak_kdf``), except the ``cli`` fixture's vault, which the command line must be
able to open and therefore uses the floor parameters.

The ``cli`` fixture runs the command line in this process by default (its ``main(argv)`` with
captured streams, environment and temporary folder); ``own_process=True`` runs the real
``python -m cli`` child instead, for what only a process shows (exit status, signals, prompts)."""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import cli as cli_package  # the command-line package; its main(argv) runs in-process
import storage.vault
from crypto.kdf import KdfParams, derive_key, floor_params, weak_test_params
from storage.vault import Vault

ROOT = Path(__file__).resolve().parents[1]
PASSPHRASE = b"correct horse battery staple"

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("HF_HUB_OFFLINE", "1")


def snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file under ``folder``: content hash and mtime in ns."""
    out = {}
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            out[str(p.relative_to(folder))] = (hashlib.sha256(p.read_bytes()).hexdigest(),
                                               p.stat().st_mtime_ns)
    return out


# Integration tests that need the PulseAudio device (a private daemon, real Qt audio) are slow by
# nature: scripts/check.sh leaves them to the whole suite, as it does everything marked slow.
_SLOW_FIXTURES = {"virtual_mic", "_audio_devices_first"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if _SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(autouse=True)
def _isolated_state(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test gets its own app state folder and never touches the user's default vault."""
    state = tmp_path_factory.mktemp("state")
    monkeypatch.setenv("TESTIMONY_STATE_DIR", str(state))
    monkeypatch.delenv("TESTIMONY_VAULT", raising=False)
    monkeypatch.delenv("TESTIMONY_PASSPHRASE", raising=False)


@pytest.fixture(autouse=True)
def _english_interface_after() -> Iterator[None]:
    """A test that switched the window's language live leaves the next one in English."""
    yield
    import sys

    main = sys.modules.get("ui.main")
    if main is not None and main._installed:
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        if isinstance(app, QApplication):
            main.switch_language(app, "en")


@pytest.fixture
def weak_kdf() -> KdfParams:
    return weak_test_params()


@pytest.fixture
def minute_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    """Transcription windows of about a minute (cut in the last 15 s) in this process.

    Jobs cut recordings into windows of about five minutes (transcription.decode.WINDOW_S);
    tests of what happens between windows (resume, cancel, window boundaries) use minute-long
    ones so that a short recording has several. The code path is the same at any length.
    """
    from transcription import decode

    monkeypatch.setattr(decode, "WINDOW_S", 60.0)
    monkeypatch.setattr(decode, "SEARCH_S", 15.0)


@pytest.fixture(scope="session")
def _weak_vault_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("weak-template") / "vault"
    v, _ = Vault.create(path, PASSPHRASE, kdf=weak_test_params(), allow_weak_kdf=True)
    v.lock()
    return path


@pytest.fixture
def vault(tmp_path: Path, _weak_vault_template: Path) -> Iterator[Vault]:
    """A fresh, unlocked vault with cheap (test-only) KDF parameters: a copy of one created
    once per session (creating one runs every migration, each committed to disk: seconds on a
    busy disk). Creation itself is tested in tests/test_vault.py."""
    path = tmp_path / "vault"
    shutil.copytree(_weak_vault_template, path)
    v = Vault.open(path, PASSPHRASE, allow_weak_kdf=True)
    yield v
    if not v.is_locked:
        v.lock()


@pytest.fixture(scope="session")
def _floor_vault_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "vault"
    v, _ = Vault.create(path, PASSPHRASE, kdf=floor_params())
    v.lock()
    return path


# Argon2id at the floor costs about a second and 256 MiB per unlock. Within this test process
# the vault derives each (passphrase, parameters, salt) once per session and reuses the key: the
# same key the real derivation gives, so a wrong passphrase or a new salt (rekey, passwd) still
# derives afresh, and parameters below the floor or above the ceiling still raise (errors are
# never remembered). Child processes (``own_process=True``, subprocess tests) derive for real.
_DERIVED: dict[tuple[bytes, KdfParams, bool], bytes] = {}
_DERIVED_LOCK = threading.Lock()


def _derive_once(passphrase: bytes | bytearray, params: KdfParams, *,
                 allow_weak: bool = False, threads: int | None = None) -> bytes:
    # ``threads`` only changes how the key is computed, never the key: the cache ignores it.
    key = (bytes(passphrase), params, allow_weak)
    with _DERIVED_LOCK:
        if key not in _DERIVED:
            _DERIVED[key] = derive_key(passphrase, params, allow_weak=allow_weak)
        return _DERIVED[key]


@pytest.fixture(autouse=True, scope="session")
def _derive_each_key_once() -> Iterator[None]:
    saved = storage.vault.derive_key
    storage.vault.derive_key = _derive_once  # type: ignore[attr-defined]
    yield
    storage.vault.derive_key = saved  # type: ignore[attr-defined]


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


@pytest.fixture
def cli_env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env["TMPDIR"] = str(tmp_path / "tmp")
    (tmp_path / "tmp").mkdir(exist_ok=True)
    return env


@pytest.fixture
def cli(tmp_path: Path, _floor_vault_template: Path, cli_env: dict[str, str]) -> Cli:
    """A copy of a floor-parameter vault plus a runner for the real CLI against it."""
    path = tmp_path / "cli-vault"
    shutil.copytree(_floor_vault_template, path)
    pw = tmp_path / "passphrase.txt"
    pw.write_bytes(PASSPHRASE + b"\n")
    return Cli(path, pw, cli_env)
