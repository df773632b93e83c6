"""Hostile input: receipts on the stick.

A receipt is age-encrypted to the laptop's receipt key, names nothing readable, is signed by the
supervisor, and every bad one (foreign, tampered, forged, old plain-text) is refused with one
sentence and marks nothing for purging. Purging on its strength still works end to end.
"""

from __future__ import annotations

import base64
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from pyrage import x25519

from app.bundles import keys
from app.bundles.errors import BundleRejected
from app.bundles.importer import ImportResult, import_bundle
from app.bundles.receipts import (
    RECEIPT_MAGIC,
    apply_receipt,
    make_receipt,
    purge_acknowledged,
    write_receipt,
)
from app.errors import UsageError
from crypto.agefile import AGE_MAGIC, Encryptor
from crypto.signing import sign
from storage.jsonutil import canonical_json
from storage.vault import Vault
from tests.bundle_forge import encrypt
from tests.bundle_helpers import World, make_world, new_vault, populate


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    w = make_world(tmp_path)
    yield w
    w.field.lock()
    w.sup.lock()


def _imported(world: World, *codes: str) -> tuple[list[str], ImportResult]:
    ids = [populate(world.field, code) for code in codes or ("NK-2026-001",)]
    result = world.export(*ids)
    return ids, import_bundle(world.sup, result.path, world.identity, role="supervisor")


def refused(vault: Vault, data: bytes, match: str) -> None:
    with pytest.raises(BundleRejected) as info:
        apply_receipt(vault, data, role="interviewer")
    message = str(info.value)
    assert message.startswith("The receipt was refused: ") and "\n" not in message
    assert message.endswith("nothing was marked for purging.") and match in message
    assert vault.conn.execute("SELECT count(*) FROM purge_ack").fetchone()[0] == 0


def _inner(world: World, data: bytes) -> bytes:
    """Decrypt a receipt with stock age (pyrage) and the laptop's receipt identity."""
    import pyrage
    identity = x25519.Identity.from_str(keys.device_receipt_identity(world.field))
    return pyrage.decrypt(data, [identity])


def test_receipt_is_encrypted_and_names_nothing(world: World) -> None:
    ids, imported = _imported(world, "NK-2026-117", "NK-2026-125")
    data = make_receipt(world.identity, imported)
    assert data.startswith(AGE_MAGIC)
    m = imported.manifest
    digests = [i.digest for i in m.body.interviews]
    secrets = [m.bundle_id, m.device.device_id, m.sha256, "NK-2026-117", "NK-2026-125",
               world.identity.public.age_recipient, world.identity.public.fingerprint,
               "receipt", *ids, *digests]
    for text in secrets:
        assert text.encode() not in data and text.upper().encode() not in data
        assert base64.b64encode(text.encode())[:12] not in data
    # inside: the manifest hash and the digests only, signed (stock age decrypts it)
    lines = _inner(world, data).split(b"\n")
    assert lines[0] == RECEIPT_MAGIC.encode()
    payload = json.loads(base64.b64decode(lines[1]))
    assert payload == {"type": RECEIPT_MAGIC, "manifest_sha256": m.sha256,
                       "digests": sorted(digests)}


def test_receipt_is_written_owner_only_and_never_over_a_file(world: World,
                                                              tmp_path: Path) -> None:
    _, imported = _imported(world)
    out = write_receipt(tmp_path / "r.receipt", world.identity, imported)
    assert oct(out.stat().st_mode)[-3:] == "600"
    with pytest.raises(UsageError, match="already exists"):
        write_receipt(out, world.identity, imported)
    with pytest.raises(UsageError, match="does not exist"):
        write_receipt(tmp_path / "missing" / "r", world.identity, imported)
    assert apply_receipt(world.field, out.read_bytes(), role="interviewer").acknowledged


def test_purge_end_to_end(world: World) -> None:
    (a, b), imported = _imported(world, "NK-2026-117", "NK-2026-125")
    applied = apply_receipt(world.field, make_receipt(world.identity, imported),
                            role="interviewer")
    assert sorted(applied.acknowledged) == sorted([a, b])
    assert applied.bundle_id == imported.bundle_id
    purged = purge_acknowledged(world.field, role="interviewer")
    assert sorted(purged.purged) == ["NK-2026-117", "NK-2026-125"]
    assert world.field.conn.execute("SELECT count(*) FROM interview").fetchone()[0] == 0


def test_another_laptop_cannot_read_it(world: World) -> None:
    _, imported = _imported(world)
    other = new_vault(world.tmp / "other-laptop")
    keys.trust_supervisor(other, world.identity.public, role="interviewer")
    refused(other, make_receipt(world.identity, imported), "cannot decrypt it")
    other.lock()


def test_tampered_receipt_is_refused(world: World) -> None:
    _, imported = _imported(world)
    good = make_receipt(world.identity, imported)
    for offset in (len(AGE_MAGIC) + 5, len(good) // 2, len(good) - 20, len(good) - 1):
        bad = bytearray(good)
        bad[offset] ^= 0x01
        refused(world.field, bytes(bad), "cannot decrypt it")
    refused(world.field, good[:-1], "cannot decrypt it")


def _reencrypted(world: World, inner: bytes) -> bytes:
    """What anyone can make: the laptop's receipt key is public (shown by device show)."""
    return encrypt(inner, keys.device_receipt_recipient(world.field))


def test_forged_receipt_to_the_right_laptop_is_refused(world: World) -> None:
    ids, imported = _imported(world)
    lines = _inner(world, make_receipt(world.identity, imported)).split(b"\n")
    payload = json.loads(base64.b64decode(lines[1]))
    payload["digests"].append("0" * 64)
    forged_body = base64.b64encode(canonical_json(payload))
    refused(world.field, _reencrypted(world, b"\n".join([lines[0], forged_body, lines[2], b""])),
            "not signed by a supervisor pinned")
    # validly signed, but by a supervisor this laptop never pinned
    _, stranger = keys.new_supervisor_key()
    refused(world.field, make_receipt(stranger, imported), "not signed by a supervisor pinned")
    # validly signed by the pinned supervisor, but for an interview not in that bundle
    signature = base64.b64encode(sign(world.identity.signing_private, canonical_json(payload)))
    refused(world.field, _reencrypted(world, b"\n".join([lines[0], forged_body, signature,
                                                         b""])),
            "not in that bundle")
    refused(world.field, _reencrypted(world, b"garbage\n"), "not a Testimony Vault receipt")
    assert ids


def test_share_bundle_receipt_purges_nothing(world: World) -> None:
    iid = populate(world.field)
    share = world.export(iid, name="share.age", profile="share")
    imported = import_bundle(world.sup, share.path, world.identity, role="supervisor")
    refused(world.field, make_receipt(world.identity, imported), "'share' bundle")


def test_old_plaintext_receipt_gets_one_clear_sentence(world: World) -> None:
    old = (b"testimony-receipt-v1\n" + base64.b64encode(b'{"type":"testimony-receipt-v1"}')
           + b"\n" + base64.b64encode(b"x" * 64) + b"\n")
    refused(world.field, old, "old plain-text receipt")
    refused(world.field, b"not a receipt at all", "not a Testimony Vault receipt")


def test_receipt_for_a_bundle_this_laptop_never_exported(world: World) -> None:
    """Encrypted to the right laptop and signed, but acknowledging someone else's bundle."""
    _, imported = _imported(world)
    payload = {"type": RECEIPT_MAGIC, "manifest_sha256": "ab" * 32, "digests": []}
    body = canonical_json(payload)
    inner = (RECEIPT_MAGIC.encode() + b"\n" + base64.b64encode(body) + b"\n"
             + base64.b64encode(sign(world.identity.signing_private, body)) + b"\n")
    out = io.BytesIO()
    enc = Encryptor(out, [keys.device_receipt_recipient(world.field)])
    enc.write(inner)
    enc.close()
    refused(world.field, out.getvalue(), "did not export")
    assert imported.manifest.sha256 != payload["manifest_sha256"]
