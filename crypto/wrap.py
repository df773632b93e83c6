"""Key wrapping with an AEAD (AES-256-GCM-SIV is not in every backend; we use ChaCha20-Poly1305).

The associated data binds a wrap to the header it lives in, so an edited header fails to unwrap.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from crypto.errors import UnwrapError

NONCE_LEN = 12


@dataclass(frozen=True)
class WrappedKey:
    nonce: bytes
    ciphertext: bytes


def wrap_key(kek: bytes, key: bytes, associated_data: bytes) -> WrappedKey:
    """Encrypt ``key`` under ``kek`` with a fresh random nonce."""
    nonce = os.urandom(NONCE_LEN)
    return WrappedKey(nonce, ChaCha20Poly1305(kek).encrypt(nonce, key, associated_data))


def unwrap_key(kek: bytes, wrapped: WrappedKey, associated_data: bytes) -> bytes:
    """Decrypt a wrapped key; raise UnwrapError for a wrong key or any tampering."""
    try:
        return ChaCha20Poly1305(kek).decrypt(wrapped.nonce, wrapped.ciphertext, associated_data)
    except (InvalidTag, ValueError) as exc:
        raise UnwrapError("wrong key or tampered data") from exc


def hkdf(secret: bytes, info: bytes, length: int = 32, salt: bytes | None = None) -> bytes:
    """HKDF-SHA256, for deriving keys from high-entropy secrets (recovery codes)."""
    return HKDF(algorithm=hashes.SHA256(), length=length, salt=salt, info=info).derive(secret)
