"""Recordings in the archive: content-addressed, age-encrypted object files.

A recording is stored once, as ``<folder>/<first two hex digits>/<sha256>.age``: named by the
SHA-256 of its plaintext (the original's hash, as every bundle and vault records it), encrypted
with age to the archive's recipient, so the folder can sit on the organisation's file server or
object storage without its operators reading testimony. Importing needs only the public
recipient; playing or checking needs the archive's key file.

A file appears under its final name only after its content was hashed while streaming and
matched the expected SHA-256 (written to a temporary name, flushed, then renamed). Identical
audio is stored once. If the database transaction that recorded a new object fails, the
importer calls ``abandon`` and the files it created are removed; an object left behind by a
crash is harmless (encrypted, named by its content) and is reused by the next import of it.
"""

from __future__ import annotations

import hashlib
import os
import re
import uuid
from pathlib import Path
from typing import BinaryIO

from crypto.agefile import AgeError, Encryptor, Writable, decrypt_stream
from storage.errors import BlobError

_SHA = re.compile(r"[0-9a-f]{64}")
SUFFIX = ".age"


class ObjectStore:
    """The archive's object folder (``audio_store`` for the importer)."""

    def __init__(self, folder: Path, recipient: str) -> None:
        self.folder = Path(folder)
        self.recipient = recipient
        self.created: list[Path] = []
        self._tmp: Path | None = None
        self._fh: BinaryIO | None = None
        self._enc: Encryptor | None = None
        self._hash = hashlib.sha256()
        self._expected = ""

    def path_for(self, sha256: str) -> Path:
        if not _SHA.fullmatch(sha256):
            raise BlobError("archive.object_name_invalid", sha256=sha256)
        return self.folder / sha256[:2] / f"{sha256}{SUFFIX}"

    def has(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    # -- the importer's interface (storage.backend.AudioStore)
    def begin(self, blob_id: str, sha256: str) -> None:
        self._close_tmp()
        self._expected = sha256
        self._hash = hashlib.sha256()
        if self.has(sha256):
            return  # content-addressed: the same recording is already here
        final = self.path_for(sha256)
        final.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        self._tmp = final.parent / f".{sha256}.{uuid.uuid4().hex}.tmp"
        self._fh = open(self._tmp, "xb")  # noqa: SIM115 - closed in end() or abandon()
        self._enc = Encryptor(self._fh, [self.recipient])

    def write(self, chunk: bytes) -> None:
        if self._enc is None:
            return
        self._hash.update(chunk)
        self._enc.write(chunk)

    def end(self) -> None:
        if self._enc is None or self._fh is None or self._tmp is None:
            return
        self._enc.close()
        self._fh.flush()
        os.fsync(self._fh.fileno())
        self._fh.close()
        tmp, self._tmp, self._fh, self._enc = self._tmp, None, None, None
        if self._hash.hexdigest() != self._expected:
            tmp.unlink(missing_ok=True)
            raise BlobError("archive.object_hash_mismatch", sha256=self._expected)
        final = self.path_for(self._expected)
        os.replace(tmp, final)
        self.created.append(final)

    def delete(self, blob_id: str) -> None:
        """Objects are shared by content and never deleted by an import."""

    def abandon(self) -> None:
        self._close_tmp()
        for path in self.created:
            path.unlink(missing_ok=True)
        self.created.clear()

    def _close_tmp(self) -> None:
        if self._fh is not None:
            self._fh.close()
        if self._tmp is not None:
            self._tmp.unlink(missing_ok=True)
        self._tmp, self._fh, self._enc = None, None, None

    # -- reading
    def put_stream(self, source: BinaryIO, sha256: str) -> bool:
        """Store ``source`` (whose SHA-256 must be ``sha256``); False if it was already here."""
        if self.has(sha256):
            return False
        self.begin("", sha256)
        while block := source.read(1 << 20):
            self.write(block)
        self.end()
        return True

    def read_to(self, sha256: str, out: Writable, identity: str) -> int:
        """Decrypt object ``sha256`` into ``out`` and check its hash; returns the size."""
        path = self.path_for(sha256)
        if not path.is_file():
            raise BlobError("archive.object_missing", sha256=sha256)
        digest = hashlib.sha256()
        size = 0

        class _Sink:
            def write(self, data: bytes) -> int:
                nonlocal size
                digest.update(data)
                size += len(data)
                out.write(data)
                return len(data)

        try:
            with open(path, "rb") as fh:
                decrypt_stream(fh, _Sink(), identity)
        except AgeError:
            raise BlobError("archive.object_unreadable", sha256=sha256) from None
        if digest.hexdigest() != sha256:
            raise BlobError("archive.object_hash_mismatch", sha256=sha256)
        return size

    def verify(self, sha256: str, identity: str) -> None:
        """Decrypt object ``sha256`` and check its hash (raises BlobError)."""
        self.read_to(sha256, _Null(), identity)


class _Null:
    def write(self, data: bytes) -> int:
        return len(data)
