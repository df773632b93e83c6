"""Receipts: the supervisor's signed acknowledgement, and purging what it covers from a laptop.

Keeping little on a laptop is the protection that works at a checkpoint, but nothing may be lost:
an interview is purged only if a pinned supervisor signed that it received an *archive* bundle
holding exactly the interview's current content (the digest recorded at export).

A receipt travels back on a stick, so it says as little as possible and only to the laptop it is
for: it is an age file encrypted to the device's receipt key (pinned with the device, confirmed
in every signed manifest), and inside it holds only the bundle's manifest hash and the digests
of the acknowledged interviews, signed by the supervisor. No ids, codes, names or labels. It is
written only where the supervisor chooses, readable by the owner only.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.bundles.errors import BundleRejected
from app.bundles.importer import ImportResult
from app.bundles.keys import SupervisorIdentity, SupervisorPublic, device_receipt_identity
from app.bundles.model import interview_digest
from app.bundles.streams import write_atomically
from app.bundles.strictjson import StrictJsonError
from app.bundles.strictjson import loads as strict_loads
from app.bundles.tables import interview_tables
from app.changes import Change, Kind, publish
from app.errors import UsageError
from crypto.agefile import AGE_MAGIC, AgeError, Encryptor, decrypt_stream
from crypto.errors import BadSignature
from crypto.minisign import b64decode_canonical
from crypto.signing import sign, verify
from errors import Message
from storage import blobs
from storage.jsonutil import canonical_json
from storage.vault import Vault

RECEIPT_MAGIC = "testimony-receipt-v2"
OLD_RECEIPT_MAGIC = b"testimony-receipt-v1\n"  # plaintext receipts of earlier versions
MAX_RECEIPT = 4 * 1024 * 1024


def receipt_interviews(result: ImportResult) -> list[dict[str, str]]:
    """The interviews (id, digest) a receipt for ``result`` acknowledges: the one place that
    decides it (the ids are used here only; the receipt carries just the digests).

    Interviews with unresolved conflicts in the supervisor's vault are left out, so the laptop
    keeps (and cannot purge) anything the supervisor has not yet reconciled."""
    held = set(result.conflicted_interviews)
    return [{"id": i.id, "digest": i.digest}
            for i in result.manifest.body.interviews if i.id not in held]


def make_receipt(identity: SupervisorIdentity, result: ImportResult) -> bytes:
    """A signed receipt for an imported (or replayed) bundle, encrypted to its device."""
    m = result.manifest
    payload = {
        "type": RECEIPT_MAGIC,
        "manifest_sha256": m.sha256,
        "digests": sorted(i["digest"] for i in receipt_interviews(result)),
    }
    body = canonical_json(payload)
    signature = sign(identity.signing_private, body)
    inner = (f"{RECEIPT_MAGIC}\n".encode() + base64.b64encode(body) + b"\n"
             + base64.b64encode(signature) + b"\n")
    out = io.BytesIO()
    enc = Encryptor(out, [m.body.device.age_recipient])
    enc.write(inner)
    enc.close()
    return out.getvalue()


def write_receipt(out: Path, identity: SupervisorIdentity, result: ImportResult) -> Path:
    """Write the receipt to ``out`` (a new file, owner-only, never half-written). CLI and GUI."""
    out = Path(out)
    if out.exists():
        raise UsageError("receipt.already_exists_choose_new", out=out)
    if not out.parent.is_dir():
        raise UsageError("receipt.folder_exist_choose_another", parent=out.parent)
    write_atomically(out, iter([make_receipt(identity, result)]), None)
    return out


def _bad(code: str, /, **params: object) -> BundleRejected:
    """A refusal whose reason is ``code`` (a lower-case clause of errors.catalog)."""
    return BundleRejected("receipt.refused", reason=Message(code, params))


def _decrypt(vault: Vault, data: bytes) -> bytes:
    if len(data) > MAX_RECEIPT:
        raise _bad("receipt.far_too_large")
    if data.startswith(OLD_RECEIPT_MAGIC):
        raise _bad("receipt.old_plain_text_receipt")
    if not data.startswith(AGE_MAGIC):
        raise _bad("receipt.testimony_vault_receipt")
    plain = io.BytesIO()
    try:
        decrypt_stream(io.BytesIO(data), plain, device_receipt_identity(vault))
    except AgeError:
        raise _bad("receipt.laptop_decrypt_made_another") from None
    return plain.getvalue()


def _pinned_supervisors(vault: Vault) -> list[SupervisorPublic]:
    return [SupervisorPublic(str(r[0]), bytes(r[1])) for r in vault.conn.execute(
        "SELECT age_recipient, signing_key FROM trusted_supervisor ORDER BY pinned_at")]


def _parse(vault: Vault, data: bytes) -> dict[str, Any]:
    lines = _decrypt(vault, data).split(b"\n")
    if len(lines) != 4 or lines[0] != RECEIPT_MAGIC.encode() or lines[3] != b"":
        raise _bad("receipt.testimony_vault_receipt")
    try:
        body = b64decode_canonical(lines[1])
        signature = b64decode_canonical(lines[2])
        payload = strict_loads(body)
    except (binascii.Error, StrictJsonError):
        raise _bad("receipt.damaged") from None
    if not isinstance(payload, dict) or payload.get("type") != RECEIPT_MAGIC \
            or not isinstance(payload.get("manifest_sha256"), str) \
            or not isinstance(payload.get("digests"), list) \
            or not all(isinstance(d, str) for d in payload["digests"]):
        raise _bad("receipt.damaged")
    for sup in _pinned_supervisors(vault):
        try:
            verify(sup.signing_key, signature, body)
        except BadSignature:
            continue
        payload["_fingerprint"] = sup.fingerprint
        return payload
    raise _bad("receipt.signed_supervisor_pinned_vault")


@dataclass
class ReceiptResult:
    bundle_id: str
    acknowledged: list[str] = field(default_factory=list)


def apply_receipt(vault: Vault, data: bytes, *, role: str,
                  now: dt.datetime | None = None) -> ReceiptResult:
    """Check a receipt and mark the interviews it covers as safe to purge."""
    payload = _parse(vault, data)
    row = vault.conn.execute("SELECT bundle_id, profile FROM bundle_export WHERE "
                             "manifest_sha256 = ?", (payload["manifest_sha256"],)).fetchone()
    if row is None:
        raise _bad("receipt.acknowledges_bundle_laptop_did")
    bundle_id = str(row[0])
    if row[1] != "archive":
        raise _bad("receipt.acknowledges_share_bundle_which")
    exported = {str(digest): str(iid) for iid, digest in vault.conn.execute(
        "SELECT interview_id, digest FROM bundle_export_item WHERE bundle_id = ?", (bundle_id,))}
    if any(d not in exported for d in payload["digests"]):
        raise _bad("receipt.lists_interview_bundle")
    stamp = (now or dt.datetime.now(dt.UTC)).isoformat()
    result = ReceiptResult(bundle_id)
    with vault.transaction() as conn:
        for digest in payload["digests"]:
            iid = exported[digest]
            conn.execute("INSERT OR IGNORE INTO purge_ack(interview_id, bundle_id, digest, "
                         "supervisor_fingerprint, acknowledged_at) VALUES (?,?,?,?,?)",
                         (iid, bundle_id, digest, payload["_fingerprint"], stamp))
            result.acknowledged.append(iid)
        vault.audit("receipt", "bundle", bundle_id, role=role, now=now,
                    details={"interviews": result.acknowledged,
                             "supervisor": payload["_fingerprint"]})
    publish(vault, Change(Kind.RECEIPT_APPLIED))
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
        publish(vault, Change(Kind.INTERVIEW_DELETED, str(iid)))
    if result.purged:
        # Deleted pages are overwritten (secure_delete); fold the WAL back so none linger there.
        vault.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return result
