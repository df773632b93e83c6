"""Corroboration and the facility x commodity matrix on a 2,000-interview encrypted vault.

The archive is the tests' generator (tests/connect_archive.py: 2,000 coded interviews, about
2,400 events, 7,000 supporting tags, planted duplicates and conflicts). The same database is
exported, in a helper process, to an unencrypted SQLite copy (``sqlcipher_export``), and every
query runs alternately on both, in this process, under SQLCipher's memory security as in the
app, so the ratio isolates page encryption. Target: p95 under 200 ms on the encrypted vault for
one facility's corroboration and for the full matrix.

Prints a table and writes bench/results/connect.json.

    PYTHONPATH=. .venv/bin/python bench/bench_connect.py [--runs 30]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import sqlcipher3  # noqa: E402

from app.connect import corroborate as co  # noqa: E402
from bench.bench_search import PlainVault, cpu_model  # noqa: E402
from crypto.kdf import weak_test_params  # noqa: E402
from storage.vault import Vault  # noqa: E402
from tests.connect_archive import YODOK, generate  # noqa: E402

TARGET_MS = 200.0


def export_child() -> None:
    """Helper process: export the encrypted database to an unencrypted copy."""
    job = json.loads(sys.stdin.read())
    conn = sqlcipher3.connect(job["enc"], isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{job['key']}'\"")
    conn.execute("PRAGMA cipher_compatibility = 4")
    conn.execute(f"ATTACH DATABASE '{job['plain']}' AS plain KEY ''")
    conn.execute("SELECT sqlcipher_export('plain')")
    conn.execute("DETACH DATABASE plain")
    conn.close()


def _summary(times: list[float]) -> dict[str, float]:
    times = sorted(times)
    return {"median_ms": statistics.median(times),
            "p95_ms": times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)],
            "max_ms": times[-1]}


def measure(fn: Callable[[Any], Any], enc: Any, plain: Any, runs: int) -> dict[str, Any]:
    """Alternate encrypted and plain runs so that load from other processes hits both alike;
    the first two runs of each warm the page cache."""
    times: dict[str, list[float]] = {"encrypted": [], "plain": []}
    cpu: list[float] = []
    for i in range(runs + 2):
        for name, vault in (("encrypted", enc), ("plain", plain)):
            start, start_cpu = time.perf_counter(), time.process_time()
            fn(vault)
            elapsed = (time.perf_counter() - start) * 1000
            if i >= 2:
                times[name].append(elapsed)
                if name == "encrypted":
                    cpu.append((time.process_time() - start_cpu) * 1000)
    e, p = _summary(times["encrypted"]), _summary(times["plain"])
    # CPU time of this process: what the call costs when it has a core to itself (on a busy
    # machine the wall time also counts the time other processes held the cores).
    e["cpu_median_ms"], e["cpu_p95_ms"] = _summary(cpu)["median_ms"], _summary(cpu)["p95_ms"]
    return {"encrypted": e, "plain": p,
            "ratio_median": e["median_ms"] / max(p["median_ms"], 1e-6),
            "ratio_p95": e["p95_ms"] / max(p["p95_ms"], 1e-6),
            "meets_target": e["p95_ms"] < TARGET_MS}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--interviews", type=int, default=2000)
    parser.add_argument("--out", type=Path, default=ROOT / "bench/results/connect.json")
    parser.add_argument("--export-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.export_child:
        export_child()
        return
    with tempfile.TemporaryDirectory() as tmp:
        enc, _ = Vault.create(Path(tmp) / "vault", b"bench passphrase", kdf=weak_test_params(),
                              allow_weak_kdf=True)
        start = time.perf_counter()
        truth = generate(enc, args.interviews)
        fill_s = time.perf_counter() - start
        plain_path = Path(tmp) / "plain.db"
        enc.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        subprocess.run([sys.executable, __file__, "--export-child"], check=True, text=True,
                       input=json.dumps({"enc": str(enc.path / "vault.db"),
                                         "key": enc._key().hex(), "plain": str(plain_path)}))
        plain = PlainVault(sqlcipher3.connect(str(plain_path), isolation_level=None,
                                              check_same_thread=False))
        for pragma in ("temp_store = MEMORY", "foreign_keys = ON", "trusted_schema = OFF"):
            plain.conn.execute(f"PRAGMA {pragma}")
        subject = co.subject_for(enc, facility=YODOK)
        cases: list[tuple[str, Callable[[Any], Any]]] = [
            ("corroborate one facility (with quotes)", lambda v: co.corroborate(v, subject)),
            ("corroborate one facility (counts, conflicts)",
             lambda v: co.corroborate(v, subject, with_quotes=False)),
            ("facility x commodity matrix", lambda v: co.matrix(v)),
        ]
        check = co.corroborate(enc, subject)
        same = co.corroborate(plain, subject)  # type: ignore[arg-type]
        assert (check.testimonies, check.independent_witnesses) == (
            same.testimonies, same.independent_witnesses)
        rows = [{"case": name, **measure(fn, enc, plain, args.runs)} for name, fn in cases]
        matrix = co.matrix(enc)
        events = enc.conn.execute("SELECT count(*) FROM event").fetchone()[0]
        tags = enc.conn.execute("SELECT count(*) FROM tag").fetchone()[0]
        enc.lock()
        plain.conn.close()
    result = {"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "cpu": cpu_model(),
              "cores": os.cpu_count(), "load_average_1m": os.getloadavg()[0],
              "interviews": len(truth.interviews), "events": events, "tags": tags,
              "facility_testimonies": check.testimonies, "quotes": len(check.quotes()),
              "matrix_cells": len(matrix.cells), "fill_s": fill_s, "runs": args.runs,
              "target_p95_ms": TARGET_MS, "cases": rows}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"{result['interviews']} interviews, {events} events, {tags} tags; Yodok: "
          f"{check.testimonies} testimonies, {len(check.quotes())} quotes; matrix "
          f"{len(matrix.cells)} cells; {args.runs} runs each; {result['cpu']}, "
          f"{os.cpu_count()} cores, load average {result['load_average_1m']:.1f}")
    print(f"{'case':46s} {'enc med':>8s} {'enc p95':>8s} {'cpu p95':>8s} {'plain med':>9s} "
          f"{'plain p95':>9s} {'ratio p95':>9s}  p95<200ms")
    for r in rows:
        e, p = r["encrypted"], r["plain"]
        print(f"{r['case']:46s} {e['median_ms']:8.1f} {e['p95_ms']:8.1f} {e['cpu_p95_ms']:8.1f} "
              f"{p['median_ms']:9.1f} {p['p95_ms']:9.1f} {r['ratio_p95']:9.2f}  "
              f"{'yes' if r['meets_target'] else 'NO'}")


if __name__ == "__main__":
    main()
