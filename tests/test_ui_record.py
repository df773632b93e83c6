"""The recording screen with a real (virtual) PulseAudio microphone: level meter, elapsed time,
pause, marker, stop; the recording lands encrypted in the vault and plays back from memory."""

from __future__ import annotations

from app import interviews
from app.playback import decode_for_playback
from tests.conftest import PASSPHRASE
from tests.ui_support import _audio_devices_first, make_window, speech_wav, unlock, virtual_mic  # noqa: F401


def test_record_pause_marker_stop_and_list(qtbot, tmp_path, vault, virtual_mic, speech_wav):  # noqa: F811
    iid = interviews.add_interview(vault, code="SYN-REC", role="interviewer")
    path = vault.path
    vault.lock()
    state = tmp_path / "state"
    state.mkdir()
    w = make_window(qtbot, path, state)
    unlock(w, PASSPHRASE)
    w.workspace.open_interview(iid)
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


def test_lock_while_recording_seals_the_recording(qtbot, tmp_path, vault, virtual_mic,  # noqa: F811
                                                  speech_wav):  # noqa: F811
    iid = interviews.add_interview(vault, code="SYN-LOCK", role="interviewer")
    path = vault.path
    vault.lock()
    state = tmp_path / "state"
    state.mkdir()
    w = make_window(qtbot, path, state)
    unlock(w, PASSPHRASE)
    w.workspace.open_interview(iid)
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

    with Vault.open(path, PASSPHRASE, allow_weak_kdf=True) as v:
        rows = v.conn.execute("SELECT state, duration_s FROM audio_asset").fetchall()
    assert len(rows) == 1 and rows[0][0] == "complete" and rows[0][1] > 0.5


def test_player_plays_from_memory_to_the_audio_output(qtbot, virtual_mic):  # noqa: F811
    from app.playback import tone
    from ui.player import Player

    p = Player()
    p.load(tone(3.0))
    positions: list[float] = []
    p.position_changed.connect(positions.append)
    p.play_from(1.0)
    assert p.state == "playing"
    qtbot.waitUntil(lambda: p.position() > 1.3, timeout=5000)
    p.pause()
    assert p.state == "paused"
    at = p.position()
    assert 1.3 < at < 3.0
    p.change_rate(+1)  # faster while paused keeps the position
    assert abs(p.position() - at) < 1e-6
    p.toggle()
    qtbot.waitUntil(lambda: p.state == "stopped", timeout=10_000)  # reached the end
    assert p.position() == 3.0
    assert positions and max(positions) <= 3.0
