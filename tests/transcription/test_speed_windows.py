"""No per-job tax: five-minute transcription windows.

A recording up to ``WINDOW_S`` (about five minutes) is one decode, as faster-whisper alone would
make it; longer ones are cut in silence near every five minutes, and cancel/resume work at that
length exactly as at any other. Speed itself is measured in bench/bench_job_tax.py, not here.
"""

from __future__ import annotations

import io
from typing import Any

import numpy as np
import pytest

from app.tasks import Cancelled, CancelToken
from app.transcripts import store as transcripts
from app.transcripts import transcribe
from storage.vault import Vault
from tests.transcribe_helpers import FakeEngine, interview_with_audio, tone_bursts, wav_bytes
from transcription import decode


def _bursts(seconds: int, every_s: int = 60) -> list[tuple[float, float]]:
    """Half-second bursts (the fake engine's stand-in for speech) every ``every_s``."""
    return [(float(t), t + 0.5) for t in range(10, seconds - 5, every_s)]


def _run(vault: Vault, iid: str, engine: FakeEngine, **kw: Any) -> None:
    """Transcribe with the fake engine standing in for the built-in ``base`` model."""
    def factory(name: str) -> FakeEngine:
        engine.name = name
        return engine

    transcribe.transcribe_interview(vault, iid, role="interviewer", model="base",
                                    engine_factory=factory, **kw)


def test_default_windows_are_about_five_minutes_cut_in_silence_and_resume_reproduces() -> None:
    assert decode.WINDOW_S == 300.0 and decode.SEARCH_S == 30.0
    # A burst just before each natural cut point: the cut must move into the silence before it.
    bursts = [(10.0, 11.0), (292.0, 300.5), (585.0, 600.5), (603.0, 605.0)]
    data = wav_bytes(tone_bursts(610, bursts))
    windows = list(decode.iter_windows(io.BytesIO(data)))
    assert len(windows) == 3 and [w.is_last for w in windows] == [False, False, True]
    for w in windows[:-1]:
        assert not any(a < w.end_s < b for a, b in bursts), w.end_s
        assert decode.WINDOW_S - decode.SEARCH_S <= w.end_s - w.offset_s <= decode.WINDOW_S
    assert sum(len(w.samples) for w in windows) == 610 * 16000
    again = list(decode.iter_windows(io.BytesIO(data), start_s=windows[1].offset_s))
    assert [(w.offset_s, len(w.samples)) for w in again] == \
        [(w.offset_s, len(w.samples)) for w in windows[1:]]
    assert all(np.array_equal(a.samples, b.samples) for a, b in zip(again, windows[1:]))


def test_a_search_longer_than_half_the_window_is_cut_to_half() -> None:
    data = wav_bytes(tone_bursts(50, [(1.0, 2.0)]))
    windows = list(decode.iter_windows(io.BytesIO(data), window_s=20, search_s=30))
    assert all(10 <= w.end_s - w.offset_s <= 20 for w in windows[:-1])
    assert sum(len(w.samples) for w in windows) == 50 * 16000


def test_a_recording_up_to_five_minutes_is_one_decode_and_progress_moves_inside_it(
        vault: Vault) -> None:
    bursts = _bursts(290)
    iid, _ = interview_with_audio(vault, tone_bursts(290, bursts), code="NK-2026-981")
    engine = FakeEngine()
    seen: list[float] = []
    _run(vault, iid, engine, progress=lambda f, _label: seen.append(f))
    assert engine.calls == [(0.0, 290.0, "transcribe")]
    assert [s.start for s in transcripts.segments(vault, iid)] == [a for a, _ in bursts]
    # GUI and CLI progress come from the job: it moves with each stored segment, not only
    # when the (single) window ends.
    inside = sorted({f for f in seen if 0 < f < 1})
    assert len(inside) >= len(bursts) - 1 and seen == sorted(seen) and seen[-1] == 1.0
    head = transcripts.transcripts(vault, iid)[0]
    assert head.resume_at_s == pytest.approx(290, abs=0.01) and head.state == "complete"


def test_cancel_in_the_second_window_resumes_from_the_first_ones_end_identically(
        vault: Vault) -> None:
    audio = tone_bursts(400, _bursts(400))
    full, _ = interview_with_audio(vault, audio, code="NK-2026-982")
    uninterrupted = FakeEngine()
    _run(vault, full, uninterrupted)
    first_end = uninterrupted.calls[0][1]
    assert len(uninterrupted.calls) == 2 and 270 <= first_end <= 300

    part, _ = interview_with_audio(vault, audio, code="NK-2026-983")
    cancel = CancelToken()
    stopping = FakeEngine(on_window=lambda w: cancel.cancel() if w.offset_s > 0 else None)
    with pytest.raises(Cancelled):
        _run(vault, part, stopping, cancel=cancel)
    head = transcripts.transcripts(vault, part)[0]
    assert head.state == "cancelled" and head.resume_at_s == pytest.approx(first_end)
    # The first window's segments were kept; the second window's first one (stored before the
    # cancel was seen) is dropped and redone on resume.
    kept = [s.start for s in transcripts.segments(vault, part)]
    assert kept and max(kept) > first_end
    resumed = FakeEngine()
    _run(vault, part, resumed)
    assert resumed.calls[0][0] == pytest.approx(first_end)  # not from the start
    key = [(s.number, s.start, s.end, s.text) for s in transcripts.segments(vault, part)]
    assert key == [(s.number, s.start, s.end, s.text) for s in transcripts.segments(vault, full)]
