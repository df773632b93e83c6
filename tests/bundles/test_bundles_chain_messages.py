"""A bundle's chain line and every warning a verification or an import reports are messages of
the error model (a code of errors.catalog and its parameters), so the window can word them in
its interface language; their English rendering is what the command line prints, ``--json``
carries and the audit log keeps, word for word as before (scripts parse it)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from app.bundles.export import ExportResult
from app.bundles.importer import ImportResult, import_bundle, is_suspicious, verify_bundle
from cli.bundle_report import report_json, report_lines
from errors import CATALOG, Message
from tests.bundle_forge import decrypt, encrypt, forge, write
from tests.bundle_helpers import World, make_world, populate

TRUST = "report this: one of the two was not made by the laptop you trust"
TRUST_THEM = "report this: one of them was not made by the laptop you trust"


@pytest.fixture
def w(tmp_path: Path) -> Iterator[World]:
    world = make_world(tmp_path)
    yield world
    for v in (world.field, world.sup):
        if not v.is_locked:
            v.lock()


def imp(w: World, path: Path) -> ImportResult:
    return import_bundle(w.sup, path, w.identity, role="supervisor")


def forged(w: World, real: ExportResult, name: str, **changes: Any) -> tuple[Path, str]:
    """``real`` with manifest fields changed and a new bundle id, re-signed by the field
    device and encrypted to the supervisor."""
    bundle_id = str(uuid.uuid4())
    plain = forge(w, decrypt(w, real.path.read_bytes()),
                  manifest_fn=lambda m: m.update(bundle_id=bundle_id, **changes))
    return write(w.tmp / name, encrypt(plain, w.identity.public.age_recipient)), bundle_id


def english(warnings: list[Message]) -> list[str]:
    return [str(m) for m in warnings]


def last_import_audit(w: World) -> dict[str, Any]:
    row = w.sup.conn.execute("SELECT details FROM audit_log WHERE action = 'import' "
                             "ORDER BY seq DESC LIMIT 1").fetchone()
    return dict(json.loads(row[0]))


def test_an_out_of_order_arrival_is_worded_as_before(w: World) -> None:
    iid = populate(w.field)
    one, two, three = (w.export(iid, name=f"{n}.age") for n in (1, 2, 3))
    third = imp(w, three.path)
    assert english(third.warnings) == [
        "bundles 1 to 2 from this device were never imported here; ask whether they exist"]
    assert [m.code for m in third.warnings] == ["bundle_warning.earlier_never_imported"]
    report = verify_bundle(two.path, w.identity, vault=w.sup)
    assert str(report.chain) == "bundles before number 2 are unknown here"
    assert report.chain is not None and report.chain.code == "bundle_chain.earlier_unknown"
    imp(w, two.path)
    first = verify_bundle(one.path, w.identity, vault=w.sup)
    assert str(first.chain) == "first bundle from this device (arrived after bundle 3)"
    assert first.warnings == []
    # the terminal's report and the scripts' JSON carry the same English
    assert "Chain: first bundle from this device (arrived after bundle 3)" in report_lines(first)
    assert report_json(first)["chain"] == "first bundle from this device (arrived after bundle 3)"
    imp(w, one.path)
    again = verify_bundle(one.path, w.identity, vault=w.sup)
    assert str(again.chain) == "replay: this exact bundle was already imported"
    assert imp(w, one.path).replay


def test_a_number_skipped_by_a_stolen_key_is_worded_as_before(w: World) -> None:
    iid = populate(w.field)
    one, two = w.export(iid, name="1.age"), w.export(iid, name="2.age")
    imp(w, one.path)
    path, fake = forged(w, two, "fake3.age", sequence=3, previous_manifest_sha256="ab" * 32)
    report = verify_bundle(path, w.identity, vault=w.sup)
    assert str(report.chain) == "its previous bundle (2) is unknown here"
    warned = imp(w, path)
    assert english(warned.warnings) == [
        f"suspicious: bundle 3 ({fake}) follows a bundle this vault has never seen (the last "
        f"imported before it is bundle 1 ({one.bundle_id})); bundles 2 to 2 from this device "
        f"are missing here: ask the interviewer whether they exist; if not, bundle 3 ({fake}) "
        "was not made by the laptop you trust"]
    assert all(is_suspicious(m) for m in warned.warnings)
    # what the vault keeps is the English text, as before
    assert last_import_audit(w)["suspicious"] == english(warned.warnings)
    assert last_import_audit(w)["chain"] == "its previous bundle (2) is unknown here"
    report = verify_bundle(two.path, w.identity, vault=w.sup)
    assert str(report.chain) == "continues from bundle 1 (arrived after bundle 3)"
    real = imp(w, two.path)
    assert english(real.warnings) == [
        f"suspicious: bundle 3 ({fake}), accepted earlier without a known parent, does not "
        f"follow bundle 2 ({two.bundle_id}); {TRUST}"]
    assert last_import_audit(w)["chain"] == "continues from bundle 1 (arrived after bundle 3)"


def test_bundles_that_share_a_number_are_worded_as_before(w: World) -> None:
    iid = populate(w.field)
    one, two, three = (w.export(iid, name=f"{n}.age") for n in (1, 2, 3))
    # an orphan 2 that will never fit, then the real chain: 1 anchors, the real 2 shares its number
    orphan, orphan_id = forged(w, two, "orphan2.age", previous_manifest_sha256="cd" * 32)
    first_seen = verify_bundle(orphan, w.identity, vault=w.sup)
    assert str(first_seen.chain) == "first bundle seen from this device is number 2"
    imp(w, orphan)
    assert str(verify_bundle(one.path, w.identity, vault=w.sup).chain) == (
        "first bundle from this device (arrived after bundle 2)")
    imp(w, one.path)
    real = imp(w, two.path)
    assert english(real.warnings) == [
        f"suspicious: bundle 2 ({two.bundle_id}) and bundle 2 ({orphan_id}) both carry number 2 "
        f"from this device and bundle 2 ({orphan_id}) was accepted earlier without a known "
        f"parent; {TRUST_THEM}"]
    assert str(verify_bundle(three.path, w.identity, vault=w.sup).chain) == (
        "continues from bundle 2")


def test_twins_without_a_first_bundle_are_worded_as_before(w: World) -> None:
    iid = populate(w.field)
    one, two = w.export(iid, name="1.age"), w.export(iid, name="2.age")
    imp(w, two.path)
    twin, twin_id = forged(w, two, "twin2.age", purpose="court")
    result = imp(w, twin)
    assert english(result.warnings) == [
        "bundles 1 to 1 from this device were never imported here; ask whether they exist",
        f"suspicious: bundle 2 ({twin_id}) and bundle 2 ({two.bundle_id}) both carry number 2 "
        f"from this device and neither follows a bundle imported here; {TRUST_THEM}"]
    first = imp(w, one.path)
    ids = ", ".join(sorted([twin_id, two.bundle_id]))
    assert english(first.warnings) == [
        f"suspicious: this device has two bundles numbered 2 that both fit its chain ({ids}); "
        f"{TRUST_THEM}"]
    assert [m.code for m in first.warnings] == ["bundle_warning.suspicious_two_fit"]


def test_a_bundle_not_following_an_unanchored_one_is_worded_as_before(w: World) -> None:
    iid = populate(w.field)
    w.export(iid, name="1.age")
    two, three = w.export(iid, name="2.age"), w.export(iid, name="3.age")
    imp(w, two.path)
    path, fake = forged(w, three, "fake3.age", previous_manifest_sha256="ab" * 32)
    warned = imp(w, path)
    assert english(warned.warnings) == [
        f"suspicious: bundle 3 ({fake}) does not follow bundle 2 ({two.bundle_id}), which was "
        f"accepted earlier without a known parent; {TRUST}"]
    report = verify_bundle(three.path, w.identity, vault=w.sup)
    assert str(report.chain) == "continues from bundle 2, which was accepted without a known parent"
    assert english(report.warnings) == [
        f"suspicious: bundle 3 ({three.bundle_id}) and bundle 3 ({fake}) both carry number 3 from "
        f"this device and neither follows a bundle imported here; {TRUST_THEM}"]


def test_an_unencrypted_bundle_warns_in_the_same_words_on_the_terminal(
        w: World, capsys: pytest.CaptureFixture[str]) -> None:
    from app.bundles.export import export_bundle
    from cli.bundle_cmds import cmd_import

    iid = populate(w.field)
    plain = export_bundle(w.field, [iid], recipients=[], out=w.tmp / "plain.tar",
                          role="interviewer", unencrypted=True)
    report = verify_bundle(plain.path, None, vault=w.sup)
    sentence = "this bundle is NOT encrypted; anyone who held the file could read it"
    assert english(report.warnings) == [sentence]
    assert f"Warning: {sentence}" in report_lines(report)
    assert report_json(report)["warnings"] == [sentence]
    assert json.dumps(report_json(report))  # plain JSON values for scripts
    ctx = SimpleNamespace(vault=lambda: w.sup, role="supervisor", archive_url=None)
    args = SimpleNamespace(identity=str(w.key_file), file=str(plain.path), receipt=None)
    assert cmd_import(ctx, args) == 0  # type: ignore[arg-type]
    assert f"Warning: {sentence}\n" in capsys.readouterr().err


def test_every_notice_code_is_a_bundle_chain_or_warning_and_renders_nested() -> None:
    notices = [c for c in CATALOG if c.startswith(("bundle_chain.", "bundle_warning."))]
    assert len(notices) >= 17
    me = Message("bundle_chain.bundle_ref", {"seq": 3, "bundle_id": "b3"})
    later = Message("bundle_chain.bundle_ref", {"seq": 4, "bundle_id": "b4"})
    msg = Message("bundle_warning.suspicious_later_not_following", {"later": later, "me": me})
    assert str(msg) == (f"suspicious: bundle 4 (b4), accepted earlier without a known parent, "
                        f"does not follow bundle 3 (b3); {TRUST}")
    shout = {CATALOG["bundle_chain.bundle_ref"]: "BUNDLE {seq}"}
    assert "does not follow BUNDLE 3;" in msg.render(lambda t: shout.get(t, t))
    assert msg == Message.from_json(msg.to_json()) and hash(msg) == hash(Message.from_json(
        msg.to_json()))
    assert is_suspicious(msg) and not is_suspicious(Message("bundle_warning.not_encrypted"))
