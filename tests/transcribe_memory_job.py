"""Run one long transcription in this process and print its peak memory as JSON.

    python -m tests.transcribe_memory_job --minutes 60 --dir /tmp/x [--model tiny.en]

Builds a vault, streams an N-minute 16 kHz mono WAV into it (digital silence with a spoken
fixture every five minutes, so the job stays cheap while the decoder still walks every second of
the recording) and transcribes it through the full pipeline. Used by the memory test and by
bench/bench_transcribe.py; run in a fresh process so ru_maxrss belongs to this job alone.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

from app.interviews import add_interview
from app.transcripts import store as transcripts
from app.transcripts import transcribe
from crypto.kdf import weak_test_params
from storage.vault import Vault
from tests.transcribe_helpers import add_asset, fixture_pcm, wav_header
from transcription.child import peak_rss_mib as vm_hwm_mib

RATE = 16000
SPEECH_EVERY_S = 300


def recording(minutes: float, clip: np.ndarray) -> Iterator[bytes]:
    """The WAV bytes, one second at a time (never the whole recording in memory)."""
    total = int(minutes * 60)
    yield wav_header(total * RATE)
    pcm = (clip * 32767).astype("<i2")
    for second in range(total):
        block = np.zeros(RATE, "<i2")
        offset = second % SPEECH_EVERY_S - 10  # speech starts 10 s into each 5-minute stretch
        if 0 <= offset * RATE < len(pcm):
            part = pcm[offset * RATE: (offset + 1) * RATE]
            block[: len(part)] = part
        yield block.tobytes()


def peak_rss_mib() -> float:
    """This process's peak resident memory.

    VmHWM from /proc (transcription.child.peak_rss_mib) on Linux, because ru_maxrss survives
    exec: a child started from a large parent (a pytest run holding models) would report the
    parent's peak.
    """
    return vm_hwm_mib() or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--minutes", type=float, required=True)
    parser.add_argument("--dir", required=True)
    parser.add_argument("--model", default="tiny.en")
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    vault, _ = Vault.create(Path(args.dir) / "vault", b"memory test", kdf=weak_test_params(),
                            allow_weak_kdf=True)
    iid = add_interview(vault, code="MEM-2026-112", role="interviewer")
    add_asset(vault, iid, recording(args.minutes, fixture_pcm("en_river.flac")),
              duration_s=args.minutes * 60)
    before = peak_rss_mib()
    started = time.perf_counter()
    engines: list[Any] = []
    make = transcribe.default_engine_factory(args.threads)

    def factory(name: str) -> Any:
        engines.append(make(name))
        return engines[-1]

    transcribe.transcribe_interview(vault, iid, role="interviewer", model=args.model,
                                    language="en", engine_factory=factory)
    seconds = time.perf_counter() - started
    segs = transcripts.segments(vault, iid)
    # The model and the decoder run in the engine's child process (transcription.child): the
    # job's memory is this process's peak plus the child's (a slight over-estimate, as the two
    # peaks need not coincide, but the same for every recording length).
    child = max((getattr(e, "child_peak_rss_mib", 0.0) for e in engines), default=0.0)
    json.dump({"minutes": args.minutes, "segments": len(segs),
               "first": segs[0].text if segs else "", "last_start": segs[-1].start if segs else 0,
               "peak_rss_mib": peak_rss_mib() + child, "app_peak_rss_mib": peak_rss_mib(),
               "engine_peak_rss_mib": child, "rss_before_mib": before,
               "seconds": seconds}, sys.stdout)
    vault.lock()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
