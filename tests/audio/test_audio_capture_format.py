"""Which sample format a microphone is asked for, and what that costs when it prefers float.

The decision (docs/audio.md, "Which format a microphone is asked for"): the microphone's
converter delivers integers and float is only the sound server's representation, so a device
that prefers float is asked for 32-bit integers (16-bit when that is all it offers) and the
recording is FLAC; float stays WAV only when the device offers no integer format. These tests
check the choice with fake device formats, that the choice is recorded with the recording,
that FFmpeg's encoder turns the zero low bits of a 16- or 24-bit converter's samples into
"wasted bits" (so asking for 32 bits costs next to nothing), and that such a recording cut off
by a crash is still a valid FLAC of exactly the samples delivered. The real PulseAudio
microphone test is test_audio_float_mic.py.
"""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtMultimedia import QAudioFormat

from app import interviews
from app.audio import assets as audio
from app.audio import flac
from app.audio.pcm import PcmFormat, capture_sample_format
from app.audio.recording import RecordingSession
from app.unlock import unlock
from storage import blobs
from storage.vault import Vault
from tests.audio_helpers import decoded_pcm, leave_interrupted_recording, speechlike
from tests.common import PASSPHRASE

Q = QAudioFormat.SampleFormat
ALL = ("u8", "s16", "s32", "f32")


@pytest.fixture
def interview(vault: Vault) -> str:
    return interviews.add_interview(vault, code="NK-2026-971", role="interviewer")


@pytest.mark.parametrize("preferred,offered,asked", [
    # An integer preference is the converter's own format: kept, no conversion.
    ("s16", ALL, "s16"), ("s32", ALL, "s32"), ("s16", ("s16",), "s16"),
    # Float is the sound server's representation: ask for 32-bit integers ...
    ("f32", ALL, "s32"), ("f32", ("s32", "f32"), "s32"),
    # ... 16-bit when that is the only integer format offered ...
    ("f32", ("u8", "s16", "f32"), "s16"),
    # ... and keep float only when no integer format is offered (or nothing is known).
    ("f32", ("f32",), "f32"), ("f32", ("u8", "f32"), "f32"), ("f32", (), "f32"),
    # An 8-bit converter fits 16 bits exactly (as before), else 32.
    ("u8", ALL, "s16"), ("u8", ("u8", "s32"), "s32"), ("u8", ("u8",), "s16"),
    # A format Qt cannot name: the best integer format offered.
    ("unknown", ALL, "s32"), ("unknown", (), "s16"),
])
def test_the_sample_format_asked_for(preferred: str, offered: tuple[str, ...],
                                     asked: str) -> None:
    assert capture_sample_format(preferred, offered) == asked  # type: ignore[arg-type]


class FakeDevice:
    """What choose_format reads of a QAudioDevice."""

    def __init__(self, sample: QAudioFormat.SampleFormat, rate: int, channels: int,
                 supported: list[QAudioFormat.SampleFormat], max_rate: int = 384000,
                 refused: tuple[QAudioFormat.SampleFormat, ...] = ()) -> None:
        self._fmt = QAudioFormat()
        self._fmt.setSampleFormat(sample)
        self._fmt.setSampleRate(rate)
        self._fmt.setChannelCount(channels)
        self._supported = supported
        self._max_rate = max_rate
        self._refused = refused

    def preferredFormat(self) -> QAudioFormat:  # noqa: N802 - Qt's name
        return QAudioFormat(self._fmt)

    def supportedSampleFormats(self) -> list[QAudioFormat.SampleFormat]:  # noqa: N802
        return list(self._supported)

    def maximumSampleRate(self) -> int:  # noqa: N802
        return self._max_rate

    def isFormatSupported(self, fmt: QAudioFormat) -> bool:  # noqa: N802
        return fmt.sampleFormat() in self._supported and fmt.sampleFormat() not in self._refused


EVERY = [Q.UInt8, Q.Int16, Q.Int32, Q.Float]


@pytest.mark.parametrize("device,qt_sample,pcm", [
    # PulseAudio/PipeWire: float preferred, every format offered -> 32-bit integers, FLAC.
    (FakeDevice(Q.Float, 48000, 2, EVERY), Q.Int32, PcmFormat(48000, 2, "s32")),
    (FakeDevice(Q.Float, 44100, 1, [Q.Int16, Q.Float]), Q.Int16, PcmFormat(44100, 1, "s16")),
    (FakeDevice(Q.Float, 48000, 2, [Q.Float]), Q.Float, PcmFormat(48000, 2, "f32")),
    (FakeDevice(Q.Int16, 48000, 2, EVERY), Q.Int16, PcmFormat(48000, 2, "s16")),
    (FakeDevice(Q.Int32, 96000, 2, EVERY), Q.Int32, PcmFormat(96000, 2, "s32")),
    (FakeDevice(Q.UInt8, 8000, 1, EVERY, max_rate=48000), Q.Int16,
     PcmFormat(48000, 1, "s16")),
    (FakeDevice(Q.Float, 8000, 0, EVERY, max_rate=22050), Q.Int32,
     PcmFormat(16000, 1, "s32")),
    # Integers offered in general but refused in this rate and channel count: float kept.
    (FakeDevice(Q.Float, 48000, 2, EVERY, refused=(Q.Int32,)), Q.Float,
     PcmFormat(48000, 2, "f32")),
], ids=["float-pulse", "float-int16-only", "float-only", "int16", "int32", "u8-8kHz",
        "float-8kHz-no-channels", "float-int32-refused-here"])
def test_choose_format_asks_the_device_for_integers(device: FakeDevice,
                                                    qt_sample: QAudioFormat.SampleFormat,
                                                    pcm: PcmFormat) -> None:
    from qtaudio.capture import choose_format, preferred_sample_format

    qfmt, fmt = choose_format(device)  # type: ignore[arg-type]
    assert fmt == pcm
    assert (qfmt.sampleFormat(), qfmt.sampleRate(), qfmt.channelCount()) == (
        qt_sample, pcm.sample_rate, pcm.channels)
    assert preferred_sample_format(device) == {  # type: ignore[arg-type]
        Q.Float: "f32", Q.Int16: "s16", Q.Int32: "s32", Q.UInt8: "u8"}[
        device.preferredFormat().sampleFormat()]
    assert (flac.encoder_for(fmt) is not None) == (fmt.sample_format != "f32")


def test_the_choice_is_recorded_with_the_recording(vault: Vault, interview: str) -> None:
    """The asset says how it is stored (flac/flac); the record-start audit entry says what the
    device preferred (float) and what it was asked for and delivered (32-bit integers)."""
    fmt = PcmFormat(48000, 2, "s32")
    session = RecordingSession(vault, interview, fmt, role="interviewer",
                               device="Laptop microphone", device_format="f32")
    session.write(speechlike(0.5, fmt))
    session.stop()
    (asset,) = audio.list_assets(vault, interview)
    assert (asset.container, asset.codec) == ("flac", "flac")
    (details,) = [json.loads(r[0]) for r in vault.conn.execute(
        "SELECT details FROM audit_log WHERE action = 'record-start' AND object_id = ?",
        (asset.id,))]
    assert (details["device_format"], details["codec"], details["container"]) == (
        "pcm_f32le", "pcm_s32le", "flac")
    # Without a device (tests, benchmarks) nothing is claimed about one.
    other = RecordingSession(vault, interview, PcmFormat(16000, 1, "s16"), role="interviewer")
    other.stop()
    (details,) = [json.loads(r[0]) for r in vault.conn.execute(
        "SELECT details FROM audit_log WHERE action = 'record-start' AND object_id = ?",
        (other.asset_id,))]
    assert details["device_format"] is None and details["codec"] == "pcm_s16le"


def _first_subframe_wasted_bits(stream: bytes) -> int:
    """The "wasted bits" (zero low bits left out of every sample) that the first subframe of
    the first FLAC frame declares."""
    at = 8 + flac.STREAMINFO_SIZE
    assert stream[at:at + 2] == b"\xff\xf8"
    block_code, rate_code = stream[at + 2] >> 4, stream[at + 2] & 0x0F
    # sync and codes (4 bytes), frame number 0 (1 byte), block size and rate extras, CRC-8
    pos = at + 5 + {6: 1, 7: 2}.get(block_code, 0) + {12: 1, 13: 2, 14: 2}.get(rate_code, 0) + 1
    bits = f"{int.from_bytes(stream[pos:pos + 8], 'big'):064b}"
    assert bits[0] == "0"  # the subframe header's padding bit
    return bits[8:].index("1") + 1 if bits[7] == "1" else 0


def _encode(pcm: bytes, fmt: PcmFormat) -> bytes:
    encoder = flac.FlacStreamEncoder(fmt)
    return encoder.header() + encoder.encode(pcm) + encoder.finish()


@pytest.mark.parametrize("bits", [16, 24])
def test_zero_low_bits_cost_nothing_in_32_bit_flac(bits: int) -> None:
    """A 16- or 24-bit converter's samples asked for as 32-bit integers: FFmpeg's encoder
    declares the zero low bits wasted, so the FLAC is hardly larger than the converter's own
    width would give, and decodes to exactly the 32-bit samples."""
    mono16 = PcmFormat(48000, 1, "s16")
    s16 = np.frombuffer(speechlike(2.0, mono16, seed=7), "<i2").astype(np.int64)
    # A 24-bit converter: the 16-bit signal with 8 more bits of (noise) detail below it.
    noise = np.random.default_rng(7).integers(-128, 128, s16.shape)
    native = s16 if bits == 16 else (s16 << 8) + noise
    s32 = (native << (32 - bits)).astype("<i4").tobytes()
    fmt = PcmFormat(48000, 1, "s32")
    as_32 = _encode(s32, fmt)
    assert _first_subframe_wasted_bits(as_32) == 32 - bits
    assert decoded_pcm(as_32)[0] == s32
    if bits == 16:
        as_16 = _encode(s16.astype("<i2").tobytes(), mono16)
        assert _first_subframe_wasted_bits(as_16) == 0
        assert len(as_32) <= 1.1 * len(as_16)  # measured: about 1.05
    assert len(as_32) < len(s32) * bits / 32  # smaller than the converter's own PCM


def test_a_float_microphone_cut_off_by_a_crash_is_still_lossless_flac(
        tmp_path: Path, vault: Vault, interview: str) -> None:
    """A 16-bit converter recorded through the 32-bit path, cut off by a crash: settled at the
    next unlock, a valid FLAC of exactly the committed samples, whose low 16 bits are zero and
    whose top 16 bits are the converter's samples; exported byte for byte."""
    fmt = PcmFormat(48000, 2, "s32")
    s16 = np.frombuffer(speechlike(2.0, PcmFormat(48000, 2, "s16"), seed=3), "<i2")
    pcm = (s16.astype("<i4") << 16).tobytes()
    asset_id = leave_interrupted_recording(vault, interview, fmt=fmt, pcm=pcm)
    vault.lock()
    reopened = unlock(vault.path, PASSPHRASE, state_dir=tmp_path / "state",
                      allow_weak_kdf=True).vault
    try:
        (asset,) = audio.list_assets(reopened, interview)
        assert (asset.id, asset.state, asset.end_reason) == (asset_id, "interrupted", "crash")
        data = b"".join(blobs.iter_chunks(reopened.conn, asset.blob_id))
        assert asset.sha256 == hashlib.sha256(data).hexdigest()
        samples, rate, channels, sample_format = decoded_pcm(data)
        assert (rate, channels, sample_format) == (48000, 2, "s32")
        frames = len(samples) // fmt.bytes_per_frame
        assert frames == round(asset.duration_s * 48000) == flac.count_frames(io.BytesIO(data))
        assert frames >= 1.4 * 48000  # all but the last half second (plus one block)
        assert samples == pcm[:len(samples)]
        decoded = np.frombuffer(samples, "<i4")
        assert not np.any(decoded & 0xFFFF)
        assert np.array_equal(decoded >> 16, s16[:len(decoded)])
        out = tmp_path / "out.flac"
        audio.export_asset(reopened, interview, asset.id, out, role="supervisor")
        assert out.read_bytes() == data
    finally:
        reopened.lock()
