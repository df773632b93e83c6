"""The verification report folded under the supervisor's verdict is the window's own wording of
the core's typed report: every check, in the interface language, and never a command-line flag
(the terminal's wording is cli/bundle_report.py)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from tests.bundle_helpers import PASS, World, make_world, new_vault, populate
from tests.ui_support import make_window, unlock
from ui.supervisor_view import SupervisorView, masked

FLAG = re.compile(r"(?<![\w-])--[a-z]")


def _supervisor(qtbot: Any, tmp_path: Path, vault_path: Path, key_file: Path) -> SupervisorView:
    state = tmp_path / f"state-{vault_path.name}"
    state.mkdir()
    window = make_window(qtbot, vault_path, state, role="supervisor")
    unlock(window, PASS)
    sv = next(v for v in window.workspace.extra if isinstance(v, SupervisorView))
    sv.load_identity(key_file)
    return sv


def _open(qtbot: Any, sv: SupervisorView, bundle: Path) -> str:
    sv.open_bundle(bundle)
    qtbot.waitUntil(lambda: bool(sv.verdict.text()), timeout=30_000)
    return sv.details.toPlainText()


def _bundle(tmp_path: Path) -> tuple[World, Path, str]:
    """A field laptop's bundle, its device fingerprint, and both vaults locked."""
    world = make_world(tmp_path)
    bundle = world.export(populate(world.field, "NK-2026-971")).path
    fingerprint = world.field.device().fingerprint
    world.field.lock()
    world.sup.lock()
    return world, bundle, fingerprint


def test_a_pinned_bundle_is_reported_in_the_windows_words(qtbot, tmp_path) -> None:
    world, bundle, fingerprint = _bundle(tmp_path)
    sv = _supervisor(qtbot, tmp_path, world.sup.path, world.key_file)
    text = _open(qtbot, sv, bundle)
    assert sv.verdict.text().startswith("Verified"), sv.verdict.text()
    lines = text.splitlines()
    assert f"  fingerprint {fingerprint}: pinned in this vault" in lines
    assert "Chain: first bundle from this device" in lines
    assert "Interviews: NK-2026-971" in lines
    assert f"Files ({len(sv.report.files)}), each SHA-256 verified:" in lines
    assert all(f"  {f.sha256}  {f.size:>12}  {f.name}" in lines for f in sv.report.files)
    assert not FLAG.search(text), text


def test_an_unpinned_bundle_names_no_flag_and_reads_in_korean(qtbot, tmp_path, korean) -> None:
    world, bundle, fingerprint = _bundle(tmp_path)
    other = new_vault(tmp_path / "other")  # a supervisor vault that never pinned the laptop
    other.lock()
    sv = _supervisor(qtbot, tmp_path, tmp_path / "other", world.key_file)
    text = _open(qtbot, sv, bundle)
    assert not sv.import_button.isEnabled()
    lines = text.splitlines()
    hidden = masked(fingerprint)  # the last group must come from the interviewer
    assert any(line.startswith(f"  지문 {hidden}: 이 보관함으로 출처를 확인하지 않았음")
               for line in lines), text
    assert "연결: 확인하지 않음" in lines
    assert "인터뷰: NK-2026-971" in lines
    assert not FLAG.search(text) and "ORIGIN NOT CHECKED" not in text, text
