"""The command line's contract for vault and interview commands: output, exit codes, errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app import interviews
from app.audio import assets as audio
from app.unlock import read_attempts
from crypto.kdf import floor_params
from storage import audit
from storage.vault import Vault
from tests.audio_helpers import leave_interrupted_recording
from tests.cli_runner import Cli, run_cli
from tests.common import PASSPHRASE, ROOT, snapshot


def test_interview_add_list_show_json(cli: Cli) -> None:
    res = cli("interview", "add", "--code", "NK-2026-001", "--language", "ko",
              "--consent", "archive", "--consent", "un", "--notes", "first")
    assert res.returncode == 0, res.stderr
    iid = res.stdout.strip()
    assert len(iid) == 36
    listed = json.loads(cli("interview", "list", "--json", check=True).stdout)
    assert [i["id"] for i in listed] == [iid]
    shown = json.loads(cli("interview", "show", "NK-2026-001", "--json", check=True).stdout)
    assert shown["consent"]["scopes"] == ["archive", "un"]
    assert shown["languages"] == ["ko"] and shown["created_by"] == "interviewer"
    assert cli("interview", "withdraw", iid, check=True).returncode == 0
    shown = json.loads(cli("interview", "show", iid, "--json", check=True).stdout)
    assert shown["consent"]["withdrawn_at"]


def test_wrong_passphrase_exit_3_one_sentence_no_traceback(cli: Cli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("wrong passphrase\n")
    before = snapshot(cli.vault)
    res = cli("interview", "list", passphrase_file=bad)
    assert res.returncode == 3
    assert snapshot(cli.vault) == before  # bytes and mtimes of every file in the folder
    assert "passphrase is wrong" in res.stderr
    assert "Traceback" not in res.stderr and len(res.stderr.strip().splitlines()) == 1
    # The next successful unlock reports the failed attempt.
    ok = cli("interview", "list")
    assert ok.returncode == 0 and "1 failed unlock attempt since" in ok.stderr


def test_usage_errors_exit_2(cli: Cli) -> None:
    assert cli("interview", "add").returncode == 2
    assert cli("no-such-command").returncode == 2
    res = cli("interview", "add", "--code", "NK-2026-212", "--consent", "everything")
    assert res.returncode == 2


def test_unknown_interview_is_one_sentence(cli: Cli) -> None:
    res = cli("interview", "show", "nope")
    assert res.returncode == 1
    assert res.stderr.startswith("testimony: No interview nope") and "Traceback" not in res.stderr
    dbg = cli("--debug", "interview", "show", "nope")
    assert "Traceback" in dbg.stderr


def test_integrity_failures_exit_4(cli: Cli) -> None:
    cli("interview", "add", "--code", "NK-2026-113", check=True)
    v = Vault.open(cli.vault, PASSPHRASE)
    with v.transaction() as conn:
        conn.execute("UPDATE audit_log SET role = 'supervisor' WHERE seq = 2")
    v.lock()
    res = cli("audit", "verify")
    assert res.returncode == 4 and "changed after it was written" in res.stderr


def test_flipped_database_byte_exit_4(cli: Cli) -> None:
    for i in range(3):
        cli("interview", "add", "--code", f"NK-2026-{i + 1:03d}", "--notes", "x" * 3000, check=True)
    v = Vault.open(cli.vault, PASSPHRASE)
    v.lock()  # checkpoint the WAL into the main file
    db = cli.vault / "vault.db"
    data = bytearray(db.read_bytes())
    data[len(data) // 2] ^= 0x10
    db.write_bytes(bytes(data))
    res = cli("check")
    assert res.returncode == 4, (res.returncode, res.stderr)
    assert "damaged" in res.stderr and "Traceback" not in res.stderr
    # Reading may or may not touch the damaged page, but it never crashes.
    res = cli("interview", "list")
    assert res.returncode in (0, 4) and "Traceback" not in res.stderr


def test_audit_verify_ok_and_device_show(cli: Cli) -> None:
    cli("interview", "add", "--code", "NK-2026-113", check=True)
    res = cli("audit", "verify", check=True)
    assert "Audit log intact: 2 entries" in res.stdout
    dev = cli("device", "show", check=True).stdout
    assert dev.startswith("testimony-device-key-v1\n") and "fingerprint:" in dev


def test_passwd_then_old_fails_new_works(cli: Cli, tmp_path: Path) -> None:
    new = tmp_path / "new.txt"
    new.write_text("a brand new passphrase\n")
    res = cli("passwd", "--new-passphrase-file", str(new))
    assert res.returncode == 0, res.stderr
    assert cli("interview", "list").returncode == 3
    assert cli("interview", "list", passphrase_file=new).returncode == 0


def test_passwd_with_recovery_code_takes_the_unlock_path(tmp_path: Path,
                                                         cli_env: dict[str, str]) -> None:
    """A recovery-code unlock is an unlock like any other: a wrong code is counted as a failed
    attempt, earlier failures reach the audit log and a recording a crash cut off is settled."""
    path = tmp_path / "recovery-vault"
    vault, code = Vault.create(path, PASSPHRASE, kdf=floor_params(), with_recovery=True)
    assert code is not None
    iid = interviews.add_interview(vault, code="NK-2026-159", role="interviewer")
    asset_id = leave_interrupted_recording(vault, iid)
    vault_id = vault.vault_id
    vault.lock()
    pw = tmp_path / "pw.txt"
    pw.write_bytes(PASSPHRASE + b"\n")
    cli = Cli(path, pw, cli_env)
    state = Path(cli_env["TESTIMONY_STATE_DIR"])
    new = tmp_path / "new.txt"
    new.write_text("a brand new passphrase\n")
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("AAAA-BBBB-CCCC\n")
    res = cli("passwd", "--recovery-code-file", str(wrong), "--new-passphrase-file", str(new))
    assert res.returncode == 3 and "recovery code" in res.stderr
    assert read_attempts(state, vault_id).count == 1
    right = tmp_path / "code.txt"
    right.write_text(code + "\n")
    res = cli("passwd", "--recovery-code-file", str(right), "--new-passphrase-file", str(new))
    assert res.returncode == 0, res.stderr
    assert "1 failed unlock attempt since" in res.stderr
    assert read_attempts(state, vault_id).count == 0
    with Vault.open(path, b"a brand new passphrase") as reopened:
        assert audio.get_asset(reopened, iid, asset_id).state == "interrupted"
        (entry,) = [e for e in audit.entries(reopened.conn)
                    if e.action == "failed-unlock-attempts"]
        assert entry.details["count"] == 1


def test_vault_and_passphrase_from_environment(cli: Cli) -> None:
    env = {**cli.env, "TESTIMONY_VAULT": str(cli.vault),
           "TESTIMONY_PASSPHRASE": PASSPHRASE.decode()}
    res = subprocess.run([sys.executable, "-m", "cli", "interview", "add", "--code", "ENV-2026-109"],
                         capture_output=True, text=True, env=env, cwd=ROOT, check=False)
    assert res.returncode == 0, res.stderr
    assert len(res.stdout.strip()) == 36


def test_no_passphrase_and_no_terminal_is_exit_3(cli: Cli) -> None:
    res = run_cli(["--vault", str(cli.vault), "interview", "list"], cli.env)
    assert res.returncode == 3 and "--passphrase-file" in res.stderr


@pytest.mark.slow
def test_init_with_recovery_key_then_erase(tmp_path: Path, cli_env: dict[str, str]) -> None:
    """The real init path: calibrated Argon2id (no test shortcuts), recovery code shown once."""
    pw = tmp_path / "pw.txt"
    pw.write_text("init passphrase for test\n")
    target = tmp_path / "fresh"
    base = ["--vault", str(target), "--passphrase-file", str(pw)]
    res = run_cli([*base, "init", "--recovery-key"], cli_env)
    assert res.returncode == 0, res.stderr
    code_line = [ln for ln in res.stdout.splitlines() if ln.startswith("  ")][0].strip()
    header = json.loads((target / "vault.header").read_text())
    assert header["kdf"]["memory_kib"] >= 256 * 1024 and header["kdf"]["time_cost"] >= 3
    assert "recovery" in header["wraps"]
    again = run_cli([*base, "init"], cli_env)
    assert again.returncode == 1 and "already a vault" in again.stderr
    rc = tmp_path / "code.txt"
    rc.write_text(code_line + "\n")
    new = tmp_path / "new.txt"
    new.write_text("replaced via recovery\n")
    res = run_cli([*base, "passwd", "--recovery-code-file", str(rc),
                   "--new-passphrase-file", str(new)], cli_env)
    assert res.returncode == 0, res.stderr
    res = run_cli([*base, "erase"], cli_env)  # no terminal to confirm on
    assert res.returncode == 2 and target.exists()
    res = run_cli([*base, "erase", "--yes"], cli_env)
    assert res.returncode == 0 and not target.exists()


def test_help_lists_core_commands(cli_env: dict[str, str]) -> None:
    res = run_cli(["--help"], cli_env)
    assert res.returncode == 0
    for name in ("init", "passwd", "device", "audit", "interview", "erase"):
        assert name in res.stdout
    assert os.environ.get("TESTIMONY_VAULT") is None


def test_interview_delete_is_confirmed_and_audited(cli: Cli) -> None:
    iid = cli("interview", "add", "--code", "NK-2026-135", check=True).stdout.strip()
    res = cli("interview", "delete", iid)  # no terminal to confirm on
    assert res.returncode == 2 and "--yes" in res.stderr
    assert cli("interview", "delete", "NK-2026-135", "--yes", check=True).returncode == 0
    assert json.loads(cli("interview", "list", "--json", check=True).stdout) == []
    log = json.loads(cli("audit", "list", "--json", check=True).stdout)
    assert [e["action"] for e in log if e["object_id"] == iid] == ["create", "delete"]


def test_closed_pipe_ends_quietly(cli: Cli) -> None:
    """``testimony taxonomy show | head``: when the reader has gone away the command ends without
    an error sentence (as tools killed by SIGPIPE do), with the SIGPIPE status. The read end is
    closed before the command starts writing, so the closed pipe is certain, not a race."""
    cmd = [sys.executable, "-m", "cli", "--vault", str(cli.vault), "--passphrase-file",
           str(cli.passphrase_file), "taxonomy", "show"]
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        res = subprocess.run(cmd, stdout=write_end, stderr=subprocess.PIPE, env=cli.env, cwd=ROOT,
                             timeout=120)
    finally:
        os.close(write_end)
    assert res.stderr.decode() == ""
    assert res.returncode == 141
