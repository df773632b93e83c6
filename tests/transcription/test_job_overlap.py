"""A transcription job overlaps its own work with the engine's model load.

The job decrypts and decodes its first window before it waits for the engine (whose child may
still be loading the model), and the engine child's OpenMP threads spin briefly before they
sleep, so a model build beside the vault's key derivation is not held up by a spinning thread.
Order and environment are checked here, not time."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from app.tasks import Cancelled
from app.transcripts import store as transcripts
from app.transcripts import transcribe
from storage.vault import Vault
from tests.transcribe_helpers import FakeEngine, interview_with_audio, tone_bursts
from transcription import launch
from transcription.decode import AudioWindow
from transcription.errors import EngineCancelled


class _LoadingEngine(FakeEngine):
    """A fake engine that notes how many windows were decoded when it was first waited for."""

    def __init__(self, decoded: list[AudioWindow], *, cancelled: bool = False) -> None:
        super().__init__("base")
        self.decoded = decoded
        self.waited_after: int | None = None
        self.cancelled_while_loading = cancelled

    def version(self) -> str:
        if self.waited_after is None:
            self.waited_after = len(self.decoded)
        if self.cancelled_while_loading:
            raise EngineCancelled("engine.cancelled")
        return super().version()


@pytest.fixture
def decoded(monkeypatch: pytest.MonkeyPatch) -> list[AudioWindow]:
    seen: list[AudioWindow] = []
    real = transcribe.decode.iter_windows

    def counting(*args: Any, **kw: Any) -> Iterator[AudioWindow]:
        for window in real(*args, **kw):
            seen.append(window)
            yield window

    monkeypatch.setattr(transcribe.decode, "iter_windows", counting)
    return seen


def test_the_first_window_is_decoded_before_the_job_waits_for_the_engine(
        vault: Vault, decoded: list[AudioWindow]) -> None:
    iid, _ = interview_with_audio(vault, tone_bursts(12, [(2, 4), (7, 9)]), code="NK-2026-931")
    engine = _LoadingEngine(decoded)
    transcribe.transcribe_interview(vault, iid, role="interviewer", model="base",
                                    engine_factory=lambda name: engine)
    assert engine.waited_after == 1
    assert [(s.start, s.end) for s in transcripts.segments(vault, iid)] == [(2.0, 4.0),
                                                                             (7.0, 9.0)]
    assert transcripts.transcripts(vault, iid)[0].state == "complete"


def test_a_job_cancelled_while_the_model_loads_leaves_no_transcript(
        vault: Vault, decoded: list[AudioWindow]) -> None:
    iid, _ = interview_with_audio(vault, tone_bursts(12, [(2, 4)]), code="NK-2026-932")
    engine = _LoadingEngine(decoded, cancelled=True)
    with pytest.raises(Cancelled):
        transcribe.transcribe_interview(vault, iid, role="interviewer", model="base",
                                        engine_factory=lambda name: engine)
    assert transcripts.transcripts(vault, iid) == []


def test_the_engine_child_spins_briefly_unless_told_otherwise(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GOMP_SPINCOUNT", raising=False)
    assert launch.child_env()["GOMP_SPINCOUNT"] == launch.SPIN_COUNT
    assert int(launch.SPIN_COUNT) < 300000  # libgomp's default
    monkeypatch.setenv("GOMP_SPINCOUNT", "INFINITY")
    assert launch.child_env()["GOMP_SPINCOUNT"] == "INFINITY"
