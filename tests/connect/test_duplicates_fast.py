"""The duplicate-witness search's set-based path gives the pairs and reasons the per-event
reading gave, on a generated archive where homes and birth years are drawn at random (so
unplanned same-witness candidates occur, as in real collections), in the vault and in the
PostgreSQL archive.

``reference_duplicates`` is the earlier algorithm kept as the oracle: every candidate pair
(same home province, birth years within one) from a walk over all interviews, then each
candidate's events read one at a time with their supporting tags."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Collection
from pathlib import Path
from typing import Any

import pytest

from app.connect import witnesses as w
from app.connect.entities import Kinds
from bench import scale_archive as sa
from bench.scale_pg import fill_archive
from storage.pg.archive import Archive
from storage.vault import Vault
from tests.bundle_helpers import new_vault
from tests.connect_archive import YODOK

PROFILE = sa.Profile(segments=4, translated=0.0, audio_bytes=64, extra_tags=0)
SIZE = 3000  # homes are one of 300 counties: about 50 flagged pairs at this size


def _reference_detention(conn: Any, interviews: Collection[str]
                         ) -> dict[str, tuple[tuple[str, str | None, str | None], ...]]:
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


def reference_duplicates(conn: Any, interviews: Collection[str] | None = None
                         ) -> list[tuple[str, str, list[str]]]:
    people = [w.Profile(str(iid), str(code), birth, w._norm(province), defection, (),
                        province.strip() if province else None)
              for iid, code, birth, province, defection in conn.execute(
                  "SELECT i.id, i.code, p.birth_year, p.home_province, p.defection_year"
                  " FROM interview i LEFT JOIN interviewee p ON p.interview_id = i.id")]
    by_province: dict[str, list[w.Profile]] = defaultdict(list)
    for p in people:
        if p.province is not None and p.birth_year is not None:
            by_province[p.province].append(p)
    wanted = None if interviews is None else set(interviews)
    candidates = []
    for group in by_province.values():
        group.sort(key=lambda p: (p.birth_year or 0, p.interview_id))
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                assert a.birth_year is not None and b.birth_year is not None
                if b.birth_year - a.birth_year > 1:
                    break
                if wanted is None or a.interview_id in wanted or b.interview_id in wanted:
                    candidates.append((a, b))
    stays = _reference_detention(conn, {p.interview_id for pair in candidates for p in pair})
    out = []
    for a0, b0 in candidates:
        a, b = w._with(a0, stays), w._with(b0, stays)
        reasons = w._reasons(a, b)
        if reasons is not None:
            first, second = (a, b) if a.code <= b.code else (b, a)
            out.append((first.code, second.code, reasons))
    return sorted(out, key=lambda f: (f[0], f[1]))


def _flags(conn: Any, interviews: Collection[str] | None = None
           ) -> list[tuple[str, str, list[str]]]:
    return [(f.code_a, f.code_b, f.reasons)
            for f in w.find_duplicates(conn, interviews, describe=False)]


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Any:
    vault = new_vault(tmp_path_factory.mktemp("dup") / "v")
    sa.fill(vault, 0, SIZE, profile=PROFILE, version=sa.setup_taxonomy(vault))
    yield vault
    vault.lock()


def _yodok(vault: Vault) -> set[str]:
    return {str(r[0]) for r in vault.conn.execute(
        "SELECT DISTINCT interview_id FROM event WHERE place_term = ?", (YODOK,))}


def test_fast_path_gives_the_reference_pairs_in_the_vault(generated: Vault) -> None:
    conn = generated.conn
    everything = reference_duplicates(conn)
    assert len(everything) >= 20
    assert any(r.startswith("both held at") for *_, reasons in everything for r in reasons)
    assert any(not any(r.startswith("defection year") for r in reasons)
               for *_, reasons in everything)  # flagged by detention alone
    assert _flags(conn) == everything
    yodok = _yodok(generated)
    assert _flags(conn, yodok) == reference_duplicates(conn, yodok)
    assert _flags(conn, set()) == []


def test_the_kept_detention_follows_a_change_to_the_vault(generated: Vault) -> None:
    conn = generated.conn
    by_stay = next(f for f in reference_duplicates(conn)
                   if not any(r.startswith("defection year") for r in f[2]))
    assert _flags(conn) == reference_duplicates(conn)  # read and kept
    iid = conn.execute("SELECT id FROM interview WHERE code = ?", (by_stay[0],)).fetchone()[0]
    dates = conn.execute("SELECT id, date_from, date_to FROM event WHERE interview_id = ?",
                         (iid,)).fetchall()
    try:
        with generated.transaction() as c:
            c.execute("UPDATE event SET date_from = '1900-01-01', date_to = '1900-12-31'"
                      " WHERE interview_id = ?", (iid,))
        after = _flags(conn)
        assert (by_stay[0], by_stay[1]) not in {(a, b) for a, b, _ in after}
        assert after == reference_duplicates(conn)
    finally:
        with generated.transaction() as c:
            c.executemany("UPDATE event SET date_from = ?, date_to = ? WHERE id = ?",
                          [(d0, d1, eid) for eid, d0, d1 in dates])
    assert _flags(conn) == reference_duplicates(conn)


def test_the_archive_gives_the_vaults_pairs(generated: Vault, pg_url: str,
                                            tmp_path: Path) -> None:
    # The bench's bulk loader writes the same interviews (copy 0 is interview_rows' rows).
    archive = Archive.init(pg_url, tmp_path / "objects", tmp_path / "archive.key")
    try:
        version = sa.setup_taxonomy(archive)  # type: ignore[arg-type]
        fill_archive(pg_url, 0, SIZE, profile=PROFILE, version=version, template=SIZE)
        assert archive.conn.execute("SELECT count(*) FROM event").fetchone() == \
            generated.conn.execute("SELECT count(*) FROM event").fetchone()
        yodok = _yodok(generated)
        assert _flags(archive.conn) == _flags(generated.conn)
        assert _flags(archive.conn, yodok) == _flags(generated.conn, yodok)
    finally:
        archive.lock()
