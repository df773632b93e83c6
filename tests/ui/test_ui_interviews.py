"""Interview list (search, filters, columns) and the details and consent form."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt

from app import interviews
from app.overview import interview_summaries
from tests.ui_support import window_on
from ui.interview_list import NewInterviewDialog, format_duration


@pytest.fixture
def window(qtbot, vault, tmp_path):
    a = interviews.add_interview(vault, code="SYN-2026-190", role="interviewer",
                                 consent_scopes=["archive", "un"])
    b = interviews.add_interview(vault, code="SYN-2026-191", role="interviewer",
                                 consent_scopes=["archive"])
    c = interviews.add_interview(vault, code="OTHER-2026-181", role="interviewer")
    interviews.update_interview(vault, b, role="interviewer", status="transcribed")
    interviews.withdraw_consent(vault, c, role="interviewer")
    now = "2026-01-01T00:00:00"
    with vault.transaction() as conn:  # a transcript of two segments, one reviewed, one tag
        for i, status in enumerate(("reviewed", "draft")):
            conn.execute(
                "INSERT INTO segment(id, interview_id, idx, start_s, end_s, text, created_at,"
                " created_by, layer, review_status) VALUES (?,?,?,?,?,?,?,?,'original',?)",
                (f"seg{i}", b, i, i * 2.0, i * 2.0 + 2, "synthetic words", now, "interviewer",
                 status))
        conn.execute("INSERT INTO tag(id, interview_id, term_id, segment_id, created_at,"
                     " created_by) VALUES ('t1', ?, 'violation.torture', 'seg0', ?, 'coder')",
                     (b, now))
    w = window_on(qtbot, vault, tmp_path)
    w.ids = {"A": a, "B": b, "C": c}
    return w


def test_summaries_count_progress(vault):
    iid = interviews.add_interview(vault, code="NK-2026-188", role="interviewer", consent_scopes=["un"])
    [s] = interview_summaries(vault)
    assert (s.id, s.code, s.segments, s.review_state, s.consent_scopes) == (
        iid, "NK-2026-188", 0, "none", ["un"])


def test_list_columns_search_and_filters(window):
    lst = window.workspace.list
    assert sorted(lst.visible_codes()) == ["OTHER-2026-181", "SYN-2026-190", "SYN-2026-191"]
    row_b = [lst.proxy.index(r, 0).data() for r in range(3)].index("SYN-2026-191")
    cells = [lst.proxy.index(row_b, c).data() for c in range(7)]
    assert cells[3].startswith("2 segments") and cells[4] == "50 %"
    lst.search.setText("syn")
    assert sorted(lst.visible_codes()) == ["SYN-2026-190", "SYN-2026-191"]
    lst.search.clear()
    lst.status.setCurrentIndex(lst.status.findData("transcribed"))
    assert lst.visible_codes() == ["SYN-2026-191"]
    lst.status.setCurrentIndex(0)
    lst.consent.setCurrentIndex(lst.consent.findData("scope:un"))
    assert lst.visible_codes() == ["SYN-2026-190"]
    lst.consent.setCurrentIndex(lst.consent.findData("withdrawn"))
    assert lst.visible_codes() == ["OTHER-2026-181"]
    lst.consent.setCurrentIndex(0)
    lst.review.setCurrentIndex(lst.review.findData("partial"))
    assert lst.visible_codes() == ["SYN-2026-191"]
    lst.review.setCurrentIndex(lst.review.findData("none"))
    assert sorted(lst.visible_codes()) == ["OTHER-2026-181", "SYN-2026-190"]
    lst.review.setCurrentIndex(0)
    lst.tag.setCurrentIndex(lst.tag.findData("violation.torture"))
    assert lst.visible_codes() == ["SYN-2026-191"]


def test_new_interview_dialog_and_duplicate_code(qtbot, window):
    lst = window.workspace.list
    lst.new_interview()
    dialog = lst.findChild(NewInterviewDialog)
    dialog.code.setText("SYN-2026-205")
    dialog.accept()
    assert "SYN-2026-205" in lst.visible_codes()
    # it opened on the new interview
    assert window.workspace.page.details.code.text() == "SYN-2026-205"
    lst.create("SYN-2026-205")
    assert "already exists" in lst.message.text()
    assert lst.visible_codes().count("SYN-2026-205") == 1


def test_details_and_consent_are_saved_and_withdrawal_locks_consent(window):
    window.workspace.list.open_code("SYN-2026-190")
    d = window.workspace.page.details
    assert d.scopes["archive"].isChecked() and d.scopes["un"].isChecked()
    assert not d.scopes["court"].isChecked()
    d.fields["place"].setText("서울 (synthetic)")
    d.fields["languages"].setText("ko, en")
    d.status.setCurrentIndex(d.status.findData("recorded"))
    d.save_button.click()
    assert d.message.text().startswith("Saved at")
    d.scopes["court"].setChecked(True)
    d.how.setCurrentIndex(d.how.findData("written"))
    d.save_button.click()
    assert d.message.text().startswith("Saved at")
    assert not d.withdraw_button.isEnabled()
    d.withdraw_confirm.setChecked(True)
    d.withdraw_note.setText("by phone (synthetic)")
    d.withdraw_button.click()
    assert "withdrawn" in d.withdrawn_label.text().lower()
    assert not d.scopes["archive"].isEnabled()
    vault = window.session.vault
    iv = interviews.get_interview(vault, "SYN-2026-190")
    assert iv.place == "서울 (synthetic)" and iv.languages == ["ko", "en"]
    assert iv.status == "recorded"
    assert iv.consent.scopes == ["archive", "court", "un"] and iv.consent.how_given == "written"
    assert iv.consent.withdrawn
    # the audit log names fields, never their values, and records the role
    rows = vault.conn.execute(
        "SELECT role, action, object_type, details FROM audit_log ORDER BY seq").fetchall()
    assert ("interviewer", "withdraw", "consent") in [r[:3] for r in rows]
    assert all("서울" not in r[3] for r in rows)
    edit = [json.loads(r[3]) for r in rows if r[1] == "edit" and r[2] == "interview"][-1]
    assert "place" in edit["fields"]
    window.lock()


def test_invalid_edit_shows_one_sentence_and_changes_nothing(window):
    window.workspace.list.open_code("SYN-2026-190")
    d = window.workspace.page.details
    d.status.addItem("bogus", "bogus")
    d.status.setCurrentIndex(d.status.findData("bogus"))
    d.fields["place"].setText("changed")
    d.save_button.click()
    assert d.message.text().startswith("Status must be one of")
    assert interviews.get_interview(window.session.vault, "SYN-2026-190").place is None


def test_format_duration():
    assert format_duration(0) == "—"
    assert format_duration(3725.4) == "1:02:05"


def test_enter_searches_the_words_too(window, qtbot):
    lst = window.workspace.list
    lst.search.setText("synthetic words")
    assert lst.visible_codes() == []  # no code contains it
    qtbot.keyClick(lst.search, Qt.Key.Key_Return)
    assert lst.visible_codes() == ["SYN-2026-191"]
    assert "in 1 interviews" in lst.message.text()
    lst.search.setText("synthetic word")  # typing again drops the word matches
    assert lst.visible_codes() == []


def test_witness_details_saved_and_bad_year_refused(window):
    window.workspace.list.open_code("SYN-2026-190")
    d = window.workspace.page.details
    d.person["birth_year"].setText("19x5")
    d.save_button.click()
    assert d.message.text().startswith("A year must be four digits")
    d.person["birth_year"].setText("1975")
    d.person["home_province"].setText("함경북도 (synthetic)")
    d.person["defection_year"].setText("2009")
    d.save_button.click()
    assert d.message.text().startswith("Saved at")
    p = interviews.get_interview(window.session.vault, "SYN-2026-190").interviewee
    assert (p.birth_year, p.home_province, p.defection_year) == (1975, "함경북도 (synthetic)", 2009)
    assert d.person["birth_year"].text() == "1975"  # reloaded from the vault
