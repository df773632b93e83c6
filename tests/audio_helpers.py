"""Helpers shared by the audio tests: decoding stored audio, plaintext searches, fixtures."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING, Any

import av
import numpy as np

from storage import blobs
from storage.vault import Vault

if TYPE_CHECKING:
    from app.audio.pcm import PcmFormat
    from app.audio.recording import RecordingResult, RecordingSession


class FakeClock:
    """A clock a test moves by hand (``RecordingSession(clock=...)``)."""

    def __init__(self) -> None:
        self.t = 0.0

    def __call__(self) -> float:
        return self.t


def speechlike(seconds: float, fmt: PcmFormat, seed: int = 0) -> bytes:
    """Noisy, changing PCM (harder to compress than a tone), full scale for the sample size."""
    rng = np.random.default_rng(seed)
    n = round(seconds * fmt.sample_rate)
    t = np.arange(n) / fmt.sample_rate
    voice = 0.4 * np.sin(2 * np.pi * (150 + 80 * np.sin(2 * np.pi * 0.7 * t)) * t)
    frames = np.stack([voice * (0.6 + 0.4 * c) + 0.05 * rng.standard_normal(n)
                       for c in range(fmt.channels)], axis=1)
    scale = 32767 if fmt.sample_format == "s16" else 2147483647
    dtype = "<i2" if fmt.sample_format == "s16" else "<i4"
    return (np.clip(frames, -1, 1) * scale).astype(dtype).tobytes()


def feed(session: RecordingSession, data: bytes, clock: FakeClock, block: int = 4096) -> None:
    """Deliver ``data`` in blocks of ``block`` bytes (an odd size splits frames across writes),
    as fast as real time (the fake clock follows the audio)."""
    for i in range(0, len(data), block):
        session.write(data[i:i + block])
        clock.t += len(data[i:i + block]) / session.fmt.bytes_per_second


def record_in_pieces(vault: Vault, interview: str, fmt: PcmFormat, sizes: list[int],
                     **session_args: Any) -> tuple[RecordingResult, bytes, bytes]:
    """Record deterministic bytes delivered in pieces of ``sizes`` bytes (empty, odd, split
    mid-frame, across chunks), the clock moving 0.3 s per piece. Returns the result, the whole
    frames that were fed (what must have been kept) and the stored bytes."""
    from app.audio.recording import RecordingSession

    clock = FakeClock()
    data = bytes((i * 7919) % 251 for i in range(sum(sizes)))
    session = RecordingSession(vault, interview, fmt, role="interviewer", clock=clock,
                               **session_args)
    offset = 0
    for size in sizes:
        session.write(data[offset:offset + size])
        offset += size
        clock.t += 0.3
    result = session.stop()
    whole = len(data) - len(data) % fmt.bytes_per_frame
    blob_id = vault.conn.execute("SELECT blob_id FROM audio_asset WHERE id = ?",
                                 (result.asset_id,)).fetchone()[0]
    return result, data[:whole], b"".join(blobs.iter_chunks(vault.conn, blob_id))


def decode_blob(vault: Vault, blob_id: str) -> tuple[np.ndarray, int]:
    """All of a stored asset's audio as float32 [channels, samples], and its sample rate."""
    with av.open(io.BufferedReader(vault.blob_reader(blob_id))) as container:
        return decode_container(container)


def decode_file(path: Path) -> tuple[np.ndarray, int]:
    with av.open(str(path)) as container:
        return decode_container(container)


def decode_container(container: av.container.InputContainer) -> tuple[np.ndarray, int]:
    stream = container.streams.audio[0]
    rate = stream.codec_context.sample_rate
    channels = stream.codec_context.layout.nb_channels
    resampler = av.AudioResampler(format="fltp", layout=stream.codec_context.layout, rate=rate)
    chunks = []
    for frame in container.decode(stream):
        for out in resampler.resample(frame):
            chunks.append(out.to_ndarray())
    for out in resampler.resample(None):
        chunks.append(out.to_ndarray())
    if not chunks:
        return np.zeros((channels, 0), np.float32), rate
    return np.concatenate(chunks, axis=1).astype(np.float32), rate


def distinctive_runs(data: bytes, *, count: int = 4, length: int = 64) -> list[bytes]:
    """Byte runs of ``data`` that occur in it only once and are far from constant (so not
    silence, which repeats everywhere), for searching the disk for plaintext."""
    runs: list[bytes] = []
    step = length
    candidates = []
    for start in range(0, len(data) - length, step):
        run = data[start:start + length]
        candidates.append((len(set(run)), start, run))
    candidates.sort(reverse=True)
    for _, _, run in candidates:
        if len(set(run)) >= 8 and run not in runs and data.count(run) == 1:
            runs.append(run)
        if len(runs) == count:
            break
    assert len(runs) == count, "fixture audio is too uniform to search for"
    return runs


def find_plaintext(folders: list[Path], runs: list[bytes]) -> list[str]:
    """Every file under ``folders`` containing one of ``runs``; returns 'path: run#' hits."""
    hits: list[str] = []
    for folder in folders:
        if not folder.exists():
            continue
        for path in folder.rglob("*"):
            if not path.is_file() or path.is_symlink():
                continue
            try:
                data = path.read_bytes()
            except OSError:
                continue
            for i, run in enumerate(runs):
                if run in data:
                    hits.append(f"{path}: run {i}")
    return hits


def active_span(samples: np.ndarray, rate: int, threshold: float = 0.02,
                window_s: float = 0.05) -> tuple[float, float]:
    """(first, last) second where the signal's windowed peak exceeds ``threshold``."""
    mono = np.abs(samples).max(axis=0) if samples.ndim == 2 else np.abs(samples)
    window = int(rate * window_s)
    n = len(mono) // window
    env = mono[: n * window].reshape(n, window).max(axis=1)
    active = np.nonzero(env > threshold)[0]
    if active.size == 0:
        return 0.0, 0.0
    return active[0] * window_s, (active[-1] + 1) * window_s


def leave_interrupted_recording(vault: Vault, interview_id: str, seconds: float = 1.5, *,
                                fmt: PcmFormat | None = None, pcm: bytes | None = None) -> str:
    """What a crash mid-recording leaves: committed audio, the writer's lock free, nothing
    sealed (the asset says 'recording' until an unlock settles it). Records ``pcm`` in
    ``fmt`` (default: ``seconds`` of 16 kHz mono 16-bit silence). Returns the asset id."""
    from app.audio.pcm import PcmFormat
    from app.audio.recording import RecordingSession

    clock = FakeClock()
    fmt = fmt or PcmFormat(16000, 1, "s16")
    if pcm is None:
        pcm = bytes(int(seconds * fmt.sample_rate) * fmt.bytes_per_frame)
    session = RecordingSession(vault, interview_id, fmt, role="interviewer", clock=clock)
    feed(session, pcm, clock)
    assert session.committed_s > 0
    session._writer.release()
    session.conn.close()
    return session.asset_id


def decoded_pcm(data: bytes) -> tuple[bytes, int, int, str]:
    """Decode a FLAC stream to its integer samples, interleaved, as bytes; with rate, channels,
    and the decoder's sample format."""
    with av.open(io.BytesIO(data), format="flac") as c:
        stream = c.streams.audio[0]
        parts = [f.to_ndarray().reshape(-1) for f in c.decode(stream)]
        ctx = stream.codec_context
        pcm = np.concatenate(parts).tobytes() if parts else b""
        return pcm, int(ctx.sample_rate), int(ctx.layout.nb_channels), str(ctx.format.name)


def envelope(x: np.ndarray, rate: int, hop_s: float = 0.01, smooth: int = 5) -> np.ndarray:
    """RMS per 10 ms, smoothed over 50 ms (tolerant of resampling and scheduling jitter)."""
    w = int(rate * hop_s)
    n = len(x) // w
    rms = np.sqrt(np.mean(np.square(x[: n * w].reshape(n, w)), axis=1))
    return np.convolve(rms, np.ones(smooth) / smooth, mode="same")


def correlation(recorded: np.ndarray, rate: int, fixture: np.ndarray, fixture_rate: int) -> float:
    """Best Pearson correlation of the fixture's loudness contour within the recording:
    near 1 only if the whole sentence is there, in order, without gaps."""
    rec, ref = envelope(recorded, rate), envelope(fixture, fixture_rate)
    best = -1.0
    for lag in range(0, len(rec) - len(ref) + 1):
        seg = rec[lag:lag + len(ref)]
        if seg.std() > 0:
            best = max(best, float(np.corrcoef(seg, ref)[0, 1]))
    return best


def find_input(qtbot: Any, name: str) -> Any:
    """The Qt input device whose id or description holds ``name``, waiting (up to 15 s) for
    Qt's device list to show a source just loaded into PulseAudio."""
    from PySide6.QtMultimedia import QMediaDevices

    found: list[Any] = []

    def present() -> bool:
        found[:] = [d for d in QMediaDevices.audioInputs()
                    if name in (bytes(d.id().data()).decode(errors="replace"), d.description())
                    or name in d.description()]
        return bool(found)

    qtbot.waitUntil(present, timeout=15000)
    return found[0]


def keep_delivered(monkeypatch: Any) -> list[bytes]:
    """Every block of PCM the capture hands to a RecordingSession, in order (the session still
    stores it): what the device delivered, to compare with what was stored."""
    from app.audio.recording import RecordingSession

    delivered: list[bytes] = []
    original = RecordingSession.write

    def keep(self: RecordingSession, data: bytes | bytearray | memoryview) -> None:
        delivered.append(bytes(data))
        original(self, data)

    monkeypatch.setattr(RecordingSession, "write", keep)
    return delivered
