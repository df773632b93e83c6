"""Coding and search leave no testimony in plaintext on disk (vault files, WAL, temp, state)."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

from app.coding import search, tags
from storage.vault import Vault
from tests.cli_runner import Cli
from tests.coding_util import add_segments
from tests.common import PASSPHRASE
from tests.forensic import encodings_of, find_marker


def test_search_index_and_tags_leave_no_plaintext(cli: Cli) -> None:
    marker = f"FORENSIC{uuid.uuid4().hex[:12]}요덕수용소"
    cli("interview", "add", "--code", "NK-2026-138", "--notes", f"note {marker}", check=True)
    v = Vault.open(cli.vault, PASSPHRASE)
    iid = v.conn.execute("SELECT id FROM interview WHERE code = 'NK-2026-138'").fetchone()[0]
    add_segments(v, iid, [f"그는 {marker} 에 있었다", f"English {marker} too"])
    tags.add_tag(v, iid, "Yodok", role="coder", segment=0, chars=(3, 3 + len(marker)),
                 note=f"coder note {marker}")
    assert len(search.search(v, marker).hits) == 3
    v.lock()
    found = cli("search", marker, "--json", check=True).stdout
    assert marker in found
    roots = [cli.vault, Path(cli.env["TMPDIR"]), Path(os.environ["TESTIMONY_STATE_DIR"])]
    assert find_marker(roots, encodings_of(marker)) == []
    # trigram pieces of the marker are not on disk either (the index is encrypted too)
    assert find_marker(roots, [marker[:9].encode()]) == []
