"""Receipts: the supervisor's signed acknowledgement, and purging what it covers from a laptop.

Keeping little on a laptop is the protection that works at a checkpoint, but nothing may be lost:
an interview is purged only if a pinned supervisor signed that it received an *archive* bundle
holding exactly the interview's current content (the digest recorded at export).
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from app.bundles.errors import BundleRejected
from app.bundles.importer import ImportResult
from app.bundles.keys import SupervisorIdentity, pinned_supervisor
from app.bundles.model import interview_digest
from app.bundles.strictjson import StrictJsonError
from app.bundles.strictjson import loads as strict_loads
from app.bundles.tables import interview_tables
from crypto.errors import BadSignature
from crypto.minisign import b64decode_canonical
from crypto.signing import sign, verify
from storage import blobs
from storage.jsonutil import canonical_json
from storage.vault import Vault

RECEIPT_MAGIC = "testimony-receipt-v1"
MAX_RECEIPT = 4 * 1024 * 1024


def make_receipt(identity: SupervisorIdentity, result: ImportResult,
                 now: dt.datetime | None = None) -> bytes:
    """A signed receipt for an imported (or replayed) bundle.

    Interviews with unresolved conflicts in the supervisor's vault are left out, so the laptop
    keeps (and cannot purge) anything the supervisor has not yet reconciled."""
    m = result.manifest
    held = set(result.conflicted_interviews)
    payload = {
        "type": RECEIPT_MAGIC,
        "bundle_id": m.bundle_id,
        "device_id": m.device.device_id,
        "sequence": m.sequence,
        "manifest_sha256": m.sha256,
        "profile": m.data["profile"],
        "interviews": [{"id": i["id"], "digest": i["digest"]} for i in m.data["interviews"]
                       if i["id"] not in held],
        "supervisor_age_recipient": identity.public.age_recipient,
        "received_at": (now or dt.datetime.now(dt.UTC)).isoformat(),
    }
    body = canonical_json(payload)
    signature = sign(identity.signing_private, body)
    return (f"{RECEIPT_MAGIC}\n".encode() + base64.b64encode(body) + b"\n"
            + base64.b64encode(signature) + b"\n")


def _bad(reason: str) -> BundleRejected:
    return BundleRejected(f"The receipt was refused: {reason}; nothing was marked for purging.")


def _parse(vault: Vault, data: bytes) -> dict[str, Any]:
    if len(data) > MAX_RECEIPT:
        raise _bad("it is far too large")
    lines = data.split(b"\n")
    if len(lines) != 4 or lines[0] != RECEIPT_MAGIC.encode() or lines[3] != b"":
        raise _bad("it is not a Testimony Vault receipt")
    try:
        body = b64decode_canonical(lines[1])
        signature = b64decode_canonical(lines[2])
        payload = strict_loads(body)
    except (binascii.Error, StrictJsonError):
        raise _bad("it is damaged") from None
    if not isinstance(payload, dict) or payload.get("type") != RECEIPT_MAGIC:
        raise _bad("it is damaged")
    recipient = payload.get("supervisor_age_recipient")
    sup = pinned_supervisor(vault, recipient) if isinstance(recipient, str) else None
    if sup is None:
        raise _bad("it was not signed by a supervisor pinned in this vault")
    try:
        verify(sup.signing_key, signature, body)
    except BadSignature:
        raise _bad("its signature does not match (it was altered or forged)") from None
    payload["_fingerprint"] = sup.fingerprint
    return payload


@dataclass
class ReceiptResult:
    bundle_id: str
    acknowledged: list[str] = field(default_factory=list)


def apply_receipt(vault: Vault, data: bytes, *, role: str,
                  now: dt.datetime | None = None) -> ReceiptResult:
    """Check a receipt and mark the interviews it covers as safe to purge."""
    payload = _parse(vault, data)
    if payload.get("device_id") != vault.device().id:
        raise _bad("it acknowledges a bundle from another laptop")
    row = vault.conn.execute("SELECT manifest_sha256, profile FROM bundle_export WHERE "
                             "bundle_id = ?", (payload.get("bundle_id"),)).fetchone()
    if row is None or row[0] != payload.get("manifest_sha256"):
        raise _bad("it acknowledges a bundle this laptop did not export")
    if row[1] != "archive":
        raise _bad("it acknowledges a 'share' bundle, which leaves out audio and details, so "
                   "nothing can be purged on its strength")
    exported = dict(vault.conn.execute(
        "SELECT interview_id, digest FROM bundle_export_item WHERE bundle_id = ?",
        (payload["bundle_id"],)).fetchall())
    items = payload.get("interviews")
    if not isinstance(items, list):
        raise _bad("it is damaged")
    stamp = (now or dt.datetime.now(dt.UTC)).isoformat()
    result = ReceiptResult(str(payload["bundle_id"]))
    with vault.transaction() as conn:
        for item in items:
            if not isinstance(item, dict) or exported.get(item.get("id")) != item.get("digest"):
                raise _bad("it lists an interview that was not in that bundle")
            conn.execute("INSERT OR IGNORE INTO purge_ack(interview_id, bundle_id, digest, "
                         "supervisor_fingerprint, acknowledged_at) VALUES (?,?,?,?,?)",
                         (item["id"], payload["bundle_id"], item["digest"],
                          payload["_fingerprint"], stamp))
            result.acknowledged.append(str(item["id"]))
        vault.audit("receipt", "bundle", str(payload["bundle_id"]), role=role, now=now,
                    details={"interviews": result.acknowledged,
                             "supervisor": payload["_fingerprint"]})
    return result


@dataclass
class PurgeResult:
    purged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)


def purge_acknowledged(vault: Vault, *, role: str, now: dt.datetime | None = None) -> PurgeResult:
    """Delete every interview a supervisor acknowledged, unless it changed after that export."""
    tables = {t.name: t for t in interview_tables(vault.conn)}
    result = PurgeResult()
    rows = vault.conn.execute(
        "SELECT p.interview_id, i.code, group_concat(p.digest, ' ') FROM purge_ack p "
        "JOIN interview i ON i.id = p.interview_id GROUP BY p.interview_id ORDER BY i.code"
    ).fetchall()
    for iid, code, digests in rows:
        if interview_digest(vault.conn, tables, iid) not in str(digests).split():
            result.kept.append(f"Kept {code}: it changed after the acknowledged bundle; export "
                               "it again and apply the new receipt.")
            continue
        with vault.transaction() as conn:
            blob_ids = [r[0] for r in conn.execute(
                "SELECT blob_id FROM audio_asset WHERE interview_id = ?", (iid,))]
            conn.execute("DELETE FROM interview WHERE id = ?", (iid,))
            for blob_id in blob_ids:
                if not conn.execute("SELECT 1 FROM audio_asset WHERE blob_id = ?",
                                    (blob_id,)).fetchone():
                    blobs.delete(conn, blob_id)
            conn.execute("DELETE FROM purge_ack WHERE interview_id = ?", (iid,))
            vault.audit("purge", "interview", iid, role=role, now=now,
                        details={"reason": "acknowledged by supervisor", "blobs": len(blob_ids)})
        result.purged.append(str(code))
    if result.purged:
        # Deleted pages are overwritten (secure_delete); fold the WAL back so none linger there.
        vault.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return result
