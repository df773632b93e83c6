"""Same-witness candidates computed in the archive: the pairs that can be flagged as probably
the same person (app/connect/witnesses.py), for a set of interviews, in one query.

A pair can be flagged only if both interviewees have a birth year, the years are within one,
their home provinces are the same once normalised, and they either defected in the same year
or were both held, in overlapping dated periods, at the same facility. The query returns the
pairs meeting exactly that (at least one interview in the set asked about), so the caller reads
the profiles and dated stays of those pairs' interviews only, not the whole archive's, and
gives the reasons with the same code as for a vault.

Normalisation of the province is the caller's (Python's case folding, which PostgreSQL's
``lower`` does not reproduce in every script): it passes each distinct recorded province with
its normalised key, and the query joins on the key. The defection branch is served by
``interviewee_same_witness`` (home province, birth year, defection year); dated stays by the
vault's own indexes on ``event.place_term``, ``tag.term_id`` and ``event_tag``. Dates are ISO
text compared byte-wise (``COLLATE "C"``), as Python compares them.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, LiteralString

INDEXES = [
    "CREATE INDEX IF NOT EXISTS interviewee_same_witness ON interviewee "
    "(home_province, birth_year, defection_year)",
]

# Every distinct recorded province (served by the index above; a loose index scan, so the cost
# is the number of provinces, not of interviewees).
_PROVINCES: LiteralString = """
WITH RECURSIVE p(v) AS (
    (SELECT home_province FROM interviewee WHERE home_province IS NOT NULL
     ORDER BY home_province LIMIT 1)
    UNION ALL
    SELECT (SELECT home_province FROM interviewee WHERE home_province > p.v
            ORDER BY home_province LIMIT 1) FROM p WHERE p.v IS NOT NULL)
SELECT v FROM p WHERE v IS NOT NULL"""

def _pairs_sql(few: bool) -> LiteralString:
    """The query; ``few``: the stays read are those of people near the wanted ones (index
    lookups, for a few wanted interviews), else every dated stay (hash joins, for many)."""
    near: LiteralString = (
        " AND e.interview_id IN (SELECT n.id FROM probe a JOIN person n"
        " ON n.key = a.key AND n.born = a.born)" if few else "")
    return ("""
WITH norm AS (
    SELECT raw, key FROM unnest(%(raw)s::text[], %(key)s::text[]) AS n(raw, key)),
person AS MATERIALIZED (
    SELECT p.interview_id AS id, n.key, p.birth_year AS born, p.defection_year AS defected
    FROM interviewee p JOIN norm n ON n.raw = p.home_province
    WHERE p.birth_year IS NOT NULL),
-- Each wanted person once per birth year a match may have, so that every join below is on
-- equal values (hash joins on all of them).
probe AS MATERIALIZED (
    SELECT a.id, a.key, a.born + d.d AS born, a.defected
    FROM person a CROSS JOIN (VALUES (-1), (0), (1)) AS d(d)
    WHERE a.id = ANY(%(wanted)s::text[])),
stay AS MATERIALIZED (
    SELECT e.interview_id AS id, e.place_term AS facility, e.date_from AS d0, e.date_to AS d1
    FROM event e
    WHERE e.place_term = ANY(%(facilities)s::text[])
      AND e.date_from IS NOT NULL AND e.date_to IS NOT NULL{near}
    UNION
    SELECT e.interview_id, t.term_id, e.date_from, e.date_to
    FROM tag t JOIN event_tag et ON et.tag_id = t.id JOIN event e ON e.id = et.event_id
    WHERE t.term_id = ANY(%(facilities)s::text[])
      AND e.date_from IS NOT NULL AND e.date_to IS NOT NULL{near}),
placed AS MATERIALIZED (
    SELECT s.id, p.key, p.born, s.facility, s.d0, s.d1 FROM stay s JOIN person p ON p.id = s.id),
probe_stay AS MATERIALIZED (
    SELECT a.id, a.key, a.born, s.facility, s.d0, s.d1
    FROM probe a JOIN stay s ON s.id = a.id),
pairs AS MATERIALIZED (
    SELECT a.id AS a, b.id AS b
    FROM probe a JOIN person b ON b.key = a.key AND b.born = a.born AND b.defected = a.defected
    WHERE b.id <> a.id
    UNION
    SELECT a.id, b.id
    FROM probe_stay a
    JOIN placed b ON b.key = a.key AND b.born = a.born AND b.facility = a.facility
    WHERE b.id <> a.id
      AND a.d0 COLLATE "C" <= b.d1 COLLATE "C" AND b.d0 COLLATE "C" <= a.d1 COLLATE "C"),
involved AS MATERIALIZED (SELECT a AS id FROM pairs UNION SELECT b FROM pairs)
SELECT 'pair', a, b, NULL, NULL, NULL, NULL::bigint, NULL::bigint FROM pairs
UNION ALL
SELECT DISTINCT 'stay', s.id, NULL, s.facility, s.d0, s.d1, NULL::bigint, NULL::bigint
FROM stay s WHERE s.id IN (SELECT id FROM involved)
UNION ALL
SELECT 'person', i.id, NULL, i.code, p.home_province, NULL, p.birth_year, p.defection_year
FROM interview i LEFT JOIN interviewee p ON p.interview_id = i.id
WHERE i.id IN (SELECT id FROM involved)
""").replace("{near}", near)


# Up to this share of the archive's interviewees asked about, the stays are read by interview.
FEW = 0.05


def provinces(conn: Any) -> list[str]:
    """Every home province recorded in the archive, as written, in order. (An archive created
    before the index reads them from the table: one pass, not one per province.)"""
    row = conn.execute_pg("SELECT to_regclass('interviewee_same_witness') IS NOT NULL").fetchone()
    if row and row[0]:
        return [str(r[0]) for r in conn.execute_pg(_PROVINCES)]
    return sorted(str(r[0]) for r in conn.execute_pg(
        "SELECT DISTINCT home_province FROM interviewee WHERE home_province IS NOT NULL"))


@dataclass
class Candidates:
    """What ``candidates`` finds: the pairs, and for every interview in one of them its
    profile row (id, code, birth year, home province as recorded, defection year) and its
    dated stays (id, facility, from, to)."""

    pairs: list[tuple[str, str]] = field(default_factory=list)
    people: list[tuple[str, str, int | None, str | None, int | None]] = field(
        default_factory=list)
    stays: list[tuple[str, str, str, str]] = field(default_factory=list)


def candidates(conn: Any, interviews: Collection[str], keys: Mapping[str, str],
               facilities: Sequence[str], *, few: bool | None = None) -> Candidates:
    """The interview pairs (first: one of ``interviews``) whose interviewees can be the same
    person, with their interviews' profiles and dated stays: ``keys`` maps each recorded
    province to its normalised form (provinces left out never match), ``facilities`` are the
    terms that name a facility. A pair may come in both orders when both interviews are asked
    about. ``few`` chooses the plan (``_pairs_sql``; default: by the share of the archive asked
    about); both give the same result."""
    out = Candidates()
    if not interviews or not keys:
        return out
    raw = sorted(keys)
    wanted = sorted(set(interviews))
    params = {"raw": raw, "key": [keys[r] for r in raw], "wanted": wanted,
              "facilities": list(facilities)}
    with conn.raw.transaction():
        # The planner's estimates for the self-joins are far above their real size; the
        # just-in-time compilation they would start costs more than the whole query.
        conn.raw.execute("SET LOCAL jit = off")
        # Hash joins, in memory: the estimates would choose merge joins, whose sorts of text
        # keys under the database's collation cost more than the joins.
        conn.raw.execute("SET LOCAL work_mem = '64MB'")
        conn.raw.execute("SET LOCAL enable_mergejoin = off")
        if few is None:
            size = conn.raw.execute("SELECT reltuples FROM pg_class WHERE oid = "
                                    "to_regclass('interviewee')").fetchone()
            total = float(size[0]) if size and size[0] and size[0] > 0 else 0.0
            few = len(wanted) <= FEW * max(total, 1.0)
        rows = conn.raw.execute(_pairs_sql(few), params).fetchall()
    for kind, a, b, c, d, e, born, defected in rows:
        if kind == "pair":
            out.pairs.append((str(a), str(b)))
        elif kind == "stay":
            out.stays.append((str(a), str(c), str(d), str(e)))
        else:
            out.people.append((str(a), str(c), born, d, defected))
    return out
