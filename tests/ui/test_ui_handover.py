"""The guided handover, Korean from the first screen and field safety, on real widgets offscreen
and real SQLCipher vaults: language chosen at setup and switched live, values in the interface
language, the this-laptop card, supervisor keys kept in the vault, summaries in words, deleting
an imported original, a neutral bundle name."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtWidgets import QLabel

from app import interviews
from app.bundles import keys, supervisor_keys
from tests.audio_clips import make_clip
from tests.common import PASSPHRASE
from tests.ui_support import make_window, unlock
from ui.export_view import ExportView, default_bundle_name
from ui.supervisor_view import SupervisorView

HANGUL = re.compile(r"[\uac00-\ud7a3]")


def _view(window, cls):
    return next(v for v in window.workspace.extra if isinstance(v, cls))


def test_language_chosen_at_setup_switches_live(qtbot, tmp_path):
    state = tmp_path / "state"
    state.mkdir()
    w = make_window(qtbot, tmp_path / "new-vault", state)
    assert w.setup.create_button.text() == "&Create vault"
    w.setup.passphrase.setText("a long passphrase typed first")
    w.setup.language.setCurrentIndex(w.setup.language.findData("ko"))
    # the same screen, now in Korean, without a restart; what was typed is kept
    assert w.stack.currentWidget() is w.setup
    assert HANGUL.search(w.setup.create_button.text()), w.setup.create_button.text()
    assert w.setup.passphrase.text() == "a long passphrase typed first"
    assert HANGUL.search(w.vault_menu.title())
    from ui import settings as settings_store

    assert settings_store.load(state).ui_language == "ko"  # remembered for the next start
    w.setup.language.setCurrentIndex(w.setup.language.findData("en"))
    assert w.setup.create_button.text() == "&Create vault"
    # the recovery code is shown once: switching the language on its page must not lose it
    w.setup.repeat.setText("a long passphrase typed first")
    w.setup.create_button.click()
    code = w.setup.code_label.text()
    assert code and w.setup.pages.currentIndex() == 1
    w.setup.language.setCurrentIndex(w.setup.language.findData("ko"))
    assert w.setup.code_label.text() == code and w.setup.pages.currentIndex() == 1
    assert not w.setup.code_label.isHidden()
    assert "이 노트북" in w.setup.fingerprint_label.text()  # where to find it again
    assert HANGUL.search(w.setup.continue_button.text())
    w.setup.written_down.setChecked(True)
    w.setup.continue_button.click()
    assert w.stack.currentWidget() is w.workspace and w.session.is_unlocked
    assert HANGUL.search(w.workspace.tabs.tabText(0))


def test_settings_switch_keeps_open_interview_and_translates_values(qtbot, tmp_path, vault):
    iid = interviews.add_interview(vault, code="SYN-2026-199", role="interviewer",
                                   consent_scopes=["archive"])
    path = vault.path
    vault.lock()
    state = tmp_path / "state"
    state.mkdir()
    w = make_window(qtbot, path, state)
    unlock(w, PASSPHRASE)
    w.workspace.open_interview(iid)
    assert w.workspace.page.details.status.currentText() == "open"
    w.set_language("ko")
    ws = w.workspace
    assert w.stack.currentWidget() is ws and ws.page.interview_id == iid
    assert ws.page.details.code.text() == "SYN-2026-199"
    # stored values shown in the interface language; stored codes unchanged
    assert ws.page.details.status.currentText() == "진행 중"
    assert ws.page.details.status.currentData() == "open"
    assert "보존" in ws.page.details.scopes["archive"].text()
    assert "면담자" in w.status_role.text()
    from ui.transcript_view import TranscriptView

    tv = next(v for v in ws.page.views if isinstance(v, TranscriptView))
    assert tv.review.itemText(tv.review.findData("draft")) == "초안"
    export = _view(w, ExportView)
    assert export.purpose.itemText(export.purpose.findData("un")) == "유엔"
    assert export.purpose.itemData(export.purpose.findData("un")) == "un"
    lst = ws.list
    lst.refresh()
    assert lst.proxy.index(0, 5).data() == "보존"
    # taxonomy labels default to the interface language
    from ui.coding_view import CodingView

    coding = next(v for v in ws.page.views if isinstance(v, CodingView))
    assert coding.tree_lang.currentData() == "ko"
    w.set_language("en")
    assert w.workspace.page.details.status.currentText() == "open"


def test_this_laptop_card_any_time(qtbot, tmp_path, vault):
    path = vault.path
    fingerprint = vault.device().fingerprint
    vault.lock()
    state = tmp_path / "state"
    state.mkdir()
    w = make_window(qtbot, path, state)
    unlock(w, PASSPHRASE)
    from ui.laptop_card import LaptopCard

    w.laptop_action.trigger()
    card = w.findChild(LaptopCard)
    assert card is not None and card.isVisible()
    assert [g.text() for g in card.groups] == fingerprint.split()
    out = tmp_path / "device.pub"
    card.save_public(out)
    dev = keys.parse_device_public(out.read_text())
    assert dev.fingerprint == fingerprint
    card.save_public(out)  # never over an existing file
    assert "already exists" in card.message.text()
    w.lock()
    assert not card.isVisible()


def test_supervisor_key_in_vault_summary_and_import_in_words(qtbot, tmp_path, vault):
    from crypto.kdf import weak_test_params
    from storage.vault import Vault

    interviews.add_interview(vault, code="SYN-2026-197", role="interviewer",
                             consent_scopes=["archive"])
    field_path = vault.path
    device_text = keys.vault_device_public_text(vault)
    vault.lock()
    sup, _ = Vault.create(tmp_path / "sup", PASSPHRASE, kdf=weak_test_params(),
                          allow_weak_kdf=True)
    sup.lock()
    state = tmp_path / "state-sup"
    state.mkdir()
    s = make_window(qtbot, tmp_path / "sup", state, role="supervisor")
    unlock(s, PASSPHRASE)
    sv = _view(s, SupervisorView)
    assert sv.identity is None and "no supervisor key" in sv.key_label.text()
    sv.create_key_button.click()
    fp = sv.identity.public.fingerprint
    assert "kept in this vault" in sv.key_label.text() and fp in sv.key_label.text()
    pub = tmp_path / "sup.pub"
    sv.save_public(pub)
    assert "AGE-SECRET" not in pub.read_text()
    assert keys.parse_supervisor_public(pub.read_text()).fingerprint == fp
    keys.trust_device(s.session.vault, keys.parse_device_public(device_text), role="supervisor")
    s.lock()
    # the next session finds the key in the vault: nothing to load
    unlock(s, PASSPHRASE)
    sv = _view(s, SupervisorView)
    assert sv.identity is not None and sv.identity.public.fingerprint == fp
    assert [k.fingerprint for k in supervisor_keys.held_keys(s.session.vault)] == [fp]
    s.lock()

    field = Vault.open(field_path, PASSPHRASE, allow_weak_kdf=True)
    keys.trust_supervisor_file(field, pub, role="interviewer")
    from app.bundles.export import export_bundle

    out = tmp_path / default_bundle_name(dt.date(2026, 11, 30))
    export_bundle(field, [], recipients=[keys.parse_supervisor_public(pub.read_text())], out=out,
                  role="interviewer", profile="archive", purpose="archive")
    field.lock()
    unlock(s, PASSPHRASE)
    sv = _view(s, SupervisorView)
    sv.open_bundle(out)
    # one sentence on top; the SHA-256 listing folded away until asked for
    assert sv.verdict.text() == ("Verified: this bundle comes from a laptop you pinned, nothing "
                                 "in it was changed on the way, and it holds 1 interview "
                                 "(SYN-2026-197).")
    assert sv.details.isHidden() and "sha256" in sv.details.toPlainText().lower()
    sv.details_toggle.click()
    assert not sv.details.isHidden()
    sv.import_button.click()
    assert sv.message.text().startswith("Imported: 1 interview, 0 passages, 0 recordings."), \
        sv.message.text()
    assert "records" not in sv.message.text()


def test_delete_original_after_import_and_neutral_bundle_name(qtbot, tmp_path, vault):
    assert "testimony" not in default_bundle_name(dt.date(2026, 11, 30)).lower()
    iid = interviews.add_interview(vault, code="SYN-2026-193", role="interviewer")
    path = vault.path
    vault.lock()
    state = tmp_path / "state"
    state.mkdir()
    w = make_window(qtbot, path, state)
    unlock(w, PASSPHRASE)
    w.workspace.open_interview(iid)
    rv = next(v for v in w.workspace.page.views if type(v).__name__ == "RecordingView")
    phone = make_clip(tmp_path / "phone.m4a", "m4a-aac")
    rv.import_file(phone)
    assert not rv.delete_panel.isHidden()
    prompt = rv.delete_prompt.text()
    assert "phone.m4a" in prompt and "SSD" in prompt
    rv.delete_button.click()
    assert not phone.exists()
    assert "deleted" in rv.message.text() and rv.delete_panel.isHidden()
    # a file changed after its import is never deleted
    other = make_clip(tmp_path / "other.m4a", "m4a-aac")
    rv.import_file(other)
    other.write_bytes(other.read_bytes() + b"changed")
    rv.delete_button.click()
    assert other.exists() and "has changed since it was imported" in rv.message.text()
    # keeping it: nothing happens to the file
    third = make_clip(tmp_path / "third.m4a", "m4a-aac", seconds=1.0)
    rv.import_file(third)
    rv.keep_button.click()
    assert third.exists() and rv.delete_panel.isHidden()
    # the cover page after panic names nothing
    w.lock("panic")
    texts = " ".join(lbl.text() for lbl in w.cover.findChildren(QLabel))
    assert "Testimony" not in texts + w.windowTitle()
