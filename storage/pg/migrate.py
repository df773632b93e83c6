"""``archive migrate``: copy a supervisor's vault into the archive, verify it, safe to re-run.

One PostgreSQL transaction copies every table the two share (foreign keys checked at the end):
a row whose key is new is inserted; a row already there must be identical (a re-run, or data
that arrived in both by bundles), otherwise nothing is kept and the difference is reported.
Each recording is streamed out of the vault, hashed, and stored as an encrypted object under its
SHA-256 (an object already there is kept). Afterwards every table's rows are counted on both
sides and every recording's object is checked to exist; the vault's own audit log is kept in
``imported_audit`` (under the vault's device id), and the archive's log records the migration.
Running it again adds nothing and reports every row and object as already present.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from storage import audit
from storage.blobs import iter_chunks
from storage.errors import ArchiveError, BlobError
from storage.jsonutil import canonical_json
from storage.pg.roles import TAXONOMY_KEY

if TYPE_CHECKING:
    from storage.pg.archive import Archive
    from storage.vault import Vault

# Not copied: the vault's own identity and keys, its internal state, and what is carried
# differently (audit_log -> imported_audit, blob_chunk -> object files).
NOT_COPIED = frozenset({"meta", "audit_log", "device", "supervisor_identity", "blob_chunk",
                        "schema_migrations"})


@dataclass
class MigrateResult:
    copied: dict[str, int] = field(default_factory=dict)     # new rows per table
    present: dict[str, int] = field(default_factory=dict)    # rows already there, identical
    objects_new: int = 0
    objects_present: int = 0
    audit_entries: int = 0
    taxonomy_active: str | None = None  # the vault's active taxonomy, made the archive's

    @property
    def rows_new(self) -> int:
        return sum(self.copied.values())


def _columns(conn: Any, table: str) -> tuple[list[str], list[str]]:
    info = conn.execute(f'PRAGMA table_info("{table}")').fetchall()
    cols = [str(r[1]) for r in info]
    pk = [str(r[1]) for r in sorted((r for r in info if r[5]), key=lambda r: r[5])]
    return cols, pk or cols


def _norm(values: Any) -> list[Any]:
    return [bytes(v) if isinstance(v, memoryview) else v for v in values]


def migrate(vault: Vault, archive: Archive, *, role: str,
            now: dt.datetime | None = None) -> MigrateResult:
    result = MigrateResult()
    audit.verify(vault.conn)  # a vault whose log is broken is not copied as if it were sound
    now = now or dt.datetime.now(dt.UTC)
    src = vault.conn
    shared = [str(r[0]) for r in archive.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    in_vault = {str(r[0]) for r in src.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    tables = [t for t in shared if t in in_vault and t not in NOT_COPIED]
    device = vault.device()
    with archive.transaction() as dst:
        dst.execute("PRAGMA defer_foreign_keys = ON")
        for table in tables:
            _copy_table(src, dst, table, result)
        _copy_audit(src, dst, device.id, vault.vault_id, result)
        result.taxonomy_active = _carry_taxonomy(src, dst)
        store = archive.audio_store(dst)
        for blob_id, sha in src.execute("SELECT id, sha256 FROM blob WHERE sha256 IS NOT NULL "
                                        "AND size > 0 ORDER BY id").fetchall():
            if store.has(str(sha)):
                result.objects_present += 1
                continue
            store.begin(str(blob_id), str(sha))
            try:
                for chunk in iter_chunks(src, blob_id):
                    store.write(chunk)
                store.end()
            except BlobError:
                store.abandon()
                raise ArchiveError("archive.vault_blob_damaged", blob_id=blob_id) from None
            result.objects_new += 1
        if dst.execute("PRAGMA foreign_key_check").fetchone() is not None:
            raise ArchiveError("archive.migrate_count_differs", table="(references)",
                               vault="?", archive="?")
        _verify(src, dst, tables, archive, result)
        archive.audit("migrate", "vault", vault.vault_id, role=role, now=now, details={
            "device_id": device.id, "rows_new": result.rows_new,
            "rows_present": sum(result.present.values()), "objects_new": result.objects_new,
            "objects_present": result.objects_present, "audit_entries": result.audit_entries,
            "taxonomy_active": result.taxonomy_active})
    return result


def _copy_table(src: Any, dst: Any, table: str, result: MigrateResult) -> None:
    cols, key = _columns(src, table)
    dst_cols = set(_columns(dst, table)[0])
    cols = [c for c in cols if c in dst_cols]
    col_sql = ", ".join(f'"{c}"' for c in cols)
    where = " AND ".join(f'"{c}" IS ?' for c in key)
    insert = (f'INSERT OR IGNORE INTO "{table}"({col_sql}) '  # noqa: S608 - catalogue names
              f"VALUES ({', '.join('?' * len(cols))})")
    select = f'SELECT {col_sql} FROM "{table}" WHERE {where}'  # noqa: S608 - catalogue names
    new = present = 0
    for row in src.execute(f'SELECT {col_sql} FROM "{table}"'):  # noqa: S608
        values = _norm(row)
        if dst.execute(insert, values).rowcount:
            new += 1
            continue
        keys = [values[cols.index(c)] for c in key]
        there = dst.execute(select, keys).fetchone()
        if there is None or _norm(there) != values:
            raise ArchiveError("archive.migrate_conflict", table=table,
                               key=json.dumps(dict(zip(key, keys, strict=True)), default=str))
        present += 1
    result.copied[table] = new
    result.present[table] = present


def _carry_taxonomy(src: Any, dst: Any) -> str | None:
    """Make the vault's active taxonomy version (copied with ``taxonomy_version``) the
    archive's, unless the archive already uses an organisation's own (not the shipped one)."""
    mine = src.execute("SELECT value FROM meta WHERE key = ?", (TAXONOMY_KEY,)).fetchone()
    if mine is None:
        return None
    theirs = dst.execute("SELECT m.value, v.source FROM meta m LEFT JOIN taxonomy_version v "
                         "ON v.id = m.value WHERE m.key = ?", (TAXONOMY_KEY,)).fetchone()
    if theirs is not None and theirs[0] != mine[0] and theirs[1] not in (None, "builtin"):
        return None
    dst.execute("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET "
                "value = excluded.value", (TAXONOMY_KEY, str(mine[0])))
    return str(mine[0])


def _copy_audit(src: Any, dst: Any, device_id: str, vault_id: str,
                result: MigrateResult) -> None:
    n = 0
    for entry in audit.entries(src):
        cur = dst.execute(
            "INSERT OR IGNORE INTO imported_audit(device_id, id, seq, at, role, action, "
            "object_type, object_id, details, prev_hash, hash, bundle_id) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (device_id, entry.id, entry.seq, entry.at, entry.role, entry.action,
             entry.object_type, entry.object_id, canonical_json(entry.details).decode("utf-8"),
             entry.prev_hash, entry.hash, f"migrate:{vault_id}"))
        n += cur.rowcount
    result.audit_entries = n


def _verify(src: Any, dst: Any, tables: list[str], archive: Archive,
            result: MigrateResult) -> None:
    """Every row of the vault is in the archive (counted both ways), every recording too."""
    for table in tables:
        vault_n = int(src.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])  # noqa: S608
        archive_n = int(dst.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])  # noqa: S608
        if result.copied[table] + result.present[table] != vault_n or archive_n < vault_n:
            raise ArchiveError("archive.migrate_count_differs", table=table, vault=vault_n,
                               archive=archive_n)
    for (sha,) in src.execute("SELECT sha256 FROM blob WHERE sha256 IS NOT NULL AND size > 0"):
        if not archive.objects.has(str(sha)):
            raise ArchiveError("archive.object_missing", sha256=sha)
