"""Schema version 58: organisation settings kept inside the vault.

``vault_setting`` holds small named values that belong to the vault rather than to one laptop's
window preferences, such as the organisation's pseudonym-code pattern (``code_pattern``). Values
are text; who changed a value and when is kept here and in the audit log.
"""

from __future__ import annotations

from storage.db import Connection

VERSION = 58
NAME = "vault_setting"

SCHEMA = """
CREATE TABLE vault_setting (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
)
"""


def apply(conn: Connection) -> None:
    conn.execute(SCHEMA)
