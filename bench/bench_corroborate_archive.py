"""Corroboration on a PostgreSQL archive, the code of an earlier tree against this one, in one
process, calls alternating (so both meet the same load).

The archive is one already grown by bench/scale_pg.py (``--url``); nothing is written to it.
The earlier code is a copy of the repository at a git ref, made with
``git archive REF app | tar -x -C DIR``: its ``app/connect/corroborate.py`` and
``app/connect/witnesses.py`` are loaded beside this tree's (the rest of the code is shared).
For each call: wall and this process's CPU seconds (the server's work is in another process,
so wall is the comparable figure and CPU is the client's own share). The earlier result is
checked against this tree's with every conflict and flag listed (the same conflicts and
flags, the same counts), and this tree is also timed listing the default first page.

    PYTHONPATH=. .venv/bin/python bench/bench_corroborate_archive.py --url URL --old DIR
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from app.connect import corroborate as co
from storage.pg.archive import Archive
from tests.connect_archive import YODOK


def load_old(tree: Path) -> ModuleType:
    """The earlier tree's corroborate module, using the earlier witnesses module."""
    def load(name: str, path: Path) -> ModuleType:
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
        return module

    old_w = load("old_witnesses", tree / "app/connect/witnesses.py")
    old_co = load("old_corroborate", tree / "app/connect/corroborate.py")
    old_co.find_duplicates = old_w.find_duplicates  # type: ignore[attr-defined]
    old_co.WitnessGroups = old_w.WitnessGroups  # type: ignore[attr-defined]
    return old_co


def timed(fn: Callable[[], Any]) -> tuple[float, float, Any]:
    t0, c0 = time.perf_counter(), time.process_time()
    out = fn()
    return time.perf_counter() - t0, time.process_time() - c0, out


def same(old: Any, new: co.Corroboration) -> bool:
    """The same result: counts, accounts, and the same conflicts and flags (any order)."""
    a, b = old.to_dict(), new.to_dict()
    for d in (a, b):
        d["conflicts"] = sorted(json.dumps(c, sort_keys=True) for c in d["conflicts"])
        d["unresolved_duplicates"] = sorted(json.dumps(f) for f in d["unresolved_duplicates"])
    extra = {"conflict_counts", "conflicts_total", "unresolved_duplicates_total", "limit"}
    return {k: v for k, v in b.items() if k not in extra} == a and \
        new.conflicts_total == len(old.conflicts)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True, help="the archive (grown by scale_pg.py)")
    parser.add_argument("--old", type=Path, required=True, help="the earlier tree")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    old_co = load_old(args.old)
    archive = Archive.open(args.url)
    subject = co.subject_for(archive, facility=YODOK)  # type: ignore[arg-type]
    cases: dict[str, Callable[[], Any]] = {
        "before": lambda: old_co.corroborate(archive, subject, with_quotes=False),
        "after, every conflict": lambda: co.corroborate(
            archive, subject, with_quotes=False, limit=None),  # type: ignore[arg-type]
        "after, first page": lambda: co.corroborate(
            archive, subject, with_quotes=False),  # type: ignore[arg-type]
    }
    runs: dict[str, list[tuple[float, float]]] = {k: [] for k in cases}
    results: dict[str, Any] = {}
    load_before = os.getloadavg()
    for _ in range(args.runs):
        for name, fn in cases.items():
            wall, cpu, results[name] = timed(fn)
            runs[name].append((wall, cpu))
    equal = same(results["before"], results["after, every conflict"])
    r = results["after, first page"]
    report = {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "interviews": archive.conn.execute("SELECT count(*) FROM interview").fetchone()[0],
        "load_average_before": load_before, "load_average_after": os.getloadavg(),
        "yodok": {"testimonies": r.testimonies, "conflicts": r.conflict_counts,
                  "open_flags": r.unresolved_duplicates_total},
        "same_result": equal,
        "cases": {name: {"wall_s": [round(w, 2) for w, _ in v],
                         "cpu_s": [round(c, 2) for _, c in v],
                         "median_wall_s": round(statistics.median(w for w, _ in v), 2),
                         "median_cpu_s": round(statistics.median(c for _, c in v), 2)}
                  for name, v in runs.items()},
    }
    archive.lock()
    text = json.dumps(report, indent=2, ensure_ascii=False)
    print(text)
    if args.out:
        args.out.write_text(text + "\n")
    if not equal:
        raise SystemExit("the earlier and this tree's results differ")


if __name__ == "__main__":
    main()
