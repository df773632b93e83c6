"""Tests of the PostgreSQL archive (storage/pg/, app/archive.py, cli/archive_cmds.py): the
dialect translation, content-addressed encrypted objects, init, import, concurrent importers,
roles with row-level security, migrate and trigram search, each against a real PostgreSQL
server (``pg_server`` and ``pg_url`` in tests/conftest.py). The bundle tests marked
``BOTH_BACKENDS`` (tests/archive_support.py) run against the archive too.

A real server costs an initdb per run and a database per test, so the fast set
(scripts/check.sh) keeps only the tests that need no server; the rest run in the whole suite."""

from __future__ import annotations

import pytest

from tests.common import mark_slow_except

FAST = {
    "test_archive_backend.py::test_translation_of_the_sqlite_dialect",
    "test_archive_backend.py::test_objects_are_content_addressed_encrypted_and_checked",
    "test_pg_index_friendly.py::test_null_safe_numbered_and_id_lists_are_rewritten",
    "test_archive_vault_only.py::test_every_command_works_on_the_archive_or_refuses_it",
    "test_archive_vault_only.py::test_each_vault_only_command_refuses_an_archive_before_opening_anything",
    "test_archive_vault_only.py::test_the_command_line_refuses_typed_or_environment_archive",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    mark_slow_except(items, __file__, FAST)
