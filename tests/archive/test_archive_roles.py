"""Roles in the database, not only in the app: each test connects as a member of one group
role and is refused, by PostgreSQL itself, what that role may not do."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import archive as archive_app
from app.bundles import keys
from app.bundles.importer import import_bundle
from storage.errors import ArchiveRefused
from storage.pg.archive import Archive
from tests.archive_support import login
from tests.bundle_helpers import make_world, populate
from tests.pg_support import PgServer


def test_each_role_is_refused_what_it_may_not_do(tmp_path: Path, pg_url: str,
                                                 pg_server: PgServer) -> None:
    world = make_world(tmp_path)
    admin = archive_app.init_archive(pg_url, tmp_path / "objects", tmp_path / "archive.key",
                                     role="supervisor")
    dev = world.field.device()
    keys.trust_device(admin, keys.DevicePublic(dev.id, dev.public_key), role="supervisor")
    iid = populate(world.field)
    bundle = world.export(iid).path
    as_sup, as_analyst, as_translator = (login(pg_server, pg_url, r)
                                         for r in ("supervisor", "analyst", "translator"))
    try:
        # an analyst cannot import: refused by the database, and nothing changed
        with Archive.open(as_analyst) as analyst, pytest.raises(ArchiveRefused,
                                                                match="refused this"):
            import_bundle(analyst, bundle, world.identity, role="analyst")
        assert admin.conn.execute("SELECT count(*) FROM interview").fetchone() == (0,)
        # a supervisor can
        with Archive.open(as_sup) as sup:
            assert not import_bundle(sup, bundle, world.identity, role="supervisor").replay
            # ... but even a supervisor cannot rewrite or delete audit history
            for sql in ("UPDATE audit_log SET action = 'x'", "DELETE FROM audit_log",
                        "DELETE FROM imported_audit"):
                with pytest.raises(ArchiveRefused):
                    sup.conn.execute(sql)
        seg = admin.conn.execute("SELECT id FROM segment ORDER BY id LIMIT 1").fetchone()[0]
        tag = admin.conn.execute("SELECT id FROM tag LIMIT 1").fetchone()[0]
        with Archive.open(as_analyst) as analyst:
            analyst.conn.execute("UPDATE tag SET note = 'coded' WHERE id = ?", (tag,))
            with pytest.raises(ArchiveRefused, match="update segment"):
                analyst.conn.execute("UPDATE segment SET text = 'x' WHERE id = ?", (seg,))
            with pytest.raises(ArchiveRefused, match="insert interview"):
                analyst.conn.execute("INSERT INTO interview(id) VALUES ('x')")
            # row-level security: only the audit head row of meta is writable
            changed = analyst.conn.execute(
                "UPDATE meta SET value = 'age1attacker' WHERE key = 'age_recipient'")
            assert changed.rowcount == 0
            with analyst.transaction():
                analyst.audit("code", "tag", tag, role="analyst")
        with Archive.open(as_translator) as translator:
            translator.conn.execute("UPDATE segment SET text = 'fixed' WHERE id = ?", (seg,))
            with pytest.raises(ArchiveRefused, match="update tag"):
                translator.conn.execute("UPDATE tag SET note = 'x' WHERE id = ?", (tag,))
            with pytest.raises(ArchiveRefused):
                translator.conn.execute("INSERT INTO meta(key, value) VALUES ('objects_dir', "
                                        "'/tmp/elsewhere')")
        recipient = admin.conn.execute(
            "SELECT value FROM meta WHERE key = 'age_recipient'").fetchone()[0]
        assert recipient == admin.meta["age_recipient"]
        from storage import audit
        assert audit.verify(admin.conn) == 4  # create, pin, import, the analyst's coding
    finally:
        admin.close()
        world.field.lock()
        world.sup.lock()
