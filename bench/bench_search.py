"""Search latency on 100,000 segments: encrypted vault vs an unencrypted SQLite copy (issue 5).

Both databases are built by the same migrations (same schema, same trigram FTS5 index and
triggers) through the same SQLite library (sqlcipher3; the copy simply has no key), filled with
the same generated Korean and English segments, and queried through the same
``app.coding.search.search`` call, in this process, where the vault has switched on SQLCipher's
memory security exactly as the app does (it applies to every connection in the process, so both
databases run under it and the ratio isolates page encryption).

The bulk load runs in a helper process that opens the same files without the
memory-security allocator: with it, SQLite's many small allocations each lock and wipe memory
and a 100,000-segment load takes minutes instead of seconds. The bench measures that effect
too (``memsec_fill``), because importing transcripts in the app pays it.

Prints a table and writes bench/results/search.json.

    PYTHONPATH=. .venv/bin/python bench/bench_search.py [--segments 100000] [--runs 30]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

import sqlcipher3

from app.coding import search
from app.coding import taxonomy as tx
from crypto.kdf import weak_test_params
from storage import audit
from storage.db import transaction
from storage.migrations import migrate
from storage.vault import Vault

KO_WORDS = ("저는 우리 아버지 어머니 동생 그때 그 사람들이 밤에 낮에 집에서 시장에서 강냉이 "
            "옥수수 배급 장마당 보안원 단속 끌려갔어요 일했습니다 먹었습니다 있었습니다 "
            "들었어요 봤습니다 국경 강을 건너서 중국에 팔려 갔어요 탄광 농장 학교 공장").split()
EN_WORDS = ("I we my father mother brother then those people at night in the day at home at the "
            "market corn rations were arrested worked ate stayed heard saw the border crossed the "
            "river to China sold mine farm school factory guards").split()
PLANTED_KO = ("요덕수용소에서", "개천 교화소", "보위부", "집결소", "노동단련대", "돌격대")
PLANTED_EN = ("Yodok", "Camp 15", "Bowibu", "holding centre", "shock brigade", "Kaechon")
QUERIES = [
    ("ko 5 chars (FTS)", "요덕수용소", False),
    ("ko 2 chars (trigram list)", "요덕", False),
    ("ko common word (FTS)", "있었습니다", False),
    ("en word (FTS)", "Bowibu", False),
    ("en phrase (FTS)", "shock brigade", False),
    ("alias expansion Yodok", "Yodok", True),
    ("no match (FTS)", "평양냉면집", False),
]


def sentence(rng: random.Random, korean: bool) -> str:
    words = KO_WORDS if korean else EN_WORDS
    parts = [rng.choice(words) for _ in range(rng.randint(6, 14))]
    if rng.random() < 0.02:
        parts.insert(rng.randrange(len(parts)), rng.choice(PLANTED_KO if korean else PLANTED_EN))
    return " ".join(parts) + "."


def fill(conn: sqlcipher3.Connection, n: int, seed: int = 5) -> float:
    """Insert ``n`` segments over n/1000 interviews in one transaction; returns seconds."""
    rng = random.Random(seed)
    interviews = [(str(uuid.UUID(int=rng.getrandbits(128))), f"NK-B-{i:04d}")
                  for i in range(max(1, n // 1000))]
    rows = []
    for i in range(n):
        iid = interviews[i % len(interviews)][0]
        korean = i % 3 != 2
        rows.append((str(uuid.UUID(int=rng.getrandbits(128))), iid, i // len(interviews),
                     i * 5.0, i * 5.0 + 4.5, sentence(rng, korean), "t", "interviewer",
                     "original" if korean else "translation"))
    # A bulk load bigger than the page cache would spill pages into the WAL again and again;
    # a large cache for the load keeps it to one write of each page at commit.
    conn.execute("PRAGMA cache_size = -524288")
    start = time.perf_counter()
    with transaction(conn):
        conn.executemany(
            "INSERT INTO interview(id, code, created_at, updated_at, created_by)"
            " VALUES (?, ?, 't', 't', 'interviewer')", interviews)
        conn.executemany(
            "INSERT INTO consent(interview_id, scopes, updated_at, updated_by)"
            " VALUES (?, '[\"archive\"]', 't', 'interviewer')", [(i,) for i, _ in interviews])
        conn.executemany(
            "INSERT INTO segment(id, interview_id, idx, start_s, end_s, text, created_at,"
            " created_by, layer) VALUES (?,?,?,?,?,?,?,?,?)", rows)
    elapsed = time.perf_counter() - start
    conn.execute("PRAGMA cache_size = -2000")  # back to the default for the searches
    return elapsed


class PlainVault:
    """Just enough of Vault for the search service, over an unencrypted connection."""

    def __init__(self, conn: sqlcipher3.Connection) -> None:
        self.conn = conn

    @contextmanager
    def transaction(self):  # type: ignore[no-untyped-def]
        with transaction(self.conn) as c:
            yield c

    def audit(self, action, object_type, object_id=None, *, role="system", details=None,
              now=None):  # type: ignore[no-untyped-def]
        return audit.append(self.conn, action=action, object_type=object_type,
                            object_id=object_id, role=role, details=details, now=now)


def plain_db(path: Path) -> sqlcipher3.Connection:
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    for pragma in ("temp_store = MEMORY", "foreign_keys = ON", "trusted_schema = OFF",
                   "journal_mode = WAL", "synchronous = FULL"):
        conn.execute(f"PRAGMA {pragma}")
    migrate(conn)
    return conn


def _summary(times: list[float], hits: int) -> dict[str, float]:
    times = sorted(times)
    return {"median_ms": statistics.median(times),
            "p95_ms": times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)],
            "hits": hits}


def measure(enc: object, plain: object, query: str, expand: bool,
            runs: int) -> tuple[dict[str, float], dict[str, float]]:
    """Alternate encrypted and plain runs so that load from other processes hits both alike."""
    times: dict[str, list[float]] = {"enc": [], "plain": []}
    hits = {"enc": 0, "plain": 0}
    for i in range(runs + 2):
        for name, vault in (("enc", enc), ("plain", plain)):
            start = time.perf_counter()
            result = search.search(vault, query, expand_aliases=expand)  # type: ignore[arg-type]
            elapsed = (time.perf_counter() - start) * 1000
            hits[name] = len(result.hits)
            if i >= 2:  # the first two runs warm the page cache
                times[name].append(elapsed)
    return _summary(times["enc"], hits["enc"]), _summary(times["plain"], hits["plain"])


def cpu_model() -> str:
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True, check=False).stdout
        for line in out.splitlines():
            if line.startswith("Model name:"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def fill_child() -> None:
    """Helper process: load both databases (paths and the vault's data key on stdin)."""
    job = json.loads(sys.stdin.read())
    enc = sqlcipher3.connect(job["enc"], isolation_level=None)
    enc.execute(f"PRAGMA key = \"x'{job['key']}'\"")
    enc.execute("PRAGMA cipher_compatibility = 4")
    plain = sqlcipher3.connect(job["plain"], isolation_level=None)
    out = {}
    for name, conn in (("encrypted", enc), ("plain", plain)):
        for pragma in ("temp_store = MEMORY", "foreign_keys = ON", "trusted_schema = OFF"):
            conn.execute(f"PRAGMA {pragma}")
        out[name] = fill(conn, job["segments"])
        conn.close()
    print(json.dumps(out))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--segments", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--memsec-rows", type=int, default=3000,
                        help="rows loaded in-process under memory security, for the rate")
    parser.add_argument("--out", type=Path, default=Path("bench/results/search.json"))
    parser.add_argument("--fill-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.fill_child:
        fill_child()
        return
    with tempfile.TemporaryDirectory() as tmp:
        enc, _ = Vault.create(Path(tmp) / "vault", b"bench passphrase", kdf=weak_test_params(),
                              allow_weak_kdf=True)
        plain = PlainVault(plain_db(Path(tmp) / "plain.db"))
        job = {"enc": str(enc.path / "vault.db"), "plain": str(Path(tmp) / "plain.db"),
               "key": enc._key().hex(), "segments": args.segments}
        child = subprocess.run([sys.executable, __file__, "--fill-child"], input=json.dumps(job),
                               capture_output=True, text=True, check=True)
        fills = json.loads(child.stdout)
        fill_enc, fill_plain = fills["encrypted"], fills["plain"]
        # The same kind of load inside this process, under memory security:
        scratch = plain_db(Path(tmp) / "scratch.db")
        memsec = fill(scratch, args.memsec_rows)
        scratch.close()
        tx.ensure_taxonomy(enc)
        tx.ensure_taxonomy(plain)  # type: ignore[arg-type]
        rows = []
        for label, query, expand in QUERIES:
            e, p = measure(enc, plain, query, expand, args.runs)
            rows.append({"query": label, "text": query, "encrypted": e, "plain": p,
                         "ratio_median": e["median_ms"] / max(p["median_ms"], 1e-6),
                         "ratio_p95": e["p95_ms"] / max(p["p95_ms"], 1e-6)})
        enc.lock()
    per_k_child = fill_plain / args.segments * 1000
    per_k_memsec = memsec / args.memsec_rows * 1000
    result = {"date": time.strftime("%Y-%m-%d"), "cpu": cpu_model(),
              "load_average_1m": os.getloadavg()[0], "cores": os.cpu_count(),
              "segments": args.segments, "runs": args.runs,
              "fill_s": {"encrypted": fill_enc, "plain": fill_plain},
              "memsec_fill": {"rows": args.memsec_rows, "seconds": memsec,
                              "s_per_1000_rows": per_k_memsec,
                              "s_per_1000_rows_without": per_k_child},
              "queries": rows}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    print(f"{args.segments} segments; fill (one transaction, executemany, helper process): "
          f"encrypted {fill_enc:.1f} s, plain {fill_plain:.1f} s; {args.runs} runs per query; "
          f"{result['cpu']}, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    print(f"in-process load under cipher_memory_security: {per_k_memsec:.2f} s per 1000 "
          f"segments vs {per_k_child:.2f} s without")
    print(f"{'query':30s} {'hits':>5s} {'enc med':>8s} {'enc p95':>8s} {'plain med':>9s} "
          f"{'plain p95':>9s} {'ratio med':>9s} {'ratio p95':>9s}")
    for r in rows:
        e, p = r["encrypted"], r["plain"]
        print(f"{r['query']:30s} {e['hits']:5d} {e['median_ms']:8.2f} {e['p95_ms']:8.2f} "
              f"{p['median_ms']:9.2f} {p['p95_ms']:9.2f} {r['ratio_median']:9.2f} "
              f"{r['ratio_p95']:9.2f}")


if __name__ == "__main__":
    main()
