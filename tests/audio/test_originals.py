"""Deleting an imported original: overwritten then removed, only if it is exactly the bytes
that were imported; anything else is one sentence and the file is left alone."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.errors import UsageError
from app.originals import delete_original, file_sha256


def test_overwrites_then_deletes(tmp_path: Path) -> None:
    f = tmp_path / "phone.m4a"
    f.write_bytes(b"synthetic recording bytes " * 100_000)  # over one chunk
    digest = file_sha256(f)
    witness = tmp_path / "hardlink"
    os.link(f, witness)  # a second name for the same blocks shows what was written to them
    delete_original(f, digest)
    assert not f.exists()
    assert witness.read_bytes() == bytes(len(b"synthetic recording bytes ") * 100_000)


@pytest.mark.parametrize("case", ["changed", "symlink", "folder", "missing"])
def test_refusals_leave_everything(tmp_path: Path, case: str) -> None:
    f = tmp_path / "phone.m4a"
    f.write_bytes(b"original")
    digest = file_sha256(f)
    target = f
    if case == "changed":
        f.write_bytes(b"original, then edited")
    elif case == "symlink":
        target = tmp_path / "link.m4a"
        target.symlink_to(f)
    elif case == "folder":
        target = tmp_path / "folder.m4a"
        target.mkdir()
    else:
        target = tmp_path / "gone.m4a"
    before = f.read_bytes()
    with pytest.raises(UsageError) as err:
        delete_original(target, digest)
    assert str(err.value).count(".") >= 1 and "not deleted" in str(err.value)
    assert f.read_bytes() == before
    if case == "symlink":
        assert target.is_symlink()
