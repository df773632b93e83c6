"""GUI responsiveness while transcribing (issue 7).

Measures the gaps between 20 ms QTimer ticks on the GUI thread (tests/latency.py) while a real
tiny.en transcription runs through ui.tasks.TaskRunner exactly as the recording screen starts
it (worker thread at nice +10, CTranslate2 on cores - 1 threads), from the moment the job is
submitted: starting the engine and loading the model are included. Audio: the two committed
English fixtures (2 x 6 s) and a 90 s 48 kHz stereo recording with speech in it (resampled in
the app, sent to the engine as a 60 s and a 30 s window).

Set-ups, alternated so that a change of load on a shared machine hits both:
- "child": the engine in a child process (transcription.process_engine, what the app does);
- "in-process": the same engine in the worker thread of the app (the design before);
- "idle": the same timer with nothing running, measured before each transcription.

Then, the same measurement while a 64 MB bundle is exported and verified (SQLCipher read, tar,
age encryption, fsync; then decrypt and hash) through the task runner.

Prints a table and writes bench/results/ui.json.
The first transcription after start-up also imports the engine's libraries: it is measured
for each set-up in a fresh process of its own ("(first)" rows).

Run: flock /work/quiet.lock .venv/bin/python bench/bench_ui.py [--rounds 2] [--busy]
(--busy keeps one core busy with ``python -c "while True: pass"`` at normal priority, as another
program might; results go to bench/results/ui-busy.json instead of ui.json.)
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from bench.common import save  # noqa: E402


def export_rows(make_runner: Any, meter_class: Any, idle: Any,
                mb: int = 64) -> list[tuple[str, dict[str, Any]]]:
    """Export and verify a bundle of ``mb`` MB of audio through the task runner, twice."""
    from PySide6.QtCore import QEventLoop

    from app.bundles import keys
    from app.bundles.export import export_bundle
    from app.bundles.importer import verify_bundle
    from app.interviews import add_interview
    from tests.bundle_helpers import new_vault

    work = Path(tempfile.mkdtemp(prefix="bench-ui-export-"))
    vault = new_vault(work / "field")
    _text, identity = keys.new_supervisor_key()
    keys.trust_supervisor(vault, identity.public, role="interviewer")
    iid = add_interview(vault, code="BENCH-2026-105", role="interviewer", consent_scopes=["archive"])
    writer = vault.blob_writer(kind="audio", on_crash="keep")
    for _ in range(mb):
        writer.write(os.urandom(1 << 20))
    writer.finish(then=lambda conn: conn.execute(
        "INSERT INTO audio_asset(id, interview_id, blob_id, source, created_at, created_by) "
        "VALUES ('a', ?, ?, 'import', 'now', 'interviewer')", (iid, writer.id)))
    runner = make_runner()
    rows = []
    for round_ in range(2):
        out = work / f"b{round_}.age"
        for name, fn in ((f"export {mb} MB", lambda c, p: export_bundle(
                vault, [iid], recipients=[identity.public], out=out, role="interviewer",
                progress=p, cancel=c)),
                (f"verify {mb} MB", lambda c, p: verify_bundle(out, identity, vault=None))):
            rows.append(("idle", idle()))
            loop = QEventLoop()
            failures: list[BaseException] = []
            meter = meter_class()
            meter.start()
            start = time.perf_counter()
            runner.run_task(fn, on_done=lambda _r: loop.quit(),
                            on_error=lambda e: (failures.append(e), loop.quit()))
            loop.exec()
            meter.stop()
            if failures:
                raise failures[0]
            rows.append((name, meter.summary() | {
                "seconds": round(time.perf_counter() - start, 2)}))
    runner.shutdown()
    vault.lock()
    return rows


def _median(rows: list[tuple[str, dict[str, Any]]], name: str) -> float:
    return statistics.median(r["seconds"] for n, r in rows if n == name)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--busy", action="store_true",
                        help="keep one core busy with a plain Python loop at normal priority")
    parser.add_argument("--first-run-of", choices=("child", "in-process"),
                        help="(internal) one run in this fresh process, printed as JSON")
    args = parser.parse_args()
    busy = None
    if args.busy and args.first_run_of is None:
        import subprocess

        busy = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        return _measure(args)
    finally:
        if busy is not None:
            busy.kill()
            busy.wait()


def _measure(args: argparse.Namespace) -> int:
    if args.first_run_of is None:
        # The first transcription after the app starts also pays for importing the engine's
        # libraries; measure it for each set-up in a fresh process of its own.
        import json
        import subprocess

        firsts = []
        for setup in ("in-process", "child"):
            out = subprocess.run([sys.executable, __file__, "--first-run-of", setup],
                                 capture_output=True, text=True, check=True, cwd=ROOT)
            firsts.append((f"{setup} (first)", json.loads(out.stdout.splitlines()[-1])))
    os.environ["TESTIMONY_STATE_DIR"] = tempfile.mkdtemp(prefix="bench-ui-state-")
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

    import ui.tasks as tasks
    from app import interviews
    from app.transcripts.transcribe import default_engine_factory, transcribe_interview
    from crypto.kdf import weak_test_params
    from storage.vault import Vault
    from tests.latency import TickMeter
    from tests.transcribe_helpers import EN_FIXTURES, FIXTURES, add_asset, room_recording

    app = QCoreApplication.instance() or QCoreApplication([sys.argv[0]])
    threads = max(1, (os.cpu_count() or 2) - 1)  # as ui/recording_view.py
    long_wav = room_recording()

    def idle() -> dict[str, Any]:
        meter = TickMeter()
        loop = QEventLoop()
        QTimer.singleShot(2000, loop.quit)
        meter.start()
        loop.exec()
        meter.stop()
        return meter.summary()

    def run(setup: str) -> dict[str, Any]:
        folder = Path(tempfile.mkdtemp(prefix="bench-ui-"))
        vault, _ = Vault.create(folder / "v", b"bench passphrase", kdf=weak_test_params(),
                                allow_weak_kdf=True)
        iid = interviews.add_interview(vault, code="BENCH-2026-105", role="interviewer")
        for name in EN_FIXTURES:
            add_asset(vault, iid, (FIXTURES / name).read_bytes(), container="flac",
                      duration_s=6.0)
        add_asset(vault, iid, long_wav, sample_rate=48_000, channels=2, duration_s=90.0)
        make = default_engine_factory(cpu_threads=threads, in_process=setup == "in-process")
        ready: list[float] = []

        def factory(name: str) -> Any:
            engine = make(name)
            ready.append(time.perf_counter())
            return engine

        runner = tasks.TaskRunner()
        loop = QEventLoop()
        failures: list[BaseException] = []
        meter = TickMeter()
        meter.start()
        start = time.perf_counter()
        runner.run_task(
            lambda c, p: transcribe_interview(
                vault, iid, role="interviewer", model="tiny.en", language="en", cancel=c,
                progress=p, engine_factory=factory),
            on_done=lambda _r: loop.quit(),
            on_error=lambda e: (failures.append(e), loop.quit()))
        loop.exec()
        meter.stop()
        end = time.perf_counter()
        runner.shutdown()
        vault.lock()
        if failures:
            raise failures[0]
        load = meter.summary(start, ready[0])
        return meter.summary() | {"seconds": round(end - start, 2),
                                  "load_s": round(ready[0] - start, 2),
                                  "load_max_ms": load["max_ms"],
                                  "watchdog_stalls": len(meter.stalls)}

    if args.first_run_of is not None:
        import json

        result = {"idle": idle(), "run": run(args.first_run_of)}
        print(json.dumps(result))
        return 0
    rows: list[tuple[str, dict[str, Any]]] = []
    for name, first in firsts:
        rows += [("idle", first["idle"]), (name, first["run"])]
    # A warm-up run pays for first imports and disk cache in both set-ups; not reported.
    run("in-process")
    run("child")
    for _ in range(args.rounds):
        for setup in ("child", "in-process"):
            rows.append(("idle", idle()))
            rows.append((setup, run(setup)))
    rows += export_rows(tasks.TaskRunner, TickMeter, idle)
    print(f"{'set-up':20s} {'p50 ms':>7s} {'p95 ms':>7s} {'max ms':>7s} {'load s':>7s} "
          f"{'max in load':>11s} {'total s':>8s}")
    for name, r in rows:
        print(f"{name:20s} {r['p50_ms']:7.1f} {r['p95_ms']:7.1f} {r['max_ms']:7.1f} "
              f"{r.get('load_s', 0):7.2f} {r.get('load_max_ms', 0):11.1f} "
              f"{r.get('seconds', 0):8.2f}")

    def worst(name: str, key: str) -> float:
        return max(r[key] for n, r in rows if n.startswith(name))

    ratio = worst("child", "max_ms") / max(worst("in-process", "max_ms"), 0.1)
    print(f"worst gap, child / in-process: {ratio:.2f}; "
          f"median transcription time, child / in-process: "
          f"{_median(rows, 'child') / _median(rows, 'in-process'):.2f} (warm runs)")
    load = os.getloadavg()[0]
    print(f"load average at the end: {load:.1f}")
    save("ui-busy" if args.busy else "ui", {"busy_core": args.busy, "rows": [{"setup": n, **r} for n, r in rows],
                "load_average": round(load, 1)})
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
