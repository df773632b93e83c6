"""SIGKILL at random points during many writes, 50 times: the vault always opens, passes
PRAGMA integrity_check and audit verify, and holds every record whose commit was reported."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from app import interviews
from crypto.kdf import weak_test_params
from storage import audit
from storage.vault import Vault
from tests.conftest import PASSPHRASE, ROOT

WRITER = textwrap.dedent("""
    import os, sys
    from pathlib import Path
    from app import interviews
    from storage.vault import Vault
    round_no = int(sys.argv[2])
    v = Vault.open(Path(sys.argv[1]), {pw!r}, allow_weak_kdf=True)
    i = 0
    while True:
        code = f"K{{round_no}}-{{i}}"
        interviews.add_interview(v, code=code, role="interviewer", notes="n" * (i % 7 * 300),
                                 consent_scopes=["archive"])
        if i % 5 == 0:
            interviews.update_interview(v, code, role="interviewer", notes="edited")
        if i % 9 == 0:
            w = v.blob_writer(kind="test", on_crash="keep" if i % 2 else "discard")
            w.write(os.urandom(300_000)); w.commit(); w.write(b"x" * 1000)
            if i % 4 == 0:
                w.finish()
        sys.stdout.write(code + "\\n"); sys.stdout.flush()   # reported only after COMMIT
        i += 1
""").format(pw=PASSPHRASE)

ROUNDS = 50


@pytest.mark.slow
def test_sigkill_during_writes_never_corrupts(tmp_path: Path) -> None:
    path = tmp_path / "v"
    v, _ = Vault.create(path, PASSPHRASE, kdf=weak_test_params(), allow_weak_kdf=True)
    v.lock()
    rng = random.Random(20261128)
    committed: set[str] = set()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for round_no in range(ROUNDS):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path), str(round_no)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                cwd=ROOT, env=env)
        assert proc.stdout is not None
        first = proc.stdout.readline().strip()  # the writer is really writing
        assert first, proc.stderr.read() if proc.stderr else ""
        time.sleep(rng.uniform(0.0, 0.4))
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate()
        assert proc.returncode == -signal.SIGKILL
        lines = [first, *out.splitlines()]
        # A final line without newline may have been cut mid-write: only count complete ones.
        if not out.endswith("\n") and out:
            lines = lines[:-1]
        committed.update(line.strip() for line in lines if line.strip())

        reopened = Vault.open(path, PASSPHRASE, allow_weak_kdf=True)
        try:
            assert reopened.integrity_check() == [], f"round {round_no}"
            audit.verify(reopened.conn)
            codes = {i.code for i in interviews.list_interviews(reopened)}
            missing = committed - codes
            assert not missing, f"round {round_no}: lost {sorted(missing)[:5]}"
            writing = reopened.conn.execute(
                "SELECT count(*) FROM blob WHERE state = 'writing'").fetchone()[0]
            assert writing == 0
        finally:
            reopened.lock()
    assert len(committed) > ROUNDS
