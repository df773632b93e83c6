"""Tests of the vault (storage/, app/vault_setup.py, app/unlock.py, app/interviews.py): the key hierarchy, blobs,
the audit chain, rekey, kill-at-any-point, hardening, no plaintext on disk, interview records and
the vault commands. Fixtures: ``vault`` and ``cli`` in tests/conftest.py."""
