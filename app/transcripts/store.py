"""Transcript and translation layers as evidence: reading, editing, review status, speakers.

The engine's text is revision 0 of each segment and is never changed; each edit adds a revision
with the editor's role, time and reason, updates the segment's current text, notifies
``app.hooks.segment_text_changed`` (tags follow the text) and is audited, all in one transaction.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from dataclasses import dataclass, field
from typing import Any

from app import changes, hooks
from app.changes import Change, Kind
from app.errors import NotFound, UsageError
from app.interviews import resolve_id
from app.transcripts import confidence, reasons
from storage.backend import Store

LAYERS = ("original", "translation")
REVIEW_STATUSES = ("draft", "reviewed", "disputed")
SPEAKER_LABELS = ("interviewer", "witness", "interpreter")
MAX_LABEL = 60


def _stamp(now: dt.datetime | None) -> str:
    return (now or dt.datetime.now(dt.UTC)).isoformat()


@dataclass
class Revision:
    rev: int
    kind: str
    text: str
    reason: str | None
    created_at: str
    created_by: str


@dataclass
class SegmentView:
    """One segment as shown to users; ``number`` is the 1-based position shown by ``show``."""

    number: int
    id: str
    transcript_id: str
    asset_id: str
    layer: str
    start: float
    end: float
    speaker: str | None
    text: str
    review_status: str
    source_segment_id: str | None = None
    source_text: str | None = None
    words: list[dict[str, Any]] = field(default_factory=list)
    revisions: list[Revision] = field(default_factory=list)
    # A translation segment has no words of its own: the original's confidence stands in (the
    # draft was made from audio the engine heard that well).
    source_confidence: float | None = None
    # A translation segment whose original was changed after the translation's latest
    # revision: the translation may no longer say what the original now says.
    outdated: bool = False

    @property
    def confidence(self) -> float | None:
        """The engine's mean word probability for this stretch (None: no scored words); for a
        translation segment, its original's."""
        own = confidence.segment_confidence(self.words)
        return own if own is not None else self.source_confidence


@dataclass
class TranscriptView:
    id: str
    asset_id: str
    layer: str
    task: str
    language: str | None
    machine_draft: bool
    model_name: str
    model_hashes: dict[str, str]
    parameters: dict[str, Any]
    engine_version: str
    glossary_sha256: str | None
    glossary_terms: int
    state: str
    resume_at_s: float
    duration_s: float | None
    started_at: str
    completed_at: str | None
    created_by: str


_T_COLS = ("id, asset_id, layer, task, language, machine_draft, model_name, model_hashes, "
           "parameters, engine_version, glossary_sha256, glossary_terms, state, resume_at_s, "
           "duration_s, started_at, completed_at, created_by")


_T_SELECT = ", ".join("t." + c.strip() for c in _T_COLS.split(","))


def _check_layer(layer: str) -> None:
    if layer not in LAYERS:
        raise UsageError("transcript.layer_must_one", choices=', '.join(LAYERS))


def transcripts(vault: Store, interview_id: str, layer: str = "original") -> list[TranscriptView]:
    """The interview's transcripts in one layer, in recording order."""
    _check_layer(layer)
    rows = vault.conn.execute(
        f"SELECT {_T_SELECT} FROM transcript t "  # noqa: S608 - constant column list
        "JOIN audio_asset a ON a.id = t.asset_id WHERE t.interview_id = ? AND t.layer = ? "
        "ORDER BY a.created_at, a.id", (interview_id, layer)).fetchall()
    return [TranscriptView(r[0], r[1], r[2], r[3], r[4], bool(r[5]), r[6], json.loads(r[7]),
                           json.loads(r[8]), r[9], r[10], int(r[11]), r[12], float(r[13]),
                           r[14], r[15], r[16], r[17]) for r in rows]


def segments(vault: Store, interview_id: str, layer: str = "original", *,
             with_revisions: bool = False) -> list[SegmentView]:
    """Every segment of the interview's layer, numbered 1.. in recording and time order."""
    _check_layer(layer)
    interview_id = resolve_id(vault, interview_id)
    rows = vault.conn.execute(
        "SELECT s.id, s.transcript_id, s.asset_id, s.layer, s.start_s, s.end_s, s.speaker, "
        "s.text, s.review_status, s.source_segment_id, src.text, s.words, src.words, "
        # Whether a translation is outdated: only translations have a source to compare, so
        # the revision look-ups are skipped for originals (every transcript view loads them).
        "CASE WHEN s.source_segment_id IS NULL THEN NULL ELSE "
        "(SELECT MAX(created_at) FROM segment_revision WHERE segment_id = s.id) END, "
        "CASE WHEN s.source_segment_id IS NULL THEN NULL ELSE "
        "(SELECT MAX(created_at) FROM segment_revision WHERE segment_id = s.source_segment_id) "
        "END "
        "FROM segment s LEFT JOIN audio_asset a ON a.id = s.asset_id "
        "LEFT JOIN segment src ON src.id = s.source_segment_id "
        "WHERE s.interview_id = ? AND s.layer = ? ORDER BY a.created_at, a.id, s.idx",
        (interview_id, layer)).fetchall()
    out = []
    for n, r in enumerate(rows, start=1):
        view = SegmentView(n, r[0], r[1], r[2], r[3], float(r[4]), float(r[5]), r[6], r[7], r[8],
                           r[9], r[10], json.loads(r[11]) if r[11] else [],
                           source_confidence=confidence.segment_confidence(
                               json.loads(r[12])) if r[12] else None,
                           outdated=bool(r[9] and r[13] and r[14] and r[14] > r[13]))
        if with_revisions:
            view.revisions = revisions(vault, view.id)
        out.append(view)
    return out


def review_order(seg: SegmentView) -> tuple[bool, float, int]:
    """Sort key: least certain first, segments without a confidence last, then in order."""
    value = seg.confidence
    return (value is None, value if value is not None else 0.0, seg.number)


def needs_review(vault: Store, interview_id: str, layer: str = "original") -> list[SegmentView]:
    """Segments not yet marked reviewed (draft or disputed), least certain first."""
    return sorted((s for s in segments(vault, interview_id, layer)
                   if s.review_status != "reviewed"), key=review_order)


def segment_numbers(vault: Store, interview_id: str, layer: str = "original") -> dict[str, int]:
    """Segment id -> the number ``transcript show`` prints (1.., recording and time order).

    The command line's one numbering for segments: transcript edit/review, tag add, redact,
    tag list and search all use it.
    """
    return {s.id: s.number for s in segments(vault, interview_id, layer)}


def revisions(vault: Store, segment_id: str) -> list[Revision]:
    rows = vault.conn.execute(
        "SELECT rev, kind, text, reason, created_at, created_by FROM segment_revision "
        "WHERE segment_id = ? ORDER BY rev", (segment_id,)).fetchall()
    return [Revision(int(r[0]), r[1], r[2], r[3], r[4], r[5]) for r in rows]


def find_segment(vault: Store, interview_id: str, ref: str, layer: str) -> SegmentView:
    """A segment by the number ``show`` prints, or by its id (or an id prefix of 8+ chars)."""
    items = segments(vault, interview_id, layer)
    if ref.isdigit():
        n = int(ref)
        if 1 <= n <= len(items):
            return items[n - 1]
    elif len(ref) >= 8:
        matches = [s for s in items if s.id.startswith(ref)]
        if len(matches) == 1:
            return matches[0]
    raise NotFound(
        "transcript.there_segment_layer_interview", ref=ref, layer=layer
    )


def _refuse_pending(vault: Store, seg: SegmentView) -> None:
    row = vault.conn.execute("SELECT state, resume_at_s FROM transcript WHERE id = ?",
                             (seg.transcript_id,)).fetchone()
    if row is not None and row[0] != "complete" and seg.start >= float(row[1]):
        raise UsageError(
            "transcript.segment_belongs_part_recording"
        )


def edit_segment(vault: Store, interview_id: str, ref: str, *, text: str, role: str,
                 layer: str = "original", reason: str | None = None,
                 now: dt.datetime | None = None,
                 audit_details: dict[str, Any] | None = None) -> SegmentView:
    """Replace a segment's current text, keeping every earlier revision.

    ``audit_details`` adds ids (never words) to the audit entry, e.g. the term of an accepted
    term suggestion."""
    _check_layer(layer)
    interview_id = resolve_id(vault, interview_id)
    new = text.strip()
    if not new:
        raise UsageError("transcript.new_text_empty_give")
    seg = find_segment(vault, interview_id, ref, layer)
    if new == seg.text:
        raise UsageError("transcript.new_text_same_current")
    _refuse_pending(vault, seg)
    with vault.transaction() as conn:
        _revise(vault, conn, seg, new, role=role, reason=reason, now=now,
                audit_details=audit_details)
    changes.publish(vault, Change(Kind.SEGMENT_EDITED, interview_id, layer))
    seg.text = new
    return seg


def _revise(vault: Store, conn: Any, seg: SegmentView, new: str, *, role: str,
            reason: str | None, now: dt.datetime | None,
            audit_details: dict[str, Any] | None = None) -> int:
    """Inside the caller's transaction: make ``new`` the segment's text as a new revision, let
    the tags follow, and audit it (ids, never words). Returns the revision number.

    On the archive several translators edit at once: the segment is locked until the
    transaction ends and its text read again under the lock, so two edits of one segment are
    serialised (distinct revision numbers) and the tags follow from the text actually
    replaced."""
    vault.lock_chain(conn, [f"segment:{seg.id}"])
    current = conn.execute("SELECT text FROM segment WHERE id = ?", (seg.id,)).fetchone()
    old = str(current[0]) if current is not None else seg.text
    if new == old:
        raise UsageError("transcript.new_text_same_current")
    rev = int(conn.execute("SELECT COALESCE(MAX(rev), -1) + 1 FROM segment_revision "
                           "WHERE segment_id = ?", (seg.id,)).fetchone()[0])
    conn.execute(
        "INSERT INTO segment_revision(id, segment_id, interview_id, rev, kind, text, reason, "
        "created_at, created_by) VALUES (?,?,?,?,?,?,?,?,?)",
        (str(uuid.uuid4()), seg.id, seg_interview(conn, seg.id), rev, "edit", new,
         reason or None, _stamp(now), role))
    conn.execute("UPDATE segment SET text = ? WHERE id = ?", (new, seg.id))
    hooks.segment_text_changed(conn, seg.id, old, new, role)
    # Audit names the segment and revision, never the words.
    vault.audit("edit", "segment", seg.id, role=role, now=now,
                details={"layer": seg.layer, "rev": rev, "transcript_id": seg.transcript_id,
                         "reason_given": bool(reason), **(audit_details or {})})
    return rev


def seg_interview(conn: Any, segment_id: str) -> str:
    return str(conn.execute("SELECT interview_id FROM segment WHERE id = ?",
                            (segment_id,)).fetchone()[0])


def replace_text(vault: Store, interview_id: str, *, find: str, replace: str, role: str,
                 layer: str = "original", match_case: bool = True,
                 segment_ids: set[str] | None = None,
                 now: dt.datetime | None = None) -> list[SegmentView]:
    """Replace every occurrence of ``find`` (plain text, not a pattern) in the layer's segments
    (or only ``segment_ids``), all in one transaction: each changed segment gets one revision
    with the reason "find and replace", its tags follow, and each is audited. Returns the
    changed segments with their new text; an empty list changes nothing."""
    _check_layer(layer)
    interview_id = resolve_id(vault, interview_id)
    if not find:
        raise UsageError("transcript.nothing_to_find")
    pattern = re.compile(re.escape(find), 0 if match_case else re.IGNORECASE)
    changed: list[tuple[SegmentView, str]] = []
    for seg in segments(vault, interview_id, layer):
        if segment_ids is not None and seg.id not in segment_ids:
            continue
        new = pattern.sub(lambda _m: replace, seg.text).strip()
        if new != seg.text:
            if not new:
                raise UsageError("transcript.replace_leaves_empty", number=seg.number)
            _refuse_pending(vault, seg)
            changed.append((seg, new))
    if changed:
        with vault.transaction() as conn:
            for seg, new in changed:
                _revise(vault, conn, seg, new, role=role, reason=reasons.FIND_AND_REPLACE, now=now,
                        audit_details={"replace": True})
        for seg, new in changed:
            seg.text = new
        changes.publish(vault, Change(Kind.SEGMENT_EDITED, interview_id, layer))
    return [seg for seg, _ in changed]


def set_review_status(vault: Store, interview_id: str, ref: str, *, status: str, role: str,
                      layer: str = "original", now: dt.datetime | None = None) -> SegmentView:
    """Mark a segment draft, reviewed or disputed (who and when are kept and audited)."""
    _check_layer(layer)
    if status not in REVIEW_STATUSES:
        raise UsageError("transcript.review_status_must_one", choices=', '.join(REVIEW_STATUSES))
    interview_id = resolve_id(vault, interview_id)
    seg = find_segment(vault, interview_id, ref, layer)
    _refuse_pending(vault, seg)
    stamp = _stamp(now)
    with vault.transaction() as conn:
        conn.execute("UPDATE segment SET review_status = ?, review_changed_at = ?, "
                     "review_changed_by = ? WHERE id = ?", (status, stamp, role, seg.id))
        vault.audit("review", "segment", seg.id, role=role, now=now,
                    details={"layer": layer, "from": seg.review_status, "to": status})
    changes.publish(vault, Change(Kind.SEGMENT_REVIEWED, interview_id, layer))
    seg.review_status = status
    return seg


def check_label(label: str) -> str:
    """interviewer, witness, interpreter, or a short name for another participant."""
    label = " ".join(label.split())
    if not label or len(label) > MAX_LABEL:
        raise UsageError(
            "transcript.speaker_label_must_characters", max_label=MAX_LABEL
        )
    return label


def set_speaker(vault: Store, interview_id: str, *, label: str, role: str,
                ref: str | None = None, layer: str = "original",
                now: dt.datetime | None = None) -> int:
    """Set the speaker of one segment (``ref``) or of all; returns how many changed.

    Labels live on the original segment and are mirrored onto its translation, so both layers
    and every export show the same speaker; text revisions never touch the label.
    """
    _check_layer(layer)
    label = check_label(label)
    interview_id = resolve_id(vault, interview_id)
    if ref is not None:
        seg = find_segment(vault, interview_id, ref, layer)
        original_ids = [seg.source_segment_id or seg.id]
    else:
        original_ids = [s.id for s in segments(vault, interview_id, "original")]
    if not original_ids:
        raise NotFound("transcript.interview_transcript_yet_run_2")
    return apply_labels(vault, interview_id, {i: label for i in original_ids}, role=role,
                         now=now, how="manual")


def apply_labels(vault: Store, interview_id: str, labels: dict[str, str], *, role: str,
                  now: dt.datetime | None, how: str) -> int:
    changed = 0
    with vault.transaction() as conn:
        for seg_id, label in labels.items():
            cur = conn.execute("UPDATE segment SET speaker = ? WHERE (id = ? OR "
                               "source_segment_id = ?) AND COALESCE(speaker, '') != ?",
                               (label, seg_id, seg_id, label))
            changed += cur.rowcount
        vault.audit("set-speaker", "interview", interview_id, role=role, now=now,
                    details={"segments": len(labels), "how": how})
    changes.publish(vault, Change(Kind.SPEAKERS_CHANGED, interview_id))
    return changed
