"""Schema version 55: supervisor decisions that move an interview to another owning device.

Supervisor side. The first device to deliver an interview owns it (``interview_owner``); if a
forged bundle from a stolen but still pinned laptop arrived first, the genuine laptop's bundles
for that interview are refused. After checking in person which laptop recorded the interview,
the supervisor moves ownership to it (``testimony conflicts reassign``): the decision is kept
here, in order, beside an audit entry, and nothing already imported is deleted. The genuine
bundle then imports with its differences kept as conflicts, both versions on record.
"""

from __future__ import annotations

from storage.db import Connection

VERSION = 55
NAME = "owner_change"

SCHEMA = """
CREATE TABLE interview_owner_change (
    id TEXT PRIMARY KEY,
    interview_id TEXT NOT NULL,
    from_device TEXT NOT NULL,
    to_device TEXT NOT NULL,
    reason TEXT NOT NULL,
    decided_at TEXT NOT NULL,
    decided_by TEXT NOT NULL,
    CHECK (from_device <> to_device)
);
CREATE INDEX interview_owner_change_interview ON interview_owner_change(interview_id)
"""


def apply(conn: Connection) -> None:
    for statement in SCHEMA.split(";"):
        if statement.strip():
            conn.execute(statement)
