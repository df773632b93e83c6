"""Event-loop latency on the GUI thread: a 20 ms QTimer's gaps, and a watchdog that says why.

``TickMeter`` records the time of every tick of a 20 ms ``QTimer`` running on the GUI thread;
a gap much longer than 20 ms is a stall of the event loop. A watchdog thread samples every
5 ms; when the GUI thread has not ticked for ``report_after_s`` it records every thread's stack
(``sys._current_frames()``). If the watchdog itself could not run during the stall, some thread
held the GIL in native code (the stack it is in right after tells which); if it ran but the GUI
thread did not tick, the GUI thread itself was busy or the CPU was taken by other processes.
Used by tests/ui/test_ui_latency.py and bench/bench_ui.py.
"""

from __future__ import annotations

import gc
import os
import statistics
import sys
import threading
import time
import traceback
from dataclasses import dataclass, field

from PySide6.QtCore import QTimer

TICK_S = 0.020


@dataclass
class Stall:
    at: float  # perf_counter when the watchdog saw it
    watchdog_gap_s: float  # how long the watchdog itself had not run (GIL held elsewhere)
    stacks: str


def _report_after_s() -> float:
    # LATENCY_REPORT_MS=30 records stacks for smaller stalls too (a diagnosis run).
    return float(os.environ.get("LATENCY_REPORT_MS", "70")) / 1000


@dataclass
class TickMeter:
    report_after_s: float = field(default_factory=_report_after_s)
    ticks: list[float] = field(default_factory=list)
    stalls: list[Stall] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._timer = QTimer()
        self._timer.setInterval(int(TICK_S * 1000))
        self._timer.timeout.connect(self._tick)
        self._stop = threading.Event()
        self._gui = threading.get_ident()
        self._thread: threading.Thread | None = None
        self.gc_pauses: list[tuple[int, float]] = []
        self._gc_started = 0.0

    def _gc(self, phase: str, info: dict[str, int]) -> None:
        # A full collection holds the GIL for its whole run, whichever thread triggered it.
        if phase == "start":
            self._gc_started = time.perf_counter()
        elif self._gc_started:
            self.gc_pauses.append((info["generation"], time.perf_counter() - self._gc_started))
            self._gc_started = 0.0

    def _tick(self) -> None:
        self.ticks.append(time.perf_counter())

    def start(self) -> None:
        self.ticks.clear()
        self.stalls.clear()
        self._stop.clear()
        self.gc_pauses.clear()
        gc.callbacks.append(self._gc)
        self.ticks.append(time.perf_counter())
        self._timer.start()
        self._thread = threading.Thread(target=self._watch, name="latency-watchdog",
                                        daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._timer.stop()
        if self._gc in gc.callbacks:
            gc.callbacks.remove(self._gc)
        self._stop.set()
        if self._thread is not None:
            self._thread.join()

    def _watch(self) -> None:
        last_run = time.perf_counter()
        reported_tick = -1.0
        while not self._stop.wait(0.005):
            now = time.perf_counter()
            watchdog_gap = now - last_run
            last_run = now
            last_tick = self.ticks[-1] if self.ticks else now
            if now - last_tick > self.report_after_s and last_tick != reported_tick:
                reported_tick = last_tick
                frames = sys._current_frames()
                names = {t.ident: t.name for t in threading.enumerate()}
                text = []
                for ident, frame in frames.items():
                    if ident == threading.get_ident():
                        continue
                    who = "GUI" if ident == self._gui else names.get(ident, str(ident))
                    text.append(f"--- {who}\n" + "".join(traceback.format_stack(frame)[-6:]))
                self.stalls.append(Stall(now, watchdog_gap, "\n".join(text)))

    # ------------------------------------------------------------------ figures
    def gaps(self, since: float = 0.0, until: float = float("inf")) -> list[float]:
        """Each gap beyond the tick interval, in seconds, for ticks in [since, until]."""
        t = [x for x in self.ticks if since <= x <= until]
        return [b - a - TICK_S for a, b in zip(t, t[1:])]

    def summary(self, since: float = 0.0, until: float = float("inf")) -> dict[str, float]:
        gaps = sorted(self.gaps(since, until))
        if not gaps:
            return {"ticks": 0, "p50_ms": 0.0, "p95_ms": 0.0, "max_ms": 0.0}
        return {"ticks": len(gaps) + 1, "p50_ms": round(statistics.median(gaps) * 1000, 1),
                "p95_ms": round(gaps[int(len(gaps) * 0.95)] * 1000, 1),
                "max_ms": round(gaps[-1] * 1000, 1)}

    def gc_summary(self) -> str:
        """How many garbage collections ran, and the longest (it holds the GIL throughout)."""
        if not self.gc_pauses:
            return "no garbage collection"
        gen, longest = max(self.gc_pauses, key=lambda p: p[1])
        return (f"{len(self.gc_pauses)} garbage collections, longest {longest * 1000:.1f} ms "
                f"(generation {gen})")

    def explain(self, limit: int = 3) -> str:
        """The stacks recorded at the longest stalls (for an assertion message)."""
        worst = sorted(self.stalls, key=lambda s: -s.watchdog_gap_s)[:limit]
        return "\n\n".join(f"stall seen at {s.at:.3f}; watchdog itself starved "
                           f"{s.watchdog_gap_s * 1000:.0f} ms\n{s.stacks}" for s in worst)
