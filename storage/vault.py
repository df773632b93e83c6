"""The vault: a folder holding an authenticated header and a SQLCipher 4 database.

Key hierarchy: passphrase -> Argon2id (parameters and salt in the header) -> key-encryption key
-> unwraps the random 256-bit data key (ChaCha20-Poly1305, header as associated data). The data
key is the raw SQLCipher key. Changing the passphrase re-wraps the data key only; ``rekey``
replaces the data key itself (storage/rekey.py).

The passphrase is checked against the header before the database is touched, so a wrong
passphrase changes nothing in the vault folder.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import unicodedata
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crypto.errors import UnwrapError, WeakKdfParameters
from crypto.kdf import KdfParams, calibrate, derive_key
from crypto.recovery import format_recovery_code, new_recovery_secret, parse_recovery_code
from crypto.signing import fingerprint, new_signing_key
from crypto.wrap import hkdf, unwrap_key, wrap_key
from storage import audit, blobs
from storage import rekey as rekey_protocol
from storage.db import DB_NAME, Connection, assert_encrypted_on_disk, connect, transaction
from storage.errors import (
    VaultCorrupt,
    VaultExists,
    VaultLocked,
    VaultNotFound,
    WeakKdf,
    WrongPassphrase,
)
from storage.header import HEADER_NAME, Header, read_header, write_header_atomically
from storage.migrations import LATEST_VERSION, current_version, migrate

LOCKS_DIR = "locks"


@dataclass(frozen=True)
class DeviceIdentity:
    id: str
    public_key: bytes
    fingerprint: str


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def is_vault(path: Path) -> bool:
    return (path / HEADER_NAME).is_file()


def _recovery_kek(secret: bytes, vault_id: str) -> bytes:
    return hkdf(secret, b"testimony-vault recovery kek " + vault_id.encode("ascii"))


def nfc_passphrase(passphrase: bytes | bytearray) -> bytes:
    """The passphrase in Unicode NFC, the form every new wrap uses (Hangul typed on different
    keyboards or systems arrives precomposed or as decomposed jamo). Not UTF-8: unchanged."""
    try:
        text = bytes(passphrase).decode("utf-8")
    except UnicodeDecodeError:
        return bytes(passphrase)
    return unicodedata.normalize("NFC", text).encode("utf-8")


def passphrase_forms(passphrase: bytes | bytearray) -> list[bytes]:
    """The forms to try when unlocking: as given, then NFC, then NFD (vaults wrapped before
    passphrases were normalised may hold either); duplicates dropped, so ASCII costs one try."""
    forms = [bytes(passphrase)]
    try:
        text = bytes(passphrase).decode("utf-8")
    except UnicodeDecodeError:
        return forms
    for form in ("NFC", "NFD"):
        candidate = unicodedata.normalize(form, text).encode("utf-8")
        if candidate not in forms:
            forms.append(candidate)
    return forms


def _check_kdf(params: KdfParams, allow_weak_kdf: bool) -> None:
    if params.is_above_ceiling():  # checked even on the test path: nothing may hang an unlock
        raise WeakKdf(
            "vault.vault_header_asks_more"
        )
    if allow_weak_kdf:
        return
    try:
        params.check_floor()
    except WeakKdfParameters as exc:
        raise WeakKdf(
            "vault.vault_header_asks_weaker"
        ) from exc


class Vault:
    """An unlocked vault. Use ``Vault.create`` or ``Vault.open``; close with ``lock()``."""

    # With ``PRAGMA defer_foreign_keys`` SQLite refuses the COMMIT of a transaction that left a
    # reference dangling, counting only what the transaction changed; ``PRAGMA
    # foreign_key_check`` would scan every table instead (see storage/backend.py).
    references_checked_at_commit = True

    def __init__(self, path: Path, header: Header, data_key: bytes, conn: Connection, *,
                 readonly: bool = False) -> None:
        self.path = path
        self.header = header
        self._data_key: bytearray | None = bytearray(data_key)
        self.conn: Connection = conn
        self.recovered_blobs: list[tuple[str, str]] = []
        self.readonly = readonly

    # ----------------------------------------------------------------- lifecycle
    @classmethod
    def create(
        cls,
        path: Path,
        passphrase: bytes | bytearray,
        *,
        kdf: KdfParams | None = None,
        allow_weak_kdf: bool = False,
        with_recovery: bool = False,
        progress: Callable[[str], None] | None = None,
        now: dt.datetime | None = None,
        role: str = "system",
    ) -> tuple[Vault, str | None]:
        """Create a new vault folder. Returns (vault, recovery code or None).

        ``kdf`` defaults to parameters calibrated on this machine; weaker-than-floor parameters
        need ``allow_weak_kdf`` (tests only).
        """
        path = Path(path)
        if is_vault(path):
            raise VaultExists("vault.there_already_vault_choose", path=path)
        if path.exists() and any(path.iterdir()):
            raise VaultExists("vault.folder_empty_choose_empty", path=path)
        if not passphrase:
            raise WrongPassphrase("vault.empty_passphrase_allowed_choose")
        params = kdf if kdf is not None else calibrate(progress=progress)
        _check_kdf(params, allow_weak_kdf)
        now = now or _now()
        vault_id = str(uuid.uuid4())
        data_key = os.urandom(32)
        kek = derive_key(nfc_passphrase(passphrase), params, allow_weak=allow_weak_kdf)
        header = Header(vault_id=vault_id, created=now.isoformat(), kdf=params,
                        passphrase_wrap=wrap_key(kek, b"\0" * 32, b""))
        header.passphrase_wrap = wrap_key(kek, data_key, header.passphrase_aad())
        recovery_code: str | None = None
        if with_recovery:
            secret = new_recovery_secret()
            header.recovery_wrap = wrap_key(
                _recovery_kek(secret, vault_id), data_key, header.recovery_aad()
            )
            recovery_code = format_recovery_code(secret)
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        db_path = path / DB_NAME
        conn = connect(db_path, data_key, create=True)
        try:
            os.chmod(db_path, 0o600)
            migrate(conn)
            assert_encrypted_on_disk(db_path)
            private, public = new_signing_key()
            with transaction(conn):
                conn.execute("INSERT INTO meta(key, value) VALUES ('vault_id', ?)", (vault_id,))
                conn.execute("INSERT INTO meta(key, value) VALUES ('created_at', ?)",
                             (now.isoformat(),))
                device_id = str(uuid.uuid4())
                conn.execute(
                    "INSERT INTO device(id, public_key, private_key, created_at) VALUES (?,?,?,?)",
                    (device_id, public, private, now.isoformat()),
                )
                audit.append(conn, action="create", object_type="vault", object_id=vault_id,
                             role=role, now=now,
                             details={"kdf_memory_kib": params.memory_kib,
                                      "kdf_time_cost": params.time_cost,
                                      "recovery_key": with_recovery,
                                      "device_id": device_id})
            assert_encrypted_on_disk(db_path)
            # The header is written last: a folder without it is not a vault, so a crash during
            # creation never leaves something that looks like a vault but cannot be opened.
            write_header_atomically(path, header)
        except BaseException:
            conn.close()
            raise
        return cls(path, header, data_key, conn), recovery_code

    @classmethod
    def open(
        cls,
        path: Path,
        passphrase: bytes | bytearray,
        *,
        allow_weak_kdf: bool = False,
        readonly: bool = False,
        kdf_threads: int | None = None,
    ) -> Vault:
        """Unlock a vault with its passphrase.

        With ``readonly`` nothing in the folder is written at all: no migrations (a vault that
        needs one is refused with VaultLocked), no crash recovery, no checkpoint at lock, and the
        connection is ``query_only``. For commands that promise never to write (verify).
        ``kdf_threads`` caps the key derivation's threads (crypto.kdf.derive_key; same key).

        Raises VaultNotFound, WrongPassphrase (nothing in the folder changes), WeakKdf,
        VaultCorrupt, VaultLocked.
        """
        path = Path(path)
        header = cls._read_header(path, readonly=readonly)
        _check_kdf(header.kdf, allow_weak_kdf)
        data_key: bytes | None = None
        for form in passphrase_forms(passphrase):
            kek = derive_key(form, header.kdf, allow_weak=True, threads=kdf_threads)
            try:
                data_key = unwrap_key(kek, header.passphrase_wrap, header.passphrase_aad())
            except UnwrapError:
                continue
            break
        if data_key is None:
            raise WrongPassphrase("vault.wrong_passphrase")
        vault = cls._open_db(path, header, data_key, readonly=readonly)
        nfc = nfc_passphrase(passphrase)
        if form != nfc and not readonly:
            # Wrapped for another Unicode form (before normalisation): rewrap for NFC.
            try:
                vault.change_passphrase(nfc, allow_weak_kdf=allow_weak_kdf,
                                        details={"reason": "unicode-normalisation"})
            except BaseException:
                vault.lock()
                raise
        return vault

    @classmethod
    def open_with_recovery(cls, path: Path, code: str) -> Vault:
        """Unlock with the recovery code printed at creation."""
        path = Path(path)
        header = cls._read_header(path)
        if header.recovery_wrap is None:
            raise WrongPassphrase("vault.vault_recovery_key_unlock")
        try:
            secret = parse_recovery_code(code)
            data_key = unwrap_key(_recovery_kek(secret, header.vault_id), header.recovery_wrap,
                                  header.recovery_aad())
        except (ValueError, UnwrapError) as exc:
            raise WrongPassphrase(
                "vault.recovery_code_unlock_vault"
            ) from exc
        return cls._open_db(path, header, data_key)

    @staticmethod
    def _read_header(path: Path, *, readonly: bool = False) -> Header:
        """The current header, after settling a rekey a crash cut off (see storage/rekey.py);
        with ``readonly`` nothing is settled: the header matching the database is read."""
        if not is_vault(path):
            raise VaultNotFound(
                "vault.not_found", path=path
            )
        if readonly:
            return read_header(path, rekey_protocol.header_to_read(path).name)
        rekey_protocol.recover(path)
        return read_header(path)

    @classmethod
    def _open_db(cls, path: Path, header: Header, data_key: bytes, *,
                 readonly: bool = False) -> Vault:
        conn = connect(path / DB_NAME, data_key, readonly=readonly)
        try:
            if readonly and current_version(conn) != LATEST_VERSION:
                raise VaultLocked(
                    "vault.vault_must_upgraded_before")
            if not readonly:
                migrate(conn)
            row = conn.execute("SELECT value FROM meta WHERE key = 'vault_id'").fetchone()
            if row is None or row[0] != header.vault_id:
                raise VaultCorrupt(
                    "vault.vault_database_belong_header"
                )
            vault = cls(path, header, data_key, conn, readonly=readonly)
            if not readonly:
                vault.recovered_blobs = blobs.recover_interrupted(conn, path / LOCKS_DIR)
        except BaseException:
            conn.close()
            raise
        return vault

    def lock(self) -> None:
        """Close the database and forget the data key (as far as Python allows)."""
        if self._data_key is not None:
            for i in range(len(self._data_key)):
                self._data_key[i] = 0
            self._data_key = None
        if self.conn is not None:
            # Fold the WAL back into the main file; locking must succeed even if this fails.
            if not self.readonly:
                with contextlib.suppress(Exception):
                    self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self.conn.close()
            self.conn = None

    close = lock

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.lock()

    @property
    def is_locked(self) -> bool:
        return self._data_key is None

    def _key(self) -> bytes:
        if self._data_key is None:
            raise VaultLocked("vault.locked")
        return bytes(self._data_key)

    @property
    def vault_id(self) -> str:
        return self.header.vault_id

    @property
    def lock_folder(self) -> Path:
        return self.path / LOCKS_DIR

    def new_connection(self) -> Connection:
        """A second connection to the same database (e.g. for a recording thread)."""
        return connect(self.path / DB_NAME, self._key(), readonly=self.readonly)

    # ----------------------------------------------------------------- key management
    def change_passphrase(self, new_passphrase: bytes | bytearray, *,
                          kdf: KdfParams | None = None, allow_weak_kdf: bool = False,
                          role: str = "system", details: dict[str, Any] | None = None) -> None:
        """Re-wrap the data key under a new passphrase (in NFC); the database is not
        rewritten, so old header copies keep opening it with the old passphrase (see rekey)."""
        if not new_passphrase:
            raise WrongPassphrase("vault.empty_passphrase_allowed_choose")
        params = (kdf or self.header.kdf).with_new_salt()
        _check_kdf(params, allow_weak_kdf)
        kek = derive_key(nfc_passphrase(new_passphrase), params, allow_weak=allow_weak_kdf)
        new_header = Header(vault_id=self.header.vault_id, created=self.header.created,
                            kdf=params, passphrase_wrap=self.header.passphrase_wrap,
                            recovery_wrap=self.header.recovery_wrap)
        new_header.passphrase_wrap = wrap_key(kek, self._key(), new_header.passphrase_aad())
        write_header_atomically(self.path, new_header)
        self.header = new_header
        with transaction(self.conn):
            audit.append(self.conn, action="change-passphrase", object_type="vault",
                         object_id=self.vault_id, role=role, details=details)

    def add_recovery_key(self, *, role: str = "system") -> str:
        """Create (or replace) the recovery wrap; return the code to print once."""
        secret = new_recovery_secret()
        self.header.recovery_wrap = wrap_key(
            _recovery_kek(secret, self.vault_id), self._key(), self.header.recovery_aad()
        )
        write_header_atomically(self.path, self.header)
        with transaction(self.conn):
            audit.append(self.conn, action="create-recovery-key", object_type="vault",
                         object_id=self.vault_id, role=role)
        return format_recovery_code(secret)

    def check_passphrase(self, passphrase: bytes | bytearray) -> None:
        """Raise WrongPassphrase unless ``passphrase`` (in any Unicode form) opens the header."""
        for form in passphrase_forms(passphrase):
            kek = derive_key(form, self.header.kdf, allow_weak=True)
            try:
                unwrap_key(kek, self.header.passphrase_wrap, self.header.passphrase_aad())
            except UnwrapError:
                continue
            return
        raise WrongPassphrase("vault.vault_s_current_passphrase")

    def rekey(
        self,
        passphrase: bytes | bytearray,
        *,
        with_recovery: bool | None = None,
        passphrase_changed: bool = False,
        kdf: KdfParams | None = None,
        allow_weak_kdf: bool = False,
        progress: rekey_protocol.Progress | None = None,
        role: str = "system",
        _step: Callable[[str], None] | None = None,
    ) -> str | None:
        """Re-encrypt the database under a fresh data key, wrapped for ``passphrase`` (the
        current one, or a new one with ``passphrase_changed``) and, if ``with_recovery`` (default:
        when the vault has a recovery code now), a new recovery code, which is returned.

        Afterwards no copy of an earlier header opens the database: its wraps hold the old key.
        Crash-safe: see storage/rekey.py for the protocol. Other connections to the vault must
        be closed (VaultLocked otherwise, and nothing is changed). ``_step`` is called with the
        name of each protocol step (tests kill the process there).
        """
        if self.readonly:
            raise VaultLocked("vault.vault_opened_read_only")
        if not passphrase:
            raise WrongPassphrase("vault.empty_passphrase_allowed_choose")
        step = _step or (lambda _name: None)
        report = progress or (lambda _f, _label: None)
        old_key = self._key()
        if not passphrase_changed:
            # Wrapping the new key for a mistyped passphrase would lock the owner out.
            report(0.0, "checking the passphrase")
            self.check_passphrase(passphrase)
        if with_recovery is None:
            with_recovery = self.header.recovery_wrap is not None
        params = (kdf or self.header.kdf).with_new_salt()
        _check_kdf(params, allow_weak_kdf)
        report(0.0, "deriving the key from the passphrase")
        kek = derive_key(nfc_passphrase(passphrase), params, allow_weak=allow_weak_kdf)
        new_key = os.urandom(32)
        header = Header(vault_id=self.vault_id, created=self.header.created, kdf=params,
                        passphrase_wrap=self.header.passphrase_wrap)
        header.passphrase_wrap = wrap_key(kek, new_key, header.passphrase_aad())
        code: str | None = None
        if with_recovery:
            secret = new_recovery_secret()
            header.recovery_wrap = wrap_key(_recovery_kek(secret, self.vault_id), new_key,
                                            header.recovery_aad())
            code = format_recovery_code(secret)
        folder = self.path
        staged_db = folder / rekey_protocol.STAGED_DB
        rekey_protocol.remove_staging(folder)
        version = current_version(self.conn)
        step("staging")
        # Hold the write lock while the copy is made, so no commit can miss the new database.
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            rekey_protocol.export(folder / DB_NAME, old_key, staged_db, new_key, user_version=version,
                         progress=report)
            step("exported")
            report(0.99, "checking the re-encrypted copy")
            conn = connect(staged_db, new_key)
            try:
                assert_encrypted_on_disk(staged_db)
                row = conn.execute("SELECT value FROM meta WHERE key = 'vault_id'").fetchone()
                if (row is None or row[0] != self.vault_id or current_version(conn) != version
                        or conn.execute("PRAGMA quick_check").fetchall() != [("ok",)]):
                    raise VaultCorrupt("vault.re_encrypted_copy_vault")
                with transaction(conn):
                    audit.append(conn, action="rekey", object_type="vault",
                                 object_id=self.vault_id, role=role,
                                 details={"passphrase_changed": passphrase_changed,
                                          "recovery_key": with_recovery})
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                conn.close()
            rekey_protocol.fsync_file(staged_db)
            rekey_protocol.fsync_dir(folder)
            step("db-staged")
            write_header_atomically(folder, header, rekey_protocol.STAGED_HEADER)
            step("header-staged")
        except BaseException:
            self.conn.execute("ROLLBACK")
            rekey_protocol.remove_staging(folder)
            raise
        # Closing the last connection folds and deletes the -wal file; if it is still there,
        # another window or program has the vault open and would keep writing to the old file.
        self.conn.close()
        self.conn = None
        if any((folder / (DB_NAME + s)).exists() for s in ("-wal", "-shm")):
            rekey_protocol.remove_staging(folder)
            self.conn = connect(folder / DB_NAME, old_key)
            raise VaultLocked("vault.vault_open_another_window")
        step("closed")
        os.replace(staged_db, folder / DB_NAME)
        rekey_protocol.fsync_dir(folder)
        step("db-switched")
        os.replace(folder / rekey_protocol.STAGED_HEADER, folder / HEADER_NAME)
        rekey_protocol.fsync_dir(folder)
        step("header-switched")
        self.header = header
        if self._data_key is not None:
            for i in range(len(self._data_key)):
                self._data_key[i] = 0
        self._data_key = bytearray(new_key)
        self.conn = connect(folder / DB_NAME, new_key)
        report(1.0, "done")
        return code

    # ----------------------------------------------------------------- helpers
    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        with transaction(self.conn) as conn:
            yield conn

    def audit(self, action: str, object_type: str, object_id: str | None = None, *,
              role: str = "system", details: dict[str, Any] | None = None,
              now: dt.datetime | None = None) -> audit.AuditEntry:
        """Append to the audit log; must run inside ``vault.transaction()``."""
        return audit.append(self.conn, action=action, object_type=object_type,
                            object_id=object_id, role=role, details=details, now=now)

    def device(self) -> DeviceIdentity:
        row = self.conn.execute(
            "SELECT id, public_key FROM device ORDER BY created_at LIMIT 1").fetchone()
        if row is None:
            raise VaultCorrupt("vault.vault_device_key_damaged")
        return DeviceIdentity(row[0], bytes(row[1]), fingerprint(bytes(row[1])))

    def device_private_key(self) -> bytes:
        row = self.conn.execute(
            "SELECT private_key FROM device ORDER BY created_at LIMIT 1").fetchone()
        if row is None:
            raise VaultCorrupt("vault.vault_device_key_damaged")
        return bytes(row[0])

    def blob_writer(self, *, kind: str, on_crash: str, conn: Connection | None = None,
                    flush_bytes: int = blobs.FLUSH_BYTES) -> blobs.BlobWriter:
        return blobs.BlobWriter(conn or self.conn, self.lock_folder, kind=kind,
                                on_crash=on_crash, flush_bytes=flush_bytes)

    def blob_reader(self, blob_id: str, *, conn: Connection | None = None) -> blobs.BlobReader:
        return blobs.BlobReader(conn or self.conn, blob_id)

    # The storage interface of storage/backend.py (the archive is the other implementation).
    def lock_chain(self, conn: Connection, keys: Sequence[str]) -> None:
        """Nothing to take: a vault's writers are serialised by BEGIN IMMEDIATE."""

    def audio_store(self, conn: Connection) -> blobs.ChunkStore:
        return blobs.ChunkStore(conn)

    def integrity_check(self) -> list[str]:
        """SQLCipher page HMACs plus SQLite's integrity check; returns problems (empty = fine)."""
        problems = [str(r[0]) for r in self.conn.execute("PRAGMA cipher_integrity_check")]
        result = [str(r[0]) for r in self.conn.execute("PRAGMA integrity_check")]
        if result != ["ok"]:
            problems.extend(result)
        return problems


def crypto_erase(path: Path) -> None:
    """Destroy the vault: overwrite the wrapped keys, then delete every file.

    Once the header is gone, nothing reachable through the file system opens the database.
    Flash storage (SSDs) may keep old blocks, earlier headers included, until the drive erases
    them; only full-disk encryption underneath protects those (docs/threat-model.md).
    """
    path = Path(path)
    if not is_vault(path):
        raise VaultNotFound("vault.vault_found_nothing_erased", path=path)
    # The staged header of an unfinished rekey wraps a key too.
    for name in (HEADER_NAME, rekey_protocol.STAGED_HEADER, rekey_protocol.STAGED_HEADER + ".new",
                 HEADER_NAME + ".new"):
        header_path = path / name
        if not header_path.exists():
            continue
        size = max(header_path.stat().st_size, 4096)
        fd = os.open(header_path, os.O_WRONLY)
        try:
            os.write(fd, os.urandom(size))
            os.fsync(fd)
        finally:
            os.close(fd)
        header_path.unlink()
    shutil.rmtree(path)
