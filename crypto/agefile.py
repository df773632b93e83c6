"""age encryption (X25519 recipients) through pyrage, streaming in both directions.

age gives confidentiality and integrity for a bundle (64 KiB STREAM chunks with a final-chunk
flag, so truncation is detected) but does not say who wrote it; bundles are signed inside.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import BinaryIO, Protocol

import pyrage
from pyrage import x25519

from crypto.errors import CryptoError

AGE_MAGIC = b"age-encryption.org/v1\n"
MAX_HEADER_BYTES = 16 * 1024
MAX_STANZAS = 32


class AgeError(CryptoError):
    """Not decryptable with this identity, or damaged/truncated: deliberately one opaque error."""


class Writable(Protocol):
    def write(self, data: bytes, /) -> int: ...


def new_identity() -> tuple[str, str]:
    """Return (``AGE-SECRET-KEY-1...``, ``age1...``) for a fresh X25519 identity."""
    ident = x25519.Identity.generate()
    return str(ident), str(ident.to_public())


def recipient_of(identity: str) -> str:
    """The ``age1...`` recipient string of an ``AGE-SECRET-KEY-1...`` identity."""
    try:
        return str(x25519.Identity.from_str(identity).to_public())
    except Exception as exc:  # noqa: BLE001 - pyrage raises several types
        raise AgeError("not a valid age identity") from exc


def check_recipient(recipient: str) -> str:
    """Return ``recipient`` if it parses as an age X25519 recipient, else raise AgeError."""
    try:
        x25519.Recipient.from_str(recipient)
    except Exception as exc:  # noqa: BLE001
        raise AgeError("not a valid age recipient") from exc
    return recipient


def derive_subkey(identity: str, label: bytes) -> bytes:
    """32 bytes derived from an identity for another purpose (e.g. a receipt signing seed)."""
    return hmac.new(identity.strip().encode("ascii"), b"testimony-vault " + label,
                    hashlib.sha256).digest()


def check_header(fh: BinaryIO) -> int:
    """Read and sanity-check the age header without trusting it; return its length in bytes.

    Caps the header size and stanza count before pyrage parses it. Leaves ``fh`` at offset 0.
    """
    start = fh.tell()
    head = fh.read(MAX_HEADER_BYTES)
    fh.seek(start)
    if not head.startswith(AGE_MAGIC):
        raise AgeError("not an age file")
    end = head.find(b"\n--- ")
    if end < 0:
        raise AgeError("the age header is missing or too large")
    if head[:end].count(b"\n-> ") > MAX_STANZAS:
        raise AgeError("the age header names too many recipients")
    newline = head.find(b"\n", end + 1)
    if newline < 0:
        raise AgeError("the age header is too large")
    return newline + 1


def encrypt_stream(source: BinaryIO, out: BinaryIO, recipients: list[str]) -> None:
    """Encrypt everything ``source.read`` yields to ``out`` for every recipient."""
    try:
        keys = [x25519.Recipient.from_str(r) for r in recipients]
    except Exception as exc:  # noqa: BLE001
        raise AgeError("a recipient key is not valid") from exc
    pyrage.encrypt_io(source, out, keys)


def decrypt_stream(source: BinaryIO, sink: Writable, identity: str) -> None:
    """Decrypt ``source`` into ``sink.write``. Exceptions raised by the sink propagate unchanged;
    any age failure (wrong key, tampering, truncation) is AgeError. Plaintext written before a
    failure must be treated as unauthenticated by the caller."""
    try:
        ident = x25519.Identity.from_str(identity.strip())
    except Exception as exc:  # noqa: BLE001
        raise AgeError("the identity key is not valid") from exc
    check_header(source)
    try:
        pyrage.decrypt_io(source, sink, [ident])
    except (pyrage.DecryptError, pyrage.IdentityError, OSError, ValueError) as exc:
        raise AgeError("the bundle cannot be decrypted with this key, or it was damaged") from exc
