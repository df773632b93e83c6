"""Tests of bundles (app/bundles/): export, verify, import as hostile input, receipts,
ownership, supervisor keys and the bundle commands. Helpers: tests/bundle_helpers.py (worlds of a
field and a supervisor vault), tests/bundle_forge.py (hand-made hostile bundles).

The fast set (scripts/check.sh) keeps the round trips, every attack and the parsers' property
tests; these are left to the whole suite:"""

from __future__ import annotations

import pytest

from tests.common import mark_slow

SLOW = {
    "test_bundles_hostile.py::test_every_tar_header_byte_flipped":
        "verifies a bundle once per byte of every tar header, with many full imports",
    "test_bundles_parsers.py::test_atheris_fuzzes_the_parsers":
        "50,000 coverage-guided fuzzing runs in a child process",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    mark_slow(items, __file__, SLOW)
