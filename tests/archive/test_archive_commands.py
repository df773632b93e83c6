"""The supervisor, analyst and translator commands on the archive: the same scenario on a vault
and on an archive (the vault copied in with ``archive migrate``) gives the same output, and the
database account decides who may do what (an analyst codes, a translator edits transcripts),
each change recording the role and the login.

One vault and one archive serve the whole module: each write test makes the same change on both,
so they stay equal."""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from app import archive as archive_app
from app import interviews
from app.coding import events, tags
from app.coding import taxonomy as tx
from storage import audit
from storage.vault import Vault
from tests.archive_support import login
from tests.bundle_helpers import add_audio, add_segment, add_transcript
from tests.cli_runner import run_cli
from tests.common import PASSPHRASE, ROOT
from tests.connect_archive import EXTENSION
from tests.pg_support import PgServer, new_database

YODOK, COAL = "detention.kwanliso.15", "commodity.product.coal"
SENTENCE = "요덕 관리소에서 석탄을 생산했습니다"
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


@dataclass
class Pair:
    """The same data in a vault and in an archive, and how to run the command line on each."""

    vault: Path
    passphrase_file: Path
    url: str  # the archive's owner (administrator)
    logins: dict[str, str]  # archive role -> the archive's address as a member of it
    env: dict[str, str]
    tmp: Path
    segments: dict[str, list[str]] = field(default_factory=dict)  # code -> original seg ids

    def run(self, backend: str, *args: str, role: str = "supervisor"
            ) -> subprocess.CompletedProcess[str]:
        """``testimony ARGS`` on the vault (``--role ROLE``) or on the archive (as a member of
        ROLE's archive role: a vault's coder is an archive's analyst)."""
        if backend == "vault":
            argv = ["--vault", str(self.vault), "--passphrase-file", str(self.passphrase_file),
                    "--role", "coder" if role == "analyst" else role, *args]
        else:
            argv = [*args, "--archive", self.logins["analyst" if role == "coder" else role]]
        return run_cli(argv, self.env)

    def both(self, *args: str, role: str = "supervisor") -> tuple[str, str]:
        """The standard output of ``args`` on the vault and on the archive (both must succeed),
        ids replaced by ``<id>``."""
        out = []
        for backend in ("vault", "archive"):
            result = self.run(backend, *args, role=role)
            assert result.returncode == 0, f"{backend} {args}: {result.stderr}"
            out.append(UUID.sub("<id>", result.stdout))
        return out[0], out[1]

    def archive(self) -> Any:
        return archive_app.open_archive(self.url)


def _scenario(vault: Vault) -> dict[str, list[str]]:
    """Three interviews of forced labour at Yodok: recordings, transcripts with a translation,
    tags on the words and events they support."""
    tx.ensure_taxonomy(vault, role="supervisor")
    tx.import_taxonomy(vault, EXTENSION.encode("utf-8"), role="supervisor")
    out = {}
    for n, (code, scopes) in enumerate((("NK-2026-901", ["archive", "un"]),
                                        ("NK-2026-902", ["archive", "un"]),
                                        ("NK-2026-903", ["archive"]))):
        iid = interviews.add_interview(vault, code=code, role="interviewer", consent_scopes=scopes,
                                       consent_how="written", languages=["ko"],
                                       interviewer="Park Staff" if n < 2 else "Han Staff")
        asset, _ = add_audio(vault, iid, b"RIFF" + bytes([n + 1]) * 4000)
        original = add_transcript(vault, iid, asset, "original")
        translation = add_transcript(vault, iid, asset, "translation")
        s0 = add_segment(vault, iid, 0, SENTENCE, asset, transcript_id=original)
        s1 = add_segment(vault, iid, 1, f"매일 새벽부터 일했습니다 {n}", asset,
                         transcript_id=original)
        t0 = add_segment(vault, iid, 0, "At Yodok we produced coal", asset,
                         layer="translation", transcript_id=translation)
        with vault.transaction() as conn:
            conn.execute("UPDATE segment SET source_segment_id = ? WHERE id = ?", (s0, t0))
        fac = tags.add_tag(vault, iid, YODOK, role="coder", segment_id=s0, chars=(0, 6))
        coal = tags.add_tag(vault, iid, COAL, role="coder", segment_id=s0,
                            chars=(SENTENCE.index("석탄"), SENTENCE.index("석탄") + 2))
        events.add_event(vault, iid, act="violation.cah.enslavement", role="coder",
                         victim="witness", place=YODOK, date=f"199{n}..1999",
                         relation="experienced", tags=[fac, coal])
        out[code] = [s0, s1]
    return out


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory, _floor_vault_template: Path,
         pg_server: PgServer) -> Iterator[Pair]:
    tmp = tmp_path_factory.mktemp("archive-commands")
    shutil.copytree(_floor_vault_template, tmp / "vault")
    (tmp / "passphrase.txt").write_bytes(PASSPHRASE + b"\n")
    (tmp / "tmp").mkdir()
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env["TMPDIR"] = str(tmp / "tmp")
    env.pop("TESTIMONY_ARCHIVE", None)
    with new_database(pg_server) as url:
        vault = Vault.open(tmp / "vault", PASSPHRASE)
        try:
            segments = _scenario(vault)
            with archive_app.init_archive(url, tmp / "objects", tmp / "archive.key",
                                          role="supervisor") as archive:
                archive_app.migrate_vault(vault, archive, role="supervisor")
        finally:
            vault.lock()
        logins = {r: login(pg_server, url, r) for r in ("supervisor", "analyst", "translator")}
        yield Pair(tmp / "vault", tmp / "passphrase.txt", url, logins, env, tmp, segments)


READS = [
    ("transcript", "show", "NK-2026-901"),
    ("transcript", "show", "NK-2026-901", "--layer", "translation"),
    ("transcript", "show", "NK-2026-902", "--format", "json"),
    ("transcript", "suggestions", "NK-2026-901", "--json"),
    ("tag", "list", "NK-2026-901"),
    ("tag", "list", "NK-2026-902", "--json"),
    ("event", "list", "NK-2026-901"),
    ("event", "list", "NK-2026-903", "--json"),
    ("report", "--json"),
    ("corroborate", "--facility", "Yodok"),
    ("corroborate", "--commodity", "coal", "--json"),
    ("matrix", "--json"),
    ("link", "list", "--json"),
    ("entity", "list", "--kind", "facility"),
    ("witnesses", "duplicates", "--json"),
    ("taxonomy", "show", "--lang", "ko", "--aliases"),
    ("taxonomy", "versions", "--json"),
    ("interview", "list"),
    ("interview", "show", "NK-2026-902"),
    ("interview", "show", "NK-2026-901", "--json"),
    ("audio", "list", "NK-2026-903"),
    ("audio", "list", "NK-2026-901", "--json"),
]


WHO_AND_WHEN = ("created_by", "created_at", "updated_by", "updated_at", "imported_by",
                "imported_at")


def _without_who(text: str) -> str:
    """JSON or text output with who-and-when fields blanked: the vault records the --role
    given, the archive the database login, and each made its records at its own time."""
    try:
        data = json.loads(text)
    except ValueError:
        return text

    def clean(x: Any) -> Any:
        if isinstance(x, dict):
            return {k: "*" if k in WHO_AND_WHEN else clean(v) for k, v in x.items()}
        if isinstance(x, list):
            return [clean(v) for v in x]
        return x

    return json.dumps(clean(data), ensure_ascii=False, sort_keys=True)


@pytest.mark.parametrize("args", READS, ids=lambda a: " ".join(a))
def test_a_command_reads_the_same_from_a_vault_and_an_archive(pair: Pair,
                                                               args: Sequence[str]) -> None:
    on_vault, on_archive = pair.both(*args, role="coder")
    assert on_vault.strip(), "the scenario gives every command something to show"
    assert _without_who(on_archive) == _without_who(on_vault)


def test_the_scenario_is_found_the_same_way(pair: Pair) -> None:
    on_vault, _ = pair.both("corroborate", "--facility", "Yodok", "--json")
    found = json.loads(on_vault)
    assert found["testimonies"] == 3
    assert {a["interview_code"] for a in found["accounts"]} == {
        "NK-2026-901", "NK-2026-902", "NK-2026-903"}
    shown, _ = pair.both("transcript", "show", "NK-2026-901")
    assert SENTENCE in shown


def test_a_brief_is_the_same_from_either(pair: Pair) -> None:
    written = {}
    for backend in ("vault", "archive"):
        out = pair.tmp / f"brief-{backend}.csv"
        result = pair.run(backend, "brief", "--facility", "Yodok", "--purpose", "un",
                          "--out", str(out))
        assert result.returncode == 0, result.stderr
        written[backend] = list(csv.DictReader(out.open(encoding="utf-8")))
    # consent: NK-2026-903 does not cover the UN, so two interviews' quotes
    assert {r["interview_code"] for r in written["vault"]} == {"NK-2026-901", "NK-2026-902"}
    assert written["archive"] == written["vault"]
    with pair.archive() as archive:
        last = audit.entries(archive.conn)[-1]
    assert (last.action, last.object_type) == ("export", "brief")
    assert last.role.startswith("supervisor:u_supervisor_")


def test_coding_on_either_gives_the_same_tags_and_events(pair: Pair) -> None:
    for backend in ("vault", "archive"):
        added = pair.run(backend, "tag", "add", "NK-2026-902", "coal", "--segment", "1",
                         "--chars", "6:8", "--note", "same on both", role="coder")
        assert added.returncode == 0, added.stderr
        assert UUID.fullmatch(added.stdout.strip())
        event = pair.run(backend, "event", "add", "NK-2026-902", "--act", "enslavement",
                         "--place", "Yodok", "--date", "1998", "--relation", "saw",
                         "--tag", added.stdout.strip(), role="coder")
        assert event.returncode == 0, event.stderr
        linked = pair.run(backend, "link", "add", "NK-2026-902", "--from", "Yodok", "--to",
                          "coal", "--relation", "produced", "--tag", added.stdout.strip(),
                          role="coder")
        assert linked.returncode == 0, linked.stderr
    for args in (("tag", "list", "NK-2026-902", "--json"), ("event", "list", "NK-2026-902"),
                 ("link", "list", "--json")):
        on_vault, on_archive = pair.both(*args, role="coder")
        assert _without_who(on_archive) == _without_who(on_vault)
    assert "same on both" in pair.both("tag", "list", "NK-2026-902")[0]
    with pair.archive() as archive:
        row = archive.conn.execute("SELECT created_by FROM tag WHERE note = 'same on both'"
                                   ).fetchone()
    assert row[0].startswith("analyst:u_analyst_")


def test_an_analyst_extends_the_taxonomy_on_either_alike(pair: Pair) -> None:
    args = ("entity", "add", "enterprise", "--en", "Taesong Trading", "--ko", "대성무역",
            "--alias", "Taesong")
    refused = pair.run("archive", *args, role="translator")
    assert refused.returncode == 2 and "refused this to your database account" in \
        refused.stderr
    for backend in ("vault", "archive"):
        added = pair.run(backend, *args, role="analyst")
        assert added.returncode == 0 and "Taesong Trading" in added.stdout, added.stderr
        owner = pair.run(backend, "entity", "set", "Taesong", "--owner", "Bowibu",
                         role="analyst")
        assert owner.returncode == 0, owner.stderr
    extension = pair.tmp / "extension.jsonl"
    extension.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in [
        {"format": "testimony-taxonomy", "format_version": 1, "name": "nk-hr",
         "version": "2026.1.org2"},
        {"id": "port.chongjin", "parent": "port", "label": {"en": "Chongjin port",
                                                            "ko": "청진항"}}]) + "\n",
        encoding="utf-8")
    for backend in ("vault", "archive"):
        imported = pair.run(backend, "taxonomy", "import", str(extension), role="analyst")
        assert imported.returncode == 0, imported.stderr
    for read in (("entity", "list", "--kind", "enterprise", "--json"),
                 ("taxonomy", "versions", "--json"), ("taxonomy", "export")):
        on_vault, on_archive = pair.both(*read)
        assert _without_who(on_archive) == _without_who(on_vault)
    exported = pair.both("taxonomy", "export")[0]
    assert "대성무역" in exported and "청진항" in exported


def test_editing_a_transcript_on_either_moves_the_tags_alike(pair: Pair) -> None:
    new = "그 요덕 관리소에서 우리는 석탄을 생산했습니다"
    for backend in ("vault", "archive"):
        edited = pair.run(backend, "transcript", "edit", "NK-2026-903", "1", "--text", new,
                          "--reason", "heard again", role="translator")
        assert edited.returncode == 0, edited.stderr
        reviewed = pair.run(backend, "transcript", "review", "NK-2026-903", "1", "--status",
                            "reviewed", role="translator")
        assert reviewed.returncode == 0, reviewed.stderr
    for args in (("transcript", "show", "NK-2026-903"), ("tag", "list", "NK-2026-903"),
                 ("transcript", "show", "NK-2026-903", "--format", "json")):
        on_vault, on_archive = pair.both(*args)
        assert _without_who(on_archive) == _without_who(on_vault)
    # the facility tag (characters 0:6) followed its words, two characters on
    assert "segment 1 chars 2:8  “요덕 관리소”" in pair.both("tag", "list", "NK-2026-903")[0]
    with pair.archive() as archive:
        rev = archive.conn.execute(
            "SELECT created_by, reason FROM segment_revision WHERE segment_id = ? "
            "ORDER BY rev DESC LIMIT 1", (pair.segments["NK-2026-903"][0],)).fetchone()
        audit.verify(archive.conn)
    assert rev[0].startswith("translator:u_translator_") and rev[1] == "heard again"


def _state(pair: Pair) -> tuple[Any, ...]:
    with pair.archive() as archive:
        return tuple(archive.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                     for t in ("tag", "event", "segment_revision", "audit_log")) + (
            archive.conn.execute("SELECT text FROM segment WHERE id = ?",
                                 (pair.segments["NK-2026-901"][1],)).fetchone()[0],)


def test_the_database_account_decides_who_may_do_what(pair: Pair) -> None:
    before = _state(pair)
    refused = pair.run("archive", "transcript", "edit", "NK-2026-901", "2", "--text",
                       "고쳐 쓴 문장", role="analyst")
    assert refused.returncode == 2
    assert refused.stderr.strip() == (
        "testimony: The archive refused this to your database account (insert "
        "segment_revision); ask a person with the right role to do it.")
    refused = pair.run("archive", "tag", "add", "NK-2026-901", "coal", "--segment", "2",
                       role="translator")
    assert refused.returncode == 2 and "(insert tag)" in refused.stderr
    refused = pair.run("archive", "event", "add", "NK-2026-901", "--act", "enslavement",
                       role="translator")
    assert refused.returncode == 2 and "(insert event)" in refused.stderr
    assert _state(pair) == before  # nothing changed, not even the audit log
    # what each role may do, it can
    for args, role in ((("tag", "add", "NK-2026-901", "coal", "--segment", "2"), "analyst"),
                       (("transcript", "edit", "NK-2026-901", "2", "--text", "고쳐 쓴 문장"),
                        "translator")):
        done = pair.run("archive", *args, role=role)
        assert done.returncode == 0, done.stderr
        # keep the vault equal for the module's other tests
        assert pair.run("vault", *args, role=role).returncode == 0
    with pair.archive() as archive:
        roles = [e.role for e in audit.entries(archive.conn)[-3:]]
        audit.verify(archive.conn)
    assert roles[0].startswith("analyst:") and roles[-1].startswith("translator:")


def test_testimony_archive_names_the_archive(pair: Pair) -> None:
    """TESTIMONY_ARCHIVE in place of --archive, in a real process (no vault, no passphrase)."""
    env = {**pair.env, "TESTIMONY_ARCHIVE": pair.logins["analyst"]}
    shown = subprocess.run([sys.executable, "-m", "cli", "transcript", "show", "NK-2026-902"],
                           capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert shown.returncode == 0, shown.stderr
    assert SENTENCE in shown.stdout
    # What is typed wins over the environment: --vault names a vault (here one that does not
    # exist), so the command works on it, not on the archive.
    missing = pair.tmp / "no-such-vault"
    on_vault = subprocess.run([sys.executable, "-m", "cli", "--vault", str(missing),
                               "--passphrase-file", str(pair.passphrase_file),
                               "transcript", "show", "NK-2026-902"],
                              capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert on_vault.returncode != 0 and SENTENCE not in on_vault.stdout
    assert str(missing) in on_vault.stderr, on_vault.stderr


def test_a_flagged_tag_is_reviewed_alike(pair: Pair) -> None:
    """An edit that removes a tag's words flags it on both (the tag came with the migration,
    so it has one id on both); an analyst confirms it on new characters."""
    for backend in ("vault", "archive"):
        edited = pair.run(backend, "transcript", "edit", "NK-2026-901", "1", "--text",
                          "요덕 관리소에서 일했습니다", role="translator")
        assert edited.returncode == 0, edited.stderr
    flagged_v, flagged_a = pair.both("tag", "list", "NK-2026-901", "--needs-review", "--json")
    assert _without_who(flagged_a) == _without_who(flagged_v)
    with pair.archive() as archive:
        (tag_id,) = archive.conn.execute(
            "SELECT id FROM tag WHERE segment_id = ? AND status = 'needs_review'",
            (pair.segments["NK-2026-901"][0],)).fetchone()
    for backend in ("vault", "archive"):
        done = pair.run(backend, "tag", "review", tag_id, "--chars", "9:11", role="analyst")
        assert done.returncode == 0 and done.stdout == "Tag confirmed.\n", done.stderr
    on_vault, on_archive = pair.both("tag", "list", "NK-2026-901")
    assert on_archive == on_vault
    (line,) = [ln for ln in on_vault.splitlines() if "<commodity.product.coal>  segment 1" in ln]
    assert "chars 9:11  “일했”" in line and "NEEDS REVIEW" not in line


def test_without_a_taxonomy_a_translator_reads_and_an_analyst_stores_it(
        tmp_path: Path, pg_server: PgServer) -> None:
    with new_database(pg_server) as url:
        archive_app.init_archive(url, tmp_path / "objects", tmp_path / "archive.key",
                                 role="supervisor").close()
        env = {**os.environ, "TMPDIR": str(tmp_path)}
        env.pop("TESTIMONY_ARCHIVE", None)
        as_translator = login(pg_server, url, "translator")
        listed = run_cli(["entity", "list", "--kind", "facility", "--archive", as_translator],
                         env)
        assert listed.returncode == 0, listed.stderr
        assert "Yodok" in listed.stdout  # the shipped taxonomy, read unstored
        with archive_app.open_archive(url) as archive:
            assert archive.conn.execute("SELECT count(*) FROM taxonomy_version").fetchone() == (0,)
        as_analyst = login(pg_server, url, "analyst")
        again = run_cli(["entity", "list", "--kind", "facility", "--archive", as_analyst], env)
        assert again.returncode == 0 and again.stdout == listed.stdout, again.stderr
        with archive_app.open_archive(url) as archive:
            stored = audit.entries(archive.conn)[-1]
            audit.verify(archive.conn)
        assert (stored.action, stored.object_type) == ("store", "taxonomy")


def test_two_translators_editing_one_segment_at_once_are_serialised(
        pair: Pair, monkeypatch: pytest.MonkeyPatch) -> None:
    """Both read the segment before either writes (a barrier holds each until the other has
    read it); the segment's lock makes the second wait for the first and build on its text:
    two revisions, numbered in turn, and an audit chain that does not fork."""
    from app.transcripts import store as transcripts
    from storage.pg.archive import Archive

    barrier = threading.Barrier(2, timeout=60)
    checked = transcripts._refuse_pending

    def both_have_read(vault: Any, seg: Any) -> None:
        checked(vault, seg)
        barrier.wait()

    monkeypatch.setattr(transcripts, "_refuse_pending", both_have_read)
    sessions = [Archive.open(pair.logins["translator"]) for _ in range(2)]
    results: dict[int, Any] = {}

    def edit(n: int) -> None:
        try:
            results[n] = transcripts.edit_segment(
                sessions[n], "NK-2026-903", "2", text=f"동시에 고친 문장 {n}",
                role=sessions[n].who())
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            results[n] = exc

    threads = [threading.Thread(target=edit, args=(n,)) for n in range(2)]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=120)
    finally:
        for s in sessions:
            s.close()
    assert not [r for r in results.values() if isinstance(r, Exception)], results
    with pair.archive() as archive:
        revs = archive.conn.execute(
            "SELECT rev, text FROM segment_revision WHERE segment_id = ? ORDER BY rev",
            (pair.segments["NK-2026-903"][1],)).fetchall()
        final = archive.conn.execute("SELECT text FROM segment WHERE id = ?",
                                     (pair.segments["NK-2026-903"][1],)).fetchone()[0]
        audit.verify(archive.conn)
    assert [r[0] for r in revs] == [0, 1]
    assert final == revs[-1][1] and {r[1] for r in revs} == {
        "동시에 고친 문장 0", "동시에 고친 문장 1"}


def test_a_withdrawal_is_recorded_on_either_and_briefs_leave_it_out(pair: Pair) -> None:
    """A witness may tell the organisation, not the interviewer: a supervisor records the
    withdrawal on the archive as on a vault; other accounts are refused; briefs leave it out.
    (Last in the module: the brief test above counts this interview.)"""
    before = _state(pair)
    refused = pair.run("archive", "interview", "withdraw", "NK-2026-902", role="translator")
    assert refused.returncode == 2 and "(update consent)" in refused.stderr, refused.stderr
    assert _state(pair) == before
    assert "WITHDRAWN" not in pair.run("archive", "interview", "show", "NK-2026-902").stdout
    said = pair.both("interview", "withdraw", "NK-2026-902", "--note", "asked by phone")
    assert said[0].startswith("Consent withdrawn") and said[1].startswith("Consent withdrawn")
    shown = pair.both("interview", "show", "NK-2026-902")
    assert all("WITHDRAWN" in s for s in shown), shown
    for backend in ("vault", "archive"):
        out = pair.tmp / f"brief-after-withdrawal-{backend}.csv"
        result = pair.run(backend, "brief", "--facility", "Yodok", "--purpose", "un",
                          "--out", str(out))
        assert result.returncode == 0, result.stderr
        rows = list(csv.DictReader(out.open(encoding="utf-8")))
        assert {r["interview_code"] for r in rows} == {"NK-2026-901"}, backend
    with pair.archive() as archive:
        entry = next(e for e in reversed(audit.entries(archive.conn)) if e.action == "withdraw")
        note = archive.conn.execute(
            "SELECT c.withdrawal_note FROM consent c JOIN interview i ON i.id = c.interview_id"
            " WHERE i.code = 'NK-2026-902'").fetchone()[0]
        audit.verify(archive.conn)
    assert entry.object_type == "consent" and entry.role.startswith("supervisor:u_supervisor_")
    assert note == "asked by phone"
