"""Export: interviews -> one signed, encrypted bundle file.

Everything is read from one read snapshot (a second connection inside a read transaction), so a
bundle is consistent even while recording continues; audio chunks are fetched on that connection
and on one more begun with it (``open_readers``), every byte checked against the snapshot's
recorded SHA-256. Audio streams from the vault through the
tar writer into age without ever being held whole in memory or written in plaintext; the bundle
is written under a temporary name in the destination folder (its bytes are already encrypted)
and renamed only when complete, so a cancelled or failed export leaves nothing behind.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app import __version__
from app import consent as consent_rule
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
from app.bundles.streams import interleaved, write_atomically
from app.bundles.strictjson import loads as strict_loads
from app.bundles.tables import Table, interview_tables, rows_for
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
    withdrawals: list[str] = field(default_factory=list)  # codes sent as withdrawal notices


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _resolve(conn: Connection, ident: str) -> tuple[str, str]:
    row = conn.execute("SELECT id, code FROM interview WHERE id = ? OR code = ?",
                       (ident, ident)).fetchone()
    if row is None:
        raise NotFound("export.interview_vault_nothing_exported", ident=ident)
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


def _sent(conn: Connection) -> dict[str, dict[str, set[str]]]:
    """interview id -> recipient -> the digests of it every earlier bundle sent them."""
    sent: dict[str, dict[str, set[str]]] = {}
    for bundle_recipients, iid, digest in conn.execute(
            "SELECT e.recipients, i.interview_id, i.digest FROM bundle_export_item i "
            "JOIN bundle_export e ON e.bundle_id = i.bundle_id"):
        for r in json.loads(bundle_recipients):
            sent.setdefault(str(iid), {}).setdefault(r, set()).add(str(digest))
    return sent


def _common_digests(per_recipient: dict[str, set[str]], recipients: Sequence[str]) -> set[str]:
    """The digests already sent to every one of ``recipients``."""
    if not recipients:
        return set()
    return set.intersection(*(per_recipient.get(r, set()) for r in recipients))


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
    leave_out_refused: bool = False,
    unencrypted: bool = False,
    now: dt.datetime | None = None,
    progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None,
    notice: Callable[[str], None] = lambda _m: None,
) -> ExportResult:
    """Write one signed bundle of ``ids`` (default: every interview) to ``out``.

    Interviews whose consent does not cover ``purpose`` are left out with a notice, or the
    export is refused if they were named (unless ``leave_out_refused``: a list ticked in the
    window, where the notes say what was left out). Raises UsageError, NotFound, BundleError, Cancelled;
    on any failure no file is left at (or next to) ``out``.
    """
    if profile not in PROFILES:
        raise UsageError("export.unknown_profile_use_one", profile=profile,
                         choices=", ".join(PROFILES))
    if purpose not in PURPOSES:
        raise UsageError("export.unknown_purpose_use_one", purpose=purpose,
                         choices=", ".join(PURPOSES))
    if not recipients and not unencrypted:
        raise UsageError("export.name_least_one_recipient")
    out = Path(out)
    if out.exists():
        raise UsageError("export.already_exists_choose_new", out=out)
    if not out.parent.is_dir():
        raise UsageError("export.folder_exist_create_choose", parent=out.parent)
    now = now or dt.datetime.now(dt.UTC)
    recipient_keys = sorted({r.age_recipient for r in recipients})
    readers = open_readers(vault)
    try:
        snap = readers[0]
        table_list = interview_tables(snap)
        selection = select_interviews(snap, {t.name: t for t in table_list}, ids,
                                      purpose=purpose, since_last=since_last,
                                      recipient_keys=recipient_keys,
                                      leave_out_refused=leave_out_refused)
        for message in selection.skipped:
            notice(message)
        if not selection.chosen:
            raise UsageError("export.there_nothing_export_see")
        builder = collect(snap, table_list, profile, selection)
        contents = plan_contents(snap, builder, profile)
        device = vault.device()
        head = plan_head(device.id, device.public_key, contents.entries)
        manifest = build_manifest(
            vault, snap, selection, builder, contents, head, recipients=recipients, role=role,
            profile=profile, purpose=purpose, unencrypted=unencrypted, now=now)
        signed = sign_manifest(manifest, vault.device_private_key(), device.public_key)
        head_files = [(DEVICE_PUB, head.device_pub), (MANIFEST, signed.data),
                      (SIGNATURE, signed.signature), (SUMS, head.sums)]
        counter = _Progress(progress, sum(e.size for e in contents.entries) + 1)
        write_atomically(out, bundle_stream(
            head_files, contents.entries,
            lambda e: audio_chunks(readers, e.blob_id or "", e.sha256, cancel),
            cancel=cancel, advance=counter.advance),
            recipient_keys if not unencrypted else None)
    finally:
        close_readers(readers)
    try:
        record_export(vault, signed, recipients=recipients, recipient_keys=recipient_keys,
                      role=role, now=now)
    except BaseException:
        out.unlink(missing_ok=True)
        raise
    publish(vault, Change(Kind.BUNDLE_EXPORTED))
    progress(1.0, "exported")
    return ExportResult(out, manifest["bundle_id"], manifest["sequence"], signed.sha256,
                        [code for iid, code, _ in selection.chosen
                         if iid not in selection.withdrawals], list(selection.skipped),
                        len(builder.redactions), not unencrypted,
                        [code for iid, code, _ in selection.chosen
                         if iid in selection.withdrawals])


# ------------------------------------------------------------------------------ the steps
# Each step below can be run and tested alone: choose the interviews, collect their rows, plan
# the bundle's files, write and sign the manifest, stream the archive (age encrypts it in
# write_atomically), and record the export in the vault.

READERS = 2 if (os.cpu_count() or 1) > 1 else 1  # SQLCipher connections reading audio at once


def open_readers(vault: Vault, count: int = READERS) -> list[Connection]:
    """``count`` connections, each inside a read transaction begun now. The first is the read
    snapshot everything in the bundle comes from; the others only fetch audio chunks, whose
    bytes export checks against the snapshot's recorded SHA-256 (so audio changed in between
    can never slip into a bundle: the export is refused instead)."""
    conns: list[Connection] = []
    try:
        for _ in range(max(count, 1)):
            conn = vault.new_connection()
            conns.append(conn)
            conn.execute("BEGIN")
        for conn in conns:  # a deferred transaction takes its snapshot at the first read
            conn.execute("SELECT count(*) FROM meta").fetchone()
    except BaseException:
        close_readers(conns)
        raise
    return conns


def close_readers(conns: Sequence[Connection]) -> None:
    """End the read transactions and close the connections (all of them, whatever fails)."""
    errors: list[BaseException] = []
    for conn in conns:
        try:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
        except BaseException as exc:  # noqa: BLE001 - re-raised once every one is closed
            errors.append(exc)
        finally:
            conn.close()
    if errors:
        raise errors[0]


@dataclass(frozen=True)
class Selection:
    """The interviews a bundle carries, as (id, code, digest), and a notice for each one left
    out (consent, or unchanged since the last bundle to the same recipients).

    ``withdrawals`` are the ids among ``chosen`` sent as withdrawal notices: consent was
    withdrawn after every recipient had received the interview, so the bundle carries only
    its interview and consent rows (and their audit entries), no testimony; their digest is
    ``notice_digest``, never the interview's own, so a receipt for it never lets purge delete
    the interview."""

    chosen: tuple[tuple[str, str, str], ...]
    skipped: tuple[str, ...]
    withdrawals: frozenset[str] = frozenset()


NOTICE_TABLES = ("interview", "consent")


def notice_digest(snap: Connection, tables: dict[str, Table], interview_id: str) -> str:
    """The digest of a withdrawal notice: its rows, marked apart from any interview digest."""
    h = hashlib.sha256(b"withdrawal notice\0")
    for name in NOTICE_TABLES:
        for row in rows_for(snap, tables, name, interview_id):
            h.update(name.encode() + b"\0" + canonical_json(row) + b"\n")
    return h.hexdigest()


def select_interviews(snap: Connection, tables: dict[str, Table], ids: Sequence[str], *,
                      purpose: str, since_last: bool, recipient_keys: Sequence[str],
                      leave_out_refused: bool = False) -> Selection:
    """Resolve ``ids`` (every interview if empty) and keep those the consent and
    ``since_last`` allow. A named interview whose consent does not cover ``purpose`` refuses
    the whole export (UsageError) unless ``leave_out_refused``; an unnamed one is left out
    with a notice."""
    named = bool(ids)
    if named:
        chosen = list(dict.fromkeys(_resolve(snap, i) for i in ids))
    else:
        chosen = [(str(r[0]), str(r[1])) for r in snap.execute(
            "SELECT id, code FROM interview ORDER BY created_at, code")]
    skipped: list[str] = []
    selected: list[tuple[str, str, str]] = []
    withdrawals: set[str] = set()
    sent = _sent(snap)
    for iid, code in chosen:
        scopes, withdrawn = consent_of(snap, iid)
        refused = consent_rule.refusal(scopes, withdrawn, purpose)
        held = sent.get(iid, {})
        previous = _common_digests(held, recipient_keys) if since_last else set()
        if refused == "withdrawn" and recipient_keys and set(recipient_keys) <= held.keys():
            # Every recipient holds this testimony from an earlier bundle (any version): tell
            # them it was withdrawn (the notice carries no testimony), whatever the purpose.
            digest = notice_digest(snap, tables, iid)
            if digest not in previous:
                selected.append((iid, code, digest))
                withdrawals.add(iid)
            continue
        if refused is not None:
            why = ("its consent was withdrawn" if refused == "withdrawn"
                   else f"its consent does not cover '{purpose}'")
            if named and not leave_out_refused:
                raise UsageError("export.interview_exported_because_nothing", code=code, why=why)
            skipped.append(f"Left out {code}: {why}.")
            continue
        digest = interview_digest(snap, tables, iid)
        if digest in previous:
            skipped.append(f"Left out {code}: unchanged since the last bundle to this recipient.")
            continue
        selected.append((iid, code, digest))
    return Selection(tuple(selected), tuple(skipped), frozenset(withdrawals))


def collect(snap: Connection, tables: list[Table], profile: str,
            selection: Selection) -> Collector:
    """The rows, audio ids and audit entries of the chosen interviews, shaped by ``profile``."""
    builder = Collector(snap, tables, profile)
    for iid, _, _ in selection.chosen:
        if iid in selection.withdrawals:
            builder.add_interview(iid, only=NOTICE_TABLES)
        else:
            builder.add_interview(iid)
    return builder


@dataclass
class Entry:
    """One file of the bundle after the four head files: its bytes, or the audio blob it
    streams from."""

    name: str
    size: int
    sha256: str
    data: bytes | None = None
    blob_id: str | None = None


def _data_entry(name: str, data: bytes) -> Entry:
    return Entry(name, len(data), _sha(data), data=data)


@dataclass(frozen=True)
class Contents:
    """The bundle's files after the head, in bundle order, and the manifest fields that
    describe the audio and the audit chain."""

    entries: list[Entry]
    audio: list[dict[str, Any]]
    audit_chain: dict[str, Any]


def plan_contents(snap: Connection, builder: Collector, profile: str) -> Contents:
    """Audio (or, in 'share', empty placeholders), then one file per table, then the audit
    chain and the audit entries. Refuses (UsageError) audio still being recorded."""
    entries: list[Entry] = []
    audio_meta: list[dict[str, Any]] = []
    for blob_id in sorted(builder.blob_ids):
        row = snap.execute("SELECT kind, state, size, sha256, created_at, completed_at FROM blob "
                           "WHERE id = ?", (blob_id,)).fetchone()
        if row is None or row[1] == "writing" or row[3] is None:
            raise UsageError("export.interview_s_audio_still")
        if profile == "share":
            entries.append(_data_entry(audio_name(blob_id), b""))
            audio_meta.append({"blob_id": blob_id, "kind": WITHHELD_KIND, "state": "complete",
                               "created_at": row[4], "completed_at": row[5]})
            continue
        entries.append(Entry(audio_name(blob_id), int(row[2]), str(row[3]), blob_id=blob_id))
        audio_meta.append({"blob_id": blob_id, "kind": row[0], "state": row[1],
                           "created_at": row[4], "completed_at": row[5]})
    for t in builder.order:
        if builder.rows.get(t.name):
            entries.append(_data_entry(table_name(t.name), jsonl(builder.rows[t.name])))
    chain_text, audit_chain = anchor.chain_of(snap)
    entries.append(_data_entry(AUDIT_CHAIN, chain_text))
    entries.append(_data_entry(AUDIT, jsonl(builder.audit_entries())))
    return Contents(entries, audio_meta, audit_chain)


@dataclass(frozen=True)
class Head:
    """The device's public key file, SHA256SUMS, and the manifest's list of every file."""

    device_pub: bytes
    sums: bytes
    files: list[dict[str, Any]]


def plan_head(device_id: str, public_key: bytes, entries: Sequence[Entry]) -> Head:
    device_pub = minisign.public_key_file(
        public_key, f"testimony device {device_id} minisign public key "
        f"{minisign.key_id_hex(public_key)}").encode("ascii")
    head = [_data_entry(DEVICE_PUB, device_pub)]
    sums = sums_text([{"name": e.name, "sha256": e.sha256} for e in [*head, *entries]])
    sums_entry = _data_entry(SUMS, sums)
    files = [{"name": e.name, "size": e.size, "sha256": e.sha256}
             for e in [*head, sums_entry, *entries]]
    return Head(device_pub, sums, files)


def build_manifest(vault: Vault, snap: Connection, selection: Selection, builder: Collector,
                   contents: Contents, head: Head, *, recipients: Sequence[SupervisorPublic],
                   role: str, profile: str, purpose: str, unencrypted: bool,
                   now: dt.datetime) -> dict[str, Any]:
    """The manifest: a new bundle id, the next sequence number chained to the last export's
    manifest hash, and everything the reader checks."""
    device = vault.device()
    last = vault.conn.execute(
        "SELECT seq, manifest_sha256 FROM bundle_export ORDER BY seq DESC LIMIT 1").fetchone()
    audit_head = snap.execute("SELECT value FROM meta WHERE key = 'audit_head'").fetchone()
    return {
        "format": FORMAT, "format_version": FORMAT_VERSION,
        "bundle_id": str(uuid.uuid4()), "created_at": now.isoformat(), "created_by": role,
        "app_version": __version__, "schema_version": current_version(snap),
        "device": {"id": device.id, "fingerprint": device.fingerprint,
                   "minisign": minisign.public_key_line(device.public_key),
                   "age_recipient": device_receipt_recipient(vault)},
        "sequence": (int(last[0]) + 1) if last else 1,
        "previous_manifest_sha256": last[1] if last else None,
        "encrypted": not unencrypted,
        "recipients": [{"age_recipient": r.age_recipient, "fingerprint": r.fingerprint}
                       for r in sorted(recipients, key=lambda r: r.age_recipient)],
        "profile": profile, "purpose": purpose,
        "taxonomy_version": _taxonomy_version(snap),
        "taxonomy_versions_used": sorted({str(r["taxonomy_version"])
                                          for r in builder.rows.get("tag", [])
                                          if r.get("taxonomy_version")}),
        "interviews": [{"id": iid, "code": code, "digest": digest}
                       for iid, code, digest in selection.chosen],
        "audio": contents.audio,
        "redactions": builder.redactions,
        "dropped": {"tables": sorted(builder.dropped), "rows": builder.dropped_rows,
                    "audio_withheld": profile == "share",
                    "blanked_columns": {k: sorted(v) for k, v in SHARE_BLANKED.items()}
                    if profile == "share" else {}},
        "source_audit_head": str(audit_head[0]) if audit_head else None,
        "audit_chain": contents.audit_chain,
        "files": head.files,
    }


@dataclass(frozen=True)
class SignedManifest:
    manifest: dict[str, Any]
    data: bytes  # canonical JSON and a newline: the signed bytes
    sha256: str
    signature: bytes  # minisign signature file, trusted comment derived from the manifest


def sign_manifest(manifest: dict[str, Any], private_key: bytes,
                  public_key: bytes) -> SignedManifest:
    data = canonical_json(manifest) + b"\n"
    strict_loads(data)  # our own output must pass our own strict reader
    signature = minisign.sign_file(private_key, public_key, data, trusted_comment(manifest))
    return SignedManifest(manifest, data, _sha(data), signature)


_CANCELLED = "bundle.export_cancelled"


def bundle_stream(head_files: Sequence[tuple[str, bytes]], entries: Sequence[Entry],
                  audio: Callable[[Entry], Iterator[bytes]], *, cancel: CancelToken | None,
                  advance: Callable[[int], None]) -> Iterator[bytes]:
    """The tar archive as a stream: the head files, then every entry (audio from ``audio``),
    then the end-of-archive blocks. ``advance`` hears every entry byte as it passes."""
    for name, data in head_files:
        yield from container.entry_stream(name, len(data), iter([data]))
    for e in entries:
        if cancel is not None:
            cancel.raise_if_cancelled(_CANCELLED)
        chunks = iter([e.data]) if e.data is not None else audio(e)
        yield from container.entry_stream(e.name, e.size, _counted(chunks, advance))
    yield container.END_OF_ARCHIVE


def _counted(chunks: Iterator[bytes], advance: Callable[[int], None]) -> Iterator[bytes]:
    for chunk in chunks:
        advance(len(chunk))
        yield chunk


def audio_chunks(readers: Sequence[Connection], blob_id: str, sha256: str,
                 cancel: CancelToken | None) -> Iterator[bytes]:
    """A blob's chunks in order, fetched on every connection of ``readers`` at once (chunk i
    on reader i mod n), checked against ``sha256`` once the last one has passed."""
    seqs = blobs.chunk_seqs(readers[0], blob_id)
    count = len(readers)
    digest = hashlib.sha256()
    sources = [_chunks_of(conn, blob_id, seqs[k::count]) for k, conn in enumerate(readers)]
    for chunk in interleaved(sources):
        if cancel is not None:
            cancel.raise_if_cancelled(_CANCELLED)
        digest.update(chunk)
        yield chunk
    if digest.hexdigest() != sha256:
        raise BundleError("export.stored_audio_file_longer")


def _chunks_of(conn: Connection, blob_id: str, seqs: Sequence[int]) -> Iterator[bytes]:
    for seq in seqs:
        chunk = blobs.read_chunk(conn, blob_id, seq)
        if chunk is None:
            raise BundleError("export.audio_changed_during_export")
        yield chunk


class _Progress:
    def __init__(self, progress: ProgressFn, total: int) -> None:
        self.progress = progress
        self.total = total
        self.done = 0

    def advance(self, n: int) -> None:
        self.done += n
        self.progress(min(self.done / self.total, 0.99), "exporting")


def record_export(vault: Vault, signed: SignedManifest, *,
                  recipients: Sequence[SupervisorPublic], recipient_keys: Sequence[str],
                  role: str, now: dt.datetime) -> None:
    """Remember the bundle (its sequence, manifest hash and the interview digests sent, for the
    next bundle's chain and --since-last) and audit the export, in one transaction."""
    m = signed.manifest
    with vault.transaction() as conn:
        conn.execute("INSERT INTO bundle_export(bundle_id, seq, manifest_sha256, recipients,"
                     " profile, purpose, created_at, created_by) VALUES (?,?,?,?,?,?,?,?)",
                     (m["bundle_id"], m["sequence"], signed.sha256, json.dumps(list(recipient_keys)),
                      m["profile"], m["purpose"], m["created_at"], role))
        conn.executemany("INSERT INTO bundle_export_item(bundle_id, interview_id, digest)"
                         " VALUES (?,?,?)",
                         [(m["bundle_id"], i["id"], i["digest"]) for i in m["interviews"]])
        vault.audit("export", "bundle", m["bundle_id"], role=role, now=now, details={
            "sequence": m["sequence"], "profile": m["profile"], "purpose": m["purpose"],
            "encrypted": m["encrypted"], "interviews": [i["id"] for i in m["interviews"]],
            "recipients": [r.fingerprint for r in recipients],
            "redactions": len(m["redactions"])})
