"""Tests of the vault (storage/, app/vault_setup.py, app/unlock.py, app/interviews.py): the key hierarchy, blobs,
the audit chain, rekey, kill-at-any-point, hardening, no plaintext on disk, interview records and
the vault commands. Fixtures: ``vault`` and ``cli`` in tests/conftest.py.

The fast set (scripts/check.sh) keeps the key hierarchy, blobs, the audit chain, rekey and the
vault commands in-process; these are left to the whole suite:"""

from __future__ import annotations

import pytest

from tests.common import mark_slow

SLOW = {
    "test_cli_vault.py::test_passwd_with_recovery_code_takes_the_unlock_path":
        "Argon2id at the floor for every new passphrase",
    "test_cli_vault.py::test_passwd_then_old_fails_new_works":
        "Argon2id at the floor for every new passphrase",
    "test_vault_hardening.py::test_passphrase_leaves_the_environment_once_read":
        "the command line in its own process, unlocking at the Argon2id floor",
    "test_cli_vault.py::test_vault_and_passphrase_from_environment":
        "the command line in its own process, unlocking at the Argon2id floor",
    "test_cli_vault.py::test_closed_pipe_ends_quietly":
        "the command line in its own process writing into a closed pipe, unlocking at the floor",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    mark_slow(items, __file__, SLOW)
