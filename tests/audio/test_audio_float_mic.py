"""A microphone that PulseAudio offers as float is recorded as 32-bit integers, bit-exactly.

The test daemon's ``tv_mic`` is what most laptop inputs look like to Qt: its sample spec is
``float32le`` (module-virtual-source's default, as PipeWire reports most inputs), so Qt's
preferred format for it is Float. The recorder asks it for 32-bit integers and stores FLAC.

Known 16-bit PCM is played into the sink with ``paplay``: the left channel counts through every
16-bit value once (so each recorded frame says which frame it was), the right channel is
random, full scale. PulseAudio carries it s16 (sink) -> float (the virtual source) -> s32 (the
recording stream), or through a second virtual source whose sample spec is ``s24le`` (Qt
reports that one as float too), without changing a bit: every recorded sample is the fed one shifted left by
16 bits (low 16 bits zero), in order. A frame now and then may be lost on a loaded machine
(the virtual device, not the recorder), which the test tolerates; a changed frame it does not.
"""

from __future__ import annotations

import hashlib
import subprocess
import wave
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from app import interviews
from app.audio import assets as audio
from storage import blobs
from storage.vault import Vault
from tests.audio_helpers import decoded_pcm, find_input, keep_delivered
from tests.pulse import VirtualMic

pytestmark = pytest.mark.slow

SOURCE24 = "tv_mic_s24"
FRAMES = 65536  # every 16-bit value once on the left channel: 1.37 s at 48 kHz


def _counting_wav(path: Path) -> np.ndarray:
    """Write the fed PCM (48 kHz stereo s16) to ``path``; return it as (frames, 2) int16."""
    left = np.arange(FRAMES, dtype=np.int64) - 32768
    right = np.random.default_rng(17).integers(-32768, 32768, FRAMES)
    fed = np.stack([left, right], axis=1).astype("<i2")
    with wave.open(str(path), "wb") as w:
        w.setnchannels(2)
        w.setsampwidth(2)
        w.setframerate(48000)
        w.writeframes(fed.tobytes())
    return fed


@pytest.fixture(params=["float32le", "s24le"])
def source(request: pytest.FixtureRequest, virtual_mic: VirtualMic) -> Iterator[str]:
    """The daemon's float microphone, or a second one whose sample spec is 24-bit (a 24-bit
    converter); yields the source name."""
    if request.param == "float32le":
        yield virtual_mic.source
        return
    module = virtual_mic.pactl(
        "load-module", "module-virtual-source", f"source_name={SOURCE24}",
        f"master={virtual_mic.sink}.monitor", "format=s24le", "rate=48000",
        "channels=2").strip()
    try:
        yield SOURCE24
    finally:
        virtual_mic.pactl("unload-module", module)


def test_a_float_microphone_is_recorded_as_lossless_32_bit_flac(
        qtbot, virtual_mic: VirtualMic, source: str, vault: Vault, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from qtaudio.capture import Recorder, choose_format, find_device, preferred_sample_format

    sources = virtual_mic.pactl("list", "short", "sources")
    (spec,) = [line.split("\t")[3] for line in sources.splitlines()
               if line.split("\t")[1] == source]
    assert spec.split()[0] in ("float32le", "s24le"), sources
    device = find_device(None) if source == virtual_mic.source else find_input(qtbot, source)
    # Qt has no 24-bit format: it reports both as preferring float.
    assert preferred_sample_format(device) == "f32"
    _, fmt = choose_format(device)
    assert (fmt.sample_format, fmt.sample_rate, fmt.channels) == ("s32", 48000, 2)
    fed = _counting_wav(tmp_path / "counting.wav")

    delivered = keep_delivered(monkeypatch)
    interview = interviews.add_interview(vault, code="NK-2026-972", role="interviewer")
    recorder = Recorder(vault, interview, role="interviewer", device=device)
    errors: list[str] = []
    recorder.error.connect(errors.append)
    recorder.start()
    qtbot.waitUntil(lambda: recorder.session is not None and recorder.elapsed_s > 0.3,
                    timeout=15000)
    # A short playback latency: with paplay's default (a 2 s sink buffer) the virtual source
    # loses most of a short clip.
    subprocess.run(["paplay", "--latency-msec=50", f"--device={virtual_mic.sink}",
                    str(tmp_path / "counting.wav")], env=virtual_mic.env, check=True,
                   timeout=60)
    qtbot.wait(800)  # the end of the clip through the device buffers
    with qtbot.waitSignal(recorder.finished, timeout=30000):
        recorder.stop()
    assert errors == []
    result = recorder.result
    assert result is not None and result.state == "complete"

    (asset,) = audio.list_assets(vault, interview)
    assert (asset.container, asset.codec, asset.sample_rate, asset.channels) == (
        "flac", "flac", 48000, 2)
    stored = b"".join(blobs.iter_chunks(vault.conn, asset.blob_id))
    assert hashlib.sha256(stored).hexdigest() == asset.sha256 == result.sha256
    samples, rate, channels, sample_format = decoded_pcm(stored)
    assert (rate, channels, sample_format) == (48000, 2, "s32")
    # Lossless storage: exactly the whole frames Qt delivered.
    kept = round(result.duration_s * 48000) * fmt.bytes_per_frame
    assert samples == b"".join(delivered)[:kept]
    assert len(stored) < 0.6 * kept  # and FLAC, not 32-bit PCM

    # Bit-exact delivery: every sample is a fed 16-bit sample shifted left by 16 bits.
    frames = np.frombuffer(samples, "<i4").reshape(-1, 2).astype(np.int64)
    assert not np.any(frames & 0xFFFF), "PulseAudio changed the low bits"
    top = frames >> 16
    sound = top[np.any(top != 0, axis=1)]  # silence before and after the clip left out
    position = sound[:, 0] + 32768  # the left channel says which fed frame this is
    assert np.array_equal(sound[:, 1], fed[position, 1].astype(np.int64)), \
        "a recorded frame differs from the fed one"
    assert np.all(np.diff(position) > 0), "frames out of order or repeated"
    assert len(sound) >= 0.8 * FRAMES, f"only {len(sound)} of {FRAMES} fed frames recorded"
