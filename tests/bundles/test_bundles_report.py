"""The verification report and the import summary are worded by the front ends: the core
returns typed results (a bundle's chain is None when no vault placed it), cli/bundle_report.py
words them for the terminal and for scripts, and no string in app/ names a command-line flag."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.bundles.importer import verify_bundle
from cli.bundle_report import CHAIN_NOT_CHECKED, in_words, report_json, report_lines
from tests.bundle_helpers import World, make_world, populate
from tests.common import ROOT


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    w = make_world(tmp_path)
    yield w
    for v in (w.field, w.sup):
        if not v.is_locked:
            v.lock()


def test_without_a_vault_the_chain_is_not_placed_and_the_cli_says_why(world: World) -> None:
    bundle = world.export(populate(world.field)).path
    alone = verify_bundle(bundle, world.identity)
    assert alone.chain is None and alone.anchor is None
    lines = report_lines(alone)
    assert f"Chain: {CHAIN_NOT_CHECKED}" in lines
    assert any("ORIGIN NOT CHECKED (no --signer or --vault given" in line for line in lines)
    assert report_json(alone)["chain"] == CHAIN_NOT_CHECKED
    assert report_json(alone)["valid"] is False


def test_against_the_vault_the_chain_and_trust_are_worded(world: World) -> None:
    iid = populate(world.field)
    bundle = world.export(iid).path
    report = verify_bundle(bundle, world.identity, vault=world.sup)
    assert str(report.chain) == "first bundle from this device" and report.anchor == "vault"
    lines = report_lines(report)
    fingerprint = world.field.device().fingerprint
    assert f"  fingerprint {fingerprint}: pinned in this vault" in lines
    assert "Chain: first bundle from this device" in lines
    assert f"Files ({len(report.files)}), all SHA-256 verified:" in lines
    assert all(f"  {f.sha256}  {f.size:>12}  {f.name}" in lines for f in report.files)
    data = report_json(report)
    assert data["valid"] is True and data["chain"] == "first bundle from this device"
    assert [i["id"] for i in data["interviews"]] == [iid]
    assert {f["name"] for f in data["files"]} == {f.name for f in report.files}


def test_an_import_in_words() -> None:
    assert in_words({}) == "0 interviews, 0 passages, 0 recordings"
    assert in_words({"interview": 1, "segment": 48, "audio_asset": 1, "tag": 2}) == (
        "1 interview, 48 passages, 1 recording, 2 tags")
    assert in_words({"interview": 2, "marker": 1}) == (
        "2 interviews, 0 passages, 0 recordings, 1 marker")


FLAG = re.compile(r"(?<![\w-])--[a-z][a-z-]+")


def _strings_naming_a_flag(source: str) -> list[str]:
    """String constants (docstrings aside) that name a command-line flag."""
    tree = ast.parse(source)
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef
                                | ast.AsyncFunctionDef)
                  and node.body and isinstance(node.body[0], ast.Expr)
                  and isinstance(node.body[0].value, ast.Constant)}
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in docstrings and FLAG.search(node.value)]


def test_no_string_in_the_core_names_a_flag() -> None:
    offenders = {path.relative_to(ROOT).as_posix(): found
                 for path in sorted((ROOT / "app").rglob("*.py"))
                 if (found := _strings_naming_a_flag(path.read_text("utf-8")))}
    assert offenders == {}
    # The scan finds what it looks for, and leaves docstrings and SQL comments alone.
    assert _strings_naming_a_flag('x = "not checked (no --vault given)"\n') == [
        "not checked (no --vault given)"]
    assert _strings_naming_a_flag('"""Used by --since-last."""\ny = "a -- b"\n') == []
