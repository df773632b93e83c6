"""The archive's SQL stays index-friendly as it grows: the importer's null-safe key lookups, the
connect code's id lists and numbered parameters, and the trigram search on lowered text (the
archive benchmark, bench/bench_scale.py --backend archive, found each scanning whole tables)."""

from __future__ import annotations

import json
from pathlib import Path

from storage.pg.archive import Archive
from storage.pg.connection import null_safe, translate
from storage.pg.search import search


def test_null_safe_numbered_and_id_lists_are_rewritten() -> None:
    assert null_safe('SELECT a FROM t WHERE "x" IS ? AND "y" IS ? AND z = ?', ["1", None, 3]) \
        == ('SELECT a FROM t WHERE "x" = ? AND "y" IS NULL AND z = ?', ("1", 3))
    assert null_safe("SELECT 1 FROM t WHERE z = ?", [3]) == ("SELECT 1 FROM t WHERE z = ?", (3,))
    # Numbered parameters are passed by name; null_safe leaves such statements alone.
    assert null_safe("SELECT 1 FROM t WHERE x IS ?1 OR y = ?1", ["v"]) == \
        ("SELECT 1 FROM t WHERE x IS ?1 OR y = ?1", ("v",))
    assert translate("SELECT id FROM e WHERE p IN (SELECT value FROM json_each(?))") == \
        "SELECT id FROM e WHERE p = ANY(ARRAY(SELECT jsonb_array_elements_text(%s::jsonb)))"


def _plan(archive: Archive, sql: str, params: tuple[object, ...]) -> str:
    text, args = null_safe(sql, params)
    query = translate(text)
    named: tuple[object, ...] | dict[str, object] = args
    if "%(p1)s" in query:  # numbered parameters go by name, as PgConnection.execute passes them
        named = {f"p{n}": v for n, v in enumerate(args, start=1)}
    archive.conn.execute_pg("SET enable_seqscan = off")
    try:
        rows = archive.conn.raw.execute("EXPLAIN " + query, named).fetchall()  # type: ignore[arg-type]
        return "\n".join(str(r[0]) for r in rows)
    finally:
        archive.conn.execute_pg("SET enable_seqscan = on")


def test_lookups_use_indexes_and_search_ignores_case(pg_url: str, tmp_path: Path) -> None:
    archive = Archive.init(pg_url, tmp_path / "objects", tmp_path / "archive.key")
    try:
        key_lookup = _plan(archive, 'SELECT "code" FROM "interview" WHERE "id" IS ?', ("x",))
        assert "Index" in key_lookup and "DISTINCT" not in key_lookup
        ids = _plan(archive, "SELECT id FROM event WHERE place_term IN"
                    " (SELECT value FROM json_each(?1)) OR act IN"
                    " (SELECT value FROM json_each(?1))", (json.dumps(["a", "b"]),))
        assert "event_place" in ids and "event_act" in ids
        with archive.transaction() as conn:
            conn.execute("INSERT INTO interview(id, code, created_at, updated_at, created_by)"
                         " VALUES ('i1', 'NK-2026-901', 'now', 'now', 'interviewer')")
            conn.execute("INSERT INTO segment(id, interview_id, idx, start_s, end_s, text,"
                         " created_at, created_by) VALUES ('s1', 'i1', 0, 0, 8,"
                         " 'He was held at YODOK, 요덕수용소에서', 'now', 'transcriber')")
        assert [h["interview"] for h in search(archive.conn, "yodok")] == ["NK-2026-901"]
        assert [h["segment"] for h in search(archive.conn, "수용소")] == [0]
        assert [h["matched"] for h in search(archive.conn, "요덕")] == ["요덕"]  # no trigram
        assert search(archive.conn, "OD") and search(archive.conn, "에요") == []
        assert search(archive.conn, "100%") == []  # LIKE's wildcards are literal here
        trigram = _plan(archive, "SELECT 1 FROM segment WHERE lower(text) LIKE ?",
                        ("%요덕수용소%",))
        assert "segment_text_lower_trgm" in trigram
        # The interview list's review counts (app/overview.py) have the vault's index too
        # (on a table this small the planner may still prefer another).
        assert archive.conn.execute_pg(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'segment_review'"
        ).fetchone()[0].endswith("(interview_id, layer, review_status)")
    finally:
        archive.close()
