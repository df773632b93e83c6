"""Import conflicts on the supervisor's side: listing them and marking them reconciled.

A conflict is an incoming row (or recording) that differed from what the vault already held; the
vault's version was kept and the incoming one stored beside it (``import_conflict``; audio under
its own blob id). While an interview has an unresolved conflict it is left out of receipts, so
the laptop keeps it. Marking a conflict resolved records that the supervisor reviewed it (the
vault's version stays, the incoming version stays on record); the next receipt for a bundle of
that interview (import it again: a replay writes a receipt) then acknowledges it.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import asdict, dataclass
from typing import Any

from app.errors import UsageError
from storage.backend import Store


@dataclass
class Conflict:
    id: str
    interview_id: str | None
    interview_code: str | None
    table: str
    row_key: str
    bundle_id: str
    device_id: str | None
    created_at: str
    resolved_at: str | None
    kept_blob_id: str | None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def line(self) -> str:
        where = self.interview_code or self.interview_id or "(interview unknown)"
        kept = f" (incoming audio kept as blob {self.kept_blob_id})" if self.kept_blob_id else ""
        state = f" resolved {self.resolved_at}" if self.resolved_at else ""
        return (f"{self.id}  {where}  {self.table} {self.row_key}{kept}  from bundle "
                f"{self.bundle_id} (device {self.device_id or '?'}) {self.created_at}{state}")


def list_conflicts(vault: Store, *, include_resolved: bool = False) -> list[Conflict]:
    """Conflicts in import order (unresolved only, unless asked), in a vault or the archive."""
    rows = vault.conn.execute(
        "SELECT c.id, c.interview_id, i.code, c.table_name, c.row_key, c.bundle_id, b.device_id,"
        " c.created_at, c.resolved_at, c.blob_id FROM import_conflict c"
        " LEFT JOIN interview i ON i.id = c.interview_id"
        " LEFT JOIN bundle_import b ON b.bundle_id = c.bundle_id"
        " WHERE ? = 1 OR c.resolved_at IS NULL ORDER BY c.created_at, c.id",
        (1 if include_resolved else 0,)).fetchall()
    return [Conflict(*[None if v is None else str(v) for v in r]) for r in rows]  # type: ignore[arg-type]


def resolve_conflict(vault: Store, conflict_id: str, *, role: str,
                     now: dt.datetime | None = None) -> Conflict:
    """Mark one conflict reviewed. Audited. Unknown or already resolved ids are usage errors."""
    found = [c for c in list_conflicts(vault, include_resolved=True) if c.id == conflict_id]
    if not found:
        raise UsageError("conflict.there_conflict_testimony_conflicts", conflict_id=conflict_id)
    if found[0].resolved_at is not None:
        raise UsageError("conflict.conflict_already_marked_resolved", conflict_id=conflict_id,
                         resolved_at=found[0].resolved_at)
    stamp = (now or dt.datetime.now(dt.UTC)).isoformat()
    with vault.transaction() as conn:
        conn.execute("UPDATE import_conflict SET resolved_at = ? WHERE id = ?",
                     (stamp, conflict_id))
        # ids only: a row key of a table without a primary key would hold the row's values
        vault.audit("resolve", "import_conflict", conflict_id, role=role, now=now,
                    details={"interview_id": found[0].interview_id, "table": found[0].table})
    found[0].resolved_at = stamp
    return found[0]


@dataclass
class OwnerChange:
    id: str
    interview_id: str
    interview_code: str
    from_device: str
    to_device: str
    reason: str
    decided_at: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def reassign_owner(vault: Store, interview: str, device_id: str, *, role: str, reason: str,
                   now: dt.datetime | None = None) -> OwnerChange:
    """Make pinned device ``device_id`` the owner of ``interview`` (its id or code) in this
    supervisor vault. Audited and kept in ``interview_owner_change``; deletes nothing. Usage
    errors (nothing changed) for an unknown interview, one no device owns, a device that is
    not pinned, the current owner, or an empty reason."""
    reason = " ".join(reason.split())
    if not reason:
        raise UsageError("conflicts.reassign_reason_needed")
    row = vault.conn.execute("SELECT id, code FROM interview WHERE id = ? OR code = ?",
                             (interview, interview)).fetchone()
    if row is None:
        raise UsageError("conflicts.reassign_no_interview", interview=interview)
    iid, code = str(row[0]), str(row[1])
    owner = vault.conn.execute("SELECT device_id FROM interview_owner WHERE interview_id = ?",
                               (iid,)).fetchone()
    if owner is None:
        raise UsageError("conflicts.reassign_no_owner", code=code)
    if vault.conn.execute("SELECT 1 FROM trusted_device WHERE device_id = ?",
                          (device_id,)).fetchone() is None:
        raise UsageError("conflicts.reassign_device_not_pinned", device_id=device_id)
    if owner[0] == device_id:
        raise UsageError("conflicts.reassign_same_owner", code=code, device_id=device_id)
    when = now or dt.datetime.now(dt.UTC)
    change = OwnerChange(str(uuid.uuid4()), iid, code, str(owner[0]), device_id, reason,
                         when.isoformat())
    with vault.transaction() as conn:
        conn.execute("INSERT INTO interview_owner_change(id, interview_id, from_device, "
                     "to_device, reason, decided_at, decided_by) VALUES (?,?,?,?,?,?,?)",
                     (change.id, iid, change.from_device, device_id, reason,
                      change.decided_at, role))
        conn.execute("UPDATE interview_owner SET device_id = ?, established_at = ? "
                     "WHERE interview_id = ?", (device_id, change.decided_at, iid))
        # ids only: the reason is the supervisor's words and stays in the table, not the log
        vault.audit("reassign", "interview_owner", iid, role=role, now=when,
                    details={"change_id": change.id, "from_device": change.from_device,
                             "to_device": device_id})
    return change


def owner_changes(vault: Store, interview_id: str | None = None) -> list[OwnerChange]:
    """Every ownership decision, oldest first (for one interview, if given)."""
    rows = vault.conn.execute(
        "SELECT c.id, c.interview_id, coalesce(i.code, ''), c.from_device, c.to_device, "
        "c.reason, c.decided_at FROM interview_owner_change c "
        "LEFT JOIN interview i ON i.id = c.interview_id "
        "WHERE CAST(? AS TEXT) IS NULL OR c.interview_id = ? ORDER BY c.decided_at, c.id",
        (interview_id, interview_id)).fetchall()
    return [OwnerChange(*[str(v) for v in r]) for r in rows]
