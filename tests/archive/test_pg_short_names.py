"""The archive's short-name hits (storage/pg/schema.py): a query naming a term with a name of one
or two letters (요덕: no trigram) is answered from the segments kept for each name, and gives
exactly the page the walk in code order gives (``search(..., name_hits=False)``), on generated
data, after segments are added, edited and deleted, after an interview is added or recoded,
when the taxonomy gains or loses a short name after the segments exist, on an archive made
before the hits existed (filled by `archive upgrade`), and for each role."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from app import archive as archive_app
from bench import scale_archive as sa
from bench.scale_pg import fill_archive
from storage.pg.archive import Archive
from storage.pg.search import _from_name_hits, names_for, search
from tests.archive_support import login
from tests.pg_support import PgServer

PROFILE = sa.Profile(segments=8, translated=0.6, audio_bytes=64, extra_tags=0)
SIZE = 150
QUERIES = ("요덕", "Yodok", "yoDUK", "회령", "청진", "생산했", "감을", "없는말")


def _same(conn: Any, queries: tuple[str, ...] = QUERIES) -> None:
    for query in queries:
        for limit in (7, 20, 400):
            assert search(conn, query, limit=limit) == \
                search(conn, query, limit=limit, name_hits=False), (query, limit)


def _covered(conn: Any, query: str) -> bool:
    return _from_name_hits(conn, names_for(conn, query), 1) is not None


def _generated(pg_url: str, tmp_path: Path) -> tuple[Archive, str]:
    archive = Archive.init(pg_url, tmp_path / "objects", tmp_path / "archive.key")
    version = sa.setup_taxonomy(archive)  # type: ignore[arg-type]
    fill_archive(pg_url, 0, SIZE, profile=PROFILE, version=version, template=SIZE)
    return archive, version


def _segment_with(conn: Any, text: str, *, without: bool = False) -> str:
    op = "NOT LIKE" if without else "LIKE"
    return str(conn.execute_pg(
        f"SELECT s.id FROM segment s JOIN interview i ON i.id = s.interview_id "  # noqa: S608
        f"WHERE s.text {op} %s ORDER BY i.code, s.layer, s.idx, s.id LIMIT 1",
        (f"%{text}%",)).fetchone()[0])


def test_hits_are_the_walks_as_segments_taxonomy_and_interviews_change(
        pg_url: str, tmp_path: Path) -> None:
    archive, version = _generated(pg_url, tmp_path)
    conn = archive.conn
    try:
        assert len(search(conn, "요덕", limit=400)) > 20  # a common name: several pages
        assert _covered(conn, "요덕") and _covered(conn, "Yodok") and _covered(conn, "회령")
        assert not _covered(conn, "감을")  # names no term: the walk
        _same(conn)

        # A term gains a two-letter name, found mid-word, after the segments exist.
        assert search(conn, "감을", name_hits=False)
        conn.execute_pg(
            "INSERT INTO taxonomy_term(version_id, term_id, parent, seq, label_en, label_ko,"
            " aliases, romanisations) VALUES (%s, 'test.cloth', NULL, 999, 'Cloth (test)',"
            " '옷감 (시험)', %s, '[]')", (version, json.dumps(["감을"], ensure_ascii=False)))
        assert _covered(conn, "감을") and _covered(conn, "Cloth (test)")
        _same(conn)

        # Segments edited: a name added to one, removed from the first hit; one deleted.
        with archive.transaction():
            conn.execute("UPDATE segment SET text = text || ' 요덕' WHERE id = ?",
                         (_segment_with(conn, "요덕", without=True),))
            conn.execute("UPDATE segment SET text = '다른 곳' WHERE id = ?",
                         (_segment_with(conn, "요덕"),))
            gone = _segment_with(conn, "회령")
            conn.execute("DELETE FROM tag WHERE segment_id = ?", (gone,))
            conn.execute("DELETE FROM segment WHERE id = ?", (gone,))
        _same(conn)

        # An interview whose segments are written before it (deferred keys), then recoded.
        with archive.transaction():
            conn.execute_pg("SET CONSTRAINTS ALL DEFERRED")
            for idx, text in enumerate(("그는 요덕에 있었다", "Yodok camp", "회령 출신")):
                conn.execute(
                    "INSERT INTO segment(id, interview_id, idx, start_s, end_s, text, created_at,"
                    " created_by) VALUES (?, 'i-new', ?, 0, 1, ?, 'now', 'transcriber')",
                    (f"s-new-{idx}", idx, text))
            conn.execute("INSERT INTO interview(id, code, created_at, updated_at, created_by)"
                         " VALUES ('i-new', 'NK-2026-901', 'now', 'now', 'interviewer')")
        assert [h["interview"] for h in search(conn, "요덕")[:2]] == ["NK-2026-901"] * 2
        _same(conn)
        conn.execute("UPDATE interview SET code = 'NK-T-999999' WHERE id = 'i-new'")
        assert search(conn, "요덕", limit=400)[-1]["interview"] == "NK-T-999999"
        _same(conn)

        # The term loses its short name: its names are no longer kept (the walk again).
        conn.execute_pg("UPDATE taxonomy_term SET aliases = '[]' WHERE term_id = 'test.cloth'")
        assert not _covered(conn, "감을") and not _covered(conn, "Cloth (test)")
        assert conn.execute_pg("SELECT count(*) FROM search_name_hit WHERE name = '감을'"
                               ).fetchone() == (0,)
        _same(conn)
        conn.execute_pg("DELETE FROM taxonomy_term WHERE term_id = 'test.cloth'")
        _same(conn)
    finally:
        archive.lock()


def test_an_archive_made_before_the_hits_gets_them_from_archive_upgrade(
        pg_url: str, tmp_path: Path) -> None:
    archive, _ = _generated(pg_url, tmp_path)
    kept = archive.conn.execute_pg(
        "SELECT name, code, layer, idx, segment_id FROM search_name_hit ORDER BY 1, 2, 3, 4, 5"
    ).fetchall()
    for stmt in ("DROP TRIGGER search_names_segment ON segment",
                 "DROP TRIGGER search_names_interview ON interview",
                 *(f"DROP TRIGGER search_names_taxonomy_{op} ON taxonomy_term"
                   for op in ("insert", "update", "delete")),
                 "DROP TABLE search_name_hit", "DROP TABLE search_name"):
        archive.conn.execute_pg(stmt)
    try:
        assert not _covered(archive.conn, "요덕")
        _same(archive.conn, ("요덕", "Yodok"))  # the walk, on an archive without the hits
    finally:
        archive.lock()
    assert "table search_name_hit" in Archive.upgrade(pg_url).added
    with Archive.open(pg_url) as reopened:
        assert reopened.conn.execute_pg(
            "SELECT name, code, layer, idx, segment_id FROM search_name_hit "
            "ORDER BY 1, 2, 3, 4, 5").fetchall() == kept
        assert _covered(reopened.conn, "요덕")
        _same(reopened.conn, ("요덕", "Yodok"))


def test_every_role_keeps_the_hits_right_and_none_may_write_them(
        pg_url: str, pg_server: PgServer, tmp_path: Path) -> None:
    admin = archive_app.init_archive(pg_url, tmp_path / "objects", tmp_path / "archive.key",
                                     role="supervisor")
    version = sa.setup_taxonomy(admin)  # type: ignore[arg-type]
    try:
        fill_archive(pg_url, 0, 20, profile=PROFILE, version=version, template=20)
        seg = _segment_with(admin.conn, "요덕", without=True)
        with Archive.open(login(pg_server, pg_url, "translator")) as translator:
            translator.conn.execute("UPDATE segment SET text = '요덕에서 왔다' WHERE id = ?",
                                    (seg,))
            assert _covered(translator.conn, "요덕")
            _same(translator.conn, ("요덕", "Yodok"))
        with Archive.open(login(pg_server, pg_url, "analyst")) as analyst:
            analyst.conn.execute_pg(
                "INSERT INTO taxonomy_term(version_id, term_id, parent, seq, label_en, label_ko,"
                " aliases, romanisations) VALUES (%s, 'test.cloth', NULL, 999, 'Cloth (test)',"
                " '옷감 (시험)', '[\"감을\"]', '[]')", (version,))
            assert _covered(analyst.conn, "감을")
            _same(analyst.conn, ("감을", "요덕"))
        with Archive.open(login(pg_server, pg_url, "supervisor")) as sup:
            for sql in ("DELETE FROM search_name_hit", "INSERT INTO search_name VALUES ('x')"):
                refused = sup.conn.execute_pg(
                    "SELECT has_table_privilege(%s, %s)",
                    (sql.split()[2], sql.split()[0])).fetchone()
                assert refused == (False,), sql
            _same(sup.conn, ("요덕",))
    finally:
        admin.lock()
