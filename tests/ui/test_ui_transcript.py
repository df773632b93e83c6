"""Transcribe from the recording screen (fake engine: fast), then the transcript editor,
the translator's view, the coding panel and the report charts, on a real vault."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

import app.transcripts.store as transcripts
from app.coding import events as coding_events
from app.coding import tags as coding_tags
from tests.transcribe_helpers import FakeEngine, interview_with_audio, tone_bursts
from tests.ui_support import window_on


@pytest.fixture
def opened(qtbot, tmp_path, vault):
    samples = tone_bursts(8.0, [(0.5, 2.0), (3.0, 4.5), (5.5, 7.0)])
    iid, aid = interview_with_audio(vault, samples, code="SYN-2026-211")
    with vault.transaction() as conn:
        conn.execute("INSERT INTO marker(id, interview_id, asset_id, at_s, note, created_at,"
                     " created_by) VALUES ('m1', ?, ?, 2.5, 'synthetic marker', '2026', 'x')",
                     (iid, aid))
    w = window_on(qtbot, vault, tmp_path, iid)
    views = {type(v).__name__: v for v in w.workspace.page.views}
    rv = views["RecordingView"]
    rv.translate.setChecked(True)
    rv.transcribe(engine_factory=lambda name: FakeEngine(name))
    assert rv.message.text().startswith("Transcription finished: 3 segments"), rv.message.text()
    w.iid, w.aid, w.views = iid, aid, views
    w.workspace.open_interview(iid)  # reload every tab
    return w


def test_transcript_editor_edit_review_markers_and_filter(opened, qtbot):
    tv = opened.views["TranscriptView"]
    kinds = [r.kind for r in tv.visible]
    assert kinds == ["segment", "marker", "segment", "segment"]
    assert "synthetic marker" in tv.table.item(1, tv.text_col).text()
    assert tv.table.item(0, 0).text() == "0:00:00–0:00:02"
    # edit in place: a revision
    tv.table.item(0, tv.text_col).setText("corrected synthetic words")
    assert tv.message.text() == "Saved as a new revision."
    v = opened.session.vault
    seg = transcripts.segments(v, opened.iid)[0]
    assert seg.text == "corrected synthetic words"
    assert [r.kind for r in transcripts.revisions(v, seg.id)][-1] == "edit"
    # speaker label, edited in place
    tv.table.item(0, 1).setText("witness")
    assert tv.message.text() == "Speaker saved."
    assert transcripts.segments(v, opened.iid)[0].speaker == "witness"
    tv.table.item(0, 1).setText(" " * 3)
    assert "speaker label" in tv.message.text()
    assert tv.table.item(0, 1).text() == "witness"
    # an empty edit is refused with one sentence and the cell goes back
    tv.table.item(0, tv.text_col).setText("   ")
    assert "empty" in tv.message.text()
    assert tv.table.item(0, tv.text_col).text() == "corrected synthetic words"
    # review status by keyboard
    tv.table.setCurrentCell(0, tv.text_col)
    tv.set_review("reviewed")
    assert tv.table.item(0, tv.text_col + 1).text() == "reviewed"
    assert transcripts.segments(v, opened.iid)[0].review_status == "reviewed"
    tv.unreviewed_only.setChecked(True)  # needs review: segments only, least certain first
    assert [r.kind for r in tv.visible] == ["segment", "segment"]
    tv.unreviewed_only.setChecked(False)
    # the playing segment is highlighted (recording decoded to memory first)
    tv.loaded_asset = opened.aid
    assert tv.highlight(3.2) == 2
    assert tv.table.item(2, 0).background().color().name() == "#fff2b3"
    assert tv.highlight(0.7) == 0
    assert tv.table.item(2, 0).background().style() == Qt.BrushStyle.NoBrush


def test_click_time_decodes_and_plays(opened, qtbot, virtual_mic):
    tv = opened.views["TranscriptView"]
    tv._cell_clicked(2, 0)  # the segment at 3.0 s
    assert tv.loaded_asset == opened.aid and tv.player.audio is not None
    assert tv.player.state == "playing"
    qtbot.waitUntil(lambda: tv._playing_row == 2, timeout=5000)
    tv.toggle_play()
    assert tv.player.state == "paused"
    before = tv.player.position()
    tv.seek(-5)
    assert tv.player.position() == max(0.0, before - 5)
    tv.change_rate(-1)
    assert tv.rate_label.text() == "0.75×"
    opened.lock()
    assert tv.player.audio is None  # decoded audio dropped on lock





def test_translation_side_by_side(opened):
    tr = opened.views["TranslationView"]
    assert tr.table.columnCount() == 5
    assert tr.table.item(0, 2).text().startswith("speech")  # original
    assert tr.table.item(0, 3).text().startswith("SPEECH")  # draft translation
    tr.table.item(0, 3).setText("Synthetic translation, corrected")
    assert tr.message.text() == "Saved as a new revision."
    segs = transcripts.segments(opened.session.vault, opened.iid, "translation")
    assert segs[0].text == "Synthetic translation, corrected"


def test_coding_tree_tag_jump_and_event(opened):
    cv = opened.views["CodingView"]
    assert cv.tree.topLevelItemCount() > 3
    cv.tree_lang.setCurrentIndex(cv.tree_lang.findData("ko"))
    cv.term_search.setText("요덕")
    assert cv.select_term("detention.kwanliso.15")
    assert not cv.tree.currentItem().isHidden()
    cv.segment_list.setCurrentRow(1)
    cursor = cv.text.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(6, cursor.MoveMode.KeepAnchor)
    cv.text.setTextCursor(cursor)
    cv.apply_button.click()
    assert cv.message.text() == "Tag applied."
    v = opened.session.vault
    [tag] = coding_tags.list_tags(v, opened.iid)
    assert (tag.term_id, tag.char_start, tag.char_end, tag.anchor) == (
        "detention.kwanliso.15", 0, 6, "text")
    assert cv.tag_list.count() == 1 and "요덕" in cv.tag_list.item(0).text()
    cv.segment_list.setCurrentRow(0)
    cv.jump_to_tag(0)
    assert cv.segment_list.currentRow() == 1
    assert cv.text.textCursor().selectedText() == cv.segments[1][4][:6]
    # event form: a bad date is one sentence and adds nothing
    cv.act.setCurrentIndex(cv.act.findData("violation.cah.imprisonment"))
    cv.victim.setText("witness")
    cv.date.setText("the long winter")
    cv.add_event_button.click()
    assert "Cannot read the date" in cv.message.text()
    assert coding_events.list_events(v, opened.iid) == []
    cv.date.setText("1997-summer")
    cv.place.setText("Yodok")
    cv.relation.setCurrentIndex(cv.relation.findData("experienced"))
    cv.tag_list.item(0).setSelected(True)
    cv.add_event_button.click()
    assert cv.message.text() == "Event added."
    [ev] = coding_events.list_events(v, opened.iid)
    assert (ev.act, ev.victim, ev.place_term, ev.relation, ev.tags) == (
        "violation.cah.imprisonment", "witness", "detention.kwanliso.15", "experienced",
        [tag.id])
    assert cv.event_list.count() == 1 and "1997-summer" in cv.event_list.item(0).text()
    # reports
    rep = next(x for x in opened.workspace.extra if type(x).__name__ == "ReportsView")
    rep.refresh()
    assert "1 events" in rep.summary.text()
    assert rep.charts["facility"].chart().series()
    assert rep.charts["year"].chart().series()


def test_transcription_cancel_keeps_what_was_done(qtbot, tmp_path, vault):
    samples = tone_bursts(8.0, [(0.5, 2.0), (3.0, 4.5), (5.5, 7.0)])
    iid, _aid = interview_with_audio(vault, samples, code="SYN-2026-192")
    w = window_on(qtbot, vault, tmp_path, iid)
    rv = next(v for v in w.workspace.page.views if type(v).__name__ == "RecordingView")
    runner = w.session.runner

    def press_cancel(_window):
        runner.handles[-1].cancel()  # as if Cancel were clicked while the engine works

    rv.transcribe(engine_factory=lambda name: FakeEngine(name, on_window=press_cancel))
    assert rv.message.text().startswith("Transcription was cancelled"), rv.message.text()
    assert rv.transcribe_button.isEnabled() and not rv.cancel_button.isEnabled()
    kept = transcripts.segments(w.session.vault, iid)
    assert len(kept) == 1  # the segment finished before the cancel is kept
    rv.transcribe(engine_factory=lambda name: FakeEngine(name))  # resumes
    assert rv.message.text().startswith("Transcription finished"), rv.message.text()
    assert len(transcripts.segments(w.session.vault, iid)) == 3
