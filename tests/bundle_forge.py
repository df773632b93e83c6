"""Test-only tools to take bundles apart and put forged ones together (with the real device key,
so the signature is valid and the checks after it are what gets tested)."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyrage
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from pyrage import x25519

from app.bundles import container
from app.bundles.model import sums_text, trusted_comment
from crypto import agefile, minisign
from crypto.signing import fingerprint
from storage.jsonutil import canonical_json
from tests.bundle_helpers import World

Entries = list[tuple[str, bytes]]


def decrypt(world: World, data: bytes) -> bytes:
    return pyrage.decrypt(data, [x25519.Identity.from_str(world.identity.age_identity)])


def encrypt(plain: bytes, recipient: str) -> bytes:
    return pyrage.encrypt(plain, [x25519.Recipient.from_str(recipient)])


# A well-formed scrypt (passphrase) stanza: 16-byte salt, work factor 10, 32-byte body.
SCRYPT_STANZA = (b"-> scrypt " + agefile._b64(bytes(range(16))) + b" 10\n"
                 + agefile._b64(bytes(range(32, 64))) + b"\n")


def encrypt_with_stanzas(plain: bytes, recipient: str, extra: list[bytes]) -> bytes:
    """A correct age file for ``recipient`` whose header also carries the ``extra`` stanzas,
    with a valid header MAC (so only a rule about the stanzas themselves can refuse it)."""
    file_key = os.urandom(16)
    ours = agefile.x25519_stanza(file_key, agefile._public_key(recipient))
    nonce = os.urandom(16)
    aead = ChaCha20Poly1305(agefile._hkdf(file_key, nonce, b"payload"))
    chunks = [plain[i:i + agefile.CHUNK] for i in range(0, len(plain), agefile.CHUNK)] or [b""]
    body = b"".join(aead.encrypt(agefile._stream_nonce(i, i == len(chunks) - 1), c, None)
                    for i, c in enumerate(chunks))
    return agefile.build_header(file_key, [ours, *extra]) + nonce + body


def split_tar(plain: bytes) -> Entries:
    entries: Entries = []
    pos = 0
    while plain[pos:pos + 512] != b"\0" * 512:
        head = plain[pos:pos + 512]
        name = head[:100].split(b"\0", 1)[0].decode()
        size = int(head[124:135], 8)
        entries.append((name, plain[pos + 512:pos + 512 + size]))
        pos += 512 + size + (-size % 512)
    return entries


def header_offsets(plain: bytes) -> list[int]:
    """Offsets of every 512-byte header block, plus the two end-of-archive blocks."""
    offsets, pos = [], 0
    while plain[pos:pos + 512] != b"\0" * 512:
        offsets.append(pos)
        size = int(plain[pos + 124:pos + 135], 8)
        pos += 512 + size + (-size % 512)
    return offsets + [pos, pos + 512]


def build_tar(entries: Entries, raw_headers: dict[int, bytes] | None = None) -> bytes:
    out = bytearray()
    for i, (name, data) in enumerate(entries):
        out += (raw_headers or {}).get(i) or container.header(name, len(data))
        out += data + container.padding(len(data))
    return bytes(out + container.END_OF_ARCHIVE)


def raw_header(name: bytes, size: int, typeflag: bytes = b"0", prefix: bytes = b"") -> bytes:
    """A ustar header with any name (even one our writer refuses) and a correct checksum."""
    raw = bytearray(container.header("SHA256SUMS", size))
    raw[0:100] = name[:100].ljust(100, b"\0")
    raw[156:157] = typeflag
    raw[345:345 + len(prefix)] = prefix
    raw[148:156] = b" " * 8
    raw[148:156] = f"{sum(raw):06o}".encode() + b"\0 "
    return bytes(raw)


def forge(world: World, plain: bytes, *,
          entries_fn: Callable[[Entries], Entries] | None = None,
          manifest_fn: Callable[[dict[str, Any]], None] | None = None,
          manifest_bytes_fn: Callable[[bytes], bytes] | None = None,
          keep_files_list: bool = False, comment: str | None = None,
          signer: tuple[bytes, bytes] | None = None) -> bytes:
    """Rebuild a bundle's plaintext with changes, re-signed with the field device key (or
    ``signer`` = (private, public) raw Ed25519 keys, whose minisign file then replaces device.pub).

    The trusted comment is the one the exporter derives from the (changed) manifest, unless
    ``comment`` forges another."""
    entries = split_tar(plain)
    manifest = json.loads(entries[1][1])
    data = [e for e in entries[4:]]
    if entries_fn is not None:
        data = entries_fn(data)
    device_pub = entries[0]
    if signer is not None:
        device_pub = ("device.pub", minisign.public_key_file(signer[1]).encode("ascii"))
        manifest["device"]["minisign"] = minisign.public_key_line(signer[1])
        manifest["device"]["fingerprint"] = fingerprint(signer[1])
    if not keep_files_list:
        files = [{"name": n, "size": len(d), "sha256": hashlib.sha256(d).hexdigest()}
                 for n, d in [device_pub] + data]
        sums = sums_text(files)
        files.insert(1, {"name": "SHA256SUMS", "size": len(sums),
                         "sha256": hashlib.sha256(sums).hexdigest()})
        manifest["files"] = files
    else:
        sums = entries[3][1]
    if manifest_fn is not None:
        manifest_fn(manifest)
    raw = canonical_json(manifest) + b"\n"
    if manifest_bytes_fn is not None:
        raw = manifest_bytes_fn(raw)
    if comment is None:
        try:
            comment = trusted_comment(manifest)
        except (KeyError, IndexError, TypeError):
            comment = "forged"
    private, public = signer or (world.field.device_private_key(), world.field.device().public_key)
    sig = minisign.sign_file(private, public, raw, comment)
    return build_tar([device_pub, ("manifest.json", raw), ("manifest.json.minisig", sig),
                      ("SHA256SUMS", sums)] + data)


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
