"""Slow down or speed up speech without changing its pitch (WSOLA).

Waveform-similarity overlap-add: the output is built from overlapping windows of the input,
read at ``rate`` times the output's pace; each window is shifted by up to ``tolerance`` to the
place where it best continues what was already written, so voices keep their pitch and no
phase clicks appear. This is what transcription players (Express Scribe, oTranscribe) do for
"slow down"; playing at a changed sample rate instead lowers the voice like a tape machine.

Pure NumPy on 16-bit interleaved PCM; used by the player on a window ahead of the position.
"""

from __future__ import annotations

import numpy as np

FRAME_S = 0.040  # analysis window: longer than a voice's pitch period, shorter than a syllable
TOLERANCE_S = 0.010  # how far a window may move to line up with what was written


def stretch_pcm(pcm: bytes, *, sample_rate: int, channels: int, rate: float) -> bytes:
    """``pcm`` (interleaved signed 16-bit little-endian) played ``rate`` times as fast, at the
    same pitch: about ``len(pcm) / rate`` bytes. ``rate`` 1 returns the input unchanged."""
    if rate <= 0:
        raise ValueError("rate must be positive")
    if abs(rate - 1.0) < 1e-9 or not pcm:
        return pcm
    frames = np.frombuffer(pcm, dtype="<i2").reshape(-1, channels).astype(np.float32)
    out = stretch(frames, sample_rate=sample_rate, rate=rate)
    return bytes(np.clip(np.rint(out), -32768, 32767).astype("<i2").tobytes())


def stretch(samples: np.ndarray, *, sample_rate: int, rate: float) -> np.ndarray:
    """WSOLA on ``samples`` shaped (n, channels); returns about (n / rate, channels)."""
    n, channels = samples.shape
    frame = max(32, int(FRAME_S * sample_rate)) // 2 * 2
    hop = frame // 2  # output hop: windows overlap by half (Hann sums to one)
    tol = max(1, int(TOLERANCE_S * sample_rate))
    out_len = int(n / rate)
    if n < frame + 2 * tol or out_len < frame:
        # Too short to line up windows: plain resampling of the time axis (rare: < 0.1 s).
        idx = np.minimum((np.arange(out_len) * rate).astype(np.int64), max(0, n - 1))
        return samples[idx] if n else samples[:0]
    window = np.hanning(frame).astype(np.float32)[:, None]
    # Windows are lined up on a mono copy at about 8 kHz: the voice's pitch is well below
    # 4 kHz, and the search costs a thirty-sixth of what it would at 48 kHz.
    step = max(1, sample_rate // 8000)
    mono = samples.mean(axis=1)[::step]
    out = np.zeros((out_len + frame, channels), dtype=np.float32)
    norm = np.zeros(out_len + frame, dtype=np.float32)
    prev = 0  # where the last window was taken from in the input
    for k, pos_out in enumerate(range(0, out_len, hop)):
        nominal = int(pos_out * rate)
        if k == 0:
            best = 0
        else:
            # The natural continuation of the previous window, one hop on.
            lo = max(0, nominal - tol)
            hi = min(n - frame, nominal + tol)
            a, f = (prev + hop) // step, frame // step
            target = mono[a: a + f]
            if hi < lo or len(target) < f:
                break
            region = mono[lo // step: hi // step + f]
            # Cross-correlation of the target with every candidate start in [lo, hi].
            corr = np.correlate(region, target, mode="valid")
            best = min(hi, lo // step * step + int(np.argmax(corr)) * step)
        if best + frame > n:
            break
        out[pos_out: pos_out + frame] += samples[best: best + frame] * window
        norm[pos_out: pos_out + frame] += window[:, 0]
        prev = best
    norm = np.where(norm > 1e-3, norm, 1.0)
    return (out[:out_len] / norm[:out_len, None]).astype(np.float32)
