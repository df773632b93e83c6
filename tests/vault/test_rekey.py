"""Rekey: a saved copy of an old header must stop opening the database.

The attack first: someone images the vault folder at a border crossing; later the owner changes
the passphrase. The attacker's copy of the old header, put next to the *current* database, still
opens it with the old passphrase, because only the wrap changed. After a rekey it must not.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from app import interviews
from crypto.kdf import weak_test_params
from storage import audit
from storage.db import DB_NAME
from storage.errors import VaultLocked, WrongPassphrase
from storage.header import HEADER_NAME
from storage.rekey import STAGED_DB, STAGED_HEADER
from storage.vault import Vault
from tests import bundle_helpers
from tests.cli_runner import Cli
from tests.common import PASSPHRASE, ROOT, snapshot

NEW = b"a completely new passphrase"


def make(path: Path, *, audio_bytes: int = 0, recovery: bool = False) -> tuple[Vault, str | None]:
    # Without a recovery code: a copy of a vault created once per process (tests/bundle_helpers.py)
    if recovery:
        v, code = Vault.create(path, PASSPHRASE, kdf=weak_test_params(), allow_weak_kdf=True,
                               with_recovery=True)
    else:
        v, code = bundle_helpers.new_vault(path), None
    interviews.add_interview(v, code="NK-2026-113", role="interviewer", notes="first")
    if audio_bytes:
        w = v.blob_writer(kind="test", on_crash="keep")
        rng = random.Random(7)
        left = audio_bytes
        while left:
            n = min(left, 256 * 1024)
            w.write(rng.randbytes(n))
            left -= n
        w.commit()
        w.finish()
    return v, code


def stale_copy(vault: Path, old_header: bytes, tmp: Path) -> Path:
    """The attacker's view: an old header copy next to the current database."""
    target = tmp / "attacker"
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir()
    shutil.copy2(vault / DB_NAME, target / DB_NAME)
    (target / HEADER_NAME).write_bytes(old_header)
    return target


def test_old_header_copy_opens_after_passwd_but_not_after_rekey(tmp_path: Path) -> None:
    path = tmp_path / "v"
    v, _ = make(path)
    old_header = (path / HEADER_NAME).read_bytes()
    v.change_passphrase(NEW, allow_weak_kdf=True)
    v.lock()
    # Before: passwd alone leaves the data key, so the old header copy still works.
    attacker = stale_copy(path, old_header, tmp_path)
    opened = Vault.open(attacker, PASSPHRASE, allow_weak_kdf=True)
    assert [i.code for i in interviews.list_interviews(opened)] == ["NK-2026-113"]
    opened.lock()

    v = Vault.open(path, NEW, allow_weak_kdf=True)
    v.rekey(NEW, allow_weak_kdf=True)
    v.lock()
    attacker = stale_copy(path, old_header, tmp_path)
    with pytest.raises(WrongPassphrase):
        Vault.open(attacker, PASSPHRASE, allow_weak_kdf=True)
    # The current header still opens it with the current passphrase, data intact.
    v = Vault.open(path, NEW, allow_weak_kdf=True)
    assert [i.code for i in interviews.list_interviews(v)] == ["NK-2026-113"]
    v.lock()


def test_rekey_replaces_the_recovery_code_and_keeps_everything(tmp_path: Path) -> None:
    path = tmp_path / "v"
    v, old_code = make(path, audio_bytes=600_000, recovery=True)
    assert old_code
    blob_id = v.conn.execute("SELECT id FROM blob").fetchone()[0]
    before = v.blob_reader(blob_id).read()
    old_header = (path / HEADER_NAME).read_bytes()
    seen: list[tuple[float, str]] = []
    new_code = v.rekey(PASSPHRASE, allow_weak_kdf=True, role="supervisor",
                       progress=lambda f, label: seen.append((f, label)))
    assert new_code and new_code != old_code
    # The vault object goes on working with the new key.
    interviews.add_interview(v, code="NK-2026-114", role="interviewer")
    v.lock()
    assert seen[-1] == (1.0, "done") and all(0.0 <= f <= 1.0 for f, _ in seen)
    assert not (path / STAGED_DB).exists() and not (path / STAGED_HEADER).exists()
    with pytest.raises(WrongPassphrase):
        Vault.open_with_recovery(path, old_code)
    attacker = stale_copy(path, old_header, tmp_path)
    with pytest.raises(WrongPassphrase):
        Vault.open_with_recovery(attacker, old_code)
    v = Vault.open_with_recovery(path, new_code)
    assert v.integrity_check() == []
    assert v.blob_reader(blob_id).read() == before
    assert {i.code for i in interviews.list_interviews(v)} == {"NK-2026-113", "NK-2026-114"}
    audit.verify(v.conn)
    entry = [e for e in audit.entries(v.conn) if e.action == "rekey"]
    assert len(entry) == 1 and entry[0].role == "supervisor"
    assert entry[0].details == {"passphrase_changed": False, "recovery_key": True}
    # The search index (FTS5 virtual tables) survived the export.
    assert v.conn.execute("SELECT count(*) FROM fts_text").fetchone() is not None
    v.lock()


def test_rekey_is_refused_while_another_connection_is_open(tmp_path: Path) -> None:
    path = tmp_path / "v"
    v, _ = make(path)
    other = v.new_connection()
    header = (path / HEADER_NAME).read_bytes()
    with pytest.raises(VaultLocked, match="open in another window"):
        v.rekey(PASSPHRASE, allow_weak_kdf=True)
    other.close()
    assert (path / HEADER_NAME).read_bytes() == header
    assert not (path / STAGED_DB).exists() and not (path / STAGED_HEADER).exists()
    # Still usable, with the old key.
    interviews.add_interview(v, code="NK-2026-114", role="interviewer")
    v.lock()
    v = Vault.open(path, PASSPHRASE, allow_weak_kdf=True)
    assert len(interviews.list_interviews(v)) == 2
    v.lock()


MEMORY_JOB = textwrap.dedent("""
    import sys
    from pathlib import Path
    from storage.vault import Vault
    from transcription.child import peak_rss_mib

    v = Vault.open(Path(sys.argv[1]), {pw!r}, allow_weak_kdf=True)
    v.integrity_check()   # every page read once: the baseline includes reading the database
    before = peak_rss_mib()
    v.rekey({pw!r}, allow_weak_kdf=True)
    print(before, peak_rss_mib())
    v.lock()
""").format(pw=PASSPHRASE)


def _rekey_memory_growth(path: Path, audio_bytes: int) -> float:
    v, _ = make(path, audio_bytes=audio_bytes)
    v.lock()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    res = subprocess.run([sys.executable, "-c", MEMORY_JOB, str(path)], capture_output=True,
                         text=True, cwd=ROOT, env=env, check=False, timeout=300)
    assert res.returncode == 0, res.stderr
    before, after = (float(x) for x in res.stdout.split())
    assert before > 0
    return after - before


@pytest.mark.slow
def test_rekey_streams_audio_with_bounded_memory(tmp_path: Path) -> None:
    """Rekeying 10 MB and 40 MB of audio: the peak memory the rekey adds (Argon2id, SQLite's
    page caches, a thread; about 25 MiB here) is the same: it does not grow with the audio."""
    small = _rekey_memory_growth(tmp_path / "small", 10 * 1024 * 1024)
    large = _rekey_memory_growth(tmp_path / "large", 40 * 1024 * 1024)
    assert large - small < 5, (small, large)


KILLED = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    import storage.rekey
    from storage.vault import Vault
    path, target = Path(sys.argv[1]), sys.argv[2]
    current, new = sys.argv[3].encode(), sys.argv[4].encode()
    # "export>=F": killed from the export's progress report once F of it is written, while the
    # export thread is still running. Reports every millisecond, so even a fast export has some.
    storage.rekey._POLL_SECONDS = 0.001
    v = Vault.open(path, current, allow_weak_kdf=True)
    def step(name):
        sys.stdout.write(name + "\\n"); sys.stdout.flush()
        if name == target:
            os.kill(os.getpid(), signal.SIGKILL)
    def progress(fraction, label):
        if (label == "re-encrypting" and target.startswith("export>=")
                and fraction >= float(target[len("export>="):])):
            step(target)
    v.rekey(new, passphrase_changed=True, allow_weak_kdf=True, progress=progress, _step=step)
    step("returned")
    v.lock()
""")

STEPS = ["staging", "exported", "db-staged", "header-staged", "closed", "db-switched",
         "header-switched"]
# Kills inside the export itself, from its progress reports: at the first report, a third and
# two thirds of the way through the copy.
EXPORT_POINTS = ["export>=0.0", "export>=0.33", "export>=0.66"]
KILL_POINTS = STEPS[:1] + EXPORT_POINTS + STEPS[1:]


@pytest.mark.slow
def test_kill_at_any_moment_leaves_the_old_or_the_new_vault(tmp_path: Path) -> None:
    """SIGKILL at every protocol step and at points inside the export of a few MB of audio
    (driven by the export's own progress, not by timing): the vault always opens with the old
    or the new passphrase, passes its checks, holds all data, and no staged file survives the
    next unlock."""
    path = tmp_path / "v"
    v, _ = make(path, audio_bytes=6 * 1024 * 1024)
    blob_id = v.conn.execute("SELECT id FROM blob").fetchone()[0]
    digest = v.conn.execute("SELECT sha256 FROM blob WHERE id = ?", (blob_id,)).fetchone()[0]
    v.lock()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    current = PASSPHRASE
    outcomes = {"old": 0, "new": 0}
    for round_no, target in enumerate(KILL_POINTS):
        new = f"passphrase of round {round_no}".encode()
        res = subprocess.run([sys.executable, "-c", KILLED, str(path), target, current.decode(),
                              new.decode()], capture_output=True, cwd=ROOT, env=env, timeout=300,
                             check=False)
        assert res.returncode == -signal.SIGKILL, res.stderr.decode()
        reached = res.stdout.decode().split()
        # Killed where planned: the export kills after "staging" and before "exported".
        assert reached[-1] == target, (round_no, reached)
        if target in EXPORT_POINTS:
            assert reached[:-1] == ["staging"], (round_no, reached)
        # The old passphrase (the vault was not switched) or the new one (it was): never neither.
        try:
            v = Vault.open(path, current, allow_weak_kdf=True)
            outcomes["old"] += 1
        except WrongPassphrase:
            v = Vault.open(path, new, allow_weak_kdf=True)
            outcomes["new"] += 1
            current = new
            assert KILL_POINTS.index(target) > KILL_POINTS.index("closed"), \
                f"round {round_no}: switched before {target}"
        try:
            assert v.integrity_check() == [], f"round {round_no}"
            audit.verify(v.conn)
            assert [i.code for i in interviews.list_interviews(v)] == ["NK-2026-113"]
            assert hashlib.sha256(v.blob_reader(blob_id).read()).hexdigest() == digest
        finally:
            v.lock()
        leftovers = [p.name for p in path.iterdir() if ".rekey" in p.name]
        assert leftovers == [], f"round {round_no}: {leftovers}"
        if target in ("db-switched", "header-switched"):
            assert current == new, f"round {round_no}: the switched vault was rolled back"
    assert outcomes["old"] and outcomes["new"], outcomes


def _cli_on(cli: Cli, folder: Path) -> Cli:
    return Cli(folder, cli.passphrase_file, cli.env)


@pytest.mark.slow
def test_cli_passwd_says_what_it_leaves_and_rekey_closes_it(cli: Cli, tmp_path: Path) -> None:
    """The attack through the real command line: `passwd` alone leaves old header copies
    working (and says so); `rekey` stops them (and says what it cannot stop)."""
    cli("interview", "add", "--code", "NK-2026-132", check=True)
    old_header = (cli.vault / HEADER_NAME).read_bytes()
    new = tmp_path / "new.txt"
    new.write_text(NEW.decode() + "\n")
    res = cli("passwd", "--new-passphrase-file", str(new), check=True)
    assert "still opens the database with the old passphrase" in res.stdout
    assert "testimony rekey" in res.stdout
    attacker = stale_copy(cli.vault, old_header, tmp_path)
    res = _cli_on(cli, attacker)("interview", "list")
    assert res.returncode == 0 and "NK-2026-132" in res.stdout  # the gap, before the fix

    res = cli("rekey", passphrase_file=new, check=True)
    assert "no longer open this database" in res.stdout
    assert "still opens the data as it was then" in res.stdout
    assert "Re-encrypting the vault: 100%" in res.stderr
    assert "New recovery code" not in res.stdout  # the vault had none, none was asked for
    attacker = stale_copy(cli.vault, old_header, tmp_path)
    before = {p.name: p.read_bytes() for p in attacker.iterdir()}
    res = _cli_on(cli, attacker)("interview", "list")
    # The old wrap still yields the old key, which no longer opens the database.
    assert res.returncode == 3 and "key does not open the database" in res.stderr
    assert {p.name: p.read_bytes() for p in attacker.iterdir()} == before
    res = cli("interview", "list", passphrase_file=new, check=True)
    assert "NK-2026-132" in res.stdout
    log = json.loads(cli("audit", "list", "--json", passphrase_file=new, check=True).stdout)
    actions = [e["action"] for e in log]
    assert actions.index("change-passphrase") < actions.index("rekey")
    assert [e["role"] for e in log if e["action"] == "rekey"] == ["interviewer"]


@pytest.mark.slow
def test_cli_passwd_rekey_does_both_and_prints_a_new_recovery_code(cli: Cli,
                                                                  tmp_path: Path) -> None:
    res = cli("recovery-key", check=True)
    assert "old vault.header still opens the database" in res.stdout
    old_code = res.stdout.splitlines()[1].strip()
    old_header = (cli.vault / HEADER_NAME).read_bytes()
    new = tmp_path / "new.txt"
    new.write_text(NEW.decode() + "\n")
    res = cli("passwd", "--rekey", "--new-passphrase-file", str(new), check=True)
    assert "re-encrypted under a new data key" in res.stdout
    new_code = [ln.strip() for ln in res.stdout.splitlines() if ln.startswith("  ")][0]
    assert new_code != old_code
    assert cli("interview", "list").returncode == 3
    assert cli("interview", "list", passphrase_file=new).returncode == 0
    attacker = stale_copy(cli.vault, old_header, tmp_path)
    code_file = tmp_path / "code.txt"
    code_file.write_text(old_code + "\n")
    other = tmp_path / "other.txt"
    other.write_text("yet another passphrase\n")
    # The old recovery code with the old header copy: refused, exit 3.
    res = _cli_on(cli, attacker)("passwd", "--recovery-code-file", str(code_file),
                                 "--new-passphrase-file", str(other))
    assert res.returncode == 3, res.stderr
    code_file.write_text(new_code + "\n")
    res = cli("passwd", "--recovery-code-file", str(code_file), "--new-passphrase-file",
              str(other))
    assert res.returncode == 0, res.stderr


def test_rekey_with_a_mistyped_passphrase_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "v"
    v, _ = make(path)
    v.lock()
    v = Vault.open(path, PASSPHRASE, allow_weak_kdf=True)
    v.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = snapshot(path)
    with pytest.raises(WrongPassphrase, match="not the vault's current passphrase"):
        v.rekey(PASSPHRASE + b"x", allow_weak_kdf=True)
    assert snapshot(path) == before
    v.lock()


def _kill_rekey_at(path: Path, target: str, current: bytes, new: bytes) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    res = subprocess.run([sys.executable, "-c", KILLED, str(path), target, current.decode(),
                          new.decode()], capture_output=True, cwd=ROOT, env=env, timeout=120,
                         check=False)
    assert res.returncode == -signal.SIGKILL, res.stderr.decode()


@pytest.mark.parametrize(("target", "opens_with"), [("header-staged", PASSPHRASE),
                                                    ("db-switched", NEW)])
def test_read_only_open_of_a_cut_off_rekey_changes_nothing(tmp_path: Path, target: str,
                                                            opens_with: bytes) -> None:
    """`verify` opens read-only: it must read the header that matches the database without
    settling the rekey; the next normal unlock settles it."""
    path = tmp_path / "v"
    v, _ = make(path)
    v.lock()
    _kill_rekey_at(path, target, PASSPHRASE, NEW)
    assert (path / STAGED_HEADER).exists()
    # A process killed with the vault open leaves -wal/-shm; reading through a -wal updates the
    # shared-memory index (-shm) as any read-only open does (storage/db.py): not compared.
    before = snapshot(path)
    before.pop("vault.db-shm", None)
    ro = Vault.open(path, opens_with, allow_weak_kdf=True, readonly=True)
    assert [i.code for i in interviews.list_interviews(ro)] == ["NK-2026-113"]
    ro.lock()
    after = snapshot(path)
    after.pop("vault.db-shm", None)
    assert after == before
    v = Vault.open(path, opens_with, allow_weak_kdf=True)
    v.lock()
    assert not (path / STAGED_HEADER).exists() and not (path / STAGED_DB).exists()


def test_rekey_can_add_a_recovery_code_to_a_vault_without_one(tmp_path: Path) -> None:
    path = tmp_path / "v"
    v, none = make(path)
    assert none is None
    assert v.rekey(PASSPHRASE, allow_weak_kdf=True) is None  # keeps the vault's choice
    code = v.rekey(PASSPHRASE, with_recovery=True, allow_weak_kdf=True)
    v.lock()
    assert code
    Vault.open_with_recovery(path, code).lock()
