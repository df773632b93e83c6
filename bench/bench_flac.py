"""Benchmark: recordings stored as FLAC vs native PCM (WAV), on real speech.

Run from the repository root:  .venv/bin/python bench/bench_flac.py [--quick] [--seconds S]

Speech: every clip of the speech-dev set (Korean and English read speech, 16 kHz mono 16-bit;
``tests/speech_dev.py`` says where it is found) concatenated, repeated to ``--seconds`` of
audio (default 600), and delivered in 16-bit PCM in two device formats:

- 16 kHz mono, the clips as they are;
- 48 kHz stereo, as a laptop microphone delivers: resampled to 48 kHz, the right channel
  delayed by 7 samples (a few centimetres between two capsules). Because the clips carry
  nothing above 8 kHz, this is also measured with an independent white noise floor added to
  each channel at -66 dBFS RMS (a laptop microphone's self-noise and room noise), which is the
  figure to plan storage with; the clean one is the best case.

Each format is pushed through the real ``RecordingSession`` into a real SQLCipher vault twice
in the same run, once stored as FLAC and once as WAV (the baseline: native PCM, what recordings
were before), in 20 ms blocks with a fake clock that follows the audio (a commit every 0.5 s of
audio, as live). Reported per recorded hour: stored bytes, CPU seconds (user + system) of the
whole session and the FLAC encoder's own share. Also the wall time to settle the FLAC
recording as if a crash had cut it off (``flac.count_frames``, which reads the last frames
only: milliseconds, not per hour), against counting by demuxing the whole stream (the
baseline, per recorded hour). Ratios are FLAC / WAV in the same run.

The float-preferring path: most inputs under Qt on PulseAudio/PipeWire prefer float, and the
recorder asks them for 32-bit integers instead (docs/audio.md). For 48 kHz stereo with the
noise floor, from a 16-bit converter (the samples above) and from a 24-bit one (the same
signal quantised to 24 bits, whose low 8 bits carry the noise floor's detail), recorded as the
device would deliver them: 32-bit integers stored as FLAC, against the baseline of the same
samples as native float (the WAV those devices were stored as before), and, for the 16-bit
converter, against 16-bit FLAC of the same samples (what asking for 16 bits would give).

Writes bench/results/flac.json and prints Markdown tables for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import io
import os
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from app import interviews  # noqa: E402
from app.audio import flac  # noqa: E402
from app.audio.pcm import PcmFormat  # noqa: E402
from app.audio.recording import RecordingSession  # noqa: E402
from bench.common import machine, save  # noqa: E402
from crypto.kdf import weak_test_params  # noqa: E402
from storage import blobs  # noqa: E402
from storage.vault import Vault  # noqa: E402
from tests.speech_dev import clips, speech_dev_dir  # noqa: E402

NOISE_DBFS = -66.0
STEREO_DELAY = 7


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def load_speech(folder: Path) -> np.ndarray:
    """Every speech-dev clip at 16 kHz mono, as int16, end to end."""
    import av

    parts = []
    for clip in clips(folder):
        with av.open(str(folder / clip.file)) as c:
            resampler = av.AudioResampler(format="s16", layout="mono", rate=16000)
            for frame in c.decode(audio=0):
                for out in resampler.resample(frame):
                    parts.append(out.to_ndarray().reshape(-1))
            for out in resampler.resample(None):
                parts.append(out.to_ndarray().reshape(-1))
    return np.concatenate(parts).astype(np.int16)


def to_48k_stereo(mono16k: np.ndarray, noise: bool, seed: int = 0,
                  bits: int = 16) -> np.ndarray:
    """(n, 2) integers of ``bits`` bits (int16, or int32 for 24) at 48 kHz: resampled, right
    channel delayed, optional noise floor."""
    import av

    frame = av.AudioFrame.from_ndarray(mono16k.reshape(1, -1), format="s16", layout="mono")
    frame.sample_rate = 16000
    resampler = av.AudioResampler(format="flt", layout="mono", rate=48000)
    up = np.concatenate([o.to_ndarray().reshape(-1) for o in resampler.resample(frame)]
                        + [o.to_ndarray().reshape(-1) for o in resampler.resample(None)])
    left = up
    right = np.concatenate([np.zeros(STEREO_DELAY, np.float32), up[:-STEREO_DELAY]])
    stereo = np.stack([left, right], axis=1).astype(np.float64)
    if noise:
        rms = 10 ** (NOISE_DBFS / 20)
        stereo += np.random.default_rng(seed).normal(0, rms, stereo.shape)
    scale = 2 ** (bits - 1)
    return (np.clip(stereo, -1, 1 - 1 / scale) * scale).round().astype(
        "<i2" if bits == 16 else "<i4")


def repeat_to(samples: np.ndarray, frames: int) -> np.ndarray:
    reps = -(-frames // len(samples))
    return np.concatenate([samples] * reps)[:frames]


def record(folder: Path, pcm: bytes, fmt: PcmFormat, container: str) -> dict[str, Any]:
    vault, _ = Vault.create(Path(tempfile.mkdtemp(dir=folder)) / f"vault-{container}", b"bench",
                            kdf=weak_test_params(), allow_weak_kdf=True)
    iid = interviews.add_interview(vault, code="NK-2026-001", role="interviewer")
    clock = [0.0]
    step = fmt.sample_rate // 50 * fmt.bytes_per_frame  # 20 ms
    encode_cpu = 0.0
    session = RecordingSession(vault, iid, fmt, role="interviewer", clock=lambda: clock[0],
                               container=container)  # type: ignore[arg-type]
    encoder = session._encoder
    if encoder is not None:  # time the encoder's own share (wrapped, same calls)
        original = encoder.encode

        def timed_encode(data: bytes) -> bytes:
            nonlocal encode_cpu
            start = cpu()
            try:
                return original(data)
            finally:
                encode_cpu += cpu() - start

        encoder.encode = timed_encode  # type: ignore[method-assign]
    start = cpu()
    for i in range(0, len(pcm), step):
        session.write(pcm[i:i + step])
        clock[0] += 0.02
    result = session.stop()
    session_cpu = cpu() - start
    size = vault.conn.execute("SELECT b.size FROM audio_asset a JOIN blob b ON b.id = a.blob_id"
                              " WHERE a.id = ?", (result.asset_id,)).fetchone()[0]
    blob_id = vault.conn.execute("SELECT blob_id FROM audio_asset WHERE id = ?",
                                 (result.asset_id,)).fetchone()[0]
    settle: dict[str, float] = {}
    if container == "flac":
        for name, count in (("tail", flac.count_frames), ("demux", flac._count_by_demux)):
            start_wall = time.perf_counter()
            with io.BufferedReader(blobs.BlobReader(vault.conn, blob_id),
                                   buffer_size=1024 * 1024) as reader:
                frames = count(reader)
            settle[name] = time.perf_counter() - start_wall
            assert frames == len(pcm) // fmt.bytes_per_frame, (name, frames, len(pcm))
    vault.lock()
    audio_s = len(pcm) / fmt.bytes_per_second
    per_hour = 3600 / audio_s
    return {"container": container, "audio_s": audio_s, "stored_bytes": size,
            "mb_per_hour": size * per_hour / 1e6,
            "session_cpu_s_per_hour": session_cpu * per_hour,
            "encoder_cpu_s_per_hour": encode_cpu * per_hour if encoder is not None else None,
            "settle_tail_ms": 1000 * settle["tail"] if settle else None,
            "settle_demux_s_per_hour": settle["demux"] * per_hour if settle else None,
            "duration_s": result.duration_s}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="60 s of audio (a smoke run)")
    parser.add_argument("--seconds", type=float, default=600.0)
    args = parser.parse_args()
    seconds = 60.0 if args.quick else args.seconds
    folder = speech_dev_dir()
    if folder is None:
        sys.exit("speech-dev not found: set TESTIMONY_SPEECH_DEV")
    speech = load_speech(folder)
    load = os.getloadavg()
    variants: list[tuple[str, PcmFormat, np.ndarray]] = [
        ("16 kHz mono", PcmFormat(16000, 1, "s16"),
         repeat_to(speech, int(seconds * 16000))),
    ]
    for noise in (False, True):
        stereo = to_48k_stereo(speech, noise)
        label = "48 kHz stereo" + (f", noise floor {NOISE_DBFS:.0f} dBFS" if noise else ", clean")
        variants.append((label, PcmFormat(48000, 2, "s16"),
                         repeat_to(stereo, int(seconds * 48000))))
    results: dict[str, Any] = {"speech_s": len(speech) / 16000, "audio_s": seconds,
                               "load_before": load, "variants": {}}
    with tempfile.TemporaryDirectory(prefix="bench-flac-") as tmp:
        for label, fmt, samples in variants:
            pcm = samples.tobytes()
            wav = record(Path(tmp), pcm, fmt, "wav")
            fl = record(Path(tmp), pcm, fmt, "flac")
            results["variants"][label] = {
                "wav": wav, "flac": fl,
                "size_ratio_flac_vs_wav": fl["stored_bytes"] / wav["stored_bytes"],
                "cpu_ratio_flac_vs_wav": (fl["session_cpu_s_per_hour"]
                                          / wav["session_cpu_s_per_hour"]),
            }
        # The float-preferring path: the same converter's samples as float (before) and as
        # 32-bit integers (now), same run.
        noisy = f"48 kHz stereo, noise floor {NOISE_DBFS:.0f} dBFS"
        for bits in (16, 24):
            ints = repeat_to(to_48k_stereo(speech, True, bits=bits), int(seconds * 48000))
            full = float(2 ** (bits - 1))
            as_float = (ints / full).astype("<f4").tobytes()
            as_s32 = (ints.astype(np.int64) << (32 - bits)).astype("<i4").tobytes()
            del ints
            label = f"{bits}-bit converter"
            wav = record(Path(tmp), as_float, PcmFormat(48000, 2, "f32"), "wav")
            fl = record(Path(tmp), as_s32, PcmFormat(48000, 2, "s32"), "flac")
            row: dict[str, Any] = {
                "float_wav": wav, "s32_flac": fl,
                "size_ratio_flac_vs_float_wav": fl["stored_bytes"] / wav["stored_bytes"],
                "cpu_ratio_flac_vs_float_wav": (fl["session_cpu_s_per_hour"]
                                                / wav["session_cpu_s_per_hour"])}
            if bits == 16:  # the same samples as the 16-bit row above
                row["s16_flac"] = results["variants"][noisy]["flac"]
                row["size_ratio_s32_vs_s16_flac"] = (fl["stored_bytes"]
                                                     / row["s16_flac"]["stored_bytes"])
            results.setdefault("float_device", {})[label] = row
    results["load_after"] = os.getloadavg()
    path = save("flac", results)
    m = machine()
    print(f"{m['date']}, {m['cpu']}, {m['cores']} cores, load {load[0]:.1f} -> "
          f"{results['load_after'][0]:.1f}; {results['speech_s']:.0f} s of speech repeated to "
          f"{seconds:.0f} s per format; {path}")
    print("| format | WAV (PCM) MB/h | FLAC MB/h | FLAC/WAV size | session CPU s/h WAV | "
          "FLAC | FLAC/WAV CPU | FLAC encoder CPU s/h | settle: last frame (ms) | "
          "settle by full demux (s/h) |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for label, r in results["variants"].items():
        w, f = r["wav"], r["flac"]
        print(f"| {label} | {w['mb_per_hour']:.0f} | {f['mb_per_hour']:.0f} | "
              f"{r['size_ratio_flac_vs_wav']:.2f} | {w['session_cpu_s_per_hour']:.1f} | "
              f"{f['session_cpu_s_per_hour']:.1f} | {r['cpu_ratio_flac_vs_wav']:.2f}x | "
              f"{f['encoder_cpu_s_per_hour']:.1f} | {f['settle_tail_ms']:.0f} | "
              f"{f['settle_demux_s_per_hour']:.1f} |")

    print()
    print("| float-preferring input, 48 kHz stereo, noise floor | float WAV (before) per "
          "recorded hour | 32-bit FLAC (now) | FLAC / float WAV size | 16-bit FLAC of the same "
          "samples | session CPU s/h, float WAV | 32-bit FLAC | FLAC / WAV CPU | of which the "
          "FLAC encoder |")
    print("|---|---|---|---|---|---|---|---|---|")
    for label, r in results["float_device"].items():
        w, f = r["float_wav"], r["s32_flac"]
        s16 = (f"{r['s16_flac']['mb_per_hour']:.0f} MB (32-bit / 16-bit: "
               f"{r['size_ratio_s32_vs_s16_flac']:.3f})" if "s16_flac" in r else "-")
        print(f"| {label} | {w['mb_per_hour']:.0f} MB | {f['mb_per_hour']:.0f} MB | "
              f"{r['size_ratio_flac_vs_float_wav']:.2f} | {s16} | "
              f"{w['session_cpu_s_per_hour']:.1f} | {f['session_cpu_s_per_hour']:.1f} | "
              f"{r['cpu_ratio_flac_vs_float_wav']:.2f}x | {f['encoder_cpu_s_per_hour']:.1f} |")


if __name__ == "__main__":
    main()
