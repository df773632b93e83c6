"""Tests of the code base as a whole: the layers, the one error model, rules written once,
docs that name every CLI option, and the layout of these tests. Fixtures: the shared ones in
tests/conftest.py.

The fast set (scripts/check.sh) leaves this to the whole suite:"""

from __future__ import annotations

import pytest

from tests.common import mark_slow

SLOW = {
    "test_scale_bench.py::test_archive_bulk_load_copies_the_template":
        "starts a PostgreSQL server for the archive benchmark's bulk load",
    "test_scale_bench.py::test_archive_bench_runs_and_checks_concurrent_imports":
        "runs the archive benchmark end to end on a PostgreSQL server (six field vaults), twice",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    mark_slow(items, __file__, SLOW)
