"""Decoding stored audio: containers, raw PCM, exact resume offsets, windows, channels, playback."""

from __future__ import annotations

import io

import av
import numpy as np
import pytest

from app.audio.playback import decode_for_playback
from app.interviews import add_interview
from storage.vault import Vault
from tests.transcribe_helpers import add_asset, tone_bursts, wav_bytes
from transcription import decode
from transcription.errors import AudioUnreadable


def _encode(fmt: str, codec: str, samples: np.ndarray, rate: int) -> bytes:
    """Encode mono float audio into a container in memory with PyAV."""
    buf = io.BytesIO()
    with av.open(buf, mode="w", format=fmt) as out:
        stream = out.add_stream(codec, rate=rate)
        stream.layout = "mono"
        frame_size = 960 if codec == "libopus" else 1152
        pts = 0
        for i in range(0, len(samples), frame_size):
            block = samples[i: i + frame_size].astype(np.float32).reshape(1, -1)
            frame = av.AudioFrame.from_ndarray(block, format="flt", layout="mono")
            frame.sample_rate = rate
            frame.pts = pts
            pts += block.shape[1]
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    return buf.getvalue()


@pytest.mark.parametrize("fmt, codec, rate", [
    ("wav", "pcm_s16le", 44100), ("flac", "flac", 44100), ("mp3", "libmp3lame", 44100),
    ("ogg", "libopus", 48000), ("ipod", "aac", 44100), ("mp4", "aac", 44100)])
def test_containers_decode_from_the_vault_at_16k_mono(vault: Vault, fmt: str, codec: str,
                                                      rate: int) -> None:
    audio = tone_bursts(4, [(1, 2)], rate=rate)
    try:
        data = _encode(fmt, codec, audio, rate)
    except (av.error.FFmpegError, ValueError) as exc:  # pragma: no cover - depends on PyAV build
        pytest.skip(f"this PyAV build cannot encode {codec} ({exc})")
    iid = add_interview(vault, code="NK-2026-401", role="interviewer")
    aid = add_asset(vault, iid, data, container=fmt, sample_rate=rate, channels=1)
    blob = vault.conn.execute("SELECT blob_id FROM audio_asset WHERE id = ?", (aid,)).fetchone()[0]
    with vault.blob_reader(blob) as fh:
        info = decode.probe(fh)
        pcm = np.concatenate(list(decode.iter_blocks(fh)))
    assert info.sample_rate == rate and info.channels == 1
    assert abs(len(pcm) / 16000 - 4) < 0.2  # encoder padding only
    # The burst is where it was: loud between 1 s and 2 s (codec delay under 60 ms).
    loud = np.flatnonzero(np.abs(pcm) > 0.1) / 16000
    assert 0.95 < loud[0] < 1.07 and 1.9 < loud[-1] < 2.07


def test_start_offset_is_sample_exact(tmp_path: object) -> None:
    rng = np.random.default_rng(1)
    audio = (rng.standard_normal(16000 * 5) * 0.1).astype(np.float32)
    data = wav_bytes(audio)
    whole = np.concatenate(list(decode.iter_blocks(io.BytesIO(data))))
    for start in (0.5, 1.23456, 3.0):
        part = np.concatenate(list(decode.iter_blocks(io.BytesIO(data), start_s=start)))
        offset = round(start * 16000)
        assert np.array_equal(part, whole[offset:])


def test_windows_are_cut_in_silence_and_resume_reproduces_them() -> None:
    bursts = [(1, 58), (59.5, 119.2), (119.6, 170)]  # quiet gaps near each window's end
    data = wav_bytes(tone_bursts(180, bursts))
    windows = list(decode.iter_windows(io.BytesIO(data), window_s=60, search_s=15))
    assert [w.is_last for w in windows] == [False] * (len(windows) - 1) + [True]
    for w in windows[:-1]:
        end = w.end_s
        assert not any(a < end < b for a, b in bursts), end
        assert 45 <= w.end_s - w.offset_s <= 60
    total = sum(len(w.samples) for w in windows)
    assert total == 180 * 16000
    again = list(decode.iter_windows(io.BytesIO(data), start_s=windows[1].offset_s,
                                     window_s=60, search_s=15))
    assert [(w.offset_s, len(w.samples)) for w in again] == \
        [(w.offset_s, len(w.samples)) for w in windows[1:]]
    assert all(np.array_equal(a.samples, b.samples) for a, b in zip(again, windows[1:]))


def test_raw_pcm_described_by_the_asset_row() -> None:
    audio = tone_bursts(3, [(1, 2)], rate=48000, channels=2)
    raw = decode.raw_format_for("raw", "pcm_f32le", 48000, 2)
    assert raw is not None
    data = audio.T.astype("<f4").tobytes()
    assert decode.probe(io.BytesIO(data), raw).duration_s == pytest.approx(3)
    pcm = np.concatenate(list(decode.iter_blocks(io.BytesIO(data), raw=raw)))
    assert abs(len(pcm) - 3 * 16000) < 50
    assert decode.raw_format_for("wav", "pcm_s16le", 48000, 2) is None
    with pytest.raises(AudioUnreadable):
        decode.raw_format_for("raw", "pcm_s16le", None, 2)


def test_garbage_is_one_sentence() -> None:
    with pytest.raises(AudioUnreadable, match=r"^The stored audio could not be decoded"):
        list(decode.iter_blocks(io.BytesIO(b"\x00garbage" * 1000)))


def test_channel_energy_per_span() -> None:
    left = tone_bursts(4, [(0, 1)], channels=2, channel=0)
    right = tone_bursts(4, [(2, 3)], channels=2, channel=1)
    power = decode.channel_energy(io.BytesIO(wav_bytes(left + right)), [(0, 1), (2, 3), (3.2, 4)])
    assert power[0][0] > 100 * max(power[0][1], 1e-9)
    assert power[1][1] > 100 * max(power[1][0], 1e-9)
    assert max(power[2]) < 1e-6


def test_playback_uses_the_same_decoder_for_raw_and_wav(vault: Vault) -> None:
    iid = add_interview(vault, code="PLAY-2026-183", role="interviewer")
    audio = tone_bursts(2, [(0.5, 1.5)])
    wav = add_asset(vault, iid, wav_bytes(audio), duration_s=2.0)
    raw = add_asset(vault, iid, (audio * 32767).astype("<i2").tobytes(), container="raw",
                    codec="pcm_s16le", sample_rate=16000, channels=1, duration_s=2.0)
    a, b = decode_for_playback(vault, wav), decode_for_playback(vault, raw)
    assert a.sample_rate == 16000 and a.duration_s == pytest.approx(2.0, abs=0.01)
    assert a.pcm == b.pcm
