"""``testimony self-test``: the runner's guarantees and the CLI's options.

The full self-test run from source is in test_packaging_spec.py (it also records the files
the app opens); the frozen one in test_packaging_build.py.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from cli import main, selftest


def _boom(ctx: selftest.SelfTestContext) -> str:
    raise RuntimeError("deliberate failure")


def _uses_vault(ctx: selftest.SelfTestContext) -> str:
    return f"vault {ctx.vault.vault_id}"


def test_cli_self_test_unknown_check_is_a_usage_error(cli) -> None:
    result = cli("self-test", "--check", "nonsense")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "no self-test check named 'nonsense'" in result.stderr
    assert "vault" in result.stderr  # it lists the real names


def test_cli_self_test_lists_checks(cli) -> None:
    result = cli("self-test", "--list")
    assert result.returncode == 0
    assert result.stdout.split() == selftest.check_names()


def test_failing_check_fails_the_run_but_the_others_still_run(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(selftest, "CHECKS", [
        selftest.Check("first", lambda ctx: "fine"),
        selftest.Check("broken", _boom),
        selftest.Check("last", lambda ctx: "also fine"),
    ])
    assert main(["self-test"]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        "PASS first: fine",
        "FAIL broken: RuntimeError: deliberate failure",
        "PASS last: also fine",
    ]
    assert "1 of 3 checks: broken" in err


def test_selected_checks_run_alone_and_create_what_they_need(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["self-test", "--check", "blob", "--check", "audit"]) == 0
    out, _ = capsys.readouterr()
    # Standard order, whatever the order asked.
    assert [line.split(":")[0] for line in out.splitlines()[:-1]] == ["PASS audit", "PASS blob"]


def test_temporary_folder_is_removed_even_when_checks_fail(tmp_path: Path) -> None:
    seen: list[Path] = []

    def remember(ctx: selftest.SelfTestContext) -> str:
        seen.append(ctx.folder)
        ctx.vault  # noqa: B018 - creates the throw-away vault inside the folder
        raise selftest.SelfTestFailure("stop here")

    results = selftest.run_checks([selftest.Check("remember", remember)], temp_parent=tmp_path)
    assert [r.ok for r in results] == [False]
    assert results[0].line() == "FAIL remember: stop here"
    assert seen and seen[0].parent == tmp_path
    assert list(tmp_path.iterdir()) == []


def test_temporary_folder_is_removed_on_interrupt(tmp_path: Path) -> None:
    def interrupted(ctx: selftest.SelfTestContext) -> str:
        ctx.vault  # noqa: B018
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        selftest.run_checks([selftest.Check("interrupted", interrupted)], temp_parent=tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_throw_away_vault_uses_floor_kdf_not_weak_parameters(tmp_path: Path) -> None:
    from crypto.kdf import FLOOR_MEMORY_KIB, FLOOR_TIME_COST

    found: dict[str, int] = {}

    def inspect(ctx: selftest.SelfTestContext) -> str:
        kdf = ctx.vault.header.kdf
        found.update(memory=kdf.memory_kib, time=kdf.time_cost)
        return "ok"

    selftest.run_checks([selftest.Check("inspect", inspect)], temp_parent=tmp_path)
    assert found == {"memory": FLOOR_MEMORY_KIB, "time": FLOOR_TIME_COST}


def test_frozen_manifest_mismatch_fails_the_modules_check(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """In the frozen folder the discovered modules must equal what the build recorded."""
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    check = selftest.select_checks(["modules"])

    missing = selftest.run_checks(check, temp_parent=tmp_path)
    assert not missing[0].ok and "manifest" in missing[0].detail

    (bundle / selftest.BUILD_MANIFEST).write_text(json.dumps(
        {**selftest.build_manifest(), "commands": ["interview", "selftest", "vault", "extra"]}))
    wrong = selftest.run_checks(check, temp_parent=tmp_path)
    assert not wrong[0].ok and "build recorded" in wrong[0].detail

    (bundle / selftest.BUILD_MANIFEST).write_text(json.dumps(selftest.build_manifest()))
    right = selftest.run_checks(check, temp_parent=tmp_path)
    assert right[0].ok, right[0].detail
    assert "matches its manifest" in right[0].detail


def test_marker_scan_finds_utf8_and_utf16_leaks(tmp_path: Path) -> None:
    """The forensic check can fail: it finds a marker however it was written."""
    marker = "selftest-marker-abc"
    (tmp_path / "sub").mkdir()
    (tmp_path / "clean.bin").write_bytes(b"nothing here" * 100)
    (tmp_path / "sub" / "cache.txt").write_bytes(b"x" + marker.encode("utf-16-le") + b"y")
    (tmp_path / "log.txt").write_text(f"... {marker} ...", "utf-8")
    assert [p.name for p in selftest.files_containing(tmp_path, marker)] == ["log.txt",
                                                                              "cache.txt"]


def test_real_app_state_is_neither_read_nor_changed(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from app.paths import state_dir

    real = tmp_path / "real-state"
    monkeypatch.setenv("TESTIMONY_STATE_DIR", str(real))
    seen: list[Path] = []

    def where(ctx: selftest.SelfTestContext) -> str:
        seen.append(state_dir())
        return "ok"

    (tmp_path / "tmp").mkdir()
    results = selftest.run_checks([selftest.Check("where", where), *selftest.select_checks(["vault"])],
                                  temp_parent=tmp_path / "tmp")
    assert all(r.ok for r in results), results
    assert seen and seen[0].parent.parent == tmp_path / "tmp"
    assert not real.exists()  # nothing was written there
    assert os.environ["TESTIMONY_STATE_DIR"] == str(real)  # and the setting is restored
