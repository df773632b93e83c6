"""Re-encrypting the database under a fresh data key: the on-disk protocol and its recovery.

Changing the passphrase only re-wraps the data key, so a saved copy of an old ``vault.header``
keeps opening the current database with the old passphrase. A rekey writes a new database
encrypted under a new random key and a new header wrapping that key, then swaps them in:

1. ``vault.db.rekey``: ``sqlcipher_export`` of the database into a new file keyed with the new
   key (streamed page by page by SQLite: memory stays bounded), checked, its audit entry
   appended, checkpointed, closed and fsynced.
2. ``vault.header.rekey``: the new header, written to a temporary name, fsynced and renamed
   (so it exists only when complete); the folder is fsynced. Commit point of the staging.
3. every connection to the old database is closed; the old database must have no ``-wal`` file
   (otherwise something else has it open, and the rekey is undone).
4. ``vault.db.rekey`` is renamed over ``vault.db``; folder fsynced.
5. ``vault.header.rekey`` is renamed over ``vault.header``; folder fsynced.

A kill at any moment leaves a state that ``recover`` (run before every unlock) settles:

- staged header and staged database both present: the swap never started, ``vault.db`` and
  ``vault.header`` are the old pair: the staging is deleted (rolled back);
- staged header present, staged database gone: step 4 happened, ``vault.db`` is the new
  database: the staged header is renamed into place (completed);
- only a (partial) staged database, or temporary files: deleted (rolled back).

So the vault always opens with either the old key (and old wraps) or the new one, never
neither. A read-only open writes nothing: it reads the staged header when step 4 happened.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

import sqlcipher3

from storage.db import DB_NAME
from storage.header import HEADER_NAME

STAGED_DB = DB_NAME + ".rekey"
STAGED_HEADER = HEADER_NAME + ".rekey"
_SIDE_SUFFIXES = ("", "-wal", "-shm", "-journal")
_POLL_SECONDS = 0.2

Progress = Callable[[float, str], None]


def fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_staging(folder: Path) -> bool:
    """Delete every staged file of an unfinished rekey; True if there was any."""
    removed = False
    names = [STAGED_DB + s for s in _SIDE_SUFFIXES] + [STAGED_HEADER, STAGED_HEADER + ".new"]
    for name in names:
        path = folder / name
        if path.exists():
            path.unlink()
            removed = True
    if removed:
        fsync_dir(folder)
    return removed


def recover(folder: Path) -> str | None:
    """Settle a rekey cut off by a crash: 'completed', 'rolled back' or None (nothing to do)."""
    staged_header = folder / STAGED_HEADER
    if staged_header.exists() and not (folder / STAGED_DB).exists():
        # Step 4 happened: vault.db is the new database, so its header must follow.
        os.replace(staged_header, folder / HEADER_NAME)
        fsync_dir(folder)
        remove_staging(folder)
        return "completed"
    return "rolled back" if remove_staging(folder) else None


def header_to_read(folder: Path) -> Path:
    """The header that matches ``vault.db`` now, without settling anything (read-only opens)."""
    staged_header = folder / STAGED_HEADER
    if staged_header.exists() and not (folder / STAGED_DB).exists():
        return staged_header
    return folder / HEADER_NAME


def export(source: Path, old_key: bytes, target: Path, new_key: bytes, *, user_version: int,
           progress: Progress | None = None) -> None:
    """Write ``target``: a copy of the database ``source`` encrypted under ``new_key``.

    Uses its own connection, because the vault's connections deny ATTACH (their authorizer
    stops plaintext copies; this one attaches an encrypted file with an explicit raw key). The
    export runs in a worker thread (SQLite releases the GIL) while this thread reports the
    size written against the size of the source."""
    conn = sqlcipher3.connect(str(source), isolation_level=None, check_same_thread=False,
                              timeout=30)
    try:
        conn.execute(f"PRAGMA key = \"x'{old_key.hex()}'\"")
        conn.execute("PRAGMA cipher_compatibility = 4")
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute(f"ATTACH DATABASE ? AS rekey KEY \"x'{new_key.hex()}'\"", (str(target),))
        conn.execute("PRAGMA rekey.cipher_compatibility = 4")
        failure: list[BaseException] = []

        def work() -> None:
            try:
                conn.execute("SELECT sqlcipher_export('rekey')")
            except BaseException as exc:  # noqa: BLE001 - re-raised in the calling thread
                failure.append(exc)

        worker = threading.Thread(target=work, name="rekey-export", daemon=True)
        total = max(1, source.stat().st_size)
        worker.start()
        while worker.is_alive():
            worker.join(_POLL_SECONDS)
            if progress is not None and target.exists():
                progress(min(0.99, target.stat().st_size / total), "re-encrypting")
        if failure:
            raise failure[0]
        # sqlcipher_export copies schema and rows, not the schema version of the migrations.
        conn.execute(f"PRAGMA rekey.user_version = {int(user_version)}")
        conn.execute("DETACH DATABASE rekey")
    finally:
        conn.close()
