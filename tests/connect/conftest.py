"""Tests of connected testimonies (app/connect/): entities, links, corroboration, briefs,
through the services, the command line and a generated archive (tests/connect_archive.py).

The fast set (scripts/check.sh) keeps the services, the commands and the generated archive's
exact counts; this is left to the whole suite:"""

from __future__ import annotations

import pytest

from tests.common import mark_slow

SLOW = {
    "test_connect_archive.py::test_brief_converts_headless_with_libreoffice":
        "starts headless LibreOffice to convert the brief",
    "test_corroborate_paging.py::test_the_archives_candidates_are_the_vaults":
        "a real PostgreSQL server and a generated archive of 2,000 interviews",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    mark_slow(items, __file__, SLOW)
