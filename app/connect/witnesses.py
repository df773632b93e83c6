"""The same witness twice: probable duplicates and the supervisor's decisions.

Defectors are often interviewed by several organisations under different pseudonyms; two
interviews of one person are not corroboration. Probable duplicates are flagged from what the
vault holds, never from names:

- birth years within one year of each other, **and** the same home province, **and** either
  the same defection year or a shared place of detention in overlapping periods.

Each flag lists its reasons (including how much of the two interviews' original wording is
shared, as extra information). A supervisor decides each pair ``same`` or ``different``
(``decide``); the decision is audited, the latest one per pair counts, and corroboration counts
follow it: interviews decided the same person form one witness (``WitnessGroups``).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from app.coding.shown import shown
from app.connect.entities import Kinds
from app.errors import UsageError
from app.interviews import resolve_id
from storage.backend import Store
from storage.db import Connection

DECISIONS = ("same", "different")
_SHINGLE = 3  # words per phrase when comparing descriptions
_MAX_WORDS = 4000  # words per interview read for the description overlap


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def decisions(conn: Connection) -> dict[tuple[str, str], str]:
    """The latest decision per interview pair (ids ordered)."""
    out: dict[tuple[str, str], str] = {}
    # Two decisions at the same instant: the later row counts (insertion order: SQLite's rowid;
    # the archive's dialect reads it as the row's place, rows only ever being inserted).
    for a, b, decision in conn.execute(
            "SELECT interview_a, interview_b, decision FROM witness_decision"
            " ORDER BY decided_at, rowid"):
        out[(str(a), str(b))] = str(decision)
    return out


@dataclass
class WitnessGroups:
    """Interviews grouped into witnesses by the supervisor's ``same`` decisions (transitively).

    ``of(interview)`` is the witness key: the smallest interview id of its group.
    """

    parent: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, conn: Connection) -> WitnessGroups:
        groups = cls()
        for (a, b), decision in decisions(conn).items():
            if decision == "same":
                groups.union(a, b)
        return groups

    def of(self, interview_id: str) -> str:
        root = interview_id
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        # Every interview on the way now points at the root (the groups are unchanged; the
        # next look-up is one step: corroboration asks for tens of thousands).
        node = interview_id
        while node != root:
            self.parent[node], node = root, self.parent[node]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.of(a), self.of(b)
        if ra != rb:
            low, high = sorted((ra, rb))
            self.parent[high] = low
            self.parent.setdefault(low, low)

    def count(self, interviews: Iterable[str]) -> int:
        return len({self.of(i) for i in interviews})

    def merged(self, pairs: Iterable[tuple[str, str]]) -> WitnessGroups:
        """A copy where each pair is also the same witness (for the "at least" counts)."""
        out = WitnessGroups(dict(self.parent))
        for a, b in pairs:
            out.union(a, b)
        return out


@dataclass(frozen=True)
class Profile:
    interview_id: str
    code: str
    birth_year: int | None
    province: str | None
    defection_year: int | None
    detention: tuple[tuple[str, str | None, str | None], ...]  # (facility term, from, to)
    home: str | None = None  # the province as recorded (``province`` is it normalised)


@dataclass
class DuplicateFlag:
    """A probable same-witness pair: interviews ``a`` and ``b`` (codes ``code_a``/``code_b``),
    the reasons, and the supervisor's decision so far (None: not decided)."""

    a: str
    b: str
    code_a: str
    code_b: str
    reasons: list[str]
    description_overlap: float
    decision: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _norm(text: str | None) -> str | None:
    return " ".join(text.casefold().split()) if text and text.strip() else None


# Per connection: (connection, its state, profiles, places of detention). The state is the
# connection's own change count plus SQLite's data_version (which moves when another connection
# commits), so both are read again after any write to the vault. A connection without them (the
# PostgreSQL archive, where other sessions write at any time) reads both on every call.
_Stays = tuple[tuple[str, str | None, str | None], ...]
_PEOPLE: dict[int, tuple[Connection, tuple[int, int], list[Profile], dict[str, _Stays]]] = {}


def _state(conn: Connection) -> tuple[int, int] | None:
    if not hasattr(conn, "total_changes"):
        return None
    return (conn.total_changes, int(conn.execute("PRAGMA data_version").fetchone()[0]))


def _read(conn: Connection) -> tuple[list[Profile], dict[str, _Stays]]:
    """Every interview's profile, and the dated places of detention of every interview that
    has one (``_stays``); kept per vault state."""
    state = _state(conn)
    cached = _PEOPLE.get(id(conn))
    if state is not None and cached is not None and cached[0] is conn and cached[1] == state:
        return cached[2], cached[3]
    people = _profiles(conn)
    stays = _stays(conn)
    if state is not None:
        if len(_PEOPLE) > 8:
            _PEOPLE.clear()
        _PEOPLE[id(conn)] = (conn, state, people, stays)
    return people, stays


_PROFILES = ("SELECT i.id, i.code, p.birth_year, p.home_province, p.defection_year"
             " FROM interview i LEFT JOIN interviewee p ON p.interview_id = i.id")


def _profile(iid: Any, code: Any, birth: int | None, province: str | None,
             defection: int | None) -> Profile:
    return Profile(str(iid), str(code), birth, _norm(province), defection, (),
                   province.strip() if province else None)


def _profiles(conn: Connection) -> list[Profile]:
    """The profile of every interview."""
    return [_profile(*row) for row in conn.execute(_PROFILES)]


def _facility_terms(conn: Connection) -> list[str]:
    """Every term id an event names (as its place or in a supporting tag) that is a facility.
    Read from the indexes on ``event.place_term`` and ``tag.term_id``."""
    kinds = Kinds.load(conn)
    terms = {str(t) for (t,) in conn.execute(
        "SELECT DISTINCT place_term FROM event WHERE place_term IS NOT NULL")}
    terms |= {str(t) for (t,) in conn.execute("SELECT DISTINCT term_id FROM tag")}
    return sorted(t for t in terms if kinds.of(t) == "facility")


def _stays(conn: Connection) -> dict[str, _Stays]:
    """Facility, from, to of every dated event that names a facility (as its place or in a
    supporting tag), by interview: one set-based query over the indexed terms. An undated
    stay can never be shared (``_shared_detention``), so it is not read."""
    facilities = _facility_terms(conn)
    if not facilities:
        return {}
    marks = ",".join("?" * len(facilities))
    dated = " AND e.date_from IS NOT NULL AND e.date_to IS NOT NULL"
    query = ("SELECT e.interview_id, e.place_term, e.date_from, e.date_to FROM event e"  # noqa: S608
             f" WHERE e.place_term IN ({marks}){dated}"
             " UNION SELECT e.interview_id, t.term_id, e.date_from, e.date_to"
             " FROM tag t JOIN event_tag et ON et.tag_id = t.id"
             f" JOIN event e ON e.id = et.event_id WHERE t.term_id IN ({marks}){dated}")
    return _by_interview((str(iid), str(term), d0, d1)
                         for iid, term, d0, d1 in conn.execute(query, (*facilities, *facilities)))


def _by_interview(rows: Iterable[tuple[str, str, str | None, str | None]]) -> dict[str, _Stays]:
    """Dated stays (interview, facility, from, to) by interview, each once, in order."""
    found: dict[str, set[tuple[str, str | None, str | None]]] = defaultdict(set)
    for iid, term, d0, d1 in rows:
        found[iid].add((term, d0, d1))
    return {iid: tuple(sorted(s, key=lambda x: (x[0], x[1] or "", x[2] or "")))
            for iid, s in found.items()}


def _oriented(a: Profile, b: Profile) -> tuple[Profile, Profile]:
    """The pair as the reasons name it: the earlier birth year first."""
    return (a, b) if (a.birth_year or 0, a.interview_id) <= (b.birth_year or 0, b.interview_id) \
        else (b, a)


def _shared_detention(a: Profile, b: Profile) -> list[tuple[str, str, str]]:
    found = []
    for fa, a0, a1 in a.detention:
        for fb, b0, b1 in b.detention:
            if fa == fb and a0 and a1 and b0 and b1 and a0 <= b1 and b0 <= a1:
                found.append((fa, f"{a0[:4]}-{a1[:4]}", f"{b0[:4]}-{b1[:4]}"))
    return found


def _reasons(a: Profile, b: Profile) -> list[str] | None:
    if a.birth_year is None or b.birth_year is None or abs(a.birth_year - b.birth_year) > 1:
        return None
    if a.province is None or a.province != b.province:
        return None
    same_defection = a.defection_year is not None and a.defection_year == b.defection_year
    shared = _shared_detention(a, b)
    if not same_defection and not shared:
        return None
    reasons = [f"birth year {a.birth_year}" if a.birth_year == b.birth_year
               else f"birth years {a.birth_year} and {b.birth_year}",
               f"home province {a.home or a.province}"]
    if same_defection:
        reasons.append(f"defection year {a.defection_year}")
    for facility, pa, pb in shared:
        reasons.append(f"both held at {facility} ({pa} and {pb})")
    return reasons


def _shingles(conn: Connection, interview_id: str) -> set[tuple[str, ...]]:
    words: list[str] = []
    for (text,) in conn.execute("SELECT text FROM segment WHERE interview_id = ?"
                                " AND layer = 'original' ORDER BY start_s, idx", (interview_id,)):
        words += str(text).casefold().split()
        if len(words) >= _MAX_WORDS:
            break
    words = words[:_MAX_WORDS]
    return {tuple(words[i:i + _SHINGLE]) for i in range(max(0, len(words) - _SHINGLE + 1))}


def _candidates(conn: Connection, interviews: Collection[str] | None
                ) -> tuple[list[tuple[Profile, Profile]], dict[str, _Stays]]:
    """Every pair (or every pair with one of ``interviews``) that may be flagged, oriented as
    the reasons name them, from the profiles and stays kept per vault state."""
    people, stays = _read(conn)
    # A pair is flagged only with the same defection year or a shared dated stay (the same
    # facility), so candidates are looked up by (home, birth year) and one of those: the
    # number read per interview is then about the pairs flagged, not everyone of its home
    # and age (which grows with the archive).
    by_key: dict[tuple[str, int], list[Profile]] = defaultdict(list)
    by_defection: dict[tuple[str, int, int], list[Profile]] = defaultdict(list)
    by_facility: dict[tuple[str, int, str], list[Profile]] = defaultdict(list)
    facilities_of = {iid: tuple(dict.fromkeys(f for f, _, _ in s)) for iid, s in stays.items()}
    for p in people:
        if p.province is not None and p.birth_year is not None:
            by_key[(p.province, p.birth_year)].append(p)
            if p.defection_year is not None:
                by_defection[(p.province, p.birth_year, p.defection_year)].append(p)
            for term in facilities_of.get(p.interview_id, ()):
                by_facility[(p.province, p.birth_year, term)].append(p)
    if interviews is None:
        wanted: set[str] | None = None
        firsts = [p for group in by_key.values() for p in group]
    else:
        wanted = set(interviews)
        firsts = [p for group in by_key.values() for p in group if p.interview_id in wanted]
    seen: set[tuple[str, str]] = set()
    candidates: list[tuple[Profile, Profile]] = []
    for a in firsts:
        assert a.province is not None and a.birth_year is not None
        for year in (a.birth_year - 1, a.birth_year, a.birth_year + 1):
            groups = [by_facility.get((a.province, year, t), ())
                      for t in facilities_of.get(a.interview_id, ())]
            if a.defection_year is not None:
                groups.append(by_defection.get((a.province, year, a.defection_year), ()))
            for group in groups:
                for b in group:
                    if b.interview_id == a.interview_id:
                        continue
                    key = _pair(a.interview_id, b.interview_id)
                    if key in seen:
                        continue
                    seen.add(key)
                    candidates.append(_oriented(a, b))
    return candidates, stays


def _archive_candidates(conn: Connection, interviews: Collection[str]
                        ) -> tuple[list[tuple[Profile, Profile]], dict[str, _Stays]]:
    """``_candidates`` on the archive: the pairs, and the profiles and dated stays of their
    interviews only, from one query in the database (storage/pg/witnesses.py)."""
    from storage.pg import witnesses as pg

    keys = {raw: norm for raw in pg.provinces(conn) if (norm := _norm(raw)) is not None}
    found = pg.candidates(conn, interviews, keys, _facility_terms(conn))
    people = {str(row[0]): _profile(*row) for row in found.people}
    seen: set[tuple[str, str]] = set()
    candidates: list[tuple[Profile, Profile]] = []
    for ia, ib in found.pairs:
        key = _pair(ia, ib)
        if key in seen or ia not in people or ib not in people:
            continue
        seen.add(key)
        candidates.append(_oriented(people[ia], people[ib]))
    return candidates, _by_interview(found.stays)


def find_duplicates(conn: Connection, interviews: Collection[str] | None = None, *,
                    describe: bool = True) -> list[DuplicateFlag]:
    """Probable same-witness pairs (every pair, or those with at least one interview in
    ``interviews``), with the supervisor's decision on each; sorted by interview codes.
    ``describe`` adds the overlap of the two interviews' wording to the reasons (it never
    decides a flag; corroboration counts skip it).

    Candidates come from the interviewee records alone (same home province, birth years
    within one), looked up by (province, birth year) from each wanted interview; the places of
    detention of every interview are read once per vault state in one set-based query. On the
    archive (where other sessions write, so nothing is kept between calls), the candidates of
    the wanted interviews are found by the database (storage/pg/witnesses.py) and only their
    profiles and stays are read; the reasons are then given by the same code."""
    if interviews is not None and hasattr(conn, "execute_pg"):
        candidates, stays = _archive_candidates(conn, interviews)
    else:
        candidates, stays = _candidates(conn, interviews)
    decided = decisions(conn)
    out: list[DuplicateFlag] = []
    shingles: dict[str, set[tuple[str, ...]]] = {}
    for a0, b0 in candidates:
        a = _with(a0, stays)
        b = _with(b0, stays)
        reasons = _reasons(a, b)
        if reasons is None:
            continue
        overlap = 0.0
        if describe:
            for p in (a, b):
                if p.interview_id not in shingles:
                    shingles[p.interview_id] = _shingles(conn, p.interview_id)
            sa, sb = shingles[a.interview_id], shingles[b.interview_id]
            overlap = len(sa & sb) / min(len(sa), len(sb)) if sa and sb else 0.0
        if overlap >= 0.2:
            reasons.append(f"overlapping descriptions ({overlap:.0%} of phrases shared)")
        first, second = (a, b) if a.code <= b.code else (b, a)
        out.append(DuplicateFlag(first.interview_id, second.interview_id, first.code,
                                 second.code, reasons, round(overlap, 3),
                                 decided.get(_pair(a.interview_id, b.interview_id))))
    out.sort(key=lambda f: (f.code_a, f.code_b))
    return out


def _with(p: Profile, stays: dict[str, tuple[tuple[str, str | None, str | None], ...]]
          ) -> Profile:
    return Profile(p.interview_id, p.code, p.birth_year, p.province, p.defection_year,
                   stays.get(p.interview_id, ()), p.home)


def decide(vault: Store, a: str, b: str, decision: str, *, role: str, note: str = "",
           now: dt.datetime | None = None) -> None:
    """Record the decision that interviews ``a`` and ``b`` (ids or codes) are the ``same``
    witness or ``different`` witnesses, with who (``role``), when and the note. Audited; the
    latest decision counts.

    Who may decide: in a vault, the supervisor (``--role supervisor``). In the archive, where
    ``role`` is the database account's ``role:login`` (Archive.who), the account's grants
    decide (storage/pg/roles.py): supervisors and analysts, who code the evidence, may;
    translators, who edit transcripts only, are refused by PostgreSQL (ArchiveRefused) and
    nothing is recorded."""
    if decision not in DECISIONS:
        raise UsageError("connect.decision_must_be_one", choices=", ".join(DECISIONS))
    if ":" not in role and role != "supervisor":
        raise UsageError("connect.only_supervisor_decides")
    ia, ib = resolve_id(vault, a), resolve_id(vault, b)
    if ia == ib:
        raise UsageError("connect.same_interview_twice", a=shown(a), b=shown(b))
    first, second = _pair(ia, ib)
    stamp = (now or dt.datetime.now(dt.UTC)).isoformat()
    decision_id = str(uuid.uuid4())
    with vault.transaction() as c:
        c.execute("INSERT INTO witness_decision(id, interview_a, interview_b, decision, note,"
                  " decided_at, decided_by) VALUES (?,?,?,?,?,?,?)",
                  (decision_id, first, second, decision, note.strip(), stamp, role))
        vault.audit("decide", "witness", decision_id, role=role, now=now,
                    details={"interviews": [first, second], "decision": decision})
