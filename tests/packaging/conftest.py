"""Tests of packaging/: the PyInstaller spec, the frozen build, release signing, the lock file and
the self-test. Fixtures: the shared ones in tests/conftest.py.

The fast set (scripts/check.sh) keeps the spec checks, signing with our keys against stock
minisign and the self-test's runner; these are left to the whole suite:"""

from __future__ import annotations

import pytest

from tests.common import mark_slow

SLOW = {
    "test_packaging_release.py::test_stock_encrypted_release_key_signs_with_password":
        "stock minisign unlocks a password-protected key with scrypt at full cost",
    "test_packaging_selftest.py::test_real_app_state_is_neither_read_nor_changed":
        "the whole self-test, on throw-away vaults at the Argon2id floor",
    "test_packaging_selftest.py::test_selected_checks_run_alone_and_create_what_they_need":
        "self-test checks on throw-away vaults at the Argon2id floor",
    "test_packaging_selftest.py::test_temporary_folder_is_removed_even_when_checks_fail":
        "self-test checks on throw-away vaults at the Argon2id floor",
    "test_packaging_selftest.py::test_temporary_folder_is_removed_on_interrupt":
        "self-test checks on throw-away vaults at the Argon2id floor",
    "test_packaging_selftest.py::test_throw_away_vault_uses_floor_kdf_not_weak_parameters":
        "a throw-away vault at the Argon2id floor",
    "test_packaging_selftest.py::test_cli_self_test_unknown_check_is_a_usage_error":
        "the self-test command in its own process, twice",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    mark_slow(items, __file__, SLOW)
