"""Search in the archive: Korean (and any) substrings and taxonomy aliases, with pg_trgm.

A query matches a segment whose text contains it (case-insensitive), or contains any name of a
taxonomy term the query names: its Korean or English label, an alias or a romanisation (so
"Bowibu", "보위부" and "State Security Department" find one another). Substring matching uses
trigram GIN indexes (``pg_trgm``) on the lowered text, so it stays fast as the archive grows;
names of one or two characters cannot use trigrams: the archive keeps, for every name of a
taxonomy term that has such a name, which segments contain it (storage/pg/schema.py, kept by
triggers), and reads the first hits of each name from there; a short query naming no such term
reads the segments in the order shown until a page of hits is found.
"""

from __future__ import annotations

import json
from typing import Any

INDEXES = [
    "CREATE INDEX IF NOT EXISTS segment_text_lower_trgm ON segment USING gin "
    "(lower(text) gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS taxonomy_names_trgm ON taxonomy_term USING gin "
    "((label_ko || ' ' || label_en || ' ' || aliases || ' ' || romanisations) gin_trgm_ops)",
]


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def names_for(conn: Any, text: str) -> list[str]:
    """The query and every name of each taxonomy term one of whose names contains it."""
    names = {text}
    for label_ko, label_en, aliases, romanisations in conn.execute_pg(
            "SELECT label_ko, label_en, aliases, romanisations FROM taxonomy_term WHERE "
            "(label_ko || ' ' || label_en || ' ' || aliases || ' ' || romanisations) "
            "ILIKE %s", (_like(text),)):
        names |= {str(label_ko), str(label_en)}
        for field in (aliases, romanisations):
            try:
                names |= {str(n) for n in json.loads(field or "[]") if isinstance(n, str)}
            except ValueError:
                continue
    return sorted(n for n in names if n.strip())


def search(conn: Any, text: str, *, limit: int = 50, name_hits: bool = True
           ) -> list[dict[str, Any]]:
    """The first ``limit`` segments (in interview code, layer and index order) containing the
    query or a name of a term it names. ``name_hits=False`` never uses the short-name hits (the
    walk in the order shown; the tests and the benchmark compare the two)."""
    text = text.strip()
    if not text:
        return []
    names = names_for(conn, text)
    likes = [_like(n) for n in names]
    select = ("SELECT i.code, s.interview_id, s.idx, s.layer, s.start_s, s.text FROM segment s "
              "JOIN interview i ON i.id = s.interview_id WHERE ")
    # The segment's id last: two transcripts of one layer can both have a segment 0, and the
    # page must not depend on the plan that found them.
    order = " ORDER BY i.code, s.layer, s.idx, s.id LIMIT %s"
    if all(len(n) >= 3 for n in names):
        # One LIKE per name on the lowered text, OR'ed: each is served by the trigram index
        # on lower(text) (a bitmap OR); ``ILIKE ANY(array)`` could not use it.
        where = "(" + " OR ".join(["lower(s.text) LIKE lower(%s)"] * len(names)) + ")"
        params: tuple[Any, ...] = (*likes, limit)
    else:
        rows = _from_name_hits(conn, names, limit) if name_hits else None
        if rows is not None:
            return _hits(rows, names, text)
        # A name of one or two characters (요덕) has no trigram, so no index finds it, and the
        # archive keeps no hits for one of the names (an archive not yet upgraded, or a short
        # query that names no term): the segments are read in the order shown, each lowered
        # once (PostgreSQL would lower it again for every OR'ed name; on Korean text that is
        # most of the cost) and compared with every name, until the page is full.
        where = "lower(s.text) LIKE ANY(ARRAY(SELECT lower(unnest(%s::text[]))))"
        params = (likes, limit)
    return _hits(conn.execute_pg(select + where + order, params), names, text)


# The first hits of each name, from the short-name hits (storage/pg/schema.py), merged: a name
# containing another of the query's names adds nothing (its segments contain the other), so
# only the others are read, each an index range in the order shown (code, layer, index, id) of at
# most ``limit`` rows. A segment in the first ``limit`` hits of the query is in the first
# ``limit`` hits of every name it contains, so these rows hold the page. The text is compared
# again, so a hit row can only ever narrow the page, never add a segment without the name.
_FROM_HITS = """
WITH names AS (SELECT DISTINCT lower(n) AS name FROM unnest(%s::text[]) AS u(n)),
lean AS (SELECT name FROM names a WHERE NOT EXISTS (
    SELECT 1 FROM names b WHERE b.name <> a.name AND strpos(a.name, b.name) > 0)),
firsts AS (SELECT DISTINCT h.segment_id FROM lean CROSS JOIN LATERAL (
    SELECT segment_id FROM search_name_hit WHERE name = lean.name
    ORDER BY code, layer, idx, segment_id LIMIT %s) AS h)
SELECT i.code, s.interview_id, s.idx, s.layer, s.start_s, s.text
FROM firsts f JOIN segment s ON s.id = f.segment_id JOIN interview i ON i.id = s.interview_id
WHERE lower(s.text) LIKE ANY(ARRAY(SELECT lower(unnest(%s::text[]))))
ORDER BY i.code, s.layer, s.idx, s.id LIMIT %s"""


def _from_name_hits(conn: Any, names: list[str], limit: int) -> Any | None:
    """The query's page from the short-name hits, or None when the archive keeps no hits for
    one of its names (or has none, or this role may not read them)."""
    kept = conn.execute_pg(
        "SELECT coalesce(has_table_privilege(to_regclass('search_name'), 'SELECT') AND "
        "has_table_privilege(to_regclass('search_name_hit'), 'SELECT'), false)").fetchone()[0]
    if not kept or not conn.execute_pg(
            "SELECT bool_and(lower(n) IN (SELECT name FROM search_name)) "
            "FROM unnest(%s::text[]) AS u(n)", (names,)).fetchone()[0]:
        return None
    return conn.execute_pg(_FROM_HITS, (names, limit, [_like(n) for n in names], limit))


def _hits(rows: Any, names: list[str], text: str) -> list[dict[str, Any]]:
    out = []
    for code, iid, idx, layer, start, body in rows:
        found = next((n for n in names if n.lower() in str(body).lower()), text)
        out.append({"interview": str(code), "interview_id": str(iid), "segment": int(idx),
                    "layer": str(layer), "start_s": float(start), "text": str(body),
                    "matched": found})
    return out
