"""Evidence coding with the real transcript service: edits move tags, deleted segments keep
their tags, and the taxonomy glossary stays out of the decoder."""

from __future__ import annotations

from typing import Any

import pytest

from app.coding import search, tags
from app.errors import UsageError
from app.transcripts import store as transcripts
from app.transcripts import transcribe
from tests.transcribe_helpers import (
    FakeEngine,
    add_asset,
    interview_with_audio,
    tone_bursts,
    wav_bytes,
)

BURSTS = [(1.0, 3.0), (5.0, 7.0)]


def _transcribe(vault, iid: str, engine: FakeEngine) -> None:
    def factory(name: str) -> FakeEngine:
        engine.name = name
        return engine
    transcribe.transcribe_interview(vault, iid, role="interviewer", engine_factory=factory,
                                    model="base")


@pytest.fixture
def transcribed(vault) -> tuple[Any, str, FakeEngine]:
    iid, _ = interview_with_audio(vault, tone_bursts(10, BURSTS), code="NK-2026-149")
    engine = FakeEngine()
    _transcribe(vault, iid, engine)
    return vault, iid, engine


def test_taxonomy_glossary_is_not_used_in_decoding(transcribed) -> None:
    # Issue 12: taxonomy terms in the decoder prompt were invented into real speech.
    vault, iid, _ = transcribed
    head = transcripts.transcripts(vault, iid)[0]
    assert head.glossary_terms == 0 and head.glossary_sha256 is None


def test_transcript_edit_moves_tags_and_reindexes(transcribed) -> None:
    vault, iid, _ = transcribed
    first = transcripts.segments(vault, iid)[0]
    assert first.text == "speech 1.0 to 3.0"
    tag_id = tags.add_tag(vault, iid, "torture", role="coder", segment=0, chars=(7, 10))
    transcripts.edit_segment(vault, iid, "1", text="He said: speech 1.0 at Yodok",
                             role="translator")
    (view,) = tags.list_tags(vault, iid)
    assert (view.id, view.text, view.status) == (tag_id, "1.0", "ok")
    hits = search.search(vault, "Camp 15").hits
    assert [(h.interview_code, h.segment_idx) for h in hits] == [("NK-2026-149", 0)]


def test_deleting_a_tagged_segment_keeps_the_tag_on_its_audio(transcribed) -> None:
    vault, iid, _ = transcribed
    seg = transcripts.segments(vault, iid)[1]
    tag_id = tags.add_tag(vault, iid, "torture", role="coder", segment=1)
    with vault.transaction() as conn:
        conn.execute("DELETE FROM segment WHERE id = ?", (seg.id,))
    (view,) = tags.list_tags(vault, iid)
    assert view.id == tag_id and view.anchor == "audio"
    assert (view.audio_start_s, view.audio_end_s) == (seg.start, seg.end)
    assert (view.status, view.review_reason) == ("needs_review", "segment deleted")


def test_segment_number_shared_by_two_recordings_needs_the_asset(transcribed) -> None:
    vault, iid, engine = transcribed
    second = add_asset(vault, iid, wav_bytes(tone_bursts(10, BURSTS)), duration_s=10.0)
    _transcribe(vault, iid, engine)
    with pytest.raises(UsageError, match="say which recording") as refused:
        tags.add_tag(vault, iid, "torture", role="coder", segment=0)
    from cli.errors import sentence_for

    assert "with --asset ID" in sentence_for(refused.value)
    tag_id = tags.add_tag(vault, iid, "torture", role="coder", segment=0, asset_id=second)
    (view,) = tags.list_tags(vault, iid)
    assert view.id == tag_id and view.segment_id == transcripts.segments(vault, iid)[2].id
