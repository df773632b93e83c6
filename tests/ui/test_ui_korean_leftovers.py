"""The last English in the Korean window: what is stored in English is shown in Korean where
the window shows it (a revision's reason). Real window offscreen on real vaults; each test has
an English pattern that must not match what a Korean reader sees."""

from __future__ import annotations

import re
from typing import Any

import app.transcripts.store as transcripts
from app.transcripts import suggestions
from tests.review_helpers import scripted_interview
from tests.ui_support import window_on


def _transcript_view(window: Any) -> Any:
    tv = next(v for v in window.workspace.page.views if type(v).__name__ == "TranscriptView")
    window.workspace.page.tabs.setCurrentWidget(tv)
    return tv


def test_revision_reasons_the_program_wrote_read_in_korean(qtbot, tmp_path, vault,
                                                          korean) -> None:
    english = re.compile(r"find and replace|undo|restored|revision|term suggestion|taxonomy|"
                         r"vocabulary")
    iid, _ = scripted_interview(vault, code="NK-2026-971")
    sug = next(s for s in suggestions.term_suggestions(vault, iid) if s.segment_number == 1)
    suggestions.accept(vault, iid, "1", sug.id, role="interviewer")  # 보이부 -> 보위부
    transcripts.replace_text(vault, iid, find="조사를", replace="심문을", role="interviewer")
    transcripts.edit_segment(vault, iid, "1", text="저는 보위부에서 심문을 받았어요.",
                             role="interviewer", reason="checked with the interpreter")
    w = window_on(qtbot, vault, tmp_path, iid)
    tv = _transcript_view(w)
    tv.reload()
    # the window writes the other two: an undo of its own edit, and a restored revision
    tv.edit_segment(0, "저는 보위부에서 심문을 받았습니다.")
    tv.undo_last()
    tv.table.setCurrentCell(0, tv.text_col)
    tv.show_history()
    tv.history.table.setCurrentCell(0, 0)
    tv.history.restore_button.click()
    stored = [r.reason for r in
              transcripts.segments(tv.session.vault, iid, with_revisions=True)[0].revisions]
    assert stored == [None, sug.reason, "find and replace", "checked with the interpreter",
                      None, "undo", "restored revision 0"]  # the vault keeps the English

    tv.table.setCurrentCell(0, tv.text_col)
    tv.show_history()
    table = tv.history.table
    shown = [table.item(r, 3).text() for r in range(table.rowCount())]
    assert shown[1] == (f"용어 제안: 보이부 → 보위부 (분류 체계 용어 perpetrator.mss, 분류 체계 "
                        f"버전 {sug.vocabulary})"), shown
    assert shown[2] == "찾아 바꾸기" and shown[5] == "되돌리기" and shown[6] == "수정본 0 복원"
    assert shown[3] == "checked with the interpreter"  # typed by a person: shown as typed
    assert shown[0] == shown[4] == ""
    assert not english.search(" ".join(shown[:3] + shown[4:])), shown
    w.lock()
