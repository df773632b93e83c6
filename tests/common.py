"""Names every test area shares: the repository root, the test passphrase, a folder snapshot
and the helper that marks an area's slow tests. Plain values and functions, importable from any
test or helper module; fixtures live in the conftest.py files, never here."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PASSPHRASE = b"correct horse battery staple"


def snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file under ``folder``: content hash and mtime in ns."""
    out = {}
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            out[str(p.relative_to(folder))] = (hashlib.sha256(p.read_bytes()).hexdigest(),
                                               p.stat().st_mtime_ns)
    return out


def mark_slow(items: list[pytest.Item], conftest: str, slow: dict[str, str]) -> None:
    """Mark ``slow`` (left to the whole suite, scripts/test.sh) the tests of one area folder
    that ``slow`` names: a module (``"test_x.py"``) or one test (``"test_x.py::test_name"``,
    every parametrised case of it), each with the reason. An area's conftest.py calls this from
    its ``pytest_collection_modifyitems``, so what its fast set leaves out is listed in one
    place, beside the reason, and the test modules stay as they are."""
    folder = Path(conftest).resolve().parent
    for item in items:
        path = Path(str(item.path))
        if path.parent != folder:
            continue
        name = getattr(item, "originalname", item.name)
        if path.name in slow or f"{path.name}::{name}" in slow:
            item.add_marker(pytest.mark.slow)


def mark_slow_except(items: list[pytest.Item], conftest: str, fast: set[str]) -> None:
    """Like ``mark_slow`` for an area whose tests are slow by nature: every test of its folder
    is marked slow except those ``fast`` names (modules or ``module::test``)."""
    folder = Path(conftest).resolve().parent
    for item in items:
        path = Path(str(item.path))
        if path.parent != folder:
            continue
        name = getattr(item, "originalname", item.name)
        if path.name not in fast and f"{path.name}::{name}" not in fast:
            item.add_marker(pytest.mark.slow)
