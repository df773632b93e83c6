"""Schema version 40: bundle keys, trust, sequence state, conflicts, redactions, receipts.

Field vault side: pinned supervisors, this device's export sequence, what each recipient last
received (for --since-last), supervisor acknowledgements (for purge). Supervisor side: pinned
devices, each device's last accepted sequence, imported bundles, merge conflicts and the
imported audit entries (kept apart so the vault's own audit chain stays intact).
``redaction`` marks spans of segment text that the 'share' profile replaces.
"""

from __future__ import annotations

from storage.db import Connection

VERSION = 40
NAME = "bundles"

SCHEMA = """
CREATE TABLE trusted_supervisor (
    id TEXT PRIMARY KEY,
    age_recipient TEXT NOT NULL UNIQUE,
    signing_key BLOB NOT NULL,
    fingerprint TEXT NOT NULL,
    label TEXT NOT NULL DEFAULT '',
    pinned_at TEXT NOT NULL,
    pinned_by TEXT NOT NULL
);

CREATE TABLE trusted_device (
    device_id TEXT PRIMARY KEY,
    public_key BLOB NOT NULL UNIQUE,
    fingerprint TEXT NOT NULL,
    pinned_at TEXT NOT NULL,
    pinned_by TEXT NOT NULL
);

CREATE TABLE bundle_export (
    bundle_id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL UNIQUE,
    manifest_sha256 TEXT NOT NULL,
    recipients TEXT NOT NULL,
    profile TEXT NOT NULL,
    purpose TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
);

CREATE TABLE bundle_export_item (
    bundle_id TEXT NOT NULL REFERENCES bundle_export(bundle_id) ON DELETE CASCADE,
    interview_id TEXT NOT NULL,
    digest TEXT NOT NULL,
    PRIMARY KEY (bundle_id, interview_id)
);

CREATE TABLE purge_ack (
    interview_id TEXT NOT NULL,
    bundle_id TEXT NOT NULL,
    digest TEXT NOT NULL,
    supervisor_fingerprint TEXT NOT NULL,
    acknowledged_at TEXT NOT NULL,
    PRIMARY KEY (interview_id, bundle_id)
);

CREATE TABLE bundle_import_state (
    device_id TEXT PRIMARY KEY,
    last_seq INTEGER NOT NULL,
    last_manifest_sha256 TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE bundle_import (
    bundle_id TEXT PRIMARY KEY,
    device_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    manifest_sha256 TEXT NOT NULL,
    inserted INTEGER NOT NULL,
    skipped INTEGER NOT NULL,
    conflicts INTEGER NOT NULL,
    imported_at TEXT NOT NULL,
    imported_by TEXT NOT NULL
);

CREATE TABLE import_conflict (
    id TEXT PRIMARY KEY,
    bundle_id TEXT NOT NULL,
    table_name TEXT NOT NULL,
    row_key TEXT NOT NULL,
    incoming TEXT NOT NULL,
    created_at TEXT NOT NULL,
    resolved_at TEXT
);

CREATE TABLE imported_audit (
    device_id TEXT NOT NULL,
    id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    at TEXT NOT NULL,
    role TEXT NOT NULL,
    action TEXT NOT NULL,
    object_type TEXT NOT NULL,
    object_id TEXT,
    details TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    bundle_id TEXT NOT NULL,
    PRIMARY KEY (device_id, id)
);

CREATE TABLE redaction (
    id TEXT PRIMARY KEY,
    interview_id TEXT NOT NULL REFERENCES interview(id) ON DELETE CASCADE,
    segment_id TEXT NOT NULL REFERENCES segment(id) ON DELETE CASCADE,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    reason TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    CHECK (0 <= char_start AND char_start < char_end)
)
"""


def apply(conn: Connection) -> None:
    for statement in SCHEMA.split(";"):
        if statement.strip():
            conn.execute(statement)
