"""Safe facts: pseudonym codes (pattern, no names, renames) and one strict date parser, through
the services, the real CLI and a bundle to a supervisor's vault."""

from __future__ import annotations

import json

import pytest

from app import changes, codes, dates, interviews
from app.bundles.importer import import_bundle
from app.changes import Change, Kind
from app.errors import UsageError
from storage import audit
from tests.bundle_helpers import make_world
from tests.cli_runner import Cli

NAMES = ["Kim Young-ho", "KIM YOUNG-HO", "Ri Sol-ju", "Park Ji-min", "Choi Eun-hee",
         "kim-youngho", "PARKJIMIN", "NK-LEE-MINHO", "김영호", "박지민", "남궁민", "NK-김영호"]
CODES = ["NK-2026-014", "SYN-A", "NK-T-1", "S1", "SEOUL-7", "C-wav", "BENCH", "NK-GUI",
         "SYN-LOCK", "RO-1", "KO-first"]


@pytest.mark.parametrize("name", NAMES)
def test_name_like_codes_are_refused_with_a_reason(name: str) -> None:
    assert codes.looks_like_name(name)
    with pytest.raises(UsageError, match="looks like a person's name"):
        codes.check_code(name, "")


@pytest.mark.parametrize("code", CODES)
def test_pseudonym_codes_pass_the_general_shape(code: str) -> None:
    assert codes.check_code(f"  {code} ", codes.GENERAL) == code


def test_general_shape_refuses_spaces_and_symbols() -> None:
    for bad in ("NK 2026 014", "witness #3", "-NK", "NK--1", "x" * 40):
        with pytest.raises(UsageError, match="is not a pseudonym code"):
            codes.check_code(bad, codes.GENERAL)


def test_organisation_pattern_is_a_vault_setting(vault) -> None:
    assert codes.get_pattern(vault) == ""
    codes.set_pattern(vault, "NK-####-###", role="supervisor")
    assert codes.get_pattern(vault) == "NK-####-###"
    interviews.add_interview(vault, code="NK-2026-014", role="interviewer")
    with pytest.raises(UsageError, match=r"does not follow this organisation's code pattern "
                                         r"NK-####-### \(for example NK-2026-014\)"):
        interviews.add_interview(vault, code="SYN-A", role="interviewer")
    with pytest.raises(UsageError, match="A code pattern is capital letters"):
        codes.set_pattern(vault, "nk-*", role="supervisor")
    assert codes.get_pattern(vault) == "NK-####-###"
    assert [i.code for i in interviews.list_interviews(vault)] == ["NK-2026-014"]
    [entry] = [e for e in audit.entries(vault.conn) if e.object_type == "vault_setting"]
    assert entry.details == {"value": "NK-####-###"}


def test_rename_keeps_id_audits_without_values_and_publishes(vault) -> None:
    iid = interviews.add_interview(vault, code="NK-2026-001", role="interviewer")
    seen: list[Change] = []
    unsubscribe = changes.subscribe(vault, seen.append)
    with pytest.raises(UsageError, match="looks like a person's name"):
        interviews.rename_interview(vault, iid, "Kim Young-ho", role="interviewer")
    assert interviews.get_interview(vault, iid).code == "NK-2026-001"
    assert interviews.rename_interview(vault, "NK-2026-001", "NK-2026-002",
                                       role="interviewer") == "NK-2026-002"
    unsubscribe()
    assert interviews.get_interview(vault, iid).code == "NK-2026-002"
    assert seen == [Change(Kind.INTERVIEW_RENAMED, iid)]
    [entry] = [e for e in audit.entries(vault.conn) if e.action == "rename"]
    assert (entry.object_id, entry.details) == (iid, {"fields": ["code"]})
    other = interviews.add_interview(vault, code="NK-2026-003", role="interviewer")
    with pytest.raises(UsageError, match="already exists"):
        interviews.rename_interview(vault, other, "NK-2026-002", role="interviewer")


@pytest.mark.parametrize(("text", "stored"), [
    ("2026-11-29", "2026-11-29"), ("2026.11.29", "2026-11-29"), ("2026. 11. 29.", "2026-11-29"),
    ("2026년 11월 29일", "2026-11-29"), ("29 November 2026", "2026-11-29"),
    ("2026-11-29 14:00", "2026-11-29T14:00:00"),
    ("2026-11-29T14:00+09:00", "2026-11-29T14:00:00+09:00")])
def test_dates_are_stored_in_iso(vault, text: str, stored: str) -> None:
    iid = interviews.add_interview(vault, code="NK-2026-001", role="interviewer",
                                   started_at=text, consent_given_on=text[:10]
                                   if "T" in text or ":" in text else text)
    iv = interviews.get_interview(vault, iid)
    assert iv.started_at == stored
    assert iv.consent.given_on == stored[:10]


@pytest.mark.parametrize(("text", "reason"), [
    ("03/04/2026", "is ambiguous"), ("03.04.2026", "is ambiguous"),
    ("29/11/2026 14:00", "write it year first, as 2026-11-29 14:00"),
    ("2026-02-30", "is not a real date"), ("2026-11-29 25:00", "is not a real date"),
    ("next tuesday", "is not a date this app can read")])
def test_bad_dates_refused_and_nothing_changes(vault, text: str, reason: str) -> None:
    with pytest.raises(UsageError, match=reason):
        dates.parse_datetime(text)
    iid = interviews.add_interview(vault, code="NK-2026-001", role="interviewer")
    before = interviews.get_interview(vault, iid)
    with pytest.raises(UsageError, match=reason):
        interviews.update_interview(vault, iid, role="interviewer", started_at=text, notes="n")
    with pytest.raises(UsageError, match=reason):
        interviews.set_consent(vault, iid, role="interviewer", given_on=text)
    assert interviews.get_interview(vault, iid) == before


def test_cli_refuses_name_code_and_ambiguous_date_and_audits_rename(cli: Cli) -> None:
    res = cli("interview", "add", "--code", "Kim Young-ho")
    assert res.returncode == 2
    assert "looks like a person's name" in res.stderr and "Traceback" not in res.stderr
    res = cli("interview", "add", "--code", "NK-2026-014", "--date", "03/04/2026")
    assert res.returncode == 2 and "is ambiguous" in res.stderr
    res = cli("interview", "add", "--code", "NK-2026-014", "--consent-date", "03/04/2026")
    assert res.returncode == 2 and "is ambiguous" in res.stderr
    assert json.loads(cli("interview", "list", "--json", check=True).stdout) == []

    iid = cli("interview", "add", "--code", "NK-2026-014", "--date", "2026.11.29 14:00",
              check=True).stdout.strip()
    shown = json.loads(cli("interview", "show", iid, "--json", check=True).stdout)
    assert shown["started_at"] == "2026-11-29T14:00:00"
    res = cli("interview", "edit", iid, "--code", "Kim Young-ho", "--notes", "changed")
    assert res.returncode == 2 and "looks like a person's name" in res.stderr
    assert json.loads(cli("interview", "show", iid, "--json", check=True).stdout)["notes"] == ""
    out = cli("interview", "edit", "NK-2026-014", "--code", "NK-2026-015", check=True).stdout
    assert "renamed to NK-2026-015" in out
    shown = json.loads(cli("interview", "show", iid, "--json", check=True).stdout)
    assert (shown["id"], shown["code"]) == (iid, "NK-2026-015")
    log = json.loads(cli("audit", "list", "--json", check=True).stdout)
    renames = [e for e in log if e["action"] == "rename"]
    assert [(e["object_id"], e["details"]) for e in renames] == [(iid, {"fields": ["code"]})]
    assert "NK-2026-014" not in json.dumps(renames)

    cli("interview", "code-pattern", "NK-####-###", check=True)
    assert cli("interview", "code-pattern", check=True).stdout.splitlines()[0] == "NK-####-###"
    res = cli("interview", "add", "--code", "SYN-A")
    assert res.returncode == 2 and "code pattern NK-####-###" in res.stderr


def test_bundle_carries_a_rename_to_the_supervisor(tmp_path) -> None:
    world = make_world(tmp_path)
    iid = interviews.add_interview(world.field, code="NK-2026-001", role="interviewer",
                                   consent_scopes=["archive"])
    first = world.export(iid, name="b1.age")
    import_bundle(world.sup, first.path, world.identity, role="supervisor")
    assert interviews.get_interview(world.sup, iid).code == "NK-2026-001"
    interviews.rename_interview(world.field, iid, "NK-2026-009", role="interviewer")
    second = world.export(iid, name="b2.age")
    result = import_bundle(world.sup, second.path, world.identity, role="supervisor")
    assert result.conflicts == []
    assert interviews.get_interview(world.sup, iid).code == "NK-2026-009"
    entry = [e for e in audit.entries(world.sup.conn) if e.action == "import"][-1]
    assert entry.details["renamed"] == [iid]


def test_services_publish_what_screens_follow(vault) -> None:
    from app.transcripts import transcribe
    from tests.transcribe_helpers import FakeEngine, interview_with_audio, tone_bursts

    seen: list[Change] = []
    changes.subscribe(vault, seen.append)
    iid, _aid = interview_with_audio(vault, tone_bursts(4.0, [(0.5, 1.5), (2.0, 3.0)]),
                                     code="NK-2026-040")
    transcribe.transcribe_interview(vault, iid, role="interviewer", language="ko",
                                    engine_factory=lambda name: FakeEngine(name))
    kinds = [c.kind for c in seen if c.interview_id == iid]
    assert kinds[0] is Kind.INTERVIEW_CREATED
    assert kinds.count(Kind.SEGMENTS_ARRIVED) == 2  # one per segment, as they arrive
    assert kinds[-1] is Kind.TRANSCRIPTION_FINISHED
    seen.clear()
    from app.audio import markers
    from app.transcripts import store as transcripts

    markers.add_marker(vault, iid, 1.0, "synthetic", role="interviewer")
    seg = transcripts.segments(vault, iid, "original")[0]
    transcripts.edit_segment(vault, iid, seg.id, text="corrected", role="translator")
    assert seen == [Change(Kind.MARKER_ADDED, iid),
                    Change(Kind.SEGMENT_EDITED, iid, "original")]
