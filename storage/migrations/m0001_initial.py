"""Schema version 1: vault metadata, device identity, audit log, blobs and the domain records.

Frozen: a fixture vault made with this schema lives in tests/fixtures/ and must always upgrade.
Later changes go in new migrations, never here.
"""

from __future__ import annotations

from storage.db import Connection

VERSION = 1
NAME = "initial"

SCHEMA = """
CREATE TABLE schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
);

CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE device (
    id TEXT PRIMARY KEY,
    public_key BLOB NOT NULL,
    private_key BLOB NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    at TEXT NOT NULL,
    role TEXT NOT NULL,
    action TEXT NOT NULL,
    object_type TEXT NOT NULL,
    object_id TEXT,
    details TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);

CREATE TABLE blob (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('writing', 'complete', 'interrupted')),
    on_crash TEXT NOT NULL CHECK (on_crash IN ('keep', 'discard')),
    size INTEGER,
    sha256 TEXT,
    created_at TEXT NOT NULL,
    completed_at TEXT
);

CREATE TABLE blob_chunk (
    blob_id TEXT NOT NULL REFERENCES blob(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    offset INTEGER NOT NULL,
    data BLOB NOT NULL,
    UNIQUE (blob_id, seq),
    UNIQUE (blob_id, offset)
);

CREATE TABLE interview (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    interviewer TEXT,
    interpreter TEXT,
    others_present TEXT NOT NULL DEFAULT '[]',
    started_at TEXT,
    timezone TEXT,
    place TEXT,
    languages TEXT NOT NULL DEFAULT '[]',
    notes TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'open',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    created_by TEXT NOT NULL
);

CREATE TABLE consent (
    interview_id TEXT PRIMARY KEY REFERENCES interview(id) ON DELETE CASCADE,
    scopes TEXT NOT NULL DEFAULT '[]',
    how_given TEXT,
    given_on TEXT,
    withdrawn_at TEXT,
    withdrawal_note TEXT,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);

CREATE TABLE interviewee (
    interview_id TEXT PRIMARY KEY REFERENCES interview(id) ON DELETE CASCADE,
    birth_year INTEGER,
    home_province TEXT,
    defection_year INTEGER,
    songbun_stated TEXT,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
);

CREATE TABLE audio_asset (
    id TEXT PRIMARY KEY,
    interview_id TEXT NOT NULL REFERENCES interview(id) ON DELETE CASCADE,
    blob_id TEXT NOT NULL REFERENCES blob(id),
    source TEXT NOT NULL CHECK (source IN ('recording', 'import')),
    original_name TEXT,
    container TEXT,
    codec TEXT,
    sample_rate INTEGER,
    channels INTEGER,
    duration_s REAL,
    sha256 TEXT,
    state TEXT NOT NULL DEFAULT 'complete',
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
);

CREATE TABLE segment (
    id TEXT PRIMARY KEY,
    interview_id TEXT NOT NULL REFERENCES interview(id) ON DELETE CASCADE,
    asset_id TEXT REFERENCES audio_asset(id),
    idx INTEGER NOT NULL,
    start_s REAL NOT NULL,
    end_s REAL NOT NULL,
    speaker TEXT,
    text TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
);

CREATE TABLE tag (
    id TEXT PRIMARY KEY,
    interview_id TEXT NOT NULL REFERENCES interview(id) ON DELETE CASCADE,
    term_id TEXT NOT NULL,
    segment_id TEXT REFERENCES segment(id),
    char_start INTEGER,
    char_end INTEGER,
    audio_start_s REAL,
    audio_end_s REAL,
    confidence TEXT,
    note TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
);

CREATE TABLE event (
    id TEXT PRIMARY KEY,
    interview_id TEXT NOT NULL REFERENCES interview(id) ON DELETE CASCADE,
    act TEXT NOT NULL,
    victim TEXT,
    perpetrator TEXT,
    place TEXT,
    date_text TEXT,
    relation TEXT,
    notes TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
);
"""


def apply(conn: Connection) -> None:
    for statement in SCHEMA.split(";"):
        if statement.strip():
            conn.execute(statement)
