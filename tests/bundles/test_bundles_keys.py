"""Supervisor key files, public key texts, pinning, and fingerprints people can read aloud."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from app.bundles import keys
from app.errors import UsageError
from cli.vault_cmds import device_public_text
from storage.vault import Vault


def test_supervisor_key_file_is_a_stock_age_identity(tmp_path: Path) -> None:
    text, identity = keys.new_supervisor_key()
    lines = [ln for ln in text.splitlines() if not ln.startswith("#")]
    assert lines == [identity.age_identity] and lines[0].startswith("AGE-SECRET-KEY-1")
    path = tmp_path / "sup.key"
    path.write_text(text)
    loaded = keys.load_identity(path)
    assert loaded.public == identity.public and loaded.signing_private == identity.signing_private
    if shutil.which("age") is None:
        pytest.skip("age (Debian package) not installed")
    enc = subprocess.run(["age", "-r", identity.public.age_recipient], input=b"hello",
                         capture_output=True, check=True).stdout
    dec = subprocess.run(["age", "-d", "-i", str(path)], input=enc, capture_output=True,
                         check=True).stdout
    assert dec == b"hello"


def test_public_texts_round_trip_and_refuse_alterations() -> None:
    _, identity = keys.new_supervisor_key()
    text = identity.public.text("Seoul office")
    assert keys.parse_supervisor_public(text) == identity.public
    assert re.fullmatch(r"([A-Z2-7]{4} ){7}[A-Z2-7]{4}", identity.public.fingerprint)
    other = keys.new_supervisor_key()[1].public
    swapped = text.replace(identity.public.age_recipient, other.age_recipient)
    with pytest.raises(UsageError, match="fingerprint does not match"):
        keys.parse_supervisor_public(swapped)
    for bad in ("", "hello", text.replace("ed25519: ", "ed25519: AAAA"),
                text + "age-recipient: x\n"):
        with pytest.raises(UsageError):
            keys.parse_supervisor_public(bad)


def test_device_show_output_is_accepted_by_trust_device(vault: Vault) -> None:
    text = device_public_text(vault)
    dev = keys.parse_device_public(text)
    assert dev.device_id == vault.device().id and dev.public_key == vault.device().public_key
    assert "minisign: RW" in text
    other = keys.new_supervisor_key()[1].public.signing_key
    from crypto import minisign

    tampered = re.sub(r"minisign: \S+", "minisign: " + minisign.public_key_line(other), text)
    with pytest.raises(UsageError, match="minisign line does not match"):
        keys.parse_device_public(tampered)
    legacy = "\n".join(ln for ln in text.splitlines() if not ln.startswith("minisign:"))
    assert keys.parse_device_public(legacy) == dev


def test_pinning_is_idempotent_and_refuses_a_changed_key(vault: Vault) -> None:
    _, identity = keys.new_supervisor_key()
    assert keys.trust_supervisor(vault, identity.public, role="interviewer")
    assert not keys.trust_supervisor(vault, identity.public, role="interviewer")
    dev = keys.DevicePublic("0" * 8 + "-0000-0000-0000-" + "0" * 12, b"\x01" * 32)
    assert keys.trust_device(vault, dev, role="supervisor")
    with pytest.raises(UsageError, match="different key"):
        keys.trust_device(vault, keys.DevicePublic(dev.device_id, b"\x02" * 32),
                          role="supervisor")
    listed = keys.list_keys(vault)
    assert [s["fingerprint"] for s in listed["supervisors"]] == [identity.public.fingerprint]
    assert [d["device_id"] for d in listed["devices"]] == [dev.device_id]
    actions = [r[0] for r in vault.conn.execute("SELECT action FROM audit_log")]
    assert actions.count("pin") == 2
