"""Bench for issue 4: whole-pipeline real-time factor vs faster-whisper alone; peak memory.

    .venv/bin/python bench/bench_transcribe.py [--model tiny.en] [--seconds 60] [--repeat 3] [--no-memory]

Pipeline = read the encrypted blob from the vault, decode with PyAV in windows, VAD + Whisper
(faster-whisper), store every segment with its revision and word times. Baseline = faster-whisper
alone on the same file (it decodes the file itself) with the same model object settings
(int8, same threads, beam 5, VAD, word timestamps). Both use a preloaded model; load time is not
counted. Peak memory runs tests.transcribe_memory_job in fresh processes (5, 30, 60 minutes).
Prints a markdown table and writes bench/results/transcribe.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("TESTIMONY_STATE_DIR", tempfile.mkdtemp(prefix="bench-state-"))

import numpy as np  # noqa: E402

from app.interviews import add_interview  # noqa: E402
from app.transcripts import store as transcripts  # noqa: E402
from app.transcripts import transcribe  # noqa: E402
from crypto.kdf import weak_test_params  # noqa: E402
from storage.vault import Vault  # noqa: E402
from tests.transcribe_helpers import add_asset, fixture_pcm, wav_bytes  # noqa: E402
from transcription import decode, models  # noqa: E402
from transcription.engine import FasterWhisperEngine  # noqa: E402


def cpu_model() -> str:
    try:
        for line in subprocess.run(["lscpu"], capture_output=True, text=True).stdout.splitlines():
            if line.startswith("Model name:"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def speech_file(seconds: int) -> np.ndarray:
    """Speech-dense audio: the English fixtures one after another with 1 s pauses."""
    clips = [fixture_pcm("en_brother.flac"), fixture_pcm("en_river.flac")]
    out = np.zeros(seconds * 16000, np.float32)
    pos, i = 0, 0
    while pos + len(clips[i % 2]) < len(out):
        clip = clips[i % 2]
        out[pos: pos + len(clip)] = clip
        pos += len(clip) + 16000
        i += 1
    return out


class _Never:
    cancelled = False


def rtf(model: str, seconds: int, repeat: int, threads: int) -> dict[str, float]:
    """Baseline and pipeline alternate ``repeat`` times (other load hits both); best of each.

    Also timed apart: the pipeline's own work (decrypt + decode into windows; storing the
    segments) and the engine on the same windows without the vault, to split the difference
    into 'our code' and 'windowing'.
    """
    audio = speech_file(seconds)
    data = wav_bytes(audio)
    work = Path(tempfile.mkdtemp(prefix="bench-rtf-"))
    wav = work / "speech.wav"  # the baseline's input (bench data, not testimony)
    wav.write_bytes(data)
    engine = FasterWhisperEngine(models.load_spec(model), cpu_threads=threads)
    fw = engine._model
    language = "en"
    vault, _ = Vault.create(work / "vault", b"bench", kdf=weak_test_params(), allow_weak_kdf=True)
    times: dict[str, list[float]] = {"baseline": [], "pipeline": [], "windows": [],
                                     "decode": [], "store": []}
    n_base = n_pipe = 0
    for r in range(repeat):
        t = time.perf_counter()
        segs, _info = fw.transcribe(str(wav), language=language, beam_size=5, vad_filter=True,
                                    word_timestamps=True)
        n_base = len(list(segs))
        times["baseline"].append(time.perf_counter() - t)
        iid = add_interview(vault, code=f"BENCH-2026-{r + 1:03d}", role="interviewer")
        add_asset(vault, iid, data, duration_s=seconds)
        t = time.perf_counter()
        transcribe.transcribe_interview(vault, iid, role="interviewer", model=model,
                                        language=language, engine_factory=lambda n: engine)
        times["pipeline"].append(time.perf_counter() - t)
        segments = transcripts.segments(vault, iid)
        n_pipe = len(segments)
        blob = vault.conn.execute("SELECT blob_id FROM audio_asset WHERE interview_id = ?",
                                  (iid,)).fetchone()[0]
        t = time.perf_counter()
        with vault.blob_reader(blob) as fh:
            windows = list(decode.iter_windows(fh))
        times["decode"].append(time.perf_counter() - t)
        t = time.perf_counter()
        out: list[object] = []
        for w in windows:
            engine.transcribe(w, language=language, task="transcribe", on_segment=out.append,
                              cancel=_Never())
        times["windows"].append(time.perf_counter() - t)
        # Storing: the same number of segment rows + revisions, one transaction each.
        t = time.perf_counter()
        for i, seg in enumerate(segments):
            with vault.transaction() as conn:
                conn.execute(
                    "INSERT INTO segment(id, interview_id, asset_id, idx, start_s, end_s, text, "
                    "created_at, created_by, transcript_id, words) "
                    "SELECT ?, interview_id, asset_id, ?, start_s, end_s, text, created_at, "
                    "created_by, transcript_id, words FROM segment WHERE id = ?",
                    (f"bench-{r}-{i}", 10_000 + i, seg.id))
        times["store"].append(time.perf_counter() - t)
    vault.lock()
    best = {k: min(v) for k, v in times.items()}
    return {"audio_s": seconds, "repeat": repeat, "baseline_s": best["baseline"],
            "pipeline_s": best["pipeline"], "engine_on_windows_s": best["windows"],
            "decrypt_decode_s": best["decode"], "store_s": best["store"],
            "baseline_rtf": best["baseline"] / seconds,
            "pipeline_rtf": best["pipeline"] / seconds,
            "overhead_pct": 100 * (best["pipeline"] / best["baseline"] - 1),
            "own_work_pct": 100 * (best["decode"] + best["store"]) / best["baseline"],
            "segments_baseline": n_base, "segments_pipeline": n_pipe}


def memory(minutes: int) -> dict[str, float]:
    work = tempfile.mkdtemp(prefix="bench-mem-")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-m", "tests.transcribe_memory_job", "--minutes",
                          str(minutes), "--dir", work], capture_output=True, text=True,
                         env=env, cwd=ROOT, check=True)
    result: dict[str, float] = json.loads(out.stdout)
    return result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", action="append", help="default: tiny.en and base")
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--no-memory", action="store_true")
    args = parser.parse_args()
    report: dict[str, object] = {"date": dt.date.today().isoformat(), "cpu": cpu_model(),
                                 "cores": os.cpu_count(), "threads": args.threads, "rtf": {},
                                 "memory": {}}
    print(f"Machine: {report['cpu']}, {report['cores']} cores; {report['date']}")
    print("\n| model | audio | faster-whisper alone (RTF) | whole pipeline (RTF) | overhead "
          "| engine on the same windows | decrypt+decode | store |")
    print("|---|---|---|---|---|---|---|---|")
    for model in args.model or ["tiny.en", "base"]:
        r = rtf(model, args.seconds, args.repeat, args.threads)
        report["rtf"][model] = r  # type: ignore[index]
        print(f"| {model} | {args.seconds} s | {r['baseline_s']:.1f} s ({r['baseline_rtf']:.3f}) "
              f"| {r['pipeline_s']:.1f} s ({r['pipeline_rtf']:.3f}) | {r['overhead_pct']:+.1f} % "
              f"| {r['engine_on_windows_s']:.1f} s | {r['decrypt_decode_s']:.2f} s "
              f"| {r['store_s']:.2f} s |", flush=True)
    if not args.no_memory:
        print("\n| recording | peak RSS | wall time | segments |")
        print("|---|---|---|---|")
        for minutes in (5, 30, 60):
            m = memory(minutes)
            report["memory"][str(minutes)] = m  # type: ignore[index]
            print(f"| {minutes} min | {m['peak_rss_mib']:.0f} MiB | {m['seconds']:.1f} s "
                  f"| {m['segments']:.0f} |", flush=True)
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "transcribe.json").write_text(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
