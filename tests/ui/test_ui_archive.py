"""The window opens the organisation's archive as it opens a vault: real widgets offscreen
against a real PostgreSQL archive (``pg_server``/``pg_url``) holding one imported interview,
each test logged in as a member of one archive role."""

from __future__ import annotations

import json
import subprocess
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg.conninfo import conninfo_to_dict

from app import archive as archive_app
from app.bundles import keys
from app.bundles.importer import import_bundle
from storage.pg.archive import Archive
from storage.pg.roles import ROLES
from tests.archive_support import login
from tests.bundle_helpers import make_world, populate
from tests.pg_support import PgServer
from tests.ui_support import make_window
from ui import errors as ui_errors
from ui import settings as settings_store
from ui.main_window import MainWindow

CODE = "NK-2026-901"
SECOND = "NK-2026-902"
PASSWORD = "correct horse battery staple"


@dataclass
class Office:
    """An archive with one interview imported from a field laptop's bundle."""

    server: PgServer
    url: str
    admin: Archive
    interview_id: str
    tmp: Path
    second_bundle: Path  # the laptop's next bundle (another interview), not yet imported
    key_file: Path  # the supervisor's key file

    def as_role(self, role: str) -> str:
        return login(self.server, self.url, role)

    def one(self, sql: str, params: tuple[Any, ...] = ()) -> Any:
        return self.admin.conn.execute(sql, params).fetchone()


@pytest.fixture
def office(tmp_path: Path, pg_url: str, pg_server: PgServer) -> Iterator[Office]:
    world = make_world(tmp_path)
    admin = archive_app.init_archive(pg_url, tmp_path / "objects", tmp_path / "archive.key",
                                     role="supervisor")
    try:
        dev = world.field.device()
        keys.trust_device(admin, keys.DevicePublic(dev.id, dev.public_key), role="supervisor")
        iid = populate(world.field, code=CODE)
        import_bundle(admin, world.export(iid).path, world.identity, role="supervisor")
        second = world.export(populate(world.field, code=SECOND), name="second.age").path
        world.field.lock()
        world.sup.lock()
        yield Office(pg_server, pg_url, admin, iid, tmp_path, second, world.key_file)
    finally:
        admin.close()


def _window(qtbot: Any, office: Office, url: str) -> MainWindow:
    state = office.tmp / f"state-{uuid.uuid4().hex[:6]}"
    state.mkdir()
    return make_window(qtbot, office.tmp / "no-vault-here", state, archive=url)


def _open(window: MainWindow, password: str = "") -> None:
    screen = window.archive_screen
    assert window.stack.currentWidget() is screen
    screen.password.setText(password)
    screen.open_button.click()


def _open_transcript(window: MainWindow, iid: str) -> Any:
    window.workspace.open_interview(iid)
    views = {type(v).__name__: v for v in window.workspace.page.views}
    return views["TranscriptView"]


def _segment_row(view: Any, text_start: str) -> int:
    return next(i for i, r in enumerate(view.visible)
                if r.kind == "segment" and r.segment.text.startswith(text_start))


def test_a_translator_opens_the_archive_and_edits_a_segment(qtbot: Any, office: Office) -> None:
    url = office.as_role("translator")
    user = url.split("user=")[1]
    w = _window(qtbot, office, url)
    assert w.archive_screen.address.text() == url
    _open(w)
    assert w.stack.currentWidget() is w.workspace
    assert w.session.is_archive and w.session.archive_role == "translator"
    # the list shows the archive's interviews
    assert w.workspace.list.visible_codes() == [CODE]
    # the window says plainly where it works and as whom
    place = w.status_role.text()
    assert "Archive: database " in place and "Role: translator" in place and user in place
    assert "archive" in w.windowTitle()
    # field-only work is disabled, each with its reason
    ws = w.workspace
    assert not ws.archive_note.isHidden() and "field laptop" in ws.archive_note.text()
    for tabs, name in ((ws.tabs, "ExportView"), (ws.page.tabs, "RecordingView"),
                       (ws.tabs, "SupervisorView")):
        index = next(i for i in range(tabs.count()) if type(tabs.widget(i)).__name__ == name)
        assert not tabs.isTabEnabled(index), name
        assert tabs.tabToolTip(index), name
    assert not ws.list.new_button.isEnabled() and not w.new_action.isEnabled()
    assert not w.laptop_action.isEnabled()
    # a translator edits a segment that carries a tag: a revision recording who made it
    tv = _open_transcript(w, office.interview_id)
    row = _segment_row(tv, "I was held")
    seg_id = tv.visible[row].segment.id
    tv.edit_segment(row, "I was held at the security office in Onsong.")
    assert tv.message.text() == "Saved as a new revision.", tv.message.text()
    assert office.one("SELECT text FROM segment WHERE id = ?", (seg_id,)) == (
        "I was held at the security office in Onsong.",)
    assert office.one("SELECT created_by FROM segment_revision WHERE segment_id = ? "
                      "ORDER BY rev DESC LIMIT 1", (seg_id,)) == (f"translator:{user}",)
    # recordings stay encrypted to the archive key: playing says why it cannot, in one sentence
    tv.play_row(row)
    assert tv.message.text().startswith("Recordings in the archive are encrypted to the archive "
                                        "key"), tv.message.text()
    # the address is remembered, no password with it; locking returns to the archive screen
    kept = json.loads(settings_store.settings_path(w.session.state_dir).read_text("utf-8"))
    assert kept["last_archive_url"] == archive_app.without_password(url)
    w.lock("manual")
    assert w.stack.currentWidget() is w.archive_screen
    assert not w.session.is_unlocked and w.session.role == "interviewer"
    assert "Archive" not in w.status_role.text()


def test_an_analyst_is_refused_a_transcript_edit_with_one_sentence(qtbot: Any,
                                                                    office: Office) -> None:
    w = _window(qtbot, office, office.as_role("analyst"))
    _open(w)
    assert w.session.archive_role == "analyst"
    assert "Role: analyst" in w.status_role.text()
    # the list's word search runs on the archive's trigram search
    lst = w.workspace.list
    lst.search.setText("ministry office")
    lst.search_words()
    assert lst.message.text() == "1 passages in 1 interviews match the words.", lst.message.text()
    assert not lst.passages.isHidden()
    tv = _open_transcript(w, office.interview_id)
    row = _segment_row(tv, "My cousin")
    seg_id = tv.visible[row].segment.id
    revisions = office.one("SELECT count(*) FROM segment_revision")
    audit = office.one("SELECT count(*) FROM audit_log")
    tv.edit_segment(row, "changed by an analyst")
    assert tv.message.text() == ("The archive refused this to your database account (insert "
                                 "segment_revision); ask a person with the right role to do it.")
    assert tv.table.item(row, tv.text_col).text() == "My cousin Kim Chol was there too."
    assert office.one("SELECT text FROM segment WHERE id = ?", (seg_id,)) == (
        "My cousin Kim Chol was there too.",)
    assert office.one("SELECT count(*) FROM segment_revision") == revisions
    assert office.one("SELECT count(*) FROM audit_log") == audit
    # ... and codes: a tag applied in the coding view is stored with who applied it
    views = {type(v).__name__: v for v in w.workspace.page.views}
    cv = views["CodingView"]
    assert cv.select_term("detention.kwanliso.15"), (cv.message.text(), cv.tree.topLevelItemCount())
    cv.segment_list.setCurrentRow(1)
    cursor = cv.text.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(9, cursor.MoveMode.KeepAnchor)
    cv.text.setTextCursor(cursor)
    cv.apply_button.click()
    assert cv.message.text() == "Tag applied.", cv.message.text()
    assert office.one("SELECT created_by FROM tag WHERE term_id = ?",
                      ("detention.kwanliso.15",)) == (f"analyst:{w.session.login}",)


def test_a_supervisor_may_import_and_an_administrator_is_named_so(qtbot: Any,
                                                                  office: Office) -> None:
    w = _window(qtbot, office, office.as_role("supervisor"))
    _open(w)
    ws = w.workspace
    index = next(i for i in range(ws.tabs.count())
                 if type(ws.tabs.widget(i)).__name__ == "SupervisorView")
    assert ws.tabs.isTabEnabled(index)
    assert "Role: supervisor" in w.status_role.text()
    # the archive keeps no private keys: the supervisor verifies and imports with a key file
    sv = ws.tabs.widget(index)
    assert not sv.create_key_button.isEnabled() and sv.create_key_button.toolTip()
    sv.load_identity(office.key_file)
    sv.open_bundle(office.second_bundle)
    assert sv.verdict.text().startswith("Verified"), sv.verdict.text()
    sv.import_button.click()
    assert sv.message.text().startswith("Imported:"), sv.message.text()
    assert ws.list.visible_codes() == [CODE, SECOND]
    assert office.one("SELECT count(*) FROM interview") == (2,)
    w.lock("manual")
    # the account that owns the archive's tables is shown as what it is
    w.archive_screen.address.setText(office.url)
    _open(w)
    assert w.session.archive_role == "administrator"
    assert "Role: administrator" in w.status_role.text()


def _password_login(server: PgServer, url: str) -> str:
    """A login that must give its password (scram-sha-256 for this user only, on the shared
    test server); waits until the server applies the new rule."""
    user = f"u_pw_{uuid.uuid4().hex[:8]}"
    hba = server.root / "data" / "pg_hba.conf"
    subprocess.run([*server.runas, "sh", "-c",
                    f"(echo 'local all {user} scram-sha-256'; cat '{hba}') > '{hba}.new' && "
                    f"mv '{hba}.new' '{hba}'"], check=True)
    server.admin(f"CREATE ROLE {user} LOGIN PASSWORD '{PASSWORD}' IN ROLE {ROLES['analyst']}")
    server.admin("SELECT pg_reload_conf()")
    target = url.replace("user=postgres", f"user={user}")
    for _ in range(200):  # the postmaster re-reads pg_hba.conf on its next loop
        try:
            psycopg.connect(target + " password=wrong").close()
        except psycopg.OperationalError:
            return target
        subprocess.run(["sleep", "0.05"], check=True)
    pytest.fail("the test server did not apply the password rule")


def test_wrong_password_unreachable_server_and_bad_address(qtbot: Any, office: Office) -> None:
    url = _password_login(office.server, office.url)
    w = _window(qtbot, office, url)
    settings_file = settings_store.settings_path(w.session.state_dir)
    _open(w, "not the password")
    assert w.archive_screen.message.text() == (
        "The archive server refused the login (database "
        f"{url.split('dbname=')[1].split()[0]} on {office.server.socket_dir}); check the "
        "user name, the password and the database name, then try again.")
    assert w.stack.currentWidget() is w.archive_screen and not w.session.is_unlocked
    assert w.archive_screen.password.text() == ""
    assert not settings_file.exists()
    screen = w.archive_screen
    screen.address.setText("host=/nonexistent-socket-folder dbname=testimony user=kim")
    _open(w, PASSWORD)
    assert screen.message.text().startswith("Cannot connect to the archive (database "
                                            "testimony on /nonexistent-socket-folder)")
    screen.address.setText("not an address")
    _open(w, PASSWORD)
    assert screen.message.text().startswith("The archive address cannot be read;")
    screen.address.setText("")
    _open(w)
    assert screen.message.text() == "Type the archive's address first."
    assert not w.session.is_unlocked and not settings_file.exists()
    # the right password opens it; only the address without the password is kept
    screen.address.setText(url + f" password='{PASSWORD}'")
    _open(w)
    assert w.session.is_archive and w.session.archive_role == "analyst"
    text = settings_file.read_text("utf-8")
    assert PASSWORD not in text and "password" not in text
    assert conninfo_to_dict(json.loads(text)["last_archive_url"]) == conninfo_to_dict(url)


def test_open_archive_from_the_unlock_screen_menu_and_back(qtbot: Any, office: Office,
                                                           vault: Any) -> None:
    """A laptop with a vault reaches the archive screen and returns to its vault."""
    path = vault.path
    vault.lock()
    state = office.tmp / "state-vault"
    state.mkdir()
    w = make_window(qtbot, path, state)
    assert w.stack.currentWidget() is w.unlock_screen
    w.unlock_screen.archive_button.click()
    assert w.stack.currentWidget() is w.archive_screen
    w.archive_screen.back_button.click()
    assert w.stack.currentWidget() is w.unlock_screen
    w.archive_action.trigger()
    assert w.stack.currentWidget() is w.archive_screen
    shown: list[str] = []
    ui_errors.add_listener(shown.append)
    try:
        w.archive_screen.address.setText(office.as_role("translator"))
        _open(w)
    finally:
        ui_errors.remove_listener(shown.append)
    assert w.session.is_archive and shown == []


def test_a_supervisor_records_a_withdrawal_on_the_archive(qtbot: Any, office: Office) -> None:
    """A witness who withdraws may tell the office: the window on the archive records it for a
    supervisor's account and refuses it, in one sentence, to a translator's."""
    translator = _window(qtbot, office, office.as_role("translator"))
    _open(translator)
    translator.workspace.open_interview(office.interview_id)
    form = translator.workspace.page.details
    qtbot.waitUntil(lambda: form.interview is not None, timeout=15_000)
    form.withdraw_confirm.setChecked(True)
    form.withdraw_button.click()
    qtbot.waitUntil(lambda: "refused" in form.message.text(), timeout=15_000)
    assert "(update consent)" in form.message.text(), form.message.text()
    assert office.one("SELECT withdrawn_at FROM consent WHERE interview_id = ?",
                      (office.interview_id,)) == (None,)
    translator.lock("manual")

    w = _window(qtbot, office, office.as_role("supervisor"))
    _open(w)
    w.workspace.open_interview(office.interview_id)
    form = w.workspace.page.details
    qtbot.waitUntil(lambda: form.interview is not None, timeout=15_000)
    # the details and consent are the laptop's (they arrive in bundles): read, not edited
    assert not form.archive_note.isHidden() and "bundles" in form.archive_note.text()
    for widget in (form.code, form.notes, form.status, form.save_button, form.how,
                   *form.fields.values(), *form.person.values(), *form.scopes.values()):
        assert not widget.isEnabled(), widget.objectName()
    before = office.one("SELECT code, notes FROM interview WHERE id = ?",
                        (office.interview_id,))
    assert form.save_sections(list(form.SECTIONS)) == []
    assert office.one("SELECT code, notes FROM interview WHERE id = ?",
                      (office.interview_id,)) == before
    assert form.withdraw_confirm.isEnabled() and form.withdraw_note.isEnabled()
    form.withdraw_note.setText("the witness called the office")
    form.withdraw_confirm.setChecked(True)
    form.withdraw_button.click()
    qtbot.waitUntil(lambda: form.withdrawn_label.text() != "", timeout=15_000)
    assert form.withdrawn_label.text().endswith("briefs leave this interview out.")
    note, who = office.one("SELECT withdrawal_note, updated_by FROM consent WHERE "
                           "interview_id = ?", (office.interview_id,))
    assert note == "the witness called the office" and who.startswith("supervisor:")
    assert not form.withdraw_button.isEnabled() and not form.withdraw_confirm.isEnabled()
    # back on a vault the same window edits again
    w.lock("manual")
    assert not w.session.is_archive
    form._offer_for_place()
    assert form.archive_note.isHidden()
    # (the locked window itself is disabled, so ask about the form alone)
    assert form.code.isEnabledTo(form) and form.save_button.isEnabledTo(form)
