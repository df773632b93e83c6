"""Bench for issue 6's export bound: how fast can audio come out of SQLCipher at all?

    python bench/bench_sqlcipher_read.py [--mb 256]   (results: bench/results/sqlcipher_read.json)

Export must read every audio byte back out of the vault, and SQLCipher decrypts and HMAC-checks
every page on the way. This measures that floor alone (no hashing, no bundle, no encryption) for
the vault's settings and for the alternatives SQLCipher offers (bigger pages, HMAC-SHA256, two
reader connections on two threads), against stock ``age -r`` encrypting the same bytes from a
plaintext file in the same run. If the floor is below 0.7x of age, no export pipeline can reach
0.7x while audio lives inside SQLCipher. ``cipher_memory_security`` is a process-wide SQLCipher
setting, so every read runs in a fresh subprocess. The audio is random bytes; the plaintext copy
for the age baseline is written to the bench's temp folder only.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CHUNK = 256 * 1024  # the vault's blob chunk size
VARIANTS = [  # (label, cipher_page_size, cipher_hmac_algorithm, reader threads, memory security)
    ("vault settings (4 KiB pages, HMAC-SHA512, memory security ON)", None, None, 1, "ON"),
    ("vault settings, 2 reader connections", None, None, 2, "ON"),
    ("64 KiB pages, HMAC-SHA512", 65536, None, 1, "ON"),
    ("64 KiB pages, HMAC-SHA256", 65536, "HMAC_SHA256", 1, "ON"),
    ("64 KiB pages, HMAC-SHA256, 2 readers", 65536, "HMAC_SHA256", 2, "ON"),
    ("memory security OFF, 4 KiB pages, HMAC-SHA512", None, None, 1, "OFF"),
    ("memory security OFF, 4 KiB pages, 2 readers", None, None, 2, "OFF"),
    ("memory security OFF, 64 KiB pages, HMAC-SHA256, 2 readers", 65536, "HMAC_SHA256", 2,
     "OFF"),
]


def _connect(path: Path, key: str, page: int | None, hmac: str | None,
             memsec: str = "ON") -> Any:
    import sqlcipher3

    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.execute(f"PRAGMA key = \"x'{key}'\"")
    conn.execute("PRAGMA cipher_compatibility = 4")
    if page:
        conn.execute(f"PRAGMA cipher_page_size = {page}")
    if hmac:
        conn.execute(f"PRAGMA cipher_hmac_algorithm = {hmac}")
    conn.execute(f"PRAGMA cipher_memory_security = {memsec}")
    conn.execute("PRAGMA journal_mode = WAL")
    return conn


def _fill(path: Path, key: str, page: int | None, hmac: str | None, raw: Path) -> None:
    conn = _connect(path, key, page, hmac)
    conn.execute("CREATE TABLE blob_chunk(blob_id TEXT, seq INTEGER, data BLOB, "
                 "PRIMARY KEY (blob_id, seq))")
    conn.execute("BEGIN")
    with open(raw, "rb") as fh:
        seq = 0
        while block := fh.read(CHUNK):
            conn.execute("INSERT INTO blob_chunk VALUES ('b', ?, ?)", (seq, block))
            seq += 1
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def _read(path: Path, key: str, page: int | None, hmac: str | None, readers: int,
          memsec: str) -> float:
    """Seconds to read every chunk in order (``readers`` connections on as many threads)."""
    conns = [_connect(path, key, page, hmac, memsec) for _ in range(readers)]
    seqs = [r[0] for r in conns[0].execute("SELECT seq FROM blob_chunk ORDER BY seq")]
    queues: list[queue.Queue[bytes]] = [queue.Queue(8) for _ in range(readers)]

    def run(k: int) -> None:
        for seq in seqs[k::readers]:
            queues[k].put(conns[k].execute(
                "SELECT data FROM blob_chunk WHERE blob_id = 'b' AND seq = ?", (seq,)
            ).fetchone()[0])

    start = time.perf_counter()
    threads = [threading.Thread(target=run, args=(k,)) for k in range(readers)]
    for t in threads:
        t.start()
    for i in range(len(seqs)):
        queues[i % readers].get()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - start
    for c in conns:
        c.close()
    return elapsed


def measure(mb: int, repeat: int) -> dict[str, Any]:
    from crypto.agefile import new_identity

    work = Path(tempfile.mkdtemp(prefix="bench-sqlcipher-"))
    try:
        raw = work / "audio.raw"
        with open(raw, "wb") as fh:
            for _ in range(mb):
                fh.write(os.urandom(1 << 20))
        key = os.urandom(32).hex()
        _secret, recipient = new_identity()
        size = mb * (1 << 20)
        age: list[float] = []
        reads: dict[str, list[float]] = {}
        for i, (_label, page, hmac, _n, _m) in enumerate(VARIANTS):
            if not any(v[1:3] == (page, hmac) for v in VARIANTS[:i]):
                _fill(work / f"v{i}.db", key, page, hmac, raw)
        for _ in range(repeat):
            (work / "raw.age").unlink(missing_ok=True)
            start = time.perf_counter()
            subprocess.run(["age", "-r", recipient, "-o", str(work / "raw.age"), str(raw)],
                           check=True)
            age.append(time.perf_counter() - start)
            for i, (label, page, hmac, _readers, _memsec) in enumerate(VARIANTS):
                first = next(j for j, v in enumerate(VARIANTS) if v[1:3] == (page, hmac))
                out = subprocess.run(
                    [sys.executable, __file__, "--child", str(i), "--db",
                     str(work / f"v{first}.db"), "--key", key],
                    capture_output=True, text=True, check=True, cwd=ROOT)
                reads.setdefault(label, []).append(float(out.stdout.strip()))
        age_s = statistics.median(age)
        return {
            "audio_mb": mb, "repeat": repeat,
            "age_encrypt_mb_s": size / age_s / 1e6,
            "reads": [{"variant": label, "mb_s": size / statistics.median(t) / 1e6,
                       "vs_age_encrypt": age_s / statistics.median(t)}
                      for label, t in reads.items()],
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=int, default=256)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", type=int)
    parser.add_argument("--db")
    parser.add_argument("--key")
    args = parser.parse_args()
    if args.child is not None:
        _label, page, hmac, readers, memsec = VARIANTS[args.child]
        print(_read(Path(args.db), args.key, page, hmac, readers, memsec))
        return
    from bench.common import save

    results = measure(args.mb, args.repeat)
    path = save("sqlcipher_read", results)
    print(json.dumps(results, indent=2))
    print(f"saved {path}")


if __name__ == "__main__":
    main()
