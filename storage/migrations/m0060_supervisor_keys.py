"""Schema version 60: supervisor keys kept inside the supervisor's vault.

A supervisor's age identity (from which the receipt-signing key is derived) lives in this table
instead of a loose key file reloaded every session. Like the device's private key it is stored
only inside the SQLCipher database, whose every page is encrypted and authenticated with the
vault's data key, so it never touches the disk in plaintext. The table is excluded from bundles.
"""

from __future__ import annotations

from storage.db import Connection

VERSION = 60
NAME = "supervisor_keys"

SCHEMA = """
CREATE TABLE supervisor_identity (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL DEFAULT '',
    age_identity TEXT NOT NULL UNIQUE,
    fingerprint TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
)
"""


def apply(conn: Connection) -> None:
    conn.execute(SCHEMA)
