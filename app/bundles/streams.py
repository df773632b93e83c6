"""Streaming plumbing for bundles: helper threads that overlap SQLCipher reads and parsing with
age, progress/cancel on file reads, atomic output files.

Every helper keeps memory bounded (a few chunks in flight) and hands exceptions back to the
calling thread unchanged.
"""

from __future__ import annotations

import io
import os
import queue
import threading
import uuid
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from app.tasks import CancelToken
from crypto.agefile import Encryptor


class Writable(Protocol):
    def write(self, data: bytes, /) -> int: ...


class _Failed:
    def __init__(self, exc: BaseException) -> None:
        self.exc = exc


_DONE = object()


def prefetched(source: Iterator[bytes], depth: int = 8) -> Iterator[bytes]:
    """Run ``source`` in a helper thread, a few items ahead.

    SQLCipher decrypts pages with the GIL released, so reading the next audio chunks overlaps
    with age encrypting the previous ones (2 cores: roughly doubles export throughput)."""
    return interleaved([source], depth)


def interleaved(sources: Sequence[Iterator[bytes]], depth: int = 4) -> Iterator[bytes]:
    """Run each of ``sources`` in its own helper thread and yield their items in turn: the first
    item of source 0, the first of source 1, ..., then the second of source 0, and so on, until
    the source whose turn it is has ended (so source k should hold items k, k+n, k+2n, ...).

    Each thread runs at most ``depth`` items ahead, so memory stays bounded. An exception in a
    source is raised here unchanged, in its turn. Closing the generator early stops every thread
    before it returns. Export reads audio this way on one SQLCipher connection per source: the
    decryption and HMAC checks of the pages then run on every core at once."""
    if not sources:
        return
    stop = threading.Event()
    queues: list[queue.Queue[object]] = [queue.Queue(depth) for _ in sources]

    def put(items: queue.Queue[object], item: object) -> bool:
        while not stop.is_set():
            try:
                items.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def run(source: Iterator[bytes], items: queue.Queue[object]) -> None:
        try:
            for item in source:
                if not put(items, item):
                    return
            put(items, _DONE)
        except BaseException as exc:  # noqa: BLE001 - handed to the consuming thread
            put(items, _Failed(exc))

    workers = [threading.Thread(target=run, args=(source, items), name="bundle-audio-reader",
                                daemon=True) for source, items in zip(sources, queues, strict=True)]
    for worker in workers:
        worker.start()
    try:
        turn = 0
        while True:
            item = queues[turn].get()
            if item is _DONE:
                return
            if isinstance(item, _Failed):
                raise item.exc
            assert isinstance(item, bytes)
            yield item
            turn = (turn + 1) % len(queues)
    finally:
        stop.set()
        for worker in workers:
            worker.join()


class Pipeline:
    """Hands decrypted plaintext to the parser in pieces of at least 1 MiB on a second thread.

    Parsing (mostly SHA-256, which releases the GIL) then overlaps with decryption (whose
    ChaCha20-Poly1305 also releases it) on the other core. The queue
    is bounded, so memory stays flat. An exception in the parser stops decryption at the next
    write and is re-raised unchanged by ``close``."""

    def __init__(self, target: Writable, size: int = 1 << 20,
                 depth: int = 4) -> None:
        self.target = target
        self.size = size
        self.buffer = bytearray()
        self.items: queue.Queue[bytes | None] = queue.Queue(depth)
        self.error: BaseException | None = None
        self.worker = threading.Thread(target=self._run, name="bundle-parser", daemon=True)
        self.worker.start()

    def _run(self) -> None:
        while True:
            item = self.items.get()
            if item is None:
                return
            if self.error is None:
                try:
                    self.target.write(item)
                except BaseException as exc:  # noqa: BLE001 - re-raised in the caller's thread
                    self.error = exc

    def write(self, data: bytes) -> int:
        if self.error is not None:
            raise self.error
        if not self.buffer and len(data) >= self.size:
            self.items.put(bytes(data))  # already big enough: no copy into the buffer
            return len(data)
        self.buffer += data
        if len(self.buffer) >= self.size:
            self._put()
        return len(data)

    def _put(self) -> None:
        chunk = bytes(self.buffer)
        self.buffer.clear()
        self.items.put(chunk)

    def close(self) -> None:
        """Flush, wait for the parser, and re-raise its exception if it had one."""
        if self.buffer and self.error is None:
            self._put()
        self.items.put(None)
        self.worker.join()
        if self.error is not None:
            raise self.error

    def abort(self) -> None:
        self.buffer.clear()
        self.error = self.error or RuntimeError("aborted")
        self.items.put(None)
        self.worker.join()


class Progressing(io.RawIOBase):
    """The bundle file as the age decryptor reads it: reports progress and honours cancel per read."""

    def __init__(self, fh: BinaryIO, total: int, progress: Callable[[float], None],
                 cancel: CancelToken | None) -> None:
        super().__init__()
        self.fh = fh
        self.total = max(total, 1)
        self.progress = progress
        self.cancel = cancel
        self.reported = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        return self.fh.seek(offset, whence)

    def tell(self) -> int:
        return self.fh.tell()

    def read(self, size: int = -1, /) -> bytes:
        """The file's bytes as read, without RawIOBase's two extra copies (a bytearray filled
        by readinto, then copied to bytes): verify reads every byte of the bundle this way."""
        if self.cancel is not None:
            self.cancel.raise_if_cancelled("bundle.cancelled_nothing_changed")
        data = self.fh.read(size)
        position = self.fh.tell()
        if position > self.reported:  # the header check reads ahead, then seeks back
            self.reported = position
            self.progress(min(position / self.total, 1.0))
        return data

    def readinto(self, buffer: Any) -> int:
        data = self.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)


WRITEBACK_WINDOW = 8 * 1024 * 1024


class EarlyWriteback:
    """The bundle file as export writes it: every 8 MiB, asks the kernel to start writing the
    last window to disk (``posix_fadvise(DONTNEED)`` starts asynchronous write-back on Linux and
    drops pages already on disk). The final fsync then waits for a short tail instead of the
    whole bundle, and a large export does not fill the page cache. Ciphertext only."""

    def __init__(self, fh: BinaryIO) -> None:
        self.fh = fh
        self.written = 0
        self.started = 0

    def write(self, data: bytes) -> int:
        n = self.fh.write(data)
        self.written += len(data)
        if self.written - self.started >= WRITEBACK_WINDOW and hasattr(os, "posix_fadvise"):
            self.fh.flush()
            os.posix_fadvise(self.fh.fileno(), self.started, self.written - self.started,
                             os.POSIX_FADV_DONTNEED)
            self.started = self.written
        return n


def write_atomically(out: Path, chunks: Iterator[bytes], recipients: list[str] | None, *,
                     mode: int = 0o600) -> None:
    """Write ``chunks`` (age-encrypted to ``recipients`` unless None) to ``out`` through a
    hidden temporary file in the same folder (created with ``mode``, owner-only unless asked),
    fsynced, then renamed: a cancelled or failed export leaves nothing behind, and a finished
    one is never half-written."""
    tmp = out.parent / f".{out.name}.{uuid.uuid4().hex}.partial"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        with os.fdopen(fd, "wb") as fh:
            target = EarlyWriteback(fh)
            enc = Encryptor(target, recipients) if recipients is not None else None
            sink: Writable = enc if enc is not None else target
            for chunk in chunks:
                sink.write(chunk)
            if enc is not None:
                enc.close()
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
