"""Term suggestions for reviewers: near misses of taxonomy names, accepted one at a time.

Suggestions are computed from a segment's current text and the vault's active vocabulary
(``app.coding.nearmiss`` does the matching); they are never stored and never applied by
themselves. Each has a short id derived from the segment, its current text, the span, the
suggested name and the vocabulary version, so an id listed before the text changed (or before
another vocabulary became active) no longer matches anything and is refused instead of being
applied to different words. Accepting one is an ordinary edit through
``app.transcripts.store.edit_segment``: a new revision with the reason, who and when, tags following
the text, and an audit entry naming the term (like a tag's), never the words.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from app.coding import nearmiss, taxonomy
from app.coding.shown import shown
from app.errors import NotFound
from app.interviews import resolve_id
from app.transcripts import reasons
from app.transcripts import store as transcripts
from app.transcripts.confidence import word_spans
from app.transcripts.store import SegmentView
from storage.backend import Store

# Keyed by version id and content digest: two vaults may both hold an "org@1" that differ.
_INDEXES: dict[tuple[str, str], nearmiss.NameIndex] = {}


@dataclass(frozen=True)
class TermSuggestion:
    """Replace ``heard`` (characters ``start:end`` of the segment's text) with ``name``."""

    id: str
    segment_id: str
    segment_number: int
    start: int
    end: int
    heard: str
    name: str
    term_ids: tuple[str, ...]
    distance: float
    probability: float | None
    vocabulary: str  # taxonomy version id, e.g. nk-hr@2026.1

    @property
    def reason(self) -> str:
        """The revision's reason, e.g. 'term suggestion: 보이부 -> 보위부 (taxonomy
        perpetrator.mss, vocabulary version nk-hr@2026.1)'."""
        return reasons.term_suggestion(self.heard, self.name, self.term_ids, self.vocabulary)

    def applied_to(self, text: str) -> str:
        return text[:self.start] + self.name + text[self.end:]


def name_index(vocabulary: taxonomy.Taxonomy) -> nearmiss.NameIndex:
    """The near-miss index of a vocabulary version (built once per version and content)."""
    key = (vocabulary.version_id, vocabulary.digest())
    index = _INDEXES.get(key)
    if index is None:
        if len(_INDEXES) > 8:
            _INDEXES.clear()
        index = _INDEXES[key] = nearmiss.NameIndex(vocabulary.terms.values())
    return index


def _suggestion_id(seg: SegmentView, miss: nearmiss.NearMiss, vocabulary: str) -> str:
    body = "\0".join((seg.id, seg.text, str(miss.start), str(miss.end), miss.name, vocabulary))
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:8]


def for_segment(seg: SegmentView, vocabulary: taxonomy.Taxonomy,
                index: nearmiss.NameIndex | None = None) -> list[TermSuggestion]:
    """The suggestions for one segment's current text, in text order."""
    spans = word_spans(seg.text, seg.words) or []
    misses = (index or name_index(vocabulary)).near_misses(
        seg.text, [(s.start, s.end, s.probability) for s in spans])
    return [TermSuggestion(_suggestion_id(seg, m, vocabulary.version_id), seg.id, seg.number,
                           m.start, m.end, m.heard, m.name, m.term_ids, m.distance,
                           m.probability, vocabulary.version_id) for m in misses]


def term_suggestions(vault: Store, interview_id: str, *, layer: str = "original",
                     ref: str | None = None,
                     segments: list[SegmentView] | None = None) -> list[TermSuggestion]:
    """Suggestions for every segment of the layer (or the one ``ref`` names), in order.

    Reviewed segments get none (a person has already checked their words) unless ``ref``
    names one.
    """
    vocabulary = taxonomy.ensure_taxonomy(vault)
    index = name_index(vocabulary)
    if segments is None:
        if ref is not None:
            segments = [transcripts.find_segment(vault, resolve_id(vault, interview_id), ref,
                                                 layer)]
        else:
            segments = transcripts.segments(vault, interview_id, layer)
    out: list[TermSuggestion] = []
    for seg in segments:
        if seg.review_status != "reviewed" or ref is not None:
            out += for_segment(seg, vocabulary, index)
    return out


def accept(vault: Store, interview_id: str, ref: str, suggestion_id: str, *, role: str,
           layer: str = "original",
           now: dt.datetime | None = None) -> tuple[SegmentView, TermSuggestion]:
    """Apply one listed suggestion to its segment as a new revision (reason recorded)."""
    interview_id = resolve_id(vault, interview_id)
    seg = transcripts.find_segment(vault, interview_id, ref, layer)
    wanted = suggestion_id.strip().lower()
    match = [s for s in for_segment(seg, taxonomy.ensure_taxonomy(vault)) if s.id == wanted]
    if not match:
        raise NotFound("suggestion.segment_suggestion_now_text", number=seg.number,
                       suggestion_id=shown(suggestion_id, 16))
    chosen = match[0]
    edited = transcripts.edit_segment(
        vault, interview_id, seg.id, text=chosen.applied_to(seg.text), role=role, layer=layer,
        reason=chosen.reason, now=now,
        audit_details={"how": "term-suggestion", "terms": list(chosen.term_ids),
                       "taxonomy_version": chosen.vocabulary})
    return edited, chosen
