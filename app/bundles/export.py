"""Export: interviews -> one signed, encrypted bundle file.

Everything is read from one read snapshot (a second connection inside a read transaction), so a
bundle is consistent even while recording continues. Audio streams from the vault through the
tar writer into age without ever being held whole in memory or written in plaintext; the bundle
is written under a temporary name in the destination folder (its bytes are already encrypted)
and renamed only when complete, so a cancelled or failed export leaves nothing behind.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app import __version__
from app.bundles import anchor, container
from app.bundles.collect import SHARE_BLANKED, Collector
from app.bundles.errors import BundleError
from app.bundles.keys import SupervisorPublic, device_receipt_recipient
from app.bundles.model import (
    AUDIT,
    AUDIT_CHAIN,
    DEVICE_PUB,
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    PROFILES,
    PURPOSES,
    SIGNATURE,
    SUMS,
    WITHHELD_KIND,
    audio_name,
    consent_of,
    interview_digest,
    jsonl,
    sums_text,
    table_name,
    trusted_comment,
)
from app.bundles.streams import prefetched, write_atomically
from app.bundles.strictjson import loads as strict_loads
from app.bundles.tables import interview_tables
from app.changes import Change, Kind, publish
from app.errors import NotFound, UsageError
from app.tasks import CancelToken, ProgressFn, no_progress
from crypto import minisign
from storage import blobs
from storage.db import Connection
from storage.jsonutil import canonical_json
from storage.migrations import current_version
from storage.vault import Vault


@dataclass
class ExportResult:
    path: Path
    bundle_id: str
    sequence: int
    manifest_sha256: str
    interviews: list[str]
    skipped: list[str] = field(default_factory=list)
    redactions: int = 0
    encrypted: bool = True


@dataclass
class _Entry:
    name: str
    size: int
    sha256: str
    data: bytes | None = None
    blob_id: str | None = None


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _data_entry(name: str, data: bytes) -> _Entry:
    return _Entry(name, len(data), _sha(data), data=data)


def _resolve(conn: Connection, ident: str) -> tuple[str, str]:
    row = conn.execute("SELECT id, code FROM interview WHERE id = ? OR code = ?",
                       (ident, ident)).fetchone()
    if row is None:
        raise NotFound(f"No interview {ident} in this vault; nothing was exported — "
                       "see 'testimony interview list'.")
    return str(row[0]), str(row[1])


def _taxonomy_version(conn: Connection) -> str | None:
    """The active coding taxonomy as 'name version (id)', if the vault has one."""
    try:
        from app.coding.taxonomy import active_version_id
    except ImportError:  # the coding area is optional for bundles
        return None
    active = active_version_id(conn)
    if active is None:
        return None
    row = conn.execute("SELECT name, version FROM taxonomy_version WHERE id = ?",
                       (active,)).fetchone()
    return f"{row[0]} {row[1]} ({active})" if row else active


def _previous_digests(conn: Connection, recipients: Sequence[str]) -> dict[str, set[str]]:
    """interview id -> digests already sent to every one of ``recipients``."""
    sent: dict[str, dict[str, set[str]]] = {}
    for bundle_recipients, iid, digest in conn.execute(
            "SELECT e.recipients, i.interview_id, i.digest FROM bundle_export_item i "
            "JOIN bundle_export e ON e.bundle_id = i.bundle_id"):
        for r in json.loads(bundle_recipients):
            sent.setdefault(iid, {}).setdefault(r, set()).add(digest)
    result: dict[str, set[str]] = {}
    for iid, per in sent.items():
        common = set.intersection(*(per.get(r, set()) for r in recipients)) if recipients else set()
        result[iid] = common
    return result


def _blob_chunks(snap: Connection, blob_id: str, sha256: str, cancel: CancelToken | None,
                 progress: Callable[[int], None]) -> Iterator[bytes]:
    digest = hashlib.sha256()
    for chunk in prefetched(blobs.iter_chunks(snap, blob_id)):
        if cancel is not None:
            cancel.raise_if_cancelled("The export was cancelled; no bundle file was left behind.")
        digest.update(chunk)
        progress(len(chunk))
        yield chunk
    if digest.hexdigest() != sha256:
        raise BundleError("A stored audio file no longer matches its recorded hash; nothing was "
                          "exported — run 'testimony check' and report this.")


def export_bundle(
    vault: Vault,
    ids: Sequence[str],
    *,
    recipients: Sequence[SupervisorPublic],
    out: Path,
    role: str,
    profile: str = "archive",
    purpose: str = "archive",
    since_last: bool = False,
    unencrypted: bool = False,
    now: dt.datetime | None = None,
    progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
    notice: Callable[[str], None] = lambda _m: None,
) -> ExportResult:
    """Write one signed bundle of ``ids`` (default: every interview) to ``out``.

    Interviews whose consent does not cover ``purpose`` are left out with a notice, or the
    export is refused if they were named. Raises UsageError, NotFound, BundleError, Cancelled;
    on any failure no file is left at (or next to) ``out``.
    """
    if profile not in PROFILES:
        raise UsageError(f"Unknown profile '{profile}'; use one of: {', '.join(PROFILES)}.")
    if purpose not in PURPOSES:
        raise UsageError(f"Unknown purpose '{purpose}'; use one of: {', '.join(PURPOSES)}.")
    if not recipients and not unencrypted:
        raise UsageError("Name at least one --recipient (a pinned supervisor's public key file).")
    out = Path(out)
    if out.exists():
        raise UsageError(f"{out} already exists; choose a new file name (nothing was written).")
    if not out.parent.is_dir():
        raise UsageError(f"The folder {out.parent} does not exist; create it or choose another.")
    now = now or dt.datetime.now(dt.UTC)
    recipient_keys = sorted({r.age_recipient for r in recipients})
    snap = vault.new_connection()
    try:
        snap.execute("BEGIN")
        return _export(vault, snap, ids, recipients=recipients, recipient_keys=recipient_keys,
                       out=out, role=role, profile=profile, purpose=purpose,
                       since_last=since_last, unencrypted=unencrypted, now=now,
                       progress=progress, cancel=cancel, notice=notice)
    finally:
        try:
            snap.execute("ROLLBACK")
        finally:
            snap.close()


def _export(vault: Vault, snap: Connection, ids: Sequence[str], *,
            recipients: Sequence[SupervisorPublic], recipient_keys: list[str], out: Path,
            role: str, profile: str, purpose: str, since_last: bool, unencrypted: bool,
            now: dt.datetime, progress: ProgressFn, cancel: CancelToken | None,
            notice: Callable[[str], None]) -> ExportResult:
    table_list = interview_tables(snap)
    tables = {t.name: t for t in table_list}
    named = bool(ids)
    if named:
        chosen = [_resolve(snap, i) for i in ids]
        chosen = list(dict.fromkeys(chosen))
    else:
        chosen = [(str(r[0]), str(r[1])) for r in snap.execute(
            "SELECT id, code FROM interview ORDER BY created_at, code")]
    skipped: list[str] = []
    selected: list[tuple[str, str, str]] = []
    previous = _previous_digests(snap, recipient_keys) if since_last else {}
    for iid, code in chosen:
        scopes, withdrawn = consent_of(snap, iid)
        if withdrawn or purpose not in scopes:
            why = ("its consent was withdrawn" if withdrawn
                   else f"its consent does not cover '{purpose}'")
            if named:
                raise UsageError(f"Interview {code} cannot be exported because {why}; nothing "
                                 "was exported — remove it from the list or update the consent.")
            skipped.append(f"Left out {code}: {why}.")
            continue
        digest = interview_digest(snap, tables, iid)
        if since_last and digest in previous.get(iid, set()):
            skipped.append(f"Left out {code}: unchanged since the last bundle to this recipient.")
            continue
        selected.append((iid, code, digest))
    for message in skipped:
        notice(message)
    if not selected:
        raise UsageError("There is nothing to export (see the notes above); no file was written.")

    builder = Collector(snap, table_list, profile)
    for iid, _, _ in selected:
        builder.add_interview(iid)

    entries: list[_Entry] = []
    audio_meta: list[dict[str, Any]] = []
    for blob_id in sorted(builder.blob_ids):
        row = snap.execute("SELECT kind, state, size, sha256, created_at, completed_at FROM blob "
                           "WHERE id = ?", (blob_id,)).fetchone()
        if row is None or row[1] == "writing" or row[3] is None:
            raise UsageError("An interview's audio is still being recorded or is missing; finish "
                             "the recording first (nothing was exported).")
        if profile == "share":
            entries.append(_data_entry(audio_name(blob_id), b""))
            audio_meta.append({"blob_id": blob_id, "kind": WITHHELD_KIND, "state": "complete",
                               "created_at": row[4], "completed_at": row[5]})
            continue
        entries.append(_Entry(audio_name(blob_id), int(row[2]), str(row[3]), blob_id=blob_id))
        audio_meta.append({"blob_id": blob_id, "kind": row[0], "state": row[1],
                           "created_at": row[4], "completed_at": row[5]})
    for t in table_list:
        if t.name in builder.rows and builder.rows[t.name]:
            entries.append(_data_entry(table_name(t.name), jsonl(builder.rows[t.name])))
    chain_text, audit_chain = anchor.chain_of(snap)
    entries.append(_data_entry(AUDIT_CHAIN, chain_text))
    entries.append(_data_entry(AUDIT, jsonl(builder.audit_entries())))

    device = vault.device()
    device_pub = minisign.public_key_file(
        device.public_key, f"testimony device {device.id} minisign public key "
        f"{minisign.key_id_hex(device.public_key)}").encode("ascii")
    head = [_data_entry(DEVICE_PUB, device_pub)]
    sums = sums_text([{"name": e.name, "sha256": e.sha256} for e in head + entries])
    sums_entry = _data_entry(SUMS, sums)
    files = [{"name": e.name, "size": e.size, "sha256": e.sha256}
             for e in head + [sums_entry] + entries]

    last = vault.conn.execute(
        "SELECT seq, manifest_sha256 FROM bundle_export ORDER BY seq DESC LIMIT 1").fetchone()
    sequence = (int(last[0]) + 1) if last else 1
    bundle_id = str(uuid.uuid4())
    stamp = now.isoformat()
    audit_head = snap.execute("SELECT value FROM meta WHERE key = 'audit_head'").fetchone()
    manifest: dict[str, Any] = {
        "format": FORMAT, "format_version": FORMAT_VERSION,
        "bundle_id": bundle_id, "created_at": stamp, "created_by": role,
        "app_version": __version__, "schema_version": current_version(snap),
        "device": {"id": device.id, "fingerprint": device.fingerprint,
                   "minisign": minisign.public_key_line(device.public_key),
                   "age_recipient": device_receipt_recipient(vault)},
        "sequence": sequence, "previous_manifest_sha256": last[1] if last else None,
        "encrypted": not unencrypted,
        "recipients": [{"age_recipient": r.age_recipient, "fingerprint": r.fingerprint}
                       for r in sorted(recipients, key=lambda r: r.age_recipient)],
        "profile": profile, "purpose": purpose,
        "taxonomy_version": _taxonomy_version(snap),
        "taxonomy_versions_used": sorted({str(r["taxonomy_version"])
                                          for r in builder.rows.get("tag", [])
                                          if r.get("taxonomy_version")}),
        "interviews": [{"id": iid, "code": code, "digest": digest}
                       for iid, code, digest in selected],
        "audio": audio_meta,
        "redactions": builder.redactions,
        "dropped": {"tables": sorted(builder.dropped), "rows": builder.dropped_rows,
                    "audio_withheld": profile == "share",
                    "blanked_columns": {k: sorted(v) for k, v in SHARE_BLANKED.items()}
                    if profile == "share" else {}},
        "source_audit_head": str(audit_head[0]) if audit_head else None,
        "audit_chain": audit_chain,
        "files": files,
    }
    manifest_bytes = canonical_json(manifest) + b"\n"
    strict_loads(manifest_bytes)  # our own output must pass our own strict reader
    manifest_sha = _sha(manifest_bytes)
    signature = minisign.sign_file(vault.device_private_key(), device.public_key, manifest_bytes,
                                   trusted_comment(manifest))

    total = sum(e.size for e in entries) + 1
    done = 0

    def advance(n: int) -> None:
        nonlocal done
        done += n
        progress(min(done / total, 0.99), "exporting")

    def stream() -> Iterator[bytes]:
        for name, data in ((DEVICE_PUB, device_pub), (MANIFEST, manifest_bytes),
                           (SIGNATURE, signature), (SUMS, sums)):
            yield from container.entry_stream(name, len(data), iter([data]))
        for e in entries:
            if cancel is not None:
                cancel.raise_if_cancelled("The export was cancelled; no bundle file was left "
                                          "behind.")
            if e.data is not None:
                advance(e.size)
                chunks: Iterator[bytes] = iter([e.data])
            else:
                assert e.blob_id is not None
                chunks = _blob_chunks(snap, e.blob_id, e.sha256, cancel, advance)
            yield from container.entry_stream(e.name, e.size, chunks)
        yield container.END_OF_ARCHIVE

    write_atomically(out, stream(), recipient_keys if not unencrypted else None)
    try:
        with vault.transaction() as conn:
            conn.execute("INSERT INTO bundle_export(bundle_id, seq, manifest_sha256, recipients,"
                         " profile, purpose, created_at, created_by) VALUES (?,?,?,?,?,?,?,?)",
                         (bundle_id, sequence, manifest_sha, json.dumps(recipient_keys), profile,
                          purpose, stamp, role))
            conn.executemany("INSERT INTO bundle_export_item(bundle_id, interview_id, digest)"
                             " VALUES (?,?,?)", [(bundle_id, i, d) for i, _, d in selected])
            vault.audit("export", "bundle", bundle_id, role=role, now=now, details={
                "sequence": sequence, "profile": profile, "purpose": purpose,
                "encrypted": not unencrypted, "interviews": [i for i, _, _ in selected],
                "recipients": [r.fingerprint for r in recipients],
                "redactions": len(builder.redactions)})
    except BaseException:
        out.unlink(missing_ok=True)
        raise
    publish(vault, Change(Kind.BUNDLE_EXPORTED))
    progress(1.0, "exported")
    return ExportResult(out, bundle_id, sequence, manifest_sha, [c for _, c, _ in selected],
                        skipped, len(builder.redactions), not unencrypted)
