"""Export and supervisor screens on real vaults: pin, export with consent exclusions, verify
(unpinned device refused, then pinned), import with its summary, write the receipt."""

from __future__ import annotations

import hashlib

import pytest
from PySide6.QtCore import Qt

from app import interviews
from app.bundles import keys
from tests.common import PASSPHRASE
from tests.ui_support import make_window, unlock
from ui.export_view import ExportView
from ui.supervisor_view import SupervisorView, masked


def _view(window, cls):
    return next(v for v in window.workspace.extra if isinstance(v, cls))


def test_export_then_verify_import_and_receipt(qtbot, tmp_path, vault):
    from crypto.kdf import weak_test_params
    from storage.vault import Vault

    interviews.add_interview(vault, code="SYN-2026-207", role="interviewer",
                             consent_scopes=["archive", "un"])
    interviews.add_interview(vault, code="SYN-2026-206", role="interviewer",
                             consent_scopes=["archive"])
    gone = interviews.add_interview(vault, code="SYN-2026-196", role="interviewer",
                                    consent_scopes=["archive", "un"])
    interviews.withdraw_consent(vault, gone, role="interviewer")
    field_path = vault.path
    vault.lock()
    key_text, identity = keys.new_supervisor_key()
    key_file = tmp_path / "supervisor.key"
    key_file.write_text(key_text)
    pub_file = tmp_path / "supervisor.pub"
    pub_file.write_text(identity.public.text("Supervisor S (synthetic)"))

    state = tmp_path / "state-field"
    state.mkdir()
    w = make_window(qtbot, field_path, state)
    unlock(w, PASSPHRASE)
    ex = _view(w, ExportView)
    ex.refresh()
    assert "No supervisor key is pinned" in ex.result.text()
    ex.pin_supervisor(pub_file)
    assert identity.public.fingerprint in ex.result.text()
    assert ex.recipients.count() == 1
    ex.set_checked(["SYN-2026-207", "SYN-2026-206", "SYN-2026-196"])
    ex.purpose.setCurrentIndex(ex.purpose.findData("un"))
    excl = ex.exclusions.text()
    assert "SYN-2026-196: consent withdrawn" in excl and "SYN-2026-206: consent does not cover 'UN'" in excl
    assert "SYN-2026-207" not in excl
    out = tmp_path / "out.bundle"
    ex.out.setText(str(out))
    # cancelled part-way (as if Cancel were clicked): nothing is left behind
    cancel = ex.progress.valueChanged.connect(
        lambda _v: w.session.runner.handles[-1].cancel())
    ex.export_button.click()
    ex.progress.valueChanged.disconnect(cancel)
    assert "ancel" in ex.result.text(), ex.result.text()
    assert not out.exists() and list(tmp_path.glob("out.bundle*")) == []
    assert ex.export_button.isEnabled() and ex.task is None
    ex.export_button.click()
    assert out.exists(), ex.result.text()
    assert "Interviews: 1 (left out by consent: 2)" in ex.result.text()
    fingerprint = ex.result.text().rsplit(" ", 1)[-1]
    assert len(fingerprint) == 64
    device_fp = w.session.vault.device().fingerprint
    lst = w.workspace.list
    lst.refresh()
    exported = {lst.proxy.index(r, 0).data(): lst.proxy.index(r, 6).data()
                for r in range(lst.proxy.rowCount())}
    assert exported == {"SYN-2026-207": "exported", "SYN-2026-206": "not exported",
                        "SYN-2026-196": "not exported"}
    w.lock()

    sup_vault, _ = Vault.create(tmp_path / "sup", PASSPHRASE, kdf=weak_test_params(),
                                allow_weak_kdf=True)
    sup_vault.lock()
    state2 = tmp_path / "state-sup"
    state2.mkdir()
    s = make_window(qtbot, tmp_path / "sup", state2, role="supervisor")
    unlock(s, PASSPHRASE)
    sv = _view(s, SupervisorView)
    sv.load_identity(key_file)
    assert identity.public.fingerprint in sv.key_label.text()
    sv.open_bundle(out)
    assert sv.verdict.text().startswith("Not accepted")
    assert "not pinned" in sv.verdict.text()
    # shown to compare aloud, except the last group, which the interviewer must supply
    assert masked(device_fp) in sv.details.toPlainText()
    assert device_fp not in sv.details.toPlainText() + sv.verdict.text()
    assert sv.pin_button.isEnabled() and not sv.import_button.isEnabled()
    sv.pin_button.click()
    assert not sv.pin_panel.isHidden() and masked(device_fp) in sv.pin_prompt.text()
    qtbot.keyClicks(sv.pin_group, device_fp.rsplit(" ", 1)[-1].lower())
    sv.pin_confirm.click()
    assert sv.verdict.text().startswith("Verified")
    assert "SYN-2026-207" in sv.details.toPlainText()
    sv.import_button.click()
    assert sv.message.text().startswith("Imported:"), sv.message.text()
    assert interviews.get_interview(s.session.vault, "SYN-2026-207").code == "SYN-2026-207"
    receipt = tmp_path / "out.bundle.receipt"
    sv.write_receipt(receipt)
    # encrypted to the laptop, owner-only, nothing readable on the stick
    assert receipt.read_bytes().startswith(b"age-encryption.org/v1\n")
    assert b"SYN-2026-207" not in receipt.read_bytes() and oct(receipt.stat().st_mode)[-3:] == "600"
    # a second receipt never overwrites a file
    sv.write_receipt(receipt)
    assert "exists" in sv.message.text().lower()
    assert hashlib.sha256(out.read_bytes()).hexdigest() != fingerprint  # manifest, not file
    s.lock()
    assert sv.identity is None and sv.details.toPlainText() == ""
    # back on the field laptop: apply the receipt, then purge what the supervisor holds
    unlock(w, PASSPHRASE)
    ex.apply_receipt(tmp_path / "nonexistent.receipt")
    assert "Cannot read the receipt" in ex.result.text()
    ex.apply_receipt(receipt)
    assert ex.result.text().startswith("Receipt accepted: the supervisor holds 1 interviews")
    lst.refresh()
    row = [lst.proxy.index(r, 0).data() for r in range(lst.proxy.rowCount())].index("SYN-2026-207")
    assert lst.proxy.index(row, 6).data() == "receipt received"
    assert not ex.purge_button.isEnabled()
    ex.purge_confirm.setChecked(True)
    ex.purge_button.click()
    assert ex.result.text().startswith("Purged 1 interviews")
    assert sorted(lst.visible_codes()) == ["SYN-2026-196", "SYN-2026-206"]
    w.lock()


def _imported_in_supervisor_view(qtbot, world, *bundles) -> str:
    """Import ``bundles`` (paths) in turn with the supervisor screen on the world's
    supervisor vault (its session's worker run inline); the screen's last message."""
    from types import SimpleNamespace

    def call(work, on_done, on_error, name):
        del on_error, name
        on_done(work(world.sup, None, None))

    sv = SupervisorView(SimpleNamespace(call=call, role="supervisor"))
    qtbot.addWidget(sv)
    sv.identity = world.identity
    for bundle in bundles:
        sv.bundle = bundle
        sv.import_bundle()
    return sv.message.text()


def test_import_summary_names_interviews_left_out_of_the_receipt(qtbot, tmp_path):
    """A genuine re-export after a laptop edit conflicts; the supervisor screen says which
    interviews its receipt leaves out (the laptop keeps them)."""
    from tests.bundle_helpers import make_world, populate

    w = make_world(tmp_path)
    try:
        x = populate(w.field, "NK-2026-178")
        y = populate(w.field, "NK-2026-179")
        first = w.export(x, y, name="1.age")
        interviews.update_interview(w.field, x, role="interviewer", notes="edited")
        second = w.export(x, y, name="2.age")

        text = _imported_in_supervisor_view(qtbot, w, first.path, second.path)
        assert text.startswith("Imported:") and "conflict: interview" in text, text
        assert text.splitlines()[-1].endswith("(the laptop keeps them): NK-2026-178")
    finally:
        w.field.lock()
        w.sup.lock()


def _supervisor_with_unpinned_bundle(qtbot, tmp_path):
    """A supervisor window (real vault, offscreen) with a bundle from an unpinned laptop open."""
    from storage.vault import Vault
    from tests.bundle_helpers import new_vault, populate

    field = new_vault(tmp_path / "field")
    key_text, identity = keys.new_supervisor_key()
    key_file = tmp_path / "supervisor.key"
    key_file.write_text(key_text)
    keys.trust_supervisor(field, identity.public, role="interviewer")
    iid = populate(field, "SYN-2026-209")
    from app.bundles.export import export_bundle

    bundle = export_bundle(field, [iid], recipients=[identity.public], out=tmp_path / "b.age",
                           role="interviewer").path
    device = field.device()
    dev = keys.DevicePublic(device.id, device.public_key)
    field.lock()
    from crypto.kdf import weak_test_params

    sup, _ = Vault.create(tmp_path / "sup", PASSPHRASE, kdf=weak_test_params(),
                          allow_weak_kdf=True)
    sup.lock()
    state = tmp_path / "state-sup"
    state.mkdir()
    s = make_window(qtbot, tmp_path / "sup", state, role="supervisor")
    unlock(s, PASSPHRASE)
    sv = _view(s, SupervisorView)
    sv.load_identity(key_file)
    sv.open_bundle(bundle)
    assert sv.verdict.text().startswith("Not accepted") and sv.pin_button.isEnabled()
    return s, sv, dev


def test_pinning_needs_the_last_group_read_aloud(qtbot, tmp_path):
    s, sv, dev = _supervisor_with_unpinned_bundle(qtbot, tmp_path)
    last = dev.fingerprint.rsplit(" ", 1)[-1]
    assert dev.fingerprint not in sv.details.toPlainText()
    assert sv.pin_panel.isHidden()
    sv.pin_button.click()  # one click no longer pins
    assert keys.pinned_device_key(s.session.vault, dev.device_id) is None
    assert not sv.pin_panel.isHidden() and not sv.pin_confirm.isEnabled()
    assert dev.device_id in sv.pin_prompt.text() and dev.fingerprint not in sv.pin_prompt.text()
    assert masked(dev.fingerprint) in sv.pin_prompt.text()
    wrong = "AAAA" if last != "AAAA" else "BBBB"
    qtbot.keyClicks(sv.pin_group, wrong)
    assert sv.pin_confirm.isEnabled()
    sv.pin_confirm.click()
    assert "nothing was pinned" in sv.message.text()
    assert keys.pinned_device_key(s.session.vault, dev.device_id) is None
    assert sv.verdict.text().startswith("Not accepted") and not sv.import_button.isEnabled()
    qtbot.keyClicks(sv.pin_group, f" {last[:2].lower()} {last[2:]} ")  # spacing and case ignored
    qtbot.keyClick(sv.pin_group, Qt.Key.Key_Return)
    assert keys.pinned_device_key(s.session.vault, dev.device_id) == dev.public_key
    assert sv.verdict.text().startswith("Verified") and sv.import_button.isEnabled()
    assert sv.pin_panel.isHidden() and not sv.pin_button.isEnabled()
    assert dev.fingerprint in sv.details.toPlainText()  # pinned: shown whole
    s.lock()


def test_pinning_from_a_key_file_must_match_the_signer(qtbot, tmp_path):
    from crypto.signing import new_signing_key

    s, sv, dev = _supervisor_with_unpinned_bundle(qtbot, tmp_path)
    sv.pin_button.click()
    impostor = tmp_path / "impostor.txt"  # same device id, another key
    impostor.write_text(keys.device_public_text(dev.device_id, new_signing_key()[1]))
    sv.pin_from_key_file(impostor)
    assert "not the key that signed this bundle" in sv.message.text()
    assert keys.pinned_device_key(s.session.vault, dev.device_id) is None
    sv.pin_from_key_file(tmp_path / "missing.txt")
    assert "Cannot read the device public key file" in sv.message.text()
    genuine = tmp_path / "device.txt"  # what 'testimony device show' printed on the laptop
    genuine.write_text(keys.device_public_text(dev.device_id, dev.public_key))
    sv.pin_from_key_file(genuine)
    assert keys.pinned_device_key(s.session.vault, dev.device_id) == dev.public_key
    assert sv.verdict.text().startswith("Verified")
    s.lock()


@pytest.mark.parametrize("language", ["en", "ko"])
def test_import_summary_names_withdrawals_of_consent(qtbot, tmp_path, request, language):
    """A laptop's withdrawal notice (the witness withdrew after the supervisor had the
    interview): the supervisor screen says whose consent is now withdrawn."""
    from tests.bundle_helpers import make_world, populate

    if language == "ko":
        request.getfixturevalue("korean")
    w = make_world(tmp_path)
    try:
        x = populate(w.field, "NK-2026-180")
        first = w.export(name="1.age")
        interviews.withdraw_consent(w.field, x, role="interviewer")
        second = w.export(name="2.age")
        assert second.withdrawals == ["NK-2026-180"]

        last = _imported_in_supervisor_view(qtbot, w, first.path, second.path).splitlines()[-1]
        expected = ("Consent withdrawn, as the laptop recorded it; briefs leave these out: "
                    if language == "en" else "동의가 철회되었습니다")
        assert expected in last and last.endswith("NK-2026-180"), last
    finally:
        w.field.lock()
        w.sup.lock()


def test_the_export_screen_sends_a_withdrawal_to_the_supervisor_who_has_it(qtbot, tmp_path):
    """Ticked in the export screen, a withdrawn interview the supervisor already holds goes as
    a withdrawal (no testimony); the screen says so, and the supervisor's import names it."""
    from tests.bundle_helpers import PASS, make_world, populate

    w = make_world(tmp_path)
    try:
        held = populate(w.field, "NK-2026-181")
        populate(w.field, "NK-2026-182", scopes=("archive",))
        first = w.export(held, name="1.age")
        interviews.withdraw_consent(w.field, held, role="interviewer")
        w.field.lock()
        state = tmp_path / "state-field"
        state.mkdir()
        window = make_window(qtbot, w.field.path, state)
        unlock(window, PASS)
        ex = _view(window, ExportView)
        ex.refresh()
        ex.set_checked(["NK-2026-181", "NK-2026-182"])
        ex.purpose.setCurrentIndex(ex.purpose.findData("un"))
        assert "NK-2026-181: consent withdrawn" in ex.exclusions.text()
        assert "its withdrawal (no testimony)" in ex.exclusions.text()
        out = tmp_path / "2.age"
        ex.out.setText(str(out))
        ex.export_button.click()
        assert out.exists(), ex.result.text()
        shown = ex.result.text()
        assert "Interviews: 0 (left out by consent: 1)" in shown, shown
        assert shown.splitlines()[-1].endswith("no testimony was sent): NK-2026-181"), shown
        window.lock("manual")
        last = _imported_in_supervisor_view(qtbot, w, first.path, out).splitlines()[-1]
        assert last.endswith("briefs leave these out: NK-2026-181"), last
    finally:
        for v in (w.field, w.sup):
            if not v.is_locked:
                v.lock()
