"""The speech-dev set of real recordings: where it is, its clips, and scoring.

Shared by bench/bench_accuracy.py and the accuracy tests. The recordings are not committed (the
Korean clips are CC BY-NC-SA with a research-only condition); they are found at
``$TESTIMONY_SPEECH_DEV`` or in a ``shared/speech-dev`` folder next to the checkout. Scoring
follows the set's README: Korean corpus CER after NFC and removing punctuation, symbols and
whitespace; English WER after lower-casing and removing punctuation.
"""

from __future__ import annotations

import csv
import os
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]


def speech_dev_dir() -> Path | None:
    """The speech-dev folder, or None when it is not on this machine."""
    env = os.environ.get("TESTIMONY_SPEECH_DEV")
    candidates = [Path(env)] if env else []
    candidates += [p / "shared" / "speech-dev" for p in ROOT.parents]
    for path in candidates:
        if (path / "manifest.tsv").is_file():
            return path
    return None


# Korean groups by speaker (README: pfo Gyeongsang and pfp Jeolla dialect, the rest standard).
GROUP_OF_SPEAKER = {"pfo": "ko dialect Gyeongsang (pfo)", "pfp": "ko dialect Jeolla (pfp)"}


@dataclass(frozen=True)
class Clip:
    file: str
    language: str
    duration_s: float
    reference: str

    @property
    def name(self) -> str:
        return Path(self.file).stem

    @property
    def group(self) -> str:
        if self.language == "en":
            return "en read (LJ)"
        return GROUP_OF_SPEAKER.get(self.name.split("-")[0], "ko standard")


def clips(folder: Path) -> list[Clip]:
    with open(folder / "manifest.tsv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [Clip(r["file"], r["language"], float(r["duration_s"]), r["transcript"])
            for r in rows]


def clip_pcm(folder: Path, clip: Clip) -> np.ndarray:
    """The clip as 16 kHz mono float32 (decoded the way the app decodes stored audio)."""
    from transcription.decode import iter_blocks

    with open(folder / clip.file, "rb") as fh:
        return np.concatenate(list(iter_blocks(fh)))


def norm_ko(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    return "".join(c for c in text if not (c.isspace() or unicodedata.category(c)[0] in "PS"))


def norm_en_words(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", text).lower().replace("-", " ")
    return "".join(c if unicodedata.category(c)[0] not in "PS" else " " for c in text).split()


def edits(ref: list[str] | str, hyp: list[str] | str) -> int:
    """Levenshtein distance over characters (str) or words (list)."""
    prev = list(range(len(hyp) + 1))
    for i, rc in enumerate(ref, 1):
        cur = [i]
        for j, hc in enumerate(hyp, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (rc != hc)))
        prev = cur
    return prev[-1]


def errors(clip: Clip, hypothesis: str) -> tuple[int, int]:
    """(edits, reference length): characters for Korean, words for English."""
    if clip.language == "ko":
        ref = norm_ko(clip.reference)
        return edits(ref, norm_ko(hypothesis)), len(ref)
    ref_words = norm_en_words(clip.reference)
    return edits(ref_words, norm_en_words(hypothesis)), len(ref_words)


@cache
def taxonomy_names() -> tuple[str, ...]:
    """Every name of every term in the app's built-in taxonomy that could be recognised as a
    word: Hangul names of two syllables or more, Latin names of three letters or more."""
    from app.coding import taxonomy

    names: set[str] = set()
    for term in taxonomy.builtin().terms.values():
        for name in term.names():
            if re.search("[\uac00-\ud7a3]", name):
                if len(norm_ko(name)) >= 2:
                    names.add(norm_ko(name))
            elif len(name) >= 3 and not any(ch.isdigit() for ch in name):
                names.add(name.lower())
    return tuple(sorted(names))


def invented_terms(reference: str, hypothesis: str,
                   names: Iterable[str] | None = None) -> list[str]:
    """Taxonomy names found in the hypothesis that the reference does not contain."""
    ref_ko, hyp_ko = norm_ko(reference), norm_ko(hypothesis)
    ref_en, hyp_en = set(norm_en_words(reference)), " ".join(norm_en_words(hypothesis))
    ref_en_text = " ".join(norm_en_words(reference))
    out = []
    for name in names if names is not None else taxonomy_names():
        if re.search("[\uac00-\ud7a3]", name):
            if name in hyp_ko and hyp_ko.count(name) > ref_ko.count(name):
                out.append(name)
        else:
            words = " ".join(norm_en_words(name))
            pattern = rf"\b{re.escape(words)}\b"
            if words and re.search(pattern, hyp_en) and not (
                    re.search(pattern, ref_en_text) or words in ref_en):
                out.append(name)
    return out
