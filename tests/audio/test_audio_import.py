"""Importing audio files: every format round-trips byte for byte, bad files are refused with
one sentence and leave nothing, interrupted imports leave nothing, export checks the hash."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app import interviews
from app.audio import assets as audio
from app.audio import markers
from app.audio.probe import BadAudio
from app.errors import IntegrityFailure, UsageError
from app.tasks import Cancelled, CancelToken
from storage import audit, blobs
from storage.vault import Vault
from tests.audio_clips import FORMATS, make_clip, make_long_wav, make_video_only
from tests.audio_helpers import decode_blob, distinctive_runs, find_plaintext
from tests.cli_runner import Cli
from tests.common import PASSPHRASE, ROOT


@pytest.fixture(scope="module")
def clips(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("clips")
    return {kind: make_clip(folder / f"clip{FORMATS[kind][0]}", kind) for kind in FORMATS}


@pytest.fixture
def interview(vault: Vault) -> str:
    return interviews.add_interview(vault, code="NK-2026-143", role="interviewer")


def _nothing_stored(vault: Vault) -> None:
    assert vault.conn.execute("SELECT COUNT(*) FROM blob").fetchone() == (0,)
    assert vault.conn.execute("SELECT COUNT(*) FROM blob_chunk").fetchone() == (0,)
    assert vault.conn.execute("SELECT COUNT(*) FROM audio_asset").fetchone() == (0,)
    assert vault.conn.execute(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'import'").fetchone() == (0,)
    assert list(vault.lock_folder.glob("*.lock")) == []


def _one_sentence(message: str) -> None:
    assert message.endswith(".") and message.count(". ") == 0 and "\n" not in message


@pytest.mark.parametrize("kind", sorted(FORMATS))
def test_every_format_round_trips_byte_for_byte(kind: str, clips: dict[str, Path], vault: Vault,
                                                interview: str, tmp_path: Path) -> None:
    source = clips[kind]
    original = source.read_bytes()
    asset = audio.import_audio(vault, interview, source, role="interviewer")
    digest = hashlib.sha256(original).hexdigest()
    assert asset.sha256 == digest and asset.size == len(original)
    assert asset.source == "import" and asset.state == "complete"
    assert asset.original_name == source.name and asset.channels == 1
    assert asset.sample_rate == FORMATS[kind][3]
    assert asset.duration_s == pytest.approx(2.0, abs=0.05)
    # The audit log records the hash of exactly what was stored.
    (entry,) = [e for e in audit.entries(vault.conn, object_id=asset.id) if e.action == "import"]
    assert entry.details["sha256"] == digest and entry.role == "interviewer"
    # Decoding the stored copy (for playback, the engine) works from encrypted storage.
    samples, rate = decode_blob(vault, asset.blob_id)
    assert rate == asset.sample_rate and abs(samples.shape[1] / rate - 2.0) < 0.05
    out = tmp_path / f"exported{source.suffix}"
    audio.export_asset(vault, interview, asset.id, out, role="supervisor")
    assert out.read_bytes() == original


def test_cli_import_list_export_and_overwrite_rules(cli: Cli, clips: dict[str, Path],
                                                    tmp_path: Path) -> None:
    iid = cli("interview", "add", "--code", "NK-2026-144", check=True).stdout.strip()
    done = cli("audio", "import", iid, str(clips["m4a-aac"]), check=True)
    asset_id = done.stdout.strip()
    (item,) = json.loads(cli("audio", "list", "NK-2026-144", "--json", check=True).stdout)
    assert item["id"] == asset_id and item["codec"] == "aac"
    assert asset_id in cli("audio", "list", iid, check=True).stdout
    out = tmp_path / "out.m4a"
    cli("audio", "export", iid, asset_id[:8], str(out), check=True)
    assert out.read_bytes() == clips["m4a-aac"].read_bytes()
    out.write_bytes(b"keep me")
    refused = cli("audio", "export", iid, asset_id, str(out))
    assert refused.returncode == 2 and "--force" in refused.stderr
    assert out.read_bytes() == b"keep me"
    cli("audio", "export", iid, asset_id, str(out), "--force", check=True)
    assert out.read_bytes() == clips["m4a-aac"].read_bytes()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")] == []
    missing = cli("audio", "import", iid, str(tmp_path / "nope.wav"))
    assert missing.returncode == 1 and "no file" in missing.stderr


def _damaged(kind: str, clips: dict[str, Path], folder: Path) -> Path:
    data = clips[kind].read_bytes()
    path = folder / f"damaged-{kind}{clips[kind].suffix}"
    buf = bytearray(data)
    third = len(buf) // 3
    buf[third:third + len(buf) // 4] = bytes((i * 151 + 17) % 256 for i in range(len(buf) // 4))
    path.write_bytes(bytes(buf))
    return path


@pytest.mark.parametrize("case", [
    "empty", "text", "random", "video-only", "header-only-wav", "wav-truncated",
    "flac-truncated", "mp3-truncated", "m4a-truncated", "opus-truncated",
    "flac-corrupt", "m4a-corrupt", "mp3-corrupt", "opus-corrupt"])
def test_bad_files_are_refused_with_one_sentence_and_nothing_is_stored(
        case: str, clips: dict[str, Path], vault: Vault, interview: str, tmp_path: Path) -> None:
    path = tmp_path / f"{case}.bin"
    if case == "empty":
        path.write_bytes(b"")
    elif case == "text":
        path.write_text("Minutes of the meeting, not a recording.\n" * 200)
    elif case == "random":
        path.write_bytes(os.urandom(200_000))
    elif case == "video-only":
        path = make_video_only(tmp_path / "video-only.mp4")
    elif case == "header-only-wav":
        path.write_bytes(clips["wav"].read_bytes()[:44][:40] + b"\0\0\0\0")
    elif case.endswith("-truncated"):
        kind = {"wav": "wav", "flac": "flac", "mp3": "mp3", "m4a": "m4a-aac",
                "opus": "ogg-opus"}[case[:-10]]
        data = clips[kind].read_bytes()
        path = tmp_path / f"{case}{clips[kind].suffix}"
        path.write_bytes(data[: len(data) // 2])
    else:
        kind = {"flac": "flac", "mp3": "mp3", "m4a": "m4a-aac", "opus": "ogg-opus"}[case[:-8]]
        path = _damaged(kind, clips, tmp_path)
    with pytest.raises(BadAudio) as err:
        audio.import_audio(vault, interview, path, role="interviewer")
    message = str(err.value)
    assert message.startswith(path.name) and "nothing was stored" in message
    _one_sentence(message)
    _nothing_stored(vault)


def test_import_interrupted_midway_leaves_nothing(clips: dict[str, Path], vault: Vault,
                                                  interview: str, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    big = make_long_wav(tmp_path / "long.wav", 300)  # ~9.6 MB: several flushed blob chunks
    real_write = blobs.BlobWriter.write
    calls = {"n": 0}

    def failing_write(self: blobs.BlobWriter, data: bytes) -> int:
        calls["n"] += 1
        if calls["n"] == 7:
            raise OSError(5, "Input/output error")  # e.g. the USB stick was pulled out
        return real_write(self, data)

    monkeypatch.setattr(blobs.BlobWriter, "write", failing_write)
    with pytest.raises(OSError):
        audio.import_audio(vault, interview, big, role="interviewer")
    monkeypatch.undo()
    _nothing_stored(vault)
    # Cancelling (the GUI's cancel button) leaves nothing either, even while checking.
    token = CancelToken()

    def progress(fraction: float, label: str) -> None:
        if fraction > 0.7:
            token.cancel()

    with pytest.raises(Cancelled):
        audio.import_audio(vault, interview, big, role="interviewer", progress=progress,
                           cancel=token)
    _nothing_stored(vault)


@pytest.mark.slow
def test_kill_9_during_import_leaves_nothing(cli: Cli, tmp_path: Path) -> None:
    iid = cli("interview", "add", "--code", "NK-2026-145", check=True).stdout.strip()
    big = make_long_wav(tmp_path / "long.wav", 3600)  # 115 MB: takes a few seconds
    cmd = [sys.executable, "-m", "cli", "--vault", str(cli.vault), "--passphrase-file",
           str(cli.passphrase_file), "audio", "import", iid, str(big)]
    proc = subprocess.Popen(cmd, env=cli.env, cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    locks = cli.vault / "locks"
    deadline = time.monotonic() + 60
    while not (locks.exists() and any(locks.glob("*.lock"))):
        assert proc.poll() is None, "the import ended before it could be interrupted"
        assert time.monotonic() < deadline
        time.sleep(0.02)
    time.sleep(0.5)  # well into streaming: some chunks are committed
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)
    assert proc.returncode == -signal.SIGKILL
    with Vault.open(cli.vault, PASSPHRASE) as vault:
        assert vault.recovered_blobs and vault.recovered_blobs[0][1] == "discarded"
        _nothing_stored(vault)
        assert vault.integrity_check() == []


@pytest.mark.slow
def test_ctrl_c_during_import_stores_nothing_and_says_so(cli: Cli, tmp_path: Path) -> None:
    iid = cli("interview", "add", "--code", "NK-2026-147", check=True).stdout.strip()
    big = make_long_wav(tmp_path / "long.wav", 3600)
    cmd = [sys.executable, "-m", "cli", "--vault", str(cli.vault), "--passphrase-file",
           str(cli.passphrase_file), "audio", "import", iid, str(big)]
    # Ctrl-C as in a terminal: a suite started in the background (``cmd &``) passes SIGINT on
    # as ignored, and Python then never turns it into KeyboardInterrupt.
    proc = subprocess.Popen(cmd, env=cli.env, cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    locks = cli.vault / "locks"
    deadline = time.monotonic() + 60
    while not (locks.exists() and any(locks.glob("*.lock"))):
        assert proc.poll() is None and time.monotonic() < deadline
        time.sleep(0.02)
    time.sleep(0.3)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 1 and out == ""
    assert err.strip().endswith("testimony: Import interrupted; nothing was stored.")
    with Vault.open(cli.vault, PASSPHRASE) as vault:
        _nothing_stored(vault)


def test_import_leaves_no_plaintext_on_disk(cli: Cli, clips: dict[str, Path]) -> None:
    iid = cli("interview", "add", "--code", "NK-2026-146", check=True).stdout.strip()
    cli("audio", "import", iid, str(clips["wav"]), check=True)
    cli("audio", "list", iid, check=True)
    runs = distinctive_runs(clips["wav"].read_bytes()[44:])
    assert find_plaintext([cli.vault, Path(cli.env["TMPDIR"])], runs) == []


def test_export_refuses_audio_that_no_longer_matches_its_hash(
        clips: dict[str, Path], vault: Vault, interview: str, tmp_path: Path) -> None:
    asset = audio.import_audio(vault, interview, clips["flac"], role="interviewer")
    with vault.transaction() as conn:
        data = bytearray(conn.execute("SELECT data FROM blob_chunk WHERE blob_id = ? AND seq = 0",
                                      (asset.blob_id,)).fetchone()[0])
        data[100] ^= 0xFF
        conn.execute("UPDATE blob_chunk SET data = ? WHERE blob_id = ? AND seq = 0",
                     (bytes(data), asset.blob_id))
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "tampered.flac"
    with pytest.raises(IntegrityFailure) as err:
        audio.export_asset(vault, interview, asset.id, out, role="supervisor")
    _one_sentence(str(err.value))
    assert list((tmp_path / "out").iterdir()) == []


def test_export_and_import_argument_errors(clips: dict[str, Path], vault: Vault,
                                           interview: str, tmp_path: Path) -> None:
    asset = audio.import_audio(vault, interview, clips["wav"], role="interviewer")
    with pytest.raises(UsageError):
        audio.export_asset(vault, interview, asset.id, tmp_path, role="supervisor")
    with pytest.raises(UsageError):
        audio.export_asset(vault, interview, asset.id, tmp_path / "no" / "x.wav",
                           role="supervisor")
    with pytest.raises(UsageError):
        audio.import_audio(vault, interview, tmp_path, role="interviewer")
    from app.errors import NotFound

    with pytest.raises(NotFound):
        audio.get_asset(vault, interview, "zz")
    marker = markers.add_marker(vault, interview, 1.25, "door slams", role="interviewer",
                              asset=asset.id)
    with pytest.raises(UsageError):
        markers.add_marker(vault, interview, -1, role="interviewer")
    (m,) = markers.list_markers(vault, interview)
    assert m.id == marker and m.asset_id == asset.id and m.note == "door slams"


def test_import_onto_a_full_disk_stores_nothing_and_says_so(cli: Cli, tmp_path: Path) -> None:
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small tmpfs needs root and mount(8)")
    iid = cli("interview", "add", "--code", "NK-2026-148", check=True).stdout.strip()
    big = make_long_wav(tmp_path / "long.wav", 600)  # 19 MB: more than the disk holds
    small = tmp_path / "small-disk"
    small.mkdir()
    used = sum(p.stat().st_size for p in cli.vault.rglob("*") if p.is_file())
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={used // 1024 + 4096}k",
                              "tmpfs", str(small)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("mounting a tmpfs is not permitted here (mount(8) failed)")
    try:
        shutil.copytree(cli.vault, small / "vault")
        cli.vault = small / "vault"
        done = cli("audio", "import", iid, str(big))
        assert done.returncode == 1 and done.stdout == ""
        sentences = [line for line in done.stderr.splitlines() if line.startswith("testimony: ")]
        assert sentences == ["testimony: The disk is full, so the import was stopped and nothing "
                             "was stored; free some space and import again."]
        copy = tmp_path / "vault-copy"
        shutil.copytree(small / "vault", copy)
    finally:
        subprocess.run(["umount", str(small)], check=False)
    with Vault.open(copy, PASSPHRASE) as vault:
        _nothing_stored(vault)
        assert vault.integrity_check() == []


def test_wav_length_check_walks_extra_chunks(tmp_path: Path) -> None:
    """A WAV with a LIST chunk (odd size, padded) before its data is checked at the data chunk."""
    import struct

    from app.audio.probe import _wav_is_cut_short, probe
    from tests.audio_clips import signal as test_signal

    pcm = test_signal(1.0, 16000).tobytes()
    info = b"INFOISFT" + struct.pack("<I", 5) + b"Lavf\0" + b"\0"  # 5 bytes + pad byte
    body = (b"WAVE" + b"fmt " + struct.pack("<IHHIIHH", 16, 1, 1, 16000, 32000, 2, 16)
            + b"LIST" + struct.pack("<I", len(info) - 1) + info
            + b"data" + struct.pack("<I", len(pcm)) + pcm)
    whole = b"RIFF" + struct.pack("<I", len(body)) + body
    assert not _wav_is_cut_short(whole[:4096], len(whole))
    assert _wav_is_cut_short(whole[:4096], len(whole) - 1000)
    (tmp_path / "ok.wav").write_bytes(whole)
    with open(tmp_path / "ok.wav", "rb") as fh:
        assert probe(fh).duration_s == pytest.approx(1.0)
    (tmp_path / "cut.wav").write_bytes(whole[:-1000])
    with open(tmp_path / "cut.wav", "rb") as fh, pytest.raises(BadAudio, match="truncated"):
        probe(fh, name="cut.wav")
    # Streaming headers (our own recordings) declare no length and are never "truncated".
    streaming = whole.replace(b"data" + struct.pack("<I", len(pcm)), b"data\xff\xff\xff\xff")
    assert not _wav_is_cut_short(streaming[:4096], len(streaming) - 1000)
