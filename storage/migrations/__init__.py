"""Versioned, transactional schema migrations.

Each migration is a module ``mNNNN_name`` with ``VERSION``, ``NAME`` and ``apply(conn)``. They are
listed explicitly (not discovered) so packaging tools see every import. Each runs inside one
transaction together with the bump of ``PRAGMA user_version``; a failure leaves the vault at the
previous version. Version numbers may have gaps; they only have to increase.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType

from storage.db import Connection, transaction
from storage.errors import VaultCorrupt
from storage.migrations import m0001_initial


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    apply: Callable[[Connection], None]


def _from_module(module: ModuleType) -> Migration:
    return Migration(module.VERSION, module.NAME, module.apply)


# Append new migrations here, in order.
MIGRATIONS: list[Migration] = [
    _from_module(m0001_initial),
]

LATEST_VERSION = max(m.version for m in MIGRATIONS)


def current_version(conn: Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: Connection, *, target: int | None = None) -> list[str]:
    """Apply every pending migration up to ``target`` (default: latest). Returns their names."""
    target = LATEST_VERSION if target is None else target
    version = current_version(conn)
    if version > LATEST_VERSION:
        raise VaultCorrupt(
            f"This vault was written by a newer Testimony Vault (schema {version}); "
            "install the newer version to open it."
        )
    applied: list[str] = []
    for migration in sorted(MIGRATIONS, key=lambda m: m.version):
        if migration.version <= version or migration.version > target:
            continue
        with transaction(conn):
            migration.apply(conn)
            conn.execute(
                "INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, ?)",
                (migration.version, migration.name, dt.datetime.now(dt.UTC).isoformat()),
            )
            conn.execute(f"PRAGMA user_version = {int(migration.version)}")
        applied.append(migration.name)
    return applied
