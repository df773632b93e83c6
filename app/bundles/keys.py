"""Supervisor identities, device public keys, and pinning them in a vault.

A supervisor key file is a standard age identity file (stock ``age -d -i FILE`` uses it): comment
lines and one ``AGE-SECRET-KEY-1...`` line. The supervisor's Ed25519 receipt-signing key is
derived from that secret, so one file holds both and nothing non-standard is needed to decrypt.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import re
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from app.errors import NotFound, UsageError
from crypto import minisign
from crypto.agefile import (
    AgeError,
    bech32_encode,
    check_recipient,
    derive_subkey,
    new_identity,
    recipient_of,
)
from crypto.signing import fingerprint
from crypto.wrap import hkdf
from errors import Message
from storage.backend import Store
from storage.vault import Vault

SUPERVISOR_PUB_MAGIC = "testimony-supervisor-key-v1"
DEVICE_PUB_MAGIC = "testimony-device-key-v1"
MAX_KEY_FILE = 16 * 1024
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


@dataclass(frozen=True)
class SupervisorPublic:
    age_recipient: str
    signing_key: bytes

    @property
    def fingerprint(self) -> str:
        return supervisor_fingerprint(self.age_recipient, self.signing_key)

    def text(self, label: str = "") -> str:
        lines = [SUPERVISOR_PUB_MAGIC]
        if label:
            lines.append(f"label: {label}")
        lines += [f"age-recipient: {self.age_recipient}",
                  f"ed25519: {base64.b64encode(self.signing_key).decode('ascii')}",
                  f"fingerprint: {self.fingerprint}"]
        return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class SupervisorIdentity:
    age_identity: str
    signing_private: bytes
    public: SupervisorPublic


@dataclass(frozen=True)
class DevicePublic:
    device_id: str
    public_key: bytes
    age_recipient: str | None = None  # receipts are encrypted to it (absent in old key files)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key)


def supervisor_fingerprint(age_recipient: str, signing_key: bytes) -> str:
    """One fingerprint covering both supervisor keys, read aloud in groups."""
    return fingerprint(age_recipient.encode("ascii") + b"\n" + signing_key)


def _signing_from_identity(age_identity: str) -> tuple[bytes, bytes]:
    seed = derive_subkey(age_identity, b"supervisor receipt signing key v1")
    key = Ed25519PrivateKey.from_private_bytes(seed)
    return seed, key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def new_supervisor_key(now: dt.datetime | None = None) -> tuple[str, SupervisorIdentity]:
    """Return (key file text, identity) for a new supervisor."""
    secret, _ = new_identity()
    identity = identity_from_secret(secret)
    stamp = (now or dt.datetime.now(dt.UTC)).isoformat()
    text = (
        "# Testimony Vault supervisor key: KEEP SECRET. Stock 'age -d -i' accepts this file.\n"
        f"# created: {stamp}\n"
        f"# public key: {identity.public.age_recipient}\n"
        f"# fingerprint: {identity.public.fingerprint}\n"
        f"{secret}\n"
    )
    return text, identity


def identity_from_secret(secret: str) -> SupervisorIdentity:
    recipient = recipient_of(secret)
    private, public = _signing_from_identity(secret)
    return SupervisorIdentity(secret, private, SupervisorPublic(recipient, public))


def _read_small(path: Path, what: str) -> str:
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_KEY_FILE + 1)
    except OSError as exc:
        raise UsageError("keys.read_check_path", what=_what(what), path=path,
                         strerror=exc.strerror) from exc
    if len(data) > MAX_KEY_FILE:
        raise UsageError("keys.far_too_large_key", what=_what(what), path=path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UsageError("keys.text_key_file_check", what=_what(what), path=path) from exc


def load_identity(path: Path) -> SupervisorIdentity:
    """Read a supervisor key file (an age identity file)."""
    text = _read_small(path, "identity key file")
    secrets = [ln.strip() for ln in text.splitlines() if ln.strip().startswith("AGE-SECRET-KEY-1")]
    if len(secrets) != 1:
        raise UsageError("keys.supervisor_key_file_needs", path=path)
    try:
        return identity_from_secret(secrets[0])
    except AgeError as exc:
        raise UsageError("keys.key_valid_age_identity", path=path) from exc


# The kinds of key file an error can name, as codes so that the window can translate them.
_WHAT_CODES = {
    "identity key file": "keys.what_identity_file",
    "supervisor public key file": "keys.what_supervisor_public_file",
    "device public key file": "keys.what_device_public_file",
    "recipient key file": "keys.what_recipient_file",
    "supervisor public key": "keys.what_supervisor_public",
    "device public key": "keys.what_device_public",
}


def _what(what: str) -> Message | str:
    code = _WHAT_CODES.get(what)
    return Message(code) if code else what


def _fields(text: str, magic: str, what: str) -> dict[str, str]:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if not lines or lines[0] != magic:
        raise UsageError("keys.must_start_save_exactly", what=_what(what), magic=magic)
    fields: dict[str, str] = {}
    for line in lines[1:]:
        key, sep, value = line.partition(":")
        if not sep:
            raise UsageError("keys.line_without_name_value", what=_what(what))
        key = key.strip()
        if key in fields:
            raise UsageError("keys.names_twice_save_again", what=_what(what), key=key)
        fields[key] = value.strip()
    return fields


def _b64key(value: str, what: str) -> bytes:
    try:
        raw = base64.b64decode(value, validate=True)
    except binascii.Error as exc:
        raise UsageError("keys.damaged_ed_key_save", what=_what(what)) from exc
    if len(raw) != 32:
        raise UsageError("keys.damaged_ed_key_save", what=_what(what))
    return raw


def parse_supervisor_public(text: str) -> SupervisorPublic:
    """Parse what ``keys supervisor-new`` prints; the fingerprint line, if present, must match."""
    what = "supervisor public key"
    f = _fields(text, SUPERVISOR_PUB_MAGIC, what)
    if "age-recipient" not in f or "ed25519" not in f:
        raise UsageError("keys.lacks_age_recipient_ed", what=_what(what))
    try:
        recipient = check_recipient(f["age-recipient"])
    except AgeError as exc:
        raise UsageError("keys.damaged_age_recipient_line", what=_what(what)) from exc
    pub = SupervisorPublic(recipient, _b64key(f["ed25519"], what))
    if "fingerprint" in f and f["fingerprint"] != pub.fingerprint:
        raise UsageError("keys.s_fingerprint_match_keys", what=_what(what))
    return pub


def device_receipt_identity(vault: Vault) -> str:
    """This device's X25519 age identity (``AGE-SECRET-KEY-1...``) that receipts are encrypted to.

    Derived from the device signing key (HKDF-SHA256, its own label), so it exists for every
    vault, old or new, without a schema change, and is stored only as that key is: encrypted
    inside the vault. It never leaves the vault; only its recipient is shown and signed."""
    seed = hkdf(vault.device_private_key(), b"testimony-vault device receipt key v1")
    return bech32_encode("age-secret-key-", seed).upper()


def device_receipt_recipient(vault: Vault) -> str:
    """The ``age1...`` recipient of ``device_receipt_identity``: public, pinned with the device."""
    return recipient_of(device_receipt_identity(vault))


def device_public_text(device_id: str, public_key: bytes, age_recipient: str | None = None) -> str:
    """The device public key as ``device show`` prints it (parsed by ``parse_device_public``)."""
    receipt_line = f"age-recipient: {age_recipient}\n" if age_recipient else ""
    return (
        f"{DEVICE_PUB_MAGIC}\n"
        f"device-id: {device_id}\n"
        f"ed25519: {base64.b64encode(public_key).decode('ascii')}\n"
        f"minisign: {minisign.public_key_line(public_key)}\n"
        f"{receipt_line}"
        f"fingerprint: {fingerprint(public_key)}\n"
    )


def vault_device_public_text(vault: Vault) -> str:
    """``device_public_text`` for this vault's own device, receipt key included."""
    device = vault.device()
    return device_public_text(device.id, device.public_key, device_receipt_recipient(vault))


def parse_device_public(text: str) -> DevicePublic:
    what = "device public key"
    f = _fields(text, DEVICE_PUB_MAGIC, what)
    if "device-id" not in f or "ed25519" not in f or not _UUID.fullmatch(f["device-id"]):
        raise UsageError("keys.lacks_valid_device_id", what=_what(what))
    recipient = None
    if "age-recipient" in f:
        try:
            recipient = check_recipient(f["age-recipient"])
        except AgeError as exc:
            raise UsageError("keys.damaged_age_recipient_line", what=_what(what)) from exc
    dev = DevicePublic(f["device-id"], _b64key(f["ed25519"], what), recipient)
    if "fingerprint" in f and f["fingerprint"] != dev.fingerprint:
        raise UsageError("keys.s_fingerprint_match_key", what=_what(what))
    if "minisign" in f:
        try:
            if minisign.parse_public_key_line(f["minisign"]) != dev.public_key:
                raise ValueError("different key")
        except ValueError as exc:
            raise UsageError("keys.s_minisign_line_match", what=_what(what)) from exc
    return dev


# ----------------------------------------------------------------------------- trust in a vault
def read_key_file(path: Path | str, what: str) -> str:
    """A key, receipt or public-key file's text, size-capped; one sentence if unreadable."""
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_KEY_FILE + 1)
    except OSError as exc:
        raise UsageError("keys.read_check_path_2", what=_what(what), name=Path(path).name,
                         strerror=exc.strerror) from exc
    if len(data) > MAX_KEY_FILE:
        raise UsageError("keys.too_large_check_path", what=_what(what), name=Path(path).name)
    return data.decode("utf-8", "replace")


def trust_supervisor_file(vault: Vault, path: Path | str, *, role: str,
                          label: str = "") -> tuple[SupervisorPublic, bool]:
    """Read a supervisor public key file and pin it; (key, newly pinned). CLI and GUI use this."""
    pub = parse_supervisor_public(read_key_file(path, "supervisor public key file"))
    return pub, trust_supervisor(vault, pub, role=role, label=label)


def trust_supervisor(vault: Vault, pub: SupervisorPublic, *, role: str, label: str = "",
                     now: dt.datetime | None = None) -> bool:
    """Pin a supervisor in this (field) vault. Returns False if it was already pinned."""
    stamp = (now or dt.datetime.now(dt.UTC)).isoformat()
    with vault.transaction() as conn:
        row = conn.execute("SELECT signing_key FROM trusted_supervisor WHERE age_recipient = ?",
                           (pub.age_recipient,)).fetchone()
        if row is not None:
            if bytes(row[0]) != pub.signing_key:
                raise UsageError("keys.supervisor_age_key_but")
            return False
        sid = str(uuid.uuid4())
        conn.execute("INSERT INTO trusted_supervisor(id, age_recipient, signing_key, fingerprint,"
                     " label, pinned_at, pinned_by) VALUES (?,?,?,?,?,?,?)",
                     (sid, pub.age_recipient, pub.signing_key, pub.fingerprint, label, stamp, role))
        vault.audit("pin", "supervisor", sid, role=role, now=now,
                    details={"fingerprint": pub.fingerprint})
    return True


def trust_device(vault: Store, dev: DevicePublic, *, role: str,
                 now: dt.datetime | None = None) -> bool:
    """Pin a field laptop's device key in this (supervisor) vault. False if already pinned."""
    stamp = (now or dt.datetime.now(dt.UTC)).isoformat()
    with vault.transaction() as conn:
        row = conn.execute("SELECT public_key, age_recipient FROM trusted_device WHERE "
                           "device_id = ?", (dev.device_id,)).fetchone()
        if row is not None:
            if bytes(row[0]) != dev.public_key:
                raise UsageError("keys.device_id_already_pinned")
            if dev.age_recipient and row[1] and row[1] != dev.age_recipient:
                raise UsageError("keys.device_already_pinned_different")
            if dev.age_recipient and not row[1]:
                conn.execute("UPDATE trusted_device SET age_recipient = ? WHERE device_id = ?",
                             (dev.age_recipient, dev.device_id))
            return False
        conn.execute("INSERT INTO trusted_device(device_id, public_key, fingerprint, pinned_at,"
                     " pinned_by, age_recipient) VALUES (?,?,?,?,?,?)",
                     (dev.device_id, dev.public_key, dev.fingerprint, stamp, role,
                      dev.age_recipient))
        vault.audit("pin", "device", dev.device_id, role=role, now=now,
                    details={"fingerprint": dev.fingerprint})
    return True


def pinned_supervisor(vault: Vault, age_recipient: str) -> SupervisorPublic | None:
    row = vault.conn.execute("SELECT signing_key FROM trusted_supervisor WHERE age_recipient = ?",
                             (age_recipient,)).fetchone()
    return SupervisorPublic(age_recipient, bytes(row[0])) if row else None


def pinned_device_key(vault: Store, device_id: str) -> bytes | None:
    row = vault.conn.execute("SELECT public_key FROM trusted_device WHERE device_id = ?",
                             (device_id,)).fetchone()
    return bytes(row[0]) if row else None


def list_keys(vault: Vault) -> dict[str, Any]:
    """This vault's device and every pinned supervisor and device (public data only)."""
    dev = vault.device()
    sups = [{"label": r[0], "age_recipient": r[1], "fingerprint": r[2], "pinned_at": r[3]}
            for r in vault.conn.execute("SELECT label, age_recipient, fingerprint, pinned_at FROM"
                                        " trusted_supervisor ORDER BY pinned_at")]
    devs = [{"device_id": r[0], "fingerprint": r[1], "pinned_at": r[2], "age_recipient": r[3]}
            for r in vault.conn.execute("SELECT device_id, fingerprint, pinned_at, age_recipient"
                                        " FROM trusted_device ORDER BY pinned_at")]
    return {"device": {"device_id": dev.id, "fingerprint": dev.fingerprint},
            "supervisors": sups, "devices": devs}


def require_pinned_recipient(vault: Vault, text: str) -> SupervisorPublic:
    """Parse a recipient file and insist it is a pinned supervisor (a swapped file on the laptop
    must not redirect testimony to someone else)."""
    pub = parse_supervisor_public(text)
    pinned = pinned_supervisor(vault, pub.age_recipient)
    if pinned is None or pinned.signing_key != pub.signing_key:
        raise NotFound("keys.recipient_pinned_supervisor_vault", fingerprint=pub.fingerprint)
    return pub
