"""Tests of crypto/: Argon2id, key wrapping, signatures, recovery codes and the age format
(against stock age, pyrage and the vendored C2SP vectors in tests/fixtures/age-testkit).
Fixtures: the shared ones in tests/conftest.py."""
