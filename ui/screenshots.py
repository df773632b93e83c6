"""Take a PNG of each main screen of the desktop client into docs/screenshots/.

Runs the real window on a throw-away vault filled with clearly synthetic demo data.
Run through scripts/screenshots.sh (python -m ui.screenshots under Xvfb), which starts Xvfb so fonts render as on a desktop.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

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

    def window(path: Path, role: str = "interviewer") -> MainWindow:
        w = build_window(path, role=role, runner=InlineRunner(), state=state,
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
    demo.add_demo_recording(vault, ids[1], tmp)
    demo.add_demo_connections(vault, ids)
    from app.bundles import keys

    key_text, identity = keys.new_supervisor_key()
    (tmp / "supervisor.key").write_text(key_text)
    keys.trust_supervisor(vault, identity.public, role="interviewer", label="Supervisor (demo)")
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
    tabs = w.workspace.page.tabs
    for index, name in ((1, "05-recording"), (2, "06-transcript"), (3, "07-coding")):
        if index < tabs.count():
            tabs.setCurrentIndex(index)
            view: Any = tabs.widget(index)  # the view's own widgets, by name
            if name == "06-transcript":
                view.table.selectRow(0)
                view.loaded_asset = view.visible[0].segment.asset_id
                view.highlight(view.visible[0].start + 0.1)  # as while playing
            if name == "07-coding":
                view.tree_lang.setCurrentIndex(view.tree_lang.findData("ko"))
                view.term_search.setText("관리소")
                view.jump_to_tag(1)
            shot(w, name)
    bundle = tmp / "demo.bundle"
    wt = w.workspace.tabs
    for i in range(wt.count()):
        tab: Any = wt.widget(i)
        kind = type(tab).__name__
        if kind == "ExportView":
            wt.setCurrentIndex(i)
            tab.refresh()
            tab.set_checked([d["code"] for d in demo.DEMO_INTERVIEWS])
            tab.purpose.setCurrentIndex(tab.purpose.findData("un"))
            tab.out.setText(str(bundle))
            tab.export_button.click()
            shot(w, "08-export")
        elif kind == "ReportsView":
            wt.setCurrentIndex(i)
            tab.refresh()
            shot(w, "12-reports")
        elif kind == "ConnectView":
            wt.setCurrentIndex(i)
            tab.refresh()
            tab.matrix_table.cellClicked.emit(0, 0)  # the quotes behind Yodok x coal
            shot(w, "16-connections")
    # what the interviewer reads aloud from 'testimony device show' for the supervisor to pin
    unlocked = w.session.vault
    assert unlocked is not None
    read_aloud = unlocked.device().fingerprint.rsplit(" ", 1)[-1]
    w.open_settings()
    from ui.settings_dialog import SettingsDialog

    dialog = w.findChild(SettingsDialog)
    if dialog is not None:
        shot(dialog, "09-settings")
        dialog.reject()
    from ui.laptop_card import LaptopCard

    w.laptop_action.trigger()
    card = w.findChild(LaptopCard)
    if card is not None:
        shot(card, "13-this-laptop")
        card.reject()
    w.lock("panic")
    shot(w, "14-panic-cover")
    w.close()

    # the supervisor's side: verify and import the demo bundle
    if bundle.exists():
        sup = tmp / "supervisor-vault"
        v2, _ = Vault.create(sup, PASSPHRASE.encode(), kdf=floor_params())
        from app.bundles import supervisor_keys

        # the supervisor's key is kept in their vault: the window finds it at unlock
        supervisor_keys.import_file(v2, tmp / "supervisor.key", role="supervisor",
                                    label="Supervisor (demo)")
        v2.lock()
        s = window(sup, role="supervisor")
        s.unlock_screen.passphrase.setText(PASSPHRASE)
        s.unlock_screen.unlock_button.click()
        for i in range(s.workspace.tabs.count()):
            sup_tab: Any = s.workspace.tabs.widget(i)
            if type(sup_tab).__name__ == "SupervisorView":
                s.workspace.tabs.setCurrentIndex(i)
                sup_tab.open_bundle(bundle)
                sup_tab.pin_device(read_aloud)
                sup_tab.import_button.click()
                shot(s, "11-supervisor")
        s.lock("manual")
        s.close()

    # the same workspace in Korean (checks Hangul rendering and the translation)
    settings_store.save(settings_store.Settings(ui_language="ko"), state)
    install_translations(app, "ko")
    w = window(path)
    w.unlock_screen.passphrase.setText(PASSPHRASE)
    w.unlock_screen.unlock_button.click()
    w.workspace.open_interview(ids[0])
    shot(w, "10-korean-interface")
    # the screens that changed most for field use, in Korean too (ko-NN matches NN above)
    w.workspace.tabs.setCurrentIndex(0)
    shot(w, "ko-03-interviews")
    w.workspace.open_interview(ids[1])
    # every tab of the interview page and of the workspace, in Korean
    page_names = {"DetailsForm": "ko-04-interview-details", "RecordingView": "ko-05-recording",
                  "TranscriptView": "ko-06-transcript", "CodingView": "ko-07-coding",
                  "TranslationView": "ko-06b-translation"}
    ktabs = w.workspace.page.tabs
    for index in range(ktabs.count()):
        page_shot = page_names.get(type(ktabs.widget(index)).__name__)
        if page_shot:
            ktabs.setCurrentIndex(index)
            shot(w, page_shot)
    # the witness of the first interview (already with the supervisor) withdraws consent
    w.workspace.open_interview(ids[0])
    ktabs.setCurrentIndex(0)
    details: Any = w.workspace.page.details
    details.withdraw_note.setText("증언자가 전화로 철회함 (데모)")
    details.withdraw_confirm.setChecked(True)
    details.withdraw_button.click()
    from PySide6.QtWidgets import QScrollArea

    form_scroll = details.findChild(QScrollArea)
    if form_scroll is not None:  # the consent section, with the withdrawal just recorded
        form_scroll.ensureWidgetVisible(details.withdrawn_label)
    shot(w, "ko-04b-withdrawal")
    # ... so the next bundle carries that withdrawal to the supervisor, with no testimony
    second = tmp / "demo-2.bundle"
    ws_names = {"ExportView": "ko-08-export", "ReportsView": "ko-12-reports",
                "ConnectView": "ko-16-connections"}
    wt = w.workspace.tabs
    for i in range(wt.count()):
        ws_shot = ws_names.get(type(wt.widget(i)).__name__)
        if ws_shot:
            wt.setCurrentIndex(i)
            ko_tab: Any = wt.widget(i)
            if ws_shot == "ko-08-export":
                ko_tab.refresh()
                ko_tab.set_checked([d["code"] for d in demo.DEMO_INTERVIEWS])
                ko_tab.purpose.setCurrentIndex(ko_tab.purpose.findData("un"))
                ko_tab.out.setText(str(second))
                ko_tab.export_button.click()
            if ws_shot == "ko-16-connections":
                ko_tab.matrix_table.cellClicked.emit(0, 0)
            shot(w, ws_shot)
    w.lock("manual")
    w.close()
    # the supervisor imports it, in Korean: the withdrawal is named
    if second.exists() and bundle.exists():
        s = window(tmp / "supervisor-vault", role="supervisor")
        s.unlock_screen.passphrase.setText(PASSPHRASE)
        s.unlock_screen.unlock_button.click()
        for i in range(s.workspace.tabs.count()):
            sup_tab = s.workspace.tabs.widget(i)
            if type(sup_tab).__name__ == "SupervisorView":
                s.workspace.tabs.setCurrentIndex(i)
                sup_tab.open_bundle(second)
                sup_tab.import_button.click()
                shot(s, "ko-11-supervisor")
        s.lock("manual")
        s.close()
    # first start in Korean: the setup screen
    w = window(tmp / "korean-first-start")
    shot(w, "15-setup-korean")
    w.close()
    QCoreApplication.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
