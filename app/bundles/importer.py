"""Verify and import bundles into a supervisor's vault.

``verify_bundle`` never writes. ``import_bundle`` runs the full verification first (pass 1,
nothing written), then streams the bundle a second time inside ONE transaction (pass 2), merging
by id; any failure rolls everything back, so a hostile or damaged bundle leaves the vault as it
was. Merge rules: absent -> insert; identical -> skip; different -> the vault's row is kept and
the incoming row is stored in ``import_conflict`` and reported (conflicting audio is kept too,
under a new blob id). Rows with new ids (revisions, tags made in two places) are simply unioned.

A bundle may only touch its signer's own interviews (``interview_owner``: the device an
interview was first received from), and every reference in its rows must stay inside the
interviews it lists. Sequence numbers are checked per device against every bundle imported
before, tolerant of arrival order (see ``sequence_status``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.bundles import anchor
from app.bundles.errors import BundleError
from app.bundles.keys import DevicePublic, SupervisorIdentity, pinned_device_key
from app.bundles.manifest import AudioEntry, rejected
from app.bundles.model import WITHHELD_KIND
from app.bundles.reader import (
    FileCheck,
    Manifest,
    Report,
    check_recipients,
    read_bundle,
)
from app.bundles.tables import (
    Table,
    decode_value,
    interview_of,
    interview_tables,
    quote,
    references,
)
from app.changes import Change, Kind, publish
from app.tasks import CancelToken, ProgressFn, no_progress
from errors import Message
from storage.backend import AudioStore, Store, iter_keys
from storage.db import INTEGRITY_ERRORS, Connection
from storage.jsonutil import canonical_json

# The chain line and the warnings are messages (a code of errors.catalog and its parameters),
# so each front end words them: the window in its interface language, the command line and
# what the vault stores in English (``str(message)``).
REPLAY = "bundle_chain.replay"
SUSPICIOUS = "bundle_warning.suspicious_"


def is_suspicious(warning: Message) -> bool:
    """A warning that one of two bundles was not made by the laptop the supervisor trusts."""
    return warning.code.startswith(SUSPICIOUS)


@dataclass
class SequenceStatus:
    chain: Message
    replay: bool = False
    warnings: list[Message] = field(default_factory=list)
    anchored: bool = True

    @property
    def moves_anchor(self) -> bool:
        """Whether this bundle's audit chain may extend the device's audit anchor (anchor.py):
        anchored, or at least not suspicious (a first bundle seen here, or one following it).
        A suspicious bundle is still checked against the anchor but cannot move it."""
        return self.anchored or not any(is_suspicious(w) for w in self.warnings)


@dataclass(frozen=True)
class _Known:
    bundle_id: str
    seq: int
    sha: str
    prev: str | None
    anchored: bool

    @property
    def ref(self) -> Message:
        return _ref(self.seq, self.bundle_id)


def _ref(seq: int, bundle_id: str) -> Message:
    """The phrase "bundle 3 (its id)", worded by the front end with the sentence around it."""
    return Message("bundle_chain.bundle_ref", {"seq": seq, "bundle_id": bundle_id})


def _known(conn: Connection, device_id: str) -> list[_Known]:
    return [_Known(str(r[0]), int(r[1]), str(r[2]), None if r[3] is None else str(r[3]),
                   r[4] == "anchored")
            for r in conn.execute(
                "SELECT bundle_id, seq, manifest_sha256, previous_manifest_sha256, chain "
                "FROM bundle_import WHERE device_id = ? ORDER BY seq, imported_at", (device_id,))]


def sequence_status(conn: Connection, manifest: Manifest) -> SequenceStatus:
    """Place a bundle in its device's chain of bundles already imported here (TUF-style
    rollback and fork protection, tolerant of arrival order). Raises BundleRejected for a fork.

    A bundle is *anchored* when it is number 1 or its ``previous_manifest_sha256`` is the
    manifest of an anchored bundle imported here. Only anchored bundles can make a later one a
    fork: a bundle accepted with an unknown parent is reported as suspicious and never causes a
    genuine bundle arriving later to be refused (so a stolen key that skips a number cannot get
    the laptop's real next bundle refused). An older bundle not seen before is accepted when its
    chain fits."""
    device_id = manifest.device.device_id
    seq, sha, bundle_id = manifest.sequence, manifest.sha256, manifest.bundle_id
    prev = manifest.body.previous_manifest_sha256
    me = _ref(seq, bundle_id)
    known = _known(conn, device_id)
    if any(k.sha == sha for k in known):
        return SequenceStatus(Message(REPLAY), replay=True)
    if (seq == 1) != (prev is None):
        raise rejected("bundle.chain_broken_first_names_previous" if seq == 1
                       else "bundle.chain_broken_names_no_previous", seq=seq)
    parents = [k for k in known if k.sha == prev]
    for p in parents:
        if p.seq != seq - 1:
            raise rejected("bundle.fork_says_follows_device", me=me, p=p.ref)
    anchored = seq == 1 or any(p.anchored for p in parents)
    same = [k for k in known if k.seq == seq]
    for k in same:
        if k.anchored:
            raise rejected("bundle.fork_device_s_bundle", seq=seq, bundle_id=k.bundle_id)
    if any(k.bundle_id == bundle_id for k in known) or conn.execute(
            "SELECT 1 FROM bundle_import WHERE bundle_id = ?", (bundle_id,)).fetchone():
        raise rejected("bundle.different_bundle_same_id")
    below = [k for k in known if k.seq == seq - 1 and k.anchored]
    if below and not parents:
        raise rejected("bundle.fork_bundle_follow_bundle", seq=seq, value=seq - 1)
    later = [k for k in known if k.seq > seq]
    lower = [k for k in known if k.seq < seq]
    warnings: list[Message] = []
    chain: Message
    if anchored and later:
        chain = (Message("bundle_chain.first_arrived_after", {"later": later[-1].seq})
                 if seq == 1 else Message("bundle_chain.continues_arrived_after",
                                          {"previous": seq - 1, "later": later[-1].seq}))
    elif anchored:
        chain = (Message("bundle_chain.first") if seq == 1
                 else Message("bundle_chain.continues", {"previous": seq - 1}))
    elif parents:
        chain = Message("bundle_chain.continues_unanchored", {"previous": seq - 1})
    elif not lower:
        chain = (Message("bundle_chain.first_seen", {"seq": seq}) if not known
                 else Message("bundle_chain.earlier_unknown", {"seq": seq}))
        warnings.append(Message("bundle_warning.earlier_never_imported", {"previous": seq - 1}))
    else:
        chain = Message("bundle_chain.previous_unknown", {"previous": seq - 1})
        if lower[-1].seq == seq - 1:
            warnings.append(Message("bundle_warning.suspicious_not_following",
                                    {"me": me, "other": lower[-1].ref}))
        else:
            warnings.append(Message("bundle_warning.suspicious_unknown_parent", {
                "me": me, "last": lower[-1].ref, "first_missing": lower[-1].seq + 1,
                "last_missing": seq - 1}))
    if same:
        warnings.append(
            Message("bundle_warning.suspicious_same_number_other_unanchored",
                    {"me": me, "other": same[0].ref, "seq": seq}) if anchored
            else Message("bundle_warning.suspicious_same_number_neither_follows",
                         {"me": me, "other": same[0].ref, "seq": seq}))
    for child in (k for k in later if k.seq == seq + 1):
        if child.prev is not None and child.prev != sha:
            warnings.append(Message("bundle_warning.suspicious_later_not_following",
                                    {"later": child.ref, "me": me}))
    return SequenceStatus(chain, warnings=warnings, anchored=anchored)


def _record_chain(conn: Connection, device_id: str, sha: str,
                  anchored: bool) -> list[Message]:
    """After an anchored bundle is stored, anchor the bundles imported earlier that follow it.
    Returns warnings when that leaves two anchored bundles with one number (a fork that arrived
    out of order: both were accepted without a known parent, now both fit)."""
    if not anchored:
        return []
    frontier, seqs = [sha], set()
    while frontier:
        parent = frontier.pop()
        rows = conn.execute("SELECT manifest_sha256, seq FROM bundle_import WHERE device_id = ? "
                            "AND previous_manifest_sha256 = ? AND chain = 'unanchored'",
                            (device_id, parent)).fetchall()
        conn.execute("UPDATE bundle_import SET chain = 'anchored' WHERE device_id = ? AND "
                     "previous_manifest_sha256 = ? AND chain = 'unanchored'", (device_id, parent))
        frontier += [str(r[0]) for r in rows]
        seqs |= {int(r[1]) for r in rows}
    warnings: list[Message] = []
    for seq in sorted(seqs):
        ids = [str(r[0]) for r in conn.execute(
            "SELECT bundle_id FROM bundle_import WHERE device_id = ? AND seq = ? AND chain = "
            "'anchored' ORDER BY bundle_id", (device_id, seq))]
        if len(ids) > 1:
            warnings.append(Message("bundle_warning.suspicious_two_fit",
                                    {"seq": seq, "bundle_ids": ", ".join(ids)}))
    return warnings


def _trust_check(vault: Store | None, signer: DevicePublic | None,
                 manifest: Manifest) -> bool | None:
    """Check the bundle's origin against a trust anchor: the device keys pinned in ``vault``, or
    ``signer``, a device public key file obtained in person. None: no anchor, origin unchecked
    (the key inside the bundle proves integrity only: anyone can make a key and claim an id)."""
    if vault is not None:
        pinned = pinned_device_key(vault, manifest.device.device_id)
        if pinned is None or pinned != manifest.device.public_key:
            raise rejected("bundle.signed_device_pinned_vault",
                           fingerprint=manifest.device.fingerprint)
        return True
    if signer is None:
        return None
    if signer.device_id != manifest.device.device_id:
        raise rejected("bundle.names_device_device_signer", device_id=manifest.device.device_id,
                       device_id2=signer.device_id)
    if signer.public_key != manifest.device.public_key:
        raise rejected("bundle.claims_come_from_device", device_id=signer.device_id,
                       fingerprint=manifest.device.fingerprint, fingerprint2=signer.fingerprint)
    return True


def verify_bundle(path: Path, identity: SupervisorIdentity | None, *,
                  vault: Store | None = None, signer: DevicePublic | None = None,
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
        state["seq"] = sequence_status(vault.conn, manifest) if vault is not None else None
        if vault is not None:
            _check_tables_known(vault, manifest)
            check_ownership(vault.conn, manifest)

    manifest, encrypted = read_bundle(
        Path(path), identity.age_identity if identity else None, on_manifest=on_manifest,
        on_encrypted=lambda e: state.__setitem__("encrypted", e),
        progress=lambda f: progress(f, "verifying"), cancel=cancel)
    # Audit-chain anchor and receipt key (anchor.py): inside the bundle, then against the vault.
    anchor.check_bundle(manifest)
    seq: SequenceStatus | None = state["seq"]
    if vault is not None:
        anchor.check_device(vault.conn, manifest)
    trust_anchor = "vault" if vault is not None else "signer" if signer is not None else None
    report = Report(manifest, encrypted, state["pinned"], seq.chain if seq else None,
                    [FileCheck(f.name, f.size, f.sha256) for f in manifest.files],
                    anchor=trust_anchor)
    report.warnings += seq.warnings if seq else []
    if not encrypted:
        report.warnings.append(Message("bundle_warning.not_encrypted"))
    return report


def _check_tables_known(vault: Store, manifest: Manifest) -> None:
    known = {t.name for t in interview_tables(vault.conn)}
    for f in manifest.files:
        if f.name.startswith("tables/"):
            table = f.name[len("tables/"):-len(".jsonl")]
            if table not in known:
                raise rejected("bundle.holds_table_vault_accept_2", table=table)


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
    warnings: list[Message] = field(default_factory=list)
    # Listed interviews with any unresolved conflict in this vault: left out of the receipt, so
    # the laptop keeps them until the supervisor has reconciled them.
    conflicted_interviews: list[str] = field(default_factory=list)
    # New records per table ("interview", "segment", "audio_asset", ...), for a summary in words.
    inserted_by_table: dict[str, int] = field(default_factory=dict)
    # Interviews whose consent the bundle withdrew here (the owning laptop recorded it).
    withdrawn: list[str] = field(default_factory=list)


# The consent columns a withdrawal changes (interviews.withdraw_consent).
WITHDRAWAL_COLUMNS = frozenset({"withdrawn_at", "withdrawal_note", "updated_at", "updated_by"})


def _interview_label(conn: Connection, manifest: Manifest, iid: str) -> str:
    row = conn.execute("SELECT code FROM interview WHERE id = ?", (iid,)).fetchone()
    code = str(row[0]) if row is not None else next(
        (i.code for i in manifest.body.interviews if i.id == iid), "?")
    return f"interview {code} ({iid})"


def check_ownership(conn: Connection, manifest: Manifest) -> None:
    """Every interview a bundle lists must be new here or owned by the device that signed it.

    The owner is the device an interview was first received from (the laptop it was recorded
    on, for interviews that come straight from the field); interviews created in this vault
    have no owner and no bundle may write into them."""
    device = manifest.device.device_id
    for iid in sorted(manifest.interview_ids):
        row = conn.execute("SELECT device_id FROM interview_owner WHERE interview_id = ?",
                           (iid,)).fetchone()
        if row is not None and row[0] != device:
            raise rejected("bundle.signed_device_but_writes", device=device,
                           interview_label=_interview_label(conn, manifest, iid), value=row[0])
        if row is None and conn.execute("SELECT 1 FROM interview WHERE id = ?",
                                        (iid,)).fetchone() is not None:
            raise rejected("bundle.signed_device_but_writes_2", device=device,
                           interview_label=_interview_label(conn, manifest, iid))


def conflicted_interviews(conn: Connection, manifest: Manifest) -> list[str]:
    """The bundle's interviews that have unresolved conflicts in this vault (a conflict whose
    interview is unknown counts against every interview of the bundle that made it)."""
    listed = manifest.interview_ids
    found: set[str] = set()
    for iid, bundle_id in conn.execute("SELECT DISTINCT interview_id, bundle_id FROM "
                                       "import_conflict WHERE resolved_at IS NULL"):
        if iid is None and bundle_id == manifest.bundle_id:
            return sorted(listed)
        if iid in listed:
            found.add(str(iid))
    return sorted(found)


class _MergeSink:
    """Pass 2: writes rows and audio inside the open import transaction.

    Rows and audio may only touch the bundle's own interviews (whose ownership was checked):
    a row reusing the key of another interview's row, a reference leaving the bundle's
    interviews, or audio belonging to another interview refuse the whole bundle."""

    def __init__(self, conn: Connection, tables: dict[str, Table], manifest: Manifest,
                 stamp: str, cancel: CancelToken | None, store: AudioStore) -> None:
        self.conn = conn
        self.store = store
        self.tables = tables
        self.bundle_id = manifest.bundle_id
        self.device_id = manifest.device.device_id
        self.listed = manifest.interview_ids
        self.stamp = stamp
        self.cancel = cancel
        self.result_inserted = 0
        self.result_by_table: dict[str, int] = {}
        self.result_skipped = 0
        self.conflicts: list[tuple[str, str]] = []
        self.renamed: list[str] = []
        self.withdrawn: list[str] = []  # interviews whose consent this bundle withdrew here
        self.refs: set[tuple[str, str, Any]] = set()  # (table, column, value) to resolve at end
        self.blob_refs: set[str] = set()
        self.new_blobs: list[str] = []
        self._blob: str | None = None

    def _conflict(self, table: str, key: str, incoming: dict[str, Any], interview_id: str | None,
                  blob_id: str | None = None) -> bool:
        body = canonical_json(incoming).decode("utf-8")
        if self.conn.execute("SELECT 1 FROM import_conflict WHERE table_name = ? AND row_key = ?"
                             " AND incoming = ?", (table, key, body)).fetchone():
            self.result_skipped += 1
            return False
        self.conn.execute("INSERT INTO import_conflict(id, bundle_id, table_name, row_key,"
                          " incoming, created_at, interview_id, blob_id) VALUES (?,?,?,?,?,?,?,?)",
                          (str(uuid.uuid4()), self.bundle_id, table, key, body, self.stamp,
                           interview_id, blob_id))
        if blob_id is None:
            self.conflicts.append((table, key))
        return True

    def _row_interview(self, t: Table, row: dict[str, Any]) -> str | None:
        if t.name == "interview":
            return str(row["id"])
        if "interview_id" in t.columns:
            return str(row["interview_id"])
        if t.parent_link is None or row.get(t.parent_link[0]) is None:
            return None
        col, parent, pcol = t.parent_link
        return interview_of(self.conn, self.tables, parent, pcol, decode_value(row[col]))

    def _existing_interview(self, t: Table, where: str, key_vals: list[Any]) -> str | None:
        if t.name == "interview":
            return str(key_vals[0])
        col = "interview_id" if "interview_id" in t.columns else (
            t.parent_link[0] if t.parent_link else None)
        if col is None:
            return None
        found = self.conn.execute(f"SELECT {quote(col)} FROM {quote(t.name)} WHERE {where}",  # noqa: S608 - checked identifiers
                                  key_vals).fetchone()
        if found is None or found[0] is None or col == "interview_id":
            return None if found is None or found[0] is None else str(found[0])
        assert t.parent_link is not None
        _, parent, pcol = t.parent_link
        return interview_of(self.conn, self.tables, parent, pcol, found[0])

    def table_row(self, table: str, row: dict[str, Any]) -> None:
        t = self.tables.get(table)
        if t is None:
            raise rejected("bundle.holds_table_vault_accept", table=table)
        cols = list(row)
        if (not set(cols) <= set(t.columns) or not set(t.key_columns) <= set(cols)
                or ("interview_id" in t.columns and "interview_id" not in row)):
            raise rejected("bundle.records_fit_vault_s", table=table)
        values = [decode_value(row[c]) for c in cols]
        key_vals = [decode_value(row[c]) for c in t.key_columns]
        key = json.dumps(dict(zip(t.key_columns, [row[c] for c in t.key_columns], strict=True)),
                         sort_keys=True)
        for col, target, tcol in references(self.tables, table):
            value = decode_value(row.get(col))
            if value is None:
                continue
            if target == "blob":
                self.blob_refs.add(str(value))
            elif target in self.tables:
                self.refs.add((target, tcol, value))
        where = " AND ".join(f"{quote(c)} IS ?" for c in t.key_columns)
        col_sql = ", ".join(quote(c) for c in cols)
        existing = self.conn.execute(
            f"SELECT {col_sql} FROM {quote(table)} WHERE {where}", key_vals).fetchone()  # noqa: S608 - checked identifiers
        if existing is not None and self._existing_interview(t, where, key_vals) not in self.listed:
            raise rejected("bundle.record_id_record_belongs", table=table, key=key)
        if existing is None:
            try:
                self.conn.execute(
                    f"INSERT INTO {quote(table)}({col_sql}) VALUES ({', '.join('?' * len(cols))})",  # noqa: S608
                    values)
                self.result_inserted += 1
                self.result_by_table[table] = self.result_by_table.get(table, 0) + 1
            except INTEGRITY_ERRORS:
                if table == "interview":
                    # Its records would have nothing to hang on: say so instead of a conflict.
                    raise BundleError(
                        "bundle.bundle_s_interview_same", code=row.get('code')
                    ) from None
                self._conflict(table, key, row, self._row_interview(t, row))
        elif [bytes(v) if isinstance(v, memoryview) else v for v in existing] == values:
            self.result_skipped += 1
        elif not ((table == "interview" and self._follow_rename(cols, list(existing), values))
                  or (table == "consent"
                      and self._follow_withdrawal(cols, list(existing), values))):
            self._conflict(table, key, row, self._row_interview(t, row))

    def _follow_rename(self, cols: list[str], existing: list[Any], values: list[Any]) -> bool:
        """A later bundle of the owning laptop renamed the interview (a new pseudonym code and
        nothing else): take the new code. Interviews are identified by id; the code is data.
        Anything else that differs stays a conflict for a person to resolve."""
        differ = {c for c, old, new in zip(cols, existing, values, strict=True) if old != new}
        if not differ or not differ <= {"code", "updated_at"} or "code" not in differ:
            return False
        new = dict(zip(cols, values, strict=True))
        old = dict(zip(cols, existing, strict=True))
        if str(new.get("updated_at") or "") < str(old.get("updated_at") or ""):
            return False  # an older bundle must not undo a newer rename
        try:
            self.conn.execute("UPDATE interview SET code = ?, updated_at = ? WHERE id = ?",
                              (new["code"], new.get("updated_at"), new["id"]))
        except INTEGRITY_ERRORS:
            return False  # another interview has that code here: a conflict to resolve
        self.renamed.append(str(new["id"]))
        self.result_inserted += 1
        return True

    def _follow_withdrawal(self, cols: list[str], existing: list[Any],
                           values: list[Any]) -> bool:
        """The owning laptop recorded that the witness withdrew consent (a later bundle, often
        a withdrawal notice: export.Selection): take the withdrawal. Only the withdrawal's own
        columns may differ; a consent already withdrawn here stays as it is; a bundle never
        takes a withdrawal back (that stays a conflict for a person to resolve)."""
        new = dict(zip(cols, values, strict=True))
        old = dict(zip(cols, existing, strict=True))
        differ = {c for c in cols if old[c] != new[c]}
        if not differ <= WITHDRAWAL_COLUMNS or new.get("withdrawn_at") is None:
            return False
        if old.get("withdrawn_at") is not None:
            self.result_skipped += 1  # withdrawn here already (e.g. told to the office)
            return True
        self.conn.execute(
            "UPDATE consent SET withdrawn_at = ?, withdrawal_note = ?, updated_at = ?,"
            " updated_by = ? WHERE interview_id = ?",
            (new["withdrawn_at"], new.get("withdrawal_note"), new.get("updated_at"),
             new.get("updated_by"), new["interview_id"]))
        self.withdrawn.append(str(new["interview_id"]))
        self.result_inserted += 1
        return True

    def _blob_interviews(self, blob_id: str) -> set[str]:
        return {str(r[0]) for r in self.conn.execute(
            "SELECT interview_id FROM audio_asset WHERE blob_id = ?", (blob_id,))}

    def audio_begin(self, blob_id: str, size: int, sha256: str, meta: AudioEntry) -> None:
        self._blob = None
        incoming_withheld = meta.kind == WITHHELD_KIND
        if incoming_withheld and size != 0:
            raise rejected("bundle.withheld_audio_placeholder_empty", blob_id=blob_id)
        row = self.conn.execute("SELECT sha256, kind FROM blob WHERE id = ?",
                                (blob_id,)).fetchone()
        if row is not None:
            owners = self._blob_interviews(blob_id)
            if not owners or not owners <= self.listed:
                raise rejected("bundle.audio_file_id_recording", blob_id=blob_id)
        if row is not None and row[1] == WITHHELD_KIND and not incoming_withheld:
            # A 'share' bundle left an empty placeholder; only the recording whose SHA-256 the
            # placeholder's records name may replace it (its owner was checked above).
            recorded = {str(r[0]) for r in self.conn.execute(
                "SELECT sha256 FROM audio_asset WHERE blob_id = ? AND sha256 IS NOT NULL",
                (blob_id,))}
            if recorded - {sha256}:
                raise rejected("bundle.audio_withheld_recording_match", blob_id=blob_id)
            self.store.delete(blob_id)
            self.conn.execute("DELETE FROM blob WHERE id = ?", (blob_id,))
            row = None
        if row is not None:
            if row[0] == sha256 or incoming_withheld:
                self.result_skipped += 1  # same audio, or a placeholder for audio we hold
                return
            if self.conn.execute("SELECT 1 FROM import_conflict WHERE table_name = 'blob' AND "
                                 "row_key = ? AND json_extract(incoming, '$.sha256') = ?",
                                 (json.dumps({"id": blob_id}), sha256)).fetchone():
                self.result_skipped += 1
                return
            # Different audio under the same id: keep both, the incoming one under a new id.
            kept = str(uuid.uuid4())
            self._insert_blob(kept, size, sha256, meta)
            for iid in sorted(self._blob_interviews(blob_id)):
                self._conflict("blob", json.dumps({"id": blob_id}),
                               {"id": blob_id, "sha256": sha256, "size": size,
                                "kept_as_blob": kept, "interview_id": iid}, iid, kept)
            self.conflicts.append(("blob", json.dumps({"id": blob_id, "kept_as_blob": kept})))
            return
        self._insert_blob(blob_id, size, sha256, meta)
        self.new_blobs.append(blob_id)

    def _insert_blob(self, blob_id: str, size: int, sha256: str, meta: AudioEntry) -> None:
        self.conn.execute("INSERT INTO blob(id, kind, state, on_crash, size, sha256, created_at,"
                          " completed_at) VALUES (?,?,?,?,?,?,?,?)",
                          (blob_id, meta.kind, meta.state, "keep", size, sha256,
                           meta.created_at or self.stamp, meta.completed_at))
        self._blob = blob_id
        self.store.begin(blob_id, sha256)
        self.result_inserted += 1

    def finish(self) -> None:
        """After every row is in: each reference resolves inside the bundle's interviews, each
        new recording belongs to one of them, and each listed interview arrived."""
        for table, col, value in sorted(self.refs, key=repr):
            iid = interview_of(self.conn, self.tables, table, col, value)
            if iid is None:
                raise rejected("bundle.records_refer_data_neither")
            if iid not in self.listed:
                raise rejected("bundle.records_refer_record_another", table=table)
        for blob_id in sorted(self.blob_refs | set(self.new_blobs)):
            owners = self._blob_interviews(blob_id)
            if not self.conn.execute("SELECT 1 FROM blob WHERE id = ?", (blob_id,)).fetchone():
                raise rejected("bundle.records_refer_data_neither")
            if not owners or not owners <= self.listed:
                raise rejected("bundle.audio_belong_only_interviews", blob_id=blob_id)
            if self.conn.execute(
                    "SELECT 1 FROM audio_asset a JOIN blob b ON b.id = a.blob_id WHERE "
                    "a.blob_id = ? AND b.kind != ? AND a.sha256 IS NOT NULL AND "
                    "a.sha256 != b.sha256", (blob_id, WITHHELD_KIND)).fetchone():
                raise rejected("bundle.recording_match_sha_records", blob_id=blob_id)
        for iid in sorted(self.listed):
            if not self.conn.execute("SELECT 1 FROM interview WHERE id = ?", (iid,)).fetchone():
                raise rejected("bundle.lists_interview_but_carries", iid=iid)

    def audio_data(self, chunk: bytes) -> None:
        if self.cancel is not None:
            self.cancel.raise_if_cancelled("bundle.import_cancelled")
        if self._blob is None:
            return
        self.store.write(chunk)

    def audio_end(self) -> None:
        if self._blob is not None:
            self.store.end()
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


def import_bundle(vault: Store, path: Path, identity: SupervisorIdentity, *, role: str,
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
    if report.chain is not None and report.chain.code == REPLAY:
        result.replay = True
        result.conflicted_interviews = conflicted_interviews(vault.conn, manifest)
        return result
    now = now or dt.datetime.now(dt.UTC)
    tables = {t.name: t for t in interview_tables(vault.conn)}
    store = vault.audio_store(vault.conn)
    try:
        result = _merge(vault, path, identity, manifest, result, tables, store, role=role,
                        now=now, progress=progress, cancel=cancel)
    except _ImportedMeanwhile:
        # Another importer (a second supervisor, a second window) committed this very bundle
        # while this one waited for the write lock: a replay, nothing written twice.
        store.abandon()
        result.replay = True
        result.conflicted_interviews = conflicted_interviews(vault.conn, manifest)
        return result
    except BaseException:
        store.abandon()
        raise
    publish(vault, Change(Kind.BUNDLE_IMPORTED))
    progress(1.0, "imported")
    return result


class _ImportedMeanwhile(Exception):
    """The bundle was imported by another importer while this one waited (rolls back)."""


def _merge(vault: Store, path: Path, identity: SupervisorIdentity, manifest: Manifest,
           result: ImportResult, tables: dict[str, Table], store: AudioStore, *, role: str,
           now: dt.datetime, progress: ProgressFn, cancel: CancelToken | None) -> ImportResult:
    """Pass 2 of ``import_bundle``: one transaction. Concurrent importers (the archive) wait
    here for the device's chain and the bundle's interviews before the checks are redone."""
    try:
        return _merge_in_transaction(vault, path, identity, manifest, result, tables, store,
                                     role=role, now=now, progress=progress, cancel=cancel)
    except INTEGRITY_ERRORS as exc:
        if "FOREIGN KEY" in str(exc):  # the vault's COMMIT found a reference left dangling
            raise rejected("bundle.records_refer_data_neither") from None
        raise


def _merge_in_transaction(vault: Store, path: Path, identity: SupervisorIdentity,
                          manifest: Manifest, result: ImportResult, tables: dict[str, Table],
                          store: AudioStore, *, role: str, now: dt.datetime,
                          progress: ProgressFn, cancel: CancelToken | None) -> ImportResult:
    stamp = now.isoformat()
    device_id = manifest.device.device_id
    with vault.transaction() as conn:
        conn.execute("PRAGMA defer_foreign_keys = ON")
        vault.lock_chain(conn, list(iter_keys(device_id, sorted(manifest.interview_ids))))
        sink = _MergeSink(conn, tables, manifest, stamp, cancel, store)
        state: dict[str, SequenceStatus] = {}

        def recheck(m: Manifest) -> None:
            state["seq"] = sequence_status(conn, m)
            if state["seq"].replay:
                raise _ImportedMeanwhile
            check_ownership(conn, m)

        read_bundle(path, identity.age_identity, on_manifest=recheck, sink=sink,
                    expect_manifest_sha=manifest.sha256,
                    progress=lambda f: progress(0.5 + f / 2, "importing"), cancel=cancel)
        sink.finish()
        if (not vault.references_checked_at_commit
                and conn.execute("PRAGMA foreign_key_check").fetchone() is not None):
            raise rejected("bundle.records_refer_data_neither")
        anchor.check_device(conn, manifest)  # again, inside the transaction (anchor.py)
        anchor.record(conn, manifest, stamp, trusted=state["seq"].moves_anchor)
        for iid in sorted(manifest.interview_ids):
            conn.execute("INSERT OR IGNORE INTO interview_owner(interview_id, device_id, "
                         "bundle_id, established_at) VALUES (?,?,?,?)",
                         (iid, device_id, manifest.bundle_id, stamp))
        seq = state["seq"]
        conn.execute(
            "INSERT INTO bundle_import_state(device_id, last_seq, last_manifest_sha256, "
            "updated_at) VALUES (?,?,?,?) ON CONFLICT(device_id) DO UPDATE SET "
            "last_seq = excluded.last_seq, last_manifest_sha256 = excluded.last_manifest_sha256,"
            " updated_at = excluded.updated_at"
            " WHERE excluded.last_seq > bundle_import_state.last_seq",
            (device_id, manifest.sequence, manifest.sha256, stamp))
        conn.execute("INSERT INTO bundle_import(bundle_id, device_id, seq, manifest_sha256, "
                     "inserted, skipped, conflicts, imported_at, imported_by, "
                     "previous_manifest_sha256, chain) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                     (manifest.bundle_id, device_id, manifest.sequence,
                      manifest.sha256, sink.result_inserted, sink.result_skipped,
                      len(sink.conflicts), stamp, role,
                      manifest.body.previous_manifest_sha256,
                      "anchored" if seq.anchored else "unanchored"))
        result.warnings += [w for w in _record_chain(conn, device_id, manifest.sha256,
                                                     seq.anchored) if w not in result.warnings]
        result.conflicted_interviews = conflicted_interviews(conn, manifest)
        vault.audit("import", "bundle", manifest.bundle_id, role=role, now=now, details={
            "device_id": device_id, "sequence": manifest.sequence,
            "manifest_sha256": manifest.sha256, "interviews": sorted(manifest.interview_ids),
            "inserted": sink.result_inserted, "skipped": sink.result_skipped,
            "conflicts": len(sink.conflicts), "chain": str(seq.chain),
            "suspicious": [str(w) for w in result.warnings if is_suspicious(w)],
            "conflicted_interviews": result.conflicted_interviews,
            "renamed": sorted(sink.renamed), "withdrawn": sorted(sink.withdrawn)})
    result.withdrawn = sorted(sink.withdrawn)
    result.inserted = sink.result_inserted
    result.inserted_by_table = dict(sink.result_by_table)
    result.skipped = sink.result_skipped
    result.conflicts = sink.conflicts
    return result


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()
