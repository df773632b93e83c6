"""Schema version 57: a supervisor's decisions on whether two interviews are the same witness.

Defectors are often interviewed by several organisations under different pseudonyms. Probable
duplicates are computed from what the vault holds (never from names); a supervisor's decision
on a pair is kept here, every decision a new row (the latest per pair counts), and audited.
``interview_a`` < ``interview_b`` (interview ids). No foreign keys and no ``interview_id``
column on purpose: the decision is the receiving organisation's judgement across interviews,
not data of either interview, so it never travels in an interview's bundle.
"""

from __future__ import annotations

from storage.db import Connection

VERSION = 57
NAME = "witness_decision"

SCHEMA = """
CREATE TABLE witness_decision (
    id TEXT PRIMARY KEY,
    interview_a TEXT NOT NULL,
    interview_b TEXT NOT NULL,
    decision TEXT NOT NULL CHECK (decision IN ('same', 'different')),
    note TEXT NOT NULL DEFAULT '',
    decided_at TEXT NOT NULL,
    decided_by TEXT NOT NULL,
    CHECK (interview_a < interview_b)
);
CREATE INDEX witness_decision_pair ON witness_decision(interview_a, interview_b, decided_at)
"""


def apply(conn: Connection) -> None:
    for statement in SCHEMA.split(";"):
        if statement.strip():
            conn.execute(statement)
