"""Raw PCM formats and the streaming WAV header that recordings are stored under.

A recording is stored as a WAV file whose header is written first, with the RIFF and data
sizes set to 0xFFFFFFFF ("unknown length", as streaming encoders do). The header never needs
rewriting when the recording ends, so the stored bytes are final the moment they are committed:
a recording cut off by a crash is still a valid, playable WAV (FFmpeg/PyAV and sox read such
files to their end), and the SHA-256 of a sealed recording covers exactly the bytes that
``audio export`` writes out.
"""

from __future__ import annotations

import struct
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

SampleFormat = Literal["s16", "s32", "f32"]
#: What an input device may offer or prefer (Qt's sample formats, by FFmpeg-style name).
DeviceSampleFormat = Literal["u8", "s16", "s32", "f32", "unknown"]

WAV_HEADER_SIZE = 44
UNKNOWN_SIZE = 0xFFFFFFFF
_CODECS: dict[str, str] = {"s16": "pcm_s16le", "s32": "pcm_s32le", "f32": "pcm_f32le"}
MIN_SAMPLE_RATE = 16000


def device_codec(sample_format: DeviceSampleFormat) -> str:
    """The FFmpeg-style name of a device's sample format (``pcm_f32le``, ``pcm_u8``, ...), as
    the audit log records what the device preferred."""
    return {"u8": "pcm_u8", **_CODECS}.get(sample_format, "unknown")


@dataclass(frozen=True)
class PcmFormat:
    """Interleaved little-endian PCM as delivered by an audio input."""

    sample_rate: int
    channels: int
    sample_format: SampleFormat = "s16"

    def __post_init__(self) -> None:
        if self.sample_format not in _CODECS:
            raise ValueError(f"unsupported sample format {self.sample_format!r}")
        if self.sample_rate < MIN_SAMPLE_RATE:
            raise ValueError(f"sample rate {self.sample_rate} Hz is below {MIN_SAMPLE_RATE} Hz")
        if not 1 <= self.channels <= 8:
            raise ValueError(f"unsupported channel count {self.channels}")

    @property
    def bytes_per_sample(self) -> int:
        return 2 if self.sample_format == "s16" else 4  # s32 and f32: four bytes

    @property
    def bytes_per_frame(self) -> int:
        return self.bytes_per_sample * self.channels

    @property
    def bytes_per_second(self) -> int:
        return self.bytes_per_frame * self.sample_rate

    @property
    def codec(self) -> str:
        """The FFmpeg codec name stored in ``audio_asset.codec``."""
        return _CODECS[self.sample_format]

    @classmethod
    def from_codec(cls, codec: str, sample_rate: int, channels: int) -> PcmFormat:
        for fmt, name in _CODECS.items():
            if name == codec:
                return cls(sample_rate, channels, fmt)  # type: ignore[arg-type]
        raise ValueError(f"not a recording codec: {codec!r}")

    def duration_of(self, data_bytes: int) -> float:
        """Seconds of audio in ``data_bytes`` bytes of PCM (whole frames only)."""
        return (max(0, data_bytes) // self.bytes_per_frame) / self.sample_rate


def capture_sample_format(preferred: DeviceSampleFormat,
                          offered: Iterable[DeviceSampleFormat]) -> SampleFormat:
    """The sample format to ask an input device for, given the one it prefers and the ones it
    offers (``offered`` empty: not known, the preferred one is taken as the only one).

    The microphone's converter delivers integers (8, 16, 24 or 32 bits); float is how the sound
    server (PulseAudio, PipeWire) carries them. So an integer preference is kept as it is (no
    conversion at all), and a device that prefers float (or 8-bit, or an unknown format) is
    asked for 32-bit integers, which carry every sample of any integer converter of up to
    32 bits exactly (a 16- or 24-bit sample is the top bits of the 32-bit one, and FLAC's
    "wasted bits" make the zero low bits cost nothing), then for 16-bit integers when those
    are all it offers. Float samples are kept (then stored as WAV) only when the device offers
    no integer format at all.
    """
    offered = set(offered) or {preferred}
    if preferred in ("s16", "s32"):
        return preferred
    order: tuple[SampleFormat, ...] = ("s16", "s32") if preferred == "u8" else ("s32", "s16")
    for candidate in order:
        if candidate in offered:
            return candidate
    if "f32" in offered:
        return "f32"
    return "s16"  # nothing usable is offered: ask for 16-bit, as for any unknown device


def wav_header(fmt: PcmFormat) -> bytes:
    """A 44-byte WAV header with unknown (0xFFFFFFFF) RIFF and data sizes."""
    format_tag = 3 if fmt.sample_format == "f32" else 1  # IEEE float / integer PCM
    bits = fmt.bytes_per_sample * 8
    return (
        b"RIFF" + struct.pack("<I", UNKNOWN_SIZE) + b"WAVE"
        + b"fmt " + struct.pack("<IHHIIHH", 16, format_tag, fmt.channels, fmt.sample_rate,
                                fmt.bytes_per_second, fmt.bytes_per_frame, bits)
        + b"data" + struct.pack("<I", UNKNOWN_SIZE)
    )


def level(data: bytes | bytearray | memoryview, fmt: PcmFormat) -> tuple[float, float]:
    """(RMS, peak) of a block of PCM, both in [0, 1] of full scale, for a level meter."""
    import numpy as np  # kept out of module import: the CLI's start-up stays fast

    if fmt.sample_format == "s16":
        samples = np.frombuffer(data, dtype="<i2").astype(np.float32) / 32768.0
    elif fmt.sample_format == "s32":
        samples = (np.frombuffer(data, dtype="<i4") / 2147483648.0).astype(np.float32)
    else:
        samples = np.frombuffer(data, dtype="<f4")
    if samples.size == 0:
        return 0.0, 0.0
    peak = float(np.max(np.abs(samples)))
    rms = float(np.sqrt(np.mean(np.square(samples, dtype=np.float64))))
    return min(rms, 1.0), min(peak, 1.0)
