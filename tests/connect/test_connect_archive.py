"""Connecting the testimonies on a generated archive of 2,000 coded interviews in a real
SQLCipher vault: counting, duplicate flags, conflicts, consent filtering and briefs, checked
exactly against the generator's ground truth (tests/connect_archive.py)."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.connect import brief as briefs
from app.connect import corroborate as co
from app.connect import entities, witnesses
from app.connect.entities import Kinds
from app.connect.evidence import load_accounts
from app.connect.links import link_id, links_of
from app.errors import UsageError
from crypto.kdf import weak_test_params
from storage.vault import Vault
from tests.common import PASSPHRASE
from tests.connect_archive import (
    CAMP22,
    CAMP22_CLOSED,
    COMMODITIES,
    FACILITIES,
    REDACTED_NAME,
    REDACTED_NAME_EN,
    YODOK,
    Interview,
    Truth,
    generate,
)


@dataclass
class Archive:
    vault: Vault
    truth: Truth
    template: Path  # a locked copy of the vault, for tests that change it

    def supporters(self, facility: str) -> list[Interview]:
        return [iv for iv in self.truth.interviews
                if any(ev.facility == facility for ev in iv.events)]


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Archive]:
    root = tmp_path_factory.mktemp("archive")
    vault, _ = Vault.create(root / "vault", PASSPHRASE, kdf=weak_test_params(),
                            allow_weak_kdf=True)
    truth = generate(vault)
    entities.set_entity(vault, CAMP22, role="supervisor", active_to=CAMP22_CLOSED)
    vault.lock()
    shutil.copytree(root / "vault", root / "template")
    vault = Vault.open(root / "vault", PASSPHRASE, allow_weak_kdf=True)
    yield Archive(vault, truth, root / "template")
    vault.lock()


def _copy(archive: Archive, dest: Path) -> Vault:
    shutil.copytree(archive.template, dest)
    return Vault.open(dest, PASSPHRASE, allow_weak_kdf=True)


def test_archive_holds_two_thousand_interviews(archive: Archive) -> None:
    conn = archive.vault.conn
    assert conn.execute("SELECT count(*) FROM interview").fetchone()[0] == 2000
    assert len({iv.witness for iv in archive.truth.interviews}) == 2000 - 40
    assert conn.execute("SELECT count(*) FROM event").fetchone()[0] == sum(
        len(iv.events) for iv in archive.truth.interviews)


def test_duplicate_flags_are_exactly_the_planted_pairs(archive: Archive) -> None:
    flags = witnesses.find_duplicates(archive.vault.conn)
    assert sorted((f.code_a, f.code_b) for f in flags) == archive.truth.duplicates
    assert all(f.decision is None for f in flags)
    flagged = {(f.code_a, f.code_b) for f in flags}
    assert archive.truth.near_misses and not flagged & set(archive.truth.near_misses)
    by_code = archive.truth.by_code()
    for f in flags:
        a = by_code[f.code_a]
        assert any(r.startswith("birth year") for r in f.reasons)
        assert f"home province {a.home}" in f.reasons
        assert (f"defection year {a.defection_year}" in f.reasons) == (
            a.defection_year == by_code[f.code_b].defection_year)


@pytest.mark.parametrize("facility", sorted(FACILITIES))
def test_counts_per_facility_are_exact(archive: Archive, facility: str) -> None:
    result = co.corroborate(archive.vault, co.subject_for(archive.vault, facility=facility))
    supporters = archive.supporters(facility)
    assert result.testimonies == len(supporters)
    # No decisions yet: every interview is its own witness; if every open flag were the same
    # person, the count is the number of real people among the supporters.
    assert result.independent_witnesses == len(supporters)
    assert result.independent_witnesses_at_least == len({iv.witness for iv in supporters})
    assert result.direct_witnesses == len(
        {iv.code for iv in supporters for ev in iv.events
         if ev.facility == facility and ev.relation in ("experienced", "saw")})
    assert result.years == sorted({y for iv in supporters for ev in iv.events
                                   if ev.facility == facility
                                   for y in range(ev.years[0], ev.years[1] + 1)})
    codes = {iv.code for iv in supporters}
    pairs = {(d["a"], d["b"]) for d in result.unresolved_duplicates}
    assert pairs == {p for p in archive.truth.duplicates if set(p) <= codes}
    # Every quote is the vault's words at the tagged characters, with its recording time, and
    # the translation only once it is reviewed.
    events = {ev.id: ev for iv in supporters for ev in iv.events}
    for acc in result.accounts:
        fac_quotes = [q for q in acc.quotes if q.term_id == facility]
        assert [q.text for q in fac_quotes] == [FACILITIES[facility][0]]
        assert fac_quotes[0].start_s is not None and fac_quotes[0].recording_sha256
        reviewed = events[acc.id].reviewed
        assert (fac_quotes[0].translation is not None) == reviewed
        assert (fac_quotes[0].translation_draft is not None) == (not reviewed)
        assert (fac_quotes[0].translation or fac_quotes[0].translation_draft or "").startswith(
            f"At {FACILITIES[facility][1]} ")


def test_counts_without_quotes_are_the_same_and_quotes_load_on_demand(archive: Archive
                                                                      ) -> None:
    subject = co.subject_for(archive.vault, facility=YODOK)
    full = co.corroborate(archive.vault, subject)
    light = co.corroborate(archive.vault, subject, with_quotes=False)
    assert all(not a.quotes for a in light.accounts)
    assert light.to_dict() | {"accounts": None} == full.to_dict() | {"accounts": None}
    opened = co.quotes_of(archive.vault, light.accounts[:25])
    assert opened == {a.id: a.quotes for a in full.accounts[:25]}


def test_conflicts_are_the_planted_ones_shown_side_by_side(archive: Archive) -> None:
    found: dict[str, set[tuple[str, ...]]] = {"date": set(), "place": set(), "period": set()}
    for facility in FACILITIES:
        result = co.corroborate(archive.vault, co.subject_for(archive.vault, facility=facility))
        for c in result.conflicts:
            codes = tuple(sorted({a["interview_code"] for a in c.accounts}))
            found[c.kind].add(codes)
            if c.kind == "date":
                assert facility == YODOK
                dated = sorted(a["date"] for a in c.accounts)
                assert dated[0].startswith("1995") and dated[-1].startswith("2003")
    assert found["date"] == set(archive.truth.date_conflicts)
    assert found["place"] == set(archive.truth.place_conflicts)
    assert found["period"] == {(code,) for code in archive.truth.after_closure}


def test_filters_by_violation_and_dates(archive: Archive) -> None:
    vault = archive.vault
    subject = co.subject_for(vault, facility=YODOK)
    torture = co.corroborate(vault, subject, violation="violation.cah.torture")
    assert torture.testimonies == len({iv.code for iv in archive.supporters(YODOK)
                                       for ev in iv.events if ev.act.endswith("torture")})
    window = co.corroborate(vault, subject, date_from="2000", date_to="2001")
    assert window.testimonies == len({iv.code for iv in archive.supporters(YODOK)
                                      for ev in iv.events if ev.facility == YODOK
                                      and ev.years[0] <= 2001 and ev.years[1] >= 2000})
    with pytest.raises(UsageError, match="ends before it starts"):
        co.corroborate(vault, subject, date_from="2005", date_to="2001")


def test_matrix_cells_match_corroboration(archive: Archive) -> None:
    vault = archive.vault
    m = co.matrix(vault)
    assert set(m.rows) == set(FACILITIES) and set(m.cols) == set(COMMODITIES)
    expected: dict[tuple[str, str], set[str]] = {}
    for iv in archive.truth.interviews:
        for ev in iv.events:
            if ev.commodity:
                expected.setdefault((ev.facility, ev.commodity), set()).add(iv.code)
    assert {k: v.testimonies for k, v in m.cells.items()} == {
        k: len(v) for k, v in expected.items()}
    # The matrix gives what the link rules give over every account of the archive.
    accounts = links_of(load_accounts(vault.conn), Kinds.load(vault.conn))
    assert {(k.src, k.dst): len({a.interview_id for a in accs}) for k, accs in accounts.items()
            if k.relation == "produced"} == {k: v.testimonies for k, v in m.cells.items()}
    for key in sorted(m.cells)[:3]:
        cell = m.cells[key]
        assert cell.link.id == link_id(key[0], "produced", key[1])
        full = co.corroborate(vault, co.subject_for(vault, link=cell.link.id))
        assert (full.testimonies, full.independent_witnesses) == (
            cell.testimonies, cell.independent_witnesses)


def test_decisions_are_audited_and_counts_follow(archive: Archive, tmp_path: Path) -> None:
    vault = _copy(archive, tmp_path / "decided")
    try:
        pairs = archive.truth.duplicates
        with pytest.raises(UsageError, match="Only a supervisor"):
            witnesses.decide(vault, *pairs[0], "same", role="coder")
        for a, b in pairs[1:]:
            witnesses.decide(vault, a, b, "same", role="supervisor")
        # The first pair: a supervisor first says same, then corrects it to different.
        witnesses.decide(vault, *pairs[0], "same", role="supervisor")
        witnesses.decide(vault, *pairs[0], "different", role="supervisor", note="checked")
        flags = {(f.code_a, f.code_b): f.decision for f in witnesses.find_duplicates(vault.conn)}
        assert flags == {p: ("different" if p == pairs[0] else "same") for p in pairs}
        assert vault.conn.execute("SELECT count(*) FROM audit_log WHERE action = 'decide'"
                                  " AND object_type = 'witness'").fetchone()[0] == len(pairs) + 1
        by_code = archive.truth.by_code()
        split = {by_code[c].witness for c in pairs[0]}
        for facility in (YODOK, "detention.kwanliso.14"):
            result = co.corroborate(vault, co.subject_for(vault, facility=facility))
            people = {iv.witness for iv in archive.supporters(facility)}
            # the pair decided 'different' counts as two people if both support the facility
            both = {iv.code for iv in archive.supporters(facility)} >= set(pairs[0])
            assert result.independent_witnesses == len(people) + (1 if both else 0)
            assert result.independent_witnesses_at_least == result.independent_witnesses
            assert not result.unresolved_duplicates
            interviews_of = Counter(iv.witness for iv in archive.supporters(facility))
            for acc in result.accounts:
                w = by_code[acc.interview_code].witness
                assert ("+" in acc.witness) == (interviews_of[w] == 2 and w not in split)
        with pytest.raises(UsageError, match="same interview"):
            witnesses.decide(vault, pairs[1][0], pairs[1][0], "same", role="supervisor")
    finally:
        vault.lock()


# ---------------------------------------------------------------------------------------------
# Briefs


def _brief(archive: Archive, tmp_path: Path, purpose: str, fmt: str) -> tuple[briefs.Brief, Path]:
    out = tmp_path / f"brief.{fmt}"
    made = briefs.export_brief(archive.vault, co.subject_for(archive.vault, facility=YODOK),
                               purpose=purpose, out=out, role="supervisor")
    return made, out


@pytest.mark.parametrize("purpose", briefs.PURPOSES)
def test_brief_keeps_only_consented_testimonies(archive: Archive, purpose: str) -> None:
    made = briefs.build(archive.vault, co.subject_for(archive.vault, facility=YODOK),
                        purpose=purpose)
    supporters = archive.supporters(YODOK)
    allowed = {iv.code for iv in supporters if iv.covers(purpose)}
    assert {q.quote.interview_code for q in made.quotes} == allowed
    assert made.result.testimonies == len(allowed)
    assert made.result.independent_witnesses == len(allowed)  # no decisions in this vault
    withdrawn = sum(1 for iv in supporters if iv.withdrawn)
    uncovered = sum(1 for iv in supporters if not iv.withdrawn and purpose not in iv.scopes)
    assert made.left_out == {k: v for k, v in {
        "consent withdrawn": withdrawn,
        f"consent does not cover {briefs.PURPOSE_TEXT[purpose]}": uncovered}.items() if v}
    assert made.left_out_total == withdrawn + uncovered > 0


def test_brief_docx_redacts_and_carries_custody(archive: Archive, tmp_path: Path) -> None:
    made, out = _brief(archive, tmp_path, "court", "docx")
    supporters = archive.supporters(YODOK)
    allowed = {iv.code for iv in supporters if iv.covers("court")}
    from docx import Document

    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert f"{len(allowed)} testimonies from {made.result.independent_witnesses} independent" \
        in text
    assert f"{made.left_out_total} testimonies were left out" in text
    assert REDACTED_NAME not in text and REDACTED_NAME_EN not in text
    named = [iv for iv in supporters if iv.code in allowed and iv.redacted]
    assert ("[REDACTED]" in text) == bool(named)
    assert (briefs.WITHHELD in text) == bool(named)
    for bq in made.quotes:
        assert bq.custody.text() in text
        assert bq.custody.recording_sha256 and bq.custody.received == "local"
        assert bq.original and bq.original in text
    assert archive.vault.conn.execute(
        "SELECT count(*) FROM audit_log WHERE action = 'export' AND object_type = 'brief'"
        " AND json_extract(details, '$.purpose') = 'court'").fetchone()[0] == 1


def test_brief_for_uwazi_csv_and_json(archive: Archive, tmp_path: Path) -> None:
    made, out = _brief(archive, tmp_path, "publication", "csv")
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8"))))
    assert len(rows) == len(made.quotes) > 0
    assert set(rows[0]) == set(briefs.UWAZI_COLUMNS) and all(r["title"] for r in rows)
    assert {r["interview_code"] for r in rows} == {
        iv.code for iv in archive.supporters(YODOK) if iv.covers("publication")}
    assert all(REDACTED_NAME not in r["quote_original"] for r in rows)
    made_json, out_json = _brief(archive, tmp_path, "publication", "json")
    entities_ = json.loads(out_json.read_text("utf-8"))
    assert len(entities_) == len(made_json.quotes)
    first = entities_[0]
    assert first["template"] == briefs.UWAZI_TEMPLATE and first["title"]
    assert all(isinstance(v, list) and all(set(x) == {"value"} for x in v)
               for v in first["metadata"].values())


def test_brief_refuses_bad_output_and_writes_nothing(archive: Archive, tmp_path: Path) -> None:
    subject = co.subject_for(archive.vault, facility=YODOK)
    existing = tmp_path / "old.docx"
    existing.write_bytes(b"keep me")
    with pytest.raises(UsageError, match="already exists"):
        briefs.export_brief(archive.vault, subject, purpose="un", out=existing, role="supervisor")
    assert existing.read_bytes() == b"keep me"
    with pytest.raises(UsageError, match=r"\.docx, \.csv or \.json"):
        briefs.export_brief(archive.vault, subject, purpose="un", out=tmp_path / "b.pdf",
                            role="supervisor")
    with pytest.raises(UsageError, match="purpose must be one of"):
        briefs.export_brief(archive.vault, subject, purpose="archive", out=tmp_path / "c.docx",
                            role="supervisor")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.docx"]


def test_brief_converts_headless_with_libreoffice(archive: Archive, tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("the soffice binary (LibreOffice) is not installed")
    link = link_id(YODOK, "produced", "commodity.product.coal")
    out = tmp_path / "brief.docx"
    made = briefs.export_brief(archive.vault, co.subject_for(archive.vault, link=link),
                               purpose="court", out=out, date_from="1995", date_to="2002",
                               role="supervisor")
    assert made.quotes
    env = dict(os.environ, HOME=str(tmp_path))
    for target in ("pdf", "txt:Text (encoded):UTF8"):
        done = subprocess.run(
            [soffice, f"-env:UserInstallation=file://{tmp_path}/lo-profile", "--headless",
             "--convert-to", target, "--outdir", str(tmp_path / "converted"), str(out)],
            capture_output=True, text=True, env=env, timeout=300, check=False)
        assert done.returncode == 0, done.stderr
    pdf = tmp_path / "converted" / "brief.pdf"
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 2000
    text = (tmp_path / "converted" / "brief.txt").read_text("utf-8-sig")
    # The quotes LibreOffice reads are the vault's words at the tagged characters.
    conn = archive.vault.conn
    for bq in made.quotes:
        q = bq.quote
        seg_text, = conn.execute("SELECT text FROM segment WHERE id = ?",
                                 (q.segment_id,)).fetchone()
        words = seg_text[q.char_start:q.char_end]
        assert bq.original is not None
        if REDACTED_NAME in words:
            assert bq.original == words.replace(REDACTED_NAME, "[REDACTED]")
        else:
            assert bq.original == words
        assert bq.original in text
