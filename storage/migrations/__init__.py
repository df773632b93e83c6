"""Versioned, transactional schema migrations.

Each migration is a module ``mNNNN_name`` in this package with ``VERSION``, ``NAME`` and
``apply(conn)``; modules are discovered by name (packaging collects the package's submodules),
so areas adding migrations never edit a shared list. Each runs inside one
transaction together with the bump of ``PRAGMA user_version``; a failure leaves the vault at the
previous version. Version numbers may have gaps; they only have to increase.
"""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
import re
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType

from storage.db import Connection, transaction
from storage.errors import VaultCorrupt


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    apply: Callable[[Connection], None]


def _from_module(module: ModuleType) -> Migration:
    return Migration(module.VERSION, module.NAME, module.apply)


def _discover() -> list[Migration]:
    found = []
    for info in pkgutil.iter_modules(__path__):
        if re.fullmatch(r"m\d{4}_\w+", info.name):
            found.append(_from_module(importlib.import_module(f"{__name__}.{info.name}")))
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if len(set(versions)) != len(versions):
        raise RuntimeError(f"two migrations share a version number: {versions}")
    return found


MIGRATIONS: list[Migration] = _discover()

LATEST_VERSION = max(m.version for m in MIGRATIONS)


def current_version(conn: Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: Connection, *, target: int | None = None) -> list[str]:
    """Apply every pending migration up to ``target`` (default: latest). Returns their names."""
    target = LATEST_VERSION if target is None else target
    version = current_version(conn)
    if version > LATEST_VERSION:
        raise VaultCorrupt(
            "schema.vault_written_newer_testimony", version=version
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
