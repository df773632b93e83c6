"""Supervisor keys kept inside the supervisor's vault, through the real ``testimony`` command:
made without a key file, used by import and verify without --identity, a key file still
accepted and importable into the vault, and import results told in words."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crypto.kdf import floor_params
from storage.vault import Vault
from tests.cli_runner import Cli
from tests.common import PASSPHRASE


@pytest.fixture
def sup_cli(tmp_path: Path, cli: Cli) -> Cli:
    v, _ = Vault.create(tmp_path / "sup-vault", PASSPHRASE, kdf=floor_params())
    v.lock()
    return Cli(tmp_path / "sup-vault", cli.passphrase_file, cli.env)


def _ok(result) -> str:
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_vault_held_supervisor_key_end_to_end(tmp_path: Path, cli: Cli, sup_cli: Cli) -> None:
    # no key yet: one sentence, exit 2, nothing changed
    missing = sup_cli("keys", "supervisor-pub")
    assert missing.returncode == 2 and "holds no supervisor key" in missing.stderr
    pub_text = _ok(sup_cli("keys", "supervisor-new", "--label", "Seoul"))
    assert "age-recipient: age1" in pub_text
    assert list(tmp_path.glob("*.key")) == []  # no secret key file anywhere
    assert _ok(sup_cli("keys", "supervisor-pub")) == pub_text
    fingerprint = pub_text.split("fingerprint: ")[1].strip()
    assert f"Supervisor key kept in this vault: {fingerprint}" in _ok(sup_cli("keys", "list"))
    listed = json.loads(_ok(sup_cli("keys", "list", "--json")))
    assert [(k["label"], k["fingerprint"]) for k in listed["own_supervisor_keys"]] == [
        ("Seoul", fingerprint)]
    assert "AGE-SECRET" not in json.dumps(listed)

    (tmp_path / "sup.pub").write_text(pub_text)
    _ok(cli("keys", "trust-supervisor", str(tmp_path / "sup.pub")))
    (tmp_path / "device.txt").write_text(_ok(cli("device", "show")))
    _ok(sup_cli("keys", "trust-device", str(tmp_path / "device.txt")))
    _ok(cli("interview", "add", "--code", "NK-2026-014", "--consent", "archive"))
    bundle = tmp_path / "b.bundle"
    _ok(cli("export", "--out", str(bundle), "--recipient", str(tmp_path / "sup.pub")))

    # verify and import decrypt with the key kept in the vault: no --identity
    verified = sup_cli("verify", str(bundle), "--vault", str(sup_cli.vault))
    assert verified.returncode == 0, verified.stderr
    assert "Result: VALID" in verified.stdout and "NK-2026-014" in verified.stdout
    imported = _ok(sup_cli("import", str(bundle)))
    assert "1 interview, 0 passages, 0 recordings" in imported, imported

    # The secret is in the (encrypted) vault only: not in any file of its folder in plaintext.
    secret_marker = b"AGE-SECRET-KEY-1"
    for p in sup_cli.vault.rglob("*"):
        if p.is_file():
            assert secret_marker not in p.read_bytes(), p


def test_key_files_still_accepted_and_importable(tmp_path: Path, cli: Cli,
                                                 sup_cli: Cli) -> None:
    key = tmp_path / "supervisor.key"
    pub_text = _ok(sup_cli("keys", "supervisor-new", "--out", str(key)))
    # a file key leaves the vault without a key: import says what to do
    no_key = sup_cli("import", str(tmp_path / "missing.bundle"))
    assert no_key.returncode == 2 and "--identity" in no_key.stderr
    moved = _ok(sup_cli("keys", "supervisor-import", str(key), "--label", "moved"))
    assert pub_text.split("fingerprint: ")[1].strip() in moved
    again = sup_cli("keys", "supervisor-import", str(key))
    assert again.returncode == 2 and "already holds" in again.stderr
    assert _ok(sup_cli("keys", "supervisor-pub")).split("fingerprint: ")[1] == \
        pub_text.split("fingerprint: ")[1]
    # a second key: the CLI no longer guesses which one to use
    _ok(sup_cli("keys", "supervisor-new"))
    several = sup_cli("import", str(tmp_path / "missing.bundle"))
    assert several.returncode == 2 and "several supervisor keys" in several.stderr
    # the file still works with --identity
    (tmp_path / "sup.pub").write_text(pub_text)
    _ok(cli("keys", "trust-supervisor", str(tmp_path / "sup.pub")))
    _ok(cli("interview", "add", "--code", "NK-2026-015", "--consent", "archive"))
    bundle = tmp_path / "c.bundle"
    _ok(cli("export", "--out", str(bundle), "--recipient", str(tmp_path / "sup.pub")))
    (tmp_path / "device.txt").write_text(_ok(cli("device", "show")))
    _ok(sup_cli("keys", "trust-device", str(tmp_path / "device.txt")))
    assert "1 interview" in _ok(sup_cli("import", str(bundle), "--identity", str(key)))
