"""``testimony archive upgrade``: an archive made by an older version gets what this version
adds (tables, columns, indexes) and exactly this version's rights for each role, in one
transaction, audited; it is safe to re-run, and only the archive's administrator may run it.
An older archive is simulated by taking away what a newer version added: a table, a column,
a grant (and by giving a role a right it should not have)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from app import archive as archive_app
from storage import audit
from storage.errors import ArchiveError
from storage.pg.archive import Archive
from storage.pg.schema import SCHEMA_VERSION
from tests.archive_support import login
from tests.cli_runner import run_cli
from tests.pg_support import PgServer


def _env(tmp: Path) -> dict[str, str]:
    env = {**os.environ, "TMPDIR": str(tmp)}
    env.pop("TESTIMONY_ARCHIVE", None)
    return env


def _may(archive: Archive, role: str, table: str, right: str, column: str | None = None
         ) -> bool:
    if column is None:
        row = archive.conn.execute_pg("SELECT has_table_privilege(%s, %s, %s)",
                                      (role, table, right)).fetchone()
    else:
        row = archive.conn.execute_pg("SELECT has_column_privilege(%s, %s, %s, %s)",
                                      (role, table, column, right)).fetchone()
    return bool(row[0])


def _version(archive: Any) -> str:
    return str(archive.conn.execute(
        "SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0])


def test_upgrade_brings_an_older_archive_up_to_date_and_reapplies_grants(
        tmp_path: Path, pg_url: str, pg_server: PgServer) -> None:
    admin = archive_app.init_archive(pg_url, tmp_path / "objects", tmp_path / "archive.key",
                                     role="supervisor")
    env = _env(tmp_path)
    as_analyst, as_translator = (login(pg_server, pg_url, r) for r in ("analyst", "translator"))
    try:
        with admin.conn.transaction():
            # What an older version lacked: a table, a column, the analyst's right to decide.
            admin.conn.execute_pg("DROP TABLE witness_decision")
            admin.conn.execute_pg("DROP TABLE link_tag")
            admin.conn.execute_pg("ALTER TABLE tag DROP COLUMN review_reason")
            admin.conn.execute_pg("REVOKE INSERT ON event FROM testimony_analyst")
            # ... and a right this version does not give.
            admin.conn.execute_pg("GRANT INSERT ON interview TO testimony_translator")
            admin.conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'",
                               (str(SCHEMA_VERSION - 1),))
        entries = len(audit.entries(admin.conn))

        # The older archive is not opened: the sentence says who brings it up to date.
        with pytest.raises(ArchiveError, match="'testimony archive upgrade'") as refused:
            Archive.open(as_analyst)
        assert refused.value.code == "archive.schema_older"
        opened = run_cli(["tag", "list", "NK-2026-941", "--archive", as_analyst], env)
        assert opened.returncode == 1 and "testimony archive upgrade" in opened.stderr

        # Only the administrator may upgrade: a member of a role is refused, nothing changes.
        for who in (as_analyst, as_translator):
            denied = run_cli(["archive", "upgrade", "--archive", who], env)
            assert denied.returncode == 1, denied.stderr
            assert denied.stderr.startswith(
                "testimony: Only the account that owns the archive's tables may upgrade the "
                "database "), denied.stderr
            assert "run it again as the archive's administrator." in denied.stderr
        assert _version(admin) == str(SCHEMA_VERSION - 1)
        assert len(audit.entries(admin.conn)) == entries

        done = run_cli(["archive", "upgrade", "--archive", pg_url], env)
        assert done.returncode == 0, done.stderr
        assert done.stdout.splitlines() == [
            f"Upgraded the archive from data version {SCHEMA_VERSION - 1} to {SCHEMA_VERSION}.",
            "Added: table link_tag, table witness_decision, column tag.review_reason.",
            "The supervisor, analyst and translator roles have exactly this version's rights "
            "again."]
        assert _version(admin) == str(SCHEMA_VERSION)
        # The re-created table has its key and columns; the rights are this version's again.
        assert admin.conn.execute_pg(
            "SELECT count(*) FROM pg_constraint WHERE conrelid = 'witness_decision'::regclass "
            "AND contype = 'p'").fetchone()[0] == 1
        assert admin.conn.execute_pg(
            "SELECT count(*) FROM pg_constraint WHERE conrelid = 'link_tag'::regclass "
            "AND contype = 'f'").fetchone()[0] == 2  # to tag and to link, as init made it
        assert admin.conn.execute(
            "SELECT w.note, t.review_reason FROM witness_decision w, tag t").fetchall() == []
        assert _may(admin, "testimony_analyst", "event", "INSERT")
        assert _may(admin, "testimony_analyst", "witness_decision", "INSERT")
        assert not _may(admin, "testimony_translator", "witness_decision", "INSERT")
        assert not _may(admin, "testimony_translator", "interview", "INSERT")
        assert _may(admin, "testimony_translator", "tag", "UPDATE", "review_reason")
        assert not _may(admin, "testimony_translator", "tag", "UPDATE", "term_id")
        assert _may(admin, "testimony_supervisor", "audit_log", "INSERT")
        assert not _may(admin, "testimony_supervisor", "audit_log", "UPDATE")
        last = audit.entries(admin.conn)[-1]
        assert (last.action, last.object_type) == ("upgrade", "archive")
        assert last.role.startswith("administrator:")
        assert last.details == {"from": SCHEMA_VERSION - 1, "to": SCHEMA_VERSION,
                                "added": ["table link_tag", "table witness_decision",
                                          "column tag.review_reason"]}
        with Archive.open(as_analyst) as analyst:
            assert analyst.who().startswith("analyst:")

        # Re-run: nothing to add, a revoked grant given back, and the audit chain intact.
        with admin.conn.transaction():
            admin.conn.execute_pg("REVOKE INSERT ON witness_decision FROM testimony_analyst")
        again = run_cli(["archive", "upgrade", "--archive", pg_url], env)
        assert again.returncode == 0, again.stderr
        assert again.stdout.splitlines()[0] == (
            f"The archive is at data version {SCHEMA_VERSION} already.")
        assert "Added" not in again.stdout
        assert _may(admin, "testimony_analyst", "witness_decision", "INSERT")
        assert audit.verify(admin.conn) == entries + 2

        # An archive made by a newer version is left alone.
        with admin.conn.transaction():
            admin.conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'",
                               (str(SCHEMA_VERSION + 1),))
        newer = run_cli(["archive", "upgrade", "--archive", pg_url], env)
        assert newer.returncode == 1
        assert "use the matching Testimony Vault version" in newer.stderr
        assert _version(admin) == str(SCHEMA_VERSION + 1)
    finally:
        admin.close()
