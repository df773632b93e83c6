"""Recording after listening, and twice in a row, in one process with one PulseAudio daemon.

docs/ui.md used to say a recording made after playback (or after earlier recordings) in the
same process could capture only silence. That was seen only when a test process met a second
PulseAudio daemon after Qt Multimedia had connected to the first; with the one daemon a real
app session has, the player and the recorder share the audio system without trouble. These
tests hold the product to that: listen through the real ``qtaudio.player.Player`` (fed by
``decode_for_playback`` from the vault, as the transcript view does), then record the virtual
microphone with the real ``qtaudio.capture.Recorder``, twice, and check each recording holds the
spoken sentence.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from app import interviews
from app.audio import assets as audio
from app.audio.playback import decode_for_playback
from storage.vault import Vault
from tests.audio_helpers import active_span, correlation, decode_blob, decode_file
from tests.pulse import VirtualMic

pytestmark = pytest.mark.slow


def _listen_to_the_end(qtbot, vault: Vault, asset_id: str) -> None:  # type: ignore[no-untyped-def]
    from qtaudio.player import Player

    player = Player()
    player.load(decode_for_playback(vault, asset_id))
    positions: list[float] = []
    player.position_changed.connect(positions.append)
    player.play_from(0.0)
    assert player.state == "playing"
    qtbot.waitUntil(lambda: player.state == "stopped", timeout=30_000)  # reached the end
    assert player.position() == pytest.approx(player.duration_s)
    assert positions and max(positions) > 1.0  # it really played, not stopped at once
    player.clear()


def _record_the_sentence(qtbot, vault: Vault, interview: str, mic: VirtualMic,  # type: ignore[no-untyped-def]
                         wav: Path) -> float:
    """Record while ``wav`` is spoken into the microphone; return how well the recording's
    loudness contour matches the sentence (near 1: all there; below 0.3: missing)."""
    from qtaudio.capture import Recorder

    before = {a.id for a in audio.list_assets(vault, interview)}
    recorder = Recorder(vault, interview, role="interviewer")
    errors: list[str] = []
    recorder.error.connect(errors.append)
    recorder.start()
    qtbot.waitUntil(lambda: recorder.state == "recording", timeout=15_000)
    mic.play(wav)
    qtbot.wait(700)  # let the end of the sentence through the device buffers
    with qtbot.waitSignal(recorder.finished, timeout=30_000):
        recorder.stop()
    assert errors == []
    result = recorder.result
    assert result is not None and result.state == "complete"
    (asset,) = [a for a in audio.list_assets(vault, interview) if a.id not in before]
    samples, rate = decode_blob(vault, asset.blob_id)
    rms = float(np.sqrt(np.mean(np.square(samples))))
    assert rms > 0.005, f"the recording is silent (RMS {rms:.5f})"
    fixture, fixture_rate = decode_file(wav)
    first, last = active_span(samples, rate)
    fx_first, fx_last = active_span(fixture, fixture_rate)
    assert (last - first) == pytest.approx(fx_last - fx_first, abs=0.3)
    return correlation(samples[0], rate, fixture[0], fixture_rate)


def test_recording_after_listening_hears_the_speaker(
        qtbot, virtual_mic: VirtualMic, speech_wav: Path, vault: Vault) -> None:
    interview = interviews.add_interview(vault, code="NK-2026-150", role="interviewer")
    imported = audio.import_audio(vault, interview, speech_wav, role="interviewer")
    _listen_to_the_end(qtbot, vault, imported.id)
    # 0.98-0.99 on a quiet machine (see test_audio_device); a silent or garbled one is < 0.3.
    assert _record_the_sentence(qtbot, vault, interview, virtual_mic, speech_wav) > 0.7


def test_two_recordings_in_a_row_after_pausing_playback(
        qtbot, virtual_mic: VirtualMic, speech_wav: Path, vault: Vault) -> None:
    from qtaudio.player import Player

    interview = interviews.add_interview(vault, code="NK-2026-151", role="interviewer")
    assert _record_the_sentence(qtbot, vault, interview, virtual_mic, speech_wav) > 0.7
    # Listen to part of what was recorded and pause there, as a person checking a take does.
    (first,) = audio.list_assets(vault, interview)
    player = Player()
    player.load(decode_for_playback(vault, first.id))
    player.play_from(0.5)
    qtbot.waitUntil(lambda: player.position() > 1.5, timeout=10_000)
    player.pause()
    assert player.state == "paused"
    assert _record_the_sentence(qtbot, vault, interview, virtual_mic, speech_wav) > 0.7
    assert len(audio.list_assets(vault, interview)) == 2
