"""The whole path through the window: create a vault on the setup screen, record from the
virtual microphone, transcribe with the real tiny.en model, edit a segment, tag words, export a
bundle; then, as the supervisor, verify, import and write the receipt. Also the recorder screen
(level meter, marker, pause, stop) and a panic lock during a recording.

These run in the ordinary test process, after whatever played or recorded before them: with one
PulseAudio daemon per process (tests/pulse.py) a recording after playback or after other
recordings hears the microphone (tests/audio/test_audio_after_playback.py). They once ran in a
separate process because a second daemon, started under an already running Qt, recorded
silence; that was the test fixture, not the app (see docs/ui.md, "Known problems").
"""

from __future__ import annotations

import pytest

import app.transcripts.store as transcripts
from app import interviews
from app.audio.playback import decode_for_playback
from app.bundles import keys
from app.coding import tags as coding_tags
from tests.common import PASSPHRASE
from tests.ui_support import make_window, window_on
from ui.export_view import ExportView
from ui.supervisor_view import SupervisorView

pytestmark = pytest.mark.slow


def test_interviewer_to_supervisor(qtbot, tmp_path, virtual_mic, speech_wav):
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
    w.workspace.list.create("SYN-2026-194")
    page = w.workspace.page
    assert page.details.code.text() == "SYN-2026-194"
    for scope in ("archive", "un"):
        page.details.scopes[scope].setChecked(True)
    page.details.save_button.click()
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
    iid = interviews.resolve_id(v, "SYN-2026-194")
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
    ex.set_checked(["SYN-2026-194"])
    ex.purpose.setCurrentIndex(ex.purpose.findData("un"))
    bundle = tmp_path / "field.bundle"
    ex.out.setText(str(bundle))
    ex.export_button.click()
    assert bundle.exists(), ex.result.text()
    device_fp = w.session.vault.device().fingerprint  # what the interviewer reads aloud
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
    sv.pin_button.click()
    sv.pin_group.setText(device_fp.rsplit(" ", 1)[-1])
    sv.pin_confirm.click()
    assert sv.verdict.text().startswith("Verified"), sv.verdict.text()
    sv.import_button.click()
    assert sv.message.text().startswith("Imported:"), sv.message.text()
    sv.write_receipt(tmp_path / "field.bundle.receipt")
    assert (tmp_path / "field.bundle.receipt").exists()
    sup = s.session.vault
    imported = transcripts.segments(sup, "SYN-2026-194")
    assert any("(synthetic)" in x.text for x in imported)
    assert [t.text for t in coding_tags.list_tags(sup, "SYN-2026-194")] == ["guards"]
    s.lock()


def test_record_pause_marker_stop_and_list(qtbot, tmp_path, vault, virtual_mic, speech_wav):
    iid = interviews.add_interview(vault, code="SYN-2026-210", role="interviewer")
    w = window_on(qtbot, vault, tmp_path, iid)
    from ui.recording_view import RecordingView

    rv = next(v for v in w.workspace.page.views if isinstance(v, RecordingView))
    assert rv.device.count() >= 2  # system default + the virtual microphone
    player = virtual_mic.play_async(speech_wav)
    rv.record_button.click()
    qtbot.waitUntil(lambda: rv.rec_state.text() == "Recording", timeout=10_000)
    assert not rv.record_button.isEnabled() and rv.stop_button.isEnabled()
    qtbot.waitUntil(lambda: rv.level.value() > 0, timeout=10_000)  # the meter moves
    assert w.idle._holds == 1  # no idle lock while recording
    qtbot.waitUntil(lambda: rv.elapsed.text() >= "0:00:01", timeout=10_000)
    rv.marker_note.setText("synthetic marker")
    rv.marker_button.click()
    assert rv.message.text().startswith("Marker added")
    rv.pause_button.click()
    qtbot.waitUntil(lambda: rv.rec_state.text() == "Paused", timeout=5000)
    rv.pause_button.click()
    qtbot.waitUntil(lambda: rv.rec_state.text() == "Recording", timeout=5000)
    player.wait(60)
    rv.stop_button.click()
    qtbot.waitUntil(lambda: rv.recorder is None, timeout=15_000)
    assert w.idle._holds == 0
    assert rv.message.text().startswith("Recording saved")
    assert rv.assets.rowCount() == 1
    assert rv.assets.item(0, 0).text() == "recording"
    v = w.session.vault
    asset_id = rv.asset_ids[0]
    markers = v.conn.execute("SELECT note FROM marker WHERE interview_id = ?", (iid,)).fetchall()
    assert [m[0] for m in markers] == ["synthetic marker"]
    audio = decode_for_playback(v, asset_id)
    assert audio.duration_s > 1.0
    w.lock()


def test_lock_while_recording_seals_the_recording(qtbot, tmp_path, vault, virtual_mic,
                                                  speech_wav):
    iid = interviews.add_interview(vault, code="SYN-2026-203", role="interviewer")
    w = window_on(qtbot, vault, tmp_path, iid)
    from ui.recording_view import RecordingView

    rv = next(v for v in w.workspace.page.views if isinstance(v, RecordingView))
    player = virtual_mic.play_async(speech_wav)
    rv.record_button.click()
    qtbot.waitUntil(lambda: rv.rec_state.text() == "Recording", timeout=10_000)
    qtbot.waitUntil(lambda: rv.elapsed.text() >= "0:00:01", timeout=10_000)
    w.lock("panic")
    player.wait(60)
    assert not w.session.is_unlocked and rv.recorder is None
    from storage.vault import Vault

    with Vault.open(vault.path, PASSPHRASE, allow_weak_kdf=True) as v:
        rows = v.conn.execute("SELECT state, duration_s FROM audio_asset").fetchall()
    assert len(rows) == 1 and rows[0][0] == "complete" and rows[0][1] > 0.5
