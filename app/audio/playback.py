"""Audio for listening: decode a stored recording from the vault straight into memory.

No temporary file is ever written: PyAV reads the encrypted blob through the vault's seekable
blob reader, and the decoded 16-bit PCM stays in memory until the player drops it. The original
stored bytes are never modified.

Listening is at the recording's own quality: its sample rate (up to 48 kHz) and its channels
(mono or stereo; more are folded to stereo), because translators catch a hard word by the
detail a telephone-bandwidth copy loses. Only when that copy would not fit the memory budget
(``MEMORY_BUDGET``, 1 GiB: 48 kHz stereo for about an hour and a half) is the rate lowered, then
the channels folded, as little as needed and never below 16 kHz mono.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from app.errors import NotFound, UsageError
from app.tasks import CancelToken, ProgressFn, no_progress
from storage.vault import Vault
from transcription import decode
from transcription.errors import AudioUnreadable

PLAYBACK_RATE = 16_000  # the floor, and the rate of the test tone
MAX_RATE = 48_000
MEMORY_BUDGET = 1 << 30  # bytes of decoded PCM a player may hold
_RATES = (48_000, 44_100, 32_000, 24_000, 22_050, 16_000)


def playback_format(sample_rate: int | None, channels: int | None,
                    duration_s: float | None) -> tuple[int, int]:
    """(rate, channels) to decode a recording to for listening (see the module docstring)."""
    rate = min(MAX_RATE, max(PLAYBACK_RATE, int(sample_rate or PLAYBACK_RATE)))
    chans = 2 if (channels or 1) >= 2 else 1
    seconds = max(0.0, float(duration_s or 0.0))

    def fits(r: int, c: int) -> bool:
        return seconds * r * c * 2 <= MEMORY_BUDGET

    for c in (chans, 1) if chans == 2 else (1,):
        for r in (rate, *(x for x in _RATES if x < rate)):
            if fits(r, c):
                return r, c
    return PLAYBACK_RATE, 1


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
    """Decode one audio asset to PCM in memory at its own quality (``playback_format``);
    raises NotFound or UsageError.

    Uses the same decoder as transcription (transcription.decode), so whatever can be
    transcribed can be listened to, including headerless PCM recordings.
    """
    row = vault.conn.execute(
        "SELECT blob_id, duration_s, container, codec, sample_rate, channels FROM audio_asset "
        "WHERE id = ?", (asset_id,)).fetchone()
    if row is None:
        raise NotFound("playback.recording_longer_vault_refresh")
    blob_id, duration = str(row[0]), float(row[1] or 0.0)
    rate, channels = playback_format(row[4], row[5], duration)
    chunks: list[bytes] = []
    decoded_s = 0.0
    try:
        raw = decode.raw_format_for(row[2], row[3], row[4], row[5])
        with vault.blob_reader(blob_id) as source:
            for block in decode.iter_blocks(source, rate=rate, raw=raw, mono=channels == 1):
                if cancel is not None:
                    cancel.raise_if_cancelled()
                frames = _interleaved(block, channels)
                chunks.append((np.clip(frames, -1.0, 1.0) * 32767).astype("<i2").tobytes())
                decoded_s += len(frames) / (rate * channels)
                if duration > 0:
                    progress(min(0.99, decoded_s / duration), "decoding")
    except AudioUnreadable as exc:
        raise UsageError(
            "playback.recording_could_decoded_listening") from exc
    progress(1.0, "decoded")
    return PlaybackAudio(b"".join(chunks), rate, channels)


def _interleaved(block: np.ndarray, channels: int) -> np.ndarray:
    """Flat interleaved samples from a decoder block: (n,) mono or (source channels, n)."""
    if channels == 1:
        return block.reshape(-1)
    if block.ndim == 1:  # a mono source asked for stereo: both ears the same
        return np.repeat(block, 2)
    if block.shape[0] > 2:  # fold surround to stereo: the rest shared by both sides
        rest = block[2:].mean(axis=0) * 0.5
        block = np.stack([block[0] * 0.5 + rest, block[1] * 0.5 + rest])
    return block[:2].T.reshape(-1)


def tone(seconds: float, *, rate: int = PLAYBACK_RATE, freq: float = 440.0) -> PlaybackAudio:
    """A synthetic sine tone (for tests and demos)."""
    t = np.arange(int(seconds * rate), dtype=np.float32) / rate
    samples = (0.2 * np.sin(2 * np.pi * freq * t) * 32767).astype("<i2")
    return PlaybackAudio(samples.tobytes(), rate, 1)
