"""Fixtures every test area shares. Vaults made here use cheap KDF parameters through the core
API's explicit test path (``allow_weak_kdf``), except the ``cli`` fixture's vault, which the
command line must be able to open and therefore uses the floor parameters.

The ``cli`` fixture runs the command line in this process by default (tests/cli_runner.py);
``own_process=True`` runs the real ``python -m cli`` child instead, for what only a process
shows (exit status, signals, prompts). ``virtual_mic`` and ``speech_wav`` are the private
PulseAudio daemon and a spoken sentence (tests/pulse.py).

Each area folder (tests/vault, tests/ui, ...) has its own conftest.py for what only that area
uses. Plain helpers live in support modules at this level (tests/common.py, tests/cli_runner.py,
tests/bundle_helpers.py, ...); a test module imports helpers from them, never a fixture by name
and never another test module (tests/project/test_tests_layout.py checks)."""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import storage.vault
from crypto.kdf import KdfParams, derive_key, floor_params, weak_test_params
from storage.vault import Vault
from tests import bundle_helpers, pg_support, pulse
from tests.cli_runner import Cli
from tests.common import PASSPHRASE, ROOT

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("HF_HUB_OFFLINE", "1")


# Integration tests that need the PulseAudio device (a private daemon, real Qt audio) are slow by
# nature: scripts/check.sh leaves them to the whole suite, as it does everything marked slow.
_SLOW_FIXTURES = {"virtual_mic"}


def _mark_device_tests_slow(items: list[pytest.Item]) -> None:
    for item in items:
        if _SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    _mark_device_tests_slow(items)
    _split_by_phase(config, items)


def _split_by_phase(config: pytest.Config, items: list[pytest.Item]) -> None:
    """``TEST_PHASE`` (set by scripts/test.sh) splits the run in two: ``shared`` leaves out the
    tests marked ``alone`` (bounds on the GUI thread's latency), ``alone`` keeps only them. On
    two cores a 100 ms bound measured beside another worker's tests measures that worker, so
    those tests run afterwards, by themselves. Unset: everything runs, as asked."""
    phase = os.environ.get("TEST_PHASE", "")
    if phase not in ("shared", "alone"):
        return
    keep = [i for i in items if (i.get_closest_marker("alone") is not None) == (phase == "alone")]
    kept = set(keep)
    dropped = [i for i in items if i not in kept]
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = keep


def pytest_collection_finish(session: pytest.Session) -> None:
    """Whether this run holds a test that uses the audio device (after ``-m``/``-k``): only
    then must the daemon start before the first test (``_audio_devices_first``)."""
    session.config.stash[pulse.DEVICE_TESTS] = any(
        "virtual_mic" in getattr(item, "fixturenames", ()) for item in session.items)


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


@pytest.fixture(autouse=True)
def _distinct_vaults_per_test() -> None:
    """tests/bundle_helpers.py hands each test copies of distinct template vaults."""
    bundle_helpers.new_test()


@pytest.hookimpl(hookwrapper=True)
def pytest_fixture_setup(fixturedef: pytest.FixtureDef[Any], request: pytest.FixtureRequest
                         ) -> Iterator[None]:
    """Vaults made by a fixture that outlives one test are created, never template copies."""
    if fixturedef.scope == "function":
        yield
        return
    with bundle_helpers.lasting_vaults():
        yield


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
    busy disk). Creation itself is tested in tests/vault/test_vault.py."""
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


@pytest.fixture(autouse=True, scope="session")
def _audio_devices_first(request: pytest.FixtureRequest) -> None:
    """Qt Multimedia keeps its first PulseAudio connection for the life of the process, so when
    this process also records or plays through the private PulseAudio daemon (a test that uses
    ``virtual_mic``), the daemon must run before any test (a window, a device list, a player)
    meets Qt Multimedia; otherwise a later recording or playback test would find no devices.
    Started before the first test of the process, whichever test or worker (pytest-xdist) it
    is. A run without such a test (the fast tests of scripts/check.sh) starts no daemon."""
    if not request.config.stash.get(pulse.DEVICE_TESTS, True):
        return
    try:
        request.getfixturevalue("virtual_mic")
    except pytest.skip.Exception:
        pass  # no PulseAudio here: the device tests skip and say why


@pytest.fixture(scope="session")
def virtual_mic() -> pulse.VirtualMic:
    """A private PulseAudio daemon with a virtual microphone, the default for this process
    (one per process: tests/pulse.py says why)."""
    return pulse.shared_virtual_mic()


@pytest.fixture(autouse=True)
def _virtual_mic_alive(request: pytest.FixtureRequest) -> Iterator[None]:
    """A device test starts and ends with the daemon running, or fails saying why it is not."""
    if "virtual_mic" not in request.fixturenames:
        yield
        return
    mic = request.getfixturevalue("virtual_mic")
    mic.check_alive()
    yield
    mic.check_alive()


@pytest.fixture(scope="session")
def speech_wav(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A spoken sentence (``pulse.SPEECH_TEXT``), made once per session with espeak-ng."""
    return pulse.make_speech_wav(tmp_path_factory.mktemp("speech") / "speech.wav")


# The PostgreSQL archive's tests: a real server per session, a fresh database per test.
@pytest.fixture(scope="session")
def pg_server() -> Iterator[pg_support.PgServer]:
    """A real PostgreSQL server for the session (skipped only if its binaries are missing)."""
    with pg_support.running_server() as server:
        yield server


@pytest.fixture
def pg_url(pg_server: pg_support.PgServer) -> Iterator[str]:
    """A new, empty database on the session's server; dropped afterwards."""
    with pg_support.new_database(pg_server) as url:
        yield url


@pytest.fixture
def backend() -> str:
    """Where the supervisor side of a bundle test lives: tests marked BOTH_BACKENDS
    (tests/archive_support.py) run with the vault and with the PostgreSQL archive."""
    return "vault"
