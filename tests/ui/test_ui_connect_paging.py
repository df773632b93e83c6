"""The evidence panel lists the first page of a subject's conflicts and says how many more
there are (corroboration counts them all; app/connect/corroborate.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.connect import corroborate as corr
from storage.vault import Vault
from tests.ui_support import connect_view_on
from ui.connect_view import ConnectView, Evidence


def _view(qtbot, vault: Vault, tmp_path: Path, language: str) -> ConnectView:
    return connect_view_on(qtbot, vault, tmp_path, language)


@pytest.mark.parametrize(("language", "more"), [
    ("en", "5 more not listed (the first 2 of 7, most relevant first)."),
    ("ko", "5건이 더 있습니다(전체 7건 중 관련성이 높은 순으로 처음 2건만 표시)."),
])
def test_a_page_of_conflicts_says_how_many_more(qtbot, tmp_path, vault, request, language: str,
                                                more: str) -> None:
    if language == "ko":
        request.getfixturevalue("korean")  # the shipped translation, for this test
    view = _view(qtbot, vault, tmp_path, language)
    page = [corr.Conflict("date", "NK-2026-901", f"The same witness dates it twice ({n}).", [])
            for n in (1, 2)]
    subject = corr.Subject("facility", "detention.kwanliso.15", None,
                           {"en": "Yodok", "ko": "요덕"})
    view._show(Evidence(subject, "Yodok", 3, 2, [1999], [], page, 7))
    text = view.conflicts.text()
    assert "(1)" in text and "(2)" in text and text.endswith(more)
    view._show(Evidence(subject, "Yodok", 3, 2, [1999], [], page, 2))
    assert view.conflicts.text().endswith("(2).")
