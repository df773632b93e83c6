"""Several supervisors importing into the archive at once: per-device chain checks hold.

Two real PostgreSQL sessions import two bundles that both claim to be bundle 1 of the same
laptop (a fork: a copy of the laptop's vault exported separately). The first import is held
inside its transaction until the second is seen waiting for the device's chain lock in
``pg_locks``; then exactly one may win and the other is refused as a fork.
"""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from app.bundles.errors import BundleRejected
from app.bundles.export import export_bundle
from app.bundles.importer import import_bundle
from app.interviews import update_interview
from storage.pg.archive import Archive
from tests.archive_support import make_archive
from tests.bundle_helpers import make_world, open_vault, populate


def _waiting_for_locks(url: str) -> int:
    with Archive.open(url) as probe:
        row = probe.conn.execute_pg(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")
        return int(row.fetchone()[0])


def test_two_concurrent_imports_of_one_device_cannot_both_win(
        tmp_path: Path, request: pytest.FixtureRequest) -> None:
    world = make_world(tmp_path)
    archive = make_archive(world, request)
    url = archive.url
    iid = populate(world.field)
    path = world.field.path
    world.field.lock()
    shutil.copytree(path, tmp_path / "field-copy")
    world.field = open_vault(path)
    copy = open_vault(tmp_path / "field-copy")
    a = world.export(iid, name="a.age").path
    update_interview(copy, iid, role="interviewer", notes="other history")
    b = export_bundle(copy, [iid], recipients=[world.identity.public], out=tmp_path / "b.age",
                      role="interviewer").path
    copy.lock()
    second = Archive.open(url)
    release, holding = threading.Event(), threading.Event()
    outcome: dict[str, Any] = {}

    def held(fraction: float, label: str) -> None:
        if label == "importing" and not release.is_set():
            holding.set()
            release.wait(60)  # inside the transaction, holding the device's chain lock

    def run(name: str, target: Archive, bundle: Path, progress: Any) -> None:
        try:
            outcome[name] = import_bundle(target, bundle, world.identity, role="supervisor",
                                          progress=progress)
        except BundleRejected as exc:
            outcome[name] = exc

    first = threading.Thread(target=run, args=("a", archive, a, held))
    first.start()
    try:
        assert holding.wait(60), "the first import never reached its transaction"
        deadline = time.monotonic() + 60
        other = threading.Thread(target=run, args=("b", second, b, lambda f, _l: None))
        other.start()
        while _waiting_for_locks(url) == 0 and other.is_alive() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert other.is_alive(), "the second import finished while the first held the chain"
    finally:
        release.set()
        first.join(120)
    other.join(120)
    second.close()
    winners = [k for k, v in outcome.items() if not isinstance(v, Exception)]
    assert winners == ["a"]
    assert isinstance(outcome["b"], BundleRejected) and "fork" in str(outcome["b"])
    rows = archive.conn.execute("SELECT seq, manifest_sha256 FROM bundle_import").fetchall()
    assert len(rows) == 1 and rows[0][0] == 1
    archive.close()
    world.field.lock()
