"""Review tools in the real window (offscreen, real SQLCipher vault, PulseAudio virtual output
where present): multi-line editing, find and replace, undo, revision history, outdated
translations, segment loop, rewind-on-pause and pitch-preserving slow-down."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit

import app.transcripts.store as transcripts
from app.audio.playback import tone
from app.errors import UsageError
from qtaudio.player import STRETCH_WINDOW_S, Player
from tests.review_helpers import scripted_interview
from tests.ui_support import window_on


@pytest.fixture
def editor(qtbot, tmp_path, vault):
    iid, _ = scripted_interview(vault, translate=True)
    w = window_on(qtbot, vault, tmp_path, iid)
    views = {type(v).__name__: v for v in w.workspace.page.views}
    tv = views["TranscriptView"]
    tv.translation_view = views["TranslationView"]
    tv.iid = iid
    w.resize(1100, 700)
    w.show()
    qtbot.waitExposed(w)
    w.workspace.page.tabs.setCurrentWidget(tv)
    return tv


def _texts(tv, layer="original"):
    return [s.text for s in transcripts.segments(tv.session.vault, tv.iid, layer)]


def test_segment_editor_takes_several_lines_and_saves_on_ctrl_enter(editor, qtbot):
    tv = editor
    tv.table.setCurrentCell(0, tv.text_col)
    tv.table.editItem(tv.table.item(0, tv.text_col))
    box = tv.table.findChild(QPlainTextEdit, "segmentEditor")
    assert box is not None and box.toPlainText() == "저는 보이부에서 조사를 받았습니다."
    box.setPlainText("저는 보위부에서\n조사를 받았습니다.")
    qtbot.keyClick(box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert _texts(tv)[0] == "저는 보위부에서\n조사를 받았습니다."


def test_find_replace_all_then_undo_each_as_a_revision(editor, qtbot):
    tv = editor
    bar = tv.find_bar
    bar.open(replacing=True)
    assert bar.isVisible()
    bar.find_text.setText("있었습니다")
    assert bar.find_next() == 1
    bar.replace_text.setText("지냈습니다")
    bar.all_button.click()
    assert _texts(tv)[1] == "요덕 관리소에서 삼 년 지냈습니다."
    assert "1 segment(s) changed" in tv.message.text()
    bar.find_text.setText("없는 말")
    assert bar.find_next() == -1 and "is not in this transcript" in tv.message.text()
    tv.undo_last()
    segs = transcripts.segments(tv.session.vault, tv.iid, with_revisions=True)
    assert segs[1].text == "요덕 관리소에서 삼 년 있었습니다."
    assert [r.reason for r in segs[1].revisions] == [None, "find and replace", "undo"]
    tv.undo_last()
    assert tv.message.text() == "Nothing to undo in this window."


def test_revision_history_lists_every_revision_and_restores_one(editor, qtbot):
    tv = editor
    vault = tv.session.vault
    transcripts.edit_segment(vault, tv.iid, "3", text="그 사람이 뭐라 했는지 몰라요.",
                             role="translator", reason="heard again")
    tv.reload()
    tv.table.setCurrentCell(2, tv.text_col)
    tv.show_history()
    dialog = tv.history
    assert dialog.table.rowCount() == 2
    assert dialog.table.item(0, 1).text() == "speech engine"
    assert dialog.table.item(1, 3).text() == "heard again"
    dialog.table.setCurrentCell(0, 0)
    dialog.restore_button.click()
    seg = transcripts.segments(vault, tv.iid, with_revisions=True)[2]
    assert seg.text == seg.revisions[0].text and seg.revisions[-1].reason == \
        "restored revision 0"
    assert len(seg.revisions) == 3  # nothing was lost: the restore is a new revision


def test_translation_of_a_changed_original_is_marked_outdated(editor, qtbot):
    tv = editor
    tv.edit_segment(0, "저는 보위부에서 조사를 받았습니다.")
    trv = tv.translation_view
    trv.load(tv.iid)
    review_col = trv.text_col + 1
    assert trv.table.item(0, review_col).text().startswith("outdated")
    assert not trv.table.item(1, review_col).text().startswith("outdated")
    assert trv.table.item(0, trv.text_col).font().italic()


def test_loop_key_loops_the_current_segment(editor, qtbot):
    tv = editor
    tv.table.setCurrentCell(1, tv.text_col)
    seg = tv.visible[1].segment
    tv.loop_segment()
    assert tv.player.loop == (seg.start, seg.end)
    assert tv.loaded_asset == seg.asset_id
    tv.loop_segment()
    assert tv.player.loop is None and tv.message.text() == "Loop ended."


def test_player_loops_and_rewinds_on_pause(qtbot, virtual_mic):
    p = Player()
    p.load(tone(4.0))
    positions: list[float] = []
    p.position_changed.connect(positions.append)
    p.set_loop(0.5, 1.0)
    # Round the loop at least once: past its end never by more than a tick, back to its start.
    qtbot.waitUntil(lambda: any(a > 0.9 and b < 0.7 for a, b in zip(positions, positions[1:])),
                    timeout=15_000)
    assert max(positions) < 1.3
    p.clear_loop()
    p.play_from(2.5)
    qtbot.waitUntil(lambda: p.position() > 2.8, timeout=10_000)
    p.pause()
    at = p.position()
    p.toggle()
    assert p.state == "playing" and p._start_s == pytest.approx(at - p.rewind_on_pause_s)
    p.stop()


def test_slower_playback_keeps_the_recordings_rate_so_the_pitch(qtbot, virtual_mic):
    p = Player()
    audio = tone(30.0, rate=24_000)
    p.load(audio)
    p.change_rate(-1)
    p.change_rate(-1)
    assert p.rate == 0.5
    p.play_from(1.0)
    assert p._sink.format().sampleRate() == 24_000  # a tape machine would play at 12 kHz
    window = int(STRETCH_WINDOW_S * 24_000) * 2
    assert p._buffer.size() == pytest.approx(2 * window, rel=0.01)  # twice as long
    qtbot.waitUntil(lambda: p.position() > 1.1, timeout=10_000)
    p.stop()


# ------------------------------------------------------------------ passages that open
@pytest.fixture
def coded(qtbot, tmp_path, vault):
    """Two coded interviews: Yodok tagged on words, and an event there in 1998."""
    from app.coding import events, tags

    iid, _ = scripted_interview(vault)
    other, _ = scripted_interview(vault, code="NK-2026-168")
    yodok = tags.add_tag(vault, iid, "detention.kwanliso.15", role="coder", segment=1,
                         chars=(0, 2))
    enslaved = tags.add_tag(vault, other, "forced_labour", role="coder", segment=0)
    events.add_event(vault, other, act="violation", role="coder",
                     place="detention.kwanliso.15", date="1998", tags=[enslaved])
    return {"iid": iid, "other": other, "yodok_tag": yodok, "event_tag": enslaved}


def test_report_bar_lists_the_passages_it_counted(vault, coded):
    from app.coding.passages import behind_report

    found = behind_report(vault, "facility", "detention.kwanliso.15")
    assert [(p.interview_code, p.tag_id) for p in found] == [
        ("NK-2026-100", coded["yodok_tag"]), ("NK-2026-168", coded["event_tag"])]
    assert found[0].text == "요덕" and found[0].start_s is not None
    assert [p.tag_id for p in behind_report(vault, "year", "1998")] == [coded["event_tag"]]
    assert behind_report(vault, "year", "1999") == []
    with pytest.raises(UsageError):
        behind_report(vault, "colour", "red")


def _workspace(qtbot, vault, tmp_path):
    w = window_on(qtbot, vault, tmp_path)
    return w.workspace


def test_search_lists_passages_that_open_at_their_audio(qtbot, tmp_path, vault, coded):
    ws = _workspace(qtbot, vault, tmp_path)
    ws.list.search.setText("관리소")
    ws.list.search_words()
    table = ws.list.passages
    assert table.isVisibleTo(ws.list) and table.rowCount() == 2
    assert {table.item(r, 0).text() for r in range(2)} == {"NK-2026-100", "NK-2026-168"}
    row = next(r for r in range(2) if table.item(r, 0).text() == "NK-2026-100")
    table.open_row(row)
    tv = ws.page.tabs.currentWidget()
    assert type(tv).__name__ == "TranscriptView" and tv.interview_id == coded["iid"]
    assert tv.table.currentRow() == 1  # the segment with the words
    assert tv.loaded_asset == tv.visible[1].segment.asset_id  # decoded to play there
    ws.list.search.setText("관리")
    assert not table.isVisibleTo(ws.list)  # typing on: the old passages go


def test_report_bar_opens_its_passages_and_they_open_the_interview(qtbot, tmp_path, vault,
                                                                   coded):
    from ui.reports_view import ReportsView

    ws = _workspace(qtbot, vault, tmp_path)
    reports = next(v for v in ws.extra if isinstance(v, ReportsView))
    reports.refresh()
    bars = reports.shown_rows["facility"]
    index = next(i for i, r in enumerate(bars) if r.key == "detention.kwanliso.15")
    reports.open_bar("facility", index)
    assert reports.passages.rowCount() == 2
    assert "2 passages" in reports.passage_title.text()
    reports.passages.open_row(1)
    tv = ws.page.tabs.currentWidget()
    assert tv.interview_id == coded["other"] and tv.table.currentRow() == 0
