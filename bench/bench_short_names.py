"""The archive's search for a name of one or two letters (요덕), before and after the short-name
hits (storage/pg/schema.py), in one run on one generated archive.

A PostgreSQL archive (a temporary server, as bench/bench_scale.py --backend archive) is grown
by bench/scale_pg.py to each size (default 30,000 then 60,000 interviews). At each size:

- **search**: each query answered by ``storage/pg/search.search`` with the short-name hits and
  without them (the walk in code order it replaces), alternately, ``--runs`` times each after a
  warm-up; p95 and median wall ms; the two answers must be identical (checked every size);
- **import**: real signed bundles (one interview each, exported from a field vault) through the
  real ``import_bundle``, alternately with the short-name triggers on and off (``ALTER TABLE
  ... DISABLE TRIGGER``), so an import's added cost is measured under the same load; and the
  triggers' own cost: the segments of 20 interviews inserted again in a transaction that is
  rolled back, ten times each way, alternately.

Prints a table and writes ``bench/results/short_names.json`` (sizes, load averages, generation
times including the rebuild of the short-name hits after the bulk load).

    nice -n 10 .venv/bin/python bench/bench_short_names.py --sizes 30000 60000
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.bundles.importer import import_bundle  # noqa: E402
from bench.bench_scale import IMPORTERS, Fleet, p95  # noqa: E402
from bench.bench_search import cpu_model  # noqa: E402
from bench.scale_archive import Profile  # noqa: E402
from bench.scale_pg import fill_archive  # noqa: E402
from storage.pg.archive import Archive  # noqa: E402
from storage.pg.search import search  # noqa: E402

QUERIES = [("facility name 요덕 (short)", "요덕"), ("alias Yodok (expands to 요덕)", "Yodok"),
           ("county name 회령 (short)", "회령"), ("Korean mid-word substring", "생산했"),
           ("no match", "없는말없는말")]
TRIGGERS = ("segment", "interview")


def timed(fn: Any) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def measure_search(archive: Archive, runs: int) -> list[dict[str, Any]]:
    conn = archive.conn
    out = []
    for label, query in QUERIES:
        after = search(conn, query)
        before = search(conn, query, name_hits=False)
        same = after == before
        new: list[float] = []
        old: list[float] = []
        for _ in range(runs):  # alternately, so both see the same load
            new.append(timed(lambda q=query: search(conn, q)))
            old.append(timed(lambda q=query: search(conn, q, name_hits=False)))
        out.append({"query": label, "text": query, "hits": len(after), "identical": same,
                    "before": {"p95_ms": p95(old), "median_ms": statistics.median(old)},
                    "after": {"p95_ms": p95(new), "median_ms": statistics.median(new)}})
    return out


def set_triggers(archive: Archive, on: bool) -> None:
    for table in TRIGGERS:
        archive.conn.execute_pg(f"ALTER TABLE {table} {'ENABLE' if on else 'DISABLE'} "
                                f"TRIGGER search_names_{table}")


def measure_imports(archive: Archive, fleet: Fleet, bundles: list[Path]) -> dict[str, Any]:
    times: dict[bool, list[float]] = {True: [], False: []}
    for n, path in enumerate(bundles):
        on = n % 2 == 1
        set_triggers(archive, on)
        start = time.perf_counter()
        r = import_bundle(archive, path, fleet.identity, role="supervisor")
        times[on].append(time.perf_counter() - start)
        assert not r.replay and r.inserted > 0
    set_triggers(archive, True)
    return {"with_triggers_s": times[True], "without_triggers_s": times[False],
            "median_with_s": statistics.median(times[True]),
            "median_without_s": statistics.median(times[False])}


def measure_segment_inserts(archive: Archive, rounds: int) -> dict[str, Any]:
    """The triggers' own cost: the segments of the first 20 interviews inserted again (new
    ids) in one transaction, rolled back, alternately with the triggers on and off."""
    conn = archive.conn
    copy = ("INSERT INTO segment(id, interview_id, idx, start_s, end_s, text, created_at, "
            "created_by, layer) SELECT id || ':copy', interview_id, idx + 100000, start_s, "
            "end_s, text, created_at, created_by, layer FROM segment WHERE interview_id IN "
            "(SELECT id FROM interview ORDER BY code LIMIT 20)")
    times: dict[bool, list[float]] = {True: [], False: []}
    rows = 0
    for n in range(2 * rounds):
        on = n % 2 == 1
        set_triggers(archive, on)
        conn.raw.execute("BEGIN")
        start = time.perf_counter()
        rows = conn.raw.execute(copy).rowcount
        times[on].append((time.perf_counter() - start) * 1000)
        conn.raw.execute("ROLLBACK")
    set_triggers(archive, True)
    return {"segments": rows, "with_ms": times[True], "without_ms": times[False],
            "median_with_ms": statistics.median(times[True]),
            "median_without_ms": statistics.median(times[False]),
            "per_segment_added_ms": (statistics.median(times[True])
                                     - statistics.median(times[False])) / max(rows, 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[30000, 60000])
    ap.add_argument("--runs", type=int, default=25)
    ap.add_argument("--bundles", type=int, default=8, help="imported at each size")
    ap.add_argument("--template", type=int, default=1000)
    ap.add_argument("--out", type=Path,
                    default=Path(__file__).parent / "results" / "short_names.json")
    args = ap.parse_args()
    from tests.pg_support import new_database, running_server

    profile = Profile(segments=30)  # as bench/bench_scale.py --backend archive
    result: dict[str, Any] = {"cpu": cpu_model(), "cores": os.cpu_count(),
                              "started": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
                              "load_average_start": os.getloadavg(), "sizes": []}
    with tempfile.TemporaryDirectory(prefix="bench-short-names-") as tmp, \
            running_server() as server, new_database(server) as url:
        archive = Archive.init(url, Path(tmp) / "objects", Path(tmp) / "archive.key")
        fleet = Fleet(Path(tmp), args.bundles, len(args.sizes), profile, sup=archive,
                      laptops=(IMPORTERS[0],))
        bundles = fleet.bundles[IMPORTERS[0]]
        result["server"] = archive.conn.execute_pg("SHOW server_version").fetchone()[0]
        grown = 0
        for step, size in enumerate(args.sizes):
            gen = fill_archive(url, grown, size - grown, profile=profile,
                               version=fleet.version, template=args.template)
            grown = size
            row: dict[str, Any] = {
                "interviews": size, "generate": {k: v for k, v in gen.items() if k != "rows"},
                "segments": archive.conn.execute_pg("SELECT count(*) FROM segment").fetchone()[0],
                "name_hits": archive.conn.execute_pg(
                    "SELECT count(*) FROM search_name_hit").fetchone()[0],
                "load_average_before": os.getloadavg()}
            row["search"] = measure_search(archive, args.runs)
            row["imports"] = measure_imports(
                archive, fleet, bundles[step * args.bundles:(step + 1) * args.bundles])
            row["segment_inserts"] = measure_segment_inserts(archive, 10)
            row["load_average_after"] = os.getloadavg()
            result["sizes"].append(row)
            args.out.parent.mkdir(parents=True, exist_ok=True)
            args.out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
            print(f"\n== {size} interviews, {row['segments']} segments, {row['name_hits']} "
                  f"name hits; generated in {gen['seconds']:.0f} s (short-name hits "
                  f"{gen['short_name_hits_seconds']:.0f} s); load {row['load_average_before']}")
            for s in row["search"]:
                print(f"  {s['query']:<34} [{s['hits']}] identical={s['identical']}  before "
                      f"p95 {s['before']['p95_ms']:.1f} (median {s['before']['median_ms']:.1f})"
                      f"  after p95 {s['after']['p95_ms']:.1f} "
                      f"(median {s['after']['median_ms']:.1f}) ms")
            im = row["imports"]
            print(f"  import median: {im['median_without_s']:.3f} s without the triggers, "
                  f"{im['median_with_s']:.3f} s with them")
            si = row["segment_inserts"]
            print(f"  {si['segments']} segments inserted: median {si['median_without_ms']:.0f} ms "
                  f"without the triggers, {si['median_with_ms']:.0f} ms with them "
                  f"({si['per_segment_added_ms']:.3f} ms a segment)")
        archive.lock()


if __name__ == "__main__":
    main()
