"""Helpers for the GUI tests: a window on a throw-away vault with an inline task runner.
Fixtures for them are in tests/ui/conftest.py."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from crypto.kdf import weak_test_params
from tests.common import PASSPHRASE
from ui.main import build_window
from ui.main_window import MainWindow
from ui.tasks import InlineRunner, Runner


def weak_kdf_factory(progress: Any = None) -> Any:
    if progress:
        progress("measuring (test parameters)")
    return weak_test_params()


def make_window(qtbot: Any, vault_path: Path, state: Path, *, runner: Runner | None = None,
                role: str = "interviewer", archive: str | None = None) -> MainWindow:
    window = build_window(vault_path, role=role, runner=runner or InlineRunner(), state=state,
                          allow_weak_kdf=True, kdf_factory=weak_kdf_factory, archive=archive)
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    return window


def unlock(window: MainWindow, passphrase: bytes) -> None:
    window.unlock_screen.passphrase.setText(passphrase.decode())
    window.unlock_screen.unlock_button.click()


def window_on(qtbot: Any, vault: Any, tmp_path: Path, interview_id: str | None = None
              ) -> MainWindow:
    """Lock the fixture ``vault``, open the real window on its folder (with a state folder of
    its own), unlock it with the test passphrase and, if given, open that interview."""
    path = vault.path
    vault.lock()
    state = tmp_path / "state"
    state.mkdir()
    window = make_window(qtbot, path, state)
    unlock(window, PASSPHRASE)
    if interview_id is not None:
        window.workspace.open_interview(interview_id)
    return window
