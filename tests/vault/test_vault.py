"""The vault: key hierarchy, wrong passphrase, tampering, passphrase change, recovery, erase,
failed-attempt counting and schema migrations from a v1 vault."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest
import sqlcipher3

from app import interviews
from app.unlock import delay_for, read_attempts, unlock
from crypto.kdf import KdfParams, weak_test_params
from storage import audit
from storage.db import PLAINTEXT_MAGIC, connect
from storage.errors import (
    VaultCorrupt,
    VaultExists,
    VaultLocked,
    VaultNotFound,
    WeakKdf,
    WrongPassphrase,
)
from storage.header import HEADER_NAME, read_header
from storage.migrations import LATEST_VERSION, current_version
from storage.vault import Vault, crypto_erase
from tests import bundle_helpers
from tests.common import PASSPHRASE, snapshot

FIXTURES = Path(__file__).parents[1] / "fixtures"


def create(tmp_path: Path) -> Vault:
    v, _ = Vault.create(tmp_path / "v", PASSPHRASE, kdf=weak_test_params(), allow_weak_kdf=True)
    return v


def make(tmp_path: Path) -> Vault:
    """A new vault at ``tmp_path / "v"`` for the tests of what follows creation: a copy of one
    created once per process (tests/bundle_helpers.py), distinct from the test's other vaults.
    The tests of creation itself call ``create``."""
    return bundle_helpers.new_vault(tmp_path / "v")


def test_create_open_round_trip(tmp_path: Path) -> None:
    v = create(tmp_path)
    iid = interviews.add_interview(v, code="NK-2026-113", role="interviewer", notes="n")
    v.lock()
    assert v.is_locked
    v2 = Vault.open(tmp_path / "v", PASSPHRASE, allow_weak_kdf=True)
    assert interviews.get_interview(v2, iid).code == "NK-2026-113"
    assert current_version(v2.conn) == LATEST_VERSION
    v2.lock()


def test_database_file_is_encrypted_and_unreadable_without_key(tmp_path: Path) -> None:
    v = make(tmp_path)
    interviews.add_interview(v, code="NK-2026-113", role="interviewer")
    v.lock()
    db = tmp_path / "v" / "vault.db"
    assert not db.read_bytes().startswith(PLAINTEXT_MAGIC)
    import sqlite3

    plain = sqlite3.connect(db)
    with pytest.raises(sqlite3.DatabaseError):
        plain.execute("SELECT * FROM sqlite_master").fetchall()
    plain.close()


def test_file_opened_with_wrong_key_is_refused_before_any_write(tmp_path: Path) -> None:
    v = make(tmp_path)
    v.lock()
    before = snapshot(tmp_path / "v")
    with pytest.raises(WrongPassphrase):
        connect(tmp_path / "v" / "vault.db", os.urandom(32))
    assert snapshot(tmp_path / "v") == before


def test_plaintext_database_in_place_of_vault_is_refused(tmp_path: Path) -> None:
    v = make(tmp_path)
    v.lock()
    db = tmp_path / "v" / "vault.db"
    db.unlink()
    import sqlite3

    c = sqlite3.connect(db)
    c.execute("CREATE TABLE meta(key, value)")
    c.commit()
    c.close()
    before = db.read_bytes()
    with pytest.raises(VaultCorrupt, match="not encrypted"):
        Vault.open(tmp_path / "v", PASSPHRASE, allow_weak_kdf=True)
    assert db.read_bytes() == before


def test_wrong_passphrase_leaves_vault_byte_identical(tmp_path: Path) -> None:
    v = make(tmp_path)
    interviews.add_interview(v, code="NK-2026-113", role="interviewer")
    v.lock()
    before = snapshot(tmp_path / "v")
    with pytest.raises(WrongPassphrase, match="passphrase is wrong"):
        Vault.open(tmp_path / "v", b"not the passphrase", allow_weak_kdf=True)
    assert snapshot(tmp_path / "v") == before


@pytest.mark.parametrize("field", ["vault_id", "salt", "time_cost", "nonce", "ciphertext"])
def test_edited_header_is_refused(tmp_path: Path, field: str) -> None:
    v = make(tmp_path)
    v.lock()
    path = tmp_path / "v" / HEADER_NAME
    doc = json.loads(path.read_text())
    if field == "vault_id":
        doc["vault_id"] = "00000000-0000-4000-8000-000000000000"
    elif field == "salt":
        doc["kdf"]["salt"] = "AAAAAAAAAAAAAAAAAAAAAA=="
    elif field == "time_cost":
        doc["kdf"]["time_cost"] += 1
    else:
        raw = bytearray(__import__("base64").b64decode(doc["wraps"]["passphrase"][field]))
        raw[0] ^= 0x01
        doc["wraps"]["passphrase"][field] = __import__("base64").b64encode(raw).decode()
    path.write_text(json.dumps(doc))
    before = snapshot(tmp_path / "v")
    with pytest.raises(WrongPassphrase):
        Vault.open(tmp_path / "v", PASSPHRASE, allow_weak_kdf=True)
    assert snapshot(tmp_path / "v") == before


def test_garbled_header_is_reported_as_damaged(tmp_path: Path) -> None:
    v = make(tmp_path)
    v.lock()
    (tmp_path / "v" / HEADER_NAME).write_bytes(b"{not json")
    with pytest.raises(VaultCorrupt, match="header is damaged"):
        Vault.open(tmp_path / "v", PASSPHRASE, allow_weak_kdf=True)


def test_weak_kdf_in_header_refused_outside_test_path(tmp_path: Path) -> None:
    v = make(tmp_path)
    v.lock()
    before = snapshot(tmp_path / "v")
    with pytest.raises(WeakKdf):
        Vault.open(tmp_path / "v", PASSPHRASE)
    assert snapshot(tmp_path / "v") == before


def test_weak_kdf_refused_at_creation_without_test_flag(tmp_path: Path) -> None:
    with pytest.raises(WeakKdf):
        Vault.create(tmp_path / "v", PASSPHRASE, kdf=weak_test_params())
    assert not (tmp_path / "v" / HEADER_NAME).exists()


def test_flipped_byte_in_database_is_corruption_not_crash(tmp_path: Path) -> None:
    v = make(tmp_path)
    for i in range(30):
        interviews.add_interview(v, code=f"NK-2026-{i + 1:03d}", role="interviewer", notes="x" * 500)
    v.lock()
    db = tmp_path / "v" / "vault.db"
    data = bytearray(db.read_bytes())
    data[4096 * 2 + 100] ^= 0x40  # inside the third page
    db.write_bytes(bytes(data))
    with pytest.raises((VaultCorrupt, sqlcipher3.DatabaseError)):
        v2 = Vault.open(tmp_path / "v", PASSPHRASE, allow_weak_kdf=True)
        try:
            assert v2.integrity_check() == []
            interviews.list_interviews(v2)
        finally:
            v2.lock()


def test_passphrase_change_rewraps_only(tmp_path: Path) -> None:
    v = make(tmp_path)
    interviews.add_interview(v, code="NK-2026-113", role="interviewer")
    v.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db = tmp_path / "v" / "vault.db"
    db_before = (hashlib.sha256(db.read_bytes()).hexdigest(), db.stat().st_mtime_ns)
    v.change_passphrase(b"a new passphrase", kdf=weak_test_params(), allow_weak_kdf=True)
    assert (hashlib.sha256(db.read_bytes()).hexdigest(), db.stat().st_mtime_ns) == db_before
    v.lock()
    with pytest.raises(WrongPassphrase):
        Vault.open(tmp_path / "v", PASSPHRASE, allow_weak_kdf=True)
    v2 = Vault.open(tmp_path / "v", b"a new passphrase", allow_weak_kdf=True)
    assert [i.code for i in interviews.list_interviews(v2)] == ["NK-2026-113"]
    assert audit.entries(v2.conn)[-1].action == "change-passphrase"
    v2.lock()


def test_recovery_code_unlocks_and_survives_passphrase_change(tmp_path: Path) -> None:
    v, code = Vault.create(tmp_path / "v", PASSPHRASE, kdf=weak_test_params(),
                           allow_weak_kdf=True, with_recovery=True)
    assert code is not None
    v.change_passphrase(b"another passphrase", kdf=weak_test_params(), allow_weak_kdf=True)
    v.lock()
    v2 = Vault.open_with_recovery(tmp_path / "v", code)
    v2.change_passphrase(b"third passphrase", kdf=weak_test_params(), allow_weak_kdf=True)
    v2.lock()
    Vault.open(tmp_path / "v", b"third passphrase", allow_weak_kdf=True).lock()
    with pytest.raises(WrongPassphrase):
        Vault.open_with_recovery(tmp_path / "v", code[:-4] + "AAAA")


def test_vault_without_recovery_refuses_recovery_code(tmp_path: Path) -> None:
    make(tmp_path).lock()
    with pytest.raises(WrongPassphrase, match="no recovery key"):
        Vault.open_with_recovery(tmp_path / "v", "AAAA-AAAA")


def test_create_refuses_existing_vault_or_nonempty_folder(tmp_path: Path) -> None:
    create(tmp_path).lock()
    with pytest.raises(VaultExists):
        create(tmp_path)
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "file.txt").write_text("x")
    with pytest.raises(VaultExists):
        Vault.create(tmp_path / "other", PASSPHRASE, kdf=weak_test_params(), allow_weak_kdf=True)


def test_missing_vault(tmp_path: Path) -> None:
    with pytest.raises(VaultNotFound, match="No vault was found"):
        Vault.open(tmp_path / "nothing", PASSPHRASE)


def test_crypto_erase_destroys_everything(tmp_path: Path) -> None:
    v = make(tmp_path)
    v.lock()
    crypto_erase(tmp_path / "v")
    assert not (tmp_path / "v").exists()
    with pytest.raises(VaultNotFound):
        crypto_erase(tmp_path / "v")


def test_failed_attempts_are_counted_outside_vault_and_reported_at_next_unlock(
        tmp_path: Path) -> None:
    v = make(tmp_path)
    vault_id = v.vault_id
    v.lock()
    state = tmp_path / "state"
    before = snapshot(tmp_path / "v")
    slept: list[float] = []
    for _ in range(3):
        with pytest.raises(WrongPassphrase):
            unlock(tmp_path / "v", b"guess", state_dir=state, sleep=slept.append,
                   allow_weak_kdf=True)
    assert snapshot(tmp_path / "v") == before
    assert read_attempts(state, vault_id).count == 3
    assert slept == [delay_for(2)] and delay_for(2) > 0  # the third guess had to wait
    result = unlock(tmp_path / "v", PASSPHRASE, state_dir=state, sleep=slept.append,
                    allow_weak_kdf=True)
    assert result.failed_attempts.count == 3
    assert result.failed_attempts.message().startswith("3 failed unlock attempts since ")
    last = audit.entries(result.vault.conn)[-1]
    assert last.action == "failed-unlock-attempts" and last.details["count"] == 3
    assert read_attempts(state, vault_id).count == 0
    result.vault.lock()


def test_delay_grows_and_is_capped() -> None:
    delays = [delay_for(n) for n in range(12)]
    assert delays[:2] == [0.0, 0.0]
    assert all(a <= b for a, b in zip(delays, delays[1:], strict=False))
    assert delays[-1] == 60.0


def test_v1_fixture_vault_upgrades(tmp_path: Path) -> None:
    """A vault written by schema version 1 opens, migrates in place and keeps its records."""
    shutil.copytree(FIXTURES / "vault-v1", tmp_path / "old")
    header = read_header(tmp_path / "old")
    assert isinstance(header.kdf, KdfParams)
    raw = connect(tmp_path / "old" / "vault.db", _fixture_key(tmp_path / "old"))
    assert current_version(raw) == 1
    raw.close()
    v = Vault.open(tmp_path / "old", b"fixture passphrase v1", allow_weak_kdf=True)
    assert current_version(v.conn) == LATEST_VERSION
    item = interviews.get_interview(v, "NK-FIX-001")
    assert item.consent.scopes == ["archive", "un"]
    row = v.conn.execute("SELECT text, layer, review_status FROM segment").fetchone()
    assert row == ("요덕수용소에서 일했습니다", "original", "draft")
    assert audit.verify(v.conn) == 2
    names = [r[0] for r in v.conn.execute("SELECT name FROM schema_migrations ORDER BY version")]
    assert names[0] == "initial" and len(names) == len(set(names)) >= 2
    v.lock()


def _fixture_key(path: Path) -> bytes:
    from crypto.kdf import derive_key
    from crypto.wrap import unwrap_key

    h = read_header(path)
    kek = derive_key(b"fixture passphrase v1", h.kdf, allow_weak=True)
    return unwrap_key(kek, h.passphrase_wrap, h.passphrase_aad())


def test_failed_migration_leaves_previous_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from storage import migrations as mig

    shutil.copytree(FIXTURES / "vault-v1", tmp_path / "old")

    def boom(conn: object) -> None:
        conn.execute("CREATE TABLE half_done(x)")  # type: ignore[attr-defined]
        raise RuntimeError("migration failed")

    broken = [m if m.version != 2 else mig.Migration(2, m.name, boom) for m in mig.MIGRATIONS]
    monkeypatch.setattr(mig, "MIGRATIONS", broken)
    with pytest.raises(RuntimeError):
        Vault.open(tmp_path / "old", b"fixture passphrase v1", allow_weak_kdf=True)
    raw = connect(tmp_path / "old" / "vault.db", _fixture_key(tmp_path / "old"))
    assert current_version(raw) == 1
    assert raw.execute("SELECT name FROM sqlite_master WHERE name = 'half_done'").fetchone() is None
    raw.close()


def test_attach_is_denied(vault: Vault, tmp_path: Path) -> None:
    with pytest.raises(sqlcipher3.DatabaseError):
        vault.conn.execute(f"ATTACH DATABASE '{tmp_path / 'plain.db'}' AS plain KEY ''")
    assert not (tmp_path / "plain.db").exists()


def test_settings_pragmas(vault: Vault) -> None:
    conn = vault.conn
    assert conn.execute("PRAGMA cipher_version").fetchone()[0]
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
    assert conn.execute("PRAGMA temp_store").fetchone()[0] == 2  # MEMORY
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    # SQLCipher 4 defaults: per-page HMAC-SHA512, 4 KiB pages, no plaintext header.
    assert conn.execute("PRAGMA cipher_hmac_algorithm").fetchone()[0] == "HMAC_SHA512"
    assert conn.execute("PRAGMA cipher_use_hmac").fetchone()[0] == "1"
    assert conn.execute("PRAGMA cipher_plaintext_header_size").fetchone()[0] == "0"
    assert conn.execute("PRAGMA cipher_memory_security").fetchone()[0] == "1"


def test_readonly_open_writes_nothing_and_sees_a_live_writers_data(tmp_path: Path) -> None:
    v = make(tmp_path)
    interviews.add_interview(v, code="RO-2026-001", role="interviewer")
    v.lock()
    before = snapshot(tmp_path / "v")
    ro = Vault.open(tmp_path / "v", PASSPHRASE, allow_weak_kdf=True, readonly=True)
    assert [i.code for i in interviews.list_interviews(ro)] == ["RO-2026-001"]
    with pytest.raises(sqlcipher3.OperationalError):
        ro.conn.execute("DELETE FROM interview")
    ro.lock()
    assert snapshot(tmp_path / "v") == before  # no -wal/-shm left behind, nothing touched

    # With the vault open for writing elsewhere (a live -wal file), reads go through the WAL.
    writer = Vault.open(tmp_path / "v", PASSPHRASE, allow_weak_kdf=True)
    writer.conn.execute("PRAGMA wal_autocheckpoint = 0")
    interviews.add_interview(writer, code="RO-2026-002", role="interviewer")
    ro = Vault.open(tmp_path / "v", PASSPHRASE, allow_weak_kdf=True, readonly=True)
    assert sorted(i.code for i in interviews.list_interviews(ro)) == ["RO-2026-001", "RO-2026-002"]
    ro.lock()
    writer.lock()


def test_readonly_open_refuses_a_vault_that_needs_a_migration(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "vault-v1", tmp_path / "old")
    before = snapshot(tmp_path / "old")
    with pytest.raises(VaultLocked, match="must be upgraded"):
        Vault.open(tmp_path / "old", b"fixture passphrase v1", allow_weak_kdf=True,
                   readonly=True)
    assert snapshot(tmp_path / "old") == before
