"""Schema version 53: which device owns each imported interview; chain state of bundles.

Supervisor side. ``interview_owner`` records the device an interview was first received from;
bundles signed by any other device may not touch it. ``bundle_import`` learns each bundle's
``previous_manifest_sha256`` and whether its chain is ``anchored`` (reaches the device's bundle
1 through bundles imported here) or ``unanchored`` (accepted with an unknown parent, reported as
suspicious). ``import_conflict`` learns the interview a conflict belongs to and, for audio, the
blob holding the incoming recording (conflicting audio is kept, never discarded).

Existing vaults: ownership is rebuilt from the audit log's ``import`` entries in order (the first
device that delivered an interview owns it); earlier imports count as anchored (they were
accepted under the old contiguous-chain rule); earlier conflicts get their interview from the
stored incoming row where it names one.
"""

from __future__ import annotations

import json

from storage.db import Connection

VERSION = 53
NAME = "interview_owner"

SCHEMA = """
CREATE TABLE interview_owner (
    interview_id TEXT PRIMARY KEY,
    device_id TEXT NOT NULL,
    bundle_id TEXT NOT NULL,
    established_at TEXT NOT NULL
);
ALTER TABLE bundle_import ADD COLUMN previous_manifest_sha256 TEXT;
ALTER TABLE bundle_import ADD COLUMN chain TEXT NOT NULL DEFAULT 'anchored'
    CHECK (chain IN ('anchored', 'unanchored'));
CREATE INDEX bundle_import_device_seq ON bundle_import(device_id, seq);
ALTER TABLE import_conflict ADD COLUMN interview_id TEXT;
ALTER TABLE import_conflict ADD COLUMN blob_id TEXT;
CREATE INDEX import_conflict_interview ON import_conflict(interview_id)
"""


def apply(conn: Connection) -> None:
    for statement in SCHEMA.split(";"):
        if statement.strip():
            conn.execute(statement)
    rows = conn.execute("SELECT object_id, at, details FROM audit_log WHERE action = 'import' "
                        "AND object_type = 'bundle' ORDER BY seq").fetchall()
    for bundle_id, at, details in rows:
        try:
            info = json.loads(details)
        except ValueError:
            continue
        device = info.get("device_id") if isinstance(info, dict) else None
        interviews = info.get("interviews") if isinstance(info, dict) else None
        if not isinstance(device, str) or not isinstance(interviews, list):
            continue
        for iid in interviews:
            if isinstance(iid, str):
                conn.execute("INSERT OR IGNORE INTO interview_owner(interview_id, device_id, "
                             "bundle_id, established_at) VALUES (?,?,?,?)",
                             (iid, device, str(bundle_id), str(at)))
    conn.execute(
        "UPDATE import_conflict SET interview_id = CASE WHEN table_name = 'interview' "
        "THEN json_extract(incoming, '$.id') ELSE json_extract(incoming, '$.interview_id') END "
        "WHERE json_valid(incoming)")
