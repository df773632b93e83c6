"""Small audio (and video-with-audio) clips generated with PyAV at test time.

Nothing is committed: each clip is a few seconds of a tone glide plus noise (distinctive bytes),
encoded to the format the importer must accept.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import av
import numpy as np

# name -> (file suffix, container format, audio codec, sample rate, with video)
FORMATS: dict[str, tuple[str, str, str, int, bool]] = {
    "wav": (".wav", "wav", "pcm_s16le", 44100, False),
    "flac": (".flac", "flac", "flac", 48000, False),
    "mp3": (".mp3", "mp3", "libmp3lame", 44100, False),
    "m4a-aac": (".m4a", "ipod", "aac", 48000, False),
    "ogg-opus": (".opus", "ogg", "libopus", 48000, False),
    "mp4-video": (".mp4", "mp4", "aac", 48000, True),
    "mov-video": (".mov", "mov", "aac", 44100, True),
}


def signal(seconds: float, rate: int, seed: int = 7) -> np.ndarray:
    """A glide from 200 to 2000 Hz with a little noise, as int16 samples."""
    rng = np.random.default_rng(seed)
    t = np.arange(int(seconds * rate)) / rate
    freq = 200 + 1800 * t / max(seconds, 1e-9)
    x = 0.4 * np.sin(2 * np.pi * np.cumsum(freq) / rate) + 0.05 * rng.standard_normal(t.size)
    return (np.clip(x, -1, 1) * 32767).astype(np.int16)


def make_clip(path: Path, kind: str, seconds: float = 2.0) -> Path:
    """Encode ``seconds`` of the test signal as ``kind`` (a key of FORMATS) into ``path``."""
    _suffix, fmt, codec, rate, video = FORMATS[kind]
    samples = signal(seconds, rate)
    with av.open(str(path), "w", format=fmt) as out:
        vstream = None
        if video:
            vstream = out.add_stream("mpeg4", rate=10)
            vstream.width, vstream.height, vstream.pix_fmt = 64, 48, "yuv420p"
        astream = out.add_stream(codec, rate=rate, layout="mono")
        frame_size = astream.codec_context.frame_size or 1024
        pts = 0
        for start in range(0, len(samples), frame_size):
            block = samples[start:start + frame_size]
            frame = av.AudioFrame.from_ndarray(block[None, :], format="s16", layout="mono")
            frame.sample_rate = rate
            frame.pts = pts
            frame.time_base = Fraction(1, rate)
            pts += len(block)
            for packet in astream.encode(frame):
                out.mux(packet)
        for packet in astream.encode(None):
            out.mux(packet)
        if vstream is not None:
            for i in range(int(seconds * 10)):
                img = np.full((48, 64, 3), (i * 9) % 255, np.uint8)
                vframe = av.VideoFrame.from_ndarray(img, format="rgb24")
                vframe.pts = i
                for packet in vstream.encode(vframe):
                    out.mux(packet)
            for packet in vstream.encode(None):
                out.mux(packet)
    return path


def make_video_only(path: Path, seconds: float = 1.0) -> Path:
    """An MP4 with a video track and no audio."""
    with av.open(str(path), "w", format="mp4") as out:
        vstream = out.add_stream("mpeg4", rate=10)
        vstream.width, vstream.height, vstream.pix_fmt = 64, 48, "yuv420p"
        for i in range(int(seconds * 10)):
            vframe = av.VideoFrame.from_ndarray(np.zeros((48, 64, 3), np.uint8), format="rgb24")
            vframe.pts = i
            for packet in vstream.encode(vframe):
                out.mux(packet)
        for packet in vstream.encode(None):
            out.mux(packet)
    return path


def make_long_wav(path: Path, seconds: float, rate: int = 16000) -> Path:
    """A long mono 16-bit WAV written block by block (cheap; low-entropy repeated signal)."""
    block = signal(10.0, rate).tobytes()
    total = int(seconds * rate) * 2
    header = _wav_header(rate, total)
    with open(path, "wb") as fh:
        fh.write(header)
        written = 0
        while written < total:
            chunk = block[: total - written]
            fh.write(chunk)
            written += len(chunk)
    return path


def _wav_header(rate: int, data_bytes: int) -> bytes:
    import struct

    return (b"RIFF" + struct.pack("<I", 36 + data_bytes) + b"WAVE"
            + b"fmt " + struct.pack("<IHHIIHH", 16, 1, 1, rate, rate * 2, 2, 16)
            + b"data" + struct.pack("<I", data_bytes))
