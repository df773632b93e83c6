"""The interview list (``app.overview.interview_summaries``), the window's first query after
unlocking: the one-statement form as it was against the current one, which reads only indexes.

The one-statement form (bench/bench_overview.py at commit b231e7e compared it with the N + 3
statements before it; docs/benchmarks.md keeps those figures) counted each interview's reviewed
segments through ``segment_interview (interview_id, layer, idx)``, so it read every original
segment's row for its ``review_status``, and folded the tag terms with a correlated
``group_concat``. The current form counts through ``segment_review`` (migration 64), an index
that holds the review status, and reads the tags as one scan of ``tag_interview``, grouped in
Python. The previous form is kept verbatim below, with ``INDEXED BY segment_interview`` so
that on a vault that now has the new index it still takes the plan it took.

The vault is grown by bench/scale_archive.py (the profile of bench/bench_scale.py, whose
20,000-interview vault took 24 s cold and 12 s warm for this list). Both forms run alternately in
one process on one vault, after checking they return the same rows: warm (pages in the OS
cache), and cold (the vault locked, its pages dropped from the cache with ``posix_fadvise``,
opened again; the open is not counted). Also timed: building the index once, as migration 64
does when an older vault is first opened. Reported: median and best wall and CPU time of each,
and the ratio previous / current.

    PYTHONPATH=. nice -n 10 .venv/bin/python bench/bench_overview.py [--interviews 3000 10000]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.overview import InterviewSummary, interview_summaries  # noqa: E402
from bench.bench_scale import PASS, drop_from_cache  # noqa: E402
from bench.bench_search import cpu_model  # noqa: E402
from bench.scale_archive import Profile, fill, setup_taxonomy  # noqa: E402
from crypto.kdf import weak_test_params  # noqa: E402
from storage.vault import Vault  # noqa: E402


def previous_summaries(vault: Vault) -> list[InterviewSummary]:
    """The interview list as it was: one statement, the reviewed count through the segments'
    rows, the tag terms folded by a correlated ``group_concat``."""
    conn = vault.conn
    tables = {str(r[0]) for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")}
    exported = ({str(r[0]) for r in conn.execute(
        "SELECT DISTINCT interview_id FROM bundle_export_item")}
        if "bundle_export_item" in tables else set())
    acked = ({str(r[0]) for r in conn.execute(
        "SELECT DISTINCT interview_id FROM purge_ack")} if "purge_ack" in tables else set())
    rows = conn.execute(
        "SELECT i.id, i.code, COALESCE(i.started_at, i.created_at), i.status,"
        " (SELECT COALESCE(SUM(duration_s), 0) FROM audio_asset a WHERE a.interview_id = i.id),"
        " (SELECT COUNT(*) FROM audio_asset a WHERE a.interview_id = i.id),"
        " (SELECT COUNT(*) FROM segment s INDEXED BY segment_interview"
        "   WHERE s.interview_id = i.id AND s.layer = 'original'),"
        " (SELECT COUNT(*) FROM segment s INDEXED BY segment_interview"
        "   WHERE s.interview_id = i.id AND s.layer = 'original'"
        "   AND s.review_status = 'reviewed'),"
        " (SELECT COUNT(*) FROM segment s INDEXED BY segment_interview WHERE s.interview_id = i.id"
        "   AND s.layer = 'translation'),"
        " (SELECT COUNT(*) FROM tag t WHERE t.interview_id = i.id),"
        " (SELECT group_concat(t.term_id, ' ') FROM tag t WHERE t.interview_id = i.id),"
        " c.scopes, c.withdrawn_at"
        " FROM interview i LEFT JOIN consent c ON c.interview_id = i.id"
        " ORDER BY i.created_at, i.code").fetchall()
    result = []
    for (iid, code, date, status, duration, assets, segments, reviewed, translated, tags,
         terms, scopes, withdrawn) in rows:
        result.append(InterviewSummary(
            id=str(iid), code=str(code), date=str(date or "")[:10], status=str(status),
            duration_s=float(duration or 0.0), assets=int(assets), segments=int(segments),
            reviewed=int(reviewed), translated=int(translated), tags=int(tags),
            consent_scopes=list(json.loads(scopes)) if scopes else [],
            consent_withdrawn=withdrawn is not None,
            tag_terms=sorted(set(str(terms).split())) if terms else [],
            exported=str(iid) in exported, acknowledged=str(iid) in acked))
    return result


def measure(fns: dict[str, Callable[[], Any]], runs: int) -> dict[str, dict[str, float]]:
    """Each function ``runs`` times, alternating, after one warm-up each."""
    wall: dict[str, list[float]] = {k: [] for k in fns}
    cpu: dict[str, list[float]] = {k: [] for k in fns}
    for fn in fns.values():
        fn()
    for _ in range(runs):
        for name, fn in fns.items():
            w, c = time.perf_counter(), time.process_time()
            fn()
            wall[name].append(time.perf_counter() - w)
            cpu[name].append(time.process_time() - c)
    return {name: {"wall_median_s": statistics.median(wall[name]), "wall_min_s": min(wall[name]),
                   "cpu_median_s": statistics.median(cpu[name]), "cpu_min_s": min(cpu[name])}
            for name in fns}


def measure_cold(path: Path, fns: dict[str, Callable[[Vault], Any]], runs: int
                 ) -> dict[str, dict[str, float]]:
    """Each function ``runs`` times, alternating, each on the vault opened afresh with its pages
    out of the OS cache (the open itself not counted)."""
    wall: dict[str, list[float]] = {k: [] for k in fns}
    cpu: dict[str, list[float]] = {k: [] for k in fns}
    for _ in range(runs):
        for name, fn in fns.items():
            drop_from_cache(path)
            vault = Vault.open(path, PASS, allow_weak_kdf=True)
            w, c = time.perf_counter(), time.process_time()
            fn(vault)
            wall[name].append(time.perf_counter() - w)
            cpu[name].append(time.process_time() - c)
            vault.lock()
    return {name: {"wall_median_s": statistics.median(wall[name]), "wall_min_s": min(wall[name]),
                   "cpu_median_s": statistics.median(cpu[name]), "cpu_min_s": min(cpu[name])}
            for name in fns}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--interviews", type=int, nargs="+", default=[3000, 10000])
    parser.add_argument("--segments", type=int, default=30,
                        help="original segments per interview (bench_scale.py's default)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", type=Path, default=ROOT / "bench/results/overview.json")
    args = parser.parse_args()
    sizes = []
    for n in args.interviews:
        with tempfile.TemporaryDirectory(prefix="bench-overview-") as tmp:
            path = Path(tmp) / "vault"
            vault, _ = Vault.create(path, PASS, kdf=weak_test_params(), allow_weak_kdf=True)
            fill(vault, 0, n, profile=Profile(segments=args.segments),
                 version=setup_taxonomy(vault))
            # What an older vault pays once, at its upgrade: building the index.
            vault.conn.execute("DROP INDEX segment_review")
            t0 = time.perf_counter()
            vault.conn.execute("CREATE INDEX segment_review ON segment(interview_id, layer,"
                               " review_status)")
            index_build_s = time.perf_counter() - t0
            assert previous_summaries(vault) == interview_summaries(vault)
            segments = vault.conn.execute("SELECT count(*) FROM segment").fetchone()[0]
            tags = vault.conn.execute("SELECT count(*) FROM tag").fetchone()[0]
            warm = measure({"previous": lambda v=vault: previous_summaries(v),
                            "current": lambda v=vault: interview_summaries(v)}, args.runs)
            vault.lock()
            cold = measure_cold(path, {"previous": previous_summaries,
                                       "current": interview_summaries}, args.runs)
        row: dict[str, Any] = {"interviews": n, "segments": segments, "tags": tags,
                               "index_build_s": index_build_s}
        print(f"{n:6d} interviews: building segment_review took {index_build_s:.1f} s",
              flush=True)
        for kind, times in (("warm", warm), ("cold", cold)):
            old, new = times["previous"], times["current"]
            row[kind] = {**times, "ratio_wall_median": old["wall_median_s"] / new["wall_median_s"],
                         "ratio_cpu_median": old["cpu_median_s"] / new["cpu_median_s"]}
            print(f"{n:6d} interviews ({segments} segments, {tags} tags), {kind}: previous "
                  f"{old['wall_median_s'] * 1000:7.1f} ms (CPU {old['cpu_median_s'] * 1000:7.1f})"
                  f", current {new['wall_median_s'] * 1000:7.1f} ms (CPU "
                  f"{new['cpu_median_s'] * 1000:7.1f}); ratio "
                  f"{row[kind]['ratio_wall_median']:.1f}x wall, "
                  f"{row[kind]['ratio_cpu_median']:.1f}x CPU", flush=True)
        sizes.append(row)
    result = {"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "cpu": cpu_model(),
              "cores": os.cpu_count(), "load_average_1m": os.getloadavg()[0],
              "runs": args.runs, "segments_per_interview": args.segments, "sizes": sizes}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
