"""Tags anchored in words, audio and interviews; tags follow their words through edits."""

from __future__ import annotations

import json
import uuid

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.coding import tags
from app.errors import NotFound, UsageError
from storage import audit
from tests.coding_util import add_interview, add_segments, edit_segment

SENTENCE = "그는 1995년에 요덕수용소로 끌려갔다고 말했다."
WORDS = "요덕수용소"


@pytest.fixture
def coded(vault):
    iid = add_interview(vault)
    (sid,) = add_segments(vault, iid, [SENTENCE])
    start = SENTENCE.index(WORDS)
    tag_id = tags.add_tag(vault, iid, "Yodok", role="coder", segment=0,
                          chars=(start, start + len(WORDS)), confidence="high", note="n1")
    return vault, iid, sid, tag_id


def view(vault, iid, tag_id):
    return {v.id: v for v in tags.list_tags(vault, iid)}[tag_id]


def test_tag_records_term_version_coder_and_anchor(coded) -> None:
    vault, iid, sid, tag_id = coded
    v = view(vault, iid, tag_id)
    assert (v.term_id, v.anchor, v.segment_id, v.text) == (
        "detention.kwanliso.15", "text", sid, WORDS)
    assert (v.taxonomy_version, v.created_by, v.confidence, v.note) == (
        "nk-hr@2026.1", "coder", "high", "n1")
    entry = [e for e in audit.entries(vault.conn, object_id=tag_id)][-1]
    assert entry.action == "create" and entry.role == "coder"
    assert WORDS not in json.dumps(entry.details, ensure_ascii=False)


def test_tag_follows_words_moved_within_the_segment(coded) -> None:
    vault, iid, sid, tag_id = coded
    edit_segment(vault, sid, "요덕수용소로 그는 1995년에 끌려갔다고 말했다.")
    v = view(vault, iid, tag_id)
    assert (v.text, v.char_start, v.status) == (WORDS, 0, "ok")


def test_tag_shifts_when_text_is_inserted_before(coded) -> None:
    vault, iid, sid, tag_id = coded
    edit_segment(vault, sid, "[통역] " + SENTENCE)
    assert view(vault, iid, tag_id).text == WORDS


def test_tag_shrinks_when_part_of_its_words_is_deleted(coded) -> None:
    vault, iid, sid, tag_id = coded
    edit_segment(vault, sid, SENTENCE.replace("요덕수용소", "요덕"))
    v = view(vault, iid, tag_id)
    assert (v.text, v.status) == ("요덕", "ok")


def test_tag_flagged_never_dropped_when_its_words_are_deleted(coded) -> None:
    vault, iid, sid, tag_id = coded
    edit_segment(vault, sid, "그는 1995년에 끌려갔다고 말했다.")
    v = view(vault, iid, tag_id)
    assert v.status == "needs_review" and v.review_reason == "deleted"
    assert v.text == "" and v.term_id == "detention.kwanliso.15"
    assert [x.id for x in tags.list_tags(vault, iid, needs_review=True)] == [tag_id]
    follow = [e for e in audit.entries(vault.conn, object_id=tag_id)
              if e.action == "follow_edit"]
    assert follow and follow[-1].details["status"] == "needs_review"
    assert follow[-1].role == "translator"
    # a coder re-anchors and confirms it
    tags.review_tag(vault, tag_id, role="coder", chars=(3, 8))
    assert view(vault, iid, tag_id).status == "ok"


def test_tag_replaced_words_are_flagged(coded) -> None:
    vault, iid, sid, tag_id = coded
    edit_segment(vault, sid, SENTENCE.replace("요덕수용소", "화성관리소"))
    assert view(vault, iid, tag_id).status == "needs_review"


def test_edit_rolled_back_leaves_tags_untouched(coded) -> None:
    vault, iid, sid, tag_id = coded
    before = view(vault, iid, tag_id)
    with pytest.raises(RuntimeError), vault.transaction() as conn:
        conn.execute("UPDATE segment SET text = '' WHERE id = ?", (sid,))
        tags.follow_text_change(conn, sid, SENTENCE, "", "translator")
        raise RuntimeError("editor crashed")
    assert view(vault, iid, tag_id) == before


def test_several_tags_in_one_segment_each_follow(vault) -> None:
    iid = add_interview(vault)
    text = "보위부가 아버지를 요덕으로 보냈다."
    (sid,) = add_segments(vault, iid, [text])
    a = tags.add_tag(vault, iid, "Bowibu", role="coder", segment=0, chars=(0, 3))
    b = tags.add_tag(vault, iid, "요덕", role="coder", segment=0, chars=(10, 12))
    edit_segment(vault, sid, "1997년 겨울, 보위부가 우리 아버지를 요덕으로 보냈다.")
    assert view(vault, iid, a).text == "보위부" and view(vault, iid, b).text == "요덕"


@given(prefix=st.text(max_size=20), suffix=st.text(max_size=20),
       new_prefix=st.text(max_size=20), new_suffix=st.text(max_size=20))
def test_map_span_keeps_words_that_survive(prefix, suffix, new_prefix, new_suffix) -> None:
    old = prefix + WORDS + suffix
    new = new_prefix + WORDS + new_suffix
    move = tags.map_span(old, new, len(prefix), len(prefix) + len(WORDS))
    assert move.status == "ok"
    assert WORDS in new[move.start:move.end]
    assert 0 <= move.start <= move.end <= len(new)


def test_anchors_are_validated(vault) -> None:
    iid = add_interview(vault)
    add_segments(vault, iid, ["짧다"])
    with pytest.raises(UsageError, match="not inside segment 0"):
        tags.add_tag(vault, iid, "torture", role="coder", segment=0, chars=(1, 9))
    with pytest.raises(NotFound, match="no original segment 5"):
        tags.add_tag(vault, iid, "torture", role="coder", segment=5)
    with pytest.raises(UsageError, match="needs a segment number"):
        tags.add_tag(vault, iid, "torture", role="coder", chars=(0, 1))
    with pytest.raises(UsageError, match="not both"):
        tags.add_tag(vault, iid, "torture", role="coder", segment=0, at=(1.0, None))
    with pytest.raises(UsageError, match="0 <= START < END"):
        tags.add_tag(vault, iid, "torture", role="coder", at=(9.0, 3.0))
    with pytest.raises(UsageError, match="Confidence"):
        tags.add_tag(vault, iid, "torture", role="coder", confidence="sure")
    with pytest.raises(UsageError, match="No term"):
        tags.add_tag(vault, iid, "nonsense-term", role="coder")
    with pytest.raises(NotFound, match="No interview"):
        tags.add_tag(vault, "NO-SUCH", "torture", role="coder")
    assert vault.conn.execute("SELECT count(*) FROM tag").fetchone()[0] == 0


def test_audio_and_interview_tags(vault) -> None:
    iid = add_interview(vault)
    blob = vault.blob_writer(kind="audio", on_crash="discard")
    blob.write(b"\0" * 10)
    blob_id, _, _ = blob.finish()
    asset = str(uuid.uuid4())
    with vault.transaction() as conn:
        conn.execute("INSERT INTO audio_asset(id, interview_id, blob_id, source, duration_s,"
                     " created_at, created_by) VALUES (?,?,?,'import',600.0,'t','interviewer')",
                     (asset, iid, blob_id))
    moment = tags.add_tag(vault, iid, "public execution", role="coder", at=(120.5, None))
    span = tags.add_tag(vault, iid, "고문", role="coder", at=(130.0, 190.0))
    whole = tags.add_tag(vault, iid, "hostile class", role="coder")
    views = {v.id: v for v in tags.list_tags(vault, iid)}
    assert (views[moment].anchor, views[moment].audio_start_s, views[moment].audio_end_s) == (
        "audio", 120.5, None)
    assert (views[span].audio_start_s, views[span].audio_end_s) == (130.0, 190.0)
    assert vault.conn.execute("SELECT asset_id FROM tag WHERE id = ?",
                              (span,)).fetchone()[0] == asset
    assert views[whole].anchor == "interview"
    with pytest.raises(UsageError, match="past its end"):
        tags.add_tag(vault, iid, "torture", role="coder", at=(700.0, None))


def test_deleting_a_coded_interview_removes_its_tags_events_and_index(coded) -> None:
    from app import interviews
    from app.coding import events

    vault, iid, sid, tag_id = coded
    events.add_event(vault, iid, act="torture", role="coder", tags=[tag_id])
    interviews.delete_interview(vault, iid, role="supervisor")
    for table in ("tag", "event", "event_tag", "segment", "fts_ref"):
        assert vault.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table
    assert vault.conn.execute("SELECT count(*) FROM fts_text").fetchone()[0] == 0


def test_tag_by_segment_id(vault) -> None:
    iid = add_interview(vault)
    _, second = add_segments(vault, iid, ["첫째", "둘째 문장"])
    tag_id = tags.add_tag(vault, iid, "torture", role="coder", segment_id=second, chars=(3, 5))
    assert view(vault, iid, tag_id).text == "문장"
    with pytest.raises(UsageError, match="not both"):
        tags.add_tag(vault, iid, "torture", role="coder", segment=0, segment_id=second)
    other = add_interview(vault, "OTHER-2026-180")
    with pytest.raises(NotFound, match="no segment"):
        tags.add_tag(vault, other, "torture", role="coder", segment_id=second)
