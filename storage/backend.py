"""The storage interface the bundle importer (and the commands reading what it wrote) use.

Two implementations: ``storage.vault.Vault`` (a supervisor's SQLCipher vault) and
``storage.pg.archive.Archive`` (an organisation's PostgreSQL archive). The same verification and
import code writes to either:

* ``conn``: DB-API-like, SQLite-dialect SQL with ``?`` parameters (the archive translates);
  a refused write raises one of ``storage.db.INTEGRITY_ERRORS``;
* ``transaction()``: all or nothing; ``audit()`` appends to the hash-chained log inside it;
  deferred foreign keys are checked at COMMIT (``references_checked_at_commit``) or on
  ``PRAGMA foreign_key_check``;
* ``lock_chain(conn, keys)``: inside a transaction, wait until no other transaction holds any
  of ``keys`` (a device's bundle chain, an interview id); the vault's writers are already
  serialised, the archive takes PostgreSQL advisory locks;
* ``audio_store(conn)``: where imported recordings go (chunk rows in the vault; age-encrypted,
  content-addressed object files beside the archive).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol

from storage.db import Connection


class AudioStore(Protocol):
    def begin(self, blob_id: str, sha256: str) -> None:
        """Start storing recording ``blob_id`` whose content has SHA-256 ``sha256``."""

    def write(self, chunk: bytes) -> None: ...

    def end(self) -> None:
        """The recording is complete (the archive checks its hash here)."""

    def delete(self, blob_id: str) -> None:
        """Forget the stored content of ``blob_id`` (inside the transaction)."""

    def abandon(self) -> None:
        """The transaction failed: remove what this store created outside the database."""


class Store(Protocol):
    conn: Connection
    # True: a transaction leaving a reference dangling fails at COMMIT with one of
    # INTEGRITY_ERRORS (the vault); False: ask ``PRAGMA foreign_key_check`` before (the archive).
    references_checked_at_commit: bool

    def transaction(self) -> AbstractContextManager[Connection]: ...

    def audit(self, action: str, object_type: str, object_id: str | None = None, *,
              role: str = "system", details: dict[str, Any] | None = None,
              now: dt.datetime | None = None) -> Any: ...

    def lock_chain(self, conn: Connection, keys: Sequence[str]) -> None: ...

    def audio_store(self, conn: Connection) -> AudioStore: ...


def iter_keys(device_id: str, interview_ids: Sequence[str]) -> Iterator[str]:
    """The lock keys of one bundle import: its device's chain, then each interview, sorted
    (every importer takes them in the same order, so two never wait on each other)."""
    yield f"device:{device_id}"
    for iid in sorted(interview_ids):
        yield f"interview:{iid}"
