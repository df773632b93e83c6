"""Two supervisors importing into one SQLCipher vault at once: a bundle imported by the other
one while this one waited is a replay (nothing written twice, no raw SQLite error), and a write
lock held past the busy timeout is one sentence, with nothing changed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app.bundles import importer
from storage.db import transaction
from storage.errors import VaultBusy
from tests.bundle_helpers import make_world, open_vault, populate


def test_a_bundle_imported_meanwhile_by_another_supervisor_is_a_replay(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    world = make_world(tmp_path)
    iid = populate(world.field)
    bundle = world.export(iid).path
    other = open_vault(world.sup.path)  # the second supervisor: its own connection
    real_verify = importer.verify_bundle
    raced: list[bool] = []

    def verify_then_lose_the_race(*args: Any, **kw: Any) -> Any:
        # This import has verified the bundle (no replay yet) and is about to take the write
        # lock; the other supervisor's import of the same bundle commits first.
        report = real_verify(*args, **kw)
        if not raced:
            raced.append(True)
            first = importer.import_bundle(other, bundle, world.identity, role="supervisor")
            assert not first.replay and first.inserted > 0
        return report

    monkeypatch.setattr(importer, "verify_bundle", verify_then_lose_the_race)
    second = importer.import_bundle(world.sup, bundle, world.identity, role="supervisor")
    assert raced and second.replay and second.inserted == 0
    count = world.sup.conn.execute("SELECT COUNT(*) FROM bundle_import").fetchone()[0]
    assert count == 1
    other.lock()


def test_a_write_lock_held_past_the_busy_timeout_is_one_sentence(tmp_path: Path) -> None:
    world = make_world(tmp_path)
    holder = open_vault(world.sup.path)
    holder.conn.execute("BEGIN IMMEDIATE")  # another process writing, for as long as it likes
    try:
        world.sup.conn.execute("PRAGMA busy_timeout = 50")
        before = world.sup.conn.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
        with pytest.raises(VaultBusy) as caught, transaction(world.sup.conn) as conn:
            conn.execute("DELETE FROM audit_log")  # never reached
        assert caught.value.code == "vault.busy"
        assert "nothing was changed" in str(caught.value)
        assert not world.sup.conn.in_transaction
    finally:
        holder.conn.execute("ROLLBACK")
        holder.lock()
    after = world.sup.conn.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
    assert after == before
