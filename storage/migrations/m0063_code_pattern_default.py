"""Schema version 63: existing vaults keep the code rule they were created with.

From this version a vault without a ``code_pattern`` setting (or with the empty value) accepts
only new codes of the strict default form ``ORG-YYYY-NNN`` (``NK-2026-014``); before, it
accepted the looser general shape (letters and digits joined by hyphens, ``SEOUL-7``). A vault
that already holds a code outside the strict form, or whose organisation had explicitly chosen
the general shape (the empty value set through ``code-pattern ''``), is given the value
``general`` here, so its numbering can go on as before; an administrator can tighten it later
with ``testimony interview code-pattern``. Vaults whose codes all follow the strict form (and
new, empty vaults) get the strict default. No code is ever changed: a pattern governs new codes
only, and evidence keeps the name it was recorded and exported under.

The check is written out here rather than imported from ``app.codes``: a migration must keep
doing what it did when it was written, whatever the application later calls its default.
"""

from __future__ import annotations

import datetime as dt
import re

from storage.db import Connection

VERSION = 63
NAME = "code_pattern_default"

_STRICT = re.compile(r"[A-Z]{2,6}-(?:199\d|20\d\d)-\d{3,4}")


def apply(conn: Connection) -> None:
    row = conn.execute("SELECT value FROM vault_setting WHERE key = 'code_pattern'").fetchone()
    if row is not None and row[0] != "":
        return  # the organisation chose a template: it stays
    explicit_general = row is not None
    codes = [str(r[0]) for r in conn.execute("SELECT code FROM interview")]
    if not explicit_general and all(_STRICT.fullmatch(c) for c in codes):
        return
    conn.execute(
        "INSERT INTO vault_setting(key, value, updated_at, updated_by) "
        "VALUES ('code_pattern', 'general', ?, 'migration') ON CONFLICT(key) DO UPDATE SET "
        "value = excluded.value, updated_at = excluded.updated_at, "
        "updated_by = excluded.updated_by",
        (dt.datetime.now(dt.UTC).isoformat(),))
