"""Moving up: a supervisor vault copied into the archive (verified, re-runnable), then searched
with pg_trgm for Korean substrings and taxonomy aliases, through the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app import archive as archive_app
from app.bundles import keys
from app.coding.taxonomy import ensure_taxonomy
from storage import audit
from storage.errors import ArchiveError
from storage.pg.archive import Archive
from storage.pg.search import search
from tests.archive_support import archive_key
from tests.bundle_helpers import add_segment, make_world, populate

KOREAN = "온성 보위부 구류장에서 석 달 동안 조사를 받았습니다."


def _supervisor_vault(world) -> str:  # type: ignore[no-untyped-def]
    iid = populate(world.sup, "NK-2026-951", audio=b"RIFF" + bytes(range(256)) * 900)
    add_segment(world.sup, iid, 2, KOREAN)
    ensure_taxonomy(world.sup, role="supervisor")
    return iid


def test_migrate_copies_verifies_and_is_safe_to_rerun(
        tmp_path: Path, pg_url: str) -> None:
    world = make_world(tmp_path)
    iid = _supervisor_vault(world)
    archive = Archive.init(pg_url, tmp_path / "objects", tmp_path / "archive.key")
    try:
        first = archive_app.migrate_vault(world.sup, archive, role="supervisor")
        assert first.copied["interview"] == 1 and first.copied["segment"] == 4
        assert first.objects_new == 1 and first.audit_entries > 0
        for table in ("interview", "segment", "tag", "taxonomy_term", "trusted_device"):
            there = sorted(tuple(r) for r in archive.conn.execute(f"SELECT * FROM {table}"))
            here = sorted(tuple(r) for r in world.sup.conn.execute(f"SELECT * FROM {table}"))
            assert there == here, table
        sha = world.sup.conn.execute("SELECT sha256 FROM blob").fetchone()[0]
        archive.objects.verify(str(sha), archive_key(world))
        again = archive_app.migrate_vault(world.sup, archive, role="supervisor")
        assert again.rows_new == 0 and again.objects_new == 0 and again.audit_entries == 0
        assert again.present == {t: n + first.present[t] for t, n in first.copied.items()}
        assert [e.action for e in audit.entries(archive.conn)][-2:] == ["migrate", "migrate"]
        audit.verify(archive.conn)
        # a record that differs in the archive is reported, and nothing of the run is kept
        archive.conn.execute("UPDATE interview SET notes = 'edited in the archive' WHERE id = ?",
                             (iid,))
        before = archive.conn.execute("SELECT count(*) FROM audit_log").fetchone()
        with pytest.raises(ArchiveError, match="different interview record"):
            archive_app.migrate_vault(world.sup, archive, role="supervisor")
        assert archive.conn.execute("SELECT count(*) FROM audit_log").fetchone() == before
    finally:
        archive.close()
        world.field.lock()
        world.sup.lock()


def test_search_finds_korean_substrings_and_aliases(tmp_path: Path, pg_url: str) -> None:
    world = make_world(tmp_path)
    _supervisor_vault(world)
    archive = Archive.init(pg_url, tmp_path / "objects", tmp_path / "archive.key")
    try:
        archive_app.migrate_vault(world.sup, archive, role="supervisor")
        hits = search(archive.conn, "보위부 구류장")
        assert [h["text"] for h in hits] == [KOREAN]
        by_alias = search(archive.conn, "Bowibu")  # a romanisation of the term 국가보위성
        assert [h["text"] for h in by_alias] == [KOREAN] and by_alias[0]["matched"] == "보위부"
        assert search(archive.conn, "ministry office")[0]["interview"] == "NK-2026-951"
        assert search(archive.conn, "평양") == [] and search(archive.conn, "  ") == []
        archive.conn.execute_pg("SET enable_seqscan = off")
        plan = "\n".join(str(r[0]) for r in archive.conn.execute_pg(
            "EXPLAIN SELECT 1 FROM segment WHERE lower(text) LIKE '%보위부 구류장%'"))
        assert "segment_text_lower_trgm" in plan  # Korean trigrams are indexed (UTF-8 ctype)
    finally:
        archive.close()
        world.field.lock()
        world.sup.lock()


def test_command_line_init_import_migrate_search(tmp_path: Path, pg_url: str, cli) -> None:  # type: ignore[no-untyped-def]
    objects, key = tmp_path / "objects", tmp_path / "archive.key"
    made = cli("archive", "init", "--postgres", pg_url, "--objects", str(objects),
               "--key-out", str(key))
    assert made.returncode == 0, made.stderr
    assert "archive key was written" in made.stdout and key.exists()
    again = cli("archive", "init", "--postgres", pg_url, "--objects", str(tmp_path / "o2"),
                "--key-out", str(tmp_path / "k2"))
    assert again.returncode == 1 and "already holds an archive" in again.stderr
    world = make_world(tmp_path / "w")
    iid = populate(world.field, "NK-2026-952")
    bundle = world.export(iid).path
    dev = world.field.device()
    with Archive.open(pg_url) as archive:
        keys.trust_device(archive, keys.DevicePublic(dev.id, dev.public_key), role="supervisor")
    verified = cli("verify", "--archive", pg_url, "--identity", str(world.key_file), str(bundle))
    assert verified.returncode == 0 and "Result: VALID" in verified.stdout, verified.stderr
    no_key = cli("import", "--archive", pg_url, str(bundle))
    assert no_key.returncode == 2 and "--identity KEYFILE" in no_key.stderr
    done = cli("import", "--archive", pg_url, "--identity", str(world.key_file), str(bundle))
    assert done.returncode == 0, done.stderr
    assert "into the archive" in done.stdout
    found = cli("search", "--archive", pg_url, "--json", "ministry office")
    assert found.returncode == 0 and json.loads(found.stdout)["hits"][0]["interview"] == \
        "NK-2026-952"
    checked = cli("archive", "check", "--archive", pg_url, "--key", str(key))
    assert checked.returncode == 0 and "1 recordings decrypted" in checked.stdout
    (obj,) = objects.rglob("*.age")
    damaged = bytearray(obj.read_bytes())
    damaged[-3] ^= 1
    obj.write_bytes(bytes(damaged))
    bad = cli("archive", "check", "--archive", pg_url, "--key", str(key))
    assert bad.returncode == 4 and "cannot be decrypted" in bad.stdout
    obj.unlink()
    gone = cli("archive", "check", "--archive", pg_url)
    assert gone.returncode == 4 and "object file is missing" in gone.stdout
    migrated = cli("archive", "migrate", "--from", str(cli.vault), "--to", pg_url, "--json")
    assert migrated.returncode == 0, migrated.stderr
    rerun = cli("archive", "migrate", "--from", str(cli.vault), "--to", pg_url, "--json")
    assert sum(json.loads(rerun.stdout)["copied"].values()) == 0
    world.field.lock()
    world.sup.lock()

