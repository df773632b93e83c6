"""The export's steps, each run alone: choose, collect, plan, manifest, sign, stream, record,
and the audio reader that fetches chunks on several SQLCipher connections at once."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import tarfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.bundles import export
from app.bundles.errors import BundleError
from app.bundles.model import AUDIT, AUDIT_CHAIN, DEVICE_PUB, MANIFEST, SIGNATURE, SUMS
from app.bundles.streams import interleaved
from app.bundles.tables import interview_tables
from app.errors import UsageError
from app.interviews import withdraw_consent
from app.tasks import Cancelled, CancelToken
from crypto import minisign
from storage import blobs
from tests.bundle_helpers import NOW, World, add_audio, make_world, populate

AUDIO = bytes(range(256)) * 2600  # about 650 KiB: three blob chunks, the last one partial


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    w = make_world(tmp_path)
    yield w
    for v in (w.field, w.sup):
        if not v.is_locked:
            v.lock()


def _select(world: World, snap: object, ids: list[str], **kw: object) -> export.Selection:
    tables = {t.name: t for t in interview_tables(snap)}
    kw.setdefault("purpose", "archive")
    kw.setdefault("since_last", False)
    kw.setdefault("recipient_keys", [world.identity.public.age_recipient])
    return export.select_interviews(snap, tables, ids, **kw)  # type: ignore[arg-type]


# ------------------------------------------------------------------ choose and collect

def test_select_leaves_out_unconsented_interviews_unless_named(world: World) -> None:
    ok = populate(world.field, "NK-2026-113")
    no = populate(world.field, "NK-2026-114", scopes=("un",))
    snap = export.open_readers(world.field, 1)
    try:
        everything = _select(world, snap[0], [])
        assert [c for _, c, _ in everything.chosen] == ["NK-2026-113"]
        assert everything.chosen[0][0] == ok
        assert everything.skipped == ("Left out NK-2026-114: its consent does not cover 'archive'.",)
        with pytest.raises(UsageError, match="NK-2026-114 cannot be exported"):
            _select(world, snap[0], [no])
        named_twice = _select(world, snap[0], ["NK-2026-113", ok])
        assert [c for _, c, _ in named_twice.chosen] == ["NK-2026-113"]
    finally:
        export.close_readers(snap)


def test_select_names_withdrawn_consent(world: World) -> None:
    iid = populate(world.field, "NK-2026-113")
    withdraw_consent(world.field, iid, role="interviewer")
    snap = export.open_readers(world.field, 1)
    try:
        assert _select(world, snap[0], []).skipped == (
            "Left out NK-2026-113: its consent was withdrawn.",)
    finally:
        export.close_readers(snap)


def test_select_since_last_skips_what_this_recipient_already_has(world: World) -> None:
    populate(world.field, "NK-2026-113")
    world.export()
    snap = export.open_readers(world.field, 1)
    try:
        again = _select(world, snap[0], [], since_last=True)
        assert again.chosen == ()
        assert "unchanged since the last bundle" in again.skipped[0]
        other = _select(world, snap[0], [], since_last=True, recipient_keys=["age1other"])
        assert [c for _, c, _ in other.chosen] == ["NK-2026-113"]
    finally:
        export.close_readers(snap)


def test_plan_lists_audio_tables_and_audit_in_bundle_order(world: World) -> None:
    iid = populate(world.field, audio=AUDIO)
    readers = export.open_readers(world.field, 1)
    snap = readers[0]
    tables = interview_tables(snap)
    builder = export.collect(snap, tables, "archive", _select(world, snap, [iid]))
    contents = export.plan_contents(snap, builder, "archive")
    names = [e.name for e in contents.entries]
    assert names[0].startswith("audio/") and names[-2:] == [AUDIT_CHAIN, AUDIT]
    assert "tables/interview.jsonl" in names and "tables/segment.jsonl" in names
    audio = contents.entries[0]
    assert audio.data is None and audio.size == len(AUDIO)
    assert audio.sha256 == hashlib.sha256(AUDIO).hexdigest()
    assert contents.audio[0]["kind"] == "audio"
    assert contents.audit_chain["entries"] == len(
        (next(e for e in contents.entries if e.name == AUDIT_CHAIN).data or b"").splitlines())

    share = export.plan_contents(snap, export.collect(snap, tables, "share",
                                                      _select(world, snap, [iid])), "share")
    placeholder = share.entries[0]
    assert placeholder.data == b"" and placeholder.blob_id is None
    assert share.audio[0]["kind"] == "withheld-audio"
    assert "tables/interviewee.jsonl" not in [e.name for e in share.entries]
    export.close_readers(readers)


def test_plan_refuses_audio_still_being_recorded(world: World) -> None:
    iid = populate(world.field)
    writer = world.field.blob_writer(kind="audio", on_crash="keep")
    writer.write(b"\x00" * 1000)
    writer.commit()
    with world.field.transaction() as conn:
        conn.execute("INSERT INTO audio_asset(id, interview_id, blob_id, source, created_at, "
                     "created_by) VALUES ('rec', ?, ?, 'recording', ?, 'interviewer')",
                     (iid, writer.id, NOW.isoformat()))
    conns = export.open_readers(world.field, 1)
    try:
        tables = interview_tables(conns[0])
        builder = export.collect(conns[0], tables, "archive", _select(world, conns[0], [iid]))
        with pytest.raises(UsageError, match="still being recorded"):
            export.plan_contents(conns[0], builder, "archive")
    finally:
        export.close_readers(conns)
        with world.field.transaction() as conn:
            conn.execute("DELETE FROM audio_asset WHERE id = 'rec'")
        writer.abort()


# ------------------------------------------------------------------ head, manifest, signature

def test_head_sums_and_files_cover_every_entry(world: World) -> None:
    device = world.field.device()
    entries = [export.Entry("tables/x.jsonl", 3, hashlib.sha256(b"abc").hexdigest(),
                            data=b"abc")]
    head = export.plan_head(device.id, device.public_key, entries)
    assert [f["name"] for f in head.files] == [DEVICE_PUB, SUMS, "tables/x.jsonl"]
    assert head.sums.decode().splitlines() == [
        f"{hashlib.sha256(head.device_pub).hexdigest()}  {DEVICE_PUB}",
        f"{hashlib.sha256(b'abc').hexdigest()}  tables/x.jsonl"]
    assert head.files[1]["sha256"] == hashlib.sha256(head.sums).hexdigest()
    assert minisign.public_key_line(device.public_key) in head.device_pub.decode()


def test_manifest_chains_to_the_last_export_and_its_signature_verifies(world: World) -> None:
    iid = populate(world.field)
    first = world.export(iid)
    conns = export.open_readers(world.field, 1)
    try:
        snap = conns[0]
        tables = interview_tables(snap)
        selection = _select(world, snap, [iid])
        builder = export.collect(snap, tables, "archive", selection)
        contents = export.plan_contents(snap, builder, "archive")
        device = world.field.device()
        head = export.plan_head(device.id, device.public_key, contents.entries)
        manifest = export.build_manifest(
            world.field, snap, selection, builder, contents, head,
            recipients=[world.identity.public], role="interviewer", profile="archive",
            purpose="archive", unencrypted=False, now=dt.datetime(2026, 12, 1, tzinfo=dt.UTC))
    finally:
        export.close_readers(conns)
    assert manifest["sequence"] == 2
    assert manifest["previous_manifest_sha256"] == first.manifest_sha256
    assert manifest["files"] == head.files and manifest["audio"] == contents.audio
    signed = export.sign_manifest(manifest, world.field.device_private_key(), device.public_key)
    assert signed.data.endswith(b"\n") and signed.sha256 == hashlib.sha256(signed.data).hexdigest()
    verified = minisign.verify_file(device.public_key, signed.data, signed.signature)
    assert "seq=2 created=2026-12-01T00:00:00+00:00" in verified.trusted_comment
    assert f"bundle={manifest['bundle_id']}" in verified.trusted_comment


# ------------------------------------------------------------------ stream and audio

def _untar(data: bytes) -> list[tuple[str, bytes]]:
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:") as tar:
        return [(m.name, tar.extractfile(m).read()) for m in tar.getmembers()]  # type: ignore[union-attr]


def test_stream_writes_head_then_entries_with_audio_from_the_source() -> None:
    entries = [export.Entry("audio/00000000-0000-0000-0000-000000000001.bin", 5, "x",
                            blob_id="b"),
               export.Entry("tables/t.jsonl", 2, "y", data=b"{}")]
    heard: list[int] = []
    stream = export.bundle_stream(
        [(DEVICE_PUB, b"pub"), (MANIFEST, b"m"), (SIGNATURE, b"s"), (SUMS, b"sums")], entries,
        lambda e: iter([b"ab", b"cde"]) if e.blob_id == "b" else iter([]),
        cancel=None, advance=heard.append)
    assert _untar(b"".join(stream)) == [
        (DEVICE_PUB, b"pub"), (MANIFEST, b"m"), (SIGNATURE, b"s"), (SUMS, b"sums"),
        ("audio/00000000-0000-0000-0000-000000000001.bin", b"abcde"),
        ("tables/t.jsonl", b"{}")]
    assert heard == [2, 3, 2]


def test_stream_refuses_audio_of_the_wrong_length_and_honours_cancel() -> None:
    entry = export.Entry("audio/00000000-0000-0000-0000-000000000001.bin", 5, "x", blob_id="b")
    with pytest.raises(ValueError, match="longer than declared"):
        b"".join(export.bundle_stream([], [entry], lambda e: iter([b"abcdef"]), cancel=None,
                                      advance=lambda n: None))
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled, match="no bundle file was left behind"):
        b"".join(export.bundle_stream([], [entry], lambda e: iter([b"abcde"]), cancel=token,
                                      advance=lambda n: None))


def test_audio_is_read_in_order_on_several_connections(world: World) -> None:
    iid = populate(world.field)
    _, blob_id = add_audio(world.field, iid, AUDIO)
    assert len(blobs.chunk_seqs(world.field.conn, blob_id)) == 3
    for count in (1, 2, 3):
        conns = export.open_readers(world.field, count)
        try:
            data = b"".join(export.audio_chunks(conns, blob_id,
                                                hashlib.sha256(AUDIO).hexdigest(), None))
        finally:
            export.close_readers(conns)
        assert data == AUDIO, count


def test_audio_that_does_not_match_its_recorded_hash_is_refused(world: World) -> None:
    iid = populate(world.field)
    _, blob_id = add_audio(world.field, iid, AUDIO)
    conns = export.open_readers(world.field, 2)
    try:
        with pytest.raises(BundleError, match="no longer matches its recorded hash"):
            b"".join(export.audio_chunks(conns, blob_id, "0" * 64, None))
    finally:
        export.close_readers(conns)


def test_audio_deleted_under_a_second_reader_is_refused_not_skipped(world: World) -> None:
    iid = populate(world.field)
    _, blob_id = add_audio(world.field, iid, AUDIO)
    first = export.open_readers(world.field, 1)
    with world.field.transaction() as conn:  # after the snapshot, before the second reader
        conn.execute("DELETE FROM blob_chunk WHERE blob_id = ? AND seq = 1", (blob_id,))
    second = export.open_readers(world.field, 1)
    try:
        with pytest.raises(BundleError, match="changed while it was being exported"):
            b"".join(export.audio_chunks([first[0], second[0]], blob_id,
                                         hashlib.sha256(AUDIO).hexdigest(), None))
    finally:
        export.close_readers(first + second)


def test_interleaved_keeps_order_raises_in_turn_and_stops_its_threads() -> None:
    def numbers(start: int, stop: int, step: int) -> Iterator[bytes]:
        for i in range(start, stop, step):
            yield str(i).encode()

    sources = [numbers(k, 50, 3) for k in range(3)]
    assert [int(x) for x in interleaved(sources, depth=2)] == list(range(50))

    def failing() -> Iterator[bytes]:
        yield b"1"
        raise KeyError("reader failed")

    with pytest.raises(KeyError, match="reader failed"):
        list(interleaved([numbers(0, 100, 2), failing()], depth=2))

    before = threading.active_count()
    endless = interleaved([numbers(0, 10**9, 2), numbers(1, 10**9, 2)], depth=2)
    assert next(endless) == b"0" and next(endless) == b"1"
    endless.close()  # the consumer stops early: both reader threads end before close returns
    assert threading.active_count() == before


# ------------------------------------------------------------------ record

def test_record_export_remembers_the_chain_and_audits(world: World) -> None:
    iid = populate(world.field)
    manifest = {"bundle_id": "b-1", "sequence": 7, "profile": "archive", "purpose": "archive",
                "created_at": NOW.isoformat(), "encrypted": True, "redactions": [],
                "interviews": [{"id": iid, "code": "NK-2026-001", "digest": "d" * 64}]}
    signed = export.SignedManifest(manifest, b"m\n", "f" * 64, b"sig")
    export.record_export(world.field, signed, recipients=[world.identity.public],
                         recipient_keys=[world.identity.public.age_recipient],
                         role="interviewer", now=NOW)
    row = world.field.conn.execute(
        "SELECT seq, manifest_sha256, recipients FROM bundle_export WHERE bundle_id = 'b-1'"
    ).fetchone()
    assert tuple(row) == (7, "f" * 64, f'["{world.identity.public.age_recipient}"]')
    assert world.field.conn.execute(
        "SELECT interview_id, digest FROM bundle_export_item WHERE bundle_id = 'b-1'"
    ).fetchall() == [(iid, "d" * 64)]
    audited = world.field.conn.execute(
        "SELECT count(*) FROM audit_log WHERE action = 'export' AND object_id = 'b-1'"
    ).fetchone()[0]
    assert audited == 1
    # the next export chains to it
    assert world.export(iid).sequence == 8


def test_a_failed_record_leaves_no_bundle_behind(world: World,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    populate(world.field)

    def fail(*_a: object, **_k: object) -> None:
        raise OSError("disk went away")

    monkeypatch.setattr(export, "record_export", fail)
    with pytest.raises(OSError):
        world.export()
    assert not any(world.tmp.glob("b.age*")) and not any(world.tmp.glob(".b.age*"))
