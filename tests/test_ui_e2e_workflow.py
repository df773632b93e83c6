"""The whole path through the window: create a vault on the setup screen, record from the
virtual microphone, transcribe with the real tiny.en model, edit a segment, tag words, export a
bundle; then, as the supervisor, verify, import and write the receipt.

(Named so it runs before the tests that play audio: see docs/ui.md, "Known problems".)
"""

from __future__ import annotations

import pytest

import app.transcripts as transcripts
from app import interviews
from app.bundles import keys
from app.coding import tags as coding_tags
from tests.conftest import PASSPHRASE
from tests.ui_support import _audio_devices_first, make_window, speech_wav, virtual_mic  # noqa: F401
from ui.export_view import ExportView
from ui.supervisor_view import SupervisorView

pytestmark = pytest.mark.slow


def test_interviewer_to_supervisor(qtbot, tmp_path, virtual_mic, speech_wav):  # noqa: F811
    state = tmp_path / "state"
    state.mkdir()
    field = tmp_path / "field-vault"
    w = make_window(qtbot, field, state)
    # 1. first run: create the vault
    w.setup.passphrase.setText(PASSPHRASE.decode())
    w.setup.repeat.setText(PASSPHRASE.decode())
    w.setup.create_button.click()
    w.setup.written_down.setChecked(True)
    w.setup.continue_button.click()
    assert w.stack.currentWidget() is w.workspace
    # 2. a new interview with consent
    w.workspace.list.create("SYN-E2E")
    page = w.workspace.page
    assert page.details.code.text() == "SYN-E2E"
    for scope in ("archive", "un"):
        page.details.scopes[scope].setChecked(True)
    page.details.save_consent_button.click()
    views = {type(v).__name__: v for v in page.views}
    # 3. record from the (virtual) microphone
    rv = views["RecordingView"]
    player = virtual_mic.play_async(speech_wav)
    rv.record_button.click()
    qtbot.waitUntil(lambda: rv.rec_state.text() == "Recording", timeout=10_000)
    assert player.wait(120) == 0
    qtbot.wait(700)
    rv.stop_button.click()
    qtbot.waitUntil(lambda: rv.recorder is None, timeout=15_000)
    assert rv.assets.rowCount() == 1, rv.message.text()
    # 4. transcribe with the real model
    rv.model.setCurrentIndex(rv.model.findData("tiny.en"))
    rv.language.setCurrentIndex(rv.language.findData("en"))
    rv.transcribe_button.click()
    assert rv.message.text().startswith("Transcription finished"), rv.message.text()
    v = w.session.vault
    iid = interviews.resolve_id(v, "SYN-E2E")
    segs = transcripts.segments(v, iid)
    heard = " ".join(s.text for s in segs).lower()
    assert "guard" in heard or "father" in heard or "spring" in heard, heard
    # 5. edit a segment in the transcript editor (a revision)
    page.load(iid)
    tv = views["TranscriptView"]
    first = next(i for i, r in enumerate(tv.visible) if r.kind == "segment")
    tv.table.item(first, tv.text_col).setText("The guards took my father away (synthetic).")
    assert tv.message.text() == "Saved as a new revision."
    # 6. tag words in the coding panel
    cv = views["CodingView"]
    assert cv.select_term("violation.cah.enforced_disappearance")
    cv.segment_list.setCurrentRow(0)
    cursor = cv.text.textCursor()
    cursor.setPosition(4)
    cursor.setPosition(10, cursor.MoveMode.KeepAnchor)
    cv.text.setTextCursor(cursor)
    cv.apply_button.click()
    assert cv.message.text() == "Tag applied."
    [tag] = coding_tags.list_tags(v, iid)
    assert tag.text == "guards"
    # 7. export to the pinned supervisor
    key_text, identity = keys.new_supervisor_key()
    (tmp_path / "sup.key").write_text(key_text)
    (tmp_path / "sup.pub").write_text(identity.public.text("S"))
    ex = next(x for x in w.workspace.extra if isinstance(x, ExportView))
    ex.pin_supervisor(tmp_path / "sup.pub")
    ex.set_checked(["SYN-E2E"])
    ex.purpose.setCurrentIndex(ex.purpose.findData("un"))
    bundle = tmp_path / "field.bundle"
    ex.out.setText(str(bundle))
    ex.export_button.click()
    assert bundle.exists(), ex.result.text()
    w.lock()

    # 8. the supervisor's side
    state2 = tmp_path / "state2"
    state2.mkdir()
    s = make_window(qtbot, tmp_path / "sup-vault", state2, role="supervisor")
    s.setup.passphrase.setText(PASSPHRASE.decode())
    s.setup.repeat.setText(PASSPHRASE.decode())
    s.setup.with_recovery.setChecked(False)
    s.setup.create_button.click()
    s.setup.continue_button.click()
    sv = next(x for x in s.workspace.extra if isinstance(x, SupervisorView))
    sv.load_identity(tmp_path / "sup.key")
    sv.open_bundle(bundle)
    assert sv.verdict.text().startswith("Not accepted")
    sv.pin_device()
    assert sv.verdict.text().startswith("Verified"), sv.verdict.text()
    sv.import_button.click()
    assert sv.message.text().startswith("Imported:"), sv.message.text()
    sv.write_receipt(tmp_path / "field.bundle.receipt")
    assert (tmp_path / "field.bundle.receipt").exists()
    sup = s.session.vault
    imported = transcripts.segments(sup, "SYN-E2E")
    assert any("(synthetic)" in x.text for x in imported)
    assert [t.text for t in coding_tags.list_tags(sup, "SYN-E2E")] == ["guards"]
    s.lock()
