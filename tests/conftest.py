"""Shared fixtures. Vaults made here use cheap KDF parameters through the core API's explicit
test path (``allow_weak_kdf``), except ``cli_vault``, which the command line must be able to open
and therefore uses the floor parameters."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from crypto.kdf import KdfParams, floor_params, weak_test_params
from storage.vault import Vault

ROOT = Path(__file__).resolve().parents[1]
PASSPHRASE = b"correct horse battery staple"

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("HF_HUB_OFFLINE", "1")


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
def vault(tmp_path: Path) -> Iterator[Vault]:
    """A fresh, unlocked vault with cheap (test-only) KDF parameters."""
    v, _ = Vault.create(tmp_path / "vault", PASSPHRASE, kdf=weak_test_params(), allow_weak_kdf=True)
    yield v
    if not v.is_locked:
        v.lock()


@pytest.fixture(scope="session")
def _floor_vault_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "vault"
    v, _ = Vault.create(path, PASSPHRASE, kdf=floor_params())
    v.lock()
    return path


@dataclass
class Cli:
    """Runs the real ``testimony`` command in a subprocess against one vault."""

    vault: Path
    passphrase_file: Path
    env: dict[str, str]

    def __call__(self, *args: str, input: str | None = None, check: bool = False,
                 timeout: float = 300, passphrase_file: Path | None = None) -> subprocess.CompletedProcess[str]:
        cmd = [sys.executable, "-m", "cli", "--vault", str(self.vault),
               "--passphrase-file", str(passphrase_file or self.passphrase_file), *args]
        result = subprocess.run(cmd, capture_output=True, text=True, input=input, env=self.env,
                                timeout=timeout, cwd=ROOT)
        if check and result.returncode != 0:
            raise AssertionError(f"{cmd} failed ({result.returncode}): {result.stderr}")
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
