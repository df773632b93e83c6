"""Release signing and checksums: our minisign-format files must satisfy the stock tools."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _load(name: str) -> ModuleType:
    # packaging/ is deliberately not a package (it would shadow the 'packaging' library).
    spec = importlib.util.spec_from_file_location(f"_testimony_{name}", ROOT / "packaging" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


release = _load("release")
needs_minisign = pytest.mark.skipif(shutil.which("minisign") is None,
                                    reason="minisign (Debian package) not installed")


@pytest.fixture
def key_pair(tmp_path: Path) -> tuple[Path, Path]:
    sec, pub = tmp_path / "k.sec", tmp_path / "k.pub"
    assert release.main(["keygen", str(sec), str(pub)]) == 0
    return sec, pub


def _folder(tmp_path: Path) -> Path:
    app = tmp_path / "TestimonyVault"
    (app / "_internal" / "sub").mkdir(parents=True)
    (app / "testimony").write_bytes(b"\x7fELF program")
    (app / "_internal" / "sub" / "data with space.json").write_text('{"a": 1}')
    (app / "_internal" / "empty").write_bytes(b"")
    return app


def test_sums_match_stock_sha256sum(tmp_path: Path) -> None:
    app = _folder(tmp_path)
    release.write_sums(app)
    lines = (app / "SHA256SUMS").read_text().splitlines()
    assert [line.split("  ", 1)[1] for line in lines] == [
        "./_internal/empty", "./_internal/sub/data with space.json", "./testimony"]
    if shutil.which("sha256sum"):
        subprocess.run(["sha256sum", "--quiet", "-c", "SHA256SUMS"], cwd=app, check=True)
    assert release.check_sums(app) == []


def test_check_sums_reports_changed_missing_and_extra_files(tmp_path: Path) -> None:
    app = _folder(tmp_path)
    release.write_sums(app)
    (app / "testimony").write_bytes(b"\x7fELF trojan")
    (app / "_internal" / "empty").unlink()
    (app / "_internal" / "planted.so").write_bytes(b"x")
    assert release.check_sums(app) == [
        "changed testimony", "missing _internal/empty", "unlisted _internal/planted.so"]


def test_signature_round_trip_and_tamper_detection(tmp_path: Path, key_pair) -> None:
    sec, pub = key_pair
    target = tmp_path / "SHA256SUMS"
    target.write_text("abc  ./x\n")
    key = release.read_secret_key(sec)
    sig = release.sign_file(key, target, "testimony-vault 0.1.0 Linux built now")
    assert release.verify_file(pub.read_text(), target, sig) == (
        "testimony-vault 0.1.0 Linux built now")
    target.write_text("abd  ./x\n")
    with pytest.raises(release.ReleaseError, match="altered"):
        release.verify_file(pub.read_text(), target, sig)
    target.write_text("abc  ./x\n")
    # The trusted comment (version, date) is covered by the signature: no downgrade by editing it.
    forged = sig.replace("0.1.0", "9.9.9")
    with pytest.raises(release.ReleaseError, match="altered"):
        release.verify_file(pub.read_text(), target, forged)


def test_signature_by_another_key_is_refused_by_key_id(tmp_path: Path, key_pair) -> None:
    sec, _ = key_pair
    other_sec, other_pub = tmp_path / "o.sec", tmp_path / "o.pub"
    release.main(["keygen", str(other_sec), str(other_pub)])
    target = tmp_path / "f"
    target.write_bytes(b"data")
    sig = release.sign_file(release.read_secret_key(sec), target, "c")
    with pytest.raises(release.ReleaseError, match="not with the release key"):
        release.verify_file(other_pub.read_text(), target, sig)


def test_not_a_key_is_one_sentence(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus"
    bogus.write_text("hello\n")
    with pytest.raises(release.ReleaseError, match="not a minisign secret key"):
        release.read_secret_key(bogus)


@needs_minisign
def test_stock_minisign_verifies_our_signature(tmp_path: Path, key_pair) -> None:
    sec, pub = key_pair
    target = tmp_path / "SHA256SUMS"
    target.write_text("0" * 64 + "  ./testimony\n")
    assert release.main(["sign", str(sec), str(target), "trusted line"]) == 0
    out = subprocess.run(["minisign", "-V", "-p", str(pub), "-m", str(target)],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "Trusted comment: trusted line" in out.stdout
    target.write_text("1" * 64 + "  ./testimony\n")
    out = subprocess.run(["minisign", "-V", "-p", str(pub), "-m", str(target)],
                         capture_output=True, text=True)
    assert out.returncode != 0


@needs_minisign
def test_our_keys_work_in_stock_minisign(tmp_path: Path, key_pair) -> None:
    sec, pub = key_pair
    target = tmp_path / "f"
    target.write_bytes(b"payload")
    subprocess.run(["minisign", "-S", "-s", str(sec), "-m", str(target), "-t", "by stock"],
                   check=True, capture_output=True)
    assert release.verify_file(pub.read_text(), target,
                               (tmp_path / "f.minisig").read_text()) == "by stock"


@needs_minisign
def test_stock_encrypted_release_key_signs_with_password(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """An organisation's key made by 'minisign -G' (scrypt-encrypted) is usable by build.sh."""
    sec, pub = tmp_path / "org.sec", tmp_path / "org.pub"
    subprocess.run(["minisign", "-G", "-p", str(pub), "-s", str(sec)], input="s3cret\ns3cret\n",
                   text=True, check=True, capture_output=True)
    target = tmp_path / "SHA256SUMS"
    target.write_text("sums\n")
    monkeypatch.delenv(release.PASSWORD_ENV, raising=False)
    assert release.main(["sign", str(sec), str(target), "c"]) == 1  # no password: one sentence
    with pytest.raises(release.ReleaseError, match="password is wrong"):
        release.read_secret_key(sec, b"wrong")
    monkeypatch.setenv(release.PASSWORD_ENV, "s3cret")
    assert release.main(["sign", str(sec), str(target), "org release"]) == 0
    subprocess.run(["minisign", "-V", "-p", str(pub), "-m", str(target)], check=True,
                   capture_output=True)


def test_public_key_derived_from_secret_key(tmp_path: Path, key_pair) -> None:
    sec, pub = key_pair
    derived = tmp_path / "derived.pub"
    assert release.main(["pubkey", str(sec), str(derived)]) == 0
    assert derived.read_text() == pub.read_text()


def test_folder_size_groups_internal_entries(tmp_path: Path) -> None:
    app = _folder(tmp_path)
    total, parts = release.folder_size(app)
    assert total == len(b"\x7fELF program") + len('{"a": 1}')
    assert dict(parts) == {"testimony": 12, "_internal/sub": 8, "_internal/empty": 0}


def _built_folder(tmp_path: Path) -> Path:
    app = _folder(tmp_path)
    (app / "_internal" / "testimony-build.json").write_text(json.dumps(
        {"commands": [], "subcommands": [], "migrations": [], "version": "9.8.7",
         "source": "git-0123456789ab", "platform": "Linux-x86_64",
         "built": "2026-11-28T12:00:00Z"}))
    return app


def _sign_sh(app: Path, **env_extra: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TESTIMONY_RELEASE")}
    env.update(TESTIMONY_BUILD_PYTHON=sys.executable, **env_extra)
    return subprocess.run(["bash", str(ROOT / "packaging" / "sign.sh"), str(app)], env=env,
                          capture_output=True, text=True, timeout=300)


def test_sign_sh_without_a_key_signs_for_testing_only_and_says_so(tmp_path: Path) -> None:
    app = _built_folder(tmp_path)
    run = _sign_sh(app)
    assert run.returncode == 0, run.stderr
    assert "THROW-AWAY key" in run.stderr and "FOR TESTING ONLY" in run.stderr
    comment = release.verify_file((tmp_path / "THROWAWAY-TEST-KEY.pub").read_text(),
                                  app / "SHA256SUMS", (app / "SHA256SUMS.minisig").read_text())
    assert comment == ("TEST ONLY, throw-away key: testimony-vault 9.8.7 git-0123456789ab "
                       "Linux-x86_64 built 2026-11-28T12:00:00Z SHA256SUMS")
    assert not (app / "THROWAWAY-TEST-KEY.sec").exists()  # the key stays outside the folder
    assert release.check_sums(app) == []


@needs_minisign
def test_sign_sh_with_the_organisation_key_verifies_with_stock_minisign(tmp_path: Path) -> None:
    sec, pub = tmp_path / "org.key", tmp_path / "org.pub"
    subprocess.run(["minisign", "-G", "-W", "-p", str(pub), "-s", str(sec)], check=True,
                   capture_output=True)
    app = _built_folder(tmp_path)
    run = _sign_sh(app, TESTIMONY_RELEASE_KEY=str(sec), TESTIMONY_RELEASE_PUBKEY=str(pub))
    assert run.returncode == 0, run.stderr
    assert "THROW-AWAY" not in run.stderr
    out = subprocess.run(["minisign", "-V", "-p", str(pub), "-m", str(app / "SHA256SUMS")],
                         capture_output=True, text=True)
    assert out.returncode == 0
    assert "Trusted comment: testimony-vault 9.8.7 git-0123456789ab" in out.stdout
    assert "TEST ONLY" not in out.stdout


def test_sign_sh_refuses_a_folder_that_is_not_a_build(tmp_path: Path) -> None:
    run = _sign_sh(_folder(tmp_path))
    assert run.returncode == 1
    assert "is not a built Testimony Vault folder" in run.stderr
    assert not (tmp_path / "TestimonyVault" / "SHA256SUMS").exists()
