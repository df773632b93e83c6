"""Hallucination guards: what Whisper wrote that the audio does not support, found and said.

Whisper is a language model as much as a recogniser: on real speech it sometimes loops
("소매치기기기기…", a sentence twice), writes text over silence, or emits words it barely heard.
In a testimony archive an invented word is invented evidence, so every segment the engine
produces passes ``check_segment`` before it is stored:

- **Repetition loops** (``repetition``): a word or a sequence of up to three words three times
  in a row, or one syllable (character) five times in a row. Runs of four or more copies of a
  word sequence, and runs of five or more of a syllable, are what a decoder stuck in a loop
  writes, not what people say: the extra copies are removed (one copy is kept) and the segment
  is flagged with how many were removed. Exactly three copies ("네 네 네") can be real speech:
  kept, flagged for the reviewer.
- **Text over silence** (``no_speech``): Whisper's own no-speech probability for the segment is
  above ``NO_SPEECH_FLAG``.
- **Words the audio barely supports** (``low_probability``): the segment's mean word
  probability is below ``LOW_MEAN_PROB``. A segment where *every* word is below
  ``DROP_WORD_PROB`` and Whisper also judged it probably silence (no-speech probability above
  ``NO_SPEECH_FLAG``) is dropped: nothing in it is supported.
- **Compressible text** (``compression``): the text's gzip compression ratio is above
  ``COMPRESSION_FLAG`` (Whisper's own sign of repetitive output; faster-whisper retries at a
  higher temperature above this value, a flag means the retries did not cure it).

The thresholds were chosen on ``speech-dev`` (real recordings; bench/bench_accuracy.py); what
each costs is in docs/transcription.md. A flag says *why*, in one sentence that names no word of
the testimony (flags travel with segments in bundles, also where the text itself is redacted).
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # engine imports this module; the types are only for annotations
    from transcription.engine import Segment, Word

LOOP_MIN_COPIES = 3  # a word sequence this many times in a row is flagged ...
LOOP_DROP_COPIES = 4  # ... and from this many on, the extra copies are removed
LOOP_MAX_WORDS = 3  # longest word sequence looked at
SYLLABLE_RUN = 5  # one character this many times in a row is a loop (collapsed)
NO_SPEECH_FLAG = 0.6  # Whisper's own no-speech threshold
LOW_MEAN_PROB = 0.45  # mean word probability below this: flagged
DROP_WORD_PROB = 0.15  # every word below this and no_speech above NO_SPEECH_FLAG: dropped
COMPRESSION_FLAG = 2.4  # Whisper's own compression-ratio threshold

# A letter (not a digit: "100000원" is a number, not a loop) this many times in a row.
_SYLLABLE_RUN = re.compile(r"([^\W\d_])\1{" + str(SYLLABLE_RUN - 1) + ",}")


@dataclass(frozen=True)
class Loop:
    """A run of ``copies`` consecutive copies of a ``size``-word sequence at token ``start``."""

    start: int
    size: int
    copies: int


def _key(token: str) -> str:
    """A token compared without case, punctuation or spaces ("요덕," equals "요덕")."""
    token = unicodedata.normalize("NFC", token).casefold()
    return "".join(c for c in token if not (c.isspace() or unicodedata.category(c)[0] in "PS"))


def find_loops(tokens: Sequence[str], min_copies: int = LOOP_MIN_COPIES) -> list[Loop]:
    """Runs of ``min_copies`` or more consecutive copies of a sequence of 1-3 tokens.

    Runs do not overlap; at each position the longest run (most tokens covered) wins, shorter
    sequences first on a tie (so "a a a a" is one 1-word loop, not a 2-word one).
    """
    keys = [_key(t) for t in tokens]
    loops: list[Loop] = []
    i = 0
    while i < len(keys):
        best: Loop | None = None
        for size in range(1, LOOP_MAX_WORDS + 1):
            unit = keys[i:i + size]
            if len(unit) < size or not any(unit):
                break
            copies = 1
            while keys[i + copies * size: i + (copies + 1) * size] == unit:
                copies += 1
            if copies >= min_copies and (best is None or copies * size > best.copies * best.size):
                best = Loop(i, size, copies)
        if best is not None:
            loops.append(best)
            i += best.copies * best.size
        else:
            i += 1
    return loops


def has_loop(text: str) -> bool:
    """True when ``text`` repeats a word or up to three words three times in a row, or one
    syllable five times in a row (the definition the accuracy tests use)."""
    return bool(find_loops(text.split())) or bool(_SYLLABLE_RUN.search(_key(text)))


def compression_ratio(text: str) -> float:
    """Whisper's measure: UTF-8 length over zlib-compressed length (high = repetitive)."""
    data = text.encode("utf-8")
    return len(data) / len(zlib.compress(data)) if data else 0.0


@dataclass(frozen=True)
class Checked:
    """What ``check_segment`` decided: the segment to store (None = dropped) and why."""

    segment: Segment | None
    flags: tuple[str, ...]


def _collapse_syllables(word: str) -> tuple[str, int]:
    removed = 0

    def one(match: re.Match[str]) -> str:
        nonlocal removed
        removed += len(match.group(0)) - 1
        return match.group(1)

    return _SYLLABLE_RUN.sub(one, word), removed


def _remove_loops(tokens: list[str]) -> tuple[list[int], int, int]:
    """Indexes of the tokens to keep, how many loops were found and how many copies removed."""
    keep = list(range(len(tokens)))
    loops = find_loops(tokens)
    removed = 0
    drop: set[int] = set()
    for loop in loops:
        if loop.copies >= LOOP_DROP_COPIES:
            first_extra = loop.start + loop.size
            drop.update(range(first_extra, loop.start + loop.size * loop.copies))
            removed += loop.copies - 1
    return [k for k in keep if k not in drop], len(loops), removed


def check_segment(seg: Segment) -> Checked:
    """Flag (and where the audio supports nothing, drop or trim) one engine segment."""
    from transcription.engine import Word as _Word

    flags: list[str] = []
    words: list[Word] = list(seg.words)
    tokens = [w.word for w in words] if words else seg.text.split()
    keep, loops, removed = _remove_loops(tokens)
    syllables = 0
    if words:
        kept_words: list[Word] = []
        for i in keep:
            text, n = _collapse_syllables(words[i].word)
            syllables += n
            kept_words.append(words[i] if not n else _Word(words[i].start, words[i].end, text,
                                                           words[i].probability))
        text = "".join(w.word for w in kept_words).strip()
        words = kept_words
    else:
        parts = []
        for i in keep:
            part, n = _collapse_syllables(tokens[i])
            syllables += n
            parts.append(part)
        text = " ".join(parts).strip()
    if loops or syllables:
        what = []
        if loops:
            what.append(f"{loops} repeated word sequence{'s' if loops > 1 else ''}"
                        + (f" ({removed} extra cop{'ies' if removed != 1 else 'y'} removed)"
                           if removed else " (kept: may be real speech)"))
        if syllables:
            what.append(f"a character repeated in a run ({syllables} extra removed)")
        flags.append("repetition: Whisper repeated itself: " + "; ".join(what)
                     + "; listen to the audio to check the text.")
    no_speech = seg.no_speech_prob if seg.no_speech_prob is not None else 0.0
    probs = [w.probability for w in words]
    if probs and no_speech > NO_SPEECH_FLAG and max(probs) < DROP_WORD_PROB:
        return Checked(None, ("dropped: no word was supported by the audio and Whisper judged "
                              "it probably silence.",))
    if no_speech > NO_SPEECH_FLAG:
        flags.append(f"no_speech: Whisper judged this stretch probably not speech "
                     f"(no-speech probability {no_speech:.2f}); listen before relying on it.")
    if probs and sum(probs) / len(probs) < LOW_MEAN_PROB:
        flags.append(f"low_probability: the words are poorly supported by the audio (mean "
                     f"word probability {sum(probs) / len(probs):.2f}); check each word.")
    ratio = compression_ratio(text)
    if ratio > COMPRESSION_FLAG:
        flags.append(f"compression: the text is unusually repetitive (compression ratio "
                     f"{ratio:.1f}); check it against the audio.")
    if not text:
        return Checked(None, tuple(flags))
    return Checked(replace(seg, text=text, words=words, flags=tuple(flags)), tuple(flags))
