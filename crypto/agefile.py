"""The age v1 file format (c2sp.org/age), X25519 recipients, on pyca/cryptography primitives.

Why our own code rather than pyrage: bundle throughput. pyrage's streaming decryptor reaches
about 0.45x of stock ``age -d`` and holds Python's GIL while it works, which also stalls the GUI
thread during an export. cryptography's ChaCha20-Poly1305 runs at several GB/s per core and
releases the GIL, so decryption, SHA-256 and SQLCipher reads overlap on two cores. The format is
small and fully specified; the tests check it both ways against stock ``age`` and against pyrage
(the Rust ``age`` crate), at chunk boundaries and under tampering.

Only the X25519 recipient type is produced or accepted. Other stanza types in a header are
skipped, as the specification requires, except that a header mixing an ``scrypt`` (passphrase)
stanza with any other is refused: the specification requires scrypt stanzas to stand alone. Every failure while decrypting (wrong key, damaged or
truncated file) is the same opaque AgeError.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
from collections.abc import Iterable
from dataclasses import dataclass
from typing import BinaryIO, Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from crypto.errors import CryptoError

AGE_MAGIC = b"age-encryption.org/v1\n"
MAX_HEADER_BYTES = 16 * 1024
MAX_STANZAS = 32
CHUNK = 64 * 1024          # plaintext bytes per STREAM chunk
TAG = 16                   # Poly1305 tag
SEALED = CHUNK + TAG       # ciphertext bytes per full chunk
BATCH = 16                 # chunks handed to the sink at once (1 MiB)
_X25519_INFO = b"age-encryption.org/v1/X25519"
_ZERO_NONCE = bytes(12)
_SECRET_HRP = "age-secret-key-"  # noqa: S105 - the Bech32 prefix, not a secret
_PUBLIC_HRP = "age"


class AgeError(CryptoError):
    """Not decryptable with this identity, or damaged/truncated: deliberately one opaque error."""


class Writable(Protocol):
    def write(self, data: bytes, /) -> object: ...


# --- Bech32 (BIP 173), as age uses it for keys (no 90-character limit) ---------------------

_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_GEN = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)


def _polymod(values: Iterable[int]) -> int:
    chk = 1
    for v in values:
        top = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ v
        for i in range(5):
            chk ^= _GEN[i] if (top >> i) & 1 else 0
    return chk


def _hrp_expand(hrp: str) -> list[int]:
    return [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]


def _convert(data: Iterable[int], frombits: int, tobits: int, pad: bool) -> bytes:
    acc = bits = 0
    out = bytearray()
    maxv = (1 << tobits) - 1
    for value in data:
        acc = (acc << frombits) | value
        bits += frombits
        while bits >= tobits:
            bits -= tobits
            out.append((acc >> bits) & maxv)
    if pad:
        if bits:
            out.append((acc << (tobits - bits)) & maxv)
    elif bits >= frombits or (acc << (tobits - bits)) & maxv:
        raise ValueError("invalid padding")
    return bytes(out)


def bech32_encode(hrp: str, data: bytes) -> str:
    words = list(_convert(data, 8, 5, True))
    check = _polymod(_hrp_expand(hrp) + words + [0] * 6) ^ 1
    words += [(check >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(_CHARSET[w] for w in words)


def bech32_decode(text: str, hrp: str) -> bytes:
    """The data of a Bech32 string with this (lower-case) HRP; ValueError otherwise."""
    if text.lower() != text and text.upper() != text:
        raise ValueError("mixed case")
    text = text.lower()
    pos = text.rfind("1")
    if pos < 1 or text[:pos] != hrp or len(text) - pos < 7:
        raise ValueError("wrong prefix")
    try:
        words = [_CHARSET.index(c) for c in text[pos + 1:]]
    except ValueError:
        raise ValueError("invalid character") from None
    if _polymod(_hrp_expand(hrp) + words) != 1:
        raise ValueError("bad checksum")
    return _convert(words[:-6], 5, 8, False)


# --- Keys ---------------------------------------------------------------------------------

def _private_key(identity: str) -> X25519PrivateKey:
    try:
        raw = bech32_decode(identity.strip(), _SECRET_HRP)
        if len(raw) != 32:
            raise ValueError("wrong length")
        return X25519PrivateKey.from_private_bytes(raw)
    except ValueError as exc:
        raise AgeError("not a valid age identity") from exc


def _public_key(recipient: str) -> bytes:
    try:
        raw = bech32_decode(recipient.strip(), _PUBLIC_HRP)
        if len(raw) != 32:
            raise ValueError("wrong length")
        X25519PublicKey.from_public_bytes(raw)
    except ValueError as exc:
        raise AgeError("not a valid age recipient") from exc
    return raw


def _encode_public(key: X25519PublicKey) -> str:
    return bech32_encode(_PUBLIC_HRP, key.public_bytes_raw())


def new_identity() -> tuple[str, str]:
    """Return (``AGE-SECRET-KEY-1...``, ``age1...``) for a fresh X25519 identity."""
    key = X25519PrivateKey.generate()
    return (bech32_encode(_SECRET_HRP, key.private_bytes_raw()).upper(),
            _encode_public(key.public_key()))


def recipient_of(identity: str) -> str:
    """The ``age1...`` recipient string of an ``AGE-SECRET-KEY-1...`` identity."""
    return _encode_public(_private_key(identity).public_key())


def check_recipient(recipient: str) -> str:
    """Return ``recipient`` if it parses as an age X25519 recipient, else raise AgeError."""
    _public_key(recipient)
    return recipient


def derive_subkey(identity: str, label: bytes) -> bytes:
    """32 bytes derived from an identity for another purpose (e.g. a receipt signing seed)."""
    return hmac.new(identity.strip().encode("ascii"), b"testimony-vault " + label,
                    hashlib.sha256).digest()


# --- Primitives -------------------------------------------------------------------------------

def _hkdf(ikm: bytes, salt: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(ikm)


def _b64(data: bytes) -> bytes:
    return base64.b64encode(data).rstrip(b"=")


def _unb64(text: bytes) -> bytes:
    """Strict, canonical, unpadded base64 (as the specification requires of decoders)."""
    if b"=" in text or b"\n" in text or b"\r" in text:
        raise ValueError("padding")
    try:
        data = base64.b64decode(text + b"=" * (-len(text) % 4), validate=True)
    except binascii.Error as exc:
        raise ValueError("not base64") from exc
    if _b64(data) != text:
        raise ValueError("not canonical")
    return data


def _stream_nonce(counter: int, last: bool) -> bytes:
    return counter.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


# --- Header ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Stanza:
    """One recipient stanza: its arguments (the type first, e.g. ``X25519``) and its body."""

    args: tuple[bytes, ...]
    body: bytes

    def encode(self) -> bytes:
        """The stanza's lines as the specification writes them: ``-> ARGS``, then the body in
        unpadded base64, 64 columns a line, the last line shorter than 64 (maybe empty)."""
        text = _b64(self.body)
        lines = b"-> " + b" ".join(self.args) + b"\n"
        for i in range(0, len(text) + 1, 64):
            lines += text[i:i + 64] + b"\n"
        return lines


@dataclass(frozen=True)
class Header:
    """A parsed header: stanzas, MAC and its length in the file (the payload nonce follows)."""

    stanzas: tuple[Stanza, ...]
    mac: bytes
    length: int

    def encode(self) -> bytes:
        """The header's bytes again: a header that parsed encodes to exactly what was read
        (the specification admits one encoding of each header)."""
        return (AGE_MAGIC + b"".join(s.encode() for s in self.stanzas) + b"--- "
                + _b64(self.mac) + b"\n")


def parse_header(head: bytes) -> Header:
    """Parse the header at the start of ``head`` without trusting it (no MAC check: that needs
    the file key). Raises AgeError for anything the specification does not allow."""
    stanzas, _, mac, length = _parse_header(head)
    return Header(tuple(stanzas), mac, length)


def _parse_header(head: bytes) -> tuple[list[Stanza], bytes, bytes, int]:
    """(stanzas, bytes covered by the MAC, MAC, header length) from the start of a file."""
    if not head.startswith(AGE_MAGIC):
        raise AgeError("not an age file")
    pos = len(AGE_MAGIC)
    stanzas: list[Stanza] = []

    def line() -> bytes:
        nonlocal pos
        end = head.find(b"\n", pos)
        if end < 0:
            raise AgeError("the age header is missing or too large")
        text, pos = head[pos:end], end + 1
        return text

    while True:
        start = pos
        text = line()
        if text.startswith(b"--- "):
            if not stanzas:
                raise AgeError("the age header has no recipients")
            try:
                mac = _unb64(text[4:])
            except ValueError as exc:
                raise AgeError("the age header is damaged") from exc
            if len(mac) != 32:
                raise AgeError("the age header is damaged")
            if len(stanzas) > 1 and any(st.args[0] == b"scrypt" for st in stanzas):
                # The specification: an scrypt stanza must be the only one. A passphrase file
                # that also opens with a key would let one weak secret stand for the other.
                raise AgeError("the age header mixes a passphrase stanza with others")
            return stanzas, head[:start + 3], mac, pos
        if not text.startswith(b"-> "):
            raise AgeError("the age header is damaged")
        args = text[3:].split(b" ")
        if not all(a and all(0x21 <= c <= 0x7E for c in a) for a in args):
            raise AgeError("the age header is damaged")
        body = b""
        while True:
            part = line()
            if len(part) > 64:
                raise AgeError("the age header is damaged")
            body += part
            if len(part) < 64:
                break
        try:
            stanzas.append(Stanza(tuple(args), _unb64(body)))
        except ValueError as exc:
            raise AgeError("the age header is damaged") from exc
        if len(stanzas) > MAX_STANZAS:
            raise AgeError("the age header names too many recipients")


def check_header(fh: BinaryIO) -> int:
    """Read and check the age header's structure without trusting it; return its length.

    Caps the header size and stanza count. Leaves ``fh`` where it was."""
    start = fh.tell()
    head = fh.read(MAX_HEADER_BYTES)
    fh.seek(start)
    return _parse_header(head)[3]


def _unwrap(stanzas: list[Stanza], key: X25519PrivateKey) -> bytes | None:
    """The file key, if one of the X25519 stanzas is addressed to ``key``."""
    ours = key.public_key().public_bytes_raw()
    for stanza in stanzas:
        if stanza.args[0] != b"X25519":
            continue  # other recipient types are ignored, as the specification says
        try:
            if len(stanza.args) != 2:
                raise ValueError("arguments")
            share = _unb64(stanza.args[1])
        except ValueError as exc:
            raise AgeError("the age header is damaged") from exc
        if len(share) != 32 or len(stanza.body) != 32:
            raise AgeError("the age header is damaged")
        try:
            secret = key.exchange(X25519PublicKey.from_public_bytes(share))
        except ValueError:
            raise AgeError("the age header is damaged") from None
        if secret == bytes(32):
            raise AgeError("the age header is damaged")
        wrap = _hkdf(secret, share + ours, _X25519_INFO)
        try:
            return ChaCha20Poly1305(wrap).decrypt(_ZERO_NONCE, stanza.body, None)
        except InvalidTag:
            continue  # addressed to someone else
    return None


# --- Encryption -----------------------------------------------------------------------------

def x25519_stanza(file_key: bytes, recipient_key: bytes) -> bytes:
    """One ``-> X25519`` stanza (its lines, newline-terminated) wrapping ``file_key``."""
    eph = X25519PrivateKey.generate()
    share = eph.public_key().public_bytes_raw()
    secret = eph.exchange(X25519PublicKey.from_public_bytes(recipient_key))
    wrap = _hkdf(secret, share + recipient_key, _X25519_INFO)
    body = ChaCha20Poly1305(wrap).encrypt(_ZERO_NONCE, file_key, None)
    return Stanza((b"X25519", _b64(share)), body).encode()


def build_header(file_key: bytes, stanzas: list[bytes]) -> bytes:
    """The complete header: magic, the stanzas as given, and the MAC under ``file_key``."""
    header = AGE_MAGIC + b"".join(stanzas) + b"---"
    mac = hmac.new(_hkdf(file_key, b"", b"header"), header, hashlib.sha256).digest()
    return header + b" " + _b64(mac) + b"\n"


class Encryptor:
    """A write-only file object: what is written to it goes to ``out`` as an age file.

    Holds at most one chunk plus the caller's last write; ``close`` writes the final chunk (and
    must be called: without it the file is truncated, which decryption detects)."""

    def __init__(self, out: Writable, recipients: Iterable[str]) -> None:
        keys = [_public_key(r) for r in recipients]
        if not keys:
            raise AgeError("no recipients")
        file_key = os.urandom(16)
        header = build_header(file_key, [x25519_stanza(file_key, pub) for pub in keys])
        nonce = os.urandom(16)
        self._aead = ChaCha20Poly1305(_hkdf(file_key, nonce, b"payload"))
        self._out = out
        self._pending = bytearray()
        self._counter = 0
        self._closed = False
        out.write(header + nonce)

    def write(self, data: bytes | bytearray | memoryview) -> int:
        """Encrypt every full chunk that is certainly not the last one.

        Full chunks are sealed straight from the caller's buffer; only a partial chunk (at most
        64 KiB) is copied into ``_pending``, so bulk data is not copied before encryption."""
        with memoryview(data) as whole, whole.cast("B") as view:
            size = len(view)
            pos = 0
            sealed = []
            if self._pending:
                pos = min(CHUNK - len(self._pending), size)
                self._pending += view[:pos]
                if len(self._pending) == CHUNK and pos < size:  # full, and not the last one
                    sealed.append(self._seal(self._pending))
                    self._pending.clear()
            if not self._pending:
                while size - pos > CHUNK:  # keep 1..CHUNK bytes for the final chunk
                    sealed.append(self._seal(view[pos:pos + CHUNK]))
                    pos += CHUNK
                self._pending += view[pos:]
        if len(sealed) > 1:  # one write per call: fewer system calls (and GIL hand-offs)
            self._out.write(b"".join(sealed))
        elif sealed:
            self._out.write(sealed[0])
        return size

    def _seal(self, chunk: bytes | bytearray | memoryview) -> bytes:
        piece = self._aead.encrypt(_stream_nonce(self._counter, False), chunk, None)
        self._counter += 1
        return piece

    def close(self) -> None:
        """Write the final chunk (empty only if nothing at all was written)."""
        if self._closed:
            return
        self._closed = True
        self._out.write(self._aead.encrypt(_stream_nonce(self._counter, True),
                                           bytes(self._pending), None))
        self._pending.clear()


def encrypt_stream(source: BinaryIO, out: Writable, recipients: list[str]) -> None:
    """Encrypt everything ``source.read`` yields to ``out`` for every recipient."""
    enc = Encryptor(out, recipients)
    while block := source.read(BATCH * CHUNK):
        enc.write(block)
    enc.close()


# --- Decryption -----------------------------------------------------------------------------

def _read_header(source: BinaryIO, key: X25519PrivateKey) -> bytes:
    """Parse and authenticate the header; return the payload key. ``source`` ends up at the
    payload nonce's end."""
    start = source.tell()
    head = source.read(MAX_HEADER_BYTES)
    stanzas, covered, mac, length = _parse_header(head)
    file_key = _unwrap(stanzas, key)
    if file_key is None:
        raise AgeError("not addressed to this identity")
    expected = hmac.new(_hkdf(file_key, b"", b"header"), covered, hashlib.sha256).digest()
    if not hmac.compare_digest(expected, mac):
        raise AgeError("the age header was altered")
    source.seek(start + length)
    nonce = source.read(16)
    if len(nonce) != 16:
        raise AgeError("the age payload is truncated")
    return _hkdf(file_key, nonce, b"payload")


def decrypt_stream(source: BinaryIO, sink: Writable, identity: str) -> None:
    """Decrypt ``source`` into ``sink.write`` (about 1 MiB per call).

    Exceptions raised by the sink propagate unchanged; any age failure (wrong key, tampering,
    truncation, trailing data) is AgeError. Plaintext written before a failure must be treated
    as unauthenticated by the caller."""
    key = _private_key(identity)
    try:
        aead = ChaCha20Poly1305(_read_header(source, key))
    except AgeError as exc:
        raise AgeError("the bundle cannot be decrypted with this key, or it was damaged") from exc
    pending = bytearray()
    counter = 0
    eof = False
    while True:
        while not eof and len(pending) <= BATCH * SEALED:
            block = source.read(BATCH * SEALED + 1 - len(pending))
            if not block:
                eof = True
            pending += block
        plain = []
        pos = 0
        last = False
        with memoryview(pending) as view:
            try:
                # A chunk is the last one only if the file ends right after it.
                while len(pending) - pos > SEALED or (eof and not last):
                    last = len(pending) - pos <= SEALED
                    if last and len(pending) - pos < TAG:
                        raise InvalidTag
                    end = len(pending) if last else pos + SEALED
                    piece = aead.decrypt(_stream_nonce(counter, last), view[pos:end], None)
                    if last and not piece and counter:
                        raise InvalidTag  # only an empty file may end with an empty chunk
                    plain.append(piece)
                    pos, counter = end, counter + 1
            except InvalidTag:
                raise AgeError("the bundle cannot be decrypted with this key, or it was "
                               "damaged") from None
        del pending[:pos]
        if plain:
            sink.write(b"".join(plain))
        if last:
            return
