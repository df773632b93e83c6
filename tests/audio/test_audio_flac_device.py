"""A real microphone that delivers 16-bit samples is recorded as FLAC, losslessly.

A second virtual source on the test PulseAudio daemon offers 16-bit stereo at 48 kHz (what a
typical laptop microphone's hardware delivers), so Qt's preferred format for it is 16-bit
integer. The real Qt recorder records espeak-ng speech from it; every byte Qt hands to the
session is kept aside, and the stored FLAC must decode to exactly those samples.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterator
from pathlib import Path

import av
import numpy as np
import pytest

from app import interviews
from app.audio import assets as audio
from storage import blobs
from storage.vault import Vault
from tests.audio_helpers import active_span, decode_file, find_input, keep_delivered
from tests.pulse import VirtualMic

pytestmark = pytest.mark.slow

SOURCE16 = "tv_mic_s16"


@pytest.fixture
def mic16(virtual_mic: VirtualMic) -> Iterator[str]:
    """A 16-bit stereo 48 kHz virtual source on the shared daemon; yields its name."""
    module = virtual_mic.pactl(
        "load-module", "module-virtual-source", f"source_name={SOURCE16}",
        f"master={virtual_mic.sink}.monitor", "format=s16le", "rate=48000",
        "channels=2").strip()
    try:
        yield SOURCE16
    finally:
        virtual_mic.pactl("unload-module", module)


def test_qt_recorder_stores_a_16_bit_microphone_as_lossless_flac(
        qtbot, virtual_mic: VirtualMic, mic16: str, speech_wav: Path,
        vault: Vault, monkeypatch: pytest.MonkeyPatch) -> None:
    from qtaudio.capture import Recorder, choose_format

    device = find_input(qtbot, mic16)
    _, fmt = choose_format(device)  # type: ignore[arg-type]
    assert fmt.sample_format == "s16", fmt  # the device's own format: no conversion asked for
    delivered = keep_delivered(monkeypatch)
    interview = interviews.add_interview(vault, code="NK-2026-961", role="interviewer")
    recorder = Recorder(vault, interview, role="interviewer", device=device)  # type: ignore[arg-type]
    errors: list[str] = []
    recorder.error.connect(errors.append)
    recorder.start()
    qtbot.waitUntil(lambda: recorder.session is not None and recorder.elapsed_s > 0.3,
                    timeout=15000)
    virtual_mic.play(speech_wav)
    qtbot.wait(800)  # the end of the sentence through the device buffers
    with qtbot.waitSignal(recorder.finished, timeout=30000):
        recorder.stop()
    assert errors == []
    result = recorder.result
    assert result is not None and result.state == "complete"

    (asset,) = audio.list_assets(vault, interview)
    assert (asset.container, asset.codec) == ("flac", "flac")
    assert (asset.sample_rate, asset.channels) == (fmt.sample_rate, fmt.channels)
    stored = b"".join(blobs.iter_chunks(vault.conn, asset.blob_id))
    assert stored[:4] == b"fLaC"
    assert hashlib.sha256(stored).hexdigest() == asset.sha256 == result.sha256
    with av.open(io.BytesIO(stored), format="flac") as c:
        samples = np.concatenate([f.to_ndarray().reshape(-1) for f in c.decode(audio=0)])
    # Lossless: exactly the whole frames Qt delivered (after stop, late data is not stored).
    captured = b"".join(delivered)
    kept = round(result.duration_s * fmt.sample_rate) * fmt.bytes_per_frame
    assert samples.tobytes() == captured[:kept]
    assert len(stored) < 0.8 * kept  # and smaller than the PCM it holds
    # The sentence is in it, at its own length. (Its loudness contour is checked by
    # test_audio_device.py; on an overloaded machine the virtual device drops a block now and
    # then, which the length survives.)
    fixture, fixture_rate = decode_file(speech_wav)
    left = samples.reshape(-1, fmt.channels)[:, 0].astype(np.float32) / 32768
    first, last = active_span(left[None, :], fmt.sample_rate)
    fx_first, fx_last = active_span(fixture, fixture_rate)
    assert np.abs(left).max() > 0.1
    assert (last - first) == pytest.approx(fx_last - fx_first, abs=0.5)
