"""Forensic search helpers: look for a marker in every file a workflow could have touched."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


def encodings_of(marker: str) -> list[bytes]:
    return [marker.encode("utf-8"), marker.encode("utf-16-le"), marker.encode("utf-16-be")]


def find_marker(roots: Iterable[Path], needles: Iterable[bytes]) -> list[str]:
    """Return 'path: needle' for every file under ``roots`` containing any needle."""
    needles = list(needles)
    hits = []
    for root in roots:
        if not root.exists():
            continue
        paths = [root] if root.is_file() else [p for p in root.rglob("*") if p.is_file()]
        for path in paths:
            try:
                data = path.read_bytes()
            except OSError:
                continue
            for needle in needles:
                if needle in data:
                    hits.append(f"{path}: {needle[:16]!r}")
    return hits
