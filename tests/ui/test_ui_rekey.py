"""Re-encrypting from Settings: real widgets offscreen, a real SQLCipher vault
(test KDF), the inline task runner."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app import interviews
from storage.errors import WrongPassphrase
from storage.header import HEADER_NAME
from storage.vault import Vault
from tests.common import PASSPHRASE
from tests.ui_support import make_window, unlock


def test_settings_offers_rekey_and_old_header_copies_stop_working(qtbot, tmp_path: Path) -> None:
    from crypto.kdf import weak_test_params

    path = tmp_path / "v"
    v, old_code = Vault.create(path, PASSPHRASE, kdf=weak_test_params(), allow_weak_kdf=True,
                               with_recovery=True)
    interviews.add_interview(v, code="NK-2026-141", role="interviewer")
    v.lock()
    old_header = (path / HEADER_NAME).read_bytes()
    state = tmp_path / "state"
    state.mkdir()
    w = make_window(qtbot, path, state)
    unlock(w, PASSPHRASE)
    qtbot.waitUntil(lambda: w.session.is_unlocked, timeout=5000)
    w.open_settings()
    from ui.rekey_dialog import RekeyDialog
    from ui.settings_dialog import SettingsDialog

    settings = w.findChild(SettingsDialog)
    assert settings is not None and settings.rekey_button.isEnabled()
    settings.rekey_button.click()
    dialog = settings.findChild(RekeyDialog)
    assert dialog is not None
    explanation = dialog.findChild(type(dialog.message), "rekeyExplanation").text()
    assert "old vault header" in explanation and "disk image" in explanation

    dialog.passphrase.setText("not the passphrase")
    dialog.start_button.click()
    qtbot.waitUntil(lambda: dialog.start_button.isEnabled(), timeout=10000)
    assert "not the vault's current passphrase" in dialog.message.text()
    assert (path / HEADER_NAME).read_bytes() == old_header

    dialog.passphrase.setText(PASSPHRASE.decode())
    dialog.start_button.click()
    qtbot.waitUntil(lambda: "re-encrypted" in dialog.message.text(), timeout=30000)
    assert dialog.passphrase.text() == ""
    assert dialog.progress.value() == 100
    new_code = dialog.code_label.text().splitlines()[-1]
    assert new_code != old_code and new_code.count("-") >= 5
    # The unlocked session goes on working on the re-encrypted vault.
    assert w.session.vault is not None
    assert [i.code for i in interviews.list_interviews(w.session.vault)] == ["NK-2026-141"]
    w.lock()
    qtbot.waitUntil(lambda: not w.session.is_unlocked, timeout=5000)

    attacker = tmp_path / "attacker"
    attacker.mkdir()
    shutil.copy2(path / "vault.db", attacker / "vault.db")
    (attacker / HEADER_NAME).write_bytes(old_header)
    with pytest.raises(WrongPassphrase):
        Vault.open(attacker, PASSPHRASE, allow_weak_kdf=True)
    Vault.open_with_recovery(path, new_code).lock()


def test_rekey_button_is_disabled_while_locked(qtbot, tmp_path: Path, vault) -> None:
    path = vault.path
    vault.lock()
    state = tmp_path / "state2"
    state.mkdir()
    w = make_window(qtbot, path, state)
    w.open_settings()
    from ui.settings_dialog import SettingsDialog

    settings = w.findChild(SettingsDialog)
    assert settings is not None and not settings.rekey_button.isEnabled()
