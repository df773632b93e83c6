"""Full-text search inside the encrypted vault: Korean substrings, aliases, filters, reports."""

from __future__ import annotations

import pytest

from app import interviews
from app.coding import events, search, tags
from app.coding import taxonomy as tx
from app.errors import UsageError
from storage.db import file_is_plaintext_sqlite
from tests.coding_util import add_interview, add_marker, add_segments, edit_segment


@pytest.fixture
def corpus(vault):
    a = add_interview(vault, "NK-2026-117", notes="Witness mentions Camp 15 and her brother.",
                      consent=("archive", "un"))
    b = add_interview(vault, "NK-2026-125", consent=("archive",))
    seg_a = add_segments(vault, a, [
        "저는 1995년에 요덕수용소에서 일했습니다.",
        "보위부 사람들이 밤에 왔어요.",
        "강냉이만 먹었습니다.",
    ], review_status="reviewed")
    add_segments(vault, a, ["In 1995 I worked in the Yodok camp.",
                            "State Security came at night."], layer="translation")
    seg_b = add_segments(vault, b, ["회령에서 석탄을 캤어요.", "요덕 이야기는 들었어요."])
    add_marker(vault, b, 42.0, "witness cries; mentions 요덕")
    return vault, a, b, seg_a, seg_b


def codes(result):
    return [(h.interview_code, h.kind, h.layer, h.segment_idx) for h in result.hits]


def test_korean_substring_search_finds_words_inside_longer_words(corpus) -> None:
    vault, *_ = corpus
    hit = search.search(vault, "요덕수용", expand_aliases=False).hits
    assert [(h.interview_code, h.segment_idx) for h in hit] == [("NK-2026-117", 0)]
    # two characters: below the trigram size, answered by the LIKE fallback
    result = search.search(vault, "요덕", expand_aliases=False)
    assert ("NK-2026-117", "segment", "original", 0) in codes(result)
    assert ("NK-2026-125", "segment", "original", 1) in codes(result)
    assert ("NK-2026-125", "marker", None, None) in codes(result)
    assert "[" not in result.hits[0].snippet
    first = result.hits[0]
    assert first.snippet[first.match_start:first.match_end] == "요덕"
    one_char = search.search(vault, "밤", expand_aliases=False)
    assert codes(one_char) == [("NK-2026-117", "segment", "original", 1)]


def test_results_carry_interview_segment_time_and_context(corpus) -> None:
    vault, *_ = corpus
    (hit,) = search.search(vault, "강냉이", expand_aliases=False).hits
    assert (hit.interview_code, hit.segment_idx, hit.start_s, hit.end_s) == ("NK-2026-117", 2, 20.0, 29.5)
    assert hit.review_status == "reviewed"
    assert hit.snippet[hit.match_start:hit.match_end] == "강냉이"
    (marker,) = [h for h in search.search(vault, "cries").hits]
    assert (marker.kind, marker.start_s) == ("marker", 42.0)


def test_english_is_case_insensitive_and_notes_are_searched(corpus) -> None:
    vault, *_ = corpus
    result = search.search(vault, "BROTHER")
    assert codes(result) == [("NK-2026-117", "note", None, None)]


def test_alias_expansion_yodok_finds_korean_and_camp_15(corpus) -> None:
    vault, *_ = corpus
    result = search.search(vault, "Yodok")
    assert "요덕" in result.variants and "Camp 15" in result.variants
    assert result.expanded_from == ["detention.kwanliso.15"]
    got = codes(result)
    assert ("NK-2026-117", "segment", "original", 0) in got       # 요덕수용소에서
    assert ("NK-2026-117", "segment", "translation", 0) in got    # Yodok
    assert ("NK-2026-117", "note", None, None) in got             # Camp 15
    assert ("NK-2026-125", "segment", "original", 1) in got
    exact = codes(search.search(vault, "Yodok", expand_aliases=False))
    assert exact == [("NK-2026-117", "segment", "translation", 0)]
    # and from Korean to English
    assert ("NK-2026-117", "segment", "translation", 1) in codes(search.search(vault, "보위부"))


def test_index_follows_edits_and_deletions(corpus) -> None:
    vault, a, b, seg_a, seg_b = corpus
    edit_segment(vault, seg_a[2], "옥수수죽만 먹었습니다.")
    assert search.search(vault, "강냉이").hits == []
    assert codes(search.search(vault, "옥수수죽")) == [("NK-2026-117", "segment", "original", 2)]
    interviews.update_interview(vault, a, role="interviewer", notes="nothing here")
    assert search.search(vault, "brother").hits == []
    interviews.delete_interview(vault, b, role="supervisor")
    assert all(h.interview_code == "NK-2026-117" for h in search.search(vault, "요덕").hits)
    assert vault.conn.execute("SELECT count(*) FROM fts_ref WHERE interview_id = ?",
                              (b,)).fetchone()[0] == 0


def test_filters(corpus) -> None:
    vault, a, b, seg_a, seg_b = corpus
    tags.add_tag(vault, a, "Bowibu", role="coder", segment=1, chars=(0, 3))
    tags.add_tag(vault, a, "torture", role="coder", at=(10.0, 12.0))
    tags.add_tag(vault, b, "Camp 22", role="coder")
    events.add_event(vault, a, act="imprisonment", role="coder", place="Yodok", date="1995")
    events.add_event(vault, b, act="enslavement", role="coder", perpetrator="Anjeonbu",
                     date="2001..2003")
    # --tag: a text tag on the segment, an audio tag overlapping it, or an interview tag
    assert codes(search.search(vault, "사람들", tags=["perpetrator"])) == [
        ("NK-2026-117", "segment", "original", 1)]
    assert codes(search.search(vault, "요덕", tags=["Bowibu"])) == [("NK-2026-117", "note", None, None)]
    assert codes(search.search(vault, "사람들", tags=["torture"])) == [
        ("NK-2026-117", "segment", "original", 1)]
    assert codes(search.search(vault, "요덕수용소", tags=["torture"], expand_aliases=False)) == []
    assert {h.interview_code for h in search.search(vault, "요덕", tags=["kwanliso"]).hits} == {
        "NK-2026-125"}
    # facility / agency / violation: through tags or events, including terms below
    assert {h.interview_code for h in search.search(vault, "요덕", facility="Yodok").hits} == {
        "NK-2026-117"}
    assert {h.interview_code for h in search.search(vault, "요덕", facility="kwanliso").hits} == {
        "NK-2026-117", "NK-2026-125"}
    assert {h.interview_code for h in search.search(vault, "요덕", agency="인민보안성").hits} == {
        "NK-2026-125"}
    assert {h.interview_code for h in search.search(vault, "요덕",
                                                    violation="crimes against humanity").hits} == {
        "NK-2026-117", "NK-2026-125"}
    with pytest.raises(UsageError, match="The facility must be a term under 'detention'"):
        search.search(vault, "요덕", facility="torture")
    # dates overlap
    assert {h.interview_code for h in search.search(vault, "요덕", date_from="2002").hits} == {
        "NK-2026-125"}
    assert {h.interview_code for h in search.search(vault, "요덕", date_to="1990s").hits} == {
        "NK-2026-117"}
    assert search.search(vault, "요덕", date_from="2010").hits == []
    # consent scope and review status and layer
    assert {h.interview_code for h in search.search(vault, "요덕", consent="un").hits} == {"NK-2026-117"}
    interviews.withdraw_consent(vault, a, role="supervisor")
    assert search.search(vault, "요덕", consent="un").hits == []
    assert codes(search.search(vault, "요덕", review_status="reviewed")) == [
        ("NK-2026-117", "segment", "original", 0)]
    assert codes(search.search(vault, "Yodok", layer="translation")) == [
        ("NK-2026-117", "segment", "translation", 0)]


def test_query_characters_are_data_not_syntax(corpus) -> None:
    vault, a, *_ = corpus
    add_segments(vault, a, ['He said "100% sure" AND NOT (maybe) o_o'], layer="translation")
    for q in ['"100% sure"', "AND NOT", "(maybe)", "o_o", "%", "_", '"', "*"]:
        result = search.search(vault, q, expand_aliases=False)
        assert all(q.casefold() in h.snippet.casefold() for h in result.hits), q
    assert len(search.search(vault, "o_o").hits) == 1
    assert search.search(vault, "%").hits and not search.search(vault, "o%o").hits
    with pytest.raises(UsageError):
        search.search(vault, "   ")


def test_limit_truncates(corpus) -> None:
    vault, *_ = corpus
    result = search.search(vault, "요덕", limit=2)
    assert len(result.hits) == 2 and result.truncated


def test_index_lives_inside_the_encrypted_file(corpus) -> None:
    vault, *_ = corpus
    vault.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db = vault.path / "vault.db"
    assert not file_is_plaintext_sqlite(db)
    for f in vault.path.iterdir():
        if f.is_file():
            data = f.read_bytes()
            assert "요덕수용소".encode() not in data and b"Yodok camp" not in data, f.name


def test_report_counts_by_facility_agency_violation_and_year(corpus) -> None:
    vault, a, b, *_ = corpus
    t1 = tags.add_tag(vault, a, "Yodok", role="coder", segment=0, chars=(9, 14))
    tags.add_tag(vault, b, "Yodok", role="coder")
    tags.add_tag(vault, a, "Bowibu", role="coder", segment=1, chars=(0, 3))
    events.add_event(vault, a, act="torture", role="coder", perpetrator="Bowibu", place="Yodok",
                     date="1995-summer", tags=[t1])
    events.add_event(vault, b, act="torture", role="coder", date="1990s")
    events.add_event(vault, b, act="forced repatriation", role="coder")
    data = search.report(vault)
    facility = {r.key: (r.tags, r.events) for r in data["facility"]}
    assert facility == {"detention.kwanliso.15": (2, 1)}
    assert {r.key: (r.tags, r.events) for r in data["agency"]} == {"perpetrator.mss": (1, 1)}
    violation = {r.key: (r.tags, r.events) for r in data["violation"]}
    assert violation == {"violation.cah.torture": (0, 2),
                         "violation.rights.movement.forced_repatriation": (0, 1)}
    assert [(r.key, r.tags, r.events) for r in data["year"]] == [
        ("1990", 0, 1), ("1995", 1, 1), ("unknown", 0, 1)]
    assert data["facility"][0].label_ko == "요덕 관리소"


def test_report_counts_terms_removed_in_a_later_version(vault) -> None:
    iid = add_interview(vault)
    tags.add_tag(vault, iid, "Group 109", role="coder")
    old = tx.ensure_taxonomy(vault)
    records = [t.to_record() for t in old.terms.values() if t.id != "perpetrator.group109"]
    import json
    header = {"format": "testimony-taxonomy", "format_version": 1, "name": "nk-hr",
              "version": "2027.1"}
    data = "\n".join(json.dumps(r, ensure_ascii=False) for r in (header, *records)).encode()
    tx.import_taxonomy(vault, data, mode="replace", role="supervisor")
    (row,) = search.report(vault)["agency"]
    assert (row.key, row.label_en, row.tags) == (
        "perpetrator.group109", "Group 109 (foreign media inspection)", 1)


def test_short_queries_fall_back_to_a_scan_when_too_common(corpus, monkeypatch) -> None:
    """One- and two-character queries normally go through the index's trigram list; when a
    query starts too many trigrams the search scans instead, with the same results."""
    vault, *_ = corpus
    via_index = {q: codes(search.search(vault, q)) for q in ("요덕", "밤", "o_", "%")}
    monkeypatch.setattr(search, "_MAX_SHORT_TRIGRAMS", 0)
    via_scan = {q: codes(search.search(vault, q)) for q in ("요덕", "밤", "o_", "%")}
    assert via_scan == via_index
    assert ("NK-2026-125", "marker", None, None) in via_scan["요덕"]  # 요덕 at the very end of a text


def test_migration_indexes_text_that_existed_before_it() -> None:
    """A vault upgraded to schema 30 gets its existing segments, notes and markers indexed."""
    import sqlcipher3

    from storage.migrations import migrate

    conn = sqlcipher3.connect(":memory:", isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    migrate(conn, target=29)
    conn.execute("INSERT INTO interview(id, code, notes, created_at, updated_at, created_by)"
                 " VALUES ('i1', 'OLD-1', 'note about Camp 15', 't', 't', 'r')")
    conn.execute("INSERT INTO segment(id, interview_id, idx, start_s, end_s, text, created_at,"
                 " created_by) VALUES ('s1', 'i1', 0, 0, 1, '요덕수용소에서', 't', 'r')")
    conn.execute("INSERT INTO marker(id, interview_id, at_s, note, created_at, created_by)"
                 " VALUES ('m1', 'i1', 3.0, '요덕', 't', 'r')")
    migrate(conn)
    kinds = {r[0] for r in conn.execute(
        "SELECT r.kind FROM fts_text f JOIN fts_ref r ON r.rowid = f.rowid"
        " WHERE fts_text MATCH '\"요덕 \" OR \"요덕수\" OR \"camp 15\"'")}
    assert kinds == {"segment", "marker", "note"}
