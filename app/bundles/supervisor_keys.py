"""Supervisor keys kept inside the supervisor's vault (schema version 60).

The supervisor's age identity is created in, or imported into, the vault and used from there by
the window and by the CLI (``import`` and ``verify`` without ``--identity``). A key file made
with ``keys supervisor-new --out FILE`` is still accepted everywhere. The secret never leaves the
vault except through ``keys supervisor-new --out`` (a file the user asked for).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from pathlib import Path

from app.bundles.keys import SupervisorIdentity, identity_from_secret, load_identity
from app.bundles.streams import write_atomically
from app.errors import UsageError
from crypto.agefile import AgeError, new_identity
from storage.vault import Vault

NO_KEY = "keys.no_supervisor_key"


@dataclass(frozen=True)
class HeldKey:
    id: str
    label: str
    fingerprint: str
    created_at: str
    identity: SupervisorIdentity


def write_new_file(path: Path, data: bytes, mode: int) -> None:
    """Write ``data`` to a NEW file (never over another), atomically, with ``mode``."""
    path = Path(path)
    if path.exists():
        raise UsageError("keys.file_exists", path=path)
    if not path.parent.is_dir():
        raise UsageError("keys.folder_missing", folder=path.parent)
    write_atomically(path, iter([data]), None, mode=mode)


def _store(vault: Vault, identity: SupervisorIdentity, *, label: str, role: str, action: str,
           now: dt.datetime | None) -> HeldKey:
    stamp = (now or dt.datetime.now(dt.UTC)).isoformat()
    fp = identity.public.fingerprint
    with vault.transaction() as conn:
        if conn.execute("SELECT 1 FROM supervisor_identity WHERE age_identity = ?",
                        (identity.age_identity,)).fetchone():
            raise UsageError("keys.supervisor_key_already_held", fingerprint=fp)
        kid = str(uuid.uuid4())
        conn.execute("INSERT INTO supervisor_identity(id, label, age_identity, fingerprint,"
                     " created_at, created_by) VALUES (?,?,?,?,?,?)",
                     (kid, label, identity.age_identity, fp, stamp, role))
        vault.audit(action, "supervisor_key", kid, role=role, now=now,
                    details={"fingerprint": fp})
    return HeldKey(kid, label, fp, stamp, identity)


def create_in_vault(vault: Vault, *, role: str, label: str = "",
                    now: dt.datetime | None = None) -> HeldKey:
    """A new supervisor key, kept in this vault; audited (fingerprint only)."""
    secret, _ = new_identity()
    return _store(vault, identity_from_secret(secret), label=label, role=role, action="create",
                  now=now)


def import_file(vault: Vault, path: Path, *, role: str, label: str = "",
                now: dt.datetime | None = None) -> HeldKey:
    """Move a supervisor key file's secret into this vault (the file may then be destroyed)."""
    return _store(vault, load_identity(Path(path)), label=label, role=role, action="import",
                  now=now)


def held_keys(vault: Vault) -> list[HeldKey]:
    rows = vault.conn.execute("SELECT id, label, age_identity, fingerprint, created_at FROM "
                              "supervisor_identity ORDER BY created_at, id").fetchall()
    keys = []
    for r in rows:
        try:
            identity = identity_from_secret(str(r[2]))
        except AgeError as exc:
            raise UsageError("keys.supervisor_key_damaged") from exc
        keys.append(HeldKey(str(r[0]), str(r[1]), str(r[3]), str(r[4]), identity))
    return keys


def vault_identity(vault: Vault) -> SupervisorIdentity:
    """The vault's supervisor key when there is exactly one; one sentence otherwise."""
    found = held_keys(vault)
    if not found:
        raise UsageError(NO_KEY)
    if len(found) > 1:
        raise UsageError("keys.several_supervisor_keys")
    return found[0].identity


def identity_or_default(vault: Vault | None, path: str | None) -> SupervisorIdentity | None:
    """``--identity FILE`` if given, else the vault's own key (None without a vault or key)."""
    if path:
        return load_identity(Path(path))
    if vault is None:
        return None
    found = held_keys(vault)
    return found[0].identity if len(found) == 1 else None
