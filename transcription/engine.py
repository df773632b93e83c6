"""The speech-recognition engine behind a small interface; faster-whisper is one implementation.

An engine transcribes (or translates to English) one ``AudioWindow`` at a time, reporting each
segment as it is produced with times in the whole recording, and checks the cancel token between
segments. The caller (app.transcripts.transcribe) owns windows, storage, progress and resume.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np

from transcription.decode import SAMPLE_RATE, AudioWindow
from transcription.errors import EngineCancelled, TranscriptionError
from transcription.guards import check_segment
from transcription.models import LoadSpec

# Nothing may ever reach the network: huggingface_hub honours this before any lookup.
os.environ["HF_HUB_OFFLINE"] = "1"

MAX_GLOSSARY_CHARS = 300  # budget when counting characters (tests, fakes)
MAX_GLOSSARY_TOKENS = 120  # well inside the 223 prompt tokens Whisper keeps


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
    # Why the hallucination guards flagged this segment (transcription.guards), one sentence
    # each; empty when nothing was found. Stored as segment.engine_flags.
    flags: tuple[str, ...] = ()


@dataclass(frozen=True)
class WindowInfo:
    language: str | None
    language_probability: float | None


class Engine(Protocol):
    """What the transcription service needs from a speech engine."""

    name: str
    multilingual: bool

    def transcribe(self, audio: AudioWindow, *, language: str | None, task: str,
                   on_segment: Callable[[Segment], None], cancel: CancelFlag) -> WindowInfo: ...

    def parameters(self) -> dict[str, Any]:
        """Settings that shape the output, recorded with every transcript."""
        ...

    def version(self) -> str: ...


_PROMPT_LEAD = {"ko": "용어: ", "zh": "术语: ", "en": "Glossary: "}


_HANGUL = re.compile("[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
_HAN = re.compile("[\u4e00-\u9fff]")


# The glossary is NOT put in the decoder prompt (issue 12): measured on real speech
# (speech-dev, bench/bench_accuracy.py) it made Whisper append taxonomy terms the speaker never
# said ("보위부,", "요덕, 요덕, 요덕,"), loop, and fall back to slow high-temperature retries;
# corpus CER doubled. The two functions below only rebuild that prompt so that the benchmark
# can keep measuring it; no transcription path uses them.


def glossary_for_language(terms: Sequence[str], language: str | None) -> list[str]:
    """The terms written in the language's script; none when the language is unknown.

    Measured: Korean terms in the prompt of an English run (tiny.en, English speech) made
    Whisper end a segment with invented Hangul; so each language gets only its own script
    (Korean: Hangul; Chinese: Han; others: neither, e.g. romanised names like Yodok).
    """
    if language is None:
        return []
    if language == "ko":
        return [t for t in terms if _HANGUL.search(t)]
    if language == "zh":
        return [t for t in terms if _HAN.search(t) and not _HANGUL.search(t)]
    return [t for t in terms if not _HANGUL.search(t) and not _HAN.search(t)]


def glossary_prompt(terms: Sequence[str], language: str | None,
                    size: Callable[[str], int] = len,
                    budget: int = MAX_GLOSSARY_CHARS) -> str | None:
    """Terms as a short labelled sentence for Whisper's initial prompt (first terms win).

    Measured on the Korean fixture with the base model: a bare comma list (as initial prompt
    or as hotwords) made Whisper repeat the terms instead of transcribing; the same terms
    after a label word ("용어: ...") and ending in a full stop kept the speech and fixed the
    names. See docs/transcription.md.

    ``size`` measures text (the engine passes its tokenizer's token count; Whisper keeps only
    the last 223 prompt tokens, so an over-long prompt would silently lose the first terms).
    A compound such as "요덕 관리소" is left out when each of its words is itself a term, and
    numbered aliases ("15호 관리소") are left out, which leaves room for more distinct names.
    """
    lead = _PROMPT_LEAD.get(language or "ko", "Glossary: ")
    clean = [" ".join(t.split()) for t in terms]
    known = set(clean)
    out: list[str] = []
    seen: set[str] = set()
    for term in clean:
        parts = term.split(" ")
        if not term or term in seen or (len(parts) > 1 and all(p in known for p in parts)):
            continue
        if any(ch.isdigit() for ch in term):
            continue  # numbered aliases ("15호 관리소"): Whisper writes numbers by itself
        if size(lead + ", ".join([*out, term]) + ".") > budget:
            continue
        out.append(term)
        seen.add(term)
    if not out:
        return None
    return lead + ", ".join(out) + "."


class FasterWhisperEngine:
    """faster-whisper on CPU (int8 by default) with VAD and word timestamps.

    Decoding settings (chosen on real speech, docs/transcription.md): no initial prompt,
    ``condition_on_previous_text=False`` (a loop or a wrong word in one segment is not fed
    to the next one) and Whisper's default temperature fallback; every segment then passes
    the hallucination guards (``transcription.guards``).
    """

    def __init__(self, spec: LoadSpec, *, cpu_threads: int = 0, compute_type: str = "int8",
                 beam_size: int = 5, split_pause_s: float = 1.0, seed: int = 1) -> None:
        # onnxruntime (faster-whisper's VAD) otherwise writes a telemetry session file (.ses)
        # into the temp folder on every run; it must be set before onnxruntime is imported.
        os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
        from faster_whisper import WhisperModel  # heavy import, only when a model is used

        self.name = spec.info.name
        self.multilingual = spec.info.multilingual
        self.cpu_threads = cpu_threads or min(4, os.cpu_count() or 1)
        self.compute_type = compute_type
        self.beam_size = beam_size
        self.split_pause_s = split_pause_s
        self.seed = seed
        self.condition_on_previous_text = False
        try:
            self._model = WhisperModel(
                spec.path, device="cpu", compute_type=compute_type,
                cpu_threads=self.cpu_threads, local_files_only=True,
                files=dict(spec.files) if spec.files else None)
        except (RuntimeError, ValueError, OSError) as exc:
            raise TranscriptionError(
                "engine.model_could_loaded_check", name=self.name, error=type(exc).__name__
            ) from exc
        spec.files = None  # CTranslate2 holds its own copy; drop ours

    def version(self) -> str:
        import ctranslate2
        import faster_whisper

        return f"faster-whisper {faster_whisper.__version__}; ctranslate2 {ctranslate2.__version__}"

    def parameters(self) -> dict[str, Any]:
        return {"compute_type": self.compute_type, "cpu_threads": self.cpu_threads,
                "beam_size": self.beam_size, "vad_filter": True, "word_timestamps": True,
                "initial_prompt": None, "glossary": "not used in decoding",
                "condition_on_previous_text": self.condition_on_previous_text,
                "hallucination_guards": _guards_parameters(),
                "split_pause_s": self.split_pause_s, "seed": self.seed,
                "window": _window_description()}

    def transcribe(self, audio: AudioWindow, *, language: str | None, task: str,
                   on_segment: Callable[[Segment], None], cancel: CancelFlag) -> WindowInfo:
        """Transcribe one window; ``task='translate'`` gives English text without word times.

        With ``language=None`` Whisper detects it on the window's first speech (one pass: no
        separate detection run before the transcription).
        """
        if len(audio.samples) < SAMPLE_RATE // 10:
            return WindowInfo(language, None)
        words = task == "transcribe"
        if not self.multilingual:
            language = "en"
        # Whisper falls back to sampling (temperature > 0) when a decode looks wrong; seeding
        # each window makes that reproducible, so a resumed or repeated run gives the same text.
        import ctranslate2

        ctranslate2.set_random_seed(self.seed)
        segments, info = self._model.transcribe(
            np.ascontiguousarray(audio.samples, dtype=np.float32),
            language=language, task=task, beam_size=self.beam_size,
            vad_filter=task == "transcribe", word_timestamps=words,
            condition_on_previous_text=self.condition_on_previous_text,
            log_progress=False)
        for seg in segments:  # a lazy generator: each step decodes more audio
            if cancel.cancelled:
                raise EngineCancelled("engine.cancelled")
            for part in self._split_at_pauses(seg, audio.offset_s):
                checked = check_segment(part).segment if words else part
                if checked is not None:
                    on_segment(checked)
        return WindowInfo(info.language, float(info.language_probability))

    def _split_at_pauses(self, seg: Any, offset: float) -> list[Segment]:
        """One engine segment, split where its words are ``split_pause_s`` or more apart.

        Whisper works on speech with the silences cut out, so one of its segments can run
        across a long pause, often a change of speaker; splitting there keeps turns apart for
        speaker labels, review and translation. The text is the words' own text, unchanged.
        """
        text = seg.text.strip()
        logprob, no_speech = float(seg.avg_logprob), float(seg.no_speech_prob)
        words = [Word(round(offset + w.start, 3), round(offset + w.end, 3), w.word,
                      round(float(w.probability), 4)) for w in (seg.words or [])]
        if not text:
            return []
        if not words:
            return [Segment(round(offset + seg.start, 3), round(offset + seg.end, 3), text,
                            [], avg_logprob=logprob, no_speech_prob=no_speech)]
        groups: list[list[Word]] = [[words[0]]]
        for word in words[1:]:
            if word.start - groups[-1][-1].end >= self.split_pause_s:
                groups.append([word])
            else:
                groups[-1].append(word)
        if len(groups) == 1:
            return [Segment(round(offset + seg.start, 3), round(offset + seg.end, 3), text,
                            words, avg_logprob=logprob, no_speech_prob=no_speech)]
        return [Segment(g[0].start, g[-1].end, "".join(w.word for w in g).strip(), g,
                        avg_logprob=logprob, no_speech_prob=no_speech)
                for g in groups if "".join(w.word for w in g).strip()]


def _window_description() -> str:
    """How the job cuts a recording into windows (transcription.decode), for the record."""
    from transcription import decode

    return (f"about {decode.WINDOW_S:.0f} s, cut at the quietest 0.1 s of the last "
            f"{min(decode.SEARCH_S, decode.WINDOW_S / 2):.0f} s")


def _guards_parameters() -> dict[str, float]:
    """The hallucination guards' thresholds, recorded with every transcript."""
    from transcription import guards

    return {"loop_min_copies": guards.LOOP_MIN_COPIES,
            "loop_drop_copies": guards.LOOP_DROP_COPIES,
            "syllable_run": guards.SYLLABLE_RUN, "no_speech_flag": guards.NO_SPEECH_FLAG,
            "low_mean_prob": guards.LOW_MEAN_PROB, "drop_word_prob": guards.DROP_WORD_PROB,
            "compression_flag": guards.COMPRESSION_FLAG}
