"""The GUI thread never stalls more than 100 ms while transcribing, recording or exporting.

What is asserted: during a real transcription (tiny.en from its pip package, the committed
speech fixtures, through the real TaskRunner and the RecordingView's own engine set-up) the
longest gap between 20 ms QTimer ticks, INCLUDING starting the speech engine and loading the
model, is under 100 ms beyond the tick interval; the same during a real recording from the
PulseAudio virtual microphone, and while a 64 MB bundle is exported and verified (issue 7).
The engine runs in a child process (transcription.child), so nothing in this process holds the
GIL for long; the test checks that it did.

Printed, not asserted: p50/p95 gaps and the same timer's idle baseline measured just before,
so a stall caused by other programs on a shared machine can be told apart. When the bound is
broken, the assertion message carries the stacks a watchdog thread recorded at the stall.
"""

from __future__ import annotations

import os
import time
from typing import Any

import pytest

from tests.common import PASSPHRASE
from tests.latency import TickMeter
from tests.transcribe_helpers import EN_FIXTURES, FIXTURES, add_asset, room_recording
from tests.ui_support import make_window, unlock
from ui.tasks import TaskRunner

MAX_STALL_S = 0.100
# Run by themselves, after the rest of the suite (scripts/test.sh, tests/conftest.py): beside
# another worker's tests on two cores, the bound would measure that worker, not this app.
pytestmark = pytest.mark.alone


def _setup(qtbot: Any, tmp_path: Any, vault: Any, iid: str) -> tuple[Any, Any, TaskRunner]:
    path = vault.path
    vault.lock()
    state = tmp_path / "state"
    state.mkdir()
    runner = TaskRunner()
    w = make_window(qtbot, path, state, runner=runner)
    w.show()
    unlock(w, PASSPHRASE)
    qtbot.waitUntil(lambda: w.session.is_unlocked, timeout=30_000)
    w.workspace.open_interview(iid)
    rv = next(v for v in w.workspace.page.views if type(v).__name__ == "RecordingView")
    return w, rv, runner


def _idle_baseline(qtbot: Any, ms: int = 1500) -> dict[str, float]:
    idle = TickMeter()
    idle.start()
    qtbot.wait(ms)
    idle.stop()
    return idle.summary()


def _report(what: str, meter: TickMeter, idle: dict[str, float], extra: str = "") -> float:
    s = meter.summary()
    print(f"\nlatency during {what}: p50 {s['p50_ms']} ms, p95 {s['p95_ms']} ms, worst "
          f"{s['max_ms']} ms over {s['ticks']} ticks; idle baseline p95 {idle['p95_ms']} ms, "
          f"worst {idle['max_ms']} ms{extra}; {meter.gc_summary()}")
    if os.environ.get("LATENCY_REPORT_MS"):  # a diagnosis run: show what the watchdog saw
        print(meter.explain(5))
    return max(meter.gaps())


def test_no_stall_during_real_transcription_including_model_load(qtbot, tmp_path, vault,
                                                                 monkeypatch):
    import app.transcripts.transcribe as service
    from app import interviews
    from transcription.process_engine import ProcessEngine

    iid = interviews.add_interview(vault, code="SYN-2026-200", role="interviewer")
    for name in EN_FIXTURES:
        add_asset(vault, iid, (FIXTURES / name).read_bytes(), container="flac",
                  duration_s=6.0)
    # And a 90 s 48 kHz stereo recording (as a laptop microphone gives): the app resamples it
    # and sends a full 60 s window (3.8 MB of float32) through the pipe.
    add_asset(vault, iid, room_recording(), sample_rate=48_000, channels=2, duration_s=90.0)
    w, rv, runner = _setup(qtbot, tmp_path, vault, iid)
    qtbot.waitUntil(lambda: rv.model.count() > 0, timeout=10_000)
    rv.model.setCurrentIndex(rv.model.findData("tiny.en"))
    rv.language.setCurrentIndex(rv.language.findData("en"))

    # The window's own engine set-up, observed: which engine it made and when it was ready.
    engines: list[Any] = []
    ready: list[float] = []
    real_factory = service.default_engine_factory

    def observed(*args: Any, **kwargs: Any) -> Any:
        make = real_factory(*args, **kwargs)

        def wrapped(name: str) -> Any:
            engine = make(name)
            engines.append(engine)
            ready.append(time.perf_counter())
            return engine
        return wrapped

    monkeypatch.setattr(service, "default_engine_factory", observed)
    idle = _idle_baseline(qtbot)
    meter = TickMeter()
    meter.start()
    started = time.perf_counter()
    rv.transcribe()
    qtbot.waitUntil(lambda: rv.transcribe_task is None, timeout=600_000)
    meter.stop()
    assert rv.message.text().startswith("Transcription finished"), rv.message.text()
    assert len(engines) == 1 and isinstance(engines[0], ProcessEngine)
    assert engines[0].pid is None  # the child was stopped with the job
    load = meter.summary(started, ready[0])
    worst = _report("a real tiny.en transcription (engine start and model load included)",
                    meter, idle, f"; engine start + model load {ready[0] - started:.2f} s, worst "
                    f"gap in it {load['max_ms']} ms")
    assert len(meter.ticks) > 20  # the transcription took long enough to measure
    assert worst < MAX_STALL_S, (
        f"the GUI thread stalled {worst * 1000:.0f} ms (idle baseline worst "
        f"{idle['max_ms']} ms)\n{meter.explain()}")
    v = w.session.vault
    text = " ".join(r[0] for r in v.conn.execute(
        "SELECT text FROM segment WHERE interview_id = ? AND layer = 'original'", (iid,)))
    assert text.lower().count("river") >= 2 and text.lower().count("brother") >= 2
    w.lock()
    runner.shutdown()


def test_no_stall_while_recording_from_the_virtual_microphone(qtbot, tmp_path, vault,
                                                              virtual_mic,
                                                              speech_wav):
    from app import interviews

    iid = interviews.add_interview(vault, code="SYN-2026-202", role="interviewer")
    w, rv, runner = _setup(qtbot, tmp_path, vault, iid)
    if rv.device.count() < 2:
        pytest.skip("no PulseAudio input device is visible to Qt Multimedia")
    idle = _idle_baseline(qtbot)
    player = virtual_mic.play_async(speech_wav)
    meter = TickMeter()
    meter.start()
    rv.record_button.click()
    qtbot.waitUntil(lambda: rv.rec_state.text() == "Recording", timeout=10_000)
    qtbot.waitUntil(lambda: rv.level.value() > 0, timeout=10_000)
    qtbot.wait(3000)
    rv.stop_button.click()
    qtbot.waitUntil(lambda: rv.recorder is None, timeout=15_000)
    meter.stop()
    player.wait(60)
    assert rv.message.text().startswith("Recording saved"), rv.message.text()
    worst = _report("a recording from the virtual microphone (start and stop included)",
                    meter, idle)
    assert worst < MAX_STALL_S, (
        f"the GUI thread stalled {worst * 1000:.0f} ms (idle baseline worst "
        f"{idle['max_ms']} ms)\n{meter.explain()}")
    w.lock()
    runner.shutdown()


def test_no_stall_while_exporting_and_verifying_a_bundle(qtbot, tmp_path, vault):
    """Export (SQLCipher read, tar, age encryption, fsync) and verify of 64 MB of audio through
    the real task runner, as the export and supervisor screens run them."""
    from app.bundles import keys
    from app.bundles.export import export_bundle
    from app.bundles.importer import verify_bundle
    from app.interviews import add_interview

    _text, identity = keys.new_supervisor_key()
    keys.trust_supervisor(vault, identity.public, role="interviewer")
    iid = add_interview(vault, code="SYN-2026-201", role="interviewer",
                        consent_scopes=["archive"])
    writer = vault.blob_writer(kind="audio", on_crash="keep")
    for _ in range(64):
        writer.write(os.urandom(1 << 20))  # incompressible, like encoded audio

    def link(conn: Any) -> None:
        conn.execute("INSERT INTO audio_asset(id, interview_id, blob_id, source, created_at, "
                     "created_by) VALUES ('a', ?, ?, 'import', 'now', 'interviewer')",
                     (iid, writer.id))

    writer.finish(then=link)
    runner = TaskRunner()
    out = tmp_path / "bundle.age"
    idle = _idle_baseline(qtbot, 1000)
    for what, fn in (
            ("exporting a 64 MB bundle", lambda c, p: export_bundle(
                vault, [iid], recipients=[identity.public], out=out, role="interviewer",
                progress=p, cancel=c)),
            ("verifying it", lambda c, p: verify_bundle(out, identity, vault=None))):
        results: list[Any] = []
        meter = TickMeter()
        meter.start()
        handle = runner.run_task(fn, on_done=results.append, on_error=results.append)
        qtbot.waitUntil(lambda: handle.finished, timeout=120_000)
        meter.stop()
        assert results and not isinstance(results[0], BaseException), results
        worst = _report(what, meter, idle)
        assert worst < MAX_STALL_S, (
            f"the GUI thread stalled {worst * 1000:.0f} ms {what}\n{meter.explain()}")
    assert out.stat().st_size > 64 << 20
    assert any(f.size == 64 << 20 for f in results[0].files)  # the verify read the audio
    runner.shutdown()
