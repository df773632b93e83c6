"""Audio for listening: decode a stored recording from the vault straight into memory.

No temporary file is ever written: PyAV reads the encrypted blob through the vault's seekable
blob reader, and the decoded PCM (16-bit mono, 16 kHz: enough for speech, about 115 MB per hour)
stays in memory until the player drops it. The original stored bytes are never modified.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from app.errors import NotFound, UsageError
from app.tasks import CancelToken, ProgressFn, no_progress
from storage.vault import Vault
from transcription import decode
from transcription.errors import AudioUnreadable

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
    """Decode one audio asset to 16 kHz mono PCM in memory; raises NotFound or UsageError.

    Uses the same decoder as transcription (transcription.decode), so whatever can be
    transcribed can be listened to, including headerless PCM recordings.
    """
    row = vault.conn.execute(
        "SELECT blob_id, duration_s, container, codec, sample_rate, channels FROM audio_asset "
        "WHERE id = ?", (asset_id,)).fetchone()
    if row is None:
        raise NotFound("playback.recording_longer_vault_refresh")
    blob_id, duration = str(row[0]), float(row[1] or 0.0)
    chunks: list[bytes] = []
    decoded_s = 0.0
    try:
        raw = decode.raw_format_for(row[2], row[3], row[4], row[5])
        with vault.blob_reader(blob_id) as source:
            for block in decode.iter_blocks(source, rate=PLAYBACK_RATE, raw=raw):
                if cancel is not None:
                    cancel.raise_if_cancelled()
                chunks.append((np.clip(block, -1.0, 1.0) * 32767).astype("<i2").tobytes())
                decoded_s += len(block) / PLAYBACK_RATE
                if duration > 0:
                    progress(min(0.99, decoded_s / duration), "decoding")
    except AudioUnreadable as exc:
        raise UsageError(
            "playback.recording_could_decoded_listening") from exc
    progress(1.0, "decoded")
    return PlaybackAudio(b"".join(chunks), PLAYBACK_RATE, 1)


def tone(seconds: float, *, rate: int = PLAYBACK_RATE, freq: float = 440.0) -> PlaybackAudio:
    """A synthetic sine tone (for tests and demos)."""
    t = np.arange(int(seconds * rate), dtype=np.float32) / rate
    samples = (0.2 * np.sin(2 * np.pi * freq * t) * 32767).astype("<i2")
    return PlaybackAudio(samples.tobytes(), rate, 1)
