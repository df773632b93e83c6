"""Encrypted blob storage: large data streamed in and out of the SQLCipher database in chunks.

Blobs live as chunk rows inside the encrypted database, so they share its encryption, its
transactions and its crash safety: what was committed survives a kill or a power cut, and
nothing is ever written in plaintext. Chunks may vary in size (a recording commits its partial
chunk every second), so each row stores its byte offset for seeking.

A blob being written is in state ``writing``. Its writer holds an advisory lock file (named by
the blob's random id) in the vault's ``locks`` folder; when a vault is opened, blobs still in
``writing`` whose lock is free belonged to a dead writer and are recovered: kept and marked
``interrupted`` (recordings) or deleted (imports, which must be all or nothing).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

import sqlcipher3

from storage.db import Connection, transaction
from storage.errors import BlobError, DiskFull

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

CHUNK_SIZE = 256 * 1024
FLUSH_BYTES = 4 * 1024 * 1024


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat()


def is_disk_full(exc: BaseException) -> bool:
    """Whether a database error means the disk is full."""
    text = str(exc).lower()
    return "full" in text or "no space" in text


class _WriterLock:
    def __init__(self, folder: Path, blob_id: str) -> None:
        folder.mkdir(mode=0o700, exist_ok=True)
        self.path = folder / f"{blob_id}.lock"
        self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        if fcntl is not None:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def release(self) -> None:
        if self.fd >= 0:
            try:
                self.path.unlink(missing_ok=True)
            finally:
                os.close(self.fd)
                self.fd = -1


def _lock_is_held(folder: Path, blob_id: str) -> bool:
    path = folder / f"{blob_id}.lock"
    if fcntl is None or not path.exists():
        return False
    fd = os.open(path, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    else:
        fcntl.flock(fd, fcntl.LOCK_UN)
        return False
    finally:
        os.close(fd)


class BlobWriter:
    """Streams bytes into a new blob. Call ``commit()`` to make what was written durable."""

    def __init__(self, conn: Connection, lock_folder: Path, *, kind: str, on_crash: str,
                 flush_bytes: int = FLUSH_BYTES) -> None:
        if on_crash not in ("keep", "discard"):
            raise ValueError("on_crash must be 'keep' or 'discard'")
        self.conn = conn
        self.id = str(uuid.uuid4())
        self._lock = _WriterLock(lock_folder, self.id)
        self._buffer = bytearray()
        self._pending: list[tuple[int, int, bytes]] = []
        self._pending_bytes = 0
        self._seq = 0
        self._offset = 0
        self._hash = hashlib.sha256()
        self._flush_bytes = flush_bytes
        self.closed = False
        try:
            with transaction(conn):
                conn.execute(
                    "INSERT INTO blob(id, kind, state, on_crash, created_at) "
                    "VALUES (?, ?, 'writing', ?, ?)",
                    (self.id, kind, on_crash, _now()),
                )
        except BaseException:
            self._lock.release()
            raise

    @property
    def size(self) -> int:
        """Bytes written so far (committed or not)."""
        return self._offset + len(self._buffer)

    def write(self, data: bytes | bytearray | memoryview) -> int:
        if self.closed:
            raise BlobError("blob.recording_file_already_closed")
        self._hash.update(data)
        self._buffer += data
        while len(self._buffer) >= CHUNK_SIZE:
            self._stage(bytes(self._buffer[:CHUNK_SIZE]))
            del self._buffer[:CHUNK_SIZE]
        if self._pending_bytes >= self._flush_bytes:
            self._flush_pending()
        return len(data)

    def _stage(self, chunk: bytes) -> None:
        self._pending.append((self._seq, self._offset, chunk))
        self._seq += 1
        self._offset += len(chunk)
        self._pending_bytes += len(chunk)

    def _flush_pending(self) -> None:
        if not self._pending:
            return
        try:
            with transaction(self.conn):
                self.conn.executemany(
                    "INSERT INTO blob_chunk(blob_id, seq, offset, data) VALUES (?, ?, ?, ?)",
                    [(self.id, s, o, d) for s, o, d in self._pending],
                )
        except sqlcipher3.OperationalError as exc:
            if is_disk_full(exc):
                raise DiskFull(
                    "blob.disk_full_writing_stopped"
                ) from exc
            raise
        self._pending.clear()
        self._pending_bytes = 0

    def commit(self) -> None:
        """Make everything written so far durable (the partial chunk too)."""
        if self._buffer:
            self._stage(bytes(self._buffer))
            self._buffer.clear()
        self._flush_pending()

    def finish(self, then: Callable[[Connection], None] | None = None) -> tuple[str, int, str]:
        """Commit, mark the blob complete and run ``then(conn)`` in the same transaction.

        Returns (blob_id, size, sha256 hex).
        """
        self.commit()
        digest = self._hash.hexdigest()
        with transaction(self.conn):
            self.conn.execute(
                "UPDATE blob SET state = 'complete', size = ?, sha256 = ?, completed_at = ? "
                "WHERE id = ?",
                (self._offset, digest, _now(), self.id),
            )
            if then is not None:
                then(self.conn)
        self._close()
        return self.id, self._offset, digest

    def abort(self) -> None:
        """Throw away everything written: nothing half-stored remains."""
        if self.closed:
            return
        self._buffer.clear()
        self._pending.clear()
        with transaction(self.conn):
            self.conn.execute("DELETE FROM blob_chunk WHERE blob_id = ?", (self.id,))
            self.conn.execute("DELETE FROM blob WHERE id = ?", (self.id,))
        self._close()

    def release(self) -> None:
        """Stop writing without sealing: uncommitted bytes are dropped, committed chunks stay.

        The blob is left in ``writing`` with its lock free, exactly as a crash would leave it,
        so ``recover_interrupted`` settles it (kept or discarded by ``on_crash``). Used when
        sealing is impossible, e.g. on a full disk.
        """
        if self.closed:
            return
        self._buffer.clear()
        self._pending.clear()
        self._close()

    def _close(self) -> None:
        self.closed = True
        self._lock.release()


class BlobReader(io.RawIOBase):
    """A seekable, read-only file object over one blob, fetching one chunk at a time."""

    def __init__(self, conn: Connection, blob_id: str) -> None:
        super().__init__()
        row = conn.execute(
            "SELECT COALESCE(size, (SELECT COALESCE(SUM(length(data)), 0) FROM blob_chunk "
            "WHERE blob_id = blob.id)) FROM blob WHERE id = ?",
            (blob_id,),
        ).fetchone()
        if row is None:
            raise BlobError("blob.stored_file_exist_vault")
        self.conn = conn
        self.blob_id = blob_id
        self.length = int(row[0])
        self._pos = 0
        self._chunk_offset = -1
        self._chunk = b""

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        if whence == io.SEEK_SET:
            pos = offset
        elif whence == io.SEEK_CUR:
            pos = self._pos + offset
        elif whence == io.SEEK_END:
            pos = self.length + offset
        else:
            raise ValueError("bad whence")
        if pos < 0:
            raise ValueError("negative seek position")
        self._pos = pos
        return pos

    def _load(self, pos: int) -> bool:
        if self._chunk_offset <= pos < self._chunk_offset + len(self._chunk):
            return True
        row = self.conn.execute(
            "SELECT offset, data FROM blob_chunk WHERE blob_id = ? AND offset <= ? "
            "ORDER BY offset DESC LIMIT 1",
            (self.blob_id, pos),
        ).fetchone()
        if row is None or pos >= row[0] + len(row[1]):
            return False
        self._chunk_offset, self._chunk = int(row[0]), bytes(row[1])
        return True

    def readinto(self, buffer: Any) -> int:
        """Fill ``buffer`` across chunk boundaries; short only at the end of the blob."""
        view = memoryview(buffer).cast("B")
        filled = 0
        while filled < len(view) and self._pos < self.length and self._load(self._pos):
            start = self._pos - self._chunk_offset
            n = min(len(view) - filled, len(self._chunk) - start)
            view[filled : filled + n] = self._chunk[start : start + n]
            self._pos += n
            filled += n
        return filled


def iter_chunks(conn: Connection, blob_id: str) -> Iterator[bytes]:
    """Yield a blob's chunks in order without holding more than one in memory."""
    last = -1
    while True:
        row = conn.execute(
            "SELECT seq, data FROM blob_chunk WHERE blob_id = ? AND seq > ? ORDER BY seq LIMIT 1",
            (blob_id, last),
        ).fetchone()
        if row is None:
            return
        last = int(row[0])
        yield bytes(row[1])


def chunk_seqs(conn: Connection, blob_id: str) -> list[int]:
    """The sequence numbers of a blob's chunks, in order (a few integers per megabyte): what a
    reader needs to fetch the chunks on several connections at once with ``read_chunk``."""
    return [int(r[0]) for r in conn.execute(
        "SELECT seq FROM blob_chunk WHERE blob_id = ? ORDER BY seq", (blob_id,))]


def read_chunk(conn: Connection, blob_id: str, seq: int) -> bytes | None:
    """One chunk of a blob, or None if the blob has no chunk ``seq`` (on this connection)."""
    row = conn.execute("SELECT data FROM blob_chunk WHERE blob_id = ? AND seq = ?",
                       (blob_id, seq)).fetchone()
    return None if row is None else bytes(row[0])


def copy_to(conn: Connection, blob_id: str, out: BinaryIO) -> tuple[int, str]:
    """Stream a blob into ``out``; return (size, sha256 hex)."""
    digest = hashlib.sha256()
    size = 0
    for chunk in iter_chunks(conn, blob_id):
        digest.update(chunk)
        out.write(chunk)
        size += len(chunk)
    return size, digest.hexdigest()


def delete(conn: Connection, blob_id: str) -> None:
    """Delete a blob (secure_delete overwrites its pages). Call inside a transaction."""
    conn.execute("DELETE FROM blob_chunk WHERE blob_id = ?", (blob_id,))
    conn.execute("DELETE FROM blob WHERE id = ?", (blob_id,))


def recover_interrupted(conn: Connection, lock_folder: Path) -> list[tuple[str, str]]:
    """Settle blobs left in ``writing`` by a dead writer. Returns [(blob_id, 'kept'|'discarded')]."""
    done: list[tuple[str, str]] = []
    rows = conn.execute("SELECT id, on_crash FROM blob WHERE state = 'writing'").fetchall()
    for blob_id, on_crash in rows:
        if _lock_is_held(lock_folder, blob_id):
            continue
        if on_crash == "discard":
            with transaction(conn):
                delete(conn, blob_id)
            done.append((blob_id, "discarded"))
        else:
            digest = hashlib.sha256()
            size = 0
            for chunk in iter_chunks(conn, blob_id):
                digest.update(chunk)
                size += len(chunk)
            with transaction(conn):
                conn.execute(
                    "UPDATE blob SET state = 'interrupted', size = ?, sha256 = ?, completed_at = ? "
                    "WHERE id = ?",
                    (size, digest.hexdigest(), _now(), blob_id),
                )
            done.append((blob_id, "kept"))
        (lock_folder / f"{blob_id}.lock").unlink(missing_ok=True)
    return done


class ChunkStore:
    """Where the bundle importer puts recordings in a vault: chunk rows, written inside the
    import's transaction (storage.backend.AudioStore; the archive uses object files)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self._blob: str | None = None
        self._buf = bytearray()
        self._seq = 0
        self._offset = 0

    def begin(self, blob_id: str, sha256: str) -> None:
        self._blob, self._seq, self._offset = blob_id, 0, 0
        self._buf.clear()

    def _flush(self) -> None:
        if self._blob is None or not self._buf:
            return
        self.conn.execute("INSERT INTO blob_chunk(blob_id, seq, offset, data) VALUES (?,?,?,?)",
                          (self._blob, self._seq, self._offset, bytes(self._buf)))
        self._seq += 1
        self._offset += len(self._buf)
        self._buf.clear()

    def write(self, chunk: bytes) -> None:
        self._buf += chunk
        if len(self._buf) >= CHUNK_SIZE:
            self._flush()

    def end(self) -> None:
        self._flush()
        self._blob = None

    def delete(self, blob_id: str) -> None:
        self.conn.execute("DELETE FROM blob_chunk WHERE blob_id = ?", (blob_id,))

    def abandon(self) -> None:
        """Nothing outside the database: the rolled-back transaction took the chunks."""
        self._buf.clear()
        self._blob = None
