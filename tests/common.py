"""Names every test area shares: the repository root, the test passphrase and a folder
snapshot. Plain values and functions, importable from any test or helper module; fixtures live
in the conftest.py files, never here."""

from __future__ import annotations

import hashlib
from pathlib import Path

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
