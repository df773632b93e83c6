"""minisign-compatible Ed25519 signatures, made with ``cryptography``.

Why minisign: a person holding only the Debian ``minisign`` package can check a bundle's manifest
twenty years from now. We write the current default "ED" variant: the Ed25519 signature covers the
BLAKE2b-512 hash of the file, and a second "global" signature covers that signature followed by
the trusted comment, so the comment (bundle id, sequence, time) cannot be swapped.

Formats (https://jedisct1.github.io/minisign/):
  public key:  base64("Ed" || key_id[8] || public_key[32])
  signature:   base64("ED" || key_id[8] || sig[64]), then ``trusted comment: ...`` and
               base64(global_sig[64]) where global_sig = Ed25519(sig || comment_bytes).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass

from crypto.errors import BadSignature
from crypto.signing import sign, verify

_PK_ALG = b"Ed"
_SIG_ALG = b"ED"  # prehashed with BLAKE2b-512
MAX_SIGNATURE_FILE = 2048


def key_id(public_raw: bytes) -> bytes:
    """A stable 8-byte minisign key id derived from the public key (minisign picks it at random;
    deriving it lets the id be recomputed from the key alone)."""
    return hashlib.sha256(b"testimony-minisign-keyid" + public_raw).digest()[:8]


def key_id_hex(public_raw: bytes) -> str:
    """The key id as minisign prints it (upper-case hex of the little-endian 64-bit number)."""
    return key_id(public_raw)[::-1].hex().upper()


def public_key_line(public_raw: bytes) -> str:
    """The base64 line of a minisign public key (what ``minisign -P`` accepts)."""
    return base64.b64encode(_PK_ALG + key_id(public_raw) + public_raw).decode("ascii")


def public_key_file(public_raw: bytes, comment: str | None = None) -> str:
    """A complete minisign public key file (``minisign -p FILE``)."""
    comment = comment or f"minisign public key {key_id_hex(public_raw)}"
    if "\n" in comment or "\r" in comment:
        raise ValueError("the comment must be one line")
    return f"untrusted comment: {comment}\n{public_key_line(public_raw)}\n"


def parse_public_key_file(data: bytes) -> bytes:
    """Strictly parse a two-line minisign public key file; ValueError if it is anything else."""
    lines = data.split(b"\n")
    if len(lines) != 3 or lines[2] != b"" or not lines[0].startswith(b"untrusted comment: "):
        raise ValueError("not a minisign public key file")
    return parse_public_key_line(lines[1].decode("ascii"))


def parse_public_key_line(line: str) -> bytes:
    """Return the raw Ed25519 public key from a minisign public key line; ValueError if bad."""
    try:
        raw = b64decode_canonical(line.strip())
    except (binascii.Error, UnicodeEncodeError) as exc:
        raise ValueError("not base64") from exc
    if len(raw) != 42 or raw[:2] != _PK_ALG:
        raise ValueError("not a minisign Ed25519 public key")
    public = raw[10:]
    if raw[2:10] != key_id(public):
        raise ValueError("the key id does not belong to this key")
    return public


def b64decode_canonical(text: bytes | str) -> bytes:
    """Decode base64 and insist it is the one canonical encoding of its bytes (unused bits zero,
    correct padding), so a signature or key has exactly one accepted spelling."""
    raw = base64.b64decode(text, validate=True)
    expected = base64.b64encode(raw)
    if expected != (text.encode("ascii") if isinstance(text, str) else text):
        raise binascii.Error("non-canonical base64")
    return raw


def _prehash(message: bytes) -> bytes:
    return hashlib.blake2b(message, digest_size=64).digest()


def sign_file(private_raw: bytes, public_raw: bytes, message: bytes, trusted_comment: str,
              untrusted_comment: str = "signature from testimony vault device key") -> bytes:
    """Return the bytes of a ``.minisig`` file for ``message``."""
    if "\n" in trusted_comment or "\r" in trusted_comment:
        raise ValueError("the trusted comment must be one line")
    sig = sign(private_raw, _prehash(message))
    comment = trusted_comment.encode("utf-8")
    global_sig = sign(private_raw, sig + comment)
    return (
        f"untrusted comment: {untrusted_comment}\n".encode()
        + base64.b64encode(_SIG_ALG + key_id(public_raw) + sig) + b"\n"
        + b"trusted comment: " + comment + b"\n"
        + base64.b64encode(global_sig) + b"\n"
    )


@dataclass(frozen=True)
class VerifiedSignature:
    trusted_comment: str


def verify_file(public_raw: bytes, message: bytes, signature_file: bytes) -> VerifiedSignature:
    """Check a ``.minisig`` file against ``message``; raise BadSignature if anything is off.

    Strict: exactly the four lines we write, the prehashed algorithm only, the key id must match.
    """
    if len(signature_file) > MAX_SIGNATURE_FILE:
        raise BadSignature("the signature file is too large")
    lines = signature_file.split(b"\n")
    if len(lines) != 5 or lines[4] != b"":
        raise BadSignature("the signature file is malformed")
    if not lines[0].startswith(b"untrusted comment: ") or not lines[2].startswith(
            b"trusted comment: "):
        raise BadSignature("the signature file is malformed")
    try:
        sig_blob = b64decode_canonical(lines[1])
        global_sig = b64decode_canonical(lines[3])
    except binascii.Error as exc:
        raise BadSignature("the signature file is malformed") from exc
    if len(sig_blob) != 74 or sig_blob[:2] != _SIG_ALG or len(global_sig) != 64:
        raise BadSignature("the signature has an unsupported form")
    if sig_blob[2:10] != key_id(public_raw):
        raise BadSignature("the signature was made by a different key")
    sig = sig_blob[10:]
    comment = lines[2][len(b"trusted comment: "):]
    verify(public_raw, sig, _prehash(message))
    verify(public_raw, global_sig, sig + comment)
    try:
        text = comment.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadSignature("the trusted comment is not text") from exc
    return VerifiedSignature(text)
