"""Running the bundle tests against the PostgreSQL archive as well as the supervisor's vault.

A test marked ``@BOTH_BACKENDS`` runs twice: with ``world.sup`` a SQLCipher vault, and with it
an ``Archive`` on a fresh database of the session's PostgreSQL server (tests/pg_support.py).
The test files' ``world`` fixtures call ``supervisor_for`` with the requested backend.
"""

from __future__ import annotations

import hashlib
import io
import uuid
from pathlib import Path
from typing import Any

import pytest

from app.bundles import keys
from storage.blobs import copy_to
from storage.pg.archive import Archive
from storage.vault import Vault

BOTH_BACKENDS = pytest.mark.parametrize("backend", ["vault", "archive"])
ARCHIVE_TABLES = ("interview", "segment", "tag", "audio_asset", "blob", "bundle_import",
                  "import_conflict", "imported_audit", "interview_owner", "audit_log", "meta",
                  "audit_anchor", "audit_anchor_bundle", "trusted_device", "consent",
                  "transcript", "event", "marker", "interviewee", "bundle_import_state")


def archive_database(world: Any, request: pytest.FixtureRequest) -> Archive:
    """``make_archive`` for a fixture of any scope: its own database, dropped at its end."""
    server = request.getfixturevalue("pg_server")
    name = f"tv_{uuid.uuid4().hex[:12]}"
    server.admin(f'CREATE DATABASE "{name}"')
    request.addfinalizer(lambda: server.admin(f'DROP DATABASE "{name}" WITH (FORCE)'))
    return make_archive(world, request, server.url(name))


def make_archive(world: Any, request: pytest.FixtureRequest, url: str | None = None) -> Archive:
    """Replace ``world.sup`` by a new archive that pins the world's field laptop."""
    url = url or request.getfixturevalue("pg_url")
    tmp: Path = world.tmp
    archive = Archive.init(url, tmp / "archive-objects", tmp / "archive.key")
    dev = world.field.device()
    keys.trust_device(archive, keys.DevicePublic(dev.id, dev.public_key), role="supervisor")
    world.sup.lock()
    world.sup = archive
    return archive


def archive_key(world: Any) -> str:
    return str((Path(world.tmp) / "archive.key").read_text().splitlines()[-1])


def archive_digest(archive: Archive) -> dict[str, str]:
    out = {}
    for table in ARCHIVE_TABLES:
        rows = sorted(repr(tuple(r)) for r in archive.conn.execute(f"SELECT * FROM {table}"))
        out[table] = hashlib.sha256("\n".join(rows).encode()).hexdigest()
    for p in sorted(archive.objects.folder.rglob("*")):
        if p.is_file():
            out[str(p)] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


def sup_audio(world: Any, blob_id: str) -> bytes:
    """The bytes of a recording held by the supervisor side (vault chunks or archive object)."""
    buf = io.BytesIO()
    if isinstance(world.sup, Vault):
        copy_to(world.sup.conn, blob_id, buf)
    else:
        sha = world.sup.conn.execute("SELECT sha256 FROM blob WHERE id = ?", (blob_id,)).fetchone()
        world.sup.objects.read_to(str(sha[0]), buf, archive_key(world))
    return buf.getvalue()


def login(server: Any, url: str, role: str) -> str:
    """A new database login that is a member of the archive role ``role`` (supervisor,
    analyst, translator); the archive's address as that person."""
    from storage.pg.roles import ROLES

    user = f"u_{role}_{uuid.uuid4().hex[:8]}"
    server.admin(f"CREATE ROLE {user} LOGIN IN ROLE {ROLES[role]}")
    return url.replace("user=postgres", f"user={user}")
