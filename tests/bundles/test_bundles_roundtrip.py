"""Export -> verify -> import round trips, merge rules, consent, share profile, receipts, purge."""

from __future__ import annotations

import json
import shutil
import uuid
from pathlib import Path

import pytest

from app.bundles import keys
from app.bundles.collect import redact_text
from app.bundles.errors import BundleRejected
from app.bundles.export import export_bundle
from app.bundles.importer import import_bundle, verify_bundle
from app.bundles.receipts import apply_receipt, make_receipt, purge_acknowledged
from app.bundles.redaction import add_redaction
from app.errors import NotFound, UsageError
from app.interviews import update_interview
from app.tasks import Cancelled, CancelToken
from cli.bundle_report import report_json, report_lines
from storage import audit
from storage.blobs import copy_to
from tests.archive_support import BOTH_BACKENDS, sup_audio
from tests.bundle_helpers import World, add_segment, open_vault, populate

DATA_TABLES = ("interview", "consent", "interviewee", "audio_asset", "segment", "tag", "event",
               "marker")


def rows(vault, table: str) -> list[tuple]:
    return sorted(tuple(r) for r in vault.conn.execute(f"SELECT * FROM {table}"))


@BOTH_BACKENDS
def test_round_trip_copies_every_table_and_the_original_audio(world: World) -> None:
    audio = bytes(range(256)) * 1100  # crosses the 256 KiB blob chunk size
    iid = populate(world.field, audio=audio)
    result = world.export(iid)
    assert result.sequence == 1 and result.interviews == ["NK-2026-001"]
    imported = import_bundle(world.sup, result.path, world.identity, role="supervisor")
    assert not imported.replay and not imported.conflicts and imported.inserted > 0
    for table in DATA_TABLES:
        assert rows(world.sup, table) == rows(world.field, table), table
    blob_id = world.sup.conn.execute("SELECT blob_id FROM audio_asset").fetchone()[0]
    assert sup_audio(world, blob_id) == audio
    # the field vault's audit entries about this interview travel, each hash-checked
    imported_audit = world.sup.conn.execute(
        "SELECT count(*) FROM imported_audit WHERE object_id = ?", (iid,)).fetchone()[0]
    assert imported_audit >= 1
    # the supervisor's own chain stays intact and records the import
    audit.verify(world.sup.conn)
    assert [e.action for e in audit.entries(world.sup.conn)][-1] == "import"


@BOTH_BACKENDS
def test_importing_twice_changes_nothing(world: World) -> None:
    iid = populate(world.field)
    result = world.export(iid)
    import_bundle(world.sup, result.path, world.identity, role="supervisor")
    before = world.sup_digest()
    again = import_bundle(world.sup, result.path, world.identity, role="supervisor")
    assert again.replay
    assert world.sup_digest() == before


def test_verify_without_vault_reports_origin_not_checked(world: World) -> None:
    iid = populate(world.field)
    result = world.export(iid)
    report = verify_bundle(result.path, world.identity)
    text = "\n".join(report_lines(report))
    assert report.pinned is None and "ORIGIN NOT CHECKED" in text
    assert not report.origin_checked and report_json(report)["valid"] is False
    assert world.field.device().fingerprint in text
    assert "tables/segment.jsonl" in text


def test_other_areas_tables_are_found_generically_and_round_trip(world: World) -> None:
    ddl = ("CREATE TABLE zz_segment_note (id TEXT PRIMARY KEY, segment_id TEXT NOT NULL "
           "REFERENCES segment(id) ON DELETE CASCADE, text TEXT NOT NULL, model TEXT, "
           "created_at TEXT NOT NULL)")
    for v in (world.field, world.sup):
        with v.transaction() as conn:
            conn.execute(ddl)
            conn.execute("CREATE TABLE fts_segment (x TEXT)")
    iid = populate(world.field)
    seg = world.field.conn.execute("SELECT id FROM segment LIMIT 1").fetchone()[0]
    with world.field.transaction() as conn:
        conn.execute("INSERT INTO zz_segment_note VALUES (?,?,?,?,?)",
                     (str(uuid.uuid4()), seg, "older words", "whisper-base", "2026-11-01"))
        conn.execute("INSERT INTO fts_segment VALUES ('derived')")
    result = world.export(iid)
    names = [f["name"] for f in json.loads(_manifest(world, result.path))["files"]]
    assert "tables/zz_segment_note.jsonl" in names
    assert not any("fts_" in n for n in names)
    import_bundle(world.sup, result.path, world.identity, role="supervisor")
    assert rows(world.sup, "zz_segment_note") == rows(world.field, "zz_segment_note")
    assert rows(world.sup, "fts_segment") == []


def _manifest(world: World, path: Path) -> bytes:
    return verify_bundle(path, world.identity).manifest.raw


@BOTH_BACKENDS
def test_changes_on_both_sides_keep_both_and_report_a_conflict(world: World) -> None:
    iid = populate(world.field)
    import_bundle(world.sup, world.export(iid, name="1.age").path, world.identity,
                  role="supervisor")
    update_interview(world.field, iid, role="interviewer", notes="field edit")
    update_interview(world.sup, iid, role="supervisor", notes="supervisor edit")
    new_seg = add_segment(world.field, iid, 2, "A new answer.")
    result = import_bundle(world.sup, world.export(iid, name="2.age").path, world.identity,
                           role="supervisor")
    assert ("interview", json.dumps({"id": iid})) in result.conflicts
    notes = world.sup.conn.execute("SELECT notes FROM interview").fetchone()[0]
    assert notes == "supervisor edit"  # the vault's own row is never overwritten
    incoming = world.sup.conn.execute("SELECT incoming FROM import_conflict").fetchone()[0]
    assert json.loads(incoming)["notes"] == "field edit"
    assert world.sup.conn.execute("SELECT 1 FROM segment WHERE id = ?", (new_seg,)).fetchone()


def test_consent_is_enforced(world: World) -> None:
    ok = populate(world.field, "NK-2026-154", scopes=("archive", "court"))
    populate(world.field, "NK-2026-153", scopes=("archive",))
    withdrawn = populate(world.field, "NK-2026-177", scopes=("archive", "court"))
    with world.field.transaction() as conn:
        conn.execute("UPDATE consent SET withdrawn_at = '2026-11-01' WHERE interview_id = ?",
                     (withdrawn,))
    notices: list[str] = []
    result = world.export(purpose="court", notice=notices.append)
    assert result.interviews == ["NK-2026-154"]
    assert any("NK-2026-153" in n and "court" in n for n in notices)
    assert any("NK-2026-177" in n and "withdrawn" in n for n in notices)
    with pytest.raises(UsageError, match="NK-2026-153"):
        world.export("NK-2026-153", ok, purpose="court", name="refused.age")
    assert not (world.tmp / "refused.age").exists()
    with pytest.raises(UsageError, match="withdrawn"):
        world.export(withdrawn, purpose="archive", name="refused2.age")


def test_share_profile_drops_details_and_audio_and_redacts(world: World) -> None:
    iid = populate(world.field)
    seg = world.field.conn.execute(
        "SELECT id, text FROM segment WHERE idx = 1 AND layer = 'original'").fetchone()
    start = seg[1].index("Kim Chol")
    add_redaction(world.field, iid, "2", start, start + len("Kim Chol"), "names a relative",
                  role="interviewer")
    seg0 = world.field.conn.execute(
        "SELECT id FROM segment WHERE idx = 0 AND layer = 'original'").fetchone()[0]
    add_redaction(world.field, iid, seg0, 0, 1, "test", role="interviewer")  # before the tag
    result = world.export(iid, profile="share")
    assert result.redactions == 2
    m = json.loads(_manifest(world, result.path))
    assert m["profile"] == "share" and len(m["redactions"]) == 2
    assert {"interviewee", "redaction"} <= set(m["dropped"]["tables"])
    assert m["dropped"]["audio_withheld"] is True
    assert [a["kind"] for a in m["audio"]] == ["withheld-audio"]
    assert [f["size"] for f in m["files"] if f["name"].startswith("audio/")] == [0]
    import_bundle(world.sup, result.path, world.identity, role="supervisor")
    texts = [r[0] for r in world.sup.conn.execute("SELECT text FROM segment ORDER BY idx")]
    assert "Kim Chol" not in " ".join(texts)
    assert "My cousin [REDACTED] was there too." in texts
    assert world.sup.conn.execute("SELECT count(*) FROM interviewee").fetchone()[0] == 0
    assert world.sup.conn.execute("SELECT kind, size FROM blob").fetchall() == [
        ("withheld-audio", 0)]
    assert world.sup.conn.execute("SELECT original_name FROM audio_asset").fetchone()[0] is None
    assert world.sup.conn.execute(
        "SELECT interviewer, interpreter, others_present FROM interview").fetchone() == (
        None, None, "[]")
    # transcripts keep their recording, so the supervisor's transcript views still list them
    from app.transcripts.store import segments

    assert len(segments(world.sup, iid)) == 2
    # the tag after a redacted span is shifted so it still marks the same words
    tag = world.sup.conn.execute("SELECT char_start, char_end FROM tag").fetchone()
    text0 = world.sup.conn.execute(
        "SELECT text FROM segment WHERE idx = 0 AND layer = 'original'").fetchone()[0]
    assert text0[tag[0]:tag[1]] == "ministry office"


def test_redact_text_merges_overlaps() -> None:
    assert redact_text("abcdefgh", [(1, 3), (2, 5), (7, 8)]) == "a[REDACTED]fg[REDACTED]"


def test_since_last_exports_only_what_changed(world: World) -> None:
    a = populate(world.field, "NK-2026-117")
    populate(world.field, "NK-2026-125")
    assert world.export(name="1.age").interviews == ["NK-2026-117", "NK-2026-125"]
    update_interview(world.field, a, role="interviewer", place="Seoul")
    assert world.export(name="2.age", since_last=True).interviews == ["NK-2026-117"]
    with pytest.raises(UsageError, match="nothing to export"):
        world.export(name="3.age", since_last=True)
    assert not (world.tmp / "3.age").exists()


def test_cancelled_export_leaves_no_file(world: World) -> None:
    iid = populate(world.field, audio=b"x" * 600_000)
    token = CancelToken()

    def progress(fraction: float, label: str) -> None:
        if fraction > 0.2:
            token.cancel()

    with pytest.raises(Cancelled):
        world.export(iid, progress=progress, cancel=token)
    assert [p.name for p in world.tmp.iterdir() if "age" in p.name] == []
    assert world.field.conn.execute("SELECT count(*) FROM bundle_export").fetchone()[0] == 0
    assert world.export(iid, name="ok.age").sequence == 1


def test_damaged_audio_fails_export_and_leaves_no_file(world: World) -> None:
    iid = populate(world.field)
    with world.field.transaction() as conn:
        conn.execute("UPDATE blob SET sha256 = ?", ("0" * 64,))
    with pytest.raises(Exception, match="no longer matches"):
        world.export(iid)
    assert [p.name for p in world.tmp.iterdir() if p.is_file() and "age" in p.name] == []


def test_export_refuses_unpinned_recipient_and_existing_file(world: World) -> None:
    _, other = keys.new_supervisor_key()
    with pytest.raises(NotFound, match="not a pinned supervisor"):
        keys.require_pinned_recipient(world.field, other.public.text())
    iid = populate(world.field)
    (world.tmp / "exists.age").write_bytes(b"keep me")
    with pytest.raises(UsageError, match="already exists"):
        world.export(iid, name="exists.age")
    assert (world.tmp / "exists.age").read_bytes() == b"keep me"


def test_unencrypted_bundle_round_trips_with_a_warning(world: World) -> None:
    iid = populate(world.field)
    result = export_bundle(world.field, [iid], recipients=[], out=world.tmp / "plain.tar",
                           role="interviewer", unencrypted=True)
    assert not result.encrypted
    assert (world.tmp / "plain.tar").read_bytes()[:6] == b"device"
    report = verify_bundle(result.path, None, vault=world.sup)
    assert any("NOT encrypted" in str(w) for w in report.warnings)
    imported = import_bundle(world.sup, result.path, world.identity, role="supervisor")
    assert imported.inserted > 0


@BOTH_BACKENDS
def test_sequence_gap_is_a_warning(world: World) -> None:
    iid = populate(world.field)
    first = world.export(iid, name="1.age")
    second = world.export(iid, name="2.age")
    first_import = import_bundle(world.sup, second.path, world.identity, role="supervisor")
    assert any("1 to 1" in str(w) for w in first_import.warnings)
    third = world.export(iid, name="3.age")
    fourth = world.export(iid, name="4.age")
    result = import_bundle(world.sup, fourth.path, world.identity, role="supervisor")
    assert any("missing" in str(w) for w in result.warnings)
    # an older bundle not seen before is accepted when its chain fits (it used to be refused
    # as a rollback forever); it links bundles 2 and 4, and bundle 1 anchors all of them
    filled = import_bundle(world.sup, third.path, world.identity, role="supervisor")
    assert not filled.replay and filled.warnings == []
    chains = dict(world.sup.conn.execute("SELECT seq, chain FROM bundle_import").fetchall())
    assert chains == {2: "unanchored", 3: "unanchored", 4: "unanchored"}
    oldest = import_bundle(world.sup, first.path, world.identity, role="supervisor")
    assert oldest.warnings == []
    chains = dict(world.sup.conn.execute("SELECT seq, chain FROM bundle_import").fetchall())
    assert chains == {1: "anchored", 2: "anchored", 3: "anchored", 4: "anchored"}


def test_receipt_marks_interviews_and_purge_removes_only_unchanged_ones(world: World) -> None:
    a = populate(world.field, "NK-2026-117")
    b = populate(world.field, "NK-2026-125")
    result = world.export()
    imported = import_bundle(world.sup, result.path, world.identity, role="supervisor")
    receipt = make_receipt(world.identity, imported)
    applied = apply_receipt(world.field, receipt, role="interviewer")
    assert sorted(applied.acknowledged) == sorted([a, b])
    update_interview(world.field, b, role="interviewer", notes="changed after export")
    purged = purge_acknowledged(world.field, role="interviewer")
    assert purged.purged == ["NK-2026-117"] and "NK-2026-125" in purged.kept[0]
    codes = [r[0] for r in world.field.conn.execute("SELECT code FROM interview")]
    assert codes == ["NK-2026-125"]
    assert world.field.conn.execute("SELECT count(*) FROM blob").fetchone()[0] == 1
    assert "purge" in [e.action for e in audit.entries(world.field.conn)]
    audit.verify(world.field.conn)


def test_forged_or_foreign_receipts_are_refused(world: World) -> None:
    iid = populate(world.field)
    result = world.export(iid)
    imported = import_bundle(world.sup, result.path, world.identity, role="supervisor")
    good = make_receipt(world.identity, imported)
    tampered = bytearray(good)
    tampered[len(good) // 2] ^= 0x01  # receipts are age files: any changed byte is caught
    with pytest.raises(BundleRejected, match="cannot decrypt"):
        apply_receipt(world.field, bytes(tampered), role="interviewer")
    _, stranger = keys.new_supervisor_key()
    with pytest.raises(BundleRejected, match="not signed by a supervisor pinned"):
        apply_receipt(world.field, make_receipt(stranger, imported), role="interviewer")
    assert world.field.conn.execute("SELECT count(*) FROM purge_ack").fetchone()[0] == 0
    share = world.export(iid, name="share.age", profile="share")
    imported_share = import_bundle(world.sup, share.path, world.identity, role="supervisor")
    with pytest.raises(BundleRejected, match="share"):
        apply_receipt(world.field, make_receipt(world.identity, imported_share),
                      role="interviewer")


@BOTH_BACKENDS
def test_fork_is_refused(world: World) -> None:
    iid = populate(world.field)
    path = world.field.path
    world.field.lock()
    shutil.copytree(path, world.tmp / "field-copy")
    world.field = open_vault(path)
    copy = open_vault(world.tmp / "field-copy")
    try:
        a = world.export(iid, name="a.age")
        update_interview(copy, iid, role="interviewer", notes="other history")
        b = export_bundle(copy, [iid], recipients=[world.identity.public],
                          out=world.tmp / "b.age", role="interviewer")
    finally:
        copy.lock()
    assert a.sequence == b.sequence == 1
    import_bundle(world.sup, a.path, world.identity, role="supervisor")
    before = world.sup_digest()
    with pytest.raises(BundleRejected, match="fork"):
        import_bundle(world.sup, b.path, world.identity, role="supervisor")
    assert world.sup_digest() == before


@BOTH_BACKENDS
def test_verify_never_writes(world: World) -> None:
    iid = populate(world.field)
    result = world.export(iid)
    before = world.sup_digest()
    verify_bundle(result.path, world.identity, vault=world.sup)
    assert world.sup_digest() == before


def test_no_plaintext_marker_in_any_file_after_export_and_import(world: World) -> None:
    from tests.bundle_helpers import MARKER

    iid = populate(world.field)
    result = world.export(iid)
    imported = import_bundle(world.sup, result.path, world.identity, role="supervisor")
    assert imported.inserted > 0
    assert world.sup.conn.execute("SELECT notes FROM interview").fetchone()[0].endswith(MARKER)
    world.field.lock()
    world.sup.lock()
    needles = [MARKER.encode("utf-8"), MARKER.encode("utf-16-le"), MARKER.encode("utf-16-be")]
    checked = 0
    for path in world.tmp.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            checked += 1
            assert not any(n in data for n in needles), path
    assert checked >= 5


@BOTH_BACKENDS
def test_import_reports_progress_and_cancel_rolls_back(world: World) -> None:
    iid = populate(world.field, audio=b"y" * 400_000)
    result = world.export(iid)
    before = world.sup_digest()
    token = CancelToken()
    seen: list[float] = []

    def progress(fraction: float, label: str) -> None:
        seen.append(fraction)
        if fraction > 0.6:
            token.cancel()

    with pytest.raises(Cancelled):
        import_bundle(world.sup, result.path, world.identity, role="supervisor",
                      progress=progress, cancel=token)
    assert world.sup_digest() == before
    assert seen == sorted(seen) and max(seen) > 0.5
    done: list[float] = []
    import_bundle(world.sup, result.path, world.identity, role="supervisor",
                  progress=lambda f, _l: done.append(f))
    assert done[-1] == 1.0


def test_same_code_from_another_laptop_is_refused_clearly(world: World) -> None:
    from app.bundles.errors import BundleError

    populate(world.sup, "NK-2026-001")  # the supervisor already has this code, other id
    iid = populate(world.field, "NK-2026-001")
    result = world.export(iid)
    before = world.sup_digest()
    with pytest.raises(BundleError, match="same code as a different interview"):
        import_bundle(world.sup, result.path, world.identity, role="supervisor")
    assert world.sup_digest() == before


def test_share_profile_leaves_out_text_copies_of_redacted_segments(world: World) -> None:
    ddl = ("CREATE TABLE zz_segment_note (id TEXT PRIMARY KEY, segment_id TEXT NOT NULL "
           "REFERENCES segment(id) ON DELETE CASCADE, old_text TEXT NOT NULL, "
           "created_at TEXT NOT NULL)")
    for v in (world.field, world.sup):
        with v.transaction() as conn:
            conn.execute(ddl)
    iid = populate(world.field)
    segs = dict(world.field.conn.execute(
        "SELECT idx, id FROM segment WHERE layer = 'original'").fetchall())
    with world.field.transaction() as conn:
        for idx, sid in segs.items():
            conn.execute("INSERT INTO zz_segment_note VALUES (?,?,?,?)",
                         (str(uuid.uuid4()), sid, f"draft {idx} Kim Chol", "2026-11-01"))
    add_redaction(world.field, iid, "2", 10, 18, "names a relative", role="interviewer")
    result = world.export(iid, profile="share")
    m = json.loads(_manifest(world, result.path))
    assert m["dropped"]["rows"] == {"zz_segment_note": 1}
    import_bundle(world.sup, result.path, world.identity, role="supervisor")
    kept = [r[0] for r in world.sup.conn.execute("SELECT segment_id FROM zz_segment_note")]
    assert kept == [segs[0]]


@pytest.mark.parametrize("size", [0, 1, 511, 512, 65535, 65536, 65537, 262144, 262145])
def test_audio_round_trips_exactly_at_boundaries(world: World, size: int) -> None:
    import io

    audio = bytes((i * 7) % 256 for i in range(size))
    iid = populate(world.field, audio=audio)
    result = world.export(iid)
    import_bundle(world.sup, result.path, world.identity, role="supervisor")
    blob_id, sha = world.sup.conn.execute(
        "SELECT b.id, b.sha256 FROM blob b JOIN audio_asset a ON a.blob_id = b.id").fetchone()
    buf = io.BytesIO()
    assert copy_to(world.sup.conn, blob_id, buf) == (size, sha)
    assert buf.getvalue() == audio


def _other_areas_data(vault, iid: str) -> None:
    """Use the transcript and coding services so their tables hold real rows."""
    from app.coding import taxonomy as tx
    from app.coding.events import add_event
    from app.coding.tags import add_tag
    from app.transcripts.store import edit_segment

    term = sorted(tx.builtin().descendants("violation") - {"violation"})[0]
    edit_segment(vault, iid, "2", text="My cousin Kim Chol was there too, I think.",
                 role="translator", reason="listened again")
    tag_id = add_tag(vault, iid, term, role="coder", segment=0, chars=(0, 5))
    add_event(vault, iid, act=term, role="coder", tags=[tag_id], notes="seen")
    from app.connect.links import add_link

    add_link(vault, iid, src="Yodok", relation="produced", dst="coal", tags=[tag_id],
             role="coder")


def test_every_interview_table_of_every_area_round_trips(world: World) -> None:
    from app.bundles.tables import interview_tables

    iid = populate(world.field)
    _other_areas_data(world.field, iid)
    names = [t.name for t in interview_tables(world.field.conn)]
    assert {"segment_revision", "event_tag", "transcript"} <= set(names)
    populated = [n for n in names if rows(world.field, n)]
    assert {"segment_revision", "event_tag", "tag", "event", "link", "link_tag"} <= set(populated)
    result = world.export(iid)
    manifest = json.loads(_manifest(world, result.path))
    assert manifest["taxonomy_version"] and manifest["taxonomy_versions_used"]
    imported = import_bundle(world.sup, result.path, world.identity, role="supervisor")
    assert not imported.conflicts
    for name in populated:
        assert rows(world.sup, name) == rows(world.field, name), name
    # the supervisor's search index is rebuilt by the coding area's triggers, not imported
    assert world.sup.conn.execute("SELECT count(*) FROM fts_ref").fetchone()[0] > 0


def test_share_profile_drops_revisions_of_redacted_segments(world: World) -> None:
    iid = populate(world.field)
    _other_areas_data(world.field, iid)
    text = world.field.conn.execute(
        "SELECT text FROM segment WHERE idx = 1 AND layer = 'original'").fetchone()[0]
    start = text.index("Kim Chol")
    add_redaction(world.field, iid, "2", start, start + 8, "names a relative", role="interviewer")
    result = world.export(iid, profile="share")
    import_bundle(world.sup, result.path, world.identity, role="supervisor")
    everything = " ".join(str(r) for n in ("segment", "segment_revision", "tag", "event")
                          for r in rows(world.sup, n))
    assert "Kim Chol" not in everything and "[REDACTED]" in everything


@BOTH_BACKENDS
def test_real_audio_replaces_a_share_placeholder(world: World) -> None:
    audio = b"real recording" * 1000
    iid = populate(world.field, audio=audio)
    import_bundle(world.sup, world.export(iid, name="s.age", profile="share").path,
                  world.identity, role="supervisor")
    result = import_bundle(world.sup, world.export(iid, name="a.age").path, world.identity,
                           role="supervisor")
    blob_id, kind = world.sup.conn.execute("SELECT id, kind FROM blob").fetchone()
    assert kind == "audio"
    assert sup_audio(world, blob_id) == audio
    # rows that differ (blanked names) arrive as conflicts for review, not lost
    assert {t for t, _ in result.conflicts} == {"audio_asset", "interview"}


def test_verify_command_json_without_a_vault(world: World, capsys: pytest.CaptureFixture[str]) -> None:
    from cli import main

    iid = populate(world.field)
    result = world.export(iid)
    # No trust anchor: integrity is checked, the origin is not, and that is exit 4.
    assert main(["verify", str(result.path), "--identity", str(world.key_file), "--json"]) == 4
    out = capsys.readouterr()
    report = json.loads(out.out)
    assert report["valid"] is False and report["origin_checked"] is False
    assert report["pinned"] is None and report["integrity_checked"] is True
    assert out.err.count("\n") == 1 and "origin was NOT checked" in out.err
    assert report["bundle_id"] == result.bundle_id and report["sequence"] == 1
    assert report["device_fingerprint"] == world.field.device().fingerprint
    # --signer: the device key file 'device show' printed, obtained in person.
    dev = world.field.device()
    signer = world.tmp / "device.txt"
    signer.write_text(keys.device_public_text(dev.id, dev.public_key))
    assert main(["verify", str(result.path), "--identity", str(world.key_file), "--signer",
                 str(signer), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["valid"] is True and report["origin_checked"] is True
    assert report["anchor"] == "signer"
    damaged = world.tmp / "damaged.age"
    data = bytearray(result.path.read_bytes())
    data[len(data) // 2] ^= 1
    damaged.write_bytes(bytes(data))
    assert main(["verify", str(damaged), "--identity", str(world.key_file), "--json"]) == 4
    assert "refused" in capsys.readouterr().err
