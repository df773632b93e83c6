"""Recording from a real (virtual PulseAudio) microphone: Qt recorder, CLI, kill -9, full disk,
vanished device, and no plaintext on disk."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import wave
from collections.abc import Iterator
from pathlib import Path

import jiwer
import numpy as np
import pytest

from app import interviews
from app.audio import assets as audio
from app.audio import markers
from app.transcripts import store as transcripts
from app.transcripts import transcribe
from storage import blobs
from storage.vault import Vault
from tests.audio_helpers import (
    active_span,
    correlation,
    decode_blob,
    decode_file,
    decoded_pcm,
    distinctive_runs,
    find_plaintext,
)
from tests.cli_runner import Cli
from tests.common import PASSPHRASE, ROOT
from tests.pulse import SPEECH_TEXT, VirtualMic

pytestmark = pytest.mark.slow


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temp folder this test alone uses, so it can be searched for plaintext."""
    folder = tmp_path / "tmpdir"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def _mic_cli(cli: Cli, mic: VirtualMic) -> Cli:
    cli.env.update({k: mic.env[k] for k in ("PULSE_SERVER", "XDG_RUNTIME_DIR", "PULSE_COOKIE")})
    return cli


def test_qt_recorder_records_the_speech_while_the_gui_is_busy(
        qtbot, virtual_mic: VirtualMic, speech_wav: Path, vault: Vault,
        private_tmp: Path) -> None:
    from qtaudio.capture import Recorder

    interview = interviews.add_interview(vault, code="NK-2026-159", role="interviewer")
    fixture, fixture_rate = decode_file(speech_wav)
    speech_s = fixture.shape[1] / fixture_rate
    recorder = Recorder(vault, interview, role="interviewer")
    levels: list[float] = []
    elapsed: list[float] = []
    states: list[str] = []
    errors: list[str] = []
    recorder.levelChanged.connect(lambda rms, peak: levels.append(peak))
    recorder.elapsedChanged.connect(elapsed.append)
    recorder.stateChanged.connect(states.append)
    recorder.error.connect(errors.append)
    recorder.start()
    qtbot.waitUntil(lambda: recorder.session is not None and recorder.elapsed_s > 0.3,
                    timeout=15000)
    # Block the GUI thread for the whole speech: the capture thread must keep recording.
    started_at = recorder.elapsed_s
    virtual_mic.play(speech_wav)
    marker = recorder.add_marker("witness pauses")
    qtbot.wait(1000)  # let the end of the sentence through the device buffers
    with qtbot.waitSignal(recorder.finished, timeout=30000):
        recorder.stop()
    assert errors == [] and states[0] == "recording" and states[-1] == "stopped"
    result = recorder.result
    assert result is not None and result.state == "complete"
    assert result.duration_s >= speech_s  # the sentence fits; its content is checked below
    assert max(levels) > 0.1 and elapsed == sorted(elapsed) and elapsed[-1] > 1.0

    (asset,) = audio.list_assets(vault, interview)
    assert asset.duration_s == result.duration_s and asset.sample_rate >= 16000
    samples, rate = decode_blob(vault, asset.blob_id)
    assert rate == asset.sample_rate and samples.shape[1] == round(result.duration_s * rate)
    # The speech is all there, at its own length (no dropouts while the GUI was blocked).
    first, last = active_span(samples, rate)
    fx_first, fx_last = active_span(fixture, fixture_rate)
    assert first >= started_at - 0.1
    assert (last - first) == pytest.approx(fx_last - fx_first, abs=0.25)
    contour = correlation(samples[0], rate, fixture[0], fixture_rate)
    # 0.98-0.99 on a quiet machine; the virtual device itself (null sink timing) glitches by a
    # block now and then when the 2 shared cores are overloaded, which costs up to ~0.2. A
    # missing or garbled sentence scores below 0.3.
    assert contour > 0.7
    (m,) = markers.list_markers(vault, interview)
    assert m.id == marker and m.asset_id == asset.id and 0 < m.at_s <= result.duration_s

    # The engine hears the words (tiny.en, English only; espeak's voice is robotic, hence the
    # generous bound).
    transcribe.transcribe_interview(vault, interview, role="interviewer", model="tiny.en",
                                    language="en")
    heard = " ".join(seg.text for seg in transcripts.segments(vault, interview))
    words = lambda text: re.findall(r"[a-z]+", text.lower())  # noqa: E731
    assert jiwer.wer(" ".join(words(SPEECH_TEXT)), " ".join(words(heard))) <= 0.5, heard
    assert {"detention", "father", "spring"} <= set(words(heard)), heard

    stored = b"".join(blobs.iter_chunks(vault.conn, asset.blob_id))
    assert hashlib.sha256(stored).hexdigest() == asset.sha256
    assert stored[:4] == b"fLaC"  # the float input was asked for integers (docs/audio.md)
    pcm = decoded_pcm(stored)[0][int(first * rate) * asset.channels * 4:
                                 int(last * rate) * asset.channels * 4]
    runs = distinctive_runs(pcm) + distinctive_runs(stored)
    vault.lock()
    assert find_plaintext([vault.path, private_tmp], runs) == []


def test_cli_records_for_n_seconds_and_leaves_no_plaintext(
        cli: Cli, virtual_mic: VirtualMic, speech_wav: Path, tmp_path: Path) -> None:
    _mic_cli(cli, virtual_mic)
    iid = cli("interview", "add", "--code", "NK-2026-160", check=True).stdout.strip()
    with _speaking(virtual_mic, speech_wav):  # the whole time, however slow the start-up
        done = cli("audio", "record", iid, "--seconds", "3", check=True)
    asset_id = done.stdout.strip()
    (item,) = json.loads(cli("audio", "list", iid, "--json", check=True).stdout)
    assert item["id"] == asset_id and item["state"] == "complete"
    assert item["duration_s"] == pytest.approx(3.0) and item["source"] == "recording"
    # What the CLI stored, read back in this process, must not exist anywhere in plaintext.
    with Vault.open(cli.vault, PASSPHRASE) as vault:
        stored = b"".join(blobs.iter_chunks(vault.conn, item["blob_id"]))
    assert stored[:4] == b"fLaC"  # 32-bit integers from the float input, as FLAC
    pcm = decoded_pcm(stored)[0]
    assert len(pcm) == 3 * item["sample_rate"] * item["channels"] * 4
    runs = distinctive_runs(pcm) + distinctive_runs(stored)
    assert find_plaintext([cli.vault, Path(cli.env["TMPDIR"])], runs) == []
    out = tmp_path / "exported.wav"
    cli("audio", "export", iid, asset_id, str(out), check=True)
    assert out.read_bytes() == stored
    samples, rate = decode_file(out)
    assert samples.shape[1] == 3 * rate


@contextlib.contextmanager
def _speaking(mic: VirtualMic, wav: Path) -> Iterator[None]:
    """Play ``wav`` into the microphone over and over until the block ends."""
    stop = threading.Event()

    def loop() -> None:
        while not stop.is_set():
            mic.play(wav)

    player = threading.Thread(target=loop, daemon=True)
    player.start()
    try:
        yield
    finally:
        stop.set()
        player.join(60)


def _recording_process(cli: Cli, iid: str, *extra: str) -> subprocess.Popen[str]:
    cmd = [sys.executable, "-m", "cli", "--vault", str(cli.vault), "--passphrase-file",
           str(cli.passphrase_file), "audio", "record", iid, *extra]
    return subprocess.Popen(cmd, env=cli.env, cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _wait_for_elapsed(proc: subprocess.Popen[str], seconds: float, timeout: float = 60) -> float:
    """Read the recorder's status lines until ``seconds`` are recorded; return the last one."""
    assert proc.stderr is not None
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        if not line:
            raise AssertionError(f"recorder ended early (exit {proc.poll()})")
        if line.startswith("recording elapsed="):
            value = float(line.split()[1].split("=")[1])
            if value >= seconds:
                return value
    raise AssertionError("recorder did not reach the expected length")


def test_kill_9_during_recording_keeps_all_but_the_last_second(
        cli: Cli, virtual_mic: VirtualMic, speech_wav: Path, tmp_path: Path) -> None:
    _mic_cli(cli, virtual_mic)
    iid = cli("interview", "add", "--code", "NK-2026-161", check=True).stdout.strip()
    proc = _recording_process(cli, iid, "--seconds", "120")
    player = virtual_mic.play_async(speech_wav)
    try:
        reported = _wait_for_elapsed(proc, 4.0)
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    finally:
        player.wait(30)
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    with Vault.open(cli.vault, PASSPHRASE) as vault:
        assert vault.integrity_check() == []
        (asset,) = audio.list_assets(vault, iid)
        assert asset.state == "interrupted" and asset.end_reason == "crash"
        # The status line was written after the kill-time audio had been received; at most
        # one second (the commit interval plus delivery) may be missing.
        assert reported - 1.0 <= asset.duration_s <= reported + 1.5
        samples, rate = decode_blob(vault, asset.blob_id)
        assert samples.shape[1] == round(asset.duration_s * rate)
        out = tmp_path / "interrupted.wav"
        audio.export_asset(vault, iid, asset.id, out, role="supervisor")
        assert hashlib.sha256(out.read_bytes()).hexdigest() == asset.sha256
    # Still playable outside the vault, by a reader that trusts the header.
    assert decode_file(out)[0].shape[1] == samples.shape[1]


def test_ctrl_c_stops_cleanly_and_keeps_the_recording(
        cli: Cli, virtual_mic: VirtualMic) -> None:
    _mic_cli(cli, virtual_mic)
    iid = cli("interview", "add", "--code", "NK-2026-162", check=True).stdout.strip()
    proc = _recording_process(cli, iid)
    reported = _wait_for_elapsed(proc, 2.0)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    (item,) = json.loads(cli("audio", "list", iid, "--json", check=True).stdout)
    assert item["id"] == out.strip() and item["state"] == "complete"
    assert item["duration_s"] >= reported - 0.01  # the status line is rounded


def test_vanished_device_stops_with_one_sentence_and_keeps_the_audio(
        cli: Cli, virtual_mic: VirtualMic) -> None:
    _mic_cli(cli, virtual_mic)
    iid = cli("interview", "add", "--code", "NK-2026-163", check=True).stdout.strip()
    proc = _recording_process(cli, iid, "--seconds", "60")
    try:
        reported = _wait_for_elapsed(proc, 2.0)
        # The microphone stops delivering sound, as an unplugged USB microphone does. (Removing
        # the source entirely makes PulseAudio move the stream to the fallback input instead.)
        virtual_mic.pactl("suspend-source", virtual_mic.source, "1")
        out, err = proc.communicate(timeout=30)
    finally:
        virtual_mic.pactl("suspend-source", virtual_mic.source, "0")
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 1
    sentences = [line for line in err.splitlines() if line.startswith("testimony: ")]
    assert len(sentences) == 1 and "stopped" in sentences[0] and "kept" in sentences[0]
    (item,) = json.loads(cli("audio", "list", iid, "--json", check=True).stdout)
    assert item["id"] == out.strip() and item["state"] == "interrupted"
    assert item["end_reason"] == "device-lost" and item["duration_s"] >= reported - 0.5


def test_full_disk_stops_cleanly_and_keeps_what_was_recorded(
        cli: Cli, virtual_mic: VirtualMic, tmp_path: Path) -> None:
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small tmpfs needs root and mount(8)")
    _mic_cli(cli, virtual_mic)
    iid = cli("interview", "add", "--code", "NK-2026-164", check=True).stdout.strip()
    small = tmp_path / "small-disk"
    small.mkdir()
    used = sum(p.stat().st_size for p in cli.vault.rglob("*") if p.is_file())
    size_kib = used // 1024 + 2048
    # Noise, not silence, fills the disk: recordings are FLAC, which stores silence in a few
    # bytes a frame, so a silent microphone would take minutes to fill 2 MiB; 16-bit noise
    # stays about 190 kB/s (some 10 s here).
    noise = tmp_path / "noise.wav"
    with wave.open(str(noise), "wb") as w:
        w.setnchannels(2)
        w.setsampwidth(2)
        w.setframerate(48000)
        w.writeframes(np.random.default_rng(7).integers(-20000, 20000, 48000 * 2 * 90,
                                                         dtype=np.int16).tobytes())
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kib}k", "tmpfs",
                              str(small)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("mounting a tmpfs is not permitted here (mount(8) failed)")
    try:
        shutil.copytree(cli.vault, small / "vault")
        cli.vault = small / "vault"
        player = virtual_mic.play_async(noise)
        try:
            proc = _recording_process(cli, iid, "--seconds", "120")
            out, err = proc.communicate(timeout=120)
        finally:
            player.terminate()
            player.wait(10)
        assert proc.returncode == 1, err
        sentences = [line for line in err.splitlines() if line.startswith("testimony: ")]
        assert len(sentences) == 1 and "disk is full" in sentences[0]
        copy = tmp_path / "vault-copy"
        shutil.copytree(small / "vault", copy)
    finally:
        subprocess.run(["umount", str(small)], check=False)
    with Vault.open(copy, PASSPHRASE) as vault:
        assert vault.integrity_check() == []
        (asset,) = audio.list_assets(vault, iid)
        assert asset.id == out.strip() and asset.state == "interrupted"
        assert asset.duration_s is not None and asset.duration_s > 1.0
        samples, rate = decode_blob(vault, asset.blob_id)
        assert samples.shape[1] == round(asset.duration_s * rate)
        stored = b"".join(blobs.iter_chunks(vault.conn, asset.blob_id))
        assert hashlib.sha256(stored).hexdigest() == asset.sha256


def test_qt_recorder_pause_drops_sound_and_resume_continues(
        qtbot, virtual_mic: VirtualMic, speech_wav: Path, vault: Vault) -> None:
    from qtaudio.capture import Recorder

    interview = interviews.add_interview(vault, code="NK-2026-165", role="interviewer")
    recorder = Recorder(vault, interview, role="interviewer", limit_s=2.0)
    states: list[str] = []
    recorder.stateChanged.connect(states.append)
    recorder.start()
    qtbot.waitUntil(lambda: recorder.state == "recording", timeout=15000)
    recorder.pause()
    qtbot.waitUntil(lambda: recorder.state == "paused", timeout=5000)
    paused_at = recorder.elapsed_s
    virtual_mic.play(speech_wav)  # spoken while paused: must not be stored
    qtbot.wait(300)
    assert recorder.elapsed_s == paused_at
    recorder.resume()
    with qtbot.waitSignal(recorder.finished, timeout=30000):
        pass
    assert states[:3] == ["recording", "paused", "recording"] and states[-1] == "stopped"
    (asset,) = audio.list_assets(vault, interview)
    assert asset.state == "complete" and asset.duration_s == pytest.approx(2.0)
    samples, rate = decode_blob(vault, asset.blob_id)
    assert samples.shape[1] == 2 * rate
    assert float(np.abs(samples).max()) < 0.01  # silence before and after, no speech
    actions = [r[0] for r in vault.conn.execute(
        "SELECT action FROM audit_log WHERE object_id = ? ORDER BY seq", (asset.id,))]
    assert actions == ["record-start", "record-pause", "record-resume", "record"]


def test_cli_device_selection(cli: Cli, virtual_mic: VirtualMic) -> None:
    _mic_cli(cli, virtual_mic)
    iid = cli("interview", "add", "--code", "NK-2026-166", check=True).stdout.strip()
    listed = cli("audio", "devices", check=True).stdout
    assert f"{virtual_mic.source}\t" in listed
    wrong = cli("audio", "record", iid, "--seconds", "1", "--device", "no such microphone")
    assert wrong.returncode == 2 and virtual_mic.source in wrong.stderr
    done = cli("audio", "record", iid, "--seconds", "1", "--device", virtual_mic.source,
               check=True)
    (item,) = json.loads(cli("audio", "list", iid, "--json", check=True).stdout)
    assert item["id"] == done.stdout.strip() and item["duration_s"] == pytest.approx(1.0)


def test_stop_then_wait_from_the_gui_thread_does_not_deadlock(
        qtbot, virtual_mic: VirtualMic, vault: Vault) -> None:
    from qtaudio.capture import Recorder

    interview = interviews.add_interview(vault, code="NK-2026-167", role="interviewer")
    recorder = Recorder(vault, interview, role="interviewer")
    recorder.start()
    qtbot.waitUntil(lambda: recorder.elapsed_s > 0.5, timeout=15000)
    recorder.stop()
    assert recorder.wait(10_000)  # no event processing in between: must not need the GUI loop
    result = recorder.result
    assert result is not None and result.state == "complete" and result.duration_s >= 0.5
    (asset,) = audio.list_assets(vault, interview)
    assert asset.id == result.asset_id and asset.state == "complete"
