"""Creating a vault, for both front ends: the passphrase policy, then the vault and its device key.

``testimony init`` and the window's setup screen both call ``create_vault``, so a vault made
either way meets the same passphrase rule (``app.passphrase.check_new``) and returns the same
things to show once: the recovery code (if asked for) and the device fingerprint.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.passphrase import check_new
from crypto.kdf import KdfParams
from storage.vault import Vault


@dataclass
class NewVault:
    vault: Vault
    recovery_code: str | None
    fingerprint: str


def create_vault(path: Path, passphrase: bytes | bytearray, *, with_recovery: bool, role: str,
                 kdf: KdfParams | None = None, allow_weak_kdf: bool = False,
                 calibration_progress: Callable[[str], None] | None = None) -> NewVault:
    """A new, unlocked vault at ``path``; ``kdf`` None calibrates Argon2id on this machine."""
    check_new(passphrase)
    vault, code = Vault.create(path, passphrase, kdf=kdf, allow_weak_kdf=allow_weak_kdf,
                               with_recovery=with_recovery, progress=calibration_progress,
                               role=role)
    return NewVault(vault, code, vault.device().fingerprint)


def change_passphrase(vault: Vault, new: bytes | bytearray, *, role: str, rekey: bool = False,
                      progress: Callable[[float, str], None] | None = None) -> str | None:
    """Set a new passphrase (policy checked first); with ``rekey`` also re-encrypt the database
    under a new data key, returning the new recovery code if the vault has one."""
    check_new(new)
    if rekey:
        return vault.rekey(new, passphrase_changed=True, role=role, progress=progress)
    vault.change_passphrase(new, role=role)
    return None
