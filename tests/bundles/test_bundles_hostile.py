"""The importer treats every bundle as hostile: each attack is refused with one clear sentence
and the supervisor's vault folder is byte-identical afterwards."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from app.bundles import keys
from app.bundles.errors import BundleRejected
from app.bundles.export import export_bundle
from app.bundles.importer import import_bundle, verify_bundle
from app.interviews import add_interview
from cli.bundle_report import report_json, report_lines
from crypto.agefile import check_header
from crypto.signing import new_signing_key
from tests.archive_support import archive_database
from tests.bundle_forge import (
    SCRYPT_STANZA,
    build_tar,
    decrypt,
    encrypt,
    encrypt_with_stanzas,
    forge,
    header_offsets,
    raw_header,
    split_tar,
    write,
)
from tests.bundle_helpers import World, make_world, populate

AGE_CHUNK = 64 * 1024 + 16


# Byte-level fuzzing of the container is refused while reading, before any backend is written:
# run once (against the vault); every other attack also runs with the archive as supervisor.
VAULT_ONLY = pytest.mark.parametrize("world", ["vault"], indirect=True)


@pytest.fixture(scope="module", params=["vault", "archive"])
def world(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
          ) -> Iterator[World]:
    w = make_world(tmp_path_factory.mktemp("hostile"))
    if request.param == "archive":  # the supervisor side in PostgreSQL (tests/pg_support.py)
        archive_database(w, request)
    # audio larger than three age chunks, so chunk boundaries and reordering can be tested
    w.iid = populate(w.field, audio=bytes(range(251)) * 1000)  # type: ignore[attr-defined]
    w.good = w.export(w.iid, name="good.age").path  # type: ignore[attr-defined]
    w.plain = decrypt(w, w.good.read_bytes())  # type: ignore[attr-defined]
    yield w
    w.field.lock()
    w.sup.lock()


def refused(world: World, path: Path, identity: keys.SupervisorIdentity | None = None,
            match: str | None = None) -> str:
    with pytest.raises(BundleRejected) as info:
        import_bundle(world.sup, path, identity or world.identity, role="supervisor")
    message = str(info.value)
    assert message.startswith("The bundle was refused: ") and message.endswith(
        "nothing was changed.") and "\n" not in message
    if match:
        assert match in message
    return message


@pytest.fixture
def unchanged(world: World) -> Iterator[None]:
    before = world.sup_digest()
    yield
    assert world.sup_digest() == before, "a refused bundle changed the supervisor vault"


def test_good_bundle_verifies(world: World) -> None:
    assert verify_bundle(world.good, world.identity, vault=world.sup).pinned is True


@VAULT_ONLY
def test_every_age_header_byte_flipped(world: World, unchanged: None, tmp_path: Path) -> None:
    data = world.good.read_bytes()
    with open(world.good, "rb") as fh:
        header_len = check_header(fh)
    for i in range(header_len):
        bad = bytearray(data)
        bad[i] ^= 0x01
        refused(world, write(tmp_path / "f.age", bytes(bad)))


@VAULT_ONLY
def test_every_tar_header_byte_flipped(world: World, tmp_path: Path) -> None:
    """Every byte of every tar header (and of the end marker) flipped in an unencrypted bundle.

    Each variant is checked by the verifier (the same parser the importer runs first); every
    7th byte also goes through a full import, and the vault is compared before and after."""
    small = add_interview(world.field, code="NK-2026-171", role="interviewer",
                          consent_scopes=["archive"])
    plain_bundle = export_bundle(world.field, [small], recipients=[], out=tmp_path / "plain.tar",
                                 role="interviewer", unencrypted=True)
    plain = plain_bundle.path.read_bytes()
    offsets = header_offsets(plain)
    assert len(offsets) >= 9
    before = world.sup_digest()
    target = tmp_path / "f.tar"
    for off in offsets:
        for i in range(512):
            bad = bytearray(plain)
            bad[off + i] ^= 0x01
            target.write_bytes(bad)
            if i % 7 == 0:
                refused(world, target)
            else:
                with pytest.raises(BundleRejected):
                    verify_bundle(target, None)
    assert world.sup_digest() == before


@VAULT_ONLY
def test_tar_header_bytes_flipped_inside_encryption(world: World, unchanged: None,
                                                    tmp_path: Path) -> None:
    plain = world.plain  # type: ignore[attr-defined]
    offsets = header_offsets(plain)
    recipient = world.identity.public.age_recipient
    for off in offsets[:2] + offsets[-3:]:
        for i in range(0, 512, 11):
            bad = bytearray(plain)
            bad[off + i] ^= 0x80
            refused(world, write(tmp_path / "f.age", encrypt(bytes(bad), recipient)))


@VAULT_ONLY
def test_truncation_at_many_offsets_and_chunk_boundaries(world: World, unchanged: None,
                                                         tmp_path: Path) -> None:
    data = world.good.read_bytes()
    with open(world.good, "rb") as fh:
        h = check_header(fh)
    cuts = set(range(0, len(data), 7919))
    for k in range(4):
        cuts |= {h + k * AGE_CHUNK + d for d in (-1, 0, 1, 16, 17)}
    cuts |= {h - 1, len(data) - 1, len(data) - 16, len(data) - 17}
    for cut in sorted(c for c in cuts if 0 <= c < len(data)):
        refused(world, write(tmp_path / "t.age", data[:cut]))
    plain = world.plain  # type: ignore[attr-defined]
    recipient = world.identity.public.age_recipient
    for cut in [0, 1, 511, 512, 513, 1024, len(plain) - 1024, len(plain) - 512, len(plain) - 1]:
        refused(world, write(tmp_path / "t.age", encrypt(plain[:cut], recipient)))


def test_reordered_duplicated_and_dropped_age_chunks(world: World, unchanged: None,
                                                     tmp_path: Path) -> None:
    data = world.good.read_bytes()
    with open(world.good, "rb") as fh:
        h = check_header(fh)
    head, body = data[:h], data[h:]
    chunks = [body[i:i + AGE_CHUNK] for i in range(0, len(body), AGE_CHUNK)]
    assert len(chunks) >= 4
    variants = [
        [chunks[1], chunks[0], *chunks[2:]],
        [chunks[0], chunks[0], *chunks[1:]],
        [chunks[0], *chunks[2:]],
        [*chunks[:-2], chunks[-1], chunks[-2]],
        [*chunks, chunks[-1]],
    ]
    for variant in variants:
        refused(world, write(tmp_path / "c.age", head + b"".join(variant)))


def _reencrypted(world: World, plain: bytes, tmp_path: Path) -> Path:
    return write(tmp_path / "x.age", encrypt(plain, world.identity.public.age_recipient))


def test_reordered_and_duplicated_entries(world: World, unchanged: None, tmp_path: Path) -> None:
    entries = split_tar(world.plain)  # type: ignore[attr-defined]
    swapped = entries[:5] + [entries[6], entries[5]] + entries[7:]
    refused(world, _reencrypted(world, build_tar(swapped), tmp_path), match="order")
    duplicated = entries + [entries[-1]]
    refused(world, _reencrypted(world, build_tar(duplicated), tmp_path))
    sig_first = [entries[0], entries[2], entries[1], *entries[3:]]
    refused(world, _reencrypted(world, build_tar(sig_first), tmp_path), match="order")
    missing = entries[:-1]
    refused(world, _reencrypted(world, build_tar(missing), tmp_path), match="incomplete")


def test_wrong_recipient(world: World, unchanged: None, tmp_path: Path) -> None:
    _, stranger = keys.new_supervisor_key()
    refused(world, world.good, identity=stranger, match="cannot be decrypted")


def test_forwarded_bundle_is_refused(world: World, tmp_path: Path) -> None:
    text, other = keys.new_supervisor_key()
    forwarded = write(tmp_path / "fwd.age", encrypt(world.plain,  # type: ignore[attr-defined]
                                                    other.public.age_recipient))
    dev = world.field.device()
    keys.trust_device(world.sup, keys.DevicePublic(dev.id, dev.public_key), role="supervisor")
    before = world.sup_digest()
    message = refused(world, forwarded, identity=other, match="forwarded")
    assert "addressed to someone else" in message
    assert world.sup_digest() == before


def test_unpinned_signer(world: World, tmp_path: Path) -> None:
    stranger_vault_path = tmp_path / "stranger"
    from tests.bundle_helpers import new_vault

    stranger = new_vault(stranger_vault_path)
    try:
        keys.trust_supervisor(stranger, world.identity.public, role="interviewer")
        iid = populate(stranger, "NK-2026-173")
        bundle = export_bundle(stranger, [iid], recipients=[world.identity.public],
                               out=tmp_path / "s.age", role="interviewer")
    finally:
        stranger.lock()
    before = world.sup_digest()
    refused(world, bundle.path, match="not pinned")
    assert world.sup_digest() == before


def test_signature_must_cover_the_exact_manifest_bytes(world: World, unchanged: None,
                                                       tmp_path: Path) -> None:
    entries = split_tar(world.plain)  # type: ignore[attr-defined]
    name, manifest = entries[1]
    for change in (manifest.replace(b'"archive"', b'"court"', 1), manifest + b" ",
                   manifest.replace(b"{", b"{ ", 1)):
        forged = [entries[0], (name, change), *entries[2:]]
        refused(world, _reencrypted(world, build_tar(forged), tmp_path), match="signature")


def test_altered_content_file(world: World, unchanged: None, tmp_path: Path) -> None:
    entries = split_tar(world.plain)  # type: ignore[attr-defined]
    for i in (3, 4, 6, len(entries) - 1):
        name, data = entries[i]
        changed = bytearray(data)
        changed[len(changed) // 2] ^= 0x01
        forged = entries[:i] + [(name, bytes(changed))] + entries[i + 1:]
        refused(world, _reencrypted(world, build_tar(forged), tmp_path))


SIGNED_ATTACKS: dict[str, tuple[dict[str, Callable[..., object]], str]] = {
    "duplicate JSON key": ({"manifest_bytes_fn": lambda raw: raw.replace(
        b'"format":', b'"format":"x","format":', 1)}, "duplicate key"),
    "float in manifest": ({"manifest_fn": lambda m: m.update(sequence=1.5)}, "floats"),
    "NaN in manifest": ({"manifest_bytes_fn": lambda raw: raw.replace(
        b'"sequence":', b'"nan":NaN,"sequence":', 1)}, "NaN"),
    "huge integer": ({"manifest_bytes_fn": lambda raw: raw.replace(
        b'"sequence":', b'"big":' + b"9" * 40 + b',"sequence":', 1)}, "too large"),
    "dot-dot path in manifest": ({"manifest_fn": lambda m: m["files"].__setitem__(
        2, {**m["files"][2], "name": "../../etc/passwd"})}, "not allowed"),
    "absolute path in manifest": ({"manifest_fn": lambda m: m["files"].__setitem__(
        2, {**m["files"][2], "name": "/etc/passwd"})}, "not allowed"),
    "NUL in manifest name": ({"manifest_fn": lambda m: m["files"].__setitem__(
        2, {**m["files"][2], "name": "tables/a\u0000.jsonl"})}, "not allowed"),
    "very long name in manifest": ({"manifest_fn": lambda m: m["files"].__setitem__(
        2, {**m["files"][2], "name": "tables/" + "a" * 5000 + ".jsonl"})}, ""),
    "oversized file count": ({"manifest_fn": lambda m: m["files"].extend(
        {"name": f"tables/t{i}.jsonl", "size": 0, "sha256": "0" * 64}
        for i in range(100_001))}, "too many"),
    "oversized total": ({"manifest_fn": lambda m: m["files"].extend(
        {"name": f"tables/t{i}.jsonl", "size": 8 ** 11 - 1, "sha256": "0" * 64}
        for i in range(40))}, "over the limit"),
    "oversized single file": ({"manifest_fn": lambda m: m["files"].__setitem__(
        3, {**m["files"][3], "size": 8 ** 11})}, "oversized"),
    "declared size differs from entry": ({"manifest_fn": lambda m: m["files"].__setitem__(
        3, {**m["files"][3], "size": m["files"][3]["size"] + 1})}, "size"),
    "not addressed to us": ({"manifest_fn": lambda m: m.__setitem__("recipients", [])},
                            "forwarded"),
    "claims to be unencrypted": ({"manifest_fn": lambda m: m.__setitem__("encrypted", False)},
                                 "re-packaged"),
    "other device id": ({"manifest_fn": lambda m: m["device"].__setitem__(
        "id", str(uuid.uuid4()))}, "not pinned"),
    "injected trust table": ({"entries_fn": lambda es: es + [(
        "tables/trusted_device.jsonl", b'{"device_id":"x"}\n')]}, "does not accept"),
    "injected meta table": ({"entries_fn": lambda es: es + [(
        "tables/meta.jsonl", b'{"key":"vault_id","value":"x"}\n')]}, "does not accept"),
    "row for an unlisted interview": ({"entries_fn": lambda es: [
        (n, d + json.dumps({"id": "e", "interview_id": str(uuid.uuid4()), "act": "x",
                            "created_at": "t", "created_by": "c"}).encode() + b"\n"
         if n == "tables/event.jsonl" else d) for n, d in es]}, "does not list"),
    "duplicate key in a record": ({"entries_fn": lambda es: [
        (n, d.replace(b'{"', b'{"id":"x","', 1) if n == "tables/event.jsonl" else d)
        for n, d in es]}, "duplicate key"),
    "altered audit entry": ({"entries_fn": lambda es: [
        (n, d.replace(b'"role":"interviewer"', b'"role":"supervisor"', 1)
         if n == "audit/audit_log.jsonl" else d) for n, d in es]}, "audit entry"),
    "record without newline": ({"entries_fn": lambda es: [
        (n, d.rstrip(b"\n") if n == "tables/event.jsonl" else d) for n, d in es]}, "newline"),
}


@pytest.mark.parametrize("attack", sorted(SIGNED_ATTACKS))
def test_validly_signed_but_hostile_manifests(world: World, unchanged: None, tmp_path: Path,
                                             attack: str) -> None:
    kwargs, match = SIGNED_ATTACKS[attack]
    plain = forge(world, world.plain, **kwargs)  # type: ignore[arg-type, attr-defined]
    refused(world, _reencrypted(world, plain, tmp_path), match=match or None)


PATH_TRICKS = [
    raw_header(b"../../etc/passwd", 10),
    raw_header(b"/etc/passwd", 10),
    raw_header(b"tables/a\0b.jsonl", 10),
    raw_header(b"SHA256SUMS\0garbage", 10),
    raw_header(b"x" * 100, 10),
    raw_header(b"SHA256SUMS", 10, prefix=b"../.."),
    raw_header(b"SHA256SUMS", 10, typeflag=b"2"),
    raw_header(b"SHA256SUMS", 10, typeflag=b"L"),
    raw_header(b"SHA256SUMS", 10, typeflag=b"5"),
    raw_header("tables/ü.jsonl".encode(), 10),
]


@pytest.mark.parametrize("index", range(len(PATH_TRICKS)))
def test_path_tricks_in_tar_headers(world: World, unchanged: None, tmp_path: Path,
                                    index: int) -> None:
    entries = split_tar(world.plain)  # type: ignore[attr-defined]
    for position in (0, 3):
        name, data = entries[position]
        head = PATH_TRICKS[index]
        head = raw_header(head[:100].rstrip(b"\0"), len(data), typeflag=head[156:157],
                          prefix=head[345:500].rstrip(b"\0"))
        tar = build_tar(entries, raw_headers={position: head})
        refused(world, _reencrypted(world, tar, tmp_path), match="container")


def test_oversized_manifest_entry_is_refused_before_reading(world: World, unchanged: None,
                                                            tmp_path: Path) -> None:
    entries = split_tar(world.plain)  # type: ignore[attr-defined]
    from app.bundles import container

    head = container.header("manifest.json", 17 * 1024 * 1024)
    tar = entries[0]
    data = (container.header(tar[0], len(tar[1])) + tar[1] + container.padding(len(tar[1]))
            + head + b"{" * 1024)
    refused(world, _reencrypted(world, data, tmp_path), match="oversized")


def test_replay_rollback_and_fork_leave_the_vault_identical(tmp_path: Path) -> None:
    w = make_world(tmp_path)
    try:
        iid = populate(w.field)
        first = w.export(iid, name="1.age")
        second = w.export(iid, name="2.age")
        import_bundle(w.sup, first.path, w.identity, role="supervisor")
        import_bundle(w.sup, second.path, w.identity, role="supervisor")
        before = w.sup_digest()
        assert import_bundle(w.sup, second.path, w.identity, role="supervisor").replay
        assert import_bundle(w.sup, first.path, w.identity, role="supervisor").replay
        # rollback: an older number with other content than the accepted chain's
        older = forge(w, decrypt(w, first.path.read_bytes()),
                      manifest_fn=lambda m: m.update(purpose="court", bundle_id=str(uuid.uuid4())))
        refused(w, _reencrypted(w, older, tmp_path), match="fork")
        # same sequence number, different content: re-sign a changed copy of bundle 2
        forged = forge(w, decrypt(w, second.path.read_bytes()),
                       manifest_fn=lambda m: m.update(purpose="court"))
        refused(w, _reencrypted(w, forged, tmp_path), match="fork")
        # next number but not following the accepted bundle
        third = forge(w, decrypt(w, second.path.read_bytes()),
                      manifest_fn=lambda m: m.update(sequence=3, bundle_id=str(uuid.uuid4()),
                                                     previous_manifest_sha256="0" * 64))
        refused(w, _reencrypted(w, third, tmp_path), match="fork")
        assert w.sup_digest() == before
    finally:
        w.field.lock()
        w.sup.lock()


# ----------------------------------------------------------------- trust anchor
def _attacker_bundle(world: World, tmp_path: Path) -> Path:
    """A fresh attacker key (never pinned anywhere) re-signs the genuine bundle's content while
    claiming the pinned field device's id."""
    private, public = new_signing_key()
    plain = forge(world, world.plain, signer=(private, public))  # type: ignore[attr-defined]
    assert json.loads(split_tar(plain)[1][1])["device"]["id"] == world.field.device().id
    return _reencrypted(world, plain, tmp_path)


def _signer_file(world: World, tmp_path: Path) -> keys.DevicePublic:
    dev = world.field.device()
    text = keys.device_public_text(dev.id, dev.public_key)  # what 'device show' prints
    return keys.parse_device_public(text)


def test_attacker_key_claiming_a_pinned_device_is_not_valid_without_an_anchor(
        world: World, unchanged: None, tmp_path: Path) -> None:
    bundle = _attacker_bundle(world, tmp_path)
    report = verify_bundle(bundle, world.identity)  # integrity holds: it is self-consistent
    assert report.origin_checked is False and report.anchor is None
    assert report_json(report)["valid"] is False and report_json(report)["origin_checked"] is False
    assert any("ORIGIN NOT CHECKED" in line for line in report_lines(report))
    refused(world, bundle, match="not pinned")  # the vault anchor refuses it


def test_attacker_key_claiming_a_pinned_device_is_refused_with_signer(
        world: World, tmp_path: Path) -> None:
    bundle = _attacker_bundle(world, tmp_path)
    signer = _signer_file(world, tmp_path)
    with pytest.raises(BundleRejected) as info:
        verify_bundle(bundle, world.identity, signer=signer)
    message = str(info.value)
    assert "\n" not in message and message.endswith("nothing was changed.")
    assert "different key" in message and signer.fingerprint in message
    good = verify_bundle(world.good, world.identity,  # type: ignore[attr-defined]
                         signer=signer)
    assert good.origin_checked and report_json(good)["valid"] is True
    assert report_json(good)["anchor"] == "signer"


def test_signer_file_of_another_device_is_refused(world: World, tmp_path: Path) -> None:
    _private, public = new_signing_key()
    other = keys.DevicePublic(str(uuid.uuid4()), public)
    with pytest.raises(BundleRejected, match="not the device"):
        verify_bundle(world.good, world.identity, signer=other)  # type: ignore[attr-defined]


def test_forged_trusted_comment_is_refused(world: World, unchanged: None,
                                           tmp_path: Path) -> None:
    """The comment is authenticated by the global signature, but a signer could sign any
    comment: stock minisign prints it as authenticated, so it must say what the manifest says."""
    genuine = split_tar(world.plain)[2][1].split(b"\n")[2]  # type: ignore[attr-defined]
    assert genuine.startswith(b"trusted comment: testimony-bundle v1 bundle=")
    m = json.loads(split_tar(world.plain)[1][1])  # type: ignore[attr-defined]
    forged_comment = genuine[len(b"trusted comment: "):].decode().replace(
        f"seq={m['sequence']}", "seq=99")
    for comment in (forged_comment, forged_comment.replace("seq=99", f"seq={m['sequence']}")
                    + " ", "forged"):
        plain = forge(world, world.plain, comment=comment)  # type: ignore[attr-defined]
        refused(world, _reencrypted(world, plain, tmp_path), match="trusted comment")
    # the exact derived comment is accepted (forge's default)
    plain = forge(world, world.plain)  # type: ignore[attr-defined]
    verify_bundle(_reencrypted(world, plain, tmp_path), world.identity, vault=world.sup)


def test_age_header_mixing_scrypt_with_our_stanza_is_refused(world: World, unchanged: None,
                                                             tmp_path: Path) -> None:
    """The bundle is genuine and our X25519 stanza opens it, but its header also carries a
    passphrase (scrypt) stanza, which c2sp.org/age forbids alongside any other."""
    plain = world.plain  # type: ignore[attr-defined]
    recipient = world.identity.public.age_recipient
    mixed = write(tmp_path / "m.age", encrypt_with_stanzas(plain, recipient, [SCRYPT_STANZA]))
    refused(world, mixed, match="cannot be decrypted")
    assert verify_bundle(write(tmp_path / "ok.age", encrypt_with_stanzas(plain, recipient, [])),
                         world.identity, vault=world.sup).origin_checked
