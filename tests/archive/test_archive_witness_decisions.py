"""Same-witness decisions on the archive as on a vault: ``witnesses same|different`` records
who (the archive's ``role:login``), when and the note, is audited, and corroboration then
counts the pair as decided, exactly as the vault does. Supervisors and analysts, who code the
evidence, may decide; a translator's account is refused by PostgreSQL itself, in one sentence,
and nothing changes."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app import archive as archive_app
from app import interviews
from app.audio import markers
from app.coding import events
from app.coding import taxonomy as tx
from app.domain import Interviewee
from storage import audit
from storage.vault import Vault
from tests.archive_support import login
from tests.cli_runner import run_cli
from tests.common import PASSPHRASE, ROOT
from tests.pg_support import PgServer, new_database

A, B = "NK-2026-931", "NK-2026-932"
YODOK = "detention.kwanliso.15"


class Both:
    """One vault and one archive holding the same two interviews of (probably) one witness."""

    def __init__(self, tmp: Path, url: str, logins: dict[str, str], env: dict[str, str]) -> None:
        self.vault, self.passphrase_file = tmp / "vault", tmp / "passphrase.txt"
        self.url, self.logins, self.env = url, logins, env

    def run(self, backend: str, *args: str, role: str) -> Any:
        if backend == "vault":
            argv = ["--vault", str(self.vault), "--passphrase-file", str(self.passphrase_file),
                    "--role", role, *args]
        else:
            argv = [*args, "--archive", self.logins[role]]
        return run_cli(argv, self.env)

    def witnesses(self, backend: str) -> tuple[int, int]:
        """(testimonies, independent witnesses) behind Yodok, as ``corroborate`` counts them."""
        done = self.run(backend, "corroborate", "--facility", "Yodok", "--json", role="supervisor")
        assert done.returncode == 0, done.stderr
        found = json.loads(done.stdout)
        return found["testimonies"], found["independent_witnesses"]

    def archive_state(self) -> tuple[Any, ...]:
        with archive_app.open_archive(self.url) as archive:
            return (archive.conn.execute("SELECT count(*) FROM witness_decision").fetchone()[0],
                    len(audit.entries(archive.conn)))


def _two_accounts_of_one_witness(vault: Vault) -> None:
    """Born the same year in the same province, defected the same year: flagged as probably
    one person; each tells of Yodok."""
    tx.ensure_taxonomy(vault, role="supervisor")
    for n, code in enumerate((A, B)):
        iid = interviews.add_interview(vault, code=code, role="interviewer",
                                       consent_scopes=["archive"], consent_how="written",
                                       languages=["ko"])
        interviews.set_interviewee(vault, iid, role="interviewer", details=Interviewee(
            birth_year=1971 + n, home_province="South Hamgyong", defection_year=2004))
        events.add_event(vault, iid, act="violation.cah.enslavement", role="coder",
                         victim="witness", place=YODOK, date="1995..1999",
                         relation="experienced")
        markers.add_marker(vault, iid, 61.5 + n, "describes the camp's coal pit", role="interviewer")


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory, _floor_vault_template: Path,
         pg_server: PgServer) -> Iterator[Both]:
    tmp = tmp_path_factory.mktemp("witness-decisions")
    shutil.copytree(_floor_vault_template, tmp / "vault")
    (tmp / "passphrase.txt").write_bytes(PASSPHRASE + b"\n")
    env = {**os.environ, "TMPDIR": str(tmp),
           "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    env.pop("TESTIMONY_ARCHIVE", None)
    with new_database(pg_server) as url:
        vault = Vault.open(tmp / "vault", PASSPHRASE)
        try:
            _two_accounts_of_one_witness(vault)
            with archive_app.init_archive(url, tmp / "objects", tmp / "archive.key",
                                          role="supervisor") as archive:
                archive_app.migrate_vault(vault, archive, role="supervisor")
        finally:
            vault.lock()
        logins = {r: login(pg_server, url, r) for r in ("supervisor", "analyst", "translator")}
        yield Both(tmp, url, logins, env)


def test_a_translator_is_refused_by_the_database_and_nothing_changes(both: Both) -> None:
    before = both.archive_state()
    refused = both.run("archive", "witnesses", "same", A, B, "--note", "x", role="translator")
    assert refused.returncode == 2
    assert refused.stderr.strip() == (
        "testimony: The archive refused this to your database account (insert "
        "witness_decision); ask a person with the right role to do it.")
    assert refused.stdout == ""
    assert both.archive_state() == before  # no decision, not even an audit entry


def test_decisions_count_alike_on_a_vault_and_an_archive(both: Both) -> None:
    for backend in ("vault", "archive"):
        flagged = both.run(backend, "witnesses", "duplicates", "--json", role="supervisor")
        assert flagged.returncode == 0, flagged.stderr
        [flag] = json.loads(flagged.stdout)
        assert (flag["code_a"], flag["code_b"], flag["decision"]) == (A, B, None)
        assert both.witnesses(backend) == (2, 2)

    # An analyst decides on the archive, the supervisor in the vault: one witness on both.
    started = dt.datetime.now(dt.UTC)
    for backend, role in (("vault", "supervisor"), ("archive", "analyst")):
        done = both.run(backend, "witnesses", "same", A, B, "--note", "same scar, same village",
                        role=role)
        assert done.returncode == 0, done.stderr
        assert done.stdout == f"Recorded: {A} and {B} are the same person.\n"
        assert both.witnesses(backend) == (2, 1)
    with archive_app.open_archive(both.url) as archive:
        by, at, note, decision = archive.conn.execute(
            "SELECT decided_by, decided_at, note, decision FROM witness_decision").fetchone()
        last = audit.entries(archive.conn)[-1]
        audit.verify(archive.conn)
    assert by.startswith("analyst:u_analyst_") and note == "same scar, same village"
    assert decision == "same" and dt.datetime.fromisoformat(at) >= started
    assert (last.action, last.object_type, last.role) == ("decide", "witness", by)
    assert last.details["decision"] == "same" and len(last.details["interviews"]) == 2

    # A supervisor corrects it on both: the latest decision counts, two witnesses again.
    for backend in ("vault", "archive"):
        done = both.run(backend, "witnesses", "different", B, A, role="supervisor")
        assert done.returncode == 0, done.stderr
        assert both.witnesses(backend) == (2, 2)
        flagged = both.run(backend, "witnesses", "duplicates", "--json", role="supervisor")
        assert json.loads(flagged.stdout)[0]["decision"] == "different"
    with archive_app.open_archive(both.url) as archive:
        rows = archive.conn.execute("SELECT decided_by FROM witness_decision ORDER BY decided_at"
                                    ).fetchall()
    assert [r[0].split(":")[0] for r in rows] == ["analyst", "supervisor"]
    # The archive's audit log, read by anyone with an account, names who decided.
    listed = both.run("archive", "audit", "list", "--json", role="translator")
    assert listed.returncode == 0, listed.stderr
    decided = [(e["role"].split(":")[0], e["details"]["decision"])
               for e in json.loads(listed.stdout) if e["action"] == "decide"]
    assert decided == [("analyst", "same"), ("supervisor", "different")]


@pytest.mark.parametrize("args", [("interview", "list"), ("interview", "show", B, "--json"),
                                  ("audio", "markers", A), ("audio", "markers", B, "--json")],
                         ids=" ".join)
def test_interviews_and_markers_read_the_same_from_either(both: Both, args: tuple[str, ...]
                                                          ) -> None:
    shown = [both.run(backend, *args, role="translator") for backend in ("vault", "archive")]
    assert all(r.returncode == 0 for r in shown), [r.stderr for r in shown]
    assert shown[0].stdout.strip() and shown[1].stdout == shown[0].stdout


def test_a_bad_pair_is_refused_alike(both: Both) -> None:
    before = both.archive_state()
    for backend in ("vault", "archive"):
        same = both.run(backend, "witnesses", "same", A, A, role="supervisor")
        assert same.returncode == 2 and "same interview" in same.stderr, same.stderr
        missing = both.run(backend, "witnesses", "different", A, "NK-2026-999",
                           role="supervisor")
        assert missing.returncode != 0 and "NK-2026-999" in missing.stderr, missing.stderr
    assert both.archive_state() == before
