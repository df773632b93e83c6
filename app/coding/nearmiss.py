"""Near misses of taxonomy names in recognised text: the matcher behind term suggestions.

Whisper is no longer given the glossary (it invented terms the speaker never said), so term
help comes after recognition: where a recognised word is *almost* a taxonomy name ("보이부" for
보위부, "Yardock" for Yodok) the reviewer is offered that name, and decides. This module only
finds the candidates; it is pure (no vault, no I/O) and deterministic.

How a word is compared:

- **Hangul** words against Korean names (labels and aliases written in Hangul): a weighted edit
  distance over jamo (initial consonant, vowel, final consonant of every syllable). Swapping a
  jamo for one that sounds alike (ㅓ/ㅗ, ㅐ/ㅔ, ㅟ/ㅣ, plain/tense/aspirated consonants, final
  consonants that are pronounced the same) costs 0.5; any other change costs 1. A trailing
  particle (에서, 을, 는 ...) is set aside and kept. Because inserting a syllable costs at
  least 2 and the largest allowance is 1.5, only words with as many syllables as the name are
  compared, and only names sharing a syllable with the word (an exact pre-filter).
- **Latin** words against the terms' romanisations only (Yodok, Bowibu, Kwanliso...): English
  labels and aliases are ordinary English words that Whisper spells correctly, and comparing
  with them would flood a transcript with "hours" for "house". Case, diacritics, apostrophes
  and hyphens are ignored; a word is near when its letter edit distance is small for the name's
  length, or when its consonant skeleton (vowels merged, k/g, t/d, p/b, ch/j, r/l alike, an r
  after a vowel silent, as English speakers hear "Yodok" as "Yardock") equals the name's.

What is never suggested: a word that already is (ignoring case and spaces) any name of any
term; names of one syllable or of fewer than five letters (acronyms such as MSS); names with
digits (camp numbers differ by one digit and must never be "corrected" into each other);
two-syllable Korean names (common words are one sound away: 수송 and 수성) unless the engine
itself was unsure of the word (its word probability is below ``SHORT_NAME_MAX_PROBABILITY``).
Per segment at most ``MAX_PER_SEGMENT`` suggestions, the closest first, none overlapping.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from app.coding.taxonomy import Term

MAX_PER_SEGMENT = 3
# Largest weighted jamo distance allowed, by the name's number of syllables (1: never).
HANGUL_ALLOWANCE = {2: 0.5, 3: 1.0}
HANGUL_ALLOWANCE_LONG = 1.5  # 4 syllables or more
# A two-syllable name is suggested only where the engine gave the word less than this: the
# words the editor marks as unsure (app.transcripts.confidence.LOW_WORD_PROBABILITY).
SHORT_NAME_MAX_PROBABILITY = 0.7
MIN_LATIN_LETTERS = 5
MAX_SPAN_WORDS = 3  # names of up to three words ("Kukka Bowisong", "요덕 관리소")

_PARTICLES = sorted((
    "에서는", "에서도", "에게서", "으로는", "으로도", "이라고", "이라는", "에서", "에게", "한테",
    "으로", "까지", "부터", "라고", "라는", "이나", "처럼", "보다", "하고", "이랑", "에는", "에도",
    "은", "는", "이", "가", "을", "를", "에", "의", "로", "와", "과", "도", "만", "랑", "나"),
    key=lambda p: (-len(p), p))

_INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_VOWELS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_FINALS = ("", "ㄱ", "ㄲ", "ㄳ", "ㄴ", "ㄵ", "ㄶ", "ㄷ", "ㄹ", "ㄺ", "ㄻ", "ㄼ", "ㄽ", "ㄾ", "ㄿ",
           "ㅀ", "ㅁ", "ㅂ", "ㅄ", "ㅅ", "ㅆ", "ㅇ", "ㅈ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ")


def _alike(*groups: str) -> frozenset[frozenset[str]]:
    pairs = set()
    for group in groups:
        members = group.split()
        for a in members:
            for b in members:
                if a != b:
                    pairs.add(frozenset((a, b)))
    return frozenset(pairs)


# Symbols: initials as themselves, vowels as themselves, finals with a trailing "_" (a final
# consonant is a different sound from the same letter starting a syllable).
_SOUND_ALIKE = _alike(
    # vowels that merge in speech, in dialects or in Whisper's output
    "ㅐ ㅔ", "ㅒ ㅖ", "ㅙ ㅞ ㅚ", "ㅓ ㅗ", "ㅓ ㅡ", "ㅜ ㅡ", "ㅕ ㅛ", "ㅟ ㅣ", "ㅢ ㅣ", "ㅢ ㅡ",
    "ㅘ ㅏ", "ㅝ ㅓ",
    # plain, tense and aspirated initials; ㄴ/ㄹ (관리소 is said 괄리소)
    "ㄱ ㄲ ㅋ", "ㄷ ㄸ ㅌ", "ㅂ ㅃ ㅍ", "ㅈ ㅉ ㅊ", "ㅅ ㅆ", "ㄴ ㄹ",
    # final consonants pronounced the same
    "ㄱ_ ㄲ_ ㅋ_ ㄳ_ ㄺ_", "ㄷ_ ㅅ_ ㅆ_ ㅈ_ ㅊ_ ㅌ_ ㅎ_", "ㅂ_ ㅍ_ ㅄ_ ㄿ_", "ㄴ_ ㄵ_ ㄶ_",
    "ㄹ_ ㄼ_ ㄽ_ ㄾ_ ㅀ_", "ㅁ_ ㄻ_",
)

_HANGUL_WORD = re.compile(r"[\uac00-\ud7a3]+")
_LATIN = "A-Za-z\u00c0-\u024f\u1e00-\u1eff"  # with the diacritics of romanisations (ŏ, ŭ)
_LATIN_WORD = re.compile(f"[{_LATIN}]+(?:['’-][{_LATIN}]+)*")
_IS_HANGUL = re.compile(r"[\uac00-\ud7a3]+")


def is_hangul(text: str) -> bool:
    """True if ``text`` is one or more Hangul syllables and nothing else."""
    return bool(_IS_HANGUL.fullmatch(text))


def jamo(word: str) -> list[str]:
    """The jamo symbols of Hangul syllables, in order (finals marked with '_')."""
    out: list[str] = []
    for ch in word:
        code = ord(ch) - 0xAC00
        if not 0 <= code < 11172:
            out.append(ch)
            continue
        initial, rest = divmod(code, 21 * 28)
        vowel, final = divmod(rest, 28)
        out.append(_INITIALS[initial])
        out.append(_VOWELS[vowel])
        if final:
            out.append(_FINALS[final] + "_")
    return out


def _weighted_distance(a: Sequence[str], b: Sequence[str], limit: float) -> float:
    """Edit distance; a sound-alike substitution costs 0.5. Returns > ``limit`` early."""
    prev = [float(j) for j in range(len(b) + 1)]
    for i, x in enumerate(a, start=1):
        cur = [float(i)] + [0.0] * len(b)
        for j, y in enumerate(b, start=1):
            if x == y:
                sub = prev[j - 1]
            else:
                sub = prev[j - 1] + (0.5 if frozenset((x, y)) in _SOUND_ALIKE else 1.0)
            cur[j] = min(sub, prev[j] + 1.0, cur[j - 1] + 1.0)
        if min(cur) > limit:
            return math.inf
        prev = cur
    return prev[-1]


def jamo_distance(a: str, b: str) -> float:
    """Weighted jamo edit distance between two Hangul strings (see the module docstring)."""
    return _weighted_distance(jamo(a), jamo(b), math.inf)


def latin_letters(text: str) -> str:
    """Lower-case ASCII letters only: diacritics, apostrophes, hyphens and spaces removed."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if "a" <= c <= "z")


_SKELETON_RULES = (("ck", "k"), ("tch", "j"), ("ch", "j"), ("sh", "s"), ("ph", "p"),
                   ("ng", "n"), ("q", "k"), ("x", "ks"), ("c", "k"), ("g", "k"), ("b", "p"),
                   ("d", "t"), ("z", "j"), ("l", "r"), ("f", "p"), ("v", "p"))
_VOWEL_LETTERS = "aeiou"


def skeleton(letters: str) -> str:
    """How a romanised name sounds to an English ear, coarsely: consonant classes, with every
    run of vowels one 'V' and an 'r' after a vowel (before a consonant or at the end) silent."""
    s = letters
    out = []
    for i, c in enumerate(s):
        if (c == "r" and i > 0 and s[i - 1] in _VOWEL_LETTERS
                and (i + 1 == len(s) or s[i + 1] not in _VOWEL_LETTERS)):
            continue
        out.append(c)
    s = "".join(out)
    for old, new in _SKELETON_RULES:
        s = s.replace(old, new)
    # an 'h' after a consonant is aspiration (ch'ŏng, kh): not a sound of its own
    s = re.sub(r"(?<=[^aeiouh])h", "", s)
    s = re.sub(r"[aeiouy]+", "V", s)
    s = re.sub(r"(.)\1+", r"\1", s)
    return s


def _levenshtein(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, x in enumerate(a, start=1):
        cur = [i] + [0] * len(b)
        for j, y in enumerate(b, start=1):
            cur[j] = min(prev[j - 1] + (x != y), prev[j] + 1, cur[j - 1] + 1)
        prev = cur
    return prev[-1]


def latin_allowance(length: int) -> int:
    """Letter edits allowed for a romanised name of ``length`` letters."""
    if length < MIN_LATIN_LETTERS:
        return -1
    if length <= 6:
        return 1
    return 2 if length <= 11 else 3


@dataclass(frozen=True)
class NearMiss:
    """One suggestion: replace ``text[start:end]`` (``heard``) with ``name``.

    ``term_ids`` are the terms that have this name (usually one); ``distance`` is the jamo or
    letter distance that made it near; ``probability`` the engine's lowest word probability
    over the replaced words (None when unknown, e.g. after a person edited the text).
    """

    start: int
    end: int
    heard: str
    name: str
    term_ids: tuple[str, ...]
    distance: float
    probability: float | None
    score: float  # distance relative to the name's length: lower is closer


@dataclass(frozen=True)
class _Name:
    name: str
    compact: str  # Hangul without spaces, or Latin letters only
    term_ids: tuple[str, ...]
    units: int  # syllables or letters
    words: int  # a span of more words than the name is not a near miss of it ("inminban or")
    jamo: tuple[str, ...] = ()
    skeleton: str = ""


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    text: str


class NameIndex:
    """The names of a vocabulary, indexed for near-miss search. Build once per taxonomy."""

    def __init__(self, terms: Iterable[Term]) -> None:
        hangul: dict[str, tuple[str, list[str]]] = {}
        latin: dict[str, tuple[str, list[str]]] = {}
        self.exact: set[str] = set()  # every name of every term, compact form
        for term in terms:
            for name in term.names():
                name = " ".join(name.split())
                compact = name.replace(" ", "")
                if is_hangul(compact):
                    self.exact.add(compact)
                    if not any(ch.isdigit() for ch in name) and len(compact) >= 2:
                        hangul.setdefault(compact, (name, []))[1].append(term.id)
                else:
                    letters = latin_letters(name)
                    if letters:
                        self.exact.add(letters)
            for name in term.romanisations:
                name = " ".join(name.split())
                letters = latin_letters(name)
                if any(ch.isdigit() for ch in name) or len(letters) < MIN_LATIN_LETTERS:
                    continue
                latin.setdefault(letters, (name, []))[1].append(term.id)
        self._hangul: dict[tuple[int, str], list[_Name]] = {}
        for compact in sorted(hangul):
            name, ids = hangul[compact]
            entry = _Name(name, compact, tuple(sorted(set(ids))), len(compact),
                          len(name.split()), tuple(jamo(compact)))
            for syllable in sorted(set(compact)):
                self._hangul.setdefault((len(compact), syllable), []).append(entry)
        self._latin: dict[str, list[_Name]] = {}
        for letters in sorted(latin):
            name, ids = latin[letters]
            sk = skeleton(letters)
            entry = _Name(name, letters, tuple(sorted(set(ids))), len(letters),
                          len(name.split()), (), sk)
            self._latin.setdefault(sk[:1], []).append(entry)
        self._cache: dict[str, tuple[_Name, float] | None] = {}

    # ------------------------------------------------------------------ one candidate
    def _closest_hangul(self, stem: str, words: int) -> tuple[_Name, float] | None:
        key = f"h{words}:{stem}"
        if key in self._cache:
            return self._cache[key]
        best: tuple[_Name, float] | None = None
        n = len(stem)
        allowance = HANGUL_ALLOWANCE.get(n, HANGUL_ALLOWANCE_LONG if n >= 4 else -1.0)
        if allowance >= 0 and stem not in self.exact:
            sounds = jamo(stem)
            seen: set[str] = set()
            for syllable in sorted(set(stem)):
                for entry in self._hangul.get((n, syllable), []):
                    if entry.compact in seen or entry.words < words:
                        continue
                    seen.add(entry.compact)
                    d = _weighted_distance(sounds, entry.jamo, allowance)
                    if d <= allowance and (best is None or (d, entry.compact)
                                           < (best[1], best[0].compact)):
                        best = (entry, d)
        self._cache[key] = best
        return best

    def _closest_latin(self, letters: str, words: int) -> tuple[_Name, float] | None:
        key = f"l{words}:{letters}"
        if key in self._cache:
            return self._cache[key]
        best: tuple[_Name, float] | None = None
        if len(letters) >= MIN_LATIN_LETTERS - 1 and letters not in self.exact:
            sk = skeleton(letters)
            for entry in self._latin.get(sk[:1], []):
                if entry.words < words:
                    continue
                allowed = latin_allowance(entry.units)
                loose = math.ceil(entry.units / 2)
                if abs(len(letters) - entry.units) > max(allowed, loose):
                    continue
                d = _levenshtein(letters, entry.compact)
                if d <= allowed:
                    score = float(d)
                elif sk == entry.skeleton and len(sk) >= 4 and d <= loose:
                    score = d - 0.5  # sounds the same; spelled further apart
                else:
                    continue
                if best is None or (score, entry.compact) < (best[1], best[0].compact):
                    best = (entry, score)
        self._cache[key] = best
        return best

    # ------------------------------------------------------------------ a whole text
    def near_misses(self, text: str, word_probabilities: Sequence[tuple[int, int, float]] = (),
                    *, limit: int = MAX_PER_SEGMENT) -> list[NearMiss]:
        """Suggestions for ``text``, in text order: at most ``limit``, the closest kept.

        ``word_probabilities`` are (start, end, probability) character spans of the engine's
        words in ``text``, when the text is still the engine's; they rank suggestions and
        allow two-syllable names where the engine was unsure.
        """
        found: list[NearMiss] = []
        exact: list[tuple[int, int]] = []  # words that already are a name: never touched
        for tokens, hangul in ((_tokens(_HANGUL_WORD, text), True),
                               (_tokens(_LATIN_WORD, text), False)):
            for i in range(len(tokens)):
                for k in range(1, MAX_SPAN_WORDS + 1):
                    span = tokens[i:i + k]
                    if len(span) < k or not _adjacent(text, span):
                        break
                    if self._is_exact(span, hangul):
                        exact.append((span[0].start, span[-1].end))
                        continue
                    miss = (self._hangul_span(text, span, word_probabilities) if hangul
                            else self._latin_span(text, span, word_probabilities))
                    if miss is not None:
                        found.append(miss)
        found = [m for m in found if all(m.end <= a or m.start >= b for a, b in exact)]
        found.sort(key=lambda m: (m.score, 1.0 if m.probability is None else m.probability,
                                  m.start, m.end, m.name))
        chosen: list[NearMiss] = []
        for m in found:
            if len(chosen) >= limit:
                break
            if all(m.end <= c.start or m.start >= c.end for c in chosen):
                chosen.append(m)
        return sorted(chosen, key=lambda m: (m.start, m.end))

    def _is_exact(self, span: list[_Token], hangul: bool) -> bool:
        compact = "".join(t.text for t in span)
        if hangul:
            return any(stem in self.exact for stem in _stems(compact))
        return latin_letters(compact) in self.exact

    def _hangul_span(self, text: str, span: list[_Token],
                     probs: Sequence[tuple[int, int, float]]) -> NearMiss | None:
        compact = "".join(t.text for t in span)
        if compact in self.exact:
            return None
        best: tuple[_Name, float, str] | None = None
        for stem in _stems(compact):
            if stem in self.exact:
                return None  # "요덕에" is 요덕 with a particle: already right
            hit = self._closest_hangul(stem, len(span))
            if hit is not None and (best is None or hit[1] < best[1]):
                best = (hit[0], hit[1], stem)
        if best is None:
            return None
        entry, distance, stem = best
        end = _offset_after(text, span, len(stem))
        probability = _probability(span[0].start, end, probs)
        if entry.units <= 2 and (probability is None
                                 or probability >= SHORT_NAME_MAX_PROBABILITY):
            return None
        return NearMiss(span[0].start, end, text[span[0].start:end], entry.name, entry.term_ids,
                        distance, probability, distance / entry.units)

    def _latin_span(self, text: str, span: list[_Token],
                    probs: Sequence[tuple[int, int, float]]) -> NearMiss | None:
        letters = latin_letters("".join(t.text for t in span))
        hit = self._closest_latin(letters, len(span))
        if hit is None:
            return None
        entry, score = hit
        start, end = span[0].start, span[-1].end
        heard = text[start:end]
        if latin_letters(heard) == entry.compact:
            return None
        name = entry.name
        if heard[:1].isupper() and name[:1].islower():
            name = name[:1].upper() + name[1:]  # "Kwaliso" -> "Kwalliso", as it was written
        return NearMiss(start, end, heard, name, entry.term_ids,
                        float(_levenshtein(letters, entry.compact)),
                        _probability(start, end, probs), max(score, 0.0) / entry.units)


def _tokens(pattern: re.Pattern[str], text: str) -> list[_Token]:
    return [_Token(m.start(), m.end(), m.group()) for m in pattern.finditer(text)]


def _adjacent(text: str, span: list[_Token]) -> bool:
    """Consecutive words separated by spaces only (no punctuation, digits or other script)."""
    return all(not text[a.end:b.start].strip() and a.end < b.start
               for a, b in zip(span, span[1:], strict=False))


def _stems(compact: str) -> list[str]:
    """The word itself, then the word without each particle it ends with (stem >= 2 syllables)."""
    out = [compact]
    for particle in _PARTICLES:
        if compact.endswith(particle) and len(compact) - len(particle) >= 2:
            out.append(compact[:-len(particle)])
    return out


def _offset_after(text: str, span: list[_Token], syllables: int) -> int:
    """Text offset just after the first ``syllables`` Hangul characters of the span."""
    count = 0
    for token in span:
        for pos in range(token.start, token.end):
            count += 1
            if count == syllables:
                return pos + 1
    return span[-1].end


def _probability(start: int, end: int, probs: Sequence[tuple[int, int, float]]) -> float | None:
    values = [p for (a, b, p) in probs if a < end and b > start]
    return min(values) if values else None
