"""Unlocking through the app: failed-attempt counting, growing delay, and reporting.

Failed attempts are counted in a small file in the app's state folder, outside the vault, so a
wrong passphrase changes nothing inside the vault. At the next successful unlock they are
written to the vault's audit log and reported to the user: someone may have tried the laptop
while it was out of sight.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app import model_store
from app.audio.assets import settle_interrupted
from errors import Message
from storage.errors import WrongPassphrase
from storage.header import read_header
from storage.vault import Vault, is_vault


@dataclass(frozen=True)
class FailedAttempts:
    count: int
    since: str | None
    last: str | None

    def notice(self) -> Message | None:
        """The warning for the user (the window translates it), or None without attempts."""
        if self.count == 0:
            return None
        if self.count == 1:
            return Message("unlock_warning.failed_attempt", {"since": self.since})
        return Message("unlock_warning.failed_attempts", {"count": self.count,
                                                          "since": self.since})

    def message(self) -> str:
        """The warning in English (the command line's), or "" without attempts."""
        notice = self.notice()
        return "" if notice is None else str(notice)


def _attempts_file(state_dir: Path, vault_id: str) -> Path:
    folder = state_dir / "unlock-attempts"
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder / f"{vault_id}.json"


def read_attempts(state_dir: Path, vault_id: str) -> FailedAttempts:
    path = _attempts_file(state_dir, vault_id)
    try:
        doc = json.loads(path.read_text("utf-8"))
        return FailedAttempts(int(doc["count"]), doc.get("since"), doc.get("last"))
    except (FileNotFoundError, ValueError, KeyError, TypeError):
        return FailedAttempts(0, None, None)


def _write_attempts(state_dir: Path, vault_id: str, attempts: FailedAttempts) -> None:
    path = _attempts_file(state_dir, vault_id)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"count": attempts.count, "since": attempts.since,
                               "last": attempts.last}), "utf-8")
    os.replace(tmp, path)


def delay_for(count: int) -> float:
    """Seconds to wait before the next guess after ``count`` failures: 0, 0, 1, 2, 4 ... 60."""
    if count < 2:
        return 0.0
    return float(min(2 ** (count - 2), 60))


@dataclass
class UnlockResult:
    vault: Vault
    failed_attempts: FailedAttempts


def unlock(
    path: Path,
    passphrase: bytes | bytearray,
    *,
    state_dir: Path,
    sleep: Callable[[float], None] = time.sleep,
    role: str = "system",
    allow_weak_kdf: bool = False,
    readonly: bool = False,
    kdf_threads: int | None = None,
    now: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
) -> UnlockResult:
    """Open a vault with its passphrase, applying the failed-attempt delay and recording failures.

    With ``readonly`` (see Vault.open) the vault is not written: interrupted recordings are not
    settled and earlier failed attempts stay counted, to be audited at the next normal unlock.
    A wrong passphrase is still counted (in the state folder, outside the vault).
    ``kdf_threads`` caps the key derivation's threads (see Vault.open)."""
    return _unlock(path, lambda: Vault.open(path, passphrase, allow_weak_kdf=allow_weak_kdf,
                                            readonly=readonly, kdf_threads=kdf_threads),
                   state_dir=state_dir, sleep=sleep, readonly=readonly, now=now)


def unlock_with_recovery(
    path: Path,
    code: str,
    *,
    state_dir: Path,
    sleep: Callable[[float], None] = time.sleep,
    now: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
) -> UnlockResult:
    """Open a vault with its recovery code, on the same path as ``unlock``: the same delay, a
    wrong code counted as a failed attempt, interrupted recordings settled and earlier failed
    attempts written to the audit log."""
    return _unlock(path, lambda: Vault.open_with_recovery(path, code), state_dir=state_dir,
                   sleep=sleep, readonly=False, now=now)


def _unlock(path: Path, open_vault: Callable[[], Vault], *, state_dir: Path,
            sleep: Callable[[float], None], readonly: bool,
            now: Callable[[], dt.datetime]) -> UnlockResult:
    vault_id = read_header(path).vault_id if is_vault(path) else None
    attempts = read_attempts(state_dir, vault_id) if vault_id else FailedAttempts(0, None, None)
    wait = delay_for(attempts.count)
    if wait:
        sleep(wait)
    try:
        vault = open_vault()
    except WrongPassphrase:
        if vault_id:
            stamp = now().isoformat(timespec="seconds")
            _write_attempts(state_dir, vault_id, FailedAttempts(
                attempts.count + 1, attempts.since or stamp, stamp))
        raise
    if readonly:
        return UnlockResult(vault, attempts)
    # Recordings cut off by a crash become playable assets marked 'interrupted'.
    settle_interrupted(vault.conn)
    # Imported models' hashes from the old registry.json move into the vault, where they cannot be swapped with the files.
    model_store.adopt_legacy_registry(vault, state_dir / "models")
    if attempts.count:
        with vault.transaction():
            vault.audit("failed-unlock-attempts", "vault", vault.vault_id, role="system",
                        details={"count": attempts.count, "since": attempts.since,
                                 "last": attempts.last})
        _attempts_file(state_dir, vault.vault_id).unlink(missing_ok=True)
    return UnlockResult(vault, attempts)
