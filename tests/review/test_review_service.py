"""app.transcripts.suggestions and the needs-review order in-process on a real (test-KDF) vault: fast
checks beside the CLI tests."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from app.coding import taxonomy
from app.coding.taxonomy import Taxonomy, Term
from app.errors import NotFound
from app.transcripts import export as transcript_export
from app.transcripts import store as transcripts
from app.transcripts import suggestions
from storage.vault import Vault
from tests.review_helpers import scripted_interview

NOW = dt.datetime(2026, 11, 30, 1, 0, tzinfo=dt.UTC)


def test_list_accept_and_refuse(vault: Vault) -> None:
    iid, _ = scripted_interview(vault)
    (sug,) = suggestions.term_suggestions(vault, iid)
    assert (sug.segment_number, sug.heard, sug.name, sug.term_ids) == (
        1, "보이부", "보위부", ("perpetrator.mss",))
    assert sug.vocabulary == taxonomy.ensure_taxonomy(vault).version_id
    assert suggestions.term_suggestions(vault, iid, ref="1") == [sug]  # same id both ways
    seg, chosen = suggestions.accept(vault, iid, "1", sug.id.upper(), role="translator",
                                     now=NOW)
    assert chosen == sug and seg.text == "저는 보위부에서 조사를 받았습니다."
    rev = transcripts.revisions(vault, seg.id)[-1]
    assert (rev.reason, rev.created_by, rev.created_at) == (sug.reason, "translator",
                                                            NOW.isoformat())
    with pytest.raises(NotFound, match="has no suggestion"):
        suggestions.accept(vault, iid, "1", sug.id, role="translator")
    assert len(transcripts.revisions(vault, seg.id)) == 2


def test_reviewed_segments_are_left_alone_unless_named(vault: Vault) -> None:
    iid, _ = scripted_interview(vault)
    transcripts.set_review_status(vault, iid, "1", status="reviewed", role="supervisor")
    assert suggestions.term_suggestions(vault, iid) == []
    assert [s.heard for s in suggestions.term_suggestions(vault, iid, ref="1")] == ["보이부"]


def test_needs_review_order(vault: Vault) -> None:
    iid, _ = scripted_interview(vault)
    assert [s.number for s in transcripts.needs_review(vault, iid)] == [3, 1, 2]
    transcripts.set_review_status(vault, iid, "3", status="reviewed", role="supervisor")
    transcripts.set_review_status(vault, iid, "2", status="disputed", role="supervisor")
    assert [s.number for s in transcripts.needs_review(vault, iid)] == [1, 2]
    assert transcripts.needs_review(vault, iid, "translation") == []  # none made yet
    doc = json.loads(transcript_export.export(vault, iid, fmt="json"))
    assert [round(s["confidence"], 2) for s in doc["segments"]] == [0.81, 0.96, 0.4]


def test_an_index_is_never_reused_for_another_vocabulary_of_the_same_id() -> None:
    a = Taxonomy("org", "1", terms={"x": Term("x", None, "X", "보위부")})
    b = Taxonomy("org", "1", terms={"y": Term("y", None, "Y", "관리소")})
    assert [m.name for m in suggestions.name_index(a).near_misses("보이부 관리서")] == ["보위부"]
    assert [m.name for m in suggestions.name_index(b).near_misses("보이부 관리서")] == ["관리소"]


def test_translation_segments_take_their_originals_confidence(vault: Vault) -> None:
    iid, _ = scripted_interview(vault, translate=True)
    drafts = transcripts.segments(vault, iid, "translation")
    assert [s.words for s in drafts] == [[], [], []]  # the translate task gives no words
    assert [round(s.confidence or 0, 2) for s in drafts] == [0.81, 0.96, 0.4]
    assert [s.number for s in transcripts.needs_review(vault, iid, "translation")] == [3, 1, 2]
    txt = transcript_export.export(vault, iid, fmt="txt", layer="translation",
                                   mark_confidence=True).decode()
    assert "confidence 0.40 LOW" in txt and "[?SPEECH" not in txt  # no words of its own to mark
