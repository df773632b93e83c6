"""Ed25519 device keys and human-comparable fingerprints."""

from __future__ import annotations

import base64
import hashlib

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

from crypto.errors import BadSignature

# A short word list would be nicer to read aloud; groups of base32 characters are unambiguous
# over a phone line when read with the NATO alphabet and need no extra data file.


def new_signing_key() -> tuple[bytes, bytes]:
    """Return (private_raw, public_raw) for a fresh Ed25519 key."""
    key = Ed25519PrivateKey.generate()
    return (
        key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption()),
        key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw),
    )


def sign(private_raw: bytes, message: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(private_raw).sign(message)


def verify(public_raw: bytes, signature: bytes, message: bytes) -> None:
    """Raise BadSignature unless ``signature`` is valid for ``message``."""
    try:
        Ed25519PublicKey.from_public_bytes(public_raw).verify(signature, message)
    except (InvalidSignature, ValueError) as exc:
        raise BadSignature("the signature does not match") from exc


def fingerprint(public_raw: bytes) -> str:
    """A fingerprint people can compare aloud: 8 groups of 4 base32 characters."""
    digest = hashlib.sha256(b"testimony-vault-fingerprint-v1" + public_raw).digest()[:20]
    text = base64.b32encode(digest).decode("ascii")
    return " ".join(text[i : i + 4] for i in range(0, 32, 4))
