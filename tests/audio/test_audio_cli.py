"""The audio command line without a microphone: errors are one sentence with the right code."""

from __future__ import annotations

from pathlib import Path

from tests.cli_runner import Cli


def _sentences(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("testimony: ")]


def test_record_without_any_microphone_says_so_and_stores_nothing(cli: Cli,
                                                                  tmp_path: Path) -> None:
    iid = cli("interview", "add", "--code", "NK-2026-133", check=True).stdout.strip()
    nowhere = tmp_path / "no-pulse"
    nowhere.mkdir()
    cli.env.update({"PULSE_SERVER": f"unix:{nowhere / 'native'}",
                    "XDG_RUNTIME_DIR": str(nowhere)})
    done = cli("audio", "record", iid, "--seconds", "1")
    assert done.returncode == 1 and done.stdout == ""
    (sentence,) = _sentences(done.stderr)
    assert "No microphone was found" in sentence
    assert done.stderr.strip() == sentence  # no Qt or PulseAudio chatter around it
    assert cli("audio", "list", iid, check=True).stdout == ""


def test_record_and_import_argument_errors(cli: Cli, tmp_path: Path) -> None:
    iid = cli("interview", "add", "--code", "NK-2026-134", check=True).stdout.strip()
    bad = cli("audio", "record", iid, "--seconds", "0")
    assert bad.returncode == 2 and "--seconds" in bad.stderr
    unknown = cli("audio", "list", "NO-SUCH-CODE")
    assert unknown.returncode == 1 and len(_sentences(unknown.stderr)) == 1
    folder = cli("audio", "import", iid, str(tmp_path))
    assert folder.returncode == 2 and "folder" in folder.stderr
    empty = tmp_path / "empty.wav"
    empty.write_bytes(b"")
    refused = cli("audio", "import", iid, str(empty))
    assert refused.returncode == 1
    (sentence,) = _sentences(refused.stderr)
    assert sentence.endswith("nothing was stored; choose the original recording, or re-export "
                             "it from the device.")
    marker = cli("audio", "marker", iid, "--at", "12.5", "--note", "door", check=True)
    listed = cli("audio", "markers", iid, check=True).stdout
    assert marker.stdout.strip() in listed and "12.50s" in listed
