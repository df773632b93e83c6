"""Vault benchmarks (issue 2), each as a ratio against a baseline measured in the same run.

- unlock time vs the Argon2id derivation alone (same parameters);
- insert and query throughput of the vault vs plain SQLite on the same schema;
- blob write/read throughput vs plain file I/O;
- change-passphrase time on a vault holding 1 GB of blobs vs an empty vault.

    python bench/bench_vault.py [--blob-mb 1024]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import machine, save, timed  # noqa: E402
from crypto.kdf import derive_key, floor_params  # noqa: E402
from storage.migrations import migrate  # noqa: E402
from storage.vault import Vault  # noqa: E402

PW = b"benchmark passphrase"
ROWS = 20_000


def insert_rows(conn: object, n: int) -> None:
    c = conn  # type: ignore[assignment]
    c.execute("BEGIN")
    c.executemany(
        "INSERT INTO interview(id, code, notes, created_at, updated_at, created_by)"
        " VALUES (?, ?, ?, 'now', 'now', 'bench')",
        [(f"id-{i}", f"code-{i}", "note text " * 20) for i in range(n)])
    c.execute("COMMIT")


def query_rows(conn: object) -> None:
    c = conn  # type: ignore[assignment]
    for i in range(0, ROWS, 20):
        c.execute("SELECT notes FROM interview WHERE code = ?", (f"code-{i}",)).fetchone()
    c.execute("SELECT count(*) FROM interview WHERE notes LIKE '%text%'").fetchone()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--blob-mb", type=int, default=1024)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-vault-"))
    results: dict[str, float] = {}
    try:
        params = floor_params()
        vault, _ = Vault.create(work / "v", PW, kdf=params)
        vault.lock()
        argon = timed(lambda: derive_key(PW, params), 3)
        unlock = timed(lambda: Vault.open(work / "v", PW).lock(), 3)
        results.update(argon2_s=argon, unlock_s=unlock, unlock_vs_argon2=unlock / argon)

        # Insert/query: vault vs plain SQLite (same schema, WAL, synchronous=FULL).
        # secure_delete and foreign keys as in the vault, so only encryption and SQLCipher's
        # memory security differ.
        plain = sqlite3.connect(work / "plain.db", isolation_level=None)
        plain.execute("PRAGMA journal_mode=WAL")
        plain.execute("PRAGMA synchronous=FULL")
        plain.execute("PRAGMA secure_delete=ON")
        plain.execute("PRAGMA foreign_keys=ON")
        # The same schema: every migration, including the search index triggers.
        migrate(plain)
        v = Vault.open(work / "v", PW)
        t_plain = timed(lambda: (plain.execute("DELETE FROM interview"), insert_rows(plain, ROWS)), 3)
        t_vault = timed(lambda: (v.conn.execute("DELETE FROM interview"), insert_rows(v.conn, ROWS)), 3)
        q_plain = timed(lambda: query_rows(plain), 3)
        q_vault = timed(lambda: query_rows(v.conn), 3)
        results.update(insert_rows_per_s_plain=ROWS / t_plain, insert_rows_per_s_vault=ROWS / t_vault,
                       insert_vault_vs_plain=t_vault / t_plain, query_s_plain=q_plain,
                       query_s_vault=q_vault, query_vault_vs_plain=q_vault / q_plain)

        # Blob write/read vs plain file I/O (both fsync'd at the end).
        mb = 256
        chunk = os.urandom(1024 * 1024)

        def file_write() -> None:
            with open(work / "plain.bin", "wb") as fh:
                for _ in range(mb):
                    fh.write(chunk)
                fh.flush()
                os.fsync(fh.fileno())

        def file_read() -> None:
            with open(work / "plain.bin", "rb") as fh:
                while fh.read(1024 * 1024):
                    pass

        blob_ids: list[str] = []

        def blob_write() -> None:
            w = v.blob_writer(kind="bench", on_crash="discard")
            for _ in range(mb):
                w.write(chunk)
            blob_ids.append(w.finish()[0])

        def blob_read() -> None:
            r = v.blob_reader(blob_ids[-1])
            while r.read(1024 * 1024):
                pass

        fw, bw = timed(file_write, 2), timed(blob_write, 2)
        fr, br = timed(file_read, 2), timed(blob_read, 2)
        results.update(file_write_mb_s=mb / fw, blob_write_mb_s=mb / bw,
                       blob_write_vs_file=bw / fw, file_read_mb_s=mb / fr,
                       blob_read_mb_s=mb / br, blob_read_vs_file=br / fr)

        # Change passphrase: empty vault vs 1 GB of blobs.
        empty, _ = Vault.create(work / "empty", PW, kdf=params)
        t_empty = timed(lambda: empty.change_passphrase(PW, kdf=params), 3)
        empty.lock()
        remaining = args.blob_mb - mb * len(blob_ids)
        w = v.blob_writer(kind="bench", on_crash="discard")
        for _ in range(max(0, remaining)):
            w.write(chunk)
        w.finish()
        size_gb = (work / "v" / "vault.db").stat().st_size / 1e9
        t_full = timed(lambda: v.change_passphrase(PW, kdf=params), 3)
        results.update(passwd_s_empty=t_empty, passwd_s_full=t_full, full_vault_gb=size_gb,
                       passwd_full_vs_empty=t_full / t_empty)
        v.lock()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    path = save("vault", results)
    print(machine())
    for k, val in results.items():
        print(f"{k:28s} {val:12.3f}")
    print(f"saved {path}")


if __name__ == "__main__":
    t0 = time.time()
    main()
    print(f"total {time.time() - t0:.0f} s")
