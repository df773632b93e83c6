"""Tags: a taxonomy term anchored in the words, in the audio, or on the whole interview.

A tag records the term, the taxonomy version it was chosen from (and a snapshot of its labels,
so it stays readable in any vault), who coded it (role), when, a confidence and a note. When a
segment's text is edited, ``follow_text_change`` (registered in app.hooks) moves each tag with
the words it was on; a tag whose words disappeared is flagged ``needs_review``, never dropped.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import uuid
from dataclasses import asdict, dataclass
from typing import Any

from app.changes import Change, Kind, publish
from app.coding import taxonomy as tx
from app.coding.shown import shown
from app.errors import NotFound, UsageError
from app.interviews import resolve_id
from storage import audit
from storage.backend import Store
from storage.db import Connection

CONFIDENCE = ("low", "medium", "high")
LAYERS = ("original", "translation")
# Below this share of its characters surviving an edit, a tag is flagged for a human to check.
_REVIEW_BELOW = 1 / 3


def _stamp(now: dt.datetime | None) -> str:
    return (now or dt.datetime.now(dt.UTC)).isoformat()


@dataclass(frozen=True)
class SpanMove:
    """Where a character span went after an edit."""

    start: int
    end: int
    status: str  # 'ok' or 'needs_review'
    reason: str  # 'unchanged', 'shifted', 'moved', 'shortened', 'mostly deleted', 'deleted'


def map_span(old: str, new: str, start: int, end: int) -> SpanMove:
    """Map the span ``old[start:end]`` onto ``new``.

    Characters kept in place by the diff carry the span (so it shifts, grows around insertions
    and shrinks when part of it is deleted). If the words were cut and pasted elsewhere the
    diff loses them, so the exact old words are then looked for, nearest the old place first.
    """
    if old == new:
        return SpanMove(start, end, "ok", "unchanged")
    words = old[start:end]
    length = end - start
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    kept: list[tuple[int, int]] = []
    anchor = None  # where the start of the span lands in the new text
    for op, i1, i2, j1, _j2 in matcher.get_opcodes():
        if anchor is None and i2 > start or (anchor is None and i1 == i2 == start):
            anchor = j1 + (start - i1 if op == "equal" else 0)
        if op == "equal":
            lo, hi = max(i1, start), min(i2, end)
            if lo < hi:
                kept.append((lo - i1 + j1, hi - i1 + j1))
    anchor = min(anchor if anchor is not None else len(new), len(new))
    survived = sum(hi - lo for lo, hi in kept)
    if survived == length and kept:
        new_start, new_end = kept[0][0], kept[-1][1]
        return SpanMove(new_start, new_end, "ok",
                        "unchanged" if (new_start, new_end) == (start, end) else "shifted")
    if words.strip():
        found = [i for i in range(len(new)) if new.startswith(words, i)]
        if found:
            best = min(found, key=lambda i: abs(i - anchor))
            return SpanMove(best, best + length, "ok", "moved")
    if kept and survived >= length * _REVIEW_BELOW:
        return SpanMove(kept[0][0], kept[-1][1], "ok", "shortened")
    if kept:
        return SpanMove(kept[0][0], kept[-1][1], "needs_review", "mostly deleted")
    return SpanMove(anchor, anchor, "needs_review", "deleted")


def follow_text_change(conn: Connection, segment_id: str, old: str, new: str,
                       role: str) -> None:
    """Hook listener: move the tags on ``segment_id`` with their words; audit every change.

    Runs inside the caller's transaction (see app.hooks.segment_text_changed).
    """
    rows = conn.execute(
        "SELECT id, char_start, char_end, status FROM tag WHERE segment_id = ?"
        " AND char_start IS NOT NULL AND char_end IS NOT NULL ORDER BY id",
        (segment_id,)).fetchall()
    stamp = _stamp(None)
    for tag_id, start, end, status in rows:
        if status == "needs_review" and start == end:
            continue  # its words are already gone; a human re-anchors it
        move = map_span(old, new, int(start), int(end))
        new_status = "needs_review" if move.status == "needs_review" else status
        if (move.start, move.end, new_status) == (start, end, status):
            continue
        conn.execute(
            "UPDATE tag SET char_start = ?, char_end = ?, status = ?, review_reason = ?,"
            " updated_at = ?, updated_by = ? WHERE id = ?",
            (move.start, move.end, new_status,
             move.reason if new_status == "needs_review" else None, stamp, role, tag_id))
        audit.append(conn, action="follow_edit", object_type="tag", object_id=tag_id, role=role,
                     details={"segment_id": segment_id, "from": [start, end],
                              "to": [move.start, move.end], "status": new_status,
                              "reason": move.reason})


# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TaggableSegment:
    """A segment of the original layer as the coding view lists it; ``idx`` is what a tag's
    ``segment`` names."""

    id: str
    idx: int
    start_s: float
    end_s: float
    text: str


def taggable_segments(vault: Store, interview: str) -> list[TaggableSegment]:
    """The interview's original-layer segments in time order, for tagging."""
    interview_id = resolve_id(vault, interview)
    rows = vault.conn.execute(
        "SELECT id, idx, start_s, end_s, text FROM segment WHERE interview_id = ?"
        " AND layer = 'original' ORDER BY start_s, idx", (interview_id,)).fetchall()
    return [TaggableSegment(str(r[0]), int(r[1]), float(r[2]), float(r[3]), str(r[4]))
            for r in rows]


def find_segment(conn: Connection, interview_id: str, idx: int, layer: str = "original",
                 asset_id: str | None = None) -> tuple[str, str]:
    """(segment id, text) of the segment with index ``idx`` in the interview's ``layer``
    (and recording ``asset_id``, needed when several recordings have that index)."""
    if layer not in LAYERS:
        raise UsageError("tag.layer_must_one", choices=', '.join(LAYERS))
    # CAST: PostgreSQL cannot tell the type of a bare "? IS NULL" (SQLite does not mind).
    rows = conn.execute(
        "SELECT id, text, asset_id FROM segment WHERE interview_id = ? AND layer = ? AND idx = ?"
        " AND (CAST(? AS TEXT) IS NULL OR asset_id = ?) ORDER BY id",
        (interview_id, layer, idx, asset_id, asset_id)).fetchall()
    if not rows:
        raise NotFound("tag.interview_segment_list_transcript", layer=layer, idx=idx)
    if len(rows) > 1:
        raise UsageError("tag.segment_exists_recordings_interview", idx=idx, count=len(rows))
    return str(rows[0][0]), str(rows[0][1])


def _audio_anchor(conn: Connection, interview_id: str, at: tuple[float, float | None],
                  asset_id: str | None) -> tuple[float, float | None, str | None]:
    start, end = at
    if start < 0 or (end is not None and end <= start):
        raise UsageError("tag.moment_audio_seconds_start")
    assets = conn.execute("SELECT id, duration_s FROM audio_asset WHERE interview_id = ?"
                          " ORDER BY created_at", (interview_id,)).fetchall()
    if asset_id is not None:
        match = [a for a in assets if a[0] == asset_id]
        if not match:
            raise NotFound("tag.interview_audio_see_audio", asset_id=asset_id)
        duration = match[0][1]
    elif len(assets) == 1:
        asset_id, duration = assets[0]
    else:
        duration = None  # no audio yet, or several recordings: anchored on the interview clock
    last = end if end is not None else start
    if duration is not None and last > float(duration) + 0.5:
        raise UsageError("tag.audio_lasts_s_s", duration=float(duration), last=last)
    return start, end, asset_id


def add_tag(vault: Store, interview: str, term: str, *, role: str,
            segment: int | None = None, segment_id: str | None = None,
            layer: str = "original",
            chars: tuple[int, int] | None = None, at: tuple[float, float | None] | None = None,
            asset_id: str | None = None, confidence: str | None = None, note: str = "",
            now: dt.datetime | None = None) -> str:
    """Tag ``interview`` (id or code) with ``term`` (id, label or alias in either language).

    Anchor: ``segment`` (idx in ``layer``; ``asset_id`` picks the recording if several have
    that idx) or ``segment_id`` (exact, e.g. from the GUI) with optional ``chars`` (start, end) — the whole segment if omitted —, or ``at``
    (seconds, optional end) in the audio, or neither for the whole interview. Returns the new
    tag id.
    """
    interview_id = resolve_id(vault, interview)
    if confidence is not None and confidence not in CONFIDENCE:
        raise UsageError("tag.confidence_must_one", choices=', '.join(CONFIDENCE))
    if at is not None and (segment is not None or chars is not None):
        raise UsageError("tag.anchor_tag_either_words")
    if segment is not None and segment_id is not None:
        raise UsageError("tag.give_segment_number_id")
    if at is not None and segment_id is not None:
        raise UsageError("tag.anchor_tag_either_words")
    if chars is not None and segment is None and segment_id is None:
        raise UsageError("tag.chars_needs_segment_n")
    taxonomy = tx.ensure_taxonomy(vault, role=role, now=now)
    chosen = taxonomy.resolve(term)
    conn = vault.conn
    char_start = char_end = None
    audio_start = audio_end = None
    kind = "interview"
    if segment is not None or segment_id is not None:
        if segment_id is not None:
            row = conn.execute("SELECT text FROM segment WHERE id = ? AND interview_id = ?",
                               (segment_id, interview_id)).fetchone()
            if row is None:
                raise NotFound("tag.interview_segment", segment_id=shown(segment_id))
            text = str(row[0])
        else:
            assert segment is not None
            segment_id, text = find_segment(conn, interview_id, segment, layer, asset_id)
        char_start, char_end = chars if chars is not None else (0, len(text))
        if not 0 <= char_start < char_end <= len(text):
            raise UsageError("tag.characters_inside_segment_which", char_start=char_start,
                             char_end=char_end,
                             value=segment if segment is not None else shown(segment_id),
                             count=len(text))
        kind = "text"
    elif at is not None:
        audio_start, audio_end, asset_id = _audio_anchor(conn, interview_id, at, asset_id)
        kind = "audio"
    tag_id = str(uuid.uuid4())
    stamp = _stamp(now)
    with vault.transaction() as tx_conn:
        tx_conn.execute(
            "INSERT INTO tag(id, interview_id, term_id, segment_id, char_start, char_end,"
            " audio_start_s, audio_end_s, asset_id, confidence, note, taxonomy_version,"
            " term_label, status, created_at, created_by, updated_at, updated_by)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,'ok',?,?,?,?)",
            (tag_id, interview_id, chosen.id, segment_id, char_start, char_end, audio_start,
             audio_end, asset_id if kind == "audio" else None, confidence, note,
             taxonomy.version_id,
             json.dumps({"en": chosen.label_en, "ko": chosen.label_ko}, ensure_ascii=False),
             stamp, role, stamp, role))
        vault.audit("create", "tag", tag_id, role=role, now=now,
                    details={"interview_id": interview_id, "term": chosen.id, "anchor": kind,
                             "taxonomy_version": taxonomy.version_id})
    publish(vault, Change(Kind.TAGS_CHANGED, interview_id))
    return tag_id


@dataclass
class TagView:
    """A tag as people read it. ``label`` is from the version it was made with;
    ``current_label`` from the active version (None if the term no longer exists)."""

    id: str
    interview_id: str
    term_id: str
    label: dict[str, str]
    current_label: dict[str, str] | None
    taxonomy_version: str | None
    anchor: str  # 'text', 'audio' or 'interview'
    segment_id: str | None
    segment_idx: int | None
    layer: str | None
    char_start: int | None
    char_end: int | None
    text: str | None
    audio_start_s: float | None
    audio_end_s: float | None
    confidence: str | None
    note: str
    status: str
    review_reason: str | None
    created_at: str
    created_by: str

    @property
    def renamed(self) -> bool:
        return self.current_label is not None and self.current_label != self.label

    @property
    def removed(self) -> bool:
        return self.current_label is None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self) | {"renamed": self.renamed, "removed": self.removed}


class _Labels:
    """Label lookup across taxonomy versions, loading each version once."""

    def __init__(self, conn: Connection, active: tx.Taxonomy) -> None:
        self.conn = conn
        self.active = active
        self.versions: dict[str, tx.Taxonomy | None] = {active.version_id: active}

    def of(self, version_id: str | None, term_id: str) -> dict[str, str] | None:
        if version_id is None:
            return None
        if version_id not in self.versions:
            try:
                self.versions[version_id] = tx.load_version(self.conn, version_id)
            except UsageError:
                self.versions[version_id] = None  # e.g. a tag imported from another vault
        tax = self.versions[version_id]
        term = tax.terms.get(term_id) if tax else None
        return {"en": term.label_en, "ko": term.label_ko} if term else None


def list_tags(vault: Store, interview: str, *, needs_review: bool = False) -> list[TagView]:
    """Every tag of an interview in reading order (interview-level, then by segment and time)."""
    interview_id = resolve_id(vault, interview)
    labels = _Labels(vault.conn, tx.ensure_taxonomy(vault))
    sql = ("SELECT t.id, t.term_id, t.term_label, t.taxonomy_version, t.segment_id, s.idx,"
           " s.layer, t.char_start, t.char_end, s.text, t.audio_start_s, t.audio_end_s,"
           " t.confidence, t.note, t.status, t.review_reason, t.created_at, t.created_by"
           " FROM tag t LEFT JOIN segment s ON s.id = t.segment_id WHERE t.interview_id = ?")
    if needs_review:
        sql += " AND t.status = 'needs_review'"
    sql += (" ORDER BY CASE WHEN t.segment_id IS NOT NULL THEN 1 ELSE 0 END"
            " + CASE WHEN t.audio_start_s IS NOT NULL THEN 1 ELSE 0 END,"
            " COALESCE(s.start_s, t.audio_start_s), s.layer, t.char_start, t.created_at")
    out = []
    for (tag_id, term_id, snapshot, version, seg_id, idx, layer, cs, ce, text, a0, a1, conf,
         note, status, reason, created_at, created_by) in vault.conn.execute(sql, (interview_id,)):
        label = labels.of(version, term_id) or json.loads(snapshot or "{}") or {
            "en": term_id, "ko": term_id}
        anchor = "text" if seg_id else "audio" if a0 is not None else "interview"
        out.append(TagView(
            tag_id, interview_id, term_id, label, labels.of(labels.active.version_id, term_id),
            version, anchor, seg_id, idx, layer, cs, ce,
            text[cs:ce] if text is not None and cs is not None else None, a0, a1, conf,
            note or "", status, reason, created_at, created_by))
    return out


def review_tag(vault: Store, tag_id: str, *, role: str, chars: tuple[int, int] | None = None,
               now: dt.datetime | None = None) -> None:
    """A coder confirms a flagged tag, optionally re-anchoring it on new characters."""
    row = vault.conn.execute(
        "SELECT t.segment_id, s.text FROM tag t LEFT JOIN segment s ON s.id = t.segment_id"
        " WHERE t.id = ?", (tag_id,)).fetchone()
    if row is None:
        raise NotFound("tag.tag_vault_see_testimony", tag_id=shown(tag_id))
    if chars is not None:
        if row[0] is None:
            raise UsageError("tag.tag_anchored_segment_chars")
        if not 0 <= chars[0] < chars[1] <= len(row[1]):
            raise UsageError("tag.characters_inside_segment_which_2", value=chars[0],
                             value2=chars[1], count=len(row[1]))
    stamp = _stamp(now)
    with vault.transaction() as conn:
        if chars is not None:
            conn.execute("UPDATE tag SET char_start = ?, char_end = ? WHERE id = ?",
                         (chars[0], chars[1], tag_id))
        conn.execute("UPDATE tag SET status = 'ok', review_reason = NULL, updated_at = ?,"
                     " updated_by = ? WHERE id = ?", (stamp, role, tag_id))
        vault.audit("review", "tag", tag_id, role=role, now=now,
                    details={"chars": list(chars) if chars else None})
    publish(vault, Change(Kind.TAGS_CHANGED))
