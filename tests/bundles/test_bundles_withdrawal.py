"""A witness withdraws consent after the interview reached the supervisor: the laptop's next
bundle carries the withdrawal (a notice: the interview and consent rows, no testimony) to
those who hold the interview, and the supervisor's vault or archive records it. Nothing else
changes there, a receipt for the notice never lets purge delete the interview, and a notice
never goes to someone who did not have the interview."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.bundles import keys
from app.bundles.export import export_bundle
from app.bundles.importer import import_bundle
from app.bundles.receipts import apply_receipt, make_receipt, purge_acknowledged
from app.errors import UsageError
from app.interviews import update_interview, withdraw_consent
from crypto.kdf import floor_params
from storage import audit
from storage.vault import Vault
from tests.archive_support import BOTH_BACKENDS
from tests.bundle_helpers import World, new_vault, populate
from tests.cli_runner import Cli
from tests.common import PASSPHRASE

TESTIMONY = ("segment", "tag", "event", "marker", "audio_asset", "interviewee", "transcript")


def _counts(store, tables=TESTIMONY) -> dict[str, int]:
    return {t: store.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


def _consent(store, iid: str) -> tuple:
    return tuple(store.conn.execute(
        "SELECT withdrawn_at, withdrawal_note, scopes FROM consent WHERE interview_id = ?",
        (iid,)).fetchone())


@BOTH_BACKENDS
def test_a_withdrawal_after_export_reaches_the_supervisor(world: World) -> None:
    iid = populate(world.field, "NK-2026-301")
    kept = populate(world.field, "NK-2026-302")
    first = import_bundle(world.sup, world.export(name="first.age").path, world.identity,
                          role="supervisor")
    assert not first.conflicts and first.withdrawn == []
    held = _counts(world.sup)
    withdraw_consent(world.field, iid, role="interviewer", note="asked by phone")

    notices: list[str] = []
    result = world.export(name="second.age", notice=notices.append)
    assert result.withdrawals == ["NK-2026-301"] and result.interviews == ["NK-2026-302"]
    imported = import_bundle(world.sup, result.path, world.identity, role="supervisor")
    assert imported.withdrawn == [iid] and not imported.conflicts
    kept_audio = {str(r[0]) for r in world.field.conn.execute(
        "SELECT blob_id FROM audio_asset WHERE interview_id = ?", (kept,))}
    assert {a.blob_id for a in imported.manifest.body.audio} == kept_audio  # none of iid's
    assert _consent(world.sup, iid) == _consent(world.field, iid)
    assert _consent(world.sup, iid)[1] == "asked by phone"
    assert _consent(world.sup, kept)[0] is None
    assert _counts(world.sup) == held  # no testimony added, none taken away
    # What the notice itself carries, seen in a vault that holds nothing yet: the interview's
    # row and its consent, none of its testimony.
    fresh = new_vault(world.tmp / "fresh")
    dev = world.field.device()
    keys.trust_device(fresh, keys.DevicePublic(dev.id, dev.public_key), role="supervisor")
    import_bundle(fresh, result.path, world.identity, role="supervisor")
    for table in ("interview", "consent", *TESTIMONY):
        n = fresh.conn.execute(f"SELECT count(*) FROM {table} WHERE "
                               f"{'id' if table == 'interview' else 'interview_id'} = ?",
                               (iid,)).fetchone()[0]
        assert n == (1 if table in ("interview", "consent") else 0), table
    assert fresh.conn.execute("SELECT count(*) FROM blob").fetchone()[0] == len(kept_audio)
    fresh.lock()
    entry = next(e for e in reversed(audit.entries(world.sup.conn)) if e.action == "import")
    assert entry.details["withdrawn"] == [iid]

    # A receipt for the notice never lets purge delete the interview on the laptop.
    applied = apply_receipt(world.field, make_receipt(world.identity, imported),
                            role="interviewer")
    assert iid in applied.acknowledged
    purged = purge_acknowledged(world.field, role="interviewer")
    assert "NK-2026-301" not in purged.purged
    assert world.field.conn.execute("SELECT count(*) FROM interview WHERE id = ?",
                                    (iid,)).fetchone()[0] == 1

    # Sent once: an export of what changed since then has nothing about it.
    with pytest.raises(UsageError, match="nothing"):
        world.export(iid, name="third.age", since_last=True)


@BOTH_BACKENDS
def test_a_withdrawal_already_recorded_by_the_office_stays_as_it_was(world: World) -> None:
    iid = populate(world.field, "NK-2026-303")
    import_bundle(world.sup, world.export(name="first.age").path, world.identity,
                  role="supervisor")
    withdraw_consent(world.sup, iid, role="supervisor", note="told to the office")
    office = _consent(world.sup, iid)
    withdraw_consent(world.field, iid, role="interviewer", note="told to the interviewer")
    imported = import_bundle(world.sup, world.export(name="second.age").path, world.identity,
                             role="supervisor")
    assert imported.withdrawn == [] and not imported.conflicts
    assert _consent(world.sup, iid) == office


def test_no_withdrawal_goes_to_one_who_never_had_the_interview(world: World,
                                                               tmp_path: Path) -> None:
    iid = populate(world.field, "NK-2026-304")
    world.export(name="first.age")
    withdraw_consent(world.field, iid, role="interviewer")
    _, other = keys.new_supervisor_key()
    keys.trust_supervisor(world.field, other.public, role="interviewer")
    notices: list[str] = []
    with pytest.raises(UsageError, match="nothing"):
        export_bundle(world.field, [], recipients=[other.public], out=tmp_path / "other.age",
                      role="interviewer", notice=notices.append)
    assert notices == ["Left out NK-2026-304: its consent was withdrawn."]
    # to the supervisor who had it, the notice goes
    assert world.export(name="again.age").withdrawals == ["NK-2026-304"]


def test_the_command_line_says_what_the_notice_carried(tmp_path: Path, cli: Cli) -> None:
    v, _ = Vault.create(tmp_path / "sup-vault", PASSPHRASE, kdf=floor_params())
    v.lock()
    sup = Cli(tmp_path / "sup-vault", cli.passphrase_file, cli.env)
    key = tmp_path / "supervisor.key"
    (tmp_path / "sup.pub").write_text(sup("keys", "supervisor-new", "--out", str(key),
                                          check=True).stdout)
    cli("keys", "trust-supervisor", str(tmp_path / "sup.pub"), check=True)
    (tmp_path / "device.txt").write_text(cli("device", "show", check=True).stdout)
    sup("keys", "trust-device", str(tmp_path / "device.txt"), check=True)
    cli("interview", "add", "--code", "NK-2026-305", "--consent", "archive", check=True)
    for n in (1, 2):
        if n == 2:
            said = cli("interview", "withdraw", "NK-2026-305", "--note", "by letter",
                       check=True).stdout
            assert said.startswith("Consent withdrawn")
        out = tmp_path / f"b{n}.age"
        exported = cli("export", "--out", str(out), "--recipient", str(tmp_path / "sup.pub"),
                       check=True).stdout
        imported = sup("import", str(out), "--identity", str(key), check=True).stdout
    assert "Withdrawals of consent" in exported and "NK-2026-305" in exported
    assert "Interviews: none" in exported
    assert ("Consent withdrawn, as the laptop recorded it; briefs leave these out: "
            "NK-2026-305") in imported
    assert "WITHDRAWN" in sup("interview", "show", "NK-2026-305", check=True).stdout


def test_a_notice_goes_to_recipients_who_each_had_some_version(world: World,
                                                              tmp_path: Path) -> None:
    """Two supervisors received different versions of the interview; one bundle to both
    carries the withdrawal to both."""
    iid = populate(world.field, "NK-2026-306")
    _, other = keys.new_supervisor_key()
    keys.trust_supervisor(world.field, other.public, role="interviewer")
    world.export(name="first.age")
    update_interview(world.field, iid, role="interviewer", notes="a later version")
    export_bundle(world.field, [], recipients=[other.public], out=tmp_path / "other.age",
                  role="interviewer")
    withdraw_consent(world.field, iid, role="interviewer")
    both = export_bundle(world.field, [], recipients=[world.identity.public, other.public],
                         out=tmp_path / "both.age", role="interviewer")
    assert both.withdrawals == ["NK-2026-306"] and both.interviews == []
