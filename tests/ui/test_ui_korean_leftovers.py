"""The last English in the Korean window: what is stored in English (a revision's reason, the
table an import conflicted on, a link's relation, an event's date) is shown in Korean, and the
date examples of the coding view are Korean forms the date parser reads. Real window offscreen
on real vaults; each test has an English pattern that must not match what a Korean reader
sees."""

from __future__ import annotations

import re
from typing import Any

import pytest

import app.transcripts.store as transcripts
from app.bundles.importer import import_bundle
from app.bundles.tables import interview_tables
from app.coding import dates
from app.connect import corroborate as corr
from app.connect import links
from app.interviews import update_interview
from app.transcripts import suggestions
from tests.bundle_helpers import make_world, populate
from tests.review_helpers import scripted_interview
from tests.ui_support import supervisor_view_on, window_on
from ui.coding_view import CodingView
from ui.connect_view import RELATIONS, ConnectView
from ui.errors import message_for

HANGUL = re.compile(r"[\uac00-\ud7a3]")


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


def test_import_conflicts_name_what_conflicted_in_korean(qtbot, tmp_path, korean) -> None:
    w = make_world(tmp_path)
    iid = populate(w.field, "NK-2026-972")
    one = w.export(iid, name="1.age")
    update_interview(w.field, iid, role="interviewer", notes="edited on the laptop")
    two = w.export(iid, name="2.age")
    import_bundle(w.sup, one.path, w.identity, role="supervisor")
    sv = supervisor_view_on(qtbot, w, tmp_path)
    sv.open_bundle(two.path)
    qtbot.waitUntil(lambda: bool(sv.verdict.text()), timeout=30_000)
    sv.import_button.click()
    qtbot.waitUntil(lambda: bool(sv.message.text()), timeout=30_000)
    text = sv.message.text()
    lines = [line.strip() for line in text.splitlines()]
    assert f'충돌: 면담 {{"id": "{iid}"}}' in lines, text
    assert not re.search(r"conflict|interview\b", text), text


def test_every_table_an_import_can_conflict_on_has_a_korean_name(vault, korean) -> None:
    from ui.labels import table_label

    names = [t.name for t in interview_tables(vault.conn)] + ["blob"]
    assert {"interview", "segment", "audio_asset", "link"} <= set(names)
    shown = {n: table_label(n) for n in names}
    assert all(HANGUL.search(s) and not re.search(r"[A-Za-z]", s) for s in shown.values()), shown
    assert len(set(shown.values())) == len(shown), shown  # no two tables read alike
    assert table_label("newer_table") == "기록(newer_table)"


def test_date_examples_are_korean_forms_the_parser_reads(qtbot, tmp_path, vault,
                                                        korean) -> None:
    english = re.compile(r"summer|before|after|about|unknown")
    iid, _ = scripted_interview(vault, code="NK-2026-973")
    w = window_on(qtbot, vault, tmp_path, iid)
    cv = next(v for v in w.workspace.page.views if isinstance(v, CodingView))
    hint = cv.date.placeholderText()
    assert hint == cv.date.toolTip() and HANGUL.search(hint), hint
    assert not english.search(hint), hint
    ko_examples = hint.split(", ")
    en_examples = ("1997-03-14, 1997-03, 1997-summer, 1997, 1990s, 1995..1997, before 1997, "
                   "about 1997").split(", ")
    # each Korean example is read as exactly the date its English counterpart is
    assert [dates.parse(k) for k in ko_examples] == [dates.parse(e) for e in en_examples]
    # the sentence that answers a date the parser cannot read gives Korean forms too
    with pytest.raises(dates.DateError) as refused:
        dates.parse("지난 여름쯤")
    said = message_for(refused.value)
    assert said.startswith("날짜 '지난 여름쯤'을(를) 읽을 수 없습니다."), said
    forms = re.search(r"날짜는 (.+) \(또는 '모름'\) 형식으로", said)
    assert forms is not None, said
    assert not english.search(said.replace("지난 여름쯤", "")), said
    assert all(dates.parse(f).kind != "unknown" for f in forms[1].split(", "))
    assert dates.parse("모름").kind == "unknown"
    w.lock()


def test_link_relations_read_in_korean_and_an_unknown_one_says_so(qtbot, tmp_path, vault,
                                                                 korean) -> None:
    english = re.compile(r"produced|handled|shipped|imposed|commanded|other|relation")
    assert set(RELATIONS) == set(links.RELATIONS)  # every relation the core knows is named
    window = window_on(qtbot, vault, tmp_path)
    view = next(v for v in window.workspace.extra if isinstance(v, ConnectView))
    names = {"a": {"en": "A", "ko": "가"}, "b": {"en": "B", "ko": "나"}}
    relations = [*links.RELATIONS, "smuggled-via"]  # the last from a newer program
    cells = [corr.Cell(links.LinkKey("a", r, "b"), 1, 1) for r in relations]
    view._show_chain((cells, names))
    shown = [view.chain_table.item(i, 1).text() for i in range(len(cells))]
    assert all(HANGUL.search(s) for s in shown), shown
    assert shown[-1] == "기타 관계(smuggled-via)", shown
    assert not english.search(" ".join(shown).replace("smuggled-via", "")), shown
    window.lock()


STORED_DATES = ["1997-03-14", "1997-03", "1997-summer", "1997-winter", "1997", "1990s",
                "1995..1997", "1995-summer..1998-03", "1997-03-14..1997-04-02", "before 1997",
                "after 1997-03", "about 1997", "about 1995..1997", "about before 1990s",
                "unknown"]


def test_stored_dates_read_in_korean_and_mean_the_same(korean) -> None:
    from ui.labels import date_label

    english = re.compile(r"[A-Za-z]")
    for stored in STORED_DATES:
        shown = date_label(stored)
        assert shown is not None and not english.search(shown), (stored, shown)
        assert dates.parse(shown) == dates.parse(stored), (stored, shown)
    assert date_label("1997년 여름경") == "1997년 여름경"  # not stored like that: as it is
    assert date_label("sometime") == "sometime" and date_label(None) is None


def test_in_english_a_stored_date_is_shown_as_stored(qapp) -> None:
    from ui.labels import date_label

    assert [date_label(d) for d in STORED_DATES] == STORED_DATES


def test_an_event_dated_in_korean_is_listed_in_korean(qtbot, tmp_path, vault, korean) -> None:
    from app.coding import events

    iid, _ = scripted_interview(vault, code="NK-2026-974")
    w = window_on(qtbot, vault, tmp_path, iid)
    cv = next(v for v in w.workspace.page.views if isinstance(v, CodingView))
    cv.act.setCurrentIndex(next(i for i in range(cv.act.count()) if cv.act.itemData(i)))
    cv.date.setText("1997년 여름쯤")
    cv.add_event_button.click()
    assert cv.message.text() == "사건을 추가했습니다.", cv.message.text()
    stored = events.list_events(w.session.vault, iid)
    assert [e.date for e in stored] == ["about 1997-summer"]  # the vault keeps the canonical
    listed = cv.event_list.item(0).text()
    assert "1997년 여름경" in listed and not re.search(r"about|summer", listed), listed
    w.lock()
