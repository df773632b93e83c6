"""Audio for listening: decode a stored recording from the vault straight into memory.

No temporary file is ever written: PyAV reads the encrypted blob through the vault's seekable
blob reader, and the decoded PCM (16-bit mono, 16 kHz: enough for speech, about 115 MB per hour)
stays in memory until the player drops it. The original stored bytes are never modified.
"""

from __future__ import annotations

from dataclasses import dataclass

import av
import numpy as np

from app.errors import NotFound, UsageError
from app.tasks import CancelToken, ProgressFn, no_progress
from storage.vault import Vault

PLAYBACK_RATE = 16_000


@dataclass(frozen=True)
class PlaybackAudio:
    """Interleaved signed 16-bit little-endian PCM."""

    pcm: bytes
    sample_rate: int
    channels: int

    @property
    def duration_s(self) -> float:
        return len(self.pcm) / (2 * self.channels * self.sample_rate)


def decode_for_playback(vault: Vault, asset_id: str, *, cancel: CancelToken | None = None,
                        progress: ProgressFn = no_progress) -> PlaybackAudio:
    """Decode one audio asset to 16 kHz mono PCM in memory; raises NotFound or UsageError."""
    row = vault.conn.execute(
        "SELECT blob_id, duration_s FROM audio_asset WHERE id = ?", (asset_id,)).fetchone()
    if row is None:
        raise NotFound("That recording is no longer in the vault; refresh the interview.")
    blob_id, duration = str(row[0]), float(row[1] or 0.0)
    chunks: list[bytes] = []
    decoded_s = 0.0
    try:
        with vault.blob_reader(blob_id) as source, av.open(source, mode="r") as container:
            stream = container.streams.audio[0]
            resampler = av.AudioResampler(format="s16", layout="mono", rate=PLAYBACK_RATE)
            for frame in container.decode(stream):
                if cancel is not None:
                    cancel.raise_if_cancelled()
                for out in resampler.resample(frame):
                    chunks.append(out.to_ndarray().astype("<i2").tobytes())
                    decoded_s += out.samples / PLAYBACK_RATE
                if duration > 0:
                    progress(min(0.99, decoded_s / duration), "decoding")
            for out in resampler.resample(None):
                chunks.append(out.to_ndarray().astype("<i2").tobytes())
    except av.error.FFmpegError as exc:
        raise UsageError(
            "This recording could not be decoded for listening; the stored original is "
            "unchanged — export it and check it with another player.") from exc
    progress(1.0, "decoded")
    return PlaybackAudio(b"".join(chunks), PLAYBACK_RATE, 1)


def tone(seconds: float, *, rate: int = PLAYBACK_RATE, freq: float = 440.0) -> PlaybackAudio:
    """A synthetic sine tone (for tests and demos)."""
    t = np.arange(int(seconds * rate), dtype=np.float32) / rate
    samples = (0.2 * np.sin(2 * np.pi * freq * t) * 32767).astype("<i2")
    return PlaybackAudio(samples.tobytes(), rate, 1)
