"""Issue 13 parts 1 and 5, as attacks: a stolen but still pinned laptop writing into another
laptop's interviews, references leaving a bundle's interviews, placeholders filled by the wrong
bytes, audio conflicts, receipts for unreconciled interviews, and the sequence chain (bundles
out of order, a stolen key skipping a number). Every refusal leaves the supervisor vault
byte-identical."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import uuid
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from app.bundles import keys
from app.bundles.errors import BundleRejected
from app.bundles.importer import ImportResult, import_bundle, is_suspicious
from app.bundles.receipts import (
    apply_receipt,
    make_receipt,
    purge_acknowledged,
    receipt_interviews,
)
from app.interviews import add_interview, update_interview
from crypto import minisign
from storage.blobs import copy_to
from storage.jsonutil import canonical_json
from storage.vault import Vault
from tests.archive_support import BOTH_BACKENDS, make_archive, sup_audio
from tests.bundle_forge import Entries, build_tar, decrypt, encrypt, forge, split_tar, write
from tests.bundle_helpers import World, make_world, new_vault, open_vault, populate

AUDIO_A = b"RIFF genuine recording of laptop A " * 300
FORGED = b"RIFF forged bytes from laptop B " * 300
SECOND = b"RIFF a second recording B claims " * 200


@pytest.fixture
def w(tmp_path: Path, backend: str, request: pytest.FixtureRequest) -> Iterator[World]:
    world = make_world(tmp_path)
    if backend == "archive":
        make_archive(world, request)
    yield world
    world.field.lock()
    world.sup.lock()


def laptop(w: World, name: str) -> Vault:
    """Another field laptop, trusting the supervisor and pinned by the supervisor."""
    other = new_vault(w.tmp / name)
    keys.trust_supervisor(other, w.identity.public, role="interviewer")
    dev = other.device()
    keys.trust_device(w.sup, keys.DevicePublic(dev.id, dev.public_key), role="supervisor")
    return other


def imp(w: World, path: Path) -> ImportResult:
    return import_bundle(w.sup, path, w.identity, role="supervisor")


def refused(w: World, path: Path, *needles: str) -> str:
    before = w.sup_digest()
    with pytest.raises(BundleRejected) as info:
        imp(w, path)
    message = str(info.value)
    assert message.startswith("The bundle was refused: ") and message.endswith(
        "nothing was changed.") and "\n" not in message
    for needle in needles:
        assert needle in message, message
    assert w.sup_digest() == before, "a refused bundle changed the supervisor vault"
    return message


def sealed(w: World, plain: bytes, name: str = "forged.age") -> Path:
    return write(w.tmp / name, encrypt(plain, w.identity.public.age_recipient))


def plain_of(w: World, path: Path) -> bytes:
    return decrypt(w, path.read_bytes())


def signed_as(w: World, signer: Vault, plain: bytes, *,
              entries_fn: Callable[[Entries], Entries] | None = None,
              manifest_fn: Callable[[dict[str, Any]], None] | None = None) -> bytes:
    """``plain`` re-signed by ``signer`` (its device.pub, its id, its first bundle number)."""
    dev = signer.device()
    pub = minisign.public_key_file(
        dev.public_key, f"testimony device {dev.id} minisign public key "
        f"{minisign.key_id_hex(dev.public_key)}").encode("ascii")
    swapped = build_tar([("device.pub", pub), *split_tar(plain)[1:]])

    def manifest(m: dict[str, Any]) -> None:
        m["device"] = {"id": dev.id, "fingerprint": dev.fingerprint,
                       "minisign": minisign.public_key_line(dev.public_key),
                       "age_recipient": keys.device_receipt_recipient(signer)}
        m.update(sequence=1, previous_manifest_sha256=None, bundle_id=str(uuid.uuid4()))
        if manifest_fn is not None:
            manifest_fn(m)

    return forge(replace(w, field=signer), swapped, entries_fn=entries_fn, manifest_fn=manifest)


def rows(entries: Entries, table: str) -> list[dict[str, Any]]:
    for name, data in entries:
        if name == f"tables/{table}.jsonl":
            return [json.loads(line) for line in data.splitlines()]
    return []


def set_rows(entries: Entries, table: str, new: list[dict[str, Any]]) -> Entries:
    name = f"tables/{table}.jsonl"
    data = b"".join(canonical_json(r) + b"\n" for r in new)
    if any(n == name for n, _ in entries):
        return [(n, data if n == name else d) for n, d in entries]
    return [*entries[:-1], (name, data), entries[-1]]  # before the audit file


def set_audio(entries: Entries, blob_id: str, data: bytes) -> Entries:
    name = f"audio/{blob_id}.bin"
    if any(n == name for n, _ in entries):
        return [(n, data if n == name else d) for n, d in entries]
    return [(name, data), *entries]


def audio_kind(blob_id: str, kind: str, extra: list[str] = ()) -> Callable[[dict[str, Any]], None]:  # type: ignore[assignment]
    def fn(m: dict[str, Any]) -> None:
        for a in m["audio"]:
            if a["blob_id"] == blob_id:
                a["kind"] = kind
        for new_id in extra:
            m["audio"].append({"blob_id": new_id, "kind": "audio", "state": "complete",
                               "created_at": "2026-11-28T12:00:00+00:00",
                               "completed_at": "2026-11-28T12:00:00+00:00"})
    return fn


def blob_bytes(vault: Vault, blob_id: str) -> bytes:
    buf = io.BytesIO()
    copy_to(vault.conn, blob_id, buf)
    return buf.getvalue()


def the_attack(w: World, b: Vault, share_plain: bytes) -> bytes:
    """Laptop B's signed bundle listing laptop A's interview: a new segment, a revision of A's
    segment, an event, a second recording, and forged bytes for A's withheld placeholder."""
    entries = split_tar(share_plain)[4:]
    segment = rows(entries, "segment")[0]
    asset = rows(entries, "audio_asset")[0]
    placeholder = asset["blob_id"]
    second_blob = str(uuid.uuid4())

    def change(es: Entries) -> Entries:
        new_seg = {**segment, "id": str(uuid.uuid4()), "idx": 7, "text": "forged words"}
        es = set_rows(es, "segment", [*rows(es, "segment"), new_seg])
        revision = {"id": str(uuid.uuid4()), "segment_id": segment["id"],
                    "interview_id": segment["interview_id"], "rev": 1, "kind": "edit",
                    "text": "he said nothing of the ministry", "reason": "correction",
                    "created_at": "2026-11-29T00:00:00+00:00", "created_by": "interviewer"}
        es = set_rows(es, "segment_revision", [*rows(es, "segment_revision"), revision])
        event = {**rows(es, "event")[0], "id": str(uuid.uuid4()), "place": "nowhere"}
        es = set_rows(es, "event", [*rows(es, "event"), event])
        second = {**asset, "id": str(uuid.uuid4()), "blob_id": second_blob,
                  "sha256": hashlib.sha256(SECOND).hexdigest()}
        # a consistent forgery: the placeholder's record now names the forged bytes' hash
        forged_asset = {**asset, "sha256": hashlib.sha256(FORGED).hexdigest()}
        es = set_rows(es, "audio_asset", [forged_asset, *rows(es, "audio_asset")[1:], second])
        es = set_audio(es, placeholder, FORGED)
        return set_audio(es, second_blob, SECOND)

    return signed_as(w, b, share_plain, entries_fn=change,
                     manifest_fn=audio_kind(placeholder, "audio", [second_blob]))


def test_stolen_laptop_cannot_write_into_another_laptops_interview(w: World) -> None:
    """The issue's attack: A's share bundle was imported, B (pinned, stolen) signs a bundle
    listing A's interview. It must be refused; A's archive bundle then arrives whole, its
    audio is kept, and nothing unreconciled is acknowledged for purging."""
    iid = populate(w.field, "NK-2026-118", audio=AUDIO_A)
    b = laptop(w, "laptop-b")
    try:
        share = w.export(iid, name="share.age", profile="share")
        imp(w, share.path)
        attack = sealed(w, the_attack(w, b, plain_of(w, share.path)))
        message = refused(w, attack, b.device().id, "NK-2026-118", w.field.device().id)
        assert "belongs to device" in message
    finally:
        b.lock()
    archive = w.export(iid, name="archive.age")
    result = imp(w, archive.path)
    (blob_id,) = [r[0] for r in w.sup.conn.execute("SELECT id FROM blob")]
    assert blob_bytes(w.sup, blob_id) == AUDIO_A
    texts = [r[0] for r in w.sup.conn.execute("SELECT text FROM segment")]
    assert "forged words" not in texts and len(texts) == 3
    assert w.sup.conn.execute("SELECT count(*) FROM segment_revision").fetchone()[0] == 0
    # the archive's unblanked names differ from the share's blanked ones: conflicts, so the
    # interview stays on the laptop until the supervisor has reconciled them
    assert result.conflicted_interviews == [iid]
    applied = apply_receipt(w.field, make_receipt(w.identity, result), role="interviewer")
    assert applied.acknowledged == []
    assert purge_acknowledged(w.field, role="interviewer").purged == []
    assert w.field.conn.execute("SELECT count(*) FROM interview").fetchone()[0] == 1


@BOTH_BACKENDS
def test_first_device_to_deliver_an_interview_owns_it(w: World) -> None:
    """If B's forgery arrives first it owns the interview here; A's genuine bundle is refused
    with a sentence naming both devices, so no receipt lets A purge its only genuine copy."""
    iid = populate(w.field, "NK-2026-119", audio=AUDIO_A)
    share = w.export(iid, name="share.age", profile="share")
    b = laptop(w, "laptop-b")
    try:
        forged = imp(w, sealed(w, the_attack(w, b, plain_of(w, share.path))))
        b_id = b.device().id
    finally:
        b.lock()
    assert not forged.replay
    owner = w.sup.conn.execute("SELECT device_id FROM interview_owner WHERE interview_id = ?",
                               (iid,)).fetchone()[0]
    assert owner == b_id
    archive = w.export(iid, name="archive.age")
    message = refused(w, archive.path, "NK-2026-119", b_id, w.field.device().id)
    assert "belongs to device " + b_id in message
    assert purge_acknowledged(w.field, role="interviewer").purged == []


@BOTH_BACKENDS
def test_supervisor_gives_a_forged_first_interview_back_to_its_genuine_laptop(
        w: World, capsys: pytest.CaptureFixture[str]) -> None:
    """The forgery arrived first (above). After checking in person which laptop recorded the
    interview, the supervisor moves it to laptop A: A's genuine bundle then imports, its audio
    kept beside the forged bytes, nothing deleted, the interview kept out of receipts until
    reviewed, the decision audited, and B's bundle for it is now the one refused."""
    from types import SimpleNamespace

    from app.bundles.conflicts import owner_changes, reassign_owner
    from app.errors import UsageError
    from cli.bundle_cmds import cmd_conflicts_reassign
    from storage import audit

    iid = populate(w.field, "NK-2026-123", audio=AUDIO_A)
    share = w.export(iid, name="share.age", profile="share")
    b = laptop(w, "laptop-b")
    try:
        forged = sealed(w, the_attack(w, b, plain_of(w, share.path)))
        imp(w, forged)
        b_id = b.device().id
    finally:
        b.lock()
    a_id = w.field.device().id
    archive = w.export(iid, name="archive.age")
    refused(w, archive.path, "belongs to device " + b_id)
    for bad, match in (((iid, "0" * 16, "seen in person"), "is not pinned"),
                       ((iid, b_id, "seen in person"), "already belongs to device"),
                       ((iid, a_id, "  "), "Give the reason"),
                       (("NK-NOPE", a_id, "seen in person"), "no interview NK-NOPE")):
        with pytest.raises(UsageError, match=match):
            reassign_owner(w.sup, bad[0], bad[1], role="supervisor", reason=bad[2])
    assert owner_changes(w.sup) == []
    ctx = SimpleNamespace(store=lambda: w.sup, role="supervisor")
    args = SimpleNamespace(interview="NK-2026-123", device=a_id,
                           reason="laptop A's recording played back in person")
    assert cmd_conflicts_reassign(ctx, args) == 0  # type: ignore[arg-type]
    assert f"now belongs to device {a_id} (was {b_id})" in capsys.readouterr().out
    (change,) = owner_changes(w.sup)
    assert (change.from_device, change.to_device, change.interview_id) == (b_id, a_id, iid)
    assert owner_changes(w.sup, iid) == [change] and change.reason.startswith("laptop A's")
    owner = w.sup.conn.execute("SELECT device_id FROM interview_owner WHERE interview_id = ?",
                               (iid,)).fetchone()[0]
    assert owner == a_id
    (entry,) = [e for e in audit.entries(w.sup.conn) if e.action == "reassign"]
    assert entry.object_id == iid and "played back" not in json.dumps(entry.details)

    result = imp(w, archive.path)
    # both versions kept: the forged rows and bytes stay, A's recording arrives beside them
    texts = [r[0] for r in w.sup.conn.execute("SELECT text FROM segment")]
    assert "forged words" in texts
    stored = {sup_audio(w, r[0]) for r in w.sup.conn.execute("SELECT id FROM blob")}
    assert {AUDIO_A, FORGED, SECOND} <= stored
    assert result.conflicted_interviews == [iid]
    applied = apply_receipt(w.field, make_receipt(w.identity, result), role="interviewer")
    assert applied.acknowledged == []
    assert purge_acknowledged(w.field, role="interviewer").purged == []
    refused(w, forged, "belongs to device " + a_id)


def test_forged_placeholder_bytes_are_refused_even_from_the_owner(w: World) -> None:
    iid = populate(w.field, "NK-2026-120", audio=AUDIO_A)
    share = w.export(iid, name="share.age", profile="share")
    imp(w, share.path)
    # the owner's genuine next share bundle (a longer audit chain, as the anchor requires)
    plain = plain_of(w, w.export(iid, name="share2.age", profile="share").path)
    placeholder = rows(split_tar(plain)[4:], "audio_asset")[0]["blob_id"]
    wrong = forge(w, plain, entries_fn=lambda es: set_audio(es, placeholder, FORGED),
                  manifest_fn=audio_kind(placeholder, "audio"))
    refused(w, sealed(w, wrong), "does not match the SHA-256 recorded")


def test_references_must_stay_inside_the_bundles_interviews(w: World) -> None:
    """B lists only its own interview, but its rows point into A's interview."""
    a_iid = populate(w.field, "NK-2026-121", audio=AUDIO_A)
    imp(w, w.export(a_iid, name="a.age").path)
    sup = w.sup.conn
    a_asset, a_blob = sup.execute("SELECT id, blob_id FROM audio_asset").fetchone()
    a_event = sup.execute("SELECT id FROM event").fetchone()[0]
    a_segment = sup.execute("SELECT id FROM segment ORDER BY id LIMIT 1").fetchone()[0]
    a_transcript = sup.execute("SELECT id FROM transcript ORDER BY id LIMIT 1").fetchone()[0]
    local = add_interview(w.sup, code="NK-2026-174", role="supervisor",
                          consent_scopes=["archive"])
    b = laptop(w, "laptop-b")
    try:
        b_iid = populate(b, "NK-2026-126", audio=SECOND)
        b_plain = decrypt(w, export_from(w, b, b_iid).read_bytes())

        def first_row(table: str, **change: Any) -> Callable[[Entries], Entries]:
            def fn(es: Entries) -> Entries:
                old = rows(es, table)
                return set_rows(es, table, [{**old[0], **change}, *old[1:]])
            return fn

        def event_tag(es: Entries) -> Entries:
            tag = rows(es, "tag")[0]["id"]
            return set_rows(es, "event_tag", [{"id": str(uuid.uuid4()), "tag_id": tag,
                                               "event_id": a_event}])

        attacks: list[tuple[Callable[[Entries], Entries], str]] = [
            (first_row("segment", asset_id=a_asset), "another interview"),
            (first_row("segment", transcript_id=a_transcript), "another interview"),
            (event_tag, "another interview"),
            (first_row("audio_asset", blob_id=a_blob), "does not belong only to the interviews"),
            (first_row("segment", id=a_segment), "belongs to another interview"),
        ]
        forged = [signed_as(w, b, b_plain, entries_fn=fn) for fn, _ in attacks]
        onto_local = signed_as(w, b, b_plain, manifest_fn=lambda m: m["interviews"].append(
            {"id": local, "code": "NK-2026-174", "digest": "0" * 64}))
        b_id = b.device().id
    finally:
        b.lock()
    for plain, (_, needle) in zip(forged, attacks, strict=True):
        refused(w, sealed(w, plain), needle)
    refused(w, sealed(w, onto_local), "created in this vault", b_id)
    # B's own, untouched bundle still imports: the checks do not get in the way of real data
    genuine = imp(w, sealed(w, b_plain))
    assert genuine.inserted > 0 and not genuine.conflicts


def export_from(w: World, vault: Vault, iid: str) -> Path:
    from app.bundles.export import export_bundle

    return export_bundle(vault, [iid], recipients=[w.identity.public],
                         out=w.tmp / f"{uuid.uuid4()}.age", role="interviewer").path


def test_conflicting_audio_is_kept_and_its_interview_left_out_of_the_receipt(w: World) -> None:
    iid = populate(w.field, "NK-2026-122", audio=AUDIO_A)
    first = w.export(iid, name="1.age")
    imp(w, first.path)
    # the laptop's genuine bundle 2 (a longer audit chain), its audio bytes swapped
    plain = plain_of(w, w.export(iid, name="2.age").path)
    blob_id = rows(split_tar(plain)[4:], "audio_asset")[0]["blob_id"]
    other = forge(w, plain, entries_fn=lambda es: set_audio(es, blob_id, FORGED))
    result = imp(w, sealed(w, other))
    assert blob_bytes(w.sup, blob_id) == AUDIO_A  # the vault's recording is untouched
    kept = w.sup.conn.execute("SELECT blob_id, interview_id, incoming FROM import_conflict "
                              "WHERE table_name = 'blob'").fetchall()
    assert len(kept) == 1 and kept[0][1] == iid
    assert blob_bytes(w.sup, kept[0][0]) == FORGED  # ... and the incoming one is kept too
    assert json.loads(kept[0][2])["sha256"] == hashlib.sha256(FORGED).hexdigest()
    assert ("blob", json.dumps({"id": blob_id, "kept_as_blob": kept[0][0]})) in result.conflicts
    assert result.conflicted_interviews == [iid]
    assert receipt_interviews(result) == []
    # importing the same conflicting audio again does not pile up copies
    plain3 = plain_of(w, w.export(iid, name="3.age").path)
    again = forge(w, plain3, entries_fn=lambda es: set_audio(es, blob_id, FORGED),
                  manifest_fn=lambda m: m.update(
                      previous_manifest_sha256=hashlib.sha256(split_tar(other)[1][1])
                      .hexdigest()))
    assert imp(w, sealed(w, again, "again.age")).conflicted_interviews == [iid]
    assert w.sup.conn.execute("SELECT count(*) FROM blob").fetchone()[0] == 2


def test_purge_keeps_an_interview_with_an_unreconciled_conflict(w: World) -> None:
    x = populate(w.field, "NK-2026-178")
    y = populate(w.field, "NK-2026-179")
    imp(w, w.export(x, y, name="1.age").path)
    update_interview(w.field, x, role="interviewer", notes="edited on the laptop")
    result = imp(w, w.export(x, y, name="2.age").path)
    assert [t for t, _ in result.conflicts] == ["interview"]
    assert result.conflicted_interviews == [x]
    applied = apply_receipt(w.field, make_receipt(w.identity, result), role="interviewer")
    assert applied.acknowledged == [y]
    purged = purge_acknowledged(w.field, role="interviewer")
    assert purged.purged == ["NK-2026-179"]
    codes = [r[0] for r in w.field.conn.execute("SELECT code FROM interview")]
    assert codes == ["NK-2026-178"]


def test_import_command_names_the_interviews_left_out_of_the_receipt(
        w: World, capsys: pytest.CaptureFixture[str]) -> None:
    from types import SimpleNamespace

    from cli.bundle_cmds import cmd_import

    x = populate(w.field, "NK-2026-178")
    y = populate(w.field, "NK-2026-179")
    imp(w, w.export(x, y, name="1.age").path)
    update_interview(w.field, x, role="interviewer", notes="edited on the laptop")
    bundle = w.export(x, y, name="2.age").path
    ctx = SimpleNamespace(vault=lambda: w.sup, role="supervisor", archive_url=None)
    receipt_file = w.tmp / "receipt.age"
    args = SimpleNamespace(identity=str(w.key_file), file=str(bundle), receipt=str(receipt_file))
    assert cmd_import(ctx, args) == 0  # type: ignore[arg-type]
    out = capsys.readouterr().out
    assert "conflict kept for review: interview" in out
    (line,) = [ln for ln in out.splitlines() if ln.startswith("Left out of the receipt")]
    assert line.endswith(": NK-2026-178")
    receipt = apply_receipt(w.field, receipt_file.read_bytes(), role="interviewer")
    assert receipt.acknowledged == [y]


# --- part 5: sequence ---------------------------------------------------------------------

def chains(w: World) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for seq, chain in w.sup.conn.execute("SELECT seq, chain FROM bundle_import ORDER BY seq, "
                                         "bundle_id"):
        out.setdefault(int(seq), []).append(str(chain))
    return {seq: sorted(found) for seq, found in out.items()}


@BOTH_BACKENDS
def test_bundles_arriving_in_reverse_order_are_all_accepted(w: World) -> None:
    iid = populate(w.field)
    bundles = [w.export(iid, name=f"{n}.age") for n in (1, 2, 3)]
    third = imp(w, bundles[2].path)
    assert any("1 to 2" in str(m) for m in third.warnings)
    second = imp(w, bundles[1].path)
    assert not any(is_suspicious(m) for m in second.warnings)  # 3 follows it
    first = imp(w, bundles[0].path)
    assert first.warnings == [] and not first.replay
    assert chains(w) == {1: ["anchored"], 2: ["anchored"], 3: ["anchored"]}
    assert imp(w, bundles[0].path).replay


def stolen_image(w: World) -> Vault:
    """A copy of the field laptop's vault (same device key, same audit chain so far)."""
    path = w.field.path
    w.field.lock()
    shutil.copytree(path, w.tmp / "stolen-image")
    w.field = open_vault(path)
    return open_vault(w.tmp / "stolen-image")


@BOTH_BACKENDS
def test_stolen_key_skipping_a_number_cannot_block_the_laptops_next_bundles(w: World) -> None:
    iid = populate(w.field)
    one = w.export(iid, name="1.age")
    imp(w, one.path)
    # the thief works from an image of the laptop: a real, longer audit chain (so the audit
    # anchor accepts it) in a bundle re-numbered 3 with a parent the supervisor never saw
    stolen = stolen_image(w)
    try:
        update_interview(stolen, iid, role="interviewer", notes="the thief's edit")
        from app.bundles.export import export_bundle

        image_bundle = export_bundle(stolen, [iid], recipients=[w.identity.public],
                                     out=w.tmp / "image.age", role="interviewer").path
    finally:
        stolen.lock()
    forged_id = str(uuid.uuid4())
    forged = forge(w, plain_of(w, image_bundle), manifest_fn=lambda m: m.update(
        sequence=3, bundle_id=forged_id, previous_manifest_sha256="ab" * 32))
    warned = imp(w, sealed(w, forged))
    (warning,) = warned.warnings
    assert is_suspicious(warning) and forged_id in str(warning)
    assert one.bundle_id in str(warning) and "2 to 2" in str(warning)
    two = w.export(iid, name="2.age")
    after_two = imp(w, two.path)
    assert any(forged_id in str(m) and two.bundle_id in str(m) for m in after_two.warnings)
    three = w.export(iid, name="3.age")
    after_three = imp(w, three.path)  # was refused as a "fork" of the forged bundle 3
    assert any(forged_id in str(m) and three.bundle_id in str(m) for m in after_three.warnings)
    four = imp(w, w.export(iid, name="4.age").path)
    assert four.warnings == []
    assert chains(w) == {1: ["anchored"], 2: ["anchored"],
                         3: ["anchored", "unanchored"], 4: ["anchored"]}


@BOTH_BACKENDS
def test_previous_manifest_is_checked_against_every_known_manifest(w: World) -> None:
    iid = populate(w.field)
    one = w.export(iid, name="1.age")
    two = w.export(iid, name="2.age")
    imp(w, one.path)
    imp(w, two.path)
    # number 5 claiming to follow bundle 1 (a known manifest that is not number 4)
    wrong = forge(w, plain_of(w, two.path), manifest_fn=lambda m: m.update(
        sequence=5, bundle_id=str(uuid.uuid4()), previous_manifest_sha256=one.manifest_sha256))
    refused(w, sealed(w, wrong), "fork", one.bundle_id)
    # an anchored chain still refuses a fork: a second bundle 2, and a 3 not following 2
    fork = forge(w, plain_of(w, two.path), manifest_fn=lambda m: m.update(
        purpose="court", bundle_id=str(uuid.uuid4())))
    refused(w, sealed(w, fork), "fork", two.bundle_id)
    off = forge(w, plain_of(w, two.path), manifest_fn=lambda m: m.update(
        sequence=3, bundle_id=str(uuid.uuid4()), previous_manifest_sha256="0" * 64))
    refused(w, sealed(w, off), "fork")
    # a first bundle that names a parent, and a later one naming none
    orphan = forge(w, plain_of(w, two.path), manifest_fn=lambda m: m.update(
        sequence=3, bundle_id=str(uuid.uuid4()), previous_manifest_sha256=None))
    refused(w, sealed(w, orphan), "chain is broken")


@BOTH_BACKENDS
def test_forks_among_unanchored_bundles_are_reported_not_refused(w: World) -> None:
    """Without bundle 1 nothing is anchored: two different bundles 2 are both kept and both
    named; when bundle 1 arrives and both fit, that is reported too."""
    iid = populate(w.field)
    one = w.export(iid, name="1.age")
    two = w.export(iid, name="2.age")
    imp(w, two.path)
    twin_id = str(uuid.uuid4())
    twin = forge(w, plain_of(w, two.path), manifest_fn=lambda m: m.update(
        bundle_id=twin_id, purpose="court"))
    result = imp(w, sealed(w, twin))
    assert any(twin_id in str(m) and two.bundle_id in str(m) for m in result.warnings)
    first = imp(w, one.path)
    assert any("two bundles numbered 2" in str(m) and twin_id in str(m) for m in first.warnings)


def test_migration_rebuilds_owners_from_the_audit_log() -> None:
    """A vault upgraded to schema 53: the first device that delivered an interview owns it;
    earlier conflicts learn their interview; earlier imports count as anchored."""
    import sqlcipher3

    from storage.migrations import migrate

    conn = sqlcipher3.connect(":memory:", isolation_level=None)
    migrate(conn, target=52)
    for seq, (bundle, device, interviews) in enumerate(
            [("b1", "dev-a", ["i1", "i2"]), ("b2", "dev-b", ["i2", "i3"])], start=1):
        details = json.dumps({"device_id": device, "interviews": interviews})
        conn.execute("INSERT INTO audit_log(seq, id, at, role, action, object_type, object_id, "
                     "details, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?)",
                     (seq, f"e{seq}", f"t{seq}", "supervisor", "import", "bundle", bundle,
                      details, "", ""))
        conn.execute("INSERT INTO bundle_import(bundle_id, device_id, seq, manifest_sha256, "
                     "inserted, skipped, conflicts, imported_at, imported_by) VALUES "
                     "(?,?,1,?,0,0,0,'t','supervisor')", (bundle, device, bundle * 32))
    conn.execute("INSERT INTO import_conflict(id, bundle_id, table_name, row_key, incoming, "
                 "created_at) VALUES ('c1', 'b2', 'segment', '{}', ?, 't')",
                 (json.dumps({"id": "s1", "interview_id": "i2"}),))
    migrate(conn)
    owners = dict(conn.execute("SELECT interview_id, device_id FROM interview_owner").fetchall())
    assert owners == {"i1": "dev-a", "i2": "dev-a", "i3": "dev-b"}
    assert conn.execute("SELECT interview_id FROM import_conflict").fetchone()[0] == "i2"
    assert {r[0] for r in conn.execute("SELECT chain FROM bundle_import")} == {"anchored"}


@BOTH_BACKENDS
def test_resolving_conflicts_lets_the_next_receipt_acknowledge_the_interview(
        w: World, capsys: pytest.CaptureFixture[str]) -> None:
    from types import SimpleNamespace

    from app.bundles.conflicts import list_conflicts, resolve_conflict
    from app.errors import UsageError
    from cli.bundle_cmds import cmd_conflicts_list
    from storage import audit

    x = populate(w.field, "NK-2026-178")
    imp(w, w.export(x, name="1.age").path)
    update_interview(w.field, x, role="interviewer", notes="edited on the laptop")
    second = w.export(x, name="2.age")
    assert imp(w, second.path).conflicted_interviews == [x]
    ctx = SimpleNamespace(store=lambda: w.sup, role="supervisor")
    assert cmd_conflicts_list(ctx, SimpleNamespace(all=False, json=False)) == 0  # type: ignore[arg-type]
    out = capsys.readouterr().out
    assert "NK-2026-178  interview" in out and second.bundle_id in out
    assert out.rstrip().endswith("1 unresolved conflicts.")
    (conflict,) = list_conflicts(w.sup)
    assert conflict.interview_id == x and conflict.device_id == w.field.device().id
    with pytest.raises(UsageError, match="no conflict"):
        resolve_conflict(w.sup, "nope", role="supervisor")
    resolve_conflict(w.sup, conflict.id, role="supervisor")
    with pytest.raises(UsageError, match="already marked resolved"):
        resolve_conflict(w.sup, conflict.id, role="supervisor")
    assert list_conflicts(w.sup) == []
    assert [c.id for c in list_conflicts(w.sup, include_resolved=True)] == [conflict.id]
    assert "resolve" in [e.action for e in audit.entries(w.sup.conn)]
    again = imp(w, second.path)
    assert again.replay and again.conflicted_interviews == []
    applied = apply_receipt(w.field, make_receipt(w.identity, again), role="interviewer")
    assert applied.acknowledged == [x]
    assert purge_acknowledged(w.field, role="interviewer").purged == ["NK-2026-178"]
