"""Take a PNG of each main screen of the desktop client into docs/screenshots/.

Runs the real window on a throw-away vault filled with clearly synthetic demo data.
Run through scripts/screenshots.sh, which starts Xvfb so fonts render as on a desktop.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

OUT = ROOT / "docs" / "screenshots"
PASSPHRASE = "demo passphrase for screenshots only"  # noqa: S105 - throw-away demo vault


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="tv-shots-"))
    os.environ["TESTIMONY_STATE_DIR"] = str(tmp / "state")
    try:
        return _run(tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _run(tmp: Path) -> int:
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
    from PySide6.QtWidgets import QWidget

    from crypto.kdf import floor_params
    from storage.vault import Vault
    from ui import demo
    from ui import settings as settings_store
    from ui.main import build_window, install_translations, make_application
    from ui.main_window import MainWindow
    from ui.tasks import InlineRunner

    app = make_application([sys.argv[0]])
    OUT.mkdir(parents=True, exist_ok=True)
    state = tmp / "state"
    state.mkdir(parents=True, exist_ok=True)

    def settle(ms: int = 150) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def shot(widget: QWidget, name: str) -> None:
        settle()
        widget.grab().save(str(OUT / f"{name}.png"), "PNG")
        print(f"saved docs/screenshots/{name}.png")

    def window(path: Path) -> MainWindow:
        w = build_window(path, runner=InlineRunner(), state=state,
                         kdf_factory=lambda progress=None: floor_params())
        assert isinstance(w, MainWindow)
        w.resize(1100, 700)
        w.show()
        return w

    # 1. first run
    w = window(tmp / "fresh-vault")
    w.setup.passphrase.setText(PASSPHRASE)
    w.setup.repeat.setText(PASSPHRASE)
    shot(w, "01-setup")
    w.close()

    # a vault with demo data, and one failed attempt to show the warning
    path = tmp / "demo-vault"
    vault, _ = Vault.create(path, PASSPHRASE.encode(), kdf=floor_params())
    ids = demo.add_demo_interviews(vault)
    extra: list[Callable[[MainWindow], None]] = []
    vault.lock()
    from app.unlock import unlock as app_unlock
    from storage.errors import WrongPassphrase

    try:
        app_unlock(path, b"not the passphrase", state_dir=state)
    except WrongPassphrase:
        pass

    w = window(path)
    shot(w, "02-unlock")
    w.unlock_screen.passphrase.setText(PASSPHRASE)
    w.unlock_screen.unlock_button.click()
    shot(w, "03-interviews")
    w.workspace.open_interview(ids[1])
    shot(w, "04-interview-details")
    for fn in extra:
        fn(w)
    w.open_settings()
    from ui.settings_dialog import SettingsDialog

    dialog = w.findChild(SettingsDialog)
    if dialog is not None:
        shot(dialog, "09-settings")
        dialog.reject()
    w.lock("manual")
    w.close()

    # the same workspace in Korean (checks Hangul rendering and the translation)
    settings_store.save(settings_store.Settings(ui_language="ko"), state)
    install_translations(app, "ko")
    w = window(path)
    w.unlock_screen.passphrase.setText(PASSPHRASE)
    w.unlock_screen.unlock_button.click()
    w.workspace.open_interview(ids[0])
    shot(w, "10-korean-interface")
    w.lock("manual")
    w.close()
    QCoreApplication.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
