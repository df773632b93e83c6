"""Hostile input: the audit-chain anchor.

Someone who knows the laptop's passphrase can delete audit entries and re-chain the rest, and
``audit verify`` on the laptop still passes. Every bundle carries the device's whole chain of
audit entry hashes (signed), and the supervisor's vault refuses a bundle whose chain does not
extend what it has already seen from that device, leaving its folder byte-identical. Vault-level
events (passphrase changes, failed unlocks) travel in every bundle.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.bundles import anchor, keys
from app.bundles.errors import BundleRejected
from app.bundles.importer import import_bundle, verify_bundle
from app.bundles.model import AUDIT_CHAIN
from app.interviews import delete_interview
from app.unlock import unlock
from storage import audit
from storage.errors import WrongPassphrase
from storage.jsonutil import canonical_json
from storage.vault import Vault
from tests.bundle_forge import decrypt, encrypt, forge, split_tar, write
from tests.bundle_helpers import World, make_world, new_vault, open_vault, populate


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    w = make_world(tmp_path)
    yield w
    w.field.lock()
    w.sup.lock()


def rewrite_history(vault: Vault, drop: set[int]) -> int:
    """What a holder of the passphrase can do on the laptop: delete audit entries and re-chain
    the rest so that the laptop's own ``audit verify`` still passes. Returns the new length."""
    kept = [e for e in audit.entries(vault.conn) if e.seq not in drop]
    with vault.transaction() as conn:
        conn.execute("DELETE FROM audit_log")
        prev = audit.GENESIS
        for seq, e in enumerate(kept, 1):
            body = {"seq": seq, "id": e.id, "at": e.at, "role": e.role, "action": e.action,
                    "object_type": e.object_type, "object_id": e.object_id,
                    "details": e.details}
            digest = hashlib.sha256(prev.encode() + b"\n" + canonical_json(body)).hexdigest()
            conn.execute("INSERT INTO audit_log(seq, id, at, role, action, object_type, "
                         "object_id, details, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?)",
                         (seq, e.id, e.at, e.role, e.action, e.object_type, e.object_id,
                          canonical_json(e.details).decode(), prev, digest))
            prev = digest
        conn.execute("UPDATE meta SET value = ? WHERE key = 'audit_head'",
                     (f"{len(kept)}:{prev}",))
    assert audit.verify(vault.conn) == len(kept)  # the laptop alone cannot tell
    return len(kept)


def refused_unchanged(world: World, path: Path, match: str) -> str:
    before = world.sup_digest()
    with pytest.raises(BundleRejected) as info:
        verify_bundle(path, world.identity, vault=world.sup)
    with pytest.raises(BundleRejected) as info:
        import_bundle(world.sup, path, world.identity, role="supervisor")
    message = str(info.value)
    assert message.startswith("The bundle was refused: ") and "\n" not in message
    assert message.endswith("nothing was changed.") and match in message
    assert world.sup_digest() == before, "a refused bundle changed the supervisor vault"
    return message


def test_removed_and_rechained_entry_is_detected(world: World) -> None:
    iid = populate(world.field)
    first = world.export(iid, name="1.age")
    import_bundle(world.sup, first.path, world.identity, role="supervisor")
    # entry 2 (pinning the supervisor) was shown to the supervisor by bundle 1; remove it
    assert audit.entries(world.field.conn)[1].action == "pin"
    rewrite_history(world.field, {2})
    second = world.export(iid, name="2.age")
    message = refused_unchanged(world, second.path, "audit history was rewritten")
    assert "entry 2," in message


def test_truncated_history_is_detected(world: World) -> None:
    """Removing the newest entries (here: the record of the last export) and exporting again
    gives a chain that is a prefix of the known one, but no longer than an older bundle's."""
    iid = populate(world.field)
    first = world.export(iid, name="1.age")
    import_bundle(world.sup, first.path, world.identity, role="supervisor")
    n = len(audit.entries(world.field.conn))
    assert audit.entries(world.field.conn)[-1].action == "export"
    rewrite_history(world.field, {n})
    second = world.export(iid, name="2.age")
    refused_unchanged(world, second.path, "audit entries were removed")


def test_honest_history_grows_and_is_stored(world: World) -> None:
    iid = populate(world.field)
    for name in ("1.age", "2.age"):
        result = world.export(iid, name=name)
        import_bundle(world.sup, result.path, world.identity, role="supervisor")
    entries, hashes = world.sup.conn.execute(
        "SELECT entries, hashes FROM audit_anchor WHERE device_id = ?",
        (world.field.device().id,)).fetchone()
    chain = [e.hash for e in audit.entries(world.field.conn)]
    # bundle 2 showed every entry up to its own export (which is recorded after it was written)
    assert entries == len(chain) - 1
    assert bytes(hashes) == b"".join(bytes.fromhex(h) for h in chain[:-1])
    lengths = world.sup.conn.execute(
        "SELECT seq, entries FROM audit_anchor_bundle ORDER BY seq").fetchall()
    assert [s for s, _ in lengths] == [1, 2] and lengths[0][1] < lengths[1][1]


def test_chain_file_is_hashes_only_and_signed(world: World) -> None:
    iid = populate(world.field)
    result = world.export(iid)
    files = dict(split_tar(decrypt(world, result.path.read_bytes())))
    chain = files[AUDIT_CHAIN].decode("ascii").splitlines()
    assert chain == [e.hash for e in audit.entries(world.field.conn)][:len(chain)]
    manifest = json.loads(files["manifest.json"])
    assert manifest["audit_chain"] == {"entries": len(chain), "head": chain[-1]}
    assert len(files[AUDIT_CHAIN]) == 65 * len(chain)  # the size cost: 65 bytes per entry
    listed = {f["name"]: f["sha256"] for f in manifest["files"]}
    assert listed[AUDIT_CHAIN] == hashlib.sha256(files[AUDIT_CHAIN]).hexdigest()
    assert f"  {AUDIT_CHAIN}\n" in files["SHA256SUMS"].decode()


def test_forged_chain_that_disagrees_with_the_bundled_entries(world: World,
                                                              tmp_path: Path) -> None:
    """A re-signed bundle whose chain leaves out an entry that the bundle itself carries."""
    iid = populate(world.field)
    plain = decrypt(world, world.export(iid).path.read_bytes())
    n = json.loads(split_tar(plain)[1][1])["audit_chain"]["entries"]

    def drop_first(entries: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
        return [(name, data[65:] if name == AUDIT_CHAIN else data) for name, data in entries]

    def shorter(manifest: dict[str, object]) -> None:
        manifest["audit_chain"] = {"entries": n - 1,
                                   "head": manifest["audit_chain"]["head"]}  # type: ignore[index]

    bad = forge(world, plain, entries_fn=drop_first, manifest_fn=shorter)
    refused_unchanged(world, write(tmp_path / "f.age", encrypt(bad, world.identity.public
                                                               .age_recipient)),
                      "does not match its own audit entries")


def test_bundle_without_chain_or_receipt_key_is_refused(world: World, tmp_path: Path) -> None:
    iid = populate(world.field)
    plain = decrypt(world, world.export(iid).path.read_bytes())

    def old_manifest(manifest: dict[str, object]) -> None:
        del manifest["audit_chain"]

    bad = forge(world, plain, entries_fn=lambda es: [e for e in es if e[0] != AUDIT_CHAIN],
                manifest_fn=old_manifest)
    refused_unchanged(world, write(tmp_path / "old.age", encrypt(
        bad, world.identity.public.age_recipient)), "older version")


def test_vault_level_events_reach_the_supervisor(world: World, tmp_path: Path) -> None:
    """Passphrase changes, failed unlocks and deleted interviews are not about the exported
    interview, yet they travel."""
    iid = populate(world.field)
    deleted = populate(world.field, "NK-2026-140")
    delete_interview(world.field, deleted, role="interviewer")
    world.field.change_passphrase(b"another long passphrase", allow_weak_kdf=True,
                                  role="interviewer")
    path = world.field.path
    world.field.lock()
    state = tmp_path / "state"
    state.mkdir()
    with pytest.raises(WrongPassphrase):
        unlock(path, b"wrong guess", state_dir=state, allow_weak_kdf=True,
               sleep=lambda _s: None)
    world.field = unlock(path, b"another long passphrase", state_dir=state,
                         allow_weak_kdf=True, sleep=lambda _s: None).vault
    result = world.export(iid)
    import_bundle(world.sup, result.path, world.identity, role="supervisor")
    actions = {r[0] for r in world.sup.conn.execute(
        "SELECT action FROM imported_audit WHERE device_id = ? AND object_type = 'vault'",
        (world.field.device().id,))}
    assert {"create", "change-passphrase", "failed-unlock-attempts"} <= actions
    erased = world.sup.conn.execute(
        "SELECT action, details FROM imported_audit WHERE object_id = ?", (deleted,)).fetchall()
    assert [a for a, _ in erased] == ["delete"] and "NK-2026-140" not in erased[0][1]
    # nothing else about the deleted interview travelled (its creation, its edits)
    assert world.sup.conn.execute("SELECT count(*) FROM interview WHERE id = ?",
                                  (deleted,)).fetchone()[0] == 0


def test_receipt_key_must_match_the_pinned_one(world: World, tmp_path: Path) -> None:
    """A device pinned with its receipt key: a bundle naming another key is refused; one
    pinned without it learns the key from the first signed manifest."""
    other = keys.device_receipt_recipient(world.sup)  # some other valid age recipient
    dev = world.field.device()
    world.sup.conn.execute("UPDATE trusted_device SET age_recipient = ? WHERE device_id = ?",
                           (other, dev.id))
    iid = populate(world.field)
    result = world.export(iid)
    # the signed manifest carries the key; the GUI pins the device from it with the key
    signer = verify_bundle(result.path, world.identity).manifest.device
    assert signer.age_recipient == keys.device_receipt_recipient(world.field)
    refused_unchanged(world, result.path, "receipt key")
    world.sup.conn.execute("UPDATE trusted_device SET age_recipient = NULL WHERE device_id = ?",
                           (dev.id,))
    import_bundle(world.sup, result.path, world.identity, role="supervisor")
    pinned = world.sup.conn.execute("SELECT age_recipient FROM trusted_device WHERE "
                                    "device_id = ?", (dev.id,)).fetchone()[0]
    assert pinned == keys.device_receipt_recipient(world.field)


def test_device_show_text_carries_the_receipt_key_and_pins_it(world: World) -> None:
    text = keys.vault_device_public_text(world.field)
    recipient = keys.device_receipt_recipient(world.field)
    assert f"age-recipient: {recipient}\n" in text
    assert "AGE-SECRET-KEY" not in text.upper().replace("AGE-RECIPIENT", "")
    parsed = keys.parse_device_public(text)
    assert parsed.age_recipient == recipient
    sup2 = new_vault(world.tmp / "sup2")
    assert keys.trust_device(sup2, parsed, role="supervisor")
    assert sup2.conn.execute("SELECT age_recipient FROM trusted_device").fetchone()[0] == recipient
    sup2.lock()
    # the key survives locking and reopening (it is derived from the stored device key)
    path = world.field.path
    world.field.lock()
    world.field = open_vault(path)
    assert keys.device_receipt_recipient(world.field) == recipient


def test_an_older_bundle_arriving_late_fits_the_anchor(world: World) -> None:
    """Sequence rules may accept an older unseen bundle after a newer one:
    its chain is then a prefix of the stored one and shorter, which the anchor accepts; the
    same chain claimed by a newer bundle number is refused."""
    iid = populate(world.field)
    first = verify_bundle(world.export(iid, name="1.age").path, world.identity).manifest
    second = world.export(iid, name="2.age")
    import_bundle(world.sup, second.path, world.identity, role="supervisor")
    anchor.check_device(world.sup.conn, first)  # older, shorter, a prefix: fits
    # the same (shorter) chain as if from a later bundle
    first.body = dataclasses.replace(first.body, sequence=3)
    with pytest.raises(BundleRejected, match="audit entries were removed"):
        anchor.check_device(world.sup.conn, first)


def test_malformed_chain_file_is_refused(world: World, tmp_path: Path) -> None:
    iid = populate(world.field)
    plain = decrypt(world, world.export(iid).path.read_bytes())

    def garble(entries: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
        # same size, but upper-case hex and one line without its newline
        return [(name, data.upper()[:-66] + b"x" + data[-65:] if name == AUDIT_CHAIN else data)
                for name, data in entries]

    bad = forge(world, plain, entries_fn=garble)
    refused_unchanged(world, write(tmp_path / "m.age", encrypt(
        bad, world.identity.public.age_recipient)), "its audit chain is malformed")
