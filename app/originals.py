"""Removing an imported file's original after its bytes are safely in the vault.

A phone recording copied to the laptop stays there in plaintext after it is imported. The client
offers to delete it; this module does the deletion, and only of exactly the bytes that were
stored (the file's SHA-256 must still equal the stored copy's), so a file replaced or changed
since the import is never removed by mistake.

Deleting is best effort against forensic recovery, and the user is told so: the file is
overwritten once with zeros and flushed before it is unlinked, but on SSDs, flash cards and
copy-on-write or journaling file systems the old blocks may survive the overwrite. Only full-disk
encryption (or never copying the file in plaintext) protects against that.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from app.errors import UsageError

_CHUNK = 1024 * 1024


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def delete_original(path: Path, expected_sha256: str) -> None:
    """Overwrite ``path`` with zeros, flush it, and delete it; only if it still holds exactly the
    bytes with ``expected_sha256`` (the imported copy). One sentence on any problem, and then the
    file is left as it was."""
    path = Path(path)
    if path.is_symlink() or not path.is_file():
        raise UsageError("originals.not_a_plain_file", name=path.name)
    try:
        actual = file_sha256(path)
    except OSError as exc:
        raise UsageError("originals.unreadable", name=path.name, strerror=exc.strerror) from exc
    if actual != expected_sha256:
        raise UsageError("originals.changed_since_import", name=path.name)
    try:
        size = path.stat().st_size
        with open(path, "r+b", buffering=0) as fh:
            zeros = bytes(min(_CHUNK, size))
            left = size
            while left > 0:
                left -= fh.write(zeros[:min(left, len(zeros))])
            os.fsync(fh.fileno())
        path.unlink()
    except OSError as exc:
        raise UsageError("originals.delete_failed", name=path.name, strerror=exc.strerror) from exc
