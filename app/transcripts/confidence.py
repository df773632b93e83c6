"""How sure the engine was: word and segment confidence for reviewers (pure, no I/O).

Every original-layer segment stores the engine's words with faster-whisper's word probability
(``segment.words``). A word below ``LOW_WORD_PROBABILITY`` is marked for the reviewer; a
segment's confidence is the mean probability of its words, and a segment below
``LOW_SEGMENT_CONFIDENCE`` is marked as a whole. Word marks need the engine's words to line up
with the text, so they are shown only while the segment's text is still the engine's (after a
person's edit the words no longer describe the text); the segment's confidence stays, since it
describes how well the engine heard that stretch of audio. Translation segments have no words
(Whisper gives none for its translate task); ``app.transcripts.store`` gives them their original's
confidence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

# Chosen on the real-speech development set (bench/bench_review.py, docs/benchmarks.md):
# below 0.7 half the marked words are wrong and half the wrong words are marked; segments
# below 0.8 had four times the character error rate of the others.
LOW_WORD_PROBABILITY = 0.7
LOW_SEGMENT_CONFIDENCE = 0.8


@dataclass(frozen=True)
class WordSpan:
    """One engine word located in the segment's text: ``text[start:end]`` (spaces trimmed)."""

    start: int
    end: int
    probability: float

    @property
    def low(self) -> bool:
        return self.probability < LOW_WORD_PROBABILITY


def _probability(word: Any) -> float | None:
    """A word's probability clamped to 0-1; None for anything malformed (words may come from
    another device's bundle)."""
    if not isinstance(word, dict):
        return None
    value = word.get("probability")
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return min(1.0, max(0.0, float(value)))


def segment_confidence(words: Sequence[dict[str, Any]]) -> float | None:
    """Mean word probability (0-1), or None when the segment has no scored words."""
    if not isinstance(words, list | tuple):
        return None
    values = [p for p in (_probability(w) for w in words) if p is not None]
    return sum(values) / len(values) if values else None


def is_low(confidence: float | None) -> bool:
    """True for a segment the reviewer should look at first."""
    return confidence is not None and confidence < LOW_SEGMENT_CONFIDENCE


def word_spans(text: str, words: Sequence[dict[str, Any]]) -> list[WordSpan] | None:
    """The engine's words as character spans of ``text``; None if the text is no longer the
    engine's (the words, joined, differ from it) or there are no words."""
    if not words or not all(isinstance(w, dict) for w in words):
        return None
    pieces = [w.get("word") for w in words]
    if not all(isinstance(p, str) for p in pieces):
        return None
    joined = "".join(str(p) for p in pieces)
    if joined.strip() != text:
        return None
    pos = -(len(joined) - len(joined.lstrip()))
    spans = []
    for piece, word in zip(pieces, words, strict=True):
        assert isinstance(piece, str)
        start, end = pos, pos + len(piece)
        pos = end
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece) - len(piece.rstrip())
        start, end = max(0, start + lead), min(len(text), end - trail)
        probability = _probability(word)
        if end > start and probability is not None:
            spans.append(WordSpan(start, end, probability))
    return spans


def low_words(text: str, words: Sequence[dict[str, Any]]) -> list[WordSpan]:
    """The words to mark in ``text`` (empty when the text was edited or nothing is low)."""
    return [s for s in word_spans(text, words) or [] if s.low]


def mark_text(text: str, spans: Sequence[WordSpan], before: str = "[?",
              after: str = "?]") -> str:
    """``text`` with every span wrapped in ``before``/``after`` (spans must not overlap)."""
    out, pos = [], 0
    for span in sorted(spans, key=lambda s: s.start):
        out += [text[pos:span.start], before, text[span.start:span.end], after]
        pos = span.end
    out.append(text[pos:])
    return "".join(out)
