"""The organisation's archive (PostgreSQL) for the front ends: open, create, migrate, search.

``storage.pg`` needs psycopg (the optional ``archive`` extra); it is imported only when an
archive is actually used, so a field laptop never loads it.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storage.errors import ArchiveError

if TYPE_CHECKING:
    from storage.pg.archive import Archive, UpgradeReport
    from storage.pg.migrate import MigrateResult
    from storage.vault import Vault

ENV = "TESTIMONY_ARCHIVE"


def archive_url(given: str | None) -> str | None:
    """The archive named on the command line, else by TESTIMONY_ARCHIVE, else None."""
    return given or os.environ.get(ENV) or None


def _archive_class() -> type[Archive]:
    """storage.pg.archive.Archive, or a clear error where psycopg is not installed."""
    try:
        from storage.pg.archive import Archive
    except ImportError:
        raise ArchiveError("archive.support_not_installed") from None
    return Archive


def open_archive(url: str) -> Archive:
    return _archive_class().open(url)


def init_archive(url: str, objects: Path, key_out: Path, *, role: str) -> Archive:
    from storage.pg.roles import create_roles
    archive = _archive_class().init(url, objects, key_out, role=role)
    create_roles(archive.conn)
    return archive


def upgrade_archive(url: str) -> UpgradeReport:
    """Bring an archive made by an older version up to this one and re-apply the roles'
    rights (storage/pg/archive.py, ``Archive.upgrade``); its administrator only."""
    return _archive_class().upgrade(url)


def read_archive_key(path: Path) -> str:
    """The age identity in an archive key file (written by ``archive init``)."""
    try:
        lines = Path(path).read_text(encoding="ascii").splitlines()
    except (OSError, UnicodeDecodeError):
        raise ArchiveError("archive.key_unreadable", path=path) from None
    secrets = [ln.strip() for ln in lines if ln.startswith("AGE-SECRET-KEY-1")]
    if len(secrets) != 1:
        raise ArchiveError("archive.key_unreadable", path=path)
    return secrets[0]


def migrate_vault(vault: Vault, archive: Archive, *, role: str,
                  now: dt.datetime | None = None) -> MigrateResult:
    """Copy a supervisor vault into the archive; see storage/pg/migrate.py."""
    from storage.pg.migrate import migrate
    return migrate(vault, archive, role=role, now=now)


def search(archive: Archive, text: str, *, limit: int = 50) -> list[dict[str, Any]]:
    from storage.pg.search import search as pg_search
    return pg_search(archive.conn, text, limit=limit)


# ------------------------------------------------------------------ the window's login
ARCHIVE_ROLES = ("supervisor", "analyst", "translator", "administrator")


def _address() -> Any:
    """storage.pg.address, or a clear error where psycopg is not installed."""
    try:
        from storage.pg import address
    except ImportError:
        raise ArchiveError("archive.support_not_installed") from None
    return address


def with_password(url: str, password: str) -> str:
    """``url`` with ``password`` added (URI or ``key=value`` form); unchanged if it is empty.
    A password typed into the window goes only into the connection, never to settings."""
    return str(_address().with_password(url, password))


def without_password(url: str) -> str:
    """``url`` as it may be remembered: the same address with any password removed ("" if it
    cannot be read)."""
    return str(_address().without_password(url))


def login_role(archive: Archive) -> tuple[str, str]:
    """The connected login and its archive role, from PostgreSQL's role membership
    (``Archive.who``): "supervisor", "analyst", "translator", or "administrator" for the
    account that owns the archive's tables. A login in none of the roles may do nothing:
    ArchiveError ``archive.no_role``."""
    role, _, login = archive.who().partition(":")
    if role not in ARCHIVE_ROLES:
        raise ArchiveError("archive.no_role", login=login)
    return login, role


def open_for_window(url: str, password: str = "") -> tuple[Archive, str, str]:
    """Open the archive at ``url`` as the window does: the archive, the login and its role.
    Nothing is kept open if any step fails."""
    archive = open_archive(with_password(url, password))
    try:
        login, role = login_role(archive)
    except BaseException:
        archive.close()
        raise
    return archive, login, role
