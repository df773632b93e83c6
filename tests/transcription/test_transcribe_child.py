"""The speech engine in a child process (transcription.process_engine / transcription.child).

Real tiny.en, real child processes. What must hold: the child's output and everything a
transcript records are identical to the in-process engine's; it runs at nice +10 with the
configured threads, telemetry off, and opens no file but the model's; cancel ends it at once;
a child that dies or cannot load its model gives one sentence and the job resumes as before.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from app.interviews import add_interview
from app.tasks import CancelToken
from app.transcripts import transcribe
from tests.transcribe_helpers import add_asset, fixture_pcm, wav_bytes
from transcription import models
from transcription.decode import SAMPLE_RATE, AudioWindow
from transcription.engine import FasterWhisperEngine, Segment
from transcription.errors import EngineCancelled, ModelRejected, TranscriptionError
from transcription.process_engine import ProcessEngine

# Real tiny.en in real child processes throughout.
pytestmark = pytest.mark.slow


def _child(name: str = "tiny.en", *, models_dir: Path | None = None, cpu_threads: int = 1,
           cancel: CancelToken | None = None,
           registry: dict[str, Any] | None = None) -> ProcessEngine:
    info = models.get_model(name, models_dir, registry)
    return ProcessEngine(name, models_dir=models_dir, multilingual=info.multilingual,
                         cpu_threads=cpu_threads, cancel=cancel,
                         record=(registry or {}).get(name))


def _speech(seconds: int, every_s: int = 8) -> np.ndarray:
    """The river sentence every ``every_s`` seconds: a long window that takes a while to decode."""
    clip = fixture_pcm("en_river.flac")
    audio = np.zeros(seconds * SAMPLE_RATE, np.float32)
    for at in range(0, seconds - every_s + 1, every_s):
        audio[at * SAMPLE_RATE: at * SAMPLE_RATE + len(clip)] = clip
    return audio


def _proc_status(pid: int) -> dict[str, Any]:
    stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    environ = dict(item.split("=", 1) for item in
                   Path(f"/proc/{pid}/environ").read_bytes().decode().split("\0") if "=" in item)
    fds = []
    for fd in os.listdir(f"/proc/{pid}/fd"):
        if fd in ("1", "2"):
            continue  # stderr, inherited from this process (under pytest: its capture file)
        try:
            fds.append(os.readlink(f"/proc/{pid}/fd/{fd}"))
        except OSError:
            pass
    threads = len(os.listdir(f"/proc/{pid}/task"))
    return {"nice": int(stat[16]), "env": environ, "fds": fds, "threads": threads}


def test_child_output_and_recorded_metadata_equal_the_in_process_engine(monkeypatch: Any) -> None:
    monkeypatch.setenv("TESTIMONY_PASSPHRASE", "the vault's secret")
    window = AudioWindow(12.5, fixture_pcm("en_brother.flac"), True)
    local = FasterWhisperEngine(models.load_spec("tiny.en"), cpu_threads=1)
    expected: list[Segment] = []
    expected_info = local.transcribe(window, language="en", task="transcribe",
                                     on_segment=expected.append, cancel=CancelToken())
    with _child() as engine:
        got: list[Segment] = []
        info = engine.transcribe(window, language="en", task="transcribe",
                                 on_segment=got.append, cancel=CancelToken())
        assert got == expected and got and got[0].words
        assert info == expected_info
        assert (engine.name, engine.multilingual) == (local.name, local.multilingual)
        assert engine.parameters() == local.parameters()
        assert engine.version() == local.version()
        pid = engine.pid
        assert pid is not None
        seen = _proc_status(pid)
    assert engine.pid is None
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # closed means gone, not a zombie left behind
    # nice +10 (or higher if started from an already lowered thread), telemetry off.
    assert seen["nice"] >= 10
    assert seen["env"]["ORT_DISABLE_TELEMETRY"] == "1" and seen["env"]["HF_HUB_OFFLINE"] == "1"
    assert not [k for k in seen["env"] if k.startswith("TESTIMONY_")]  # no passphrase there
    # Its own descriptors are the two pipes and /dev/null: nothing in a temporary folder or
    # /dev/shm (the model was read into memory and closed).
    assert sorted(f.split(":")[0] for f in seen["fds"]) == ["/dev/null", "pipe", "pipe"], \
        seen["fds"]


def test_cancel_while_the_child_decodes_ends_it_at_once() -> None:
    """Cancel does not wait for the window: once the first segment arrives the child is frozen
    (SIGSTOP) so it can never finish the window, and the job is cancelled from another thread.
    The engine must still end at once: no later segment reaches the caller, the child is
    ended. (A waiting engine would hang here; the join below turns that into a failure.)"""
    engine = _child()
    pid = engine.pid
    assert pid is not None
    token = CancelToken()
    got: list[Segment] = []
    outcome: list[BaseException] = []

    def freeze_then_cancel(seg: Segment) -> None:
        got.append(seg)
        if len(got) == 1:  # the child is now deep in the 60 s window
            os.kill(pid, signal.SIGSTOP)
            canceller = threading.Thread(target=token.cancel)
            canceller.start()
            canceller.join()

    def run() -> None:
        try:
            engine.transcribe(AudioWindow(0.0, _speech(60), False), language="en",
                              task="transcribe", on_segment=freeze_then_cancel, cancel=token)
        except BaseException as exc:  # noqa: BLE001 - inspected below
            outcome.append(exc)

    worker = threading.Thread(target=run)
    worker.start()
    worker.join(300)  # only a hang reaches this: a frozen child never finishes its window
    if worker.is_alive():
        os.kill(pid, signal.SIGKILL)
        worker.join()
        pytest.fail("cancel waited for the frozen child to finish its window")
    assert len(outcome) == 1 and isinstance(outcome[0], EngineCancelled), outcome
    assert len(got) == 1  # nothing after the cancel reached the caller
    assert engine.pid is None
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    # A later window starts a fresh child (a job going on after an interrupted window).
    again: list[Segment] = []
    engine.transcribe(AudioWindow(0.0, fixture_pcm("en_river.flac"), True), language="en",
                      task="transcribe", on_segment=again.append, cancel=CancelToken())
    assert "river" in again[0].text
    engine.close()


def test_a_failure_storing_a_segment_is_not_blamed_on_the_engine() -> None:
    """on_segment raising (e.g. disk full while storing) passes through as itself; the child,
    still mid-window, is ended, and the next window gets a fresh one."""
    class DiskFull(ValueError):
        pass

    def store(_seg: Segment) -> None:
        raise DiskFull("database or disk is full")

    with _child() as engine:
        window = AudioWindow(0.0, fixture_pcm("en_river.flac"), True)
        with pytest.raises(DiskFull):
            engine.transcribe(window, language="en", task="transcribe", on_segment=store,
                              cancel=CancelToken())
        assert engine.pid is None
        got: list[Segment] = []
        engine.transcribe(window, language="en", task="transcribe", on_segment=got.append,
                          cancel=CancelToken())
        assert "river" in got[0].text


def test_cancel_while_the_model_loads_ends_the_child(vault: Any) -> None:
    # The child is frozen (SIGSTOP) before it can finish loading, then the job is cancelled
    # from another thread: waiting for the load ends at once, without the model ever loading.
    token = CancelToken()
    info = models.get_model("tiny.en", None)
    engine = ProcessEngine("tiny.en", models_dir=None, multilingual=info.multilingual,
                           cpu_threads=1, cancel=token, wait=False)
    pid = engine.pid
    assert pid is not None
    os.kill(pid, signal.SIGSTOP)
    canceller = threading.Thread(target=token.cancel)
    canceller.start()
    canceller.join()
    with pytest.raises(EngineCancelled):
        engine.version()  # the first use waits for the load
    assert engine.pid is None
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    # Through the service: the job's cancel sentence, and nothing was started in the vault.
    iid = add_interview(vault, code="NK-2026-131", role="interviewer")
    add_asset(vault, iid, wav_bytes(fixture_pcm("en_river.flac")), duration_s=5.0)
    token = CancelToken()
    threading.Timer(0.1, token.cancel).start()
    from app.tasks import Cancelled

    with pytest.raises(Cancelled, match="continues from where it stopped"):
        transcribe.transcribe_interview(
            vault, iid, role="interviewer", model="tiny.en", language="en", cancel=token,
            engine_factory=transcribe.default_engine_factory(1, cancel=token))
    assert vault.conn.execute("SELECT COUNT(*) FROM transcript").fetchone()[0] == 0
    [result] = transcribe.transcribe_interview(vault, iid, role="interviewer", model="tiny.en",
                                               language="en")
    assert result.state == "complete" and result.segments == 1


def test_a_killed_child_is_one_sentence_and_the_job_resumes(vault: Any,
                                                              monkeypatch: Any) -> None:
    audio = wav_bytes(_speech(40, every_s=8))
    iid = add_interview(vault, code="NK-2026-130", role="interviewer")
    add_asset(vault, iid, audio, duration_s=40.0)
    clean = add_interview(vault, code="NK-2026-129", role="interviewer")
    add_asset(vault, clean, audio, duration_s=40.0)
    engines: list[ProcessEngine] = []
    real = transcribe.default_engine_factory

    def killing(name: str) -> Any:
        engine = real(cpu_threads=1)(name)
        assert isinstance(engine, ProcessEngine)
        engines.append(engine)
        return engine

    # The child is killed the moment its first segment arrives. Whatever it had written to
    # the pipe after that segment dies with it: the parent reads no further. (Killing it once
    # the first segment was stored raced: under another process's heavy writing, the commit
    # took longer than decoding the rest, and the whole window was already in the pipe.)
    from transcription import process_engine
    from transcription.channel import ChannelClosed

    real_read = process_engine.read_message
    killed: list[int] = []

    def read_until_killed(fd: int, **kwargs: Any) -> Any:
        if killed:
            raise ChannelClosed("the other end closed the pipe")
        received = real_read(fd, **kwargs)
        if received and received[0].get("kind") == "segment" and engines[0].pid:
            killed.append(engines[0].pid)
            os.kill(engines[0].pid, signal.SIGKILL)
        return received

    with monkeypatch.context() as patched:
        patched.setattr(process_engine, "read_message", read_until_killed)
        with pytest.raises(TranscriptionError) as err:
            transcribe.transcribe_interview(vault, iid, role="interviewer", model="tiny.en",
                                            language="en", engine_factory=killing)
    assert len(killed) == 1 and vault.conn.execute(
        "SELECT COUNT(*) FROM segment").fetchone()[0] == 1  # the one segment that arrived
    message = str(err.value)
    assert message == ("The speech engine stopped unexpectedly (it was stopped by SIGKILL); "
                       "what was transcribed is kept — transcribe again to continue.")
    state, resume_at = vault.conn.execute(
        "SELECT state, resume_at_s FROM transcript").fetchone()
    assert state == "failed" and resume_at == 0.0  # killed inside the first window
    [result] = transcribe.transcribe_interview(vault, iid, role="interviewer",
                                               engine_factory=killing)
    assert result.state == "complete"
    transcribe.transcribe_interview(vault, clean, role="interviewer", model="tiny.en",
                                    language="en", engine_factory=killing)

    def segments(interview: str) -> list[tuple[int, float, float, str]]:
        return vault.conn.execute("SELECT idx, start_s, end_s, text FROM segment WHERE "
                                  "interview_id = ? ORDER BY idx", (interview,)).fetchall()

    assert segments(iid) == segments(clean)  # resumed after the kill == never interrupted
    assert len(segments(iid)) >= 3 and all(e.pid is None for e in engines)


def test_a_model_the_child_cannot_load_gives_its_one_sentence(tmp_path: Path) -> None:
    folder = tmp_path / "models"
    (folder / "broken").mkdir(parents=True)
    junk = b"not a CTranslate2 model" * 100
    (folder / "broken" / "model.bin").write_bytes(junk)
    import hashlib

    registry = {
        "altered": {"multilingual": False, "files": {"model.bin": "0" * 64}},
        "broken": {"multilingual": False,
                   "files": {"model.bin": hashlib.sha256(junk).hexdigest()}},
    }
    (folder / "altered").mkdir()
    (folder / "altered" / "model.bin").write_bytes(junk)
    with pytest.raises(ModelRejected) as rejected:  # the same class: the CLI's exit code 4
        _child("altered", models_dir=folder, registry=registry)
    assert str(rejected.value).startswith("The model 'altered' does not match its recorded "
                                          "checksums")
    with pytest.raises(TranscriptionError) as failed:
        _child("broken", models_dir=folder, registry=registry)
    assert str(failed.value).startswith("The model 'broken' could not be loaded")


def test_the_frozen_entry_point_runs_the_child_before_the_app(monkeypatch: Any) -> None:
    """packaging/entry.py with the child flag is the engine (what the frozen app starts)."""
    import transcription.process_engine as pe
    from tests.common import ROOT
    from transcription.child import ENGINE_CHILD_FLAG

    monkeypatch.setattr(pe, "child_command", lambda: [
        sys.executable, str(ROOT / "packaging" / "entry.py"), ENGINE_CHILD_FLAG])
    with _child() as engine:
        got: list[Segment] = []
        engine.transcribe(AudioWindow(0.0, fixture_pcm("en_river.flac"), True), language="en",
                          task="transcribe", on_segment=got.append, cancel=CancelToken())
        assert "river" in got[0].text
        # Only the engine runs there: the CLI and Qt were never imported by the child.
        maps = Path(f"/proc/{engine.pid}/maps").read_text()
        assert "libQt6" not in maps and "sqlcipher" not in maps.lower()


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            found += [int(c) for c in
                      Path(f"/proc/{pid}/task/{task}/children").read_text().split()]
        except OSError:
            pass
    return found


def test_a_killed_app_leaves_no_engine_running(cli: Any) -> None:
    """SIGKILL the CLI mid-transcription: its child sees the pipe close and exits by itself."""
    import subprocess

    from storage.vault import Vault
    from tests.common import PASSPHRASE, ROOT

    iid = cli("interview", "add", "--code", "NK-2026-155", check=True).stdout.strip()
    with Vault.open(cli.vault, PASSPHRASE) as vault:
        add_asset(vault, iid, wav_bytes(_speech(180, every_s=6)), duration_s=180.0)
    cmd = [sys.executable, "-m", "cli", "--vault", str(cli.vault), "--passphrase-file",
           str(cli.passphrase_file), "transcribe", iid, "--model", "tiny.en"]
    app_proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                env=cli.env, cwd=ROOT)
    engine_pid = None
    deadline = time.monotonic() + 120
    while engine_pid is None and time.monotonic() < deadline and app_proc.poll() is None:
        for pid in _children(app_proc.pid):
            try:
                if b"transcription.child" in Path(f"/proc/{pid}/cmdline").read_bytes():
                    engine_pid = pid
            except OSError:
                pass
        time.sleep(0.05)
    assert engine_pid is not None, "the CLI never started its engine child"
    time.sleep(1.0)  # let it get into a window
    app_proc.kill()
    app_proc.wait()
    deadline = time.monotonic() + 90  # at most the rest of one window's decoding
    while time.monotonic() < deadline:
        try:
            stat = Path(f"/proc/{engine_pid}/stat").read_text()
        except OSError:
            break  # gone (reaped by init)
        if stat.rsplit(")", 1)[1].split()[0] == "Z":
            break  # exited; waiting for init to reap it
        time.sleep(0.1)
    else:
        os.kill(engine_pid, signal.SIGKILL)
        pytest.fail("the engine child kept running after the app was killed")


def test_a_prestarted_engine_loads_while_the_caller_works_and_is_handed_over(vault: Any) -> None:
    # Issue 12 (no per-job tax): the CLI starts the model load before unlocking the vault.
    engines = transcribe.PrestartedEngines("tiny.en", 1)
    spare = engines._spare
    assert spare is not None and spare.pid is not None and not spare._ready  # not waited for
    iid = add_interview(vault, code="NK-2026-156", role="interviewer")
    add_asset(vault, iid, wav_bytes(fixture_pcm("en_river.flac")), duration_s=5.0)
    [result] = transcribe.transcribe_interview(vault, iid, role="interviewer", model="tiny.en",
                                               language="en", engine_factory=engines)
    assert result.state == "complete" and result.segments == 1
    assert spare.pid is None  # the job used the prestarted child and stopped it when done
    engines.close()  # nothing left to stop


def test_a_prestarted_engine_for_another_model_is_stopped_and_unused_ones_too(
        vault: Any) -> None:
    engines = transcribe.PrestartedEngines("tiny.en", 1)
    spare = engines._spare
    assert spare is not None
    other = engines("base")  # e.g. an unfinished job keeps its own model
    try:
        assert other.name == "base" and spare.pid is None
    finally:
        transcribe.close_engine(other)
    unused = transcribe.PrestartedEngines("tiny.en", 1)
    pid = unused._spare.pid if unused._spare else None
    assert pid is not None
    unused.close()
    assert not Path(f"/proc/{pid}").exists() or "zombie" in Path(
        f"/proc/{pid}/status").read_text()


def test_cancel_while_a_prestarted_model_loads_is_the_jobs_cancel(vault: Any) -> None:
    from app.tasks import Cancelled

    iid = add_interview(vault, code="NK-2026-157", role="interviewer")
    add_asset(vault, iid, wav_bytes(fixture_pcm("en_river.flac")), duration_s=5.0)
    token = CancelToken()
    engines = transcribe.PrestartedEngines("tiny.en", 1, cancel=token)
    token.cancel()
    with pytest.raises(Cancelled, match="continues from where it stopped"):
        transcribe.transcribe_interview(vault, iid, role="interviewer", model="tiny.en",
                                        language="en", cancel=token, engine_factory=engines)
    engines.close()
    assert vault.conn.execute("SELECT COUNT(*) FROM transcript").fetchone()[0] == 0
