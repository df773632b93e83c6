"""Stored English values offered in the coding view (a tag's confidence, how the witness knows
of an event) are named in the interface language; the stored codes stay English."""

from __future__ import annotations

from app import interviews
from tests.ui_support import window_on


def test_confidence_and_witness_choices_read_in_korean(qtbot, tmp_path, vault, korean) -> None:
    iid = interviews.add_interview(vault, code="NK-2026-967", role="interviewer")
    w = window_on(qtbot, vault, tmp_path, iid)
    cv = next(v for v in w.workspace.page.views if type(v).__name__ == "CodingView")
    confidence = [(cv.confidence.itemText(i), cv.confidence.itemData(i))
                  for i in range(cv.confidence.count())]
    assert confidence == [("(신뢰도)", None), ("낮음", "low"), ("보통", "medium"), ("높음", "high")]
    relation = [(cv.relation.itemText(i), cv.relation.itemData(i))
                for i in range(cv.relation.count())]
    assert relation == [("(기록 안 함)", None), ("직접 겪음", "experienced"), ("직접 봄", "saw"),
                        ("전해 들음", "heard")]
    w.lock()
