"""The strict default pseudonym pattern ORG-YYYY-NNN: what a new vault accepts and refuses (in
English and Korean), the next free code the new-interview form proposes, and what happens to
existing vaults whose codes do not follow it (they keep opening, their codes stay valid, and
they keep the general shape they were created with)."""

from __future__ import annotations

import datetime as dt
import importlib
import json
import shutil
from pathlib import Path

import pytest

from app import codes, interviews
from app.errors import UsageError
from storage import audit
from storage.vault import Vault
from tests.cli_runner import Cli
from tests.ui_support import window_on

FIXTURES = Path(__file__).parents[1] / "fixtures"
YEAR = dt.date.today().year
m0063 = importlib.import_module("storage.migrations.m0063_code_pattern_default")

GOOD = ["NK-2026-014", "NK-2026-0140", "TJWG-2025-0102", "NKDB-1998-001", "AB-2099-999"]
BAD = ["SEOUL-7", "NK-T-1", "nk-2026-014", "NK-2026-14", "NK-26-014", "N-2026-014",
       "NKHRWG-2026-014X", "NK-1989-001", "NK-2100-001", "NK-2026-01400", "NK 2026 014",
       "NK-2026-014-A", "NK2026014", "SYN-A", "1NK-2026-014"]


@pytest.mark.parametrize("code", GOOD)
def test_default_accepts_org_year_number(code: str) -> None:
    assert codes.check_code(f" {code} ", "") == code


@pytest.mark.parametrize("code", BAD)
def test_default_refuses_everything_else_in_one_sentence(vault, code: str) -> None:
    with pytest.raises(UsageError) as caught:
        interviews.add_interview(vault, code=code, role="interviewer")
    assert caught.value.code == "interview.code_breaks_default"
    assert str(caught.value) == (
        f"'{code.strip()}' is not a code of the form ORG-YYYY-NNN (2 to 6 capital letters, the "
        "year and a 3- or 4-digit number, such as NK-2026-014); nothing was saved.")
    assert interviews.list_interviews(vault) == []


def test_a_name_is_refused_as_a_name_even_in_the_default_shape(vault) -> None:
    with pytest.raises(UsageError, match="looks like a person's name"):
        interviews.add_interview(vault, code="Kim Young-ho", role="interviewer")
    with pytest.raises(UsageError, match="looks like a person's name"):
        interviews.add_interview(vault, code="김영호", role="interviewer")


def test_rename_follows_the_default_too(vault) -> None:
    iid = interviews.add_interview(vault, code="NK-2026-001", role="interviewer")
    with pytest.raises(UsageError, match="is not a code of the form ORG-YYYY-NNN"):
        interviews.rename_interview(vault, iid, "SEOUL-7", role="interviewer")
    assert interviews.get_interview(vault, iid).code == "NK-2026-001"
    assert interviews.rename_interview(vault, iid, "NK-2026-002",
                                       role="interviewer") == "NK-2026-002"


def test_pattern_values_general_default_and_template(vault) -> None:
    assert codes.get_pattern(vault) == ""
    assert codes.set_pattern(vault, " General ", role="supervisor") == codes.GENERAL
    interviews.add_interview(vault, code="SEOUL-7", role="interviewer")
    assert codes.set_pattern(vault, "", role="supervisor") == ""
    with pytest.raises(UsageError, match="ORG-YYYY-NNN"):
        interviews.add_interview(vault, code="SEOUL-8", role="interviewer")
    with pytest.raises(UsageError, match="or 'general' for any letters and digits"):
        codes.set_pattern(vault, "anything", role="supervisor")
    assert codes.get_pattern(vault) == ""
    # A change of pattern never changes a code already in the vault.
    assert [i.code for i in interviews.list_interviews(vault)] == ["SEOUL-7"]
    values = [e.details["value"] for e in audit.entries(vault.conn)
              if e.object_type == "vault_setting"]
    assert values == [codes.GENERAL, ""]


# ------------------------------------------------------------------ the next free code
def test_next_free_code_under_the_default(vault) -> None:
    today = dt.date(2026, 11, 30)
    assert codes.propose(vault, today=today) == "NK-2026-001"
    for code in ("NK-2026-014", "NK-2026-009", "NK-2025-200"):
        interviews.add_interview(vault, code=code, role="interviewer")
    assert codes.propose(vault, today=today) == "NK-2026-015"
    assert codes.propose(vault, today=dt.date(2027, 1, 2)) == "NK-2027-001"
    # The organisation's prefix and number width come from its newest code.
    interviews.add_interview(vault, code="TJWG-2026-0102", role="interviewer")
    assert codes.propose(vault, today=today) == "TJWG-2026-0103"
    proposal = codes.propose(vault, today=today)
    assert codes.validate(vault, proposal) == proposal


def test_next_free_code_under_a_template_skips_taken_codes(vault) -> None:
    today = dt.date(2026, 5, 1)
    codes.set_pattern(vault, "NK-####-###", role="supervisor")
    assert codes.propose(vault, today=today) == "NK-2026-001"
    interviews.add_interview(vault, code="NK-2026-007", role="interviewer")
    interviews.add_interview(vault, code="NK-2025-040", role="interviewer")
    assert codes.propose(vault, today=today) == "NK-2026-008"
    codes.set_pattern(vault, "@@-###", role="supervisor")
    interviews.add_interview(vault, code="AA-001", role="interviewer")
    assert codes.propose(vault, today=today) == "AA-002"
    interviews.add_interview(vault, code="ZZ-999", role="interviewer")
    assert codes.propose(vault, today=today) == ""  # nothing after ZZ-999: the form stays empty


# ------------------------------------------------------------------ existing vaults
def test_an_old_vault_with_other_codes_keeps_opening_and_keeps_its_codes(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "vault-v1", tmp_path / "old")
    v = Vault.open(tmp_path / "old", b"fixture passphrase v1", allow_weak_kdf=True)
    try:
        assert codes.get_pattern(v) == codes.GENERAL
        old = interviews.get_interview(v, "NK-FIX-001")
        # Its code stays valid: the interview can be edited without renaming it.
        interviews.update_interview(v, old.id, role="interviewer", notes="still here")
        assert interviews.get_interview(v, old.id).code == "NK-FIX-001"
        # Its numbering can go on; names are still refused.
        interviews.add_interview(v, code="NK-FIX-002", role="interviewer")
        with pytest.raises(UsageError, match="looks like a person's name"):
            interviews.add_interview(v, code="Kim Young-ho", role="interviewer")
        # An administrator can tighten it; the old codes stay as they are.
        codes.set_pattern(v, "", role="supervisor")
        with pytest.raises(UsageError, match="ORG-YYYY-NNN"):
            interviews.add_interview(v, code="NK-FIX-003", role="interviewer")
        interviews.update_interview(v, old.id, role="interviewer", notes="tightened")
        assert sorted(i.code for i in interviews.list_interviews(v)) == ["NK-FIX-001",
                                                                        "NK-FIX-002"]
    finally:
        v.lock()


def _pattern_after_migration(vault: Vault, setting: str | None, *codes_in: str) -> str:
    with vault.transaction() as conn:
        for n, code in enumerate(codes_in):  # codes as an older version stored them
            conn.execute("INSERT INTO interview(id, code, languages, notes, status, created_at,"
                         " updated_at, created_by) VALUES (?,?,'[]','','open',?,?,?)",
                         (f"old-{n}", code, "2025-01-01", "2025-01-01", "interviewer"))
        if setting is not None:
            conn.execute("INSERT INTO vault_setting VALUES ('code_pattern', ?, '2025', 'x')",
                         (setting,))
        m0063.apply(conn)
    return codes.get_pattern(vault)


def test_migration_keeps_the_strict_default_where_codes_already_follow_it(vault) -> None:
    assert _pattern_after_migration(vault, None) == ""
    assert _pattern_after_migration(vault, None, "NK-2026-001", "TJWG-2025-0102") == ""


def test_migration_gives_general_to_vaults_with_other_codes(vault) -> None:
    assert _pattern_after_migration(vault, None, "NK-2026-001", "SEOUL-7") == codes.GENERAL
    stored = [r[0] for r in vault.conn.execute("SELECT code FROM interview ORDER BY code")]
    assert stored == ["NK-2026-001", "SEOUL-7"]  # never renamed


def test_migration_keeps_an_explicit_choice(vault) -> None:
    assert _pattern_after_migration(vault, "NK-####-###", "SEOUL-7") == "NK-####-###"


def test_migration_reads_an_explicit_empty_setting_as_the_old_general_shape(vault) -> None:
    assert _pattern_after_migration(vault, "") == codes.GENERAL


# ------------------------------------------------------------------ command line
def test_cli_shows_the_default_and_refuses_other_codes(cli: Cli) -> None:
    shown = cli("interview", "code-pattern", check=True).stdout.splitlines()
    assert shown[0].startswith("ORG-YYYY-NNN (the default")
    assert shown[1] == f"Next free code: NK-{YEAR}-001"
    res = cli("interview", "add", "--code", "SEOUL-7")
    assert res.returncode == 2 and "Traceback" not in res.stderr
    assert res.stderr.strip().endswith(
        "'SEOUL-7' is not a code of the form ORG-YYYY-NNN (2 to 6 capital letters, the year and "
        "a 3- or 4-digit number, such as NK-2026-014); nothing was saved.")
    assert json.loads(cli("interview", "list", "--json", check=True).stdout) == []
    cli("interview", "add", "--code", f"NK-{YEAR}-001", check=True)
    assert cli("interview", "code-pattern", check=True).stdout.splitlines()[1] == \
        f"Next free code: NK-{YEAR}-002"
    out = cli("interview", "code-pattern", "general", check=True).stdout
    assert "any letters and digits joined by hyphens" in out and "not changed" in out
    cli("interview", "add", "--code", "SEOUL-7", check=True)
    out = cli("interview", "code-pattern", "", check=True).stdout
    assert "follow the default ORG-YYYY-NNN again" in out
    listed = json.loads(cli("interview", "list", "--json", check=True).stdout)
    assert sorted(i["code"] for i in listed) == [f"NK-{YEAR}-001", "SEOUL-7"]


# ------------------------------------------------------------------ the window
@pytest.fixture
def korean(qapp):
    from ui.main import install_translations

    translators = install_translations(qapp, "ko")
    yield
    for t in translators:
        qapp.removeTranslator(t)


def _open_form(window):
    from ui.interview_list import NewInterviewDialog

    lst = window.workspace.list
    lst.new_interview()
    [dialog] = [d for d in lst.findChildren(NewInterviewDialog) if d.isVisible()]
    return lst, dialog


def test_new_interview_form_shows_the_shape_and_proposes_the_next_code(qtbot, vault, tmp_path):
    interviews.add_interview(vault, code=f"NK-{YEAR}-014", role="interviewer")
    w = window_on(qtbot, vault, tmp_path)
    lst, dialog = _open_form(w)
    assert dialog.shape.text() == ("Codes look like ORG-YYYY-NNN: the organisation, the year and "
                                   "a number (for example NK-2026-014).")
    assert dialog.code.text() == f"NK-{YEAR}-015"
    assert dialog.code.selectedText() == f"NK-{YEAR}-015"  # typing replaces the proposal
    # A code outside the pattern: the form stays open and says why; nothing is created.
    dialog.code.setText("SEOUL-7")
    dialog.accept()
    assert dialog.isVisible() and dialog.error.isVisibleTo(dialog)
    assert dialog.error.text().startswith("'SEOUL-7' is not a code of the form ORG-YYYY-NNN")
    assert sorted(lst.visible_codes()) == [f"NK-{YEAR}-014"]
    dialog.code.setText("Kim Young-ho")
    dialog.accept()
    assert "looks like a person's name" in dialog.error.text() and dialog.isVisible()
    # The proposal itself is accepted and opened.
    dialog.code.setText(f"NK-{YEAR}-015")
    dialog.accept()
    assert not dialog.isVisible()
    assert sorted(lst.visible_codes()) == [f"NK-{YEAR}-014", f"NK-{YEAR}-015"]
    assert w.workspace.page.details.code.text() == f"NK-{YEAR}-015"
    _, again = _open_form(w)
    assert again.code.text() == f"NK-{YEAR}-016"
    again.reject()


def test_new_interview_form_follows_the_organisation_template(qtbot, vault, tmp_path):
    codes.set_pattern(vault, "SEOUL-####", role="supervisor")
    w = window_on(qtbot, vault, tmp_path)
    _, dialog = _open_form(w)
    assert dialog.shape.text() == ("Codes follow this organisation's pattern SEOUL-####: # is a "
                                   "digit, @ a capital letter (for example SEOUL-2026).")
    assert dialog.code.text() == "SEOUL-0001"
    dialog.code.setText(f"NK-{YEAR}-001")
    dialog.accept()
    assert "does not follow this organisation's code pattern SEOUL-####" in dialog.error.text()
    dialog.reject()


def test_new_interview_form_in_korean(qtbot, vault, tmp_path, korean):
    w = window_on(qtbot, vault, tmp_path)
    lst, dialog = _open_form(w)
    assert dialog.shape.text() == "코드는 ORG-YYYY-NNN 형식입니다: 기관, 연도, 번호 (예: NK-2026-014)."
    dialog.code.setText("SEOUL-7")
    dialog.accept()
    assert dialog.error.text() == (
        "'SEOUL-7'은(는) ORG-YYYY-NNN 형식(대문자 2~6자, 연도, 3~4자리 번호. 예: NK-2026-014)의 "
        "코드가 아닙니다. 아무것도 저장하지 않았습니다.")
    assert lst.visible_codes() == []
    dialog.reject()
