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


def supervisor_view_on(qtbot: Any, world: Any, tmp_path: Path) -> Any:
    """Lock a bundle test world's laptop and supervisor vaults (tests/bundle_helpers.py), open
    the supervisor's window on its vault, unlock it and load the supervisor's key into its
    Bundles view, which is returned."""
    from tests.bundle_helpers import PASS
    from ui.supervisor_view import SupervisorView

    world.field.lock()
    world.sup.lock()
    state = tmp_path / "state"
    state.mkdir()
    window = make_window(qtbot, world.sup.path, state, role="supervisor")
    unlock(window, PASS)
    view = next(v for v in window.workspace.extra if isinstance(v, SupervisorView))
    view.load_identity(world.key_file)
    return view


def connect_view_on(qtbot: Any, vault: Any, tmp_path: Path, language: str = "en") -> Any:
    """The window on ``vault`` (``window_on``) in ``language``, its Connections tab shown and
    entered; the tab is returned."""
    from ui.connect_view import ConnectView

    window = window_on(qtbot, vault, tmp_path)
    window.session.settings.ui_language = language
    view = next(v for v in window.workspace.extra if isinstance(v, ConnectView))
    window.workspace.tabs.setCurrentWidget(view)
    view.enter()
    return view
