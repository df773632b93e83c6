"""Decode stored audio into PCM in memory, a block at a time, and cut it into windows.

Input is any seekable binary file object (``vault.blob_reader(blob_id)``): containers PyAV
reads (WAV, FLAC, MP3, M4A, OGG, MP4 ...) or headerless PCM described by a ``RawFormat`` (how a
recording may be stored). Nothing is ever written to disk: the decoder pulls bytes from the
encrypted store and hands out float32 arrays.

Memory stays flat with recording length: ``iter_blocks`` yields about one second at a time and
``iter_windows`` keeps at most one window (about five minutes, 19 MB of float32) in memory.

Why five minutes: Whisper decodes 30 s chunks of speech, and the last chunk of each window is
only partly filled, so every window boundary costs encoder work that faster-whisper alone on
the whole recording does not do. With one-minute windows the engine took 7-10 % more CPU than
one decode of the same three minutes (measured, docs/benchmarks.md); a window of five minutes
makes recordings up to that length one decode, exactly as faster-whisper alone, and longer ones
pay the boundary once per five minutes. The price: a cancelled or killed job redoes up to one
window (see app.transcripts.transcribe).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Protocol

import av
import numpy as np

from transcription.errors import AudioUnreadable

SAMPLE_RATE = 16000  # what Whisper expects
WINDOW_S = 300.0  # a window is cut near this length ...
SEARCH_S = 30.0  # ... at the quietest point of its last SEARCH_S seconds
SILENCE_PEAK = 1e-4  # below this peak a window is digital silence
FRAME_S = 0.1  # energy frame used to find that point


_RAW_DTYPES: dict[str, Any] = {
    "pcm_s16le": np.dtype("<i2"),
    "pcm_s32le": np.dtype("<i4"),
    "pcm_f32le": np.dtype("<f4"),
    "s16le": np.dtype("<i2"),
    "s32le": np.dtype("<i4"),
    "f32le": np.dtype("<f4"),
}


class Source(Protocol):
    """A seekable binary reader, e.g. ``vault.blob_reader(blob_id)`` or an open file."""

    def read(self, size: int = -1, /) -> bytes | None: ...

    def seek(self, offset: int, whence: int = 0, /) -> int: ...


@dataclass(frozen=True)
class RawFormat:
    """Headerless interleaved PCM (e.g. a recording stored as raw frames)."""

    codec: str
    sample_rate: int
    channels: int

    @property
    def dtype(self) -> Any:
        try:
            return _RAW_DTYPES[self.codec]
        except KeyError:
            raise AudioUnreadable("decode.audio_unreadable",
                                  why=f"unknown PCM format {self.codec}") from None


def raw_format_for(container: str | None, codec: str | None, sample_rate: int | None,
                   channels: int | None) -> RawFormat | None:
    """A RawFormat when an audio_asset row describes headerless PCM, else None (a container)."""
    if (container or "").lower() in ("raw", "pcm") or (
            not container and (codec or "").lower() in _RAW_DTYPES):
        if not sample_rate or not channels:
            raise AudioUnreadable("decode.audio_unreadable", why="raw PCM without rate or channels")
        return RawFormat((codec or "pcm_s16le").lower(), int(sample_rate), int(channels))
    return None


@dataclass(frozen=True)
class AudioFormat:
    sample_rate: int
    channels: int
    duration_s: float | None


@dataclass(frozen=True)
class AudioWindow:
    """A stretch of 16 kHz mono audio; ``offset_s`` is where it starts in the recording."""

    offset_s: float
    samples: np.ndarray  # float32, shape (n,)
    is_last: bool

    @property
    def end_s(self) -> float:
        return self.offset_s + len(self.samples) / SAMPLE_RATE

    @property
    def start_sample(self) -> int:
        return round(self.offset_s * SAMPLE_RATE)


def _open(fileobj: Source) -> Any:
    fileobj.seek(0)
    try:
        return av.open(fileobj, mode="r")
    except (av.error.FFmpegError, ValueError) as exc:
        raise AudioUnreadable("decode.audio_unreadable", why=type(exc).__name__) from exc


def probe(fileobj: Source, raw: RawFormat | None = None) -> AudioFormat:
    """Sample rate, channels and duration (None if the container does not say)."""
    if raw is not None:
        size = fileobj.seek(0, 2)
        fileobj.seek(0)
        frames = size // (raw.dtype.itemsize * raw.channels)
        return AudioFormat(raw.sample_rate, raw.channels, frames / raw.sample_rate)
    container = _open(fileobj)
    try:
        if not container.streams.audio:
            raise AudioUnreadable("decode.audio_unreadable", why="no audio stream")
        stream = container.streams.audio[0]
        duration: float | None = None
        if stream.duration is not None and stream.time_base is not None:
            duration = float(stream.duration * stream.time_base)
        elif container.duration is not None:
            duration = container.duration / 1_000_000
        return AudioFormat(int(stream.rate), int(stream.channels), duration)
    finally:
        container.close()


def iter_blocks(fileobj: Source, *, start_s: float = 0.0, rate: int = SAMPLE_RATE,
                mono: bool = True, raw: RawFormat | None = None) -> Iterator[np.ndarray]:
    """Yield float32 PCM from ``start_s`` on: shape (n,) if ``mono`` else (channels, n).

    Samples before ``start_s`` are dropped exactly (in the source's own sample rate) so a resumed
    job sees the same audio as an uninterrupted one.
    """
    if raw is not None:
        yield from _iter_raw(fileobj, start_s=start_s, rate=rate, mono=mono, raw=raw)
        return
    container = _open(fileobj)
    try:
        if not container.streams.audio:
            raise AudioUnreadable("decode.audio_unreadable", why="no audio stream")
        stream = container.streams.audio[0]
        src_rate = int(stream.rate)
        layout = "mono" if mono else stream.layout.name
        resampler = av.AudioResampler(format="fltp", layout=layout, rate=rate)
        skip_until = round(start_s * src_rate)  # source samples to drop
        position = 0  # source sample index of the next decoded frame
        if start_s > 0 and stream.time_base is not None:
            try:
                container.seek(int(start_s / stream.time_base), stream=stream, backward=True)
                position = -1  # learn it from the first frame's pts
            except av.error.FFmpegError:
                fileobj.seek(0)
                container.close()
                container = _open(fileobj)
                stream = container.streams.audio[0]
        for frame in _decode(container, stream):
            if position < 0:
                if frame.pts is None or frame.time_base is None:
                    raise AudioUnreadable("decode.audio_unreadable", why="cannot seek in this file")
                position = round(frame.pts * frame.time_base * src_rate)
            n = frame.samples
            if position + n <= skip_until:
                position += n
                continue
            drop = max(0, skip_until - position)
            position += n
            if drop:
                frame = _drop_leading(frame, drop)
            for out in resampler.resample(frame):
                yield _shape(out.to_ndarray(), mono)
        for out in resampler.resample(None):
            yield _shape(out.to_ndarray(), mono)
    except av.error.FFmpegError as exc:
        raise AudioUnreadable("decode.audio_unreadable", why=type(exc).__name__) from exc
    finally:
        container.close()


def _decode(container: Any, stream: Any) -> Iterator[Any]:
    for packet in container.demux(stream):
        yield from packet.decode()


def _drop_leading(frame: Any, drop: int) -> Any:
    """The same frame without its first ``drop`` samples, in the same sample format."""
    arr = frame.to_ndarray()
    channels = len(frame.layout.channels)
    arr = arr[:, drop:] if frame.format.is_planar else arr[:, drop * channels:]
    out = av.AudioFrame.from_ndarray(np.ascontiguousarray(arr), format=frame.format.name,
                                     layout=frame.layout.name)
    out.sample_rate = frame.sample_rate
    return out


def _shape(arr: np.ndarray, mono: bool) -> np.ndarray:
    arr = arr.astype(np.float32, copy=False)
    return arr.reshape(-1) if mono else arr


def _iter_raw(fileobj: Source, *, start_s: float, rate: int, mono: bool,
              raw: RawFormat) -> Iterator[np.ndarray]:
    frame_bytes = raw.dtype.itemsize * raw.channels
    fileobj.seek(round(start_s * raw.sample_rate) * frame_bytes)
    layout = "mono" if mono else ("stereo" if raw.channels == 2 else f"{raw.channels}c")
    resampler = av.AudioResampler(format="fltp", layout=layout, rate=rate)
    in_layout = {1: "mono", 2: "stereo"}.get(raw.channels, f"{raw.channels}c")
    block = raw.sample_rate * frame_bytes  # one second
    fmt = {"<i2": "s16", "<i4": "s32", "<f4": "flt"}[raw.dtype.str]
    while True:
        data = fileobj.read(block) or b""
        usable = len(data) - len(data) % frame_bytes
        if usable <= 0:
            break
        arr = np.frombuffer(data[:usable], dtype=raw.dtype).reshape(1, -1)
        frame = av.AudioFrame.from_ndarray(arr, format=fmt, layout=in_layout)
        frame.sample_rate = raw.sample_rate
        for out in resampler.resample(frame):
            yield _shape(out.to_ndarray(), mono)
    for out in resampler.resample(None):
        yield _shape(out.to_ndarray(), mono)


def quietest_cut(samples: np.ndarray, lo: int, hi: int) -> int:
    """Sample index in [lo, hi) at the centre of the lowest-energy FRAME_S frame.

    Cutting windows in the quietest place keeps words whole without a second VAD pass; ties go to
    the latest frame so windows stay as long as possible.
    """
    frame = int(FRAME_S * SAMPLE_RATE)
    count = max(1, (hi - lo) // frame)
    region = samples[lo: lo + count * frame].reshape(count, -1)
    energy = np.einsum("ij,ij->i", region, region)
    best = int(count - 1 - np.argmin(energy[::-1]))
    return lo + best * frame + frame // 2


def iter_windows(fileobj: Source, *, start_s: float = 0.0, raw: RawFormat | None = None,
                 window_s: float | None = None,
                 search_s: float | None = None) -> Iterator[AudioWindow]:
    """Cut the recording from ``start_s`` into windows of about ``window_s`` seconds.

    Each window but the last ends at the quietest 0.1 s of its last ``search_s`` seconds
    (defaults: ``WINDOW_S`` and ``SEARCH_S``, read when called). Cut points depend only on the
    audio after ``start_s``; so resuming from a window's end reproduces exactly the windows an
    uninterrupted run would have made.
    """
    window_s = WINDOW_S if window_s is None else window_s
    search_s = min(SEARCH_S if search_s is None else search_s, window_s / 2)
    target = int(window_s * SAMPLE_RATE)
    lo = int((window_s - search_s) * SAMPLE_RATE)
    start = round(start_s * SAMPLE_RATE)
    # The window fills one preallocated buffer (no list of blocks joined into a second copy);
    # a full window is handed out as it is and the next one gets a fresh buffer, so the app
    # holds one window while the engine works on it (pages of np.empty are only taken when
    # written).
    buf = np.empty(target + SAMPLE_RATE, np.float32)
    held = 0
    for block in iter_blocks(fileobj, start_s=start_s, raw=raw):
        if held + len(block) > len(buf):  # a decoder's block longer than a second
            buf = np.concatenate([buf[:held], np.empty(len(block) + SAMPLE_RATE, np.float32)])
        buf[held: held + len(block)] = block
        held += len(block)
        while held >= target:
            cut = quietest_cut(buf, lo, target)
            rest = buf[cut:held]  # at most the search margin and a block
            full, buf = buf, np.empty(max(target + SAMPLE_RATE, len(rest)), np.float32)
            buf[: len(rest)] = rest
            held = len(rest)
            window = AudioWindow(start / SAMPLE_RATE, full[:cut], False)
            del full, rest
            yield window
            del window
            start += cut
    yield AudioWindow(start / SAMPLE_RATE, buf[:held], True)


def is_silent(samples: np.ndarray, threshold: float = SILENCE_PEAK) -> bool:
    """True when no sample rises above ``threshold`` (about -80 dBFS): nothing to transcribe."""
    # max and min, not max(abs()): no temporary copy of a five-minute window
    return len(samples) == 0 or max(float(samples.max()), -float(samples.min())) < threshold


def channel_energy(fileobj: Source, spans: list[tuple[float, float]],
                   raw: RawFormat | None = None) -> list[list[float]]:
    """Mean power per channel over each (start_s, end_s) span, in one pass over the audio."""
    result = [[0.0] for _ in spans]
    if not spans:
        return []
    order = sorted(range(len(spans)), key=lambda i: spans[i][0])
    sums: dict[int, np.ndarray] = {}
    counts: dict[int, int] = {}
    pos = 0
    rate = SAMPLE_RATE
    for block in iter_blocks(fileobj, mono=False, raw=raw):
        n = block.shape[1]
        for i in order:
            s, e = round(spans[i][0] * rate), round(spans[i][1] * rate)
            a, b = max(s, pos), min(e, pos + n)
            if a >= b:
                continue
            part = block[:, a - pos: b - pos]
            sums[i] = sums.get(i, np.zeros(block.shape[0])) + np.einsum("ij,ij->i", part, part)
            counts[i] = counts.get(i, 0) + (b - a)
        pos += n
    for i in range(len(spans)):
        if i in sums and counts[i]:
            result[i] = [float(x) / counts[i] for x in sums[i]]
    return result


def to_db(power: float) -> float:
    return 10 * math.log10(max(power, 1e-12))
