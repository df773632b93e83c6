"""Forensic marker search: testimony never reaches the disk in plaintext.

A unique marker goes into an interview's notes and into a blob; the whole workflow runs (core
API and the real CLI, with the vault open so -wal/-shm files exist); then every file in the vault
folder, the temp folder and the app state folder is searched for the marker in UTF-8 and UTF-16.
"""

from __future__ import annotations

import os
import tempfile
import uuid
from pathlib import Path

import pytest

from app import interviews
from storage.vault import Vault
from tests.cli_runner import Cli
from tests.common import PASSPHRASE
from tests.forensic import encodings_of, find_marker


def test_marker_never_on_disk(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    core_tmp = tmp_path / "core-tmp"
    core_tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(core_tmp))
    monkeypatch.setattr(tempfile, "tempdir", str(core_tmp))
    marker = f"FORENSIC-{uuid.uuid4().hex}-요덕"
    # Through the real CLI (its TMPDIR is cli.env's).
    res = cli("interview", "add", "--code", "NK-2026-137", "--notes", f"witness said {marker}")
    assert res.returncode == 0, res.stderr
    assert marker in cli("interview", "show", "NK-2026-137").stdout  # it really is stored
    # Through the core API, with a blob, while the vault stays open (WAL and SHM present).
    v = Vault.open(cli.vault, PASSPHRASE)
    interviews.update_interview(v, "NK-2026-137", role="interviewer", notes=marker * 3)
    w = v.blob_writer(kind="test", on_crash="keep")
    payload = marker.encode("utf-8") * 5000 + marker.encode("utf-16-le") * 5000
    w.write(payload)
    blob_id, _, _ = w.finish()
    assert v.blob_reader(blob_id).read() == payload
    roots = [cli.vault, Path(cli.env["TMPDIR"]), core_tmp, Path(os.environ["TESTIMONY_STATE_DIR"])]
    assert {p.name for p in cli.vault.iterdir()} >= {"vault.db", "vault.header", "vault.db-wal"}
    hits_open = find_marker(roots, encodings_of(marker))
    v.lock()
    hits_closed = find_marker(roots, encodings_of(marker))
    assert hits_open == [] and hits_closed == []


def test_marker_search_finds_plaintext(tmp_path: Path) -> None:
    """The search itself works: a plaintext file with the marker is found in both encodings."""
    marker = f"FORENSIC-{uuid.uuid4().hex}"
    (tmp_path / "a.txt").write_bytes(marker.encode("utf-16-le"))
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.bin").write_bytes(b"xx" + marker.encode("utf-8"))
    assert len(find_marker([tmp_path], encodings_of(marker))) == 2
