"""Benchmarks for issue 3 (audio): recording CPU load, import throughput, import peak memory.

Run from the repository root:  .venv/bin/python bench/bench_audio.py [--quick]

1. Recording CPU per hour of audio: synthetic 48 kHz stereo float32 PCM (a typical device
   format) is pushed through ``RecordingSession`` as fast as possible in 20 ms blocks, with a
   fake clock that follows the audio so the session commits every 0.5 s of audio as it would
   live. CPU seconds (user + system) per audio hour; baseline: the same PCM written to a plain
   file with an fsync every 0.5 s of audio.
2. Import throughput: ``import_audio`` of a WAV and a FLAC file vs copying the same file
   (``shutil.copyfile``) and vs copy + fsync. MB/s and ratios.
3. Peak memory (ru_maxrss) of a fresh process importing a 3-hour vs a 5-minute WAV.

Writes bench/results/audio.json and prints a Markdown table for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from app import interviews  # noqa: E402
from app.audio import assets as audio  # noqa: E402
from app.audio.pcm import PcmFormat  # noqa: E402
from app.audio.recording import RecordingSession  # noqa: E402
from crypto.kdf import weak_test_params  # noqa: E402
from storage.vault import Vault  # noqa: E402
from tests.audio_clips import make_clip, make_long_wav  # noqa: E402


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def new_vault(folder: Path) -> tuple[Vault, str]:
    vault, _ = Vault.create(folder / "vault", b"bench", kdf=weak_test_params(),
                            allow_weak_kdf=True)
    return vault, interviews.add_interview(vault, code="BENCH-2026-105", role="interviewer")


def bench_recording(folder: Path, audio_s: float) -> dict[str, float]:
    fmt = PcmFormat(48000, 2, "f32")
    block_frames = 960  # 20 ms
    rng = np.random.default_rng(1)
    block = (0.1 * rng.standard_normal((block_frames, 2))).astype("<f4").tobytes()
    blocks = int(audio_s / 0.02)

    # Baseline: plain file, fsync every 0.5 s of audio.
    start = cpu()
    with open(folder / "plain.pcm", "wb") as fh:
        for i in range(blocks):
            fh.write(block)
            if i % 25 == 24:
                fh.flush()
                os.fsync(fh.fileno())
    base_cpu = cpu() - start

    vault, iid = new_vault(folder / "rec")
    clock = [0.0]
    session = RecordingSession(vault, iid, fmt, role="interviewer", clock=lambda: clock[0])
    start, wall = cpu(), time.perf_counter()
    for _ in range(blocks):
        session.write(block)
        clock[0] += 0.02
    session.stop()
    rec_cpu, rec_wall = cpu() - start, time.perf_counter() - wall
    vault.lock()
    per_hour = 3600 / audio_s
    return {"audio_s": audio_s, "session_cpu_s_per_audio_hour": rec_cpu * per_hour,
            "plain_file_cpu_s_per_audio_hour": base_cpu * per_hour,
            "ratio_vs_plain_file": rec_cpu / base_cpu if base_cpu else float("nan"),
            "session_cpu_percent_of_one_core": 100 * rec_cpu / audio_s,
            "session_wall_s": rec_wall}


def bench_import(folder: Path, source: Path) -> dict[str, float]:
    size_mb = source.stat().st_size / 1e6
    start = time.perf_counter()
    shutil.copyfile(source, folder / "copy.bin")
    copy_s = time.perf_counter() - start
    start = time.perf_counter()
    shutil.copyfile(source, folder / "copy2.bin")
    with open(folder / "copy2.bin", "rb+") as fh:
        os.fsync(fh.fileno())
    copy_fsync_s = time.perf_counter() - start
    vault, iid = new_vault(folder / f"imp-{source.suffix[1:]}")
    start = time.perf_counter()
    audio.import_audio(vault, iid, source, role="interviewer")
    import_s = time.perf_counter() - start
    vault.lock()
    return {"file_mb": size_mb, "import_s": import_s, "import_mb_per_s": size_mb / import_s,
            "copy_mb_per_s": size_mb / copy_s, "copy_fsync_mb_per_s": size_mb / copy_fsync_s,
            "import_time_vs_copy": import_s / copy_s,
            "import_time_vs_copy_fsync": import_s / copy_fsync_s}


def peak_memory_child(source: str, folder: str) -> None:
    vault, iid = new_vault(Path(folder))
    audio.import_audio(vault, iid, Path(source), role="interviewer")
    vault.lock()
    # ru_maxrss survives execve on Linux (a child can report its parent's peak), so the
    # process's own high-water mark (VmHWM, reset at exec) is reported alongside it.
    hwm_kib = 0
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                hwm_kib = int(line.split()[1])
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, hwm_kib)


def bench_memory(folder: Path, seconds: float, label: str) -> dict[str, float]:
    source = make_long_wav(folder / f"{label}.wav", seconds)
    start = time.perf_counter()
    out = subprocess.run([sys.executable, __file__, "--child", str(source),
                          str(folder / f"mem-{label}")], check=True, capture_output=True,
                         text=True, cwd=ROOT)
    wall = time.perf_counter() - start
    size_mb = source.stat().st_size / 1e6
    source.unlink()
    maxrss_kib, hwm_kib = (int(v) for v in out.stdout.split()[-2:])
    return {"audio_s": seconds, "file_mb": size_mb, "peak_rss_mb": hwm_kib / 1024,
            "ru_maxrss_mb": maxrss_kib / 1024, "wall_s": wall}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="smaller inputs (for a smoke run)")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        peak_memory_child(*args.child)
        return
    quick = args.quick
    results: dict[str, object] = {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "cpu": _cpu_model(), "cores": os.cpu_count(), "python": platform.python_version()}
    with tempfile.TemporaryDirectory(prefix="bench-audio-") as tmp:
        folder = Path(tmp)
        # Memory first, while this (parent) process is still small.
        results["memory_5min"] = bench_memory(folder, 300, "5min")
        results["memory_3h"] = bench_memory(folder, 1800 if quick else 3 * 3600, "3h")
        results["recording"] = bench_recording(folder, 60 if quick else 600)
        wav = make_long_wav(folder / "import.wav", 300 if quick else 1800)
        results["import_wav"] = bench_import(folder, wav)
        flac = make_clip(folder / "import.flac", "flac", seconds=120 if quick else 600)
        results["import_flac"] = bench_import(folder, flac)
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "audio.json").write_text(json.dumps(results, indent=2) + "\n")
    print(json.dumps(results, indent=2))


def _cpu_model() -> str:
    try:
        for line in subprocess.run(["lscpu"], capture_output=True, text=True).stdout.splitlines():
            if line.startswith("Model name:"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


if __name__ == "__main__":
    main()
