"""Opening the SQLCipher database with the project's settings.

The data key is the raw SQLCipher key (``x'<hex>'``), so SQLCipher's own PBKDF2 is skipped: the
passphrase stretching already happened in Argon2id. Before anything is written we check that
the library really is SQLCipher and that the file on disk is not a plaintext SQLite database,
because a connection opened without a key silently creates one.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlcipher3

from storage.errors import VaultBusy, VaultCorrupt, WrongPassphrase

DB_NAME = "vault.db"
PLAINTEXT_MAGIC = b"SQLite format 3\x00"

SQLITE_DENY = 1
SQLITE_OK = 0
_SQLITE_ATTACH = 24
_SQLITE_DETACH = 25

# Wipe SQLCipher's freed memory and lock its pages out of swap. It is process-wide and makes
# bulk inserts several times slower (bench/bench_vault.py measures by how much); kept ON
# because a seized, running laptop is in the threat model. The benchmark flips it in a
# subprocess to measure the cost; nothing else should.
MEMORY_SECURITY = "ON"

Connection = Any  # sqlcipher3.Connection has no type stubs
DatabaseError = sqlcipher3.DatabaseError


class IntegrityError(Exception):
    """A constraint refused a write on a backend other than SQLCipher (the archive)."""


# What a refused write raises on either backend (the vault's SQLCipher, the archive).
INTEGRITY_ERRORS: tuple[type[Exception], ...] = (sqlcipher3.IntegrityError, IntegrityError)


def _authorizer(action: int, *_args: Any) -> int:
    # ATTACH could be used to write a plaintext copy of the data next to the vault.
    if action in (_SQLITE_ATTACH, _SQLITE_DETACH):
        return SQLITE_DENY
    return SQLITE_OK


def file_is_plaintext_sqlite(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(16) == PLAINTEXT_MAGIC
    except FileNotFoundError:
        return False


def _readonly_uri(path: Path) -> str:
    """A URI that reads the database without writing anything in its folder.

    A read-only WAL database needs its -wal and -shm files; SQLite creates them if they are
    missing and cannot remove them afterwards. So: if a -wal file exists (the vault is open
    elsewhere, or was not closed cleanly) read through it; otherwise everything is in the main
    file and ``immutable=1`` reads it with no side files at all."""
    query = "mode=ro" if Path(f"{path}-wal").exists() else "mode=ro&immutable=1"
    return f"{path.resolve().as_uri()}?{query}"


def connect(path: Path, key: bytes, *, create: bool = False,
            readonly: bool = False) -> Connection:
    """Open (or with ``create``, create) the encrypted database with ``key`` (32 bytes).

    Raises WrongPassphrase if the key does not open it, VaultCorrupt if the file is plaintext or
    damaged. Never writes to an existing file before the key has been checked; with
    ``readonly``, never writes at all (``query_only``, and no -wal/-shm files are created).
    """
    if len(key) != 32:
        raise ValueError("the data key must be 32 bytes")
    exists = path.exists() and path.stat().st_size > 0
    if not exists and not create:
        raise VaultCorrupt("db.vault_database_missing_restore")
    if exists and file_is_plaintext_sqlite(path):
        raise VaultCorrupt(
            "db.vault_database_encrypted_genuine"
        )
    if readonly:
        conn = sqlcipher3.connect(_readonly_uri(path), uri=True, isolation_level=None,
                                  check_same_thread=False, timeout=30)
    else:
        conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False,
                                  timeout=30)
    try:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute("PRAGMA cipher_compatibility = 4")
        conn.execute(f"PRAGMA cipher_memory_security = {MEMORY_SECURITY}")
        conn.execute("PRAGMA cipher_log_level = NONE")
        version = conn.execute("PRAGMA cipher_version").fetchone()
        if not version or not version[0]:
            raise VaultCorrupt("db.build_sqlcipher_encryption_reinstall")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError as exc:
            raise WrongPassphrase(
                "db.vault_key_open_database"
            ) from exc
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA trusted_schema = OFF")
        if readonly:
            conn.execute("PRAGMA query_only = ON")
        else:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA busy_timeout = 30000")
        conn.set_authorizer(_authorizer)
    except BaseException:
        conn.close()
        raise
    return conn


def assert_encrypted_on_disk(path: Path) -> None:
    """Raise VaultCorrupt if the database file on disk starts with the plaintext SQLite magic."""
    if file_is_plaintext_sqlite(path):
        raise VaultCorrupt("db.vault_database_written_unencrypted")


@contextmanager
def transaction(conn: Connection) -> Iterator[Connection]:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on any exception. Not re-entrant.

    Another process writing (a second supervisor importing into the same vault, say) makes
    this wait up to the connection's busy timeout; past it, ``VaultBusy`` says so in words
    instead of SQLite's "database is locked", and nothing was changed."""
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlcipher3.OperationalError as exc:
        if is_busy(exc):
            raise VaultBusy("vault.busy") from exc
        raise
    try:
        yield conn
    except BaseException as exc:
        conn.execute("ROLLBACK")
        if isinstance(exc, sqlcipher3.OperationalError) and is_busy(exc):
            raise VaultBusy("vault.busy") from exc
        raise
    else:
        try:
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:  # a refused COMMIT (deferred foreign keys) stays open
                conn.execute("ROLLBACK")
            raise


def is_busy(exc: BaseException) -> bool:
    """SQLite gave up waiting for another connection's lock (SQLITE_BUSY / SQLITE_LOCKED)."""
    return isinstance(exc, sqlcipher3.OperationalError) and (
        "database is locked" in str(exc) or "database table is locked" in str(exc))
