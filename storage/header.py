"""The vault header: a small JSON file holding KDF parameters and the wrapped data key.

The header's fixed part (format, vault id, KDF parameters and salt) is the associated data of
the passphrase wrap, so editing any of it makes the unwrap fail. The recovery wrap is bound to
the format and vault id only, so that changing the passphrase does not invalidate it.
"""

from __future__ import annotations

import base64
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crypto.kdf import KdfParams
from crypto.wrap import WrappedKey
from storage.errors import VaultCorrupt
from storage.jsonutil import canonical_json

FORMAT = "testimony-vault/1"
HEADER_NAME = "vault.header"
MAX_HEADER_BYTES = 64 * 1024


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    if not isinstance(text, str):
        raise ValueError("expected base64 text")
    return base64.b64decode(text, validate=True)


@dataclass
class Header:
    vault_id: str
    created: str
    kdf: KdfParams
    passphrase_wrap: WrappedKey
    recovery_wrap: WrappedKey | None = None
    format: str = FORMAT
    extra: dict[str, Any] = field(default_factory=dict)

    def passphrase_aad(self) -> bytes:
        return canonical_json(
            {
                "format": self.format,
                "vault_id": self.vault_id,
                "wrap": "passphrase",
                "kdf": {
                    "alg": "argon2id",
                    "memory_kib": self.kdf.memory_kib,
                    "time_cost": self.kdf.time_cost,
                    "parallelism": self.kdf.parallelism,
                    "salt": _b64(self.kdf.salt),
                },
            }
        )

    def recovery_aad(self) -> bytes:
        return canonical_json({"format": self.format, "vault_id": self.vault_id, "wrap": "recovery"})

    def to_json(self) -> bytes:
        doc: dict[str, Any] = {
            "format": self.format,
            "vault_id": self.vault_id,
            "created": self.created,
            "kdf": {
                "alg": "argon2id",
                "memory_kib": self.kdf.memory_kib,
                "time_cost": self.kdf.time_cost,
                "parallelism": self.kdf.parallelism,
                "salt": _b64(self.kdf.salt),
            },
            "wraps": {
                "passphrase": {
                    "aead": "chacha20poly1305",
                    "nonce": _b64(self.passphrase_wrap.nonce),
                    "ciphertext": _b64(self.passphrase_wrap.ciphertext),
                }
            },
        }
        if self.recovery_wrap is not None:
            doc["wraps"]["recovery"] = {
                "aead": "chacha20poly1305",
                "kdf": "hkdf-sha256",
                "nonce": _b64(self.recovery_wrap.nonce),
                "ciphertext": _b64(self.recovery_wrap.ciphertext),
            }
        return json.dumps(doc, indent=2, sort_keys=True).encode("utf-8") + b"\n"

    @classmethod
    def from_json(cls, raw: bytes) -> Header:
        try:
            doc = json.loads(raw.decode("utf-8"))
            if not isinstance(doc, dict) or doc.get("format") != FORMAT:
                raise ValueError("unknown format")
            kdf = doc["kdf"]
            if kdf.get("alg") != "argon2id":
                raise ValueError("unknown kdf")
            params = KdfParams(
                memory_kib=_int(kdf["memory_kib"]),
                time_cost=_int(kdf["time_cost"]),
                parallelism=_int(kdf["parallelism"]),
                salt=_unb64(kdf["salt"]),
            )
            wraps = doc["wraps"]
            pw = wraps["passphrase"]
            rec = wraps.get("recovery")
            return cls(
                vault_id=str(doc["vault_id"]),
                created=str(doc["created"]),
                kdf=params,
                passphrase_wrap=WrappedKey(_unb64(pw["nonce"]), _unb64(pw["ciphertext"])),
                recovery_wrap=(
                    WrappedKey(_unb64(rec["nonce"]), _unb64(rec["ciphertext"])) if rec else None
                ),
            )
        except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
            raise VaultCorrupt(
                "header.vault_header_damaged_testimony"
            ) from exc


def _int(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0 or value > 2**32:
        raise ValueError("expected a positive integer")
    return value


def read_header(folder: Path, name: str = HEADER_NAME) -> Header:
    path = folder / name
    with open(path, "rb") as fh:
        raw = fh.read(MAX_HEADER_BYTES + 1)
    if len(raw) > MAX_HEADER_BYTES:
        raise VaultCorrupt("header.vault_header_far_too")
    return Header.from_json(raw)


def write_header_atomically(folder: Path, header: Header, name: str = HEADER_NAME) -> None:
    """Replace the header with write-to-temp, fsync, rename, fsync(dir): never half-written.

    ``name`` lets a rekey stage the next header beside the current one (storage/rekey.py)."""
    path = folder / name
    tmp = folder / (name + ".new")
    data = header.to_json()
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)
    dfd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(dfd)
    finally:
        os.close(dfd)
