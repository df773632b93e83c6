"""The interview list (app/overview.py), the window's first query after unlocking: its figures
match the rows, and it reads only indexes, never a segment's or a tag's row (at 20,000
interviews reading them took 24 s cold; docs/benchmarks.md)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from app.overview import interview_summaries
from crypto.kdf import weak_test_params
from storage.migrations import LATEST_VERSION, current_version
from storage.vault import Vault
from tests.common import PASSPHRASE
from tests.connect_archive import generate


def _reference(vault: Vault) -> dict[str, tuple[int, int, int, int, list[str]]]:
    """Per interview, from every row read plainly: (original segments, reviewed among them,
    translated segments, tags, distinct tag terms)."""
    conn = vault.conn
    seg: Counter[tuple[str, str]] = Counter()
    for iid, layer, status in conn.execute(
            "SELECT interview_id, layer, review_status FROM segment NOT INDEXED"):
        seg[(iid, layer)] += 1
        if layer == "original" and status == "reviewed":
            seg[(iid, "reviewed")] += 1
    tags: dict[str, list[str]] = {}
    for iid, term in conn.execute("SELECT interview_id, term_id FROM tag NOT INDEXED"):
        tags.setdefault(iid, []).append(term)
    return {iid: (seg[(iid, "original")], seg[(iid, "reviewed")], seg[(iid, "translation")],
                  len(tags.get(iid, [])), sorted(set(tags.get(iid, []))))
            for (iid,) in conn.execute("SELECT id FROM interview")}


def test_the_list_counts_every_row_of_every_interview(vault: Vault) -> None:
    generate(vault, 60, n_duplicates=4, n_date_conflicts=2, n_place_conflicts=1,
             n_near_misses=2, n_after_closure=1)
    with vault.transaction() as conn:
        # Some back to draft, so the reviewed count is neither all nor none; a translation of
        # every fifth original; a second tag of a term already tagged (counted twice, listed
        # once).
        conn.execute("UPDATE segment SET review_status = 'draft' WHERE layer = 'original'"
                     " AND rowid % 3 = 0")
        conn.execute(
            "INSERT INTO segment(id, interview_id, asset_id, idx, start_s, end_s, text,"
            " created_at, created_by, source_segment_id, layer, review_status)"
            " SELECT id || '-en', interview_id, asset_id, idx, start_s, end_s, 'words',"
            " created_at, 'translator', id, 'translation', 'draft' FROM segment"
            " WHERE layer = 'original' AND rowid % 5 = 0")
        conn.execute(
            "INSERT INTO tag(id, interview_id, term_id, segment_id, created_at, created_by)"
            " SELECT id || '-again', interview_id, term_id, segment_id, created_at, created_by"
            " FROM tag WHERE rowid % 4 = 0")
    summaries = interview_summaries(vault)
    expected = _reference(vault)
    assert len(summaries) == len(expected) == 60
    got = {s.id: (s.segments, s.reviewed, s.translated, s.tags, s.tag_terms) for s in summaries}
    assert got == expected
    assert any(0 < s.reviewed < s.segments for s in summaries)
    assert any(s.tags > len(s.tag_terms) for s in summaries)  # a term tagged twice, listed once
    assert any(s.translated for s in summaries)


def _statements_of(vault: Vault, fn: Any) -> list[str]:
    seen: list[str] = []
    vault.conn.set_trace_callback(seen.append)
    try:
        fn()
    finally:
        vault.conn.set_trace_callback(None)
    return [s for s in seen if s.lstrip().upper().startswith("SELECT")]


def test_the_list_reads_only_indexes_of_segments_and_tags(vault: Vault) -> None:
    generate(vault, 20, n_duplicates=2, n_date_conflicts=1, n_place_conflicts=1,
             n_near_misses=1, n_after_closure=1)
    statements = _statements_of(vault, lambda: interview_summaries(vault))
    plans = {s: [str(r[-1]) for r in vault.conn.execute("EXPLAIN QUERY PLAN " + s)]
             for s in statements}
    touched = [(s, line) for s, lines in plans.items() for line in lines
               if " segment " in f" {line} " or " tag " in f" {line} "
               or line.split()[1:2] in (["s"], ["t"])]
    assert touched, plans  # the list does read segments and tags...
    for statement, line in touched:  # ...from an index alone, never their rows
        assert "COVERING INDEX" in line, (line, statement)
    assert any("segment_review" in line for _, line in touched)


def test_an_older_vault_gains_the_index_when_opened(tmp_path: Path) -> None:
    v, _ = Vault.create(tmp_path / "v", PASSPHRASE, kdf=weak_test_params(), allow_weak_kdf=True)
    generate(v, 12, n_duplicates=1, n_date_conflicts=1, n_place_conflicts=1, n_near_misses=1,
             n_after_closure=1)
    before = interview_summaries(v)
    v.conn.execute("DROP INDEX segment_review")
    v.conn.execute("DELETE FROM schema_migrations WHERE version = 64")
    v.conn.execute("PRAGMA user_version = 63")
    v.lock()
    v = Vault.open(tmp_path / "v", PASSPHRASE, allow_weak_kdf=True)
    assert current_version(v.conn) == LATEST_VERSION
    assert v.conn.execute("SELECT sql FROM sqlite_master WHERE name = 'segment_review'"
                          ).fetchone()[0].endswith("(interview_id, layer, review_status)")
    assert interview_summaries(v) == before
    v.lock()
