"""The append-only, hash-chained audit log inside the vault.

Each entry's hash covers its content and the previous entry's hash; the head (last sequence
number and hash) is kept in ``meta`` and updated in the same transaction, so a changed, removed,
reordered or truncated entry is detected by ``verify``. Details hold identifiers and field
names, never testimony text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from dataclasses import dataclass
from typing import Any

from storage.db import Connection
from storage.errors import AuditBroken
from storage.jsonutil import canonical_json

GENESIS = "0" * 64
ROLES = ("interviewer", "translator", "coder", "supervisor", "system")


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    id: str
    at: str
    role: str
    action: str
    object_type: str
    object_id: str | None
    details: dict[str, Any]
    prev_hash: str
    hash: str


def _entry_hash(prev_hash: str, body: dict[str, Any]) -> str:
    return hashlib.sha256(prev_hash.encode("ascii") + b"\n" + canonical_json(body)).hexdigest()


def _body(seq: int, entry_id: str, at: str, role: str, action: str, object_type: str,
          object_id: str | None, details: dict[str, Any]) -> dict[str, Any]:
    return {
        "seq": seq, "id": entry_id, "at": at, "role": role, "action": action,
        "object_type": object_type, "object_id": object_id, "details": details,
    }


def _head(conn: Connection) -> tuple[int, str]:
    row = conn.execute("SELECT value FROM meta WHERE key = 'audit_head'").fetchone()
    if row is None:
        return 0, GENESIS
    seq_text, digest = str(row[0]).split(":", 1)
    return int(seq_text), digest


def append(
    conn: Connection,
    *,
    action: str,
    object_type: str,
    object_id: str | None = None,
    role: str = "system",
    details: dict[str, Any] | None = None,
    now: dt.datetime | None = None,
) -> AuditEntry:
    """Append one entry. Call inside the transaction that makes the change it records."""
    if not conn.in_transaction:
        raise RuntimeError("audit.append must run inside the transaction of the change it records")
    seq, prev = _head(conn)
    seq += 1
    at = (now or dt.datetime.now(dt.UTC)).isoformat()
    entry_id = str(uuid.uuid4())
    details = details or {}
    body = _body(seq, entry_id, at, role, action, object_type, object_id, details)
    digest = _entry_hash(prev, body)
    conn.execute(
        "INSERT INTO audit_log(seq, id, at, role, action, object_type, object_id, details,"
        " prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?)",
        (seq, entry_id, at, role, action, object_type, object_id,
         canonical_json(details).decode("utf-8"), prev, digest),
    )
    conn.execute(
        "INSERT INTO meta(key, value) VALUES ('audit_head', ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (f"{seq}:{digest}",),
    )
    return AuditEntry(seq, entry_id, at, role, action, object_type, object_id, details, prev, digest)


def entries(conn: Connection, *, object_id: str | None = None) -> list[AuditEntry]:
    sql = ("SELECT seq, id, at, role, action, object_type, object_id, details, prev_hash, hash "
           "FROM audit_log")
    params: tuple[Any, ...] = ()
    if object_id is not None:
        sql += " WHERE object_id = ?"
        params = (object_id,)
    rows = conn.execute(sql + " ORDER BY seq", params).fetchall()
    return [
        AuditEntry(r[0], r[1], r[2], r[3], r[4], r[5], r[6], json.loads(r[7]), r[8], r[9])
        for r in rows
    ]


def verify(conn: Connection) -> int:
    """Check the whole chain; return the number of entries or raise AuditBroken."""
    prev = GENESIS
    expected_seq = 0
    for entry in entries(conn):
        expected_seq += 1
        if entry.seq != expected_seq:
            raise AuditBroken(
                "audit.audit_log_entry_missing", expected_seq=expected_seq
            )
        if entry.prev_hash != prev:
            raise AuditBroken(
                "audit.audit_log_entry_follow", seq=entry.seq
            )
        body = _body(entry.seq, entry.id, entry.at, entry.role, entry.action, entry.object_type,
                     entry.object_id, entry.details)
        if _entry_hash(prev, body) != entry.hash:
            raise AuditBroken(
                "audit.audit_log_entry_changed", seq=entry.seq
            )
        prev = entry.hash
    head_seq, head_hash = _head(conn)
    if head_seq != expected_seq or head_hash != prev:
        raise AuditBroken(
            "audit.audit_log_shorter_than"
        )
    return expected_seq


def edit_is_detected(conn: Connection, seq: int) -> bool:
    """Whether ``verify`` notices entry ``seq`` edited: the edit is made inside a transaction
    that is always rolled back, so the log is unchanged afterwards (the self-test's proof that
    the chain catches an edit)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("UPDATE audit_log SET action = action || '-edited' WHERE seq = ?", (seq,))
        try:
            verify(conn)
        except AuditBroken:
            return True
        return False
    finally:
        conn.execute("ROLLBACK")
