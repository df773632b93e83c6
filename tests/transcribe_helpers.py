"""Helpers for the transcription tests: interviews with audio assets stored as vault blobs."""

from __future__ import annotations

import datetime as dt
import struct
import uuid
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from app.interviews import add_interview
from storage.vault import Vault
from transcription.decode import AudioWindow
from transcription.engine import Segment, WindowInfo, Word

FIXTURES = Path(__file__).parent / "fixtures" / "transcribe"

# What espeak-ng was asked to say for each committed fixture (16 kHz mono FLAC).
EN_FIXTURES = {
    "en_brother.flac": "The guards took my brother away in the winter. We never saw him again.",
    "en_river.flac": "I crossed the river at night and walked for three days until I reached the city.",
}
KO_FIXTURE = ("ko_yodok.flac",
              "저는 요덕 관리소에서 삼 년 동안 일했습니다. 보위부 사람들이 우리 가족을 데려갔습니다.")


def fixture_pcm(name: str) -> np.ndarray:
    """A committed fixture decoded to 16 kHz mono float32."""
    from transcription.decode import iter_blocks

    with open(FIXTURES / name, "rb") as fh:
        return np.concatenate(list(iter_blocks(fh)))


def wav_bytes(samples: np.ndarray, rate: int = 16000) -> bytes:
    """16-bit PCM WAV; ``samples`` is (n,) or (channels, n) float in [-1, 1]."""
    arr = np.atleast_2d(samples)
    channels = arr.shape[0]
    pcm = (np.clip(arr.T, -1, 1) * 32767).astype("<i2").tobytes()
    return wav_header(len(pcm) // (2 * channels), rate, channels) + pcm


def wav_header(frames: int, rate: int = 16000, channels: int = 1) -> bytes:
    size = frames * 2 * channels
    return (b"RIFF" + struct.pack("<I", 36 + size) + b"WAVEfmt "
            + struct.pack("<IHHIIHH", 16, 1, channels, rate, rate * 2 * channels,
                          2 * channels, 16) + b"data" + struct.pack("<I", size))


def room_recording(seconds: int = 90, rate: int = 48_000) -> bytes:
    """A stereo WAV of quiet room noise (-60 dBFS, not digital silence) with the two spoken
    English fixtures in it, at 10 s and 70 s (the GUI latency test and bench/bench_ui.py)."""
    noise = np.random.default_rng(7).normal(0.0, 0.001, seconds * rate).astype(np.float32)
    for at_s, name in ((10, "en_river.flac"), (70, "en_brother.flac")):
        speech = np.repeat(fixture_pcm(name), rate // 16_000)  # 16 kHz -> 48 kHz
        noise[at_s * rate: at_s * rate + len(speech)] += speech
    return wav_bytes(np.vstack([noise, noise]), rate)


def add_asset(vault: Vault, interview_id: str, data: bytes | Iterable[bytes], *,
              container: str | None = "wav", codec: str | None = None,
              sample_rate: int | None = 16000, channels: int | None = 1,
              duration_s: float | None = None) -> str:
    """Store audio bytes as a blob and describe it in an audio_asset row (v1 schema)."""
    writer = vault.blob_writer(kind="audio", on_crash="keep")
    for chunk in ([data] if isinstance(data, bytes) else data):
        writer.write(chunk)
    asset_id = str(uuid.uuid4())

    def row(conn: Any) -> None:
        conn.execute(
            "INSERT INTO audio_asset(id, interview_id, blob_id, source, original_name, container, "
            "codec, sample_rate, channels, duration_s, state, created_at, created_by) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (asset_id, interview_id, writer.id, "import", "test", container, codec, sample_rate,
             channels, duration_s, "complete", dt.datetime.now(dt.UTC).isoformat(), "interviewer"))

    writer.finish(row)
    return asset_id


def interview_with_audio(vault: Vault, samples: np.ndarray, *, code: str = "NK-2026-175",
                         **kw: Any) -> tuple[str, str]:
    iid = add_interview(vault, code=code, role="interviewer")
    n = np.atleast_2d(samples).shape[1]
    aid = add_asset(vault, iid, wav_bytes(samples), duration_s=n / 16000,
                    channels=np.atleast_2d(samples).shape[0], **kw)
    return iid, aid


def tone_bursts(seconds: float, bursts: Sequence[tuple[float, float]], rate: int = 16000,
                channels: int = 1, channel: int = 0) -> np.ndarray:
    """Silence with 440 Hz bursts [(start, end)] (on one channel): cheap stand-in 'speech'."""
    out = np.zeros((channels, int(seconds * rate)), np.float32)
    for start, end in bursts:
        a, b = int(start * rate), int(end * rate)
        t = np.arange(b - a) / rate
        out[channel, a:b] = 0.3 * np.sin(2 * np.pi * 440 * t)
    return out[0] if channels == 1 else out


class FakeEngine:
    """Turns every loud burst into a segment (times to 0.1 s); translation upper-cases."""

    def __init__(self, name: str = "fake", multilingual: bool = True,
                 on_window: Callable[[AudioWindow], None] | None = None) -> None:
        self.name = name
        self.multilingual = multilingual
        self.calls: list[tuple[float, float, str]] = []
        self.languages: list[str | None] = []
        self.on_window = on_window

    def version(self) -> str:
        return "fake 1"

    def parameters(self) -> dict[str, Any]:
        return {"fake": True}

    def transcribe(self, audio: AudioWindow, *, language: str | None, task: str,
                   on_segment: Callable[[Segment], None], cancel: Any) -> WindowInfo:
        self.calls.append((audio.offset_s, audio.end_s, task))
        self.languages.append(language)
        if self.on_window:
            self.on_window(audio)
        loud = np.flatnonzero(np.abs(audio.samples) > 0.05)
        # Group loud samples into bursts (gaps under 10 ms are zero crossings): a burst ends
        # where the next loud sample is 160 or more samples on. Whole arrays, not a Python loop
        # per sample: a few seconds of tone are tens of thousands of loud samples.
        runs: list[tuple[int, int]] = []
        if loud.size:
            gaps = np.flatnonzero(np.diff(loud) >= 160)
            starts = np.concatenate((loud[:1], loud[gaps + 1]))
            ends = np.concatenate((loud[gaps], loud[-1:]))
            runs = list(zip(starts.tolist(), ends.tolist(), strict=True))
        for k, (a, b) in enumerate(runs):
            if cancel.cancelled and k:  # like the real engine: between segments
                from transcription.errors import EngineCancelled
                raise EngineCancelled("engine.cancelled")
            start = round(audio.offset_s + a / 16000, 1)
            end = round(audio.offset_s + b / 16000, 1)
            text = f"speech {start:.1f} to {end:.1f}"
            if task == "translate":
                text = text.upper()
            on_segment(Segment(start, end, text,
                               [Word(start, end, text, 0.9)] if task == "transcribe" else []))
        return WindowInfo(language or "ko", 0.99)


_REAL_ENGINES: dict[str, Any] = {}


def cached_engine(name: str) -> Any:
    """The real Whisper model ``name``, loaded once per test session (loading costs seconds)."""
    from transcription import models
    from transcription.engine import FasterWhisperEngine

    if name not in _REAL_ENGINES:
        _REAL_ENGINES[name] = FasterWhisperEngine(models.load_spec(name), cpu_threads=2)
    return _REAL_ENGINES[name]
