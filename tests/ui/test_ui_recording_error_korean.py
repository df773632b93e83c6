"""A recording stopped by the recorder (qtaudio) is reported in the interface language: the
recorder hands the window a message of the error model, not an English sentence. Real window,
real vault, a real (virtual PulseAudio) microphone that stops delivering sound."""

from __future__ import annotations

from app import interviews
from tests.ui_support import window_on
from ui.recording_view import RecordingView

DEVICE_LOST_KO = ("마이크에서 소리가 더 이상 들어오지 않아(뽑혔거나 꺼졌습니다) 녹음을 "
                  "멈췄습니다. 그때까지 녹음한 내용은 모두 보존되었습니다.")


def test_a_vanished_microphone_is_reported_in_korean(qtbot, tmp_path, vault, virtual_mic,
                                                     speech_wav, korean) -> None:
    iid = interviews.add_interview(vault, code="NK-2026-963", role="interviewer")
    w = window_on(qtbot, vault, tmp_path, iid)
    rv = next(v for v in w.workspace.page.views if isinstance(v, RecordingView))
    player = virtual_mic.play_async(speech_wav)
    try:
        rv.record_button.click()
        qtbot.waitUntil(lambda: rv.elapsed.text() >= "0:00:01", timeout=15_000)
        # the microphone stops delivering sound, as an unplugged USB microphone does
        virtual_mic.pactl("suspend-source", virtual_mic.source, "1")
        qtbot.waitUntil(lambda: rv.recorder is None, timeout=30_000)
    finally:
        virtual_mic.pactl("suspend-source", virtual_mic.source, "0")
        player.wait(60)
    assert rv.message.text() == DEVICE_LOST_KO
    assert rv.assets.rowCount() == 1  # what was recorded is kept
    w.lock()
