"""The GUI thread keeps ticking while a real transcription (tiny.en, real audio) runs through
the task helper's worker.

What is asserted: 95 % of the gaps between 20 ms timer ticks stay under 100 ms, and no gap
exceeds 1 s, outside the model load. What is measured but not asserted: the single longest
stall. On this shared 2-core machine (load average around 10 while six people run tests) single
stalls of 0.1-0.4 s occur while CTranslate2 decodes, and loading the model holds Python's GIL for
about 0.25 s (the ``tokenizers`` extension); bench/ui_latency.py reports both, and
docs/benchmarks.md says plainly that the 100 ms target is not met in every instant.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer

from tests.conftest import PASSPHRASE
from tests.transcribe_helpers import EN_FIXTURES, FIXTURES, add_asset
from tests.ui_support import _audio_devices_first, make_window, speech_wav, unlock, virtual_mic  # noqa: F401
from ui.tasks import TaskRunner

TICK_MS = 20
MAX_STALL_S = 0.100


def test_event_loop_stays_responsive_during_real_transcription(qtbot, tmp_path, vault):
    from app import interviews

    iid = interviews.add_interview(vault, code="SYN-LAT", role="interviewer")
    for name in EN_FIXTURES:
        add_asset(vault, iid, (FIXTURES / name).read_bytes(), container="flac",
                  duration_s=6.0)
    path = vault.path
    vault.lock()
    state = tmp_path / "state"
    state.mkdir()
    runner = TaskRunner()
    w = make_window(qtbot, path, state, runner=runner)
    w.show()
    unlock(w, PASSPHRASE)
    qtbot.waitUntil(lambda: w.session.is_unlocked, timeout=30_000)
    w.workspace.open_interview(iid)
    rv = next(v for v in w.workspace.page.views if type(v).__name__ == "RecordingView")
    qtbot.waitUntil(lambda: rv.model.count() > 0, timeout=10_000)
    rv.model.setCurrentIndex(rv.model.findData("tiny.en"))
    rv.language.setCurrentIndex(rv.language.findData("en"))
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    from app.transcribe import default_engine_factory

    # Baseline: the same timer with nothing running, so load from other programs on a shared
    # machine is not blamed on the transcription.
    idle_ticks: list[float] = []
    idle = QTimer()
    idle.setInterval(TICK_MS)
    idle.timeout.connect(lambda: idle_ticks.append(time.perf_counter()))
    idle.start()
    qtbot.wait(2000)
    idle.stop()
    baseline = max(b - a for a, b in zip(idle_ticks, idle_ticks[1:])) - TICK_MS / 1000

    loading: list[tuple[float, float]] = []

    def timed_factory(name: str):
        start = time.perf_counter()
        engine = default_engine_factory(cpu_threads=1)(name)
        loading.append((start, time.perf_counter()))
        return engine

    rv.transcribe(engine_factory=timed_factory)
    qtbot.waitUntil(lambda: rv.transcribe_task is None, timeout=600_000)
    timer.stop()
    assert rv.message.text().startswith("Transcription finished"), rv.message.text()
    assert len(loading) == 1
    lo, hi = loading[0]
    gaps = [b - a for a, b in zip(ticks, ticks[1:]) if b < lo or a > hi]
    assert len(gaps) > 20  # the transcription took long enough to measure
    ordered = sorted(g - TICK_MS / 1000 for g in gaps)
    p95 = ordered[int(len(ordered) * 0.95)]
    worst = ordered[-1]
    print(f"latency: p95 {p95 * 1000:.0f} ms, worst {worst * 1000:.0f} ms, idle baseline "
          f"{baseline * 1000:.0f} ms, model load {(hi - lo) * 1000:.0f} ms")
    assert p95 < MAX_STALL_S, f"95th percentile stall {p95 * 1000:.0f} ms"
    assert worst < 1.0, f"the GUI thread froze for {worst:.1f} s"
    v = w.session.vault
    text = " ".join(r[0] for r in v.conn.execute(
        "SELECT text FROM segment WHERE interview_id = ? AND layer = 'original'", (iid,)))
    assert "river" in text.lower() or "brother" in text.lower()
    w.lock()
    runner.shutdown()
