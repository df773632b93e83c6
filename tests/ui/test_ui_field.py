"""A client people can trust in the field: screens that follow the open interview, safe
pseudonym codes, forms that do not lose edits, knowing where you are, dates through pickers.
Real window (offscreen), real SQLCipher vault, inline task runner."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import QComboBox, QScrollArea, QStyleOptionViewItem

import ui.interview_page as interview_page
from app import interviews
from app.audio import markers
from app.coding import tags
from app.transcripts import store as transcripts
from tests.common import PASSPHRASE
from tests.review_helpers import scripted_interview
from tests.transcribe_helpers import FakeEngine, interview_with_audio, tone_bursts
from tests.ui_support import unlock, window_on
from ui.interview_list import NewInterviewDialog


def _shown(qtbot, window):
    window.show()
    qtbot.waitExposed(window)
    return window


def _views(window):
    return {type(v).__name__: v for v in window.workspace.page.views}


def _tab(window, view) -> None:
    """Bring an interview view to the front, as a click on its tab does."""
    ws = window.workspace
    ws.tabs.setCurrentIndex(ws.page_index)
    ws.page.tabs.setCurrentWidget(view)


def _workspace_tab(window, widget) -> None:
    window.workspace.tabs.setCurrentWidget(widget)


@pytest.fixture
def recorded(qtbot, vault, tmp_path):
    """A window open on an interview with a recording and no transcript yet."""
    iid, _aid = interview_with_audio(vault, tone_bursts(4.0, [(0.5, 1.5), (2.0, 3.0)]),
                                     code="NK-2026-014")
    window = _shown(qtbot, window_on(qtbot, vault, tmp_path, iid))
    window.iid = iid
    return window


# ---------------------------------------------------------------- 1. screens follow
def test_transcription_reaches_every_screen_without_reopening(qtbot, recorded):
    w, iid = recorded, recorded.iid
    views = _views(w)
    tv, cv = views["TranscriptView"], views["CodingView"]
    _tab(w, cv)
    assert cv.message.text().startswith("No transcript yet")
    _tab(w, views["RecordingView"])
    views["RecordingView"].transcribe(engine_factory=lambda name: FakeEngine(name))
    assert len(transcripts.segments(w.session.vault, iid, "original")) == 2
    _tab(w, tv)
    qtbot.waitUntil(lambda: tv.table.rowCount() == 2, timeout=3000)
    assert not tv.message.text().startswith("No transcript yet")
    _tab(w, cv)
    qtbot.waitUntil(lambda: cv.segment_list.count() == 2, timeout=3000)
    assert not cv.message.text().startswith("No transcript yet")
    _workspace_tab(w, w.workspace.list)
    lst = w.workspace.list

    def transcript_cell() -> str:
        return str(lst.proxy.index(0, 3).data())

    qtbot.waitUntil(lambda: transcript_cell().startswith("2 segments"), timeout=3000)
    assert lst.proxy.index(0, 2).data() == "0:00:04"


def test_new_interview_appears_in_export_and_tags_in_reports(qtbot, recorded):
    w = recorded
    export, reports = w.workspace.extra[0], w.workspace.extra[2]
    _workspace_tab(w, export)
    export.set_checked(["NK-2026-014"])
    w.workspace.list.create("NK-2026-015")
    _workspace_tab(w, export)
    qtbot.waitUntil(lambda: export.interviews.count() == 2, timeout=3000)
    codes = sorted(export.interviews.item(i).text() for i in range(export.interviews.count()))
    assert codes == ["NK-2026-014", "NK-2026-015"]
    assert [s.code for s in export._checked()] == ["NK-2026-014"]  # the choice survives
    _workspace_tab(w, reports)
    qtbot.waitUntil(lambda: reports.summary.text() != "", timeout=3000)
    assert reports.summary.text().startswith("0 violation tags")
    assert reports.findChild(type(w.workspace.page.details.save_button),
                             "refreshReports") is None  # no Refresh button any more
    tags.add_tag(w.session.vault, recorded.iid, "torture", role="coder")
    qtbot.waitUntil(lambda: reports.summary.text().startswith("1 violation tags"),
                    timeout=3000)


def test_translation_tab_shows_the_corrected_original(qtbot, vault, tmp_path):
    iid, _aid = scripted_interview(vault, code="NK-2026-020", translate=True)
    w = _shown(qtbot, window_on(qtbot, vault, tmp_path, iid))
    views = _views(w)
    tv, trv = views["TranscriptView"], views["TranslationView"]
    _tab(w, trv)
    qtbot.waitUntil(lambda: trv.table.rowCount() > 0, timeout=3000)
    _tab(w, tv)
    row = next(i for i, r in enumerate(tv.visible) if r.kind == "segment")
    tv.edit_segment(row, "corrected original words")
    _tab(w, trv)

    def originals() -> list[str]:
        return [trv.table.item(i, 2).text() for i in range(trv.table.rowCount())
                if trv.table.item(i, 2) is not None]

    qtbot.waitUntil(lambda: "corrected original words" in originals(), timeout=3000)


# ---------------------------------------------------------------- 2. pseudonym codes
def test_name_like_code_refused_and_code_renamed_in_the_window(qtbot, recorded):
    w = recorded
    lst, d = w.workspace.list, w.workspace.page.details
    _workspace_tab(w, lst)
    lst.create("Kim Young-ho")
    assert "looks like a person's name" in lst.message.text()
    lst.create("김영호")
    assert "looks like a person's name" in lst.message.text()
    assert [i.code for i in interviews.list_interviews(w.session.vault)] == ["NK-2026-014"]
    w.workspace.open_interview(w.iid)
    d.code.setText("Ri Sol-ju")
    d.save_button.click()
    assert "looks like a person's name" in d.message.text()
    assert interviews.get_interview(w.session.vault, w.iid).code == "NK-2026-014"
    d.code.setText("NK-2026-099")
    d.code.editingFinished.emit()  # leaving the field saves it
    assert interviews.get_interview(w.session.vault, w.iid).code == "NK-2026-099"
    assert d.message.text().startswith("Saved at")
    assert w.workspace.header.text() == "Open interview: NK-2026-099"
    rows = w.session.vault.conn.execute(
        "SELECT action, details FROM audit_log WHERE object_id = ?", (w.iid,)).fetchall()
    assert ("rename", '{"fields":["code"]}') in [(a, dt.replace(" ", "")) for a, dt in rows]
    _workspace_tab(w, lst)
    qtbot.waitUntil(lambda: lst.visible_codes() == ["NK-2026-099"], timeout=3000)


# ---------------------------------------------------------------- 3. forms keep edits
def test_leaving_the_form_saves_it_and_unsaveable_values_ask(qtbot, recorded, monkeypatch):
    w = recorded
    page, d = w.workspace.page, w.workspace.page.details
    scroll = d.findChild(QScrollArea)
    # one Save for the page, and its confirmation outside the scrolled part (always visible)
    assert [b.objectName() for b in d.findChildren(type(d.save_button))
            if b.text().replace("&", "").startswith("Save")] == ["saveDetails"]
    assert not scroll.widget().isAncestorOf(d.message) and d.message.isVisible()
    d.fields["place"].setText("Seoul (synthetic)")
    d.person["home_province"].setText("North Hamgyong (synthetic)")
    d.scopes["court"].setChecked(True)
    _tab(w, _views(w)["TranscriptView"])  # switching tabs saves, nothing is lost
    iv = interviews.get_interview(w.session.vault, w.iid)
    assert iv.place == "Seoul (synthetic)"
    assert iv.interviewee.home_province == "North Hamgyong (synthetic)"
    assert "court" in iv.consent.scopes
    asked: list[str] = []
    answer = [False]

    def ask(_parent, text):
        asked.append(text)
        return answer[0]

    monkeypatch.setattr(interview_page, "ask_discard", ask)
    page.tabs.setCurrentWidget(d)
    d.person["birth_year"].setText("19x5")
    _tab(w, _views(w)["CodingView"])
    assert len(asked) == 1 and "A year must be four digits" in asked[0]
    assert page.tabs.currentWidget() is d  # kept on the form
    assert d.person["birth_year"].text() == "19x5"
    other = interviews.add_interview(w.session.vault, code="NK-2026-016", role="interviewer")
    w.workspace.open_interview(other)  # switching interviews asks too
    assert len(asked) == 2 and page.interview_id == w.iid
    answer[0] = True
    w.workspace.open_interview(other)
    assert page.interview_id == other and d.code.text() == "NK-2026-016"
    assert interviews.get_interview(w.session.vault, w.iid).interviewee.birth_year is None


def test_locking_saves_pending_edits(qtbot, recorded):
    w = recorded
    d = w.workspace.page.details
    d.notes.setPlainText("typed just before locking (synthetic)")
    w.lock()
    unlock(w, PASSPHRASE)
    assert interviews.get_interview(w.session.vault, w.iid).notes == \
        "typed just before locking (synthetic)"


# ---------------------------------------------------------------- 4. where you are
def test_header_names_the_interview_on_every_tab_and_ctrl_n_everywhere(qtbot, recorded):
    w = recorded
    ws = w.workspace
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=3000)
    for widget in (ws.list, ws.page, *ws.extra):
        ws.tabs.setCurrentWidget(widget)
        assert ws.header.isVisibleTo(w) and ws.header.text() == "Open interview: NK-2026-014"

    def open_dialogs() -> list[NewInterviewDialog]:
        return [d for d in w.findChildren(NewInterviewDialog) if d.isVisible()]

    for view in [*_views(w).values(), *ws.extra]:
        if view in ws.extra:
            ws.tabs.setCurrentWidget(view)
        else:
            _tab(w, view)
        view.setFocus()
        assert open_dialogs() == []
        qtbot.keyClick(view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        assert len(open_dialogs()) == 1, type(view).__name__
        open_dialogs()[0].reject()
    w.lock()
    assert ws.header.text() == "" and not ws.header.isVisibleTo(w)


def test_markers_added_while_listening_and_listed(qtbot, recorded):
    w = recorded
    views = _views(w)
    views["RecordingView"].transcribe(engine_factory=lambda name: FakeEngine(name))
    tv, rv = views["TranscriptView"], views["RecordingView"]
    _tab(w, tv)
    qtbot.waitUntil(lambda: tv.table.rowCount() == 2, timeout=3000)
    tv.table.setCurrentCell(1, tv.text_col)
    tv.marker_button.click()
    [marker] = markers.list_markers(w.session.vault, w.iid)
    assert marker.at_s == pytest.approx(tv.visible[1].start)
    assert tv.message.text().startswith("Marker added at")
    qtbot.waitUntil(lambda: any(r.kind == "marker" for r in tv.rows), timeout=3000)
    _tab(w, rv)
    qtbot.waitUntil(lambda: rv.markers.count() == 1, timeout=3000)
    assert rv.markers_label.text() == "Markers (1):"


# ---------------------------------------------------------------- 5. facts, not free text
def test_dates_through_pickers_stored_in_iso(qtbot, recorded):
    w = recorded
    d = w.workspace.page.details
    assert d.started_at.text() == "not recorded" and d.given_on.text() == "not recorded"
    d.started_at.setDateTime(QDateTime(QDate(2026, 11, 29), QTime(14, 0)))
    d.given_on.setDate(QDate(2026, 11, 28))
    d.save_button.click()
    iv = interviews.get_interview(w.session.vault, w.iid)
    assert (iv.started_at, iv.consent.given_on) == ("2026-11-29T14:00:00", "2026-11-28")
    interviews.add_interview(w.session.vault, code="NK-2026-002", role="interviewer",
                             started_at="2026.03.04 09:00")
    ordered = sorted(i.started_at for i in interviews.list_interviews(w.session.vault)
                     if i.started_at)
    assert ordered == ["2026-03-04T09:00:00", "2026-11-29T14:00:00"]
    # a date typed as free text before the pickers is shown, not silently dropped
    with w.session.vault.transaction() as conn:
        conn.execute("UPDATE interview SET started_at = '29/11/2026 14:00' WHERE id = ?",
                     (w.iid,))
    d.load(w.iid)
    assert d.started_at.text() == "not recorded"
    assert d.started_at_note.isVisible() and "29/11/2026 14:00" in d.started_at_note.text()


def test_speakers_are_chosen_from_the_interviews_list(qtbot, recorded):
    w = recorded
    views = _views(w)
    views["RecordingView"].transcribe(engine_factory=lambda name: FakeEngine(name))
    tv = views["TranscriptView"]
    _tab(w, tv)
    qtbot.waitUntil(lambda: tv.table.rowCount() == 2, timeout=3000)
    tv.table.item(0, 1).setText("NK-PARTICIPANT-2")
    delegate = tv.table.itemDelegateForColumn(1)
    editor = delegate.createEditor(tv.table.viewport(), QStyleOptionViewItem(),
                                   tv.table.model().index(1, 1))
    assert isinstance(editor, QComboBox)
    choices = [editor.itemText(i) for i in range(editor.count())]
    assert choices == ["interviewer", "witness", "interpreter", "NK-PARTICIPANT-2"]
    editor.setCurrentText("witness")
    delegate.setModelData(editor, tv.table.model(), tv.table.model().index(1, 1))
    segs = transcripts.segments(w.session.vault, w.iid, "original")
    assert [s.speaker for s in segs] == ["NK-PARTICIPANT-2", "witness"]


# ---------------------------------------------------------------- the change path itself
def test_changes_made_on_the_worker_arrive_on_the_gui_thread(qtbot, vault, tmp_path):
    import threading

    from ui import settings as settings_store
    from ui.session import Session
    from ui.tasks import TaskRunner

    runner = TaskRunner()
    session = Session(vault.path, role="interviewer", runner=runner,
                      settings=settings_store.Settings(), state_dir=tmp_path)
    session.set_vault(vault)
    seen: list[tuple[object, bool]] = []
    session.changed.connect(lambda change: seen.append(
        (change, threading.current_thread() is threading.main_thread())))
    worker_threads: list[bool] = []

    def work(v, _c, _p):
        worker_threads.append(threading.current_thread() is threading.main_thread())
        return interviews.add_interview(v, code="NK-2026-030", role="interviewer")

    ids: list[str] = []
    session.call(work, on_done=ids.append)
    qtbot.waitUntil(lambda: bool(seen) and bool(ids), timeout=10_000)
    assert worker_threads == [False]
    [(change, on_gui_thread)] = seen
    assert on_gui_thread
    assert (change.kind, change.interview_id) == ("interview-created", ids[0])
    session.lock()
    runner.shutdown(wait=True)
