"""Hostile vault headers and process hardening (issue 13 part 7): KDF parameters above the
ceiling, Unicode forms of passphrases, core dumps, the exception hook and the passphrase in the
environment."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, Cli
from tests.test_vault import snapshot


@pytest.mark.parametrize(("field", "value"), [
    ("time_cost", 2**31), ("memory_kib", 2**31), ("time_cost", 65),
    ("memory_kib", 1024 * 1024 + 1), ("parallelism", 2**20),
])
def test_kdf_parameters_above_the_ceiling_are_a_tampered_header(cli: Cli, field: str,
                                                                value: int) -> None:
    """An edited header must not hang the unlock or crash it: one sentence, exit 4, and
    nothing in the folder changes."""
    path = cli.vault / "vault.header"
    doc = json.loads(path.read_text())
    doc["kdf"][field] = value
    path.write_text(json.dumps(doc))
    before = snapshot(cli.vault)
    res = cli("interview", "list", timeout=60)
    assert res.returncode == 4, res.stderr
    assert "tampered with" in res.stderr and "Traceback" not in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1
    assert snapshot(cli.vault) == before


def test_derive_key_refuses_above_the_ceiling_even_on_the_test_path() -> None:
    import os

    from crypto.errors import KdfAboveCeiling
    from crypto.kdf import MAX_MEMORY_KIB, MAX_TIME_COST, KdfParams, derive_key

    for params in (KdfParams(8 * 1024, MAX_TIME_COST + 1, 1, os.urandom(16)),
                   KdfParams(MAX_MEMORY_KIB * 2, 1, 1, os.urandom(16)),
                   KdfParams(8 * 1024, 1, 0, os.urandom(16))):
        with pytest.raises(KdfAboveCeiling):
            derive_key(b"pw", params, allow_weak=True)
