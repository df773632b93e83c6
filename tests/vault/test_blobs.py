"""Encrypted blob storage: round trips at chunk boundaries, seeking, commits, crash recovery."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storage import blobs
from storage.blobs import CHUNK_SIZE
from storage.vault import Vault
from tests.common import PASSPHRASE, ROOT

SIZES = [0, 1, 65535, 65536, 65537, CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE + 1, 3 * CHUNK_SIZE + 7]


@pytest.mark.parametrize("size", SIZES)
def test_round_trip_at_boundaries(vault: Vault, size: int) -> None:
    data = os.urandom(size)
    w = vault.blob_writer(kind="test", on_crash="discard")
    for i in range(0, size, 10_000):
        w.write(data[i : i + 10_000])
    blob_id, n, digest = w.finish()
    assert n == size
    out = io.BytesIO()
    assert blobs.copy_to(vault.conn, blob_id, out) == (size, digest)
    assert out.getvalue() == data
    assert vault.blob_reader(blob_id).read() == data


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.integers(min_value=0, max_value=70_000), min_size=1, max_size=6),
       st.lists(st.booleans(), min_size=6, max_size=6))
def test_commits_make_variable_chunks_yet_reads_and_seeks_are_exact(
        vault: Vault, pieces: list[int], commit_after: list[bool]) -> None:
    w = vault.blob_writer(kind="test", on_crash="keep")
    whole = bytearray()
    for n, commit in zip(pieces, commit_after, strict=False):
        piece = os.urandom(n)
        w.write(piece)
        whole += piece
        if commit:
            w.commit()
    blob_id, size, _ = w.finish()
    reader = vault.blob_reader(blob_id)
    assert reader.read() == bytes(whole)
    for pos in {0, size // 3, size // 2, max(0, size - 1), size}:
        reader.seek(pos)
        assert reader.read(1000) == bytes(whole[pos : pos + 1000])


def test_abort_leaves_nothing(vault: Vault) -> None:
    w = vault.blob_writer(kind="test", on_crash="discard")
    w.write(os.urandom(CHUNK_SIZE * 3))
    w.commit()
    w.abort()
    assert vault.conn.execute("SELECT count(*) FROM blob").fetchone()[0] == 0
    assert vault.conn.execute("SELECT count(*) FROM blob_chunk").fetchone()[0] == 0


def test_live_writer_is_not_recovered_by_another_opener(vault: Vault) -> None:
    w = vault.blob_writer(kind="test", on_crash="discard")
    w.write(b"x" * 100)
    w.commit()
    other = Vault.open(vault.path, PASSPHRASE, allow_weak_kdf=True)
    assert other.recovered_blobs == []
    other.lock()
    w.finish()


@pytest.mark.parametrize("on_crash,expected", [("keep", "kept"), ("discard", "discarded")])
def test_dead_writer_is_recovered_at_next_open(tmp_path: Path, on_crash: str, expected: str) -> None:
    """A writer process killed mid-blob: kept blobs become 'interrupted' with everything
    committed; discard blobs (imports) vanish."""
    script = textwrap.dedent(f"""
        import os, sys
        from pathlib import Path
        from crypto.kdf import weak_test_params
        from storage.vault import Vault
        v, _ = Vault.create(Path({str(tmp_path / 'v')!r}), {PASSPHRASE!r},
                            kdf=weak_test_params(), allow_weak_kdf=True)
        w = v.blob_writer(kind="test", on_crash={on_crash!r})
        w.write(b"A" * 300_000)
        w.commit()
        w.write(b"B" * 1000)   # never committed
        sys.stdout.write(w.id + "\\n"); sys.stdout.flush()
        os._exit(9)  # die without cleanup, like a kill
    """)
    res = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, check=False)
    blob_id = res.stdout.strip()
    assert res.returncode == 9 and blob_id, res.stderr
    v = Vault.open(tmp_path / "v", PASSPHRASE, allow_weak_kdf=True)
    assert v.recovered_blobs == [(blob_id, expected)]
    row = v.conn.execute("SELECT state, size FROM blob WHERE id = ?", (blob_id,)).fetchone()
    if on_crash == "keep":
        assert row == ("interrupted", 300_000)
        assert v.blob_reader(blob_id).read() == b"A" * 300_000
    else:
        assert row is None
        assert v.conn.execute("SELECT count(*) FROM blob_chunk").fetchone()[0] == 0
    assert not any((tmp_path / "v" / "locks").iterdir())
    v.lock()


def test_missing_blob(vault: Vault) -> None:
    with pytest.raises(blobs.BlobError):
        vault.blob_reader("no-such-id")
