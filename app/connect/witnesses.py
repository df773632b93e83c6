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
import json
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


# Per connection: (connection, its state, profiles). The state is the connection's own change
# count plus SQLite's data_version (which moves when another connection commits), so the list
# is read again after any write to the vault.
_PEOPLE: dict[int, tuple[Connection, tuple[int, int], list[Profile]]] = {}


def _people(conn: Connection) -> list[Profile]:
    """Every interview with its interviewee's attributes (no detention yet)."""
    changes = getattr(conn, "total_changes", None)
    if changes is None:  # the archive: other sessions write at any time, so read afresh
        return _read_people(conn)
    state = (changes, int(conn.execute("PRAGMA data_version").fetchone()[0]))
    cached = _PEOPLE.get(id(conn))
    if cached is not None and cached[0] is conn and cached[1] == state:
        return cached[2]
    people = _read_people(conn)
    if len(_PEOPLE) > 8:
        _PEOPLE.clear()
    _PEOPLE[id(conn)] = (conn, state, people)
    return people


def _read_people(conn: Connection) -> list[Profile]:
    people = [Profile(str(iid), str(code), birth, _norm(province), defection, (),
                      province.strip() if province else None)
              for iid, code, birth, province, defection in conn.execute(
                  "SELECT i.id, i.code, p.birth_year, p.home_province, p.defection_year"
                  " FROM interview i LEFT JOIN interviewee p ON p.interview_id = i.id")]
    return people


def _detention(conn: Connection, interviews: Collection[str]
               ) -> dict[str, tuple[tuple[str, str | None, str | None], ...]]:
    """Facility, from, to of every event of ``interviews`` that names a facility (as its place
    or in a supporting tag)."""
    kinds = Kinds.load(conn)
    stays: dict[str, set[tuple[str, str | None, str | None]]] = defaultdict(set)
    for iid, place, d0, d1, packed in conn.execute(
            "SELECT e.interview_id, e.place_term, e.date_from, e.date_to,"
            " (SELECT group_concat(t.term_id, char(31)) FROM event_tag et JOIN tag t"
            "  ON t.id = et.tag_id WHERE et.event_id = e.id) FROM event e"
            " WHERE e.interview_id IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted(interviews)),)):
        for term in {place, *(packed.split("\x1f") if packed else ())}:
            if term and kinds.of(term) == "facility":
                stays[str(iid)].add((str(term), d0, d1))
    return {iid: tuple(sorted(s, key=lambda x: (x[0], x[1] or "", x[2] or "")))
            for iid, s in stays.items()}


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


def find_duplicates(conn: Connection, interviews: Collection[str] | None = None, *,
                    describe: bool = True) -> list[DuplicateFlag]:
    """Probable same-witness pairs (every pair, or those with at least one interview in
    ``interviews``), with the supervisor's decision on each; sorted by interview codes.
    ``describe`` adds the overlap of the two interviews' wording to the reasons (it never
    decides a flag; corroboration counts skip it).

    Candidates come from the interviewee records alone (same home province, birth years
    within one); only their places of detention are then read."""
    by_province: dict[str, list[Profile]] = defaultdict(list)
    for p in _people(conn):
        if p.province is not None and p.birth_year is not None:
            by_province[p.province].append(p)
    wanted = None if interviews is None else set(interviews)
    candidates: list[tuple[Profile, Profile]] = []
    for group in by_province.values():
        group.sort(key=lambda p: (p.birth_year or 0, p.interview_id))
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                assert a.birth_year is not None and b.birth_year is not None
                if b.birth_year - a.birth_year > 1:
                    break
                if wanted is None or a.interview_id in wanted or b.interview_id in wanted:
                    candidates.append((a, b))
    stays = _detention(conn, {p.interview_id for pair in candidates for p in pair})
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
    """Record the supervisor's decision that interviews ``a`` and ``b`` (ids or codes) are the
    ``same`` witness or ``different`` witnesses. Audited; the latest decision counts."""
    if decision not in DECISIONS:
        raise UsageError("connect.decision_must_be_one", choices=", ".join(DECISIONS))
    if role != "supervisor":
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
