"""Release helpers for packaging/build.sh: SHA256SUMS, minisign-format signatures, folder size.

An organisation checks a delivered folder with stock tools only (``sha256sum -c SHA256SUMS`` and
``minisign -V``), so the files written here follow those tools' formats exactly. Signing is done
here rather than with the minisign program so that the build works the same on Linux, Windows and
macOS without it; build.sh still verifies with stock minisign when it is installed.

Why not crypto.minisign (the bundles' signer): that module derives key ids from device keys and
has no secret-key files, while release keys are stock minisign keys (random key id, scrypt-
encrypted secret key file). This file also stays standalone (only ``cryptography``) so that an
organisation can verify a folder with it on a machine that has neither minisign nor the app.

minisign format (Ed25519; https://jedisct1.github.io/minisign/):
  public key  base64("Ed" | key id (8) | public key (32))
  secret key  base64("Ed" | kdf "Sc" or "\\0\\0" | "B2" | salt (32) | opslimit (8) | memlimit (8)
                     | key id (8) | secret key (64) | checksum (32)), the last 104 bytes XORed with
              scrypt(password) when the kdf is "Sc"; checksum = BLAKE2b-256("Ed" | id | sk)
  signature   base64("ED" | key id | Ed25519(BLAKE2b-512(file))), then a trusted comment and
              base64(Ed25519(signature | trusted comment)), which covers the comment.

Usage: python release.py sums DIR | keygen SECRET PUBLIC | pubkey SECRET PUBLIC
       | sign SECRET FILE COMMENT | verify PUBLIC FILE | size DIR
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

SUMS_NAME = "SHA256SUMS"
SIG_NAME = "SHA256SUMS.minisig"
PASSWORD_ENV = "TESTIMONY_RELEASE_KEY_PASSWORD"  # noqa: S105 - a variable name, not a secret


class ReleaseError(Exception):
    """A one-sentence reason the release step could not be done."""


# ----------------------------------------------------------------------------- checksums
def write_sums(folder: Path) -> Path:
    """Write ``SHA256SUMS`` (sha256sum format, sorted, ``./``-relative) of every file in folder."""
    lines = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file() or p.is_symlink()):
        rel = path.relative_to(folder).as_posix()
        if rel in (SUMS_NAME, SIG_NAME):
            continue
        if path.is_symlink() and not path.exists():
            raise ReleaseError(f"{rel} is a broken symbolic link; rebuild the folder.")
        digest = hashlib.sha256()
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
        lines.append(f"{digest.hexdigest()}  ./{rel}\n")
    out = folder / SUMS_NAME
    out.write_text("".join(lines), "utf-8", newline="\n")
    return out


def check_sums(folder: Path) -> list[str]:
    """Files whose content differs from SHA256SUMS, or that are missing or unlisted."""
    listed: dict[str, str] = {}
    for line in (folder / SUMS_NAME).read_text("utf-8").splitlines():
        digest, rel = line.split("  ", 1)
        listed[rel.removeprefix("./")] = digest
    problems = []
    for rel, digest in listed.items():
        path = folder / rel
        if not path.is_file():
            problems.append(f"missing {rel}")
        elif hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            problems.append(f"changed {rel}")
    for path in folder.rglob("*"):
        rel = path.relative_to(folder).as_posix()
        if path.is_file() and rel not in listed and rel not in (SUMS_NAME, SIG_NAME):
            problems.append(f"unlisted {rel}")
    return sorted(problems)


# ----------------------------------------------------------------------------- minisign
@dataclass(frozen=True)
class SecretKey:
    key_id: bytes  # 8 bytes, as stored
    secret: bytes  # 64 bytes: Ed25519 seed | public key

    @property
    def public(self) -> bytes:
        return self.secret[32:]

    def sign(self, message: bytes) -> bytes:
        return Ed25519PrivateKey.from_private_bytes(self.secret[:32]).sign(message)


def key_id_text(key_id: bytes) -> str:
    """minisign prints the id as a little-endian 64-bit number in upper-case hex."""
    return key_id[::-1].hex().upper()


def _b2_checksum(key_id: bytes, secret: bytes) -> bytes:
    return hashlib.blake2b(b"Ed" + key_id + secret, digest_size=32).digest()


def _scrypt_stream(password: bytes, salt: bytes, opslimit: int, memlimit: int) -> bytes:
    # libsodium's crypto_pwhash_scryptsalsa208sha256 parameter choice (pickparams), as minisign.
    opslimit = max(opslimit, 32768)
    r = 8
    if opslimit < memlimit // 32:
        p = 1
        max_n = opslimit // (r * 4)
    else:
        max_n = memlimit // (r * 128)
    n_log2 = 1
    while n_log2 < 63 and (1 << n_log2) <= max_n // 2:
        n_log2 += 1
    if opslimit >= memlimit // 32:
        p = min((opslimit // 4) // (1 << n_log2), 0x3FFFFFFF) // r
    n = 1 << n_log2
    return hashlib.scrypt(password, salt=salt, n=n, r=r, p=p,
                          maxmem=2**31 - 1, dklen=104)


def _payload(text: str, what: str) -> bytes:
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) < 2 or not lines[0].startswith("untrusted comment:"):
        raise ReleaseError(f"That file is not a minisign {what}; check the path.")
    try:
        return base64.b64decode(lines[1], validate=True)
    except ValueError as exc:
        raise ReleaseError(f"That minisign {what} is damaged (bad base64).") from exc


def read_secret_key(path: Path, password: bytes | None = None) -> SecretKey:
    """Load a minisign secret key, decrypting it with ``password`` if it is encrypted."""
    raw = _payload(path.read_text("utf-8"), "secret key")
    if len(raw) != 158 or raw[:2] != b"Ed" or raw[4:6] != b"B2":
        raise ReleaseError("That minisign secret key has an unknown format.")
    kdf, salt = raw[2:4], raw[6:38]
    opslimit = int.from_bytes(raw[38:46], "little")
    memlimit = int.from_bytes(raw[46:54], "little")
    keynum = raw[54:]
    if kdf == b"Sc":
        if password is None:
            raise ReleaseError(f"The release key is encrypted; set {PASSWORD_ENV} to its password.")
        stream = _scrypt_stream(password, salt, opslimit, memlimit)
        keynum = bytes(a ^ b for a, b in zip(keynum, stream, strict=True))
    elif kdf != b"\0\0":
        raise ReleaseError("That minisign secret key uses an unknown key derivation.")
    key_id, secret, checksum = keynum[:8], keynum[8:72], keynum[72:]
    # Unencrypted keys made by 'minisign -G -W' carry an all-zero checksum.
    if not (kdf == b"\0\0" and checksum == bytes(32)) and not hmac.compare_digest(
            checksum, _b2_checksum(key_id, secret)):
        raise ReleaseError("The release key's password is wrong (or the key file is damaged).")
    key = SecretKey(key_id, secret)
    derived = Ed25519PrivateKey.from_private_bytes(secret[:32]).public_key().public_bytes_raw()
    if derived != key.public:
        raise ReleaseError("That minisign secret key is damaged (its halves do not match).")
    return key


def generate_key() -> SecretKey:
    """A new random Ed25519 key with a random minisign key id."""
    private = Ed25519PrivateKey.generate()
    seed = private.private_bytes_raw()
    return SecretKey(os.urandom(8), seed + private.public_key().public_bytes_raw())


def secret_key_text(key: SecretKey, comment: str) -> str:
    """An unencrypted minisign secret key file (for throw-away test keys only)."""
    keynum = key.key_id + key.secret + _b2_checksum(key.key_id, key.secret)
    raw = b"Ed\0\0B2" + bytes(32) + bytes(8) + bytes(8) + keynum
    return f"untrusted comment: {comment}\n{base64.b64encode(raw).decode()}\n"


def public_key_text(key: SecretKey) -> str:
    raw = b"Ed" + key.key_id + key.public
    return (f"untrusted comment: minisign public key {key_id_text(key.key_id)}\n"
            f"{base64.b64encode(raw).decode()}\n")


def sign_file(key: SecretKey, path: Path, trusted_comment: str) -> str:
    """The text of a prehashed ("ED") minisign signature of ``path``."""
    if "\n" in trusted_comment or "\r" in trusted_comment:
        raise ReleaseError("The trusted comment must be one line.")
    digest = hashlib.blake2b(path.read_bytes(), digest_size=64).digest()
    signature = key.sign(digest)
    global_sig = key.sign(signature + trusted_comment.encode("utf-8"))
    return (f"untrusted comment: signature from minisign secret key "
            f"{key_id_text(key.key_id)}\n"
            f"{base64.b64encode(b'ED' + key.key_id + signature).decode()}\n"
            f"trusted comment: {trusted_comment}\n"
            f"{base64.b64encode(global_sig).decode()}\n")


def verify_file(public_text: str, path: Path, signature_text: str) -> str:
    """Check a minisign signature; returns the trusted comment or raises ReleaseError."""
    pub = _payload(public_text, "public key")
    if len(pub) != 42 or pub[:2] != b"Ed":
        raise ReleaseError("That minisign public key has an unknown format.")
    lines = [line for line in signature_text.splitlines() if line.strip()]
    if len(lines) != 4 or not lines[2].startswith("trusted comment: "):
        raise ReleaseError("That minisign signature file is damaged.")
    sig = _payload("\n".join(lines[:2]), "signature")
    if len(sig) != 74 or sig[:2] not in (b"ED", b"Ed"):
        raise ReleaseError("That minisign signature has an unknown format.")
    if sig[2:10] != pub[2:10]:
        raise ReleaseError(
            f"The signature was made with key {key_id_text(sig[2:10])}, not with the release key "
            f"{key_id_text(pub[2:10])}.")
    data = path.read_bytes()
    message = hashlib.blake2b(data, digest_size=64).digest() if sig[:2] == b"ED" else data
    comment = lines[2][len("trusted comment: "):]
    public = Ed25519PublicKey.from_public_bytes(pub[10:])
    try:
        public.verify(sig[10:], message)
        public.verify(base64.b64decode(lines[3], validate=True),
                      sig[10:] + comment.encode("utf-8"))
    except (InvalidSignature, ValueError) as exc:
        raise ReleaseError(f"The signature does not match {path.name}; it was altered.") from exc
    return comment


# ----------------------------------------------------------------------------- size
def folder_size(folder: Path) -> tuple[int, list[tuple[str, int]]]:
    """Total bytes, and the largest top-level entries of the folder and its _internal/."""
    sizes: dict[str, int] = {}
    total = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            size = path.stat().st_size
            total += size
            parts = path.relative_to(folder).parts
            key = "/".join(parts[:2]) if parts[0] == "_internal" and len(parts) > 1 else parts[0]
            sizes[key] = sizes.get(key, 0) + size
    return total, sorted(sizes.items(), key=lambda kv: -kv[1])


def main(argv: list[str]) -> int:
    try:
        match argv:
            case ["sums", folder]:
                print(write_sums(Path(folder)))
            case ["check", folder]:
                problems = check_sums(Path(folder))
                for problem in problems:
                    print(problem, file=sys.stderr)
                return 1 if problems else 0
            case ["keygen", secret, public]:
                key = generate_key()
                Path(secret).write_text(secret_key_text(key, "THROW-AWAY test key, never for "
                                                             "a release"), "utf-8")
                os.chmod(secret, 0o600)
                Path(public).write_text(public_key_text(key), "utf-8")
            case ["pubkey", secret, public]:
                key = read_secret_key(Path(secret), _password())
                Path(public).write_text(public_key_text(key), "utf-8")
            case ["sign", secret, file, comment]:
                key = read_secret_key(Path(secret), _password())
                out = Path(file + ".minisig")
                out.write_text(sign_file(key, Path(file), comment), "utf-8")
                print(out)
            case ["verify", public, file]:
                comment = verify_file(Path(public).read_text("utf-8"), Path(file),
                                      Path(file + ".minisig").read_text("utf-8"))
                print(f"Signature and comment verified: {comment}")
            case ["size", folder]:
                total, parts = folder_size(Path(folder))
                print(f"{total / 2**20:.0f} MiB in {folder}")
                for name, size in parts[:12]:
                    print(f"  {size / 2**20:8.1f} MiB  {name}")
            case _:
                print(__doc__, file=sys.stderr)
                return 2
    except ReleaseError as exc:
        print(f"release: {exc}", file=sys.stderr)
        return 1
    return 0


def _password() -> bytes | None:
    value = os.environ.get(PASSWORD_ENV)
    return value.encode("utf-8") if value else None


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
