"""Corroboration's conflicts and open same-witness flags: exact counts, a bounded and
deterministic first page, everything on request, and the same conflicts as the earlier
algorithm; and the archive's same-witness candidates (found by one query in the database)
equal to the vault's.

``reference_conflicts`` is the earlier algorithm kept as the oracle (it wrote every conflict
out and sorted them by kind, witness and explanation)."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from app.connect import corroborate as co
from app.connect import entities
from app.connect import witnesses as w
from app.connect.corroborate import Conflict, Subject, _brief_account, _focus, _place
from app.connect.entities import Kinds
from app.connect.evidence import Account, InterviewInfo, load_accounts
from app.connect.witnesses import WitnessGroups
from app.errors import UsageError
from bench import scale_archive as sa
from bench.scale_pg import fill_archive
from storage.backend import Store
from storage.pg import witnesses as pg
from storage.pg.archive import Archive
from storage.vault import Vault
from tests.bundle_helpers import new_vault
from tests.common import PASSPHRASE
from tests.connect_archive import CAMP22, CAMP22_CLOSED, YODOK, generate

N_DATE = 12  # planted date conflicts at Yodok: more than a page of 5


def reference_conflicts(vault: Store, accounts: Sequence[Account], subject: Subject,
               subject_terms: set[str], kinds: Kinds, loose: WitnessGroups,
               interviews: dict[str, InterviewInfo], witness: Any,
               relatives: set[str]) -> list[Conflict]:
    """Conflicts (see the module docstring), one per kind and pair of interviews."""
    found: dict[tuple[str, str, str], Conflict] = {}
    # The codes of the supporters and of every interview that may be the same person, read
    # in one query (not one per conflict: conflicts grow with the flagged pairs).
    codes = {iid: info.code for iid, info in interviews.items()}
    missing = sorted(relatives - codes.keys())
    if missing:
        codes.update((str(i), str(c)) for i, c in vault.conn.execute(
            "SELECT id, code FROM interview WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(missing),)))

    def _code(interview_id: str) -> str:
        return codes.get(interview_id, interview_id)

    def add(kind: str, a: Account, b: Account, explanation: str) -> None:
        first, second = sorted((a, b), key=lambda x: (x.interview_id, x.id))
        key = (kind, first.interview_id, second.interview_id)
        if key not in found:
            found[key] = Conflict(kind, witness(a.interview_id), explanation, [])
        known = {r["account"] for r in found[key].accounts}
        for acc in (first, second):
            if acc.id not in known:
                found[key].accounts.append(_brief_account(acc, codes))

    by_witness: dict[str, list[Account]] = defaultdict(list)
    for acc in accounts:
        by_witness[loose.of(acc.interview_id)].append(acc)
    for accs in by_witness.values():
        for i, a in enumerate(accs):
            for b in accs[i + 1:]:
                if a.interview_id == b.interview_id:
                    continue
                common = _focus(a, subject, subject_terms) & _focus(b, subject, subject_terms)
                if common and a.overlaps(b) is False:
                    add("date", a, b,
                        f"The same witness dates {', '.join(sorted(common))} to periods that do "
                        f"not overlap ({_code(a.interview_id)}: "
                        f"{a.date_text}; {_code(b.interview_id)}: "
                        f"{b.date_text}).")
    # place: the same act in the same period at different facilities, by one witness
    if relatives:
        supporting = {a.id for a in accounts}
        others = [a for a in load_accounts(vault.conn, interviews=relatives | {
            a.interview_id for a in accounts if a.interview_id in relatives})
            if a.kind == "event" and a.id not in supporting]
        by_w: dict[str, list[Account]] = defaultdict(list)
        for acc in others:
            by_w[loose.of(acc.interview_id)].append(acc)
        places: dict[str, set[str]] = {}  # account id -> its facilities, computed once

        def place(acc: Account) -> set[str]:
            if acc.id not in places:
                places[acc.id] = _place(acc, kinds)
            return places[acc.id]

        for a in accounts:
            for b in by_w.get(loose.of(a.interview_id), []):
                if b.interview_id == a.interview_id or not a.act or b.act != a.act:
                    continue
                pa, pb = place(a), place(b)
                if pa and pb and not pa & pb and a.overlaps(b):
                    add("place", a, b,
                        f"The same witness places {a.act} in the same period at "
                        f"{', '.join(sorted(pa))} ({_code(a.interview_id)}) "
                        f"and at {', '.join(sorted(pb))} "
                        f"({_code(b.interview_id)}).")
    out = list(found.values())
    # period: dated outside the period the entity existed under this name
    periods = {str(r[0]): (r[1], r[2]) for r in vault.conn.execute(
        "SELECT term_id, active_from, active_to FROM entity WHERE active_from IS NOT NULL"
        " OR active_to IS NOT NULL")}
    for acc in accounts:
        if not acc.date_from or not acc.date_to:
            continue
        ends = {subject.link.src, subject.link.dst} if subject.link else set()
        for term in sorted((_focus(acc, subject, subject_terms) | ends) & set(periods)):
            start, stop = periods[term]
            if (stop and acc.date_from > stop) or (start and acc.date_to < start):
                out.append(Conflict(
                    "period", witness(acc.interview_id),
                    f"{interviews[acc.interview_id].code} dates an account about {term} "
                    f"{acc.date_text}, outside the period recorded for it "
                    f"({start or '…'} to {stop or '…'}).",
                    [_brief_account(acc, codes)]))
    out.sort(key=lambda c: (c.kind, c.witness, c.explanation))
    return out


def _old_corroborate(vault: Store, subject: Subject, monkeypatch: pytest.MonkeyPatch,
                     **kw: Any) -> co.Corroboration:
    """Corroboration with the earlier conflict search (every conflict written out)."""
    def old(vault: Store, accounts: Sequence[Account], subject: Subject,
            subject_terms: set[str], kinds: Kinds, _groups: WitnessGroups,
            loose: WitnessGroups, interviews: dict[str, InterviewInfo], witness: Any,
            relatives: set[str], _limit: int | None) -> tuple[list[Conflict], dict[str, int]]:
        return reference_conflicts(vault, accounts, subject, subject_terms, kinds, loose,
                                   interviews, witness, relatives), {}

    with monkeypatch.context() as m:
        m.setattr(co, "_conflicts", old)
        return co.corroborate(vault, subject, limit=None, **kw)


def _key(c: Conflict) -> str:
    return json.dumps(c.to_dict(), sort_keys=True)


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Vault]:
    vault = new_vault(tmp_path_factory.mktemp("paging") / "v")
    generate(vault, 400, n_duplicates=30, n_date_conflicts=N_DATE, n_place_conflicts=6,
             n_near_misses=4, n_after_closure=3)
    entities.set_entity(vault, CAMP22, role="supervisor", active_to=CAMP22_CLOSED)
    yield vault
    vault.lock()


@pytest.mark.parametrize("facility", [YODOK, CAMP22, "detention.kwanliso.14"])
def test_counts_are_exact_and_everything_is_the_earlier_algorithms(
        planted: Vault, facility: str, monkeypatch: pytest.MonkeyPatch) -> None:
    subject = co.subject_for(planted, facility=facility)
    old = _old_corroborate(planted, subject, monkeypatch)
    everything = co.corroborate(planted, subject, limit=None)
    assert everything.limit is None
    assert sorted(map(_key, everything.conflicts)) == sorted(map(_key, old.conflicts))
    assert everything.conflict_counts == {k: Counter(c.kind for c in old.conflicts)[k]
                                          for k in co.CONFLICT_KINDS}
    assert everything.conflicts_total == len(old.conflicts)
    assert sorted(map(json.dumps, everything.unresolved_duplicates)) == sorted(
        map(json.dumps, old.unresolved_duplicates))
    assert everything.unresolved_duplicates_total == len(old.unresolved_duplicates)
    # The counts never depend on the page.
    for limit in (0, 1, 5):
        page = co.corroborate(planted, subject, limit=limit, with_quotes=False)
        assert (page.conflict_counts, page.unresolved_duplicates_total) == (
            everything.conflict_counts, everything.unresolved_duplicates_total)
        assert (page.testimonies, page.independent_witnesses,
                page.independent_witnesses_at_least) == (
            everything.testimonies, everything.independent_witnesses,
            everything.independent_witnesses_at_least)
        assert page.conflicts == everything.conflicts[:limit]
        assert page.unresolved_duplicates == everything.unresolved_duplicates[:limit]
    if facility == YODOK:
        assert everything.conflict_counts["date"] >= N_DATE > 5
    if facility == CAMP22:
        assert everything.conflict_counts["period"] >= 3  # one per account dated after


def test_the_first_page_is_deterministic_and_most_relevant_first(
        planted: Vault, tmp_path: Path) -> None:
    subject = co.subject_for(planted, facility=YODOK)
    default = co.corroborate(planted, subject)
    assert default.limit == co.PAGE and len(default.conflicts) <= co.PAGE
    first = co.corroborate(planted, subject, limit=5)
    assert [_key(c) for c in first.conflicts] == [
        _key(c) for c in co.corroborate(planted, subject, limit=5).conflicts]
    assert len(first.conflicts) == 5 and first.conflicts_total > 5
    # Flags with the most reasons first.
    reasons = [len(d["reasons"]) for d in co.corroborate(
        planted, subject, limit=None).unresolved_duplicates]
    assert reasons == sorted(reasons, reverse=True)
    # A pair the supervisor decides is one person: its conflict rests on no open flag, so it
    # comes first, ahead of the conflicts of probable same witnesses.
    last = co.corroborate(planted, subject, limit=None).conflicts[-1]
    a, b = sorted({acc["interview_code"] for acc in last.accounts})
    w.decide(planted, a, b, "same", role="supervisor")
    after = co.corroborate(planted, subject, limit=1)
    assert {acc["interview_code"] for acc in after.conflicts[0].accounts} == {a, b}
    assert w.WitnessGroups.load(planted.conn).count(
        {planted.conn.execute("SELECT id FROM interview WHERE code = ?", (c,)).fetchone()[0]
         for c in (a, b)}) == 1
    assert after.conflict_counts == first.conflict_counts


def test_a_negative_limit_is_refused(planted: Vault) -> None:
    with pytest.raises(UsageError, match="cannot be negative"):
        co.corroborate(planted, co.subject_for(planted, facility=YODOK), limit=-1)


def test_the_command_lists_a_page_and_everything_on_request(cli: Any) -> None:
    vault = Vault.open(cli.vault, PASSPHRASE)
    try:
        generate(vault, 120, n_duplicates=10, n_date_conflicts=8, n_place_conflicts=0,
                 n_near_misses=2, n_after_closure=0)
    finally:
        vault.lock()
    full = json.loads(cli("corroborate", "--facility", "Yodok", "--json", "--all-conflicts",
                          check=True).stdout)
    total = full["conflicts_total"]
    assert total == len(full["conflicts"]) == full["conflict_counts"]["date"] >= 8
    assert full["limit"] is None
    out = cli("corroborate", "--facility", "Yodok", "--limit", "3", check=True).stdout
    assert out.count("CONFLICT [") == 3
    assert f"conflicts: {total} ({total} date)" in out
    assert f"({total - 3} more conflicts not listed: the first 3 of {total}" in out
    page = json.loads(cli("corroborate", "--facility", "Yodok", "--json", "--limit", "3",
                          check=True).stdout)
    assert page["conflicts"] == full["conflicts"][:3] and page["limit"] == 3
    assert page["conflict_counts"] == full["conflict_counts"]
    everything = cli("corroborate", "--facility", "Yodok", "--all-conflicts", check=True).stdout
    assert everything.count("CONFLICT [") == total and "not listed" not in everything
    bad = cli("corroborate", "--facility", "Yodok", "--limit", "-2")
    assert bad.returncode == 2 and "cannot be negative" in bad.stderr
    assert "--limit" in bad.stderr and bad.stdout == ""


# ---------------------------------------------------------------------------------------------
# The archive: same-witness candidates from the database

PROFILE = sa.Profile(segments=4, translated=0.0, audio_bytes=64, extra_tags=0)
SIZE = 2000


def _flags(conn: Any, interviews: Any) -> list[tuple[str, str, list[str]]]:
    return [(f.code_a, f.code_b, f.reasons)
            for f in w.find_duplicates(conn, interviews, describe=False)]


def test_the_archives_candidates_are_the_vaults(pg_url: str, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    archive = Archive.init(pg_url, tmp_path / "objects", tmp_path / "archive.key")
    try:
        version = sa.setup_taxonomy(archive)  # type: ignore[arg-type]
        fill_archive(pg_url, 0, SIZE, profile=PROFILE, version=version, template=SIZE)
        conn = archive.conn
        # The same home written differently: the case and spaces of some interviewees'
        # provinces changed (normalised alike, so still the same home).
        conn.execute("UPDATE interviewee SET home_province = '  ' || upper(home_province)"
                     " WHERE interview_id IN (SELECT interview_id FROM interviewee"
                     " ORDER BY interview_id LIMIT 300)")
        conn.execute("UPDATE interviewee SET home_province = replace(home_province, ', ',"
                     " ',   ') WHERE interview_id IN (SELECT interview_id FROM interviewee"
                     " ORDER BY interview_id DESC LIMIT 300)")
        yodok = {str(r[0]) for r in conn.execute(
            "SELECT DISTINCT interview_id FROM event WHERE place_term = ?", (YODOK,))}
        flagged = {c for a, b, _ in _flags(conn, yodok)[:4] for c in (a, b)}
        few = sorted(yodok)[:10] + [str(r[0]) for r in conn.execute(
            "SELECT id FROM interview WHERE code IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted(flagged)),))]
        sql = {"yodok": _flags(conn, yodok), "few": _flags(conn, few)}
        with monkeypatch.context() as m:  # the vault's way, on the same rows
            m.setattr(w, "_archive_candidates", w._candidates)
            python = {"yodok": _flags(conn, yodok), "few": _flags(conn, few)}
        assert sql == python
        assert len(sql["yodok"]) >= 10 and sql["few"]
        assert any(r.startswith("both held at") for *_, reasons in sql["yodok"]
                   for r in reasons)
        assert any(not any(r.startswith("defection year") for r in reasons)
                   for *_, reasons in sql["yodok"])  # flagged by detention alone
        homes = {r for *_, reasons in sql["yodok"] for r in reasons
                 if r.startswith("home province ")}
        assert any(h != h.casefold() for h in homes) and any("   " in h for h in homes)
        # Both plans give the same candidates, whatever the share asked about.
        keys = {raw: k for raw in pg.provinces(conn) if (k := w._norm(raw)) is not None}
        facilities = w._facility_terms(conn)
        for wanted in (few, sorted(yodok)):
            by_index = pg.candidates(conn, wanted, keys, facilities, few=True)
            by_hash = pg.candidates(conn, wanted, keys, facilities, few=False)
            assert sorted(by_index.pairs) == sorted(by_hash.pairs)
            assert sorted(by_index.stays) == sorted(by_hash.stays)
            assert sorted(by_index.people, key=str) == sorted(by_hash.people, key=str)
        assert pg.candidates(conn, [], keys, facilities).pairs == []
        # The provinces from the index, and from the table where an archive has no index yet.
        recorded = sorted({str(r[0]) for r in conn.execute(
            "SELECT home_province FROM interviewee WHERE home_province IS NOT NULL")})
        assert sorted(pg.provinces(conn)) == recorded and len(recorded) > 300
        conn.execute_pg("DROP INDEX interviewee_same_witness")
        assert sorted(pg.provinces(conn)) == recorded
        # Corroboration on the archive: the pages and counts of the vault's way.
        subject = co.subject_for(archive, facility=YODOK)  # type: ignore[arg-type]
        new = co.corroborate(archive, subject, with_quotes=False)  # type: ignore[arg-type]
        with monkeypatch.context() as m:
            m.setattr(w, "_archive_candidates", w._candidates)
            old = co.corroborate(archive, subject, with_quotes=False)  # type: ignore[arg-type]
        assert new.to_dict() == old.to_dict()
    finally:
        archive.lock()
