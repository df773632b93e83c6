"""GUI responsiveness while transcribing (issue 7).

Measures the gaps between 20 ms QTimer ticks on the GUI thread while a real tiny.en
transcription of the committed speech fixtures runs through ui.tasks.TaskRunner, in two set-ups:

- "gui": what the window does (worker thread at nice +10, CTranslate2 on cores-1 threads);
- "baseline": the naive set-up (worker at normal priority, CTranslate2 on every core).

and an idle baseline with nothing running. Prints a table and writes bench/results/ui.json.
Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_ui.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from bench.common import save  # noqa: E402

TICK_S = 0.020


def _gaps(ticks: list[float]) -> dict[str, float]:
    gaps = sorted(b - a - TICK_S for a, b in zip(ticks, ticks[1:]))
    return {"ticks": len(ticks), "p50_ms": round(statistics.median(gaps) * 1000, 1),
            "p95_ms": round(gaps[int(len(gaps) * 0.95)] * 1000, 1),
            "max_ms": round(gaps[-1] * 1000, 1)}


def main() -> int:
    os.environ["TESTIMONY_STATE_DIR"] = tempfile.mkdtemp(prefix="bench-ui-state-")
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

    import ui.tasks as tasks
    from app import interviews
    from app.transcribe import default_engine_factory, transcribe_interview
    from crypto.kdf import weak_test_params
    from storage.vault import Vault

    app = QCoreApplication.instance() or QCoreApplication([sys.argv[0]])
    fixtures = ROOT / "tests" / "fixtures" / "transcribe"

    def run(setup: str) -> dict[str, float]:
        folder = Path(tempfile.mkdtemp(prefix="bench-ui-"))
        vault, _ = Vault.create(folder / "v", b"bench passphrase", kdf=weak_test_params(),
                                allow_weak_kdf=True)
        iid = interviews.add_interview(vault, code="BENCH", role="interviewer")
        from tests.transcribe_helpers import add_asset

        for name in ("en_brother.flac", "en_river.flac"):
            add_asset(vault, iid, (fixtures / name).read_bytes(), container="flac",
                      duration_s=6.0)
        ticks: list[float] = []
        timer = QTimer()
        timer.setInterval(int(TICK_S * 1000))
        timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
        loop = QEventLoop()
        if setup == "idle":
            QTimer.singleShot(3000, loop.quit)
            timer.start()
            loop.exec()
            timer.stop()
            vault.lock()
            return _gaps(ticks)
        original = tasks._lower_priority
        if setup == "baseline":
            tasks._lower_priority = lambda: None
        runner = tasks.TaskRunner()
        tasks._lower_priority = original
        threads = max(1, (os.cpu_count() or 2) - 1) if setup == "gui" else 0
        start = time.perf_counter()
        runner.run_task(
            lambda c, p: transcribe_interview(
                vault, iid, role="interviewer", model="tiny.en", language="en", cancel=c,
                progress=p, engine_factory=default_engine_factory(cpu_threads=threads)),
            on_done=lambda _r: loop.quit(), on_error=lambda e: (print(e), loop.quit()))
        timer.start()
        loop.exec()
        timer.stop()
        result = _gaps(ticks) | {"seconds": round(time.perf_counter() - start, 2)}
        runner.shutdown()
        vault.lock()
        return result

    results = {setup: run(setup) for setup in ("idle", "gui", "baseline", "gui")}
    # The first "gui" run paid for imports; keep the second one.
    print(f"{'set-up':10s} {'p50 ms':>7s} {'p95 ms':>7s} {'max ms':>7s} {'seconds':>8s}")
    for name, r in results.items():
        print(f"{name:10s} {r['p50_ms']:7.1f} {r['p95_ms']:7.1f} {r['max_ms']:7.1f} "
              f"{r.get('seconds', 0):8.2f}")
    load = os.getloadavg()[0]
    print(f"load average during the run: {load:.1f}")
    save("ui", results | {"load_average": round(load, 1)})
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
