"""The organisation's archive: metadata and text in PostgreSQL, recordings as object files.

``Archive`` implements the storage interface of storage/backend.py, so the bundle importer
writes to it exactly as to a supervisor's vault. What the archive adds:

* concurrency: several supervisors import at once; ``lock_chain`` takes transaction-scoped
  advisory locks on the device's chain and on each interview, so two imports of one device's
  bundles (or of one interview) are serialised and the per-device chain checks see each other's
  committed rows; the audit log's head is appended under its own lock;
* recordings as age-encrypted, content-addressed files (storage/pg/objects.py) in the folder
  recorded in the archive at ``init``.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
from psycopg.conninfo import conninfo_to_dict

from crypto.agefile import new_identity, recipient_of
from storage import audit
from storage.errors import ArchiveError, BlobError
from storage.pg.connection import AUDIT_LOCK, PgConnection
from storage.pg.objects import ObjectStore
from storage.pg.schema import SCHEMA_VERSION, search_names_ddl, vault_tables
from storage.pg.search import INDEXES as SEARCH_INDEXES
from storage.pg.witnesses import INDEXES as WITNESS_INDEXES

ARCHIVE_MAGIC = "testimony-archive-v1"


@dataclass
class UpgradeReport:
    """What ``Archive.upgrade`` did: the data versions before and after, and the tables and
    columns it added (``table NAME``, ``column TABLE.NAME``)."""

    from_version: int
    to_version: int
    added: list[str]


@dataclass
class CheckReport:
    audit_entries: int
    problems: list[str]
    decrypted: int = 0


def where(url: str) -> str:
    """The archive's address for messages: database and host, never a password."""
    try:
        info = conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return "(unreadable address)"
    host = str(info.get("host") or "localhost")
    return f"database {info.get('dbname') or info.get('user') or '?'} on {host}"


def connect(url: str) -> PgConnection:
    try:
        return PgConnection.connect(url)
    except psycopg.Error as exc:
        raise ArchiveError(_connect_failure(exc), where=where(url)) from None


def _connect_failure(exc: psycopg.Error) -> str:
    """Why a connection failed, as an error code: the address cannot be read; the server
    answered but refused the login (wrong password, user or database: PostgreSQL does not say
    which); or no server answered. libpq gives no SQLSTATE here, only its message."""
    if isinstance(exc, psycopg.ProgrammingError):
        return "archive.bad_address"
    text = str(exc)
    if "FATAL:" in text or "fe_sendauth" in text or "password" in text:
        return "archive.login_refused"
    return "archive.cannot_connect"


class Archive:
    """An open archive. ``Archive.init`` creates one, ``Archive.open`` connects to one."""

    readonly = False
    references_checked_at_commit = False  # "PRAGMA foreign_key_check" checks the deferred ones

    def __init__(self, url: str, conn: PgConnection, meta: dict[str, str]) -> None:
        self.url = url
        self.conn: Any = conn
        self.meta = meta
        self.objects = ObjectStore(Path(meta["objects_dir"]), meta["age_recipient"])

    @property
    def archive_id(self) -> str:
        return self.meta["archive_id"]

    vault_id = archive_id

    @property
    def where(self) -> str:
        return where(self.url)

    # ----------------------------------------------------------------- lifecycle
    @classmethod
    def init(cls, url: str, objects: Path, key_out: Path, *, role: str = "supervisor",
             now: dt.datetime | None = None) -> Archive:
        """Create the schema in an empty database, a new archive key (written to ``key_out``,
        a new owner-only file: the age identity that decrypts the recordings) and the object
        folder. Nothing is created if any step fails."""
        objects, key_out = Path(objects).absolute(), Path(key_out)
        if key_out.exists():
            raise ArchiveError("archive.key_file_exists", path=key_out)
        if not key_out.parent.is_dir():
            raise ArchiveError("archive.key_folder_missing", path=key_out.parent)
        if objects.exists() and (not objects.is_dir() or any(objects.iterdir())):
            raise ArchiveError("archive.objects_not_empty", path=objects)
        conn = connect(url)
        try:
            if conn.execute_pg("SELECT count(*) FROM pg_tables WHERE schemaname = "
                               "current_schema()").fetchone() != (0,):
                raise ArchiveError("archive.already_exists", where=where(url))
            secret, _ = new_identity()
            recipient = recipient_of(secret)
            now = now or dt.datetime.now(dt.UTC)
            made_folder = not objects.exists()
            objects.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd = os.open(key_out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w", encoding="ascii") as fh:
                fh.write("# Testimony Vault archive key: KEEP SECRET. It decrypts every "
                         "recording in the archive.\n"
                         f"# created: {now.isoformat()}\n# public key: {recipient}\n"
                         f"{secret}\n")
            try:
                statements, _ = vault_tables()
                with conn.transaction():
                    conn.execute_pg("CREATE EXTENSION IF NOT EXISTS pg_trgm")
                    for stmt in statements:
                        conn.execute_pg(stmt)
                    for stmt in archive_extra(conn):
                        conn.execute_pg(stmt)
                    meta = {"archive_id": str(uuid.uuid4()), "created_at": now.isoformat(),
                            "age_recipient": recipient, "objects_dir": str(objects),
                            "schema_version": str(SCHEMA_VERSION), "magic": ARCHIVE_MAGIC,
                            "vault_id": ""}
                    meta["vault_id"] = meta["archive_id"]
                    for k, v in meta.items():
                        conn.execute("INSERT INTO meta(key, value) VALUES (?, ?)", (k, v))
                    audit.append(conn, action="create", object_type="archive",
                                 object_id=meta["archive_id"], role=role, now=now,
                                 details={"schema_version": SCHEMA_VERSION})
            except BaseException:
                key_out.unlink(missing_ok=True)
                if made_folder:
                    objects.rmdir()
                raise
        except BaseException:
            conn.close()
            raise
        return cls(url, conn, meta)

    @classmethod
    def open(cls, url: str) -> Archive:
        conn = connect(url)
        try:
            meta = cls._read_meta(conn, url)
            found = meta.get("schema_version") or "?"
            if found != str(SCHEMA_VERSION):
                older = found.isdigit() and int(found) < SCHEMA_VERSION
                raise ArchiveError("archive.schema_older" if older else "archive.schema_differs",
                                   version=found, expected=SCHEMA_VERSION)
        except BaseException:
            conn.close()
            raise
        return cls(url, conn, meta)

    @classmethod
    def upgrade(cls, url: str, *, now: dt.datetime | None = None) -> UpgradeReport:
        """Bring an archive made by an older version of the program up to this one, in one
        transaction: the tables, columns and indexes this version adds (storage/pg/schema.py,
        ``upgrade_statements``; nothing is dropped or changed), the roles' rights re-applied
        exactly as this version grants them (storage/pg/roles.py, ``apply_grants``: a right
        added since the archive was made is given, one taken away is gone), the recorded data
        version, and an audit entry. Safe to re-run on an archive already up to date (it then
        only re-applies the rights). Only the account that owns the archive's tables (its
        administrator) may run it; an archive made by a newer version is refused."""
        from storage.pg.roles import apply_grants
        from storage.pg.schema import upgrade_statements
        conn = connect(url)
        try:
            meta = cls._read_meta(conn, url)
            found = meta.get("schema_version") or "?"
            if not found.isdigit() or int(found) > SCHEMA_VERSION:
                raise ArchiveError("archive.schema_differs", version=found,
                                   expected=SCHEMA_VERSION)
            archive = cls(url, conn, meta)
            who = archive.who()
            if not who.startswith("administrator:"):
                raise ArchiveError("archive.upgrade_needs_owner", where=where(url))
            with conn.transaction():
                present: dict[str, set[str]] = {}
                for table, column in conn.execute_pg(
                        "SELECT table_name::text, column_name::text FROM "
                        "information_schema.columns WHERE table_schema = current_schema()"):
                    present.setdefault(str(table), set()).add(str(column))
                statements, added = upgrade_statements(present)
                for stmt in statements:
                    conn.execute_pg(stmt)
                extra = ARCHIVE_EXTRA
                if conn.execute_pg("SELECT to_regclass('search_name_hit') IS NULL"
                                   ).fetchone() == (True,):
                    # The search's short-name hits with their triggers, filled once: a
                    # rerun on an archive that has them would read every segment again.
                    added.append("table search_name_hit")
                    extra = archive_extra(conn)
                for stmt in extra:
                    conn.execute_pg(stmt)
                conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'",
                             (str(SCHEMA_VERSION),))
                apply_grants(conn)
                audit.append(conn, action="upgrade", object_type="archive",
                             object_id=meta["archive_id"], role=who, now=now,
                             details={"from": int(found), "to": SCHEMA_VERSION,
                                      "added": added})
        finally:
            conn.close()
        return UpgradeReport(int(found), SCHEMA_VERSION, added)

    @staticmethod
    def _read_meta(conn: PgConnection, url: str) -> dict[str, str]:
        """The archive's settings row by row; an ArchiveError where the database holds no
        archive or the account may not read it."""
        try:
            rows = conn.execute("SELECT key, value FROM meta").fetchall()
        except psycopg.errors.UndefinedTable:
            raise ArchiveError("archive.not_an_archive", where=where(url)) from None
        except psycopg.errors.InsufficientPrivilege:
            raise ArchiveError("archive.role_cannot_read", where=where(url)) from None
        meta = {str(k): str(v) for k, v in rows}
        if meta.get("magic") != ARCHIVE_MAGIC:
            raise ArchiveError("archive.not_an_archive", where=where(url))
        return meta

    def lock(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    close = lock

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.lock()

    @property
    def is_locked(self) -> bool:
        return self.conn is None

    def __hash__(self) -> int:
        return id(self)

    def __eq__(self, other: object) -> bool:
        return other is self

    def new_connection(self) -> PgConnection:
        return connect(self.url)

    def who(self) -> str:
        """Who is connected, as changes record it: the archive role the database account is a
        member of and the account's name (``analyst:lee``); ``administrator:NAME`` for the
        account that owns the archive's tables (it bypasses the roles), ``none:NAME`` for an
        account in none of the roles."""
        from storage.pg.roles import ROLES
        login, owner = self.conn.execute_pg(
            "SELECT current_user::text, (SELECT tableowner::text FROM pg_tables WHERE "
            "schemaname = current_schema() AND tablename = 'meta')").fetchone()
        if login == owner:
            return f"administrator:{login}"
        for name, group in ROLES.items():
            if self.conn.execute_pg(
                    "SELECT pg_has_role(current_user, oid, 'MEMBER') FROM pg_roles "
                    "WHERE rolname = %s", (group,)).fetchone() == (True,):
                return f"{name}:{login}"
        return f"none:{login}"

    # ----------------------------------------------------------------- the storage interface
    @contextmanager
    def transaction(self) -> Iterator[Any]:
        with self.conn.transaction() as conn:
            yield conn

    def audit(self, action: str, object_type: str, object_id: str | None = None, *,
              role: str = "system", details: dict[str, Any] | None = None,
              now: dt.datetime | None = None) -> audit.AuditEntry:
        """Append to the archive's audit log inside the open transaction; appends from several
        sessions are serialised so the hash chain never forks."""
        self.lock_chain(self.conn, [AUDIT_LOCK])
        return audit.append(self.conn, action=action, object_type=object_type,
                            object_id=object_id, role=role, details=details, now=now)

    def lock_chain(self, conn: Any, keys: Sequence[str]) -> None:
        for key in keys:
            conn.lock(key)

    def audio_store(self, conn: Any) -> ObjectStore:
        return ObjectStore(self.objects.folder, self.objects.recipient)

    def check(self, secret: str | None = None) -> CheckReport:
        """The audit chain, every recording's object file and, given the archive key, every
        object decrypted and hashed. Problems are listed, not raised (an AuditBroken is)."""
        report = CheckReport(audit.verify(self.conn), self.integrity_check())
        if secret is not None and not report.problems:
            for (sha,) in self.conn.execute(
                    "SELECT DISTINCT sha256 FROM blob WHERE size > 0 ORDER BY sha256"):
                try:
                    self.objects.verify(str(sha), secret)
                except BlobError as exc:
                    report.problems.append(str(exc))
                    continue
                report.decrypted += 1
        return report

    def integrity_check(self) -> list[str]:
        """Every recording the archive lists has its object file (content is checked with the
        key by ``verify_objects``)."""
        problems = []
        for blob_id, sha in self.conn.execute(
                "SELECT id, sha256 FROM blob WHERE size > 0 ORDER BY id"):
            if sha is None or not self.objects.has(str(sha)):
                problems.append(f"recording {blob_id}: its object file is missing")
        return problems


# Archive-only indexes (the vault's tables come from storage/pg/schema.py).
ARCHIVE_EXTRA: list[str] = SEARCH_INDEXES + WITNESS_INDEXES


def archive_extra(conn: Any) -> list[str]:
    """Everything the archive adds to the vault's tables: the trigram indexes and the
    short-name hits of the search (storage/pg/schema.py)."""
    schema = str(conn.execute_pg("SELECT current_schema()").fetchone()[0])
    return [*ARCHIVE_EXTRA, *search_names_ddl(schema)]

