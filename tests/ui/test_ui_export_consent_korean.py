"""The export screen says in the interface language why consent keeps an interview out, naming
the purpose by its name (the stored value is the English code)."""

from __future__ import annotations

from app import interviews
from tests.common import PASSPHRASE
from tests.ui_support import make_window, unlock
from ui.export_view import ExportView


def test_consent_exclusions_read_in_korean(qtbot, tmp_path, vault, korean) -> None:
    interviews.add_interview(vault, code="NK-2026-964", role="interviewer",
                             consent_scopes=["archive", "un"])
    interviews.add_interview(vault, code="NK-2026-965", role="interviewer",
                             consent_scopes=["archive"])
    gone = interviews.add_interview(vault, code="NK-2026-966", role="interviewer",
                                    consent_scopes=["archive", "un"])
    interviews.withdraw_consent(vault, gone, role="interviewer")
    path = vault.path
    vault.lock()
    state = tmp_path / "state"
    state.mkdir()
    w = make_window(qtbot, path, state)
    unlock(w, PASSPHRASE)
    ex = next(v for v in w.workspace.extra if isinstance(v, ExportView))
    ex.refresh()
    ex.set_checked(["NK-2026-964", "NK-2026-965", "NK-2026-966"])
    ex.purpose.setCurrentIndex(ex.purpose.findData("un"))
    lines = ex.exclusions.text().splitlines()
    assert "NK-2026-966: 동의가 철회됨" in lines, lines
    assert "NK-2026-965: 동의 범위에 '유엔'이(가) 없음" in lines, lines
    assert not any(line.startswith("NK-2026-964") for line in lines)
    assert "consent" not in ex.exclusions.text()
    w.lock()
