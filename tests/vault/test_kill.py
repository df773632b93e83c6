"""SIGKILL at random points during many writes, 50 times: the vault always opens, passes
PRAGMA integrity_check and audit verify, and holds every record whose commit was reported."""

from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

import pytest

from app import interviews
from crypto.kdf import weak_test_params
from storage import audit
from storage.vault import Vault
from tests.common import PASSPHRASE


def _write_until_killed(path: Path, round_no: int, out: int) -> None:
    """The writer: interviews, edits and audio blobs, each code reported only after COMMIT."""
    v = Vault.open(path, PASSPHRASE, allow_weak_kdf=True)
    i = 0
    while True:
        code = f"KL-{2000 + round_no}-{i:04d}"
        interviews.add_interview(v, code=code, role="interviewer", notes="n" * (i % 7 * 300),
                                 consent_scopes=["archive"])
        if i % 5 == 0:
            interviews.update_interview(v, code, role="interviewer", notes="edited")
        if i % 9 == 0:
            w = v.blob_writer(kind="test", on_crash="keep" if i % 2 else "discard")
            w.write(os.urandom(300_000))
            w.commit()
            w.write(b"x" * 1000)
            if i % 4 == 0:
                w.finish()
        os.write(out, (code + "\n").encode())
        i += 1


def _start_writer(path: Path, round_no: int) -> tuple[int, int]:
    """Fork a writer from this (already imported) process: a round costs no interpreter start.
    The child never returns into pytest; SIGKILL ends it."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        try:
            os.close(read_end)
            _write_until_killed(path, round_no, write_end)
        finally:
            os._exit(1)
    os.close(write_end)
    return pid, read_end


ROUNDS = 50


@pytest.mark.slow
def test_sigkill_during_writes_never_corrupts(tmp_path: Path) -> None:
    path = tmp_path / "v"
    v, _ = Vault.create(path, PASSPHRASE, kdf=weak_test_params(), allow_weak_kdf=True)
    v.lock()
    rng = random.Random(20261128)
    committed: set[str] = set()
    for round_no in range(ROUNDS):
        pid, read_end = _start_writer(path, round_no)
        with os.fdopen(read_end, "r", encoding="utf-8") as stream:
            first = stream.readline().strip()  # the writer is really writing
            time.sleep(rng.uniform(0.0, 0.4))
            os.kill(pid, signal.SIGKILL)
            _, status = os.waitpid(pid, 0)
            out = stream.read()
        assert first, f"round {round_no}: the writer wrote nothing (status {status})"
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
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
