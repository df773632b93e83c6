"""The desktop shell: first-run setup, unlock, locking (manual, idle, panic), settings, the
``testimony gui`` command. Real widgets offscreen, real SQLCipher vaults (test KDF)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel

from app import interviews
from app.audio import assets as audio
from app.unlock import read_attempts
from crypto.kdf import weak_test_params
from storage import audit
from storage.vault import Vault
from tests.audio_helpers import leave_interrupted_recording
from tests.common import PASSPHRASE
from tests.ui_support import make_window, unlock
from ui import settings as settings_store
from ui.main_window import TITLE


@pytest.fixture
def state(tmp_path: Path) -> Path:
    p = tmp_path / "state"
    p.mkdir()
    return p


def test_first_run_creates_vault_and_shows_recovery_code_once(qtbot, tmp_path, state):
    path = tmp_path / "new-vault"
    w = make_window(qtbot, path, state)
    assert w.stack.currentWidget() is w.setup
    s = w.setup
    s.passphrase.setText("short")
    assert not s.create_button.isEnabled()
    assert "Too short" in s.strength_text.text()
    s.passphrase.setText("a quiet river under the old bridge")
    s.repeat.setText("a quiet river under the old bridgX")
    assert not s.create_button.isEnabled()
    assert "differ" in s.message.text()
    s.repeat.setText("a quiet river under the old bridge")
    assert s.create_button.isEnabled()
    assert s.strength_bar.value() >= 3
    s.create_button.click()
    assert (path / "vault.header").exists() or any(path.iterdir())
    assert s.pages.currentIndex() == 1
    code = s.code_label.text()
    assert code.count("-") >= 5
    assert not s.continue_button.isEnabled()  # must confirm the code was written down
    assert s.fingerprint_label.text()
    # the passphrase fields were wiped as soon as the work started
    assert s.passphrase.text() == "" and s.repeat.text() == ""
    # optionally pin the supervisor's key right away
    from app.bundles import keys

    _text, identity = keys.new_supervisor_key()
    pub = tmp_path / "supervisor.pub"
    pub.write_text(identity.public.text("S"))
    s.pin_supervisor(tmp_path / "missing.pub")
    assert "Cannot read the supervisor public key file" in s.pin_label.text()
    s.pin_supervisor(pub)
    assert identity.public.fingerprint in s.pin_label.text()
    assert keys.pinned_supervisor(w.session.vault, identity.public.age_recipient) is not None
    s.written_down.setChecked(True)
    s.continue_button.click()
    assert w.stack.currentWidget() is w.workspace
    assert s.code_label.text() == ""  # shown once
    w.lock("manual")
    # the recovery code unlocks from the unlock screen too
    assert w.stack.currentWidget() is w.unlock_screen
    w.unlock_screen.use_recovery.setChecked(True)
    w.unlock_screen.passphrase.setText("AAAA-BBBB")
    w.unlock_screen.unlock_button.click()
    assert "recovery code" in w.unlock_screen.message.text()
    w.unlock_screen.passphrase.setText(code)
    w.unlock_screen.unlock_button.click()
    assert w.session.is_unlocked
    w.lock("manual")
    # the recovery code really opens the vault; the passphrase too
    Vault.open_with_recovery(path, code).lock()
    Vault.open(path, b"a quiet river under the old bridge", allow_weak_kdf=True).lock()


def test_setup_error_is_one_sentence_inline(qtbot, tmp_path, state):
    path = tmp_path / "not-empty"
    path.mkdir()
    (path / "something.txt").write_text("x")
    w = make_window(qtbot, path, state)
    w.setup.passphrase.setText("a quiet river under the old bridge")
    w.setup.repeat.setText("a quiet river under the old bridge")
    w.setup.create_button.click()
    assert "not empty" in w.setup.message.text()
    assert w.stack.currentWidget() is w.setup
    assert sorted(p.name for p in path.iterdir()) == ["something.txt"]


def test_unlock_wrong_then_right_reports_failed_attempts(qtbot, vault, state):
    path = vault.path
    vault.lock()
    w = make_window(qtbot, path, state)
    assert w.stack.currentWidget() is w.unlock_screen
    unlock(w, b"wrong passphrase")
    assert "passphrase is wrong" in w.unlock_screen.message.text()
    assert w.unlock_screen.passphrase.text() == ""
    assert read_attempts(state, vault.vault_id).count == 1
    assert "1 failed unlock attempt since" in w.unlock_screen.attempts.text()
    unlock(w, PASSPHRASE)
    assert w.stack.currentWidget() is w.workspace
    assert w.session.is_unlocked
    assert w.workspace.banner.isVisibleTo(w)
    assert "1 failed unlock attempt" in w.workspace.banner.text()
    w.lock()


def test_recovery_code_unlock_settles_recordings_and_counts_failures(qtbot, tmp_path, state):
    """The recovery code takes the same unlock path as the passphrase: failed attempts counted
    and audited, recordings a crash cut off settled."""
    path = tmp_path / "recovery-vault"
    vault, code = Vault.create(path, PASSPHRASE, kdf=weak_test_params(), allow_weak_kdf=True,
                               with_recovery=True)
    iid = interviews.add_interview(vault, code="NK-2026-160", role="interviewer")
    asset_id = leave_interrupted_recording(vault, iid)
    vault_id = vault.vault_id
    vault.lock()
    w = make_window(qtbot, path, state)
    w.unlock_screen.use_recovery.setChecked(True)
    unlock(w, b"AAAA-BBBB-CCCC")
    assert "recovery code" in w.unlock_screen.message.text()
    assert read_attempts(state, vault_id).count == 1
    assert "1 failed unlock attempt since" in w.unlock_screen.attempts.text()
    unlock(w, code.encode())
    assert w.session.is_unlocked
    assert "1 failed unlock attempt" in w.workspace.banner.text()
    assert read_attempts(state, vault_id).count == 0
    opened = w.session.vault
    assert audio.get_asset(opened, iid, asset_id).state == "interrupted"
    assert [e for e in audit.entries(opened.conn) if e.action == "failed-unlock-attempts"]
    w.lock()


def test_lock_panic_and_idle_clear_every_view(qtbot, vault, state):
    interviews.add_interview(vault, code="SYN-2026-189", role="interviewer")
    path = vault.path
    vault.lock()
    w = make_window(qtbot, path, state)
    w.show()
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=3000)
    unlock(w, PASSPHRASE)
    assert w.workspace.list.visible_codes() == ["SYN-2026-189"]
    w.workspace.list.open_code("SYN-2026-189")
    assert w.workspace.page.details.code.text() == "SYN-2026-189"
    assert w.windowTitle() == TITLE  # never the interview code
    QGuiApplication.clipboard().setText("copied words")
    qtbot.keyClick(w, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert not w.session.is_unlocked
    assert w.workspace.list.model.rowCount() == 0
    assert w.workspace.page.details.code.text() == ""
    assert QGuiApplication.clipboard().text() == ""
    # panic closes to a page that does not name the app (title, menus, text)
    assert w.stack.currentWidget() is w.cover
    assert w.windowTitle() == "Untitled"
    assert w.menuBar().isHidden() and w.statusBar().isHidden()
    shown = " ".join(lbl.text() for lbl in w.cover.findChildren(QLabel)) + w.windowTitle()
    assert "estimony" not in shown and "ault" not in shown.lower()
    w.cover.continue_button.click()
    assert w.stack.currentWidget() is w.unlock_screen
    assert w.windowTitle() == TITLE and not w.menuBar().isHidden()
    # idle lock
    unlock(w, PASSPHRASE)
    assert w.session.is_unlocked
    w.idle.set_interval(50)
    qtbot.waitUntil(lambda: not w.session.is_unlocked, timeout=3000)
    assert w.stack.currentWidget() is w.unlock_screen
    # manual lock with Ctrl+L
    unlock(w, PASSPHRASE)
    qtbot.keyClick(w, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not w.session.is_unlocked


def test_idle_lock_waits_while_held(qtbot, vault, state):
    path = vault.path
    vault.lock()
    w = make_window(qtbot, path, state)
    unlock(w, PASSPHRASE)
    w.idle.hold()  # e.g. a recording is running
    w.idle.set_interval(30)
    qtbot.wait(200)
    assert w.session.is_unlocked
    w.idle.release()
    qtbot.waitUntil(lambda: not w.session.is_unlocked, timeout=3000)


def test_settings_dialog_saves_to_state_folder(qtbot, vault, state):
    path = vault.path
    vault.lock()
    w = make_window(qtbot, path, state)
    w.open_settings()
    from ui.settings_dialog import SettingsDialog

    dialog = w.findChild(SettingsDialog)
    assert dialog is not None
    dialog.idle.setValue(12)
    dialog.language.setCurrentIndex(dialog.language.findData("ko"))
    dialog.accept()
    saved = settings_store.load(state)
    assert saved.idle_lock_minutes == 12 and saved.ui_language == "ko"
    assert w.idle.timer.interval() == 12 * 60_000
    text = settings_store.settings_path(state).read_text()
    assert "SYN" not in text and str(path) not in text


def test_settings_file_damaged_gives_defaults(state):
    settings_store.settings_path(state).write_text("{not json")
    assert settings_store.load(state) == settings_store.Settings()
    settings_store.settings_path(state).write_text('{"idle_lock_minutes": -3, "ui_language": "xx"}')
    s = settings_store.load(state)
    assert s.idle_lock_minutes == 5 and s.ui_language == "en"


def test_gui_command_honours_vault_option_and_env(monkeypatch, tmp_path):
    import ui.main
    from cli import main

    seen = []
    monkeypatch.setattr(ui.main, "run",
                        lambda path, role, archive=None: seen.append((path, role)) or 0)
    assert main(["--vault", str(tmp_path / "a"), "--role", "translator", "gui"]) == 0
    monkeypatch.setenv("TESTIMONY_VAULT", str(tmp_path / "b"))
    assert main(["gui"]) == 0
    assert seen == [(tmp_path / "a", "translator"), (tmp_path / "b", "interviewer")]


def test_korean_translation_is_compiled_and_loads(qapp):
    import xml.etree.ElementTree as ET

    from PySide6.QtCore import QCoreApplication

    from ui.main import I18N_DIR, install_translations

    ts = ET.parse(I18N_DIR / "testimony_ko.ts")
    unfinished = [m.find("source").text for m in ts.iter("message")
                  if m.find("translation").get("type") == "unfinished"]
    assert unfinished == []
    translators = install_translations(qapp, "ko")
    try:
        assert translators
        assert QCoreApplication.translate("MainWindow", "&Lock now") == "지금 잠그기(&L)"
        assert QCoreApplication.translate("Workspace", "&Transcript") == "녹취록(&T)"
    finally:
        for t in translators:
            qapp.removeTranslator(t)
    assert QCoreApplication.translate("MainWindow", "&Lock now") == "&Lock now"


def test_file_dialogs_leave_no_folder_history(qtbot, tmp_path):
    import os

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QWidget

    from ui.filedialogs import ask_path

    # Keep the user's real Qt settings out of it.
    fmt, scope = QSettings.Format.NativeFormat, QSettings.Scope.UserScope
    QSettings.setPath(fmt, scope, str(tmp_path / "config"))
    try:
        _check_dialog_history(qtbot, tmp_path, ask_path, QSettings, QWidget)
    finally:
        QSettings.setPath(fmt, scope, os.environ.get(
            "XDG_CONFIG_HOME", os.path.expanduser("~/.config")))


def _check_dialog_history(qtbot, tmp_path, ask_path, QSettings, QWidget):  # noqa: N803
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    settings.setValue("FileDialog/history", [str(tmp_path / "earlier-folder")])
    settings.sync()
    target = tmp_path / "SYN-secret-folder" / "recording.wav"
    target.parent.mkdir()
    target.write_bytes(b"x")
    parent = QWidget()
    qtbot.addWidget(parent)
    chosen = []
    dialog = ask_path(parent, "Import audio file", chosen.append)
    dialog.setDirectory(str(target.parent))
    dialog.selectFile(str(target))
    dialog.accept()
    assert chosen == [target]
    qtbot.waitUntil(lambda: "FileDialog" not in QSettings(
        QSettings.Scope.UserScope, "QtProject").childGroups(), timeout=3000)
