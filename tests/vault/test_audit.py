"""The hash-chained audit log detects changed, removed, reordered and truncated entries."""

from __future__ import annotations

import pytest

from storage import audit
from storage.errors import AuditBroken
from storage.vault import Vault


def _fill(vault: Vault, n: int = 5) -> None:
    for i in range(n):
        with vault.transaction():
            vault.audit("edit", "interview", f"id-{i}", role="interviewer", details={"n": i})


def test_chain_verifies(vault: Vault) -> None:
    _fill(vault)
    assert audit.verify(vault.conn) == 6  # the vault's own "create" entry plus five


def test_append_outside_transaction_is_refused(vault: Vault) -> None:
    with pytest.raises(RuntimeError):
        vault.audit("edit", "interview", "x")


def _raw(vault: Vault, sql: str, *params: object) -> None:
    with vault.transaction() as conn:
        conn.execute(sql, params)


def test_changed_entry_detected(vault: Vault) -> None:
    _fill(vault)
    _raw(vault, "UPDATE audit_log SET role = 'supervisor' WHERE seq = 3")
    with pytest.raises(AuditBroken, match="changed"):
        audit.verify(vault.conn)


def test_changed_details_detected(vault: Vault) -> None:
    _fill(vault)
    _raw(vault, """UPDATE audit_log SET details = '{"n":99}' WHERE seq = 4""")
    with pytest.raises(AuditBroken):
        audit.verify(vault.conn)


def test_removed_entry_detected(vault: Vault) -> None:
    _fill(vault)
    _raw(vault, "DELETE FROM audit_log WHERE seq = 2")
    with pytest.raises(AuditBroken, match="missing"):
        audit.verify(vault.conn)


def test_removed_tail_detected(vault: Vault) -> None:
    _fill(vault)
    _raw(vault, "DELETE FROM audit_log WHERE seq = 6")
    with pytest.raises(AuditBroken, match="removed"):
        audit.verify(vault.conn)


def test_reordered_entries_detected(vault: Vault) -> None:
    _fill(vault)
    _raw(vault, "UPDATE audit_log SET seq = -1 WHERE seq = 2")
    _raw(vault, "UPDATE audit_log SET seq = 2 WHERE seq = 3")
    _raw(vault, "UPDATE audit_log SET seq = 3 WHERE seq = -1")
    with pytest.raises(AuditBroken):
        audit.verify(vault.conn)


def test_rewritten_chain_without_head_detected(vault: Vault) -> None:
    """An attacker recomputing hashes after an edit must also forge the head in meta."""
    _fill(vault, 2)
    entries = audit.entries(vault.conn)
    _raw(vault, "DELETE FROM audit_log WHERE seq = ?", entries[-1].seq)
    with pytest.raises(AuditBroken):
        audit.verify(vault.conn)
