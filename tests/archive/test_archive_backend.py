"""The PostgreSQL archive: creation, the SQL translation, objects, import through the importer."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from app.bundles import keys
from app.bundles.importer import import_bundle
from storage import audit
from storage.errors import ArchiveError, BlobError
from storage.pg.archive import Archive
from storage.pg.connection import translate
from storage.pg.objects import ObjectStore
from tests.bundle_helpers import make_world, populate


def test_translation_of_the_sqlite_dialect() -> None:
    assert translate("INSERT OR IGNORE INTO t(a) VALUES (?)") == \
        "INSERT INTO t(a) VALUES (%s) ON CONFLICT DO NOTHING"
    assert translate('SELECT 1 FROM t WHERE "a" IS ? AND b = \'x?%\'') == \
        'SELECT 1 FROM t WHERE "a" IS NOT DISTINCT FROM %s AND b = \'x?%%\''
    assert "(incoming::jsonb ->> 'sha256')" in translate(
        "SELECT 1 WHERE json_extract(incoming, '$.sha256') = ?")
    assert translate("SELECT id FROM t WHERE a IN (SELECT value FROM json_each(?1)) OR "
                     "?2 IS NULL ORDER BY at, rowid") == (
        "SELECT id FROM t WHERE a = ANY(ARRAY(SELECT jsonb_array_elements_text("
        "%(p1)s::jsonb))) OR %(p2)s IS NULL ORDER BY at, ctid")
    assert translate("SELECT v FROM json_each(?)") == \
        "SELECT v FROM json_each(%s)"  # only the set forms are rewritten
    assert translate("SELECT count(*) FROM (SELECT value FROM json_each(?))") == (
        "SELECT count(*) FROM (SELECT value FROM json_array_elements_text(%s::json) AS value)")
    assert translate("SELECT group_concat(t.term_id, char(31))") == \
        "SELECT string_agg(t.term_id, chr(31))"


def test_init_creates_an_archive_once(pg_url: str, tmp_path: Path) -> None:
    archive = Archive.init(pg_url, tmp_path / "objects", tmp_path / "archive.key")
    try:
        assert (tmp_path / "archive.key").stat().st_mode & 0o077 == 0
        assert audit.verify(archive.conn) == 1
    finally:
        archive.close()
    with pytest.raises(ArchiveError, match="already holds an archive"):
        Archive.init(pg_url, tmp_path / "objects2", tmp_path / "other.key")
    assert not (tmp_path / "other.key").exists() and not (tmp_path / "objects2").exists()
    with Archive.open(pg_url) as again:
        assert again.meta["objects_dir"] == str(tmp_path / "objects")


def test_open_refuses_a_database_that_is_no_archive(pg_url: str) -> None:
    with pytest.raises(ArchiveError, match="not a Testimony Vault archive"):
        Archive.open(pg_url)
    with pytest.raises(ArchiveError, match="refused the login"):
        Archive.open(pg_url.replace("dbname=", "dbname=missing_"))


def test_objects_are_content_addressed_encrypted_and_checked(tmp_path: Path) -> None:
    from crypto.agefile import new_identity, recipient_of
    secret, _ = new_identity()
    store = ObjectStore(tmp_path, recipient_of(secret))
    import hashlib
    data = b"RIFF" + bytes(range(256)) * 3000
    sha = hashlib.sha256(data).hexdigest()
    assert store.put_stream(io.BytesIO(data), sha) is True
    assert store.put_stream(io.BytesIO(data), sha) is False  # stored once
    path = store.path_for(sha)
    assert path.name == f"{sha}.age" and data[:64] not in path.read_bytes()
    out = io.BytesIO()
    assert store.read_to(sha, out, secret) == len(data) and out.getvalue() == data
    wrong = hashlib.sha256(b"other").hexdigest()
    with pytest.raises(BlobError):
        store.put_stream(io.BytesIO(data), wrong)
    assert not store.has(wrong) and not list(path.parent.parent.glob("*/.*.tmp"))
    raw = bytearray(path.read_bytes())
    raw[-5] ^= 1
    path.write_bytes(bytes(raw))
    with pytest.raises(BlobError, match="cannot be decrypted"):
        store.verify(sha, secret)


def test_a_bundle_imports_into_the_archive(pg_url: str, tmp_path: Path) -> None:
    world = make_world(tmp_path)
    archive = Archive.init(pg_url, tmp_path / "objects", tmp_path / "archive.key")
    try:
        dev = world.field.device()
        keys.trust_device(archive, keys.DevicePublic(dev.id, dev.public_key), role="supervisor")
        audio = bytes(range(256)) * 1100
        iid = populate(world.field, audio=audio)
        result = import_bundle(archive, world.export(iid).path, world.identity,
                               role="supervisor")
        assert not result.replay and not result.conflicts
        for table in ("interview", "segment", "tag", "audio_asset"):
            here = sorted(tuple(r) for r in archive.conn.execute(f"SELECT * FROM {table}"))
            there = sorted(tuple(r) for r in world.field.conn.execute(f"SELECT * FROM {table}"))
            assert here == there, table
        sha = archive.conn.execute("SELECT sha256 FROM blob").fetchone()[0]
        out = io.BytesIO()
        secret = (tmp_path / "archive.key").read_text().splitlines()[-1]
        archive.objects.read_to(sha, out, secret)
        assert out.getvalue() == audio
        assert audit.verify(archive.conn) == 3  # create, pin, import
    finally:
        archive.close()
        world.field.lock()
        world.sup.lock()


def test_catalogue_answers_match_sqlite(pg_url: str, tmp_path: Path) -> None:
    """The importer finds tables, keys and references generically: the archive must describe
    its tables exactly as the vault does (primary-key positions included)."""
    import sqlcipher3

    from app.bundles.tables import interview_tables
    from storage.migrations import migrate

    vault_db = sqlcipher3.connect(":memory:", isolation_level=None)
    migrate(vault_db)
    with Archive.init(pg_url, tmp_path / "objects", tmp_path / "archive.key") as archive:
        here = {t.name: t for t in interview_tables(archive.conn)}
        there = {t.name: t for t in interview_tables(vault_db)}
        assert sorted(here) == sorted(there)
        for name, t in there.items():
            assert (here[name].columns, here[name].pk, sorted(here[name].fks),
                    here[name].parent_link) == (t.columns, t.pk, sorted(t.fks), t.parent_link)
    vault_db.close()
