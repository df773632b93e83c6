"""The revision history names who made each revision in the interface language (roles are
stored in English, like every stored value; the window shows their names)."""

from __future__ import annotations

import app.transcripts.store as transcripts
from tests.review_helpers import scripted_interview
from tests.ui_support import window_on


def test_revision_history_names_the_role_in_korean(qtbot, tmp_path, vault, korean) -> None:
    iid, _ = scripted_interview(vault)
    transcripts.edit_segment(vault, iid, "3", text="그 사람이 뭐라 했는지 몰라요.",
                             role="translator", reason="heard again")
    w = window_on(qtbot, vault, tmp_path, iid)
    tv = next(v for v in w.workspace.page.views if type(v).__name__ == "TranscriptView")
    w.workspace.page.tabs.setCurrentWidget(tv)
    tv.reload()
    tv.table.setCurrentCell(2, tv.text_col)
    tv.show_history()
    dialog = tv.history
    assert dialog.table.rowCount() == 2
    assert dialog.table.item(1, 1).text() == "번역자"
    assert dialog.table.item(0, 1).text() != "speech engine"  # the engine is named in Korean
    w.lock()
