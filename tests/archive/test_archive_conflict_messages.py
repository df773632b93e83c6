"""On the organisation's archive, corroboration builds the same conflicts as on the vault it
was migrated from: the same English explanations and the same messages (codes, parameters, the
terms and dates marked for the window) with the same labels, so the window words them alike.
A generated archive (tests/connect_archive.py) with date, place and period conflicts, copied
into a real PostgreSQL archive."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app import archive as archive_app
from app.connect import corroborate as co
from app.connect import entities
from errors import Message
from storage.backend import Store
from storage.pg.archive import Archive
from storage.vault import Vault
from tests.connect_archive import CAMP22, CAMP22_CLOSED, FACILITIES, generate


def _shape(value: object) -> Any:
    """A message's code and parameters with the type of each marked value."""
    if isinstance(value, Message):
        return (value.code, {k: _shape(v) for k, v in value.params.items()})
    return (type(value).__name__, value)


def _conflicts(store: Store) -> list[tuple[Any, ...]]:
    out = []
    for facility in FACILITIES:
        subject = co.subject_for(store, facility=facility)
        for c in co.corroborate(store, subject, limit=None).conflicts:
            out.append((facility, c.kind, c.witness, c.explanation, _shape(c.message),
                        c.labels))
    return out


def test_the_archive_builds_the_vaults_conflict_messages(vault: Vault, tmp_path: Path,
                                                         pg_url: str) -> None:
    generate(vault, 60, n_duplicates=4, n_date_conflicts=2, n_place_conflicts=1,
             n_near_misses=2, n_after_closure=1)
    entities.set_entity(vault, CAMP22, role="supervisor", active_to=CAMP22_CLOSED)
    on_vault = _conflicts(vault)
    assert {kind for _, kind, *_ in on_vault} == set(co.CONFLICT_KINDS)
    with vault.transaction():  # the generator's recordings are placeholders with no audio
        vault.conn.execute("UPDATE blob SET size = 0")
    archive = Archive.init(pg_url, tmp_path / "objects", tmp_path / "archive.key")
    try:
        archive_app.migrate_vault(vault, archive, role="supervisor")
        assert _conflicts(archive) == on_vault  # type: ignore[arg-type]
    finally:
        archive.close()
