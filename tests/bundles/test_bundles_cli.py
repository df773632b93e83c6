"""The real ``testimony`` command end to end on floor-KDF vaults, and the independent check of
an exported bundle with only stock tools: age, tar, minisign, sha256sum (Debian packages)."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from app.bundles import container
from crypto import minisign
from crypto.kdf import floor_params
from crypto.signing import new_signing_key
from storage.vault import Vault
from tests.cli_runner import Cli
from tests.common import PASSPHRASE

TOOLS = ("age", "minisign", "sha256sum", "tar", "diff", "sh")


@pytest.fixture
def sup_cli(tmp_path: Path, cli: Cli) -> Cli:
    v, _ = Vault.create(tmp_path / "sup-vault", PASSPHRASE, kdf=floor_params())
    v.lock()
    return Cli(tmp_path / "sup-vault", cli.passphrase_file, cli.env)


def _folder_state(path: Path) -> dict[str, tuple[str, int]]:
    """Every file in a vault folder: content hash and modification time."""
    return {str(p.relative_to(path)): (hashlib.sha256(p.read_bytes()).hexdigest(),
                                       p.stat().st_mtime_ns)
            for p in sorted(path.rglob("*")) if p.is_file()}


def _recipe(key: Path, bundle: Path, pinned: Path) -> subprocess.CompletedProcess[str]:
    """Run the stock-tool script of docs/bundle-format.md, exactly as written there except for
    its line naming the three files."""
    doc = (Path(__file__).resolve().parents[2] / "docs" / "bundle-format.md").read_text()
    script = doc.split("## Checking a bundle with standard tools only")[1]
    script = script.split("```sh\n")[1].split("```")[0]
    lines = script.splitlines()
    paths = [i for i, line in enumerate(lines) if line.startswith("KEY=")]
    assert len(paths) == 1
    lines[paths[0]] = f"KEY='{key}' BUNDLE='{bundle}' PINNED='{pinned}'"
    assert "mktemp -d -p /dev/shm" in script
    with tempfile.TemporaryDirectory(dir="/dev/shm") as shm:
        # TMPDIR only keeps the test's mktemp folder inside a folder it cleans up.
        return subprocess.run(["sh", "-c", "\n".join(lines).replace(
            "-p /dev/shm", f"-p '{shm}'")], capture_output=True, text=True)


def _ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_full_workflow_and_stock_tools(tmp_path: Path, cli: Cli, sup_cli: Cli) -> None:
    missing = [t for t in TOOLS if shutil.which(t) is None]
    if missing:
        pytest.skip(f"{', '.join(missing)} not installed (Debian packages)")
    if not Path("/dev/shm").is_dir():
        pytest.skip("no /dev/shm tmpfs for the recipe's RAM-only working folder")
    key = tmp_path / "supervisor.key"
    pub_text = _ok(sup_cli("keys", "supervisor-new", "--out", str(key), "--label", "Seoul"))
    assert key.read_text().count("AGE-SECRET-KEY-1") == 1 and oct(key.stat().st_mode)[-3:] == "600"
    assert "age-recipient: age1" in pub_text and "fingerprint: " in pub_text
    (tmp_path / "sup.pub").write_text(pub_text)
    assert "Pinned supervisor" in _ok(cli("keys", "trust-supervisor", str(tmp_path / "sup.pub")))
    (tmp_path / "device.txt").write_text(_ok(cli("device", "show")))
    assert "age-recipient: age1" in (tmp_path / "device.txt").read_text()  # receipt key
    assert "Pinned device" in _ok(sup_cli("keys", "trust-device", str(tmp_path / "device.txt")))
    _ok(cli("interview", "add", "--code", "NK-2026-133", "--consent", "archive"))
    _ok(cli("interview", "add", "--code", "NK-2026-134", "--consent", "un"))

    bundle = tmp_path / "out" / "b.age"
    bundle.parent.mkdir()
    export = cli("export", "--out", str(bundle), "--recipient", str(tmp_path / "sup.pub"))
    assert export.returncode == 0, export.stderr
    assert "Left out NK-2026-134" in export.stderr and "NK-2026-133" in export.stdout
    assert [p.name for p in bundle.parent.iterdir()] == ["b.age"]

    # --- independent verification with stock tools only: the docs/bundle-format.md script
    (tmp_path / "device.pub").write_text(_ok(cli("keys", "device-pub", "--minisign")))
    checked = _recipe(key, bundle, tmp_path / "device.pub")
    assert checked.returncode == 0, checked.stderr
    assert "Signature and comment signature verified" in checked.stdout
    assert "tables/interview.jsonl: OK" in checked.stdout
    assert checked.stdout.rstrip().endswith("nothing added.")
    # An unsigned file appended to the archive: every listed file still checks out, so only
    # the listing step (5) catches it.
    plain = subprocess.run(["age", "-d", "-i", str(key), str(bundle)], capture_output=True,
                           check=True).stdout
    end = len(plain) - len(container.END_OF_ARCHIVE)
    assert plain[end:] == container.END_OF_ARCHIVE
    extra = b"forged, unsigned\n"
    appended = (plain[:end] + container.header("tables/note.jsonl", len(extra)) + extra
                + container.padding(len(extra)) + container.END_OF_ARCHIVE)
    recipient = key.read_text().split("# public key: ")[1].split()[0]
    forged = tmp_path / "appended.age"
    subprocess.run(["age", "-r", recipient, "-o", str(forged)], input=appended, check=True)
    result = _recipe(key, forged, tmp_path / "device.pub")
    assert result.returncode != 0 and "nothing added" not in result.stdout
    assert "tables/note.jsonl" in result.stdout  # diff shows the extra name
    assert "tables/interview.jsonl: OK" not in result.stdout  # stopped before step 6
    # The key inside the bundle is not a trust anchor: another pinned key fails step 3.
    (tmp_path / "other.pub").write_text(minisign.public_key_file(new_signing_key()[1]))
    other = _recipe(key, bundle, tmp_path / "other.pub")
    assert other.returncode != 0 and "nothing added" not in other.stdout
    assert "Signature and comment signature verified" not in other.stdout  # stopped at step 3
    assert "SHA256SUMS: OK" not in other.stdout

    # --- verify (never writes), import, replay, receipt, purge
    # Without a trust anchor the origin is unchecked: exit 4, whatever key signed it.
    alone = sup_cli("verify", str(bundle), "--identity", str(key))
    assert alone.returncode == 4 and "ORIGIN NOT CHECKED" in alone.stdout
    assert "Result: NOT VALIDATED" in alone.stdout and "Result: VALID" not in alone.stdout
    assert alone.stderr.count("\n") == 1 and "--signer" in alone.stderr
    # --signer with what 'device show' printed on the laptop (obtained in person)
    report = _ok(sup_cli("verify", str(bundle), "--identity", str(key), "--signer",
                         str(tmp_path / "device.txt")))
    assert "matches the --signer key file" in report and "Result: VALID" in report
    both = sup_cli("verify", str(bundle), "--identity", str(key), "--signer",
                   str(tmp_path / "device.txt"), "--vault", str(sup_cli.vault))
    assert both.returncode == 2 and "not allowed with" in both.stderr
    # verify --vault writes nothing in the vault folder, even with a failed unlock pending
    wrong = tmp_path / "wrong.pass"
    wrong.write_text("not the passphrase")
    assert sup_cli("interview", "list", passphrase_file=wrong).returncode == 3
    before = _folder_state(sup_cli.vault)
    report = _ok(sup_cli("verify", str(bundle), "--identity", str(key), "--vault",
                         str(sup_cli.vault)))
    assert "pinned in this vault" in report and "first bundle" in report
    assert _folder_state(sup_cli.vault) == before
    imported = sup_cli("import", str(bundle), "--identity", str(key))
    assert "1 failed unlock attempt" in imported.stderr  # still pending, reported now
    imported = _ok(imported)
    assert "Imported bundle" in imported and "0 conflicts" in imported
    assert "No receipt was written" in imported
    assert [p.name for p in bundle.parent.iterdir()] == ["b.age"]  # nothing next to the bundle
    receipt = tmp_path / "receipts" / "for-laptop.receipt"
    receipt.parent.mkdir()
    again = _ok(sup_cli("import", str(bundle), "--identity", str(key), "--receipt",
                        str(receipt)))
    assert "already imported" in again and "Receipt written" in again
    listing = _ok(sup_cli("interview", "list"))
    assert "NK-2026-133" in listing and "NK-2026-134" not in listing

    assert oct(receipt.stat().st_mode)[-3:] == "600"
    assert receipt.read_bytes().startswith(b"age-encryption.org/v1\n")
    assert b"NK-2026-132" not in receipt.read_bytes() and b"testimony" not in receipt.read_bytes()
    taken = sup_cli("import", str(bundle), "--identity", str(key), "--receipt", str(receipt))
    assert taken.returncode == 2 and "Nothing was imported" in taken.stderr
    assert "1 interviews may now be purged" in _ok(cli("receipt", "apply", str(receipt)))
    assert "Purged 1 interviews: NK-2026-133" in _ok(cli("purge", "--acknowledged"))
    remaining = _ok(cli("interview", "list"))
    assert "NK-2026-133" not in remaining and "NK-2026-134" in remaining


def test_cli_refusals_are_one_sentence_with_the_right_exit_code(tmp_path: Path, cli: Cli,
                                                                 sup_cli: Cli) -> None:
    key = tmp_path / "supervisor.key"
    (tmp_path / "sup.pub").write_text(_ok(sup_cli("keys", "supervisor-new", "--out", str(key))))
    _ok(cli("interview", "add", "--code", "NK-2026-133", "--consent", "archive"))
    unpinned = cli("export", "--out", str(tmp_path / "x.age"), "--recipient",
                   str(tmp_path / "sup.pub"))
    assert unpinned.returncode == 1 and "not a pinned supervisor" in unpinned.stderr
    plain = cli("export", "--out", str(tmp_path / "p.tar"), "--unencrypted")
    assert plain.returncode == 2 and "--i-understand" in plain.stderr
    assert not (tmp_path / "p.tar").exists()
    _ok(cli("keys", "trust-supervisor", str(tmp_path / "sup.pub")))
    bundle = tmp_path / "b.age"
    _ok(cli("export", "--out", str(bundle), "--recipient", str(tmp_path / "sup.pub")))
    data = bytearray(bundle.read_bytes())
    data[-100] ^= 1
    bad = tmp_path / "bad.age"
    bad.write_bytes(bytes(data))
    result = sup_cli("verify", str(bad), "--identity", str(key))
    assert result.returncode == 4
    assert result.stderr.count("\n") == 1 and "refused" in result.stderr
    unpinned_import = sup_cli("import", str(bundle), "--identity", str(key))
    assert unpinned_import.returncode == 4 and "not pinned" in unpinned_import.stderr
    assert not Path(f"{bundle}.receipt").exists()
