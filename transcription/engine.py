"""The speech-recognition engine behind a small interface; faster-whisper is one implementation.

An engine transcribes (or translates to English) one ``AudioWindow`` at a time, reporting each
segment as it is produced with times in the whole recording, and checks the cancel token between
segments. The caller (app.transcribe) owns windows, storage, progress and resume.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np

from transcription.decode import SAMPLE_RATE, AudioWindow
from transcription.errors import EngineCancelled, TranscriptionError
from transcription.models import LoadSpec

# Nothing may ever reach the network: huggingface_hub honours this before any lookup.
os.environ["HF_HUB_OFFLINE"] = "1"

MAX_GLOSSARY_CHARS = 300  # keeps the hotword prompt well inside Whisper's 224-token prompt


class CancelFlag(Protocol):
    """Anything with a ``cancelled`` property (app.tasks.CancelToken fits)."""

    @property
    def cancelled(self) -> bool: ...


@dataclass(frozen=True)
class Word:
    start: float
    end: float
    word: str
    probability: float


@dataclass(frozen=True)
class Segment:
    """One stretch of recognised speech; times are seconds in the whole recording."""

    start: float
    end: float
    text: str
    words: list[Word] = field(default_factory=list)
    avg_logprob: float | None = None
    no_speech_prob: float | None = None


@dataclass(frozen=True)
class WindowInfo:
    language: str | None
    language_probability: float | None


class Engine(Protocol):
    """What the transcription service needs from a speech engine."""

    name: str
    multilingual: bool

    def transcribe(self, audio: AudioWindow, *, language: str | None, task: str,
                   on_segment: Callable[[Segment], None], cancel: CancelFlag,
                   glossary: Sequence[str] = ()) -> WindowInfo: ...

    def parameters(self) -> dict[str, Any]:
        """Settings that shape the output, recorded with every transcript."""
        ...

    def version(self) -> str: ...


_PROMPT_LEAD = {"ko": "용어: ", "zh": "术语: ", "en": "Glossary: "}


def glossary_prompt(terms: Sequence[str], language: str | None) -> str | None:
    """Terms as a short labelled sentence for Whisper's initial prompt (first terms win).

    Measured on the Korean fixture with the base model: a bare comma list (as initial prompt
    or as hotwords) made Whisper repeat the terms instead of transcribing; the same terms
    after a label word ("용어: ...") and ending in a full stop kept the speech and fixed the
    names. See docs/transcription.md.
    """
    out: list[str] = []
    size = 0
    for term in terms:
        term = " ".join(term.split())
        if not term or size + len(term) + 2 > MAX_GLOSSARY_CHARS:
            continue
        out.append(term)
        size += len(term) + 2
    if not out:
        return None
    return _PROMPT_LEAD.get(language or "ko", "Glossary: ") + ", ".join(out) + "."


class FasterWhisperEngine:
    """faster-whisper on CPU (int8 by default) with VAD and word timestamps."""

    def __init__(self, spec: LoadSpec, *, cpu_threads: int = 0, compute_type: str = "int8",
                 beam_size: int = 5) -> None:
        # onnxruntime (faster-whisper's VAD) otherwise writes a telemetry session file (.ses)
        # into the temp folder on every run; it must be set before onnxruntime is imported.
        os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
        from faster_whisper import WhisperModel  # heavy import, only when a model is used

        self.name = spec.info.name
        self.multilingual = spec.info.multilingual
        self.cpu_threads = cpu_threads or min(4, os.cpu_count() or 1)
        self.compute_type = compute_type
        self.beam_size = beam_size
        try:
            self._model = WhisperModel(
                spec.path, device="cpu", compute_type=compute_type,
                cpu_threads=self.cpu_threads, local_files_only=True,
                files=dict(spec.files) if spec.files else None)
        except (RuntimeError, ValueError, OSError) as exc:
            raise TranscriptionError(
                f"The model '{self.name}' could not be loaded ({type(exc).__name__}); check "
                "free memory or import the model again."
            ) from exc
        spec.files = None  # CTranslate2 holds its own copy; drop ours

    def version(self) -> str:
        import ctranslate2
        import faster_whisper

        return f"faster-whisper {faster_whisper.__version__}; ctranslate2 {ctranslate2.__version__}"

    def parameters(self) -> dict[str, Any]:
        return {"compute_type": self.compute_type, "cpu_threads": self.cpu_threads,
                "beam_size": self.beam_size, "vad_filter": True, "word_timestamps": True,
                "glossary": "initial_prompt",
                "window": "about 60 s, cut at the quietest 0.1 s of the last 15 s"}

    def transcribe(self, audio: AudioWindow, *, language: str | None, task: str,
                   on_segment: Callable[[Segment], None], cancel: CancelFlag,
                   glossary: Sequence[str] = ()) -> WindowInfo:
        """Transcribe one window; ``task='translate'`` gives English text without word times."""
        if len(audio.samples) < SAMPLE_RATE // 10:
            return WindowInfo(language, None)
        words = task == "transcribe"
        segments, info = self._model.transcribe(
            np.ascontiguousarray(audio.samples, dtype=np.float32),
            language=language, task=task, beam_size=self.beam_size,
            vad_filter=task == "transcribe", word_timestamps=words,
            initial_prompt=glossary_prompt(glossary, language) if glossary else None,
            log_progress=False)
        for seg in segments:  # a lazy generator: each step decodes more audio
            if cancel.cancelled:
                raise EngineCancelled("Cancelled.")
            text = seg.text.strip()
            if not text:
                continue
            on_segment(Segment(
                start=round(audio.offset_s + seg.start, 3),
                end=round(audio.offset_s + seg.end, 3),
                text=text,
                words=[Word(round(audio.offset_s + w.start, 3), round(audio.offset_s + w.end, 3),
                            w.word, round(float(w.probability), 4))
                       for w in (seg.words or [])],
                avg_logprob=float(seg.avg_logprob),
                no_speech_prob=float(seg.no_speech_prob),
            ))
        return WindowInfo(info.language, float(info.language_probability))
