"""Search in the archive: Korean (and any) substrings and taxonomy aliases, with pg_trgm.

A query matches a segment whose text contains it (case-insensitive), or contains any name of a
taxonomy term the query names: its Korean or English label, an alias or a romanisation (so
"Bowibu", "보위부" and "State Security Department" find one another). Substring matching uses
trigram GIN indexes (``pg_trgm``), so it stays fast as the archive grows; queries of one or two
characters cannot use trigrams and scan instead.
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
    # The text lowered once per segment and one LIKE per name, OR'ed: each can use the trigram
    # index on lower(text) (a bitmap OR), where ``ILIKE ANY(array)`` cannot and reads every
    # segment; and ILIKE lowers the whole text again for every name, which on Korean text
    # costs tens of microseconds a row.
    where = " OR ".join(["lower(s.text) LIKE lower(%s)"] * len(names))
    rows = conn.execute_pg(
        "SELECT i.code, s.interview_id, s.idx, s.layer, s.start_s, s.text FROM segment s "  # noqa: S608
        f"JOIN interview i ON i.id = s.interview_id WHERE ({where}) "
        "ORDER BY i.code, s.layer, s.idx LIMIT %s", (*[_like(n) for n in names], limit))
    out = []
    for code, iid, idx, layer, start, body in rows:
        found = next((n for n in names if n.lower() in str(body).lower()), text)
        out.append({"interview": str(code), "interview_id": str(iid), "segment": int(idx),
                    "layer": str(layer), "start_s": float(start), "text": str(body),
                    "matched": found})
    return out
