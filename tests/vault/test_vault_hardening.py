"""Hostile vault headers and process hardening: KDF parameters above the
ceiling, Unicode forms of passphrases, core dumps, the exception hook and the passphrase in the
environment."""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from crypto.errors import UnwrapError
from crypto.kdf import derive_key, weak_test_params
from crypto.wrap import unwrap_key, wrap_key
from storage import audit
from storage.errors import WrongPassphrase
from storage.header import read_header, write_header_atomically
from storage.vault import Vault
from tests.cli_runner import Cli
from tests.common import ROOT, snapshot


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


def _python(code: str, *args: str, env: dict[str, str] | None = None,
            stdin: int | None = None) -> subprocess.CompletedProcess[str]:
    import os

    env = env or {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          cwd=ROOT, env=env, check=False, timeout=120, stdin=stdin)


STATE = """
import resource
from crypto.hardening import is_dumpable
print(int(is_dumpable()), resource.getrlimit(resource.RLIMIT_CORE))
"""


def test_plain_python_is_dumpable_so_the_check_can_fail() -> None:
    res = _python(STATE)
    assert res.returncode == 0, res.stderr
    assert res.stdout.startswith("1 "), res.stdout


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux-only")
def test_cli_and_gui_entry_disable_core_dumps() -> None:
    """`main` (the CLI, and the GUI through `gui_main`) hardens the process first thing."""
    res = _python("from cli import main\nmain(['--version'])\n" + STATE)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip().splitlines()[-1] == "0 (0, 0)"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux-only")
def test_engine_child_disables_core_dumps(tmp_path: Path) -> None:
    out = tmp_path / "state.txt"
    # the child ends itself with os._exit (no teardown); let it return here to report instead
    code = ("import os, sys, resource\nos._exit = lambda code: None\n"
            "from transcription.child import main\nmain()\n"
            "from crypto.hardening import is_dumpable\n"
            f"open({str(out)!r}, 'w').write(f'{{int(is_dumpable())}} "
            "{resource.getrlimit(resource.RLIMIT_CORE)}')\n")
    res = _python(code, stdin=subprocess.DEVNULL)  # input closed: the child serves nothing
    assert res.returncode == 0, res.stderr
    assert out.read_text() == "0 (0, 0)"


SECRET = "SECRET-TESTIMONY-김철수-무산"
RAISER = f"""
import threading
from crypto.hardening import install_excepthook
install_excepthook()
def parse_transcript():
    raise ValueError({SECRET!r})
t = threading.Thread(target=parse_transcript); t.start(); t.join()
parse_transcript()
"""


def test_excepthook_shows_type_and_frames_never_the_message() -> None:
    res = _python(RAISER)
    assert res.returncode == 1
    assert res.stderr.count("Unexpected error: builtins.ValueError") == 2  # thread and main
    assert "in parse_transcript" in res.stderr and 'File "<string>", line 6' in res.stderr
    assert SECRET not in res.stderr and "SECRET" not in res.stdout
    # Without the hook Python would have printed it: the test can fail.
    plain = _python(RAISER.replace("install_excepthook()", "pass"))
    assert SECRET in plain.stderr


ENV_CHILD = """
import os, subprocess, sys
from cli import main
rc = main(sys.argv[1:])
print("rc", rc)
print("environ", os.environ.get("TESTIMONY_PASSPHRASE"))
print("getenv", subprocess.run([sys.executable, "-c",
      "import os; print(os.environ.get('TESTIMONY_PASSPHRASE'))"],
      capture_output=True, text=True).stdout.strip())
print("shell", subprocess.run(["sh", "-c", "echo ${TESTIMONY_PASSPHRASE:-unset}"],
      capture_output=True, text=True).stdout.strip())
with open("/proc/self/environ", "rb") as fh:
    print("proc", SECRET.encode() in fh.read())
"""


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs /proc")
def test_passphrase_leaves_the_environment_once_read(cli: Cli) -> None:
    secret = "environment passphrase 비밀번호"
    new = cli.passphrase_file.parent / "env-new.txt"
    new.write_text(secret + "\n")
    cli("passwd", "--new-passphrase-file", str(new), check=True)
    env = {**cli.env, "TESTIMONY_PASSPHRASE": secret}
    res = _python(ENV_CHILD.replace("SECRET", repr(secret)), "--vault", str(cli.vault), "interview",
                  "list", env=env)
    assert res.returncode == 0, res.stderr
    lines = dict(line.split(" ", 1) for line in res.stdout.strip().splitlines()[-5:])
    assert lines == {"rc": "0", "environ": "None", "getenv": "None", "shell": "unset",
                     "proc": "False"}, res.stdout


# ----------------------------------------------------------------- Unicode forms of passphrases
HANGUL = "우리 가족은 함경북도 무산에 살았습니다"
NFC = unicodedata.normalize("NFC", HANGUL).encode()
NFD = unicodedata.normalize("NFD", HANGUL).encode()  # decomposed jamo, as some keyboards send


def _opens_with_exact_bytes(path: Path, passphrase: bytes) -> bool:
    header = read_header(path)
    try:
        unwrap_key(derive_key(passphrase, header.kdf, allow_weak=True), header.passphrase_wrap,
                   header.passphrase_aad())
    except UnwrapError:
        return False
    return True


def test_hangul_forms_differ_as_bytes() -> None:
    assert NFC != NFD and len(NFD) > len(NFC)


def test_new_wraps_use_nfc_and_either_form_opens(tmp_path: Path) -> None:
    path = tmp_path / "v"
    v, _ = Vault.create(path, NFD, kdf=weak_test_params(), allow_weak_kdf=True)
    v.lock()
    assert _opens_with_exact_bytes(path, NFC) and not _opens_with_exact_bytes(path, NFD)
    for form in (NFC, NFD):
        Vault.open(path, form, allow_weak_kdf=True).lock()
    v = Vault.open(path, NFC, allow_weak_kdf=True)
    v.change_passphrase(NFD + b" 2", allow_weak_kdf=True)
    v.lock()
    assert _opens_with_exact_bytes(path, NFC + b" 2")


def test_vault_wrapped_for_nfd_opens_with_nfc_and_is_rewrapped(tmp_path: Path) -> None:
    """A vault made before normalisation, by a keyboard sending decomposed jamo."""
    path = tmp_path / "v"
    v, _ = Vault.create(path, b"temporary passphrase", kdf=weak_test_params(),
                        allow_weak_kdf=True)
    header = read_header(path)
    header.passphrase_wrap = wrap_key(derive_key(NFD, header.kdf, allow_weak=True), v._key(),
                                      header.passphrase_aad())
    write_header_atomically(path, header)
    v.lock()
    assert _opens_with_exact_bytes(path, NFD) and not _opens_with_exact_bytes(path, NFC)
    before = snapshot(path)
    with pytest.raises(WrongPassphrase):
        Vault.open(path, NFC + b"x", allow_weak_kdf=True)
    assert snapshot(path) == before
    v = Vault.open(path, NFC, allow_weak_kdf=True)  # typed on a keyboard that sends NFC
    entries = [e for e in audit.entries(v.conn) if e.action == "change-passphrase"]
    v.lock()
    assert _opens_with_exact_bytes(path, NFC) and not _opens_with_exact_bytes(path, NFD)
    assert entries and entries[-1].details == {"reason": "unicode-normalisation"}
    Vault.open(path, NFD, allow_weak_kdf=True).lock()  # and the old form still opens it
