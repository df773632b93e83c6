"""Search in the archive: Korean (and any) substrings and taxonomy aliases, with pg_trgm.

A query matches a segment whose text contains it (case-insensitive), or contains any name of a
taxonomy term the query names: its Korean or English label, an alias or a romanisation (so
"Bowibu", "보위부" and "State Security Department" find one another). Substring matching uses
trigram GIN indexes (``pg_trgm``) on the lowered text, so it stays fast as the archive grows;
names of one or two characters cannot use trigrams: the segments are then read in the order
shown until a page of hits is found (fast for a common name, a scan for a rare one).
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


def search(conn: Any, text: str, *, limit: int = 50) -> list[dict[str, Any]]:
    text = text.strip()
    if not text:
        return []
    names = names_for(conn, text)
    likes = [_like(n) for n in names]
    select = ("SELECT i.code, s.interview_id, s.idx, s.layer, s.start_s, s.text FROM segment s "
              "JOIN interview i ON i.id = s.interview_id WHERE ")
    order = " ORDER BY i.code, s.layer, s.idx LIMIT %s"
    if all(len(n) >= 3 for n in names):
        # One LIKE per name on the lowered text, OR'ed: each is served by the trigram index
        # on lower(text) (a bitmap OR); ``ILIKE ANY(array)`` could not use it.
        where = "(" + " OR ".join(["lower(s.text) LIKE lower(%s)"] * len(names)) + ")"
        params: tuple[Any, ...] = (*likes, limit)
    else:
        # A name of one or two characters (요덕) has no trigram, so no index finds it: the
        # segments are read in the order shown, each lowered once (PostgreSQL would lower it
        # again for every OR'ed name; on Korean text that is most of the cost) and compared
        # with every name, until the page is full.
        where = "lower(s.text) LIKE ANY(ARRAY(SELECT lower(unnest(%s::text[]))))"
        params = (likes, limit)
    rows = conn.execute_pg(select + where + order, params)
    out = []
    for code, iid, idx, layer, start, body in rows:
        found = next((n for n in names if n.lower() in str(body).lower()), text)
        out.append({"interview": str(code), "interview_id": str(iid), "segment": int(idx),
                    "layer": str(layer), "start_s": float(start), "text": str(body),
                    "matched": found})
    return out
