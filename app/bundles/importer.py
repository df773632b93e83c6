"""Verify and import bundles into a supervisor's vault.

``verify_bundle`` never writes. ``import_bundle`` runs the full verification first (pass 1,
nothing written), then streams the bundle a second time inside ONE transaction (pass 2), merging
by id; any failure rolls everything back, so a hostile or damaged bundle leaves the vault as it
was. Merge rules: absent -> insert; identical -> skip; different -> the vault's row is kept and
the incoming row is stored in ``import_conflict`` and reported. Rows with new ids (revisions,
tags made in two places) are simply unioned.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlcipher3

from app.bundles.errors import BundleError
from app.bundles.keys import DevicePublic, SupervisorIdentity, pinned_device_key
from app.bundles.model import WITHHELD_KIND
from app.bundles.reader import (
    FileCheck,
    Manifest,
    Report,
    check_recipients,
    read_bundle,
    rejected,
)
from app.bundles.tables import Table, decode_value, interview_tables, quote
from app.tasks import CancelToken, ProgressFn, no_progress
from storage.blobs import CHUNK_SIZE
from storage.db import Connection
from storage.jsonutil import canonical_json
from storage.vault import Vault

REPLAY = "replay: this exact bundle was already imported"


@dataclass
class SequenceStatus:
    chain: str
    replay: bool = False
    warning: str | None = None


def sequence_status(conn: Connection, manifest: Manifest) -> SequenceStatus:
    """Compare a bundle with what this vault accepted from its device (TUF-style rollback and
    fork protection). Raises BundleRejected for rollback or fork."""
    device_id = manifest.device.device_id
    seq, sha = manifest.sequence, manifest.sha256
    prev = manifest.data["previous_manifest_sha256"]
    seen = conn.execute("SELECT manifest_sha256 FROM bundle_import WHERE device_id = ? AND seq = ?",
                        (device_id, seq)).fetchone()
    if seen is not None:
        if seen[0] == sha:
            return SequenceStatus(REPLAY, replay=True)
        raise rejected(f"it is a fork: this device's bundle number {seq} was already imported "
                       "with different content (report this: one of the two was not made by the "
                       "laptop you trust)")
    dup = conn.execute("SELECT 1 FROM bundle_import WHERE bundle_id = ?",
                       (manifest.bundle_id,)).fetchone()
    if dup is not None:
        raise rejected("a different bundle with the same id was already imported")
    row = conn.execute("SELECT last_seq, last_manifest_sha256 FROM bundle_import_state "
                       "WHERE device_id = ?", (device_id,)).fetchone()
    if row is None:
        if seq == 1:
            return SequenceStatus("first bundle from this device")
        return SequenceStatus(f"first bundle seen from this device is number {seq}",
                              warning=f"bundles 1 to {seq - 1} from this device were never "
                              "imported here; ask whether they exist")
    last_seq, last_sha = int(row[0]), str(row[1])
    if seq < last_seq:
        raise rejected(f"it is a rollback: its number {seq} is lower than the last accepted "
                       f"({last_seq}) from this device")
    if seq == last_seq + 1:
        if prev != last_sha:
            raise rejected(f"it is a fork: bundle {seq} does not follow bundle {last_seq} that "
                           "was accepted from this device")
        return SequenceStatus(f"continues from bundle {last_seq}")
    return SequenceStatus(f"gap after bundle {last_seq}",
                          warning=f"bundles {last_seq + 1} to {seq - 1} from this device are "
                          "missing; ask the interviewer for them")


def _trust_check(vault: Vault | None, signer: DevicePublic | None,
                 manifest: Manifest) -> bool | None:
    """Check the bundle's origin against a trust anchor: the device keys pinned in ``vault``, or
    ``signer``, a device public key file obtained in person. None: no anchor, origin unchecked
    (the key inside the bundle proves integrity only: anyone can make a key and claim an id)."""
    if vault is not None:
        pinned = pinned_device_key(vault, manifest.device.device_id)
        if pinned is None or pinned != manifest.device.public_key:
            raise rejected(f"it was signed by a device that is not pinned in this vault "
                           f"(fingerprint {manifest.device.fingerprint}); pin it with 'testimony "
                           "keys trust-device' only after comparing that fingerprint with the "
                           "interviewer")
        return True
    if signer is None:
        return None
    if signer.device_id != manifest.device.device_id:
        raise rejected(f"it names device {manifest.device.device_id}, not the device "
                       f"{signer.device_id} of the --signer key file")
    if signer.public_key != manifest.device.public_key:
        raise rejected(f"it claims to come from device {signer.device_id} but was signed by a "
                       f"different key (fingerprint {manifest.device.fingerprint}, not "
                       f"{signer.fingerprint} as in the --signer key file), so someone else "
                       "made it")
    return True


def verify_bundle(path: Path, identity: SupervisorIdentity | None, *,
                  vault: Vault | None = None, signer: DevicePublic | None = None,
                  progress: ProgressFn = no_progress,
                  cancel: CancelToken | None = None) -> Report:
    """Check a bundle completely and describe it. Never writes. Raises BundleRejected (exit 4).

    The origin is checked only against a trust anchor: ``vault`` (its pinned devices, plus the
    sequence rules) or ``signer`` (the device's public key obtained in person). With neither the
    report has ``origin_checked`` False and must not be taken as valid."""
    state: dict[str, Any] = {}

    def on_manifest(manifest: Manifest) -> None:
        check_recipients(manifest, state["encrypted"],
                         identity.public.age_recipient if identity else None)
        state["pinned"] = _trust_check(vault, signer, manifest)
        state["seq"] = (sequence_status(vault.conn, manifest) if vault is not None
                        else SequenceStatus("not checked (no --vault given)"))
        if vault is not None:
            _check_tables_known(vault, manifest)

    manifest, encrypted = read_bundle(
        Path(path), identity.age_identity if identity else None, on_manifest=on_manifest,
        on_encrypted=lambda e: state.__setitem__("encrypted", e),
        progress=lambda f: progress(f, "verifying"), cancel=cancel)
    seq: SequenceStatus = state["seq"]
    anchor = "vault" if vault is not None else "signer" if signer is not None else None
    report = Report(manifest, encrypted, state["pinned"], seq.chain,
                    [FileCheck(f["name"], f["size"], f["sha256"]) for f in manifest.files],
                    anchor=anchor)
    if seq.warning:
        report.warnings.append(seq.warning)
    if not encrypted:
        report.warnings.append("this bundle is NOT encrypted; anyone who held the file could "
                               "read it")
    return report


def _check_tables_known(vault: Vault, manifest: Manifest) -> None:
    known = {t.name for t in interview_tables(vault.conn)}
    for f in manifest.files:
        if f["name"].startswith("tables/"):
            table = f["name"][len("tables/"):-len(".jsonl")]
            if table not in known:
                raise rejected(f"it holds a table ('{table}') this vault does not accept for "
                               "interview data (made by a newer version, or crafted)")


@dataclass
class ImportResult:
    bundle_id: str
    device_id: str
    sequence: int
    manifest: Manifest
    replay: bool = False
    inserted: int = 0
    skipped: int = 0
    conflicts: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


class _MergeSink:
    """Pass 2: writes rows and audio inside the open import transaction."""

    def __init__(self, conn: Connection, tables: dict[str, Table], bundle_id: str,
                 device_id: str, stamp: str, cancel: CancelToken | None) -> None:
        self.conn = conn
        self.tables = tables
        self.bundle_id = bundle_id
        self.device_id = device_id
        self.stamp = stamp
        self.cancel = cancel
        self.result_inserted = 0
        self.result_skipped = 0
        self.conflicts: list[tuple[str, str]] = []
        self._blob: str | None = None
        self._buf = bytearray()
        self._seq = 0
        self._offset = 0

    def _conflict(self, table: str, key: str, incoming: dict[str, Any]) -> None:
        body = canonical_json(incoming).decode("utf-8")
        if self.conn.execute("SELECT 1 FROM import_conflict WHERE table_name = ? AND row_key = ?"
                             " AND incoming = ?", (table, key, body)).fetchone():
            self.result_skipped += 1
            return
        self.conn.execute("INSERT INTO import_conflict(id, bundle_id, table_name, row_key,"
                          " incoming, created_at) VALUES (?,?,?,?,?,?)",
                          (str(uuid.uuid4()), self.bundle_id, table, key, body, self.stamp))
        self.conflicts.append((table, key))

    def table_row(self, table: str, row: dict[str, Any]) -> None:
        t = self.tables.get(table)
        if t is None:
            raise rejected(f"it holds a table ('{table}') this vault does not accept")
        cols = list(row)
        if not set(cols) <= set(t.columns) or not set(t.key_columns) <= set(cols):
            raise rejected(f"its '{table}' records do not fit this vault's schema")
        values = [decode_value(row[c]) for c in cols]
        key_vals = [decode_value(row[c]) for c in t.key_columns]
        key = json.dumps(dict(zip(t.key_columns, [row[c] for c in t.key_columns], strict=True)),
                         sort_keys=True)
        where = " AND ".join(f"{quote(c)} IS ?" for c in t.key_columns)
        col_sql = ", ".join(quote(c) for c in cols)
        existing = self.conn.execute(
            f"SELECT {col_sql} FROM {quote(table)} WHERE {where}", key_vals).fetchone()  # noqa: S608 - checked identifiers
        if existing is None:
            try:
                self.conn.execute(
                    f"INSERT INTO {quote(table)}({col_sql}) VALUES ({', '.join('?' * len(cols))})",  # noqa: S608
                    values)
                self.result_inserted += 1
            except sqlcipher3.IntegrityError:
                if table == "interview":
                    # Its records would have nothing to hang on: say so instead of a conflict.
                    raise BundleError(
                        f"The bundle's interview {row.get('code')} has the same code as a "
                        "different interview already in this vault; nothing was imported — give "
                        "one of them a new code (codes must be unique across the organisation)."
                    ) from None
                self._conflict(table, key, row)
        elif [bytes(v) if isinstance(v, memoryview) else v for v in existing] == values:
            self.result_skipped += 1
        else:
            self._conflict(table, key, row)

    def audio_begin(self, blob_id: str, size: int, sha256: str, meta: dict[str, Any]) -> None:
        row = self.conn.execute("SELECT sha256, kind FROM blob WHERE id = ?",
                                (blob_id,)).fetchone()
        self._blob = None
        if row is not None and row[1] == WITHHELD_KIND and meta["kind"] != WITHHELD_KIND:
            # A 'share' bundle left an empty placeholder; the real recording replaces it.
            self.conn.execute("DELETE FROM blob_chunk WHERE blob_id = ?", (blob_id,))
            self.conn.execute("DELETE FROM blob WHERE id = ?", (blob_id,))
            row = None
        if row is not None:
            if row[0] == sha256:
                self.result_skipped += 1
            else:
                self._conflict("blob", json.dumps({"id": blob_id}), {"id": blob_id,
                                                                     "sha256": sha256})
            return
        self.conn.execute("INSERT INTO blob(id, kind, state, on_crash, size, sha256, created_at,"
                          " completed_at) VALUES (?,?,?,?,?,?,?,?)",
                          (blob_id, meta["kind"], meta["state"], "keep", size, sha256,
                           meta.get("created_at") or self.stamp, meta.get("completed_at")))
        self._blob, self._seq, self._offset = blob_id, 0, 0
        self._buf.clear()
        self.result_inserted += 1

    def _flush(self) -> None:
        if self._blob is None or not self._buf:
            return
        self.conn.execute("INSERT INTO blob_chunk(blob_id, seq, offset, data) VALUES (?,?,?,?)",
                          (self._blob, self._seq, self._offset, bytes(self._buf)))
        self._seq += 1
        self._offset += len(self._buf)
        self._buf.clear()

    def audio_data(self, chunk: bytes) -> None:
        if self.cancel is not None:
            self.cancel.raise_if_cancelled("The import was cancelled; nothing was changed.")
        if self._blob is None:
            return
        self._buf += chunk
        if len(self._buf) >= CHUNK_SIZE:
            self._flush()

    def audio_end(self) -> None:
        self._flush()
        self._blob = None

    def audit_row(self, entry: dict[str, Any]) -> None:
        cur = self.conn.execute(
            "INSERT OR IGNORE INTO imported_audit(device_id, id, seq, at, role, action, "
            "object_type, object_id, details, prev_hash, hash, bundle_id) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (self.device_id, entry["id"], entry["seq"], entry["at"], entry["role"],
             entry["action"], entry["object_type"], entry["object_id"],
             canonical_json(entry["details"]).decode("utf-8"), entry["prev_hash"],
             entry["hash"], self.bundle_id))
        if cur.rowcount:
            self.result_inserted += 1


def import_bundle(vault: Vault, path: Path, identity: SupervisorIdentity, *, role: str,
                  now: dt.datetime | None = None, progress: ProgressFn = no_progress,
                  cancel: CancelToken | None = None) -> ImportResult:
    """Verify, then merge one bundle into ``vault`` all-or-nothing. Replays change nothing.

    Cancelling (or any failure) before the commit rolls everything back."""
    path = Path(path)
    report = verify_bundle(path, identity, vault=vault,
                           progress=lambda f, _label: progress(f / 2, "verifying"),
                           cancel=cancel)
    manifest = report.manifest
    result = ImportResult(manifest.bundle_id, manifest.device.device_id, manifest.sequence,
                          manifest, warnings=list(report.warnings))
    if report.chain == REPLAY:
        result.replay = True
        return result
    now = now or dt.datetime.now(dt.UTC)
    stamp = now.isoformat()
    tables = {t.name: t for t in interview_tables(vault.conn)}
    with vault.transaction() as conn:
        conn.execute("PRAGMA defer_foreign_keys = ON")
        sink = _MergeSink(conn, tables, manifest.bundle_id, manifest.device.device_id, stamp,
                          cancel)

        def recheck(m: Manifest) -> None:
            sequence_status(conn, m)

        read_bundle(path, identity.age_identity, on_manifest=recheck, sink=sink,
                    expect_manifest_sha=manifest.sha256,
                    progress=lambda f: progress(0.5 + f / 2, "importing"), cancel=cancel)
        if conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
            raise rejected("its records refer to data that is neither in the bundle nor in this "
                           "vault")
        conn.execute(
            "INSERT INTO bundle_import_state(device_id, last_seq, last_manifest_sha256, "
            "updated_at) VALUES (?,?,?,?) ON CONFLICT(device_id) DO UPDATE SET "
            "last_seq = excluded.last_seq, last_manifest_sha256 = excluded.last_manifest_sha256,"
            " updated_at = excluded.updated_at",
            (manifest.device.device_id, manifest.sequence, manifest.sha256, stamp))
        conn.execute("INSERT INTO bundle_import(bundle_id, device_id, seq, manifest_sha256, "
                     "inserted, skipped, conflicts, imported_at, imported_by) "
                     "VALUES (?,?,?,?,?,?,?,?,?)",
                     (manifest.bundle_id, manifest.device.device_id, manifest.sequence,
                      manifest.sha256, sink.result_inserted, sink.result_skipped,
                      len(sink.conflicts), stamp, role))
        vault.audit("import", "bundle", manifest.bundle_id, role=role, now=now, details={
            "device_id": manifest.device.device_id, "sequence": manifest.sequence,
            "manifest_sha256": manifest.sha256, "interviews": sorted(manifest.interview_ids),
            "inserted": sink.result_inserted, "skipped": sink.result_skipped,
            "conflicts": len(sink.conflicts)})
    result.inserted = sink.result_inserted
    result.skipped = sink.result_skipped
    result.conflicts = sink.conflicts
    progress(1.0, "imported")
    return result


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()
