"""The interview list (``app.overview.interview_summaries``) before and after it became one
statement.

The window's first query after unlocking, and what it shows on the archive. The previous form
ran its counts as correlated sub-queries and then one more query per interview for its tag
terms (N + 3 statements; on the archive each is a round trip to the server, and its
``sqlite_master`` probe could not run on PostgreSQL at all); the current one answers every
figure, the tag terms included, in one statement (plus the fixed look-ups of the export
log and receipts). The baseline below is the previous code, kept
verbatim, run in the same process on the same vault (the tests' generator,
tests/connect_archive.py: coded interviews with segments, tags and events), alternately with
the current code; both must return the same summaries. Reported: median and best of wall and
CPU time, and the ratio previous / current.

    PYTHONPATH=. nice -n 10 .venv/bin/python bench/bench_overview.py [--interviews 2000 5000]
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
from bench.bench_search import cpu_model  # noqa: E402
from crypto.kdf import weak_test_params  # noqa: E402
from storage.vault import Vault  # noqa: E402
from tests.connect_archive import generate  # noqa: E402


def previous_summaries(vault: Vault) -> list[InterviewSummary]:
    """The interview list as it was: correlated counts and a tag-term query per interview."""
    conn = vault.conn

    def table(name: str) -> bool:
        return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                            (name,)).fetchone() is not None

    exported = ({str(r[0]) for r in conn.execute(
        "SELECT DISTINCT interview_id FROM bundle_export_item")}
        if table("bundle_export_item") else set())
    acknowledged = ({str(r[0]) for r in conn.execute(
        "SELECT DISTINCT interview_id FROM purge_ack")} if table("purge_ack") else set())
    rows = conn.execute(
        "SELECT i.id, i.code, COALESCE(i.started_at, i.created_at), i.status,"
        " (SELECT COALESCE(SUM(duration_s), 0) FROM audio_asset a WHERE a.interview_id = i.id),"
        " (SELECT COUNT(*) FROM audio_asset a WHERE a.interview_id = i.id),"
        " (SELECT COUNT(*) FROM segment s WHERE s.interview_id = i.id AND s.layer = 'original'),"
        " (SELECT COUNT(*) FROM segment s WHERE s.interview_id = i.id AND s.layer = 'original'"
        "   AND s.review_status = 'reviewed'),"
        " (SELECT COUNT(*) FROM segment s WHERE s.interview_id = i.id"
        "   AND s.layer = 'translation'),"
        " (SELECT COUNT(*) FROM tag t WHERE t.interview_id = i.id),"
        " c.scopes, c.withdrawn_at"
        " FROM interview i LEFT JOIN consent c ON c.interview_id = i.id"
        " ORDER BY i.created_at, i.code").fetchall()
    result = []
    for (iid, code, date, status, duration, assets, segments, reviewed, translated, tags,
         scopes, withdrawn) in rows:
        terms = sorted({str(r[0]) for r in conn.execute(
            "SELECT DISTINCT term_id FROM tag WHERE interview_id = ?", (iid,))})
        result.append(InterviewSummary(
            id=str(iid), code=str(code), date=str(date or "")[:10], status=str(status),
            duration_s=float(duration or 0.0), assets=int(assets), segments=int(segments),
            reviewed=int(reviewed), translated=int(translated), tags=int(tags),
            consent_scopes=list(json.loads(scopes)) if scopes else [],
            consent_withdrawn=withdrawn is not None, tag_terms=terms,
            exported=str(iid) in exported, acknowledged=str(iid) in acknowledged))
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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--interviews", type=int, nargs="+", default=[2000, 5000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", type=Path, default=ROOT / "bench/results/overview.json")
    args = parser.parse_args()
    sizes = []
    for n in args.interviews:
        with tempfile.TemporaryDirectory() as tmp:
            vault, _ = Vault.create(Path(tmp) / "vault", b"bench passphrase",
                                    kdf=weak_test_params(), allow_weak_kdf=True)
            generate(vault, n)
            assert previous_summaries(vault) == interview_summaries(vault)
            segments = vault.conn.execute("SELECT count(*) FROM segment").fetchone()[0]
            tags = vault.conn.execute("SELECT count(*) FROM tag").fetchone()[0]
            times = measure({"previous": lambda v=vault: previous_summaries(v),
                             "one statement": lambda v=vault: interview_summaries(v)}, args.runs)
            vault.lock()
        old, new = times["previous"], times["one statement"]
        sizes.append({"interviews": n, "segments": segments, "tags": tags, **times,
                      "ratio_wall_median": old["wall_median_s"] / new["wall_median_s"],
                      "ratio_cpu_median": old["cpu_median_s"] / new["cpu_median_s"]})
        print(f"{n:6d} interviews ({segments} segments, {tags} tags): previous "
              f"{old['wall_median_s'] * 1000:7.1f} ms (CPU {old['cpu_median_s'] * 1000:7.1f}), "
              f"one statement {new['wall_median_s'] * 1000:7.1f} ms (CPU "
              f"{new['cpu_median_s'] * 1000:7.1f}); ratio "
              f"{sizes[-1]['ratio_wall_median']:.1f}x wall, {sizes[-1]['ratio_cpu_median']:.1f}x "
              "CPU")
    result = {"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "cpu": cpu_model(),
              "cores": os.cpu_count(), "load_average_1m": os.getloadavg()[0],
              "runs": args.runs, "sizes": sizes}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
