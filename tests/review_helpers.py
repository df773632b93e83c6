"""Helpers for the reviewer tests: an interview transcribed by the real transcript service with
an engine that says scripted lines with chosen word probabilities (fast, deterministic)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from app.transcripts import transcribe
from storage.vault import Vault
from tests.transcribe_helpers import FakeEngine, interview_with_audio, tone_bursts
from transcription.engine import Segment, Word

# One line per segment: (word, probability) pairs; each word carries its leading space as
# faster-whisper's words do.
Line = Sequence[tuple[str, float]]

KOREAN_LINES: list[Line] = [
    [("저는", 0.98), ("보이부에서", 0.31), ("조사를", 0.97), ("받았습니다.", 0.99)],
    [("요덕", 0.99), ("관리소에서", 0.97), ("삼", 0.9), ("년", 0.96), ("있었습니다.", 0.98)],
    [("그", 0.42), ("사람이", 0.38), ("뭐라고", 0.35), ("했는지", 0.4), ("몰라요.", 0.45)],
]


class ScriptedEngine(FakeEngine):
    """FakeEngine's bursts become the scripted lines, in order (translation: upper-case)."""

    def __init__(self, lines: Sequence[Line], name: str = "fake") -> None:
        super().__init__(name)
        self.lines = list(lines)
        self.said = 0

    def transcribe(self, audio: Any, **kw: Any) -> Any:
        on_segment: Callable[[Segment], None] = kw.pop("on_segment")
        task = kw.get("task")

        def say(seg: Segment) -> None:
            if task != "transcribe":
                on_segment(seg)
                return
            line = self.lines[self.said % len(self.lines)]
            self.said += 1
            step = (seg.end - seg.start) / len(line)
            words = [Word(round(seg.start + i * step, 3), round(seg.start + (i + 1) * step, 3),
                          " " + w, p) for i, (w, p) in enumerate(line)]
            on_segment(Segment(seg.start, seg.end, "".join(w.word for w in words).strip(),
                               words))

        return super().transcribe(audio, on_segment=say, **kw)


def scripted_interview(vault: Vault, lines: Sequence[Line] = KOREAN_LINES, *,
                       code: str = "NK-2026-100", translate: bool = False) -> tuple[str, str]:
    """A new interview whose recording has one burst per line, transcribed; (iid, asset id)."""
    bursts = [(0.5 + 2.0 * i, 1.5 + 2.0 * i) for i in range(len(lines))]
    iid, aid = interview_with_audio(vault, tone_bursts(2.0 * len(lines) + 0.5, bursts),
                                    code=code)
    transcribe.transcribe_interview(vault, iid, role="interviewer", language="ko",
                                    translate=translate, engine_factory=lambda name: ScriptedEngine(lines, name))
    return iid, aid
