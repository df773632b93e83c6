"""The transcript editor for reviewers, real Qt widgets offscreen on a real vault: unsure words
and segments are marked, a term suggestion is visible and one click stores it as a revision
with its reason, and "needs review" puts the least certain segments first."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage

import app.transcripts.store as transcripts
from app.transcripts.confidence import low_words
from tests.review_helpers import scripted_interview
from tests.ui_support import window_on
from ui.transcript_view import LOW_SEGMENT, MARKED_HTML_ROLE, marked_html


@pytest.fixture
def editor(qtbot, tmp_path, vault):
    iid, _ = scripted_interview(vault, translate=True)
    w = window_on(qtbot, vault, tmp_path, iid)
    views = {type(v).__name__: v for v in w.workspace.page.views}
    tv = views["TranscriptView"]
    tv.window_ = w
    tv.translation_view = views["TranslationView"]
    tv.iid = iid
    w.resize(1100, 700)
    w.show()
    qtbot.waitExposed(w)
    w.workspace.page.tabs.setCurrentWidget(tv)
    return tv


def test_unsure_words_and_segments_are_marked(editor, qtbot):
    tv = editor
    assert [r.segment.number for r in tv.visible] == [1, 2, 3]
    first = tv.table.item(0, tv.text_col)
    assert first.text() == "저는 보이부에서 조사를 받았습니다."  # the editable text is plain
    html = first.data(MARKED_HTML_ROLE)
    assert "background-color" in html and ">보이부<" in html  # unsure and suggested
    assert html == marked_html(first.text(), low_words(first.text(), tv.visible[0].segment.words),
                               tv.visible[0].suggestions)
    assert tv.table.item(1, tv.text_col).data(MARKED_HTML_ROLE) is None  # nothing unsure
    # segment 3 (mean 0.40) is marked as a whole; segment 1 (0.81) is not
    assert tv.table.item(2, 0).background().color() == LOW_SEGMENT
    assert "Low confidence (0.40)" in tv.table.item(2, 0).toolTip()
    assert tv.table.item(0, 0).background().style() == Qt.BrushStyle.NoBrush
    # the marks are really painted: the shaded word's colour appears in the cell
    rect = tv.table.visualItemRect(first)
    image = QImage(tv.table.viewport().size(), QImage.Format.Format_RGB32)
    tv.table.viewport().render(image)
    colours = {image.pixelColor(QPoint(x, y)).name()
               for x in range(rect.left(), rect.right(), 2)
               for y in range(rect.top(), rect.bottom(), 2)}
    assert QColor("#f8c9b0").name() in colours
    # playing a segment and moving on restores its low-confidence mark
    tv.loaded_asset = tv.visible[2].segment.asset_id
    assert tv.highlight(tv.visible[2].start + 0.1) == 2
    assert tv.table.item(2, 0).background().color().name() == "#fff2b3"
    tv.highlight(tv.visible[0].start + 0.1)
    assert tv.table.item(2, 0).background().color() == LOW_SEGMENT


def test_one_click_accepts_a_term_suggestion(editor, qtbot):
    tv = editor
    v = tv.session.vault
    assert not tv.suggestion_bar.isVisible()
    tv.table.setCurrentCell(1, tv.text_col)  # 요덕 관리소: nothing to suggest
    assert not tv.suggestion_bar.isVisible()
    tv.table.setCurrentCell(0, tv.text_col)
    button = tv.suggestion_buttons[0]
    assert tv.suggestion_bar.isVisible() and button.isVisible()
    assert button.text() == "보이부 → 보위부"
    assert "perpetrator.mss" in button.toolTip()
    assert not tv.suggestion_buttons[1].isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert tv.message.text() == "Suggestion accepted: saved as a new revision."
    seg = transcripts.segments(v, tv.iid, with_revisions=True)[0]
    assert seg.text == "저는 보위부에서 조사를 받았습니다."
    assert seg.revisions[-1].kind == "edit" and seg.revisions[-1].created_by == "interviewer"
    assert seg.revisions[-1].reason.startswith("term suggestion: 보이부 -> 보위부 (taxonomy "
                                                "perpetrator.mss, vocabulary version ")
    # the cell shows the new text; the suggestion is gone; the words no longer line up with
    # the engine's, so they are no longer shaded
    assert tv.table.item(0, tv.text_col).text() == seg.text
    assert tv.table.item(0, tv.text_col).data(MARKED_HTML_ROLE) is None
    assert not tv.suggestion_bar.isVisible()
    assert len(seg.revisions) == 2  # exactly one revision per click


def test_the_keyboard_accepts_the_first_suggestion(editor, qtbot):
    tv = editor
    tv.table.setCurrentCell(0, tv.text_col)
    tv.table.setFocus()
    qtbot.keyClick(tv.table, Qt.Key.Key_Return,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert tv.message.text() == "Suggestion accepted: saved as a new revision."
    assert transcripts.segments(tv.session.vault, tv.iid)[0].text.startswith("저는 보위부에서")


def test_a_typed_edit_brings_its_own_suggestions(editor):
    tv = editor
    tv.table.item(1, tv.text_col).setText("요덕 관리서에서 삼 년 있었습니다.")
    assert tv.message.text() == "Saved as a new revision."
    tv.table.setCurrentCell(1, tv.text_col)
    assert tv.suggestion_buttons[0].text() == "관리서 → 관리소"


def test_needs_review_lists_the_least_certain_first(editor):
    tv = editor
    tv.table.setCurrentCell(1, tv.text_col)
    tv.set_review("reviewed")
    tv.unreviewed_only.setChecked(True)
    assert [r.segment.number for r in tv.visible] == [3, 1]
    assert tv.table.item(0, tv.text_col).text().startswith("그 사람이")
    tv.unreviewed_only.setChecked(False)
    assert [r.segment.number for r in tv.visible] == [1, 2, 3]


def test_new_strings_have_korean_translations():
    from xml.etree import ElementTree

    from tests.common import ROOT

    tree = ElementTree.parse(ROOT / "ui" / "i18n" / "testimony_ko.ts")
    done = {m.findtext("source"): m.find("translation") for m in tree.iter("message")}
    for source in ("Needs &review: least certain first",
                   "Term suggestions (one click accepts):",
                   "Suggestion accepted: saved as a new revision."):
        translation = done[source]
        assert translation is not None and translation.text
        assert translation.get("type") != "unfinished"


def test_the_transcript_still_loads_when_suggestions_fail(editor, monkeypatch):
    import app.transcripts.suggestions
    from app.errors import UsageError

    def broken(*_a, **_k):
        raise UsageError("taxonomy.vault_taxonomy_version_see", version_id="x")

    monkeypatch.setattr(app.transcripts.suggestions, "term_suggestions", broken)
    tv = editor
    tv.load(tv.iid)
    assert [r.segment.number for r in tv.visible] == [1, 2, 3]
    assert "no taxonomy version" in tv.message.text()
    assert all(not r.suggestions for r in tv.visible)
    assert "background-color" in tv.table.item(0, tv.text_col).data(MARKED_HTML_ROLE)


def test_the_translators_view_uses_the_originals_confidence(editor):
    tr = editor.translation_view
    assert [r.segment.number for r in tr.visible] == [1, 2, 3]
    assert tr.table.item(2, 0).background().color() == LOW_SEGMENT  # original mean 0.40
    assert tr.table.item(0, 0).background().style() == Qt.BrushStyle.NoBrush
    assert tr.table.item(2, tr.text_col).data(MARKED_HTML_ROLE) is None  # no words to shade
    tr.unreviewed_only.setChecked(True)
    assert [r.segment.number for r in tr.visible] == [3, 1, 2]
