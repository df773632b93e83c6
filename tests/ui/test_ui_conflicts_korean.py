"""The Connections tab words each conflict ("Accounts that disagree") in the interface
language: the core hands it a message (a code of errors.catalog with the terms and dates inside
marked), never only an English sentence. In Korean the terms are their Korean labels and the
dates Korean dates; in English the terms are their English labels (the stored sentence, which
the command line and briefs print, keeps the ids).

Real window offscreen, real SQLCipher vault filled by the connect archive generator (small),
with date, place and period conflicts planted."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.connect import corroborate as corr
from app.connect import entities
from storage.vault import Vault
from tests.connect_archive import CAMP22, CAMP22_CLOSED, FACILITIES, YODOK, generate
from tests.ui_support import connect_view_on
from ui.connect_view import ConnectView

# English words of the conflict sentences, and the ids and English labels of their terms
ENGLISH = re.compile(r"[Ss]ame witness|dates|periods?\b|overlap|places|account|outside|"
                     r"recorded|\b(to|at|and|about)\b|detention\.|violation\.|Kwanliso|Yodok|"
                     r"Enslavement")


@pytest.fixture
def planted(vault: Vault) -> dict[str, list[corr.Conflict]]:
    """The core's conflicts of each facility (computed before the window opens), with each
    kind present."""
    generate(vault, 60, n_duplicates=4, n_date_conflicts=2, n_place_conflicts=1,
             n_near_misses=2, n_after_closure=1)
    entities.set_entity(vault, CAMP22, role="supervisor", active_to=CAMP22_CLOSED)
    found = {f: corr.corroborate(vault, corr.subject_for(vault, facility=f)).conflicts
             for f in FACILITIES}
    kinds = {c.kind for cs in found.values() for c in cs}
    assert kinds == set(corr.CONFLICT_KINDS), found
    return {f: cs for f, cs in found.items() if cs}


def _explanations(view: ConnectView, facility: str) -> list[str]:
    """The conflict lines the evidence panel shows for ``facility``'s timeline."""
    view.conflicts.clear()
    combo = view.timeline_subject
    combo.setCurrentIndex(next(i for i in range(combo.count())
                               if combo.itemData(i).term_id == facility))
    view._load_timeline()
    text = view.conflicts.text()
    lines = text.splitlines()
    assert len(lines) >= 2, text  # the heading, then one bullet per conflict
    return [line.removeprefix("• ") for line in lines[1:]]


def _view(qtbot, vault: Vault, tmp_path: Path, language: str) -> ConnectView:
    return connect_view_on(qtbot, vault, tmp_path, language)


def test_a_korean_reader_sees_the_conflicts_in_korean(qtbot, tmp_path, vault, planted,
                                                       korean) -> None:
    view = _view(qtbot, vault, tmp_path, "ko")
    assert view.conflicts.text() == ""
    seen: dict[str, list[str]] = {}
    for facility, conflicts in planted.items():
        shown = _explanations(view, facility)
        assert len(shown) == len(conflicts), shown
        for line, c in zip(shown, conflicts, strict=True):
            assert not ENGLISH.search(line), line
            # the interview codes stay as they are; the terms are their Korean labels
            for account in c.accounts:
                assert account["interview_code"] in line, line
            for labels in c.labels.values():
                assert labels["ko"] in line, line
            seen.setdefault(c.kind, []).append(line)
    assert set(seen) == set(corr.CONFLICT_KINDS), seen
    assert all(line.startswith("같은 증언자가") for line in seen["date"] + seen["place"])
    assert any("요덕 관리소" in line and "1995년부터 1997년까지" in line
               for line in seen["date"]), seen["date"]
    assert all("회령 관리소" in line and "…~2012-12-31" in line and "년" in line
               for line in seen["period"]), seen["period"]


def test_in_english_the_terms_are_named_by_their_labels(qtbot, tmp_path, vault,
                                                         planted) -> None:
    """The window names terms as its matrix does (their English labels); the stored sentence,
    which the command line and briefs print, keeps the ids."""
    view = _view(qtbot, vault, tmp_path, "en")
    for facility, conflicts in planted.items():
        shown = _explanations(view, facility)
        assert len(shown) == len(conflicts), shown
        for line, c in zip(shown, conflicts, strict=True):
            assert c.labels, c
            for term, labels in c.labels.items():
                assert labels["en"] in line, line
                assert term not in line or term == labels["en"], line
                assert term in c.explanation, c.explanation
            for account in c.accounts:
                assert account["interview_code"] in line, line
    yodok = _explanations(view, YODOK)
    assert any(line.startswith("The same witness dates Kwanliso No. 15 Yodok") for line in yodok), yodok
