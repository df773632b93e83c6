"""Collecting one bundle's records: which rows travel, and what the 'share' profile changes.

Rows come from the read snapshot through the generic table discovery (``tables``). The 'share'
profile leaves out sensitive tables, blanks sensitive columns, replaces redacted spans with a
placeholder (shifting tags that follow them) and leaves out rows that would copy redacted text.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from app.bundles.model import REDACTED, reaches_supervisor
from app.bundles.tables import Table, rows_for
from storage.db import Connection

SHARE_DROPPED = ("interviewee", "redaction")
# In 'share' bundles audio content is withheld: each audio file travels as an empty placeholder
# so the recording's metadata (duration, codec, original SHA-256) and everything anchored to it
# (transcripts, segments, markers) keep their references; only the sound itself stays behind.
# Columns that name or point at people or files: blanked (to the value given) in 'share' bundles.
SHARE_BLANKED: dict[str, dict[str, Any]] = {
    "audio_asset": {"original_name": None},
    "interview": {"interviewer": None, "interpreter": None, "others_present": "[]"},
}


def _share_drops(tables: dict[str, Table]) -> tuple[set[str], dict[str, list[str]]]:
    """Tables left out of a 'share' bundle (closed over NOT NULL references to them) and the
    nullable columns that must be blanked because they point into a left-out table."""
    dropped = {n for n in SHARE_DROPPED if n in tables}
    changed = True
    while changed:
        changed = False
        for t in tables.values():
            if t.name in dropped:
                continue
            if any(parent in dropped and t.notnull.get(col, False) for col, parent, _ in t.fks):
                dropped.add(t.name)
                changed = True
    nulled = {t.name: [col for col, parent, _ in t.fks if parent in dropped]
              for t in tables.values() if t.name not in dropped}
    return dropped, {k: v for k, v in nulled.items() if v}


def _merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def redact_text(text: str, spans: list[tuple[int, int]]) -> str:
    """Replace each (merged) span of ``text`` with the placeholder."""
    out, pos = [], 0
    for a, b in _merge_spans(spans):
        a, b = max(a, pos), min(b, len(text))
        if a >= b:
            continue
        out += [text[pos:a], REDACTED]
        pos = b
    out.append(text[pos:])
    return "".join(out)


def _map_offset(pos: int, spans: list[tuple[int, int]]) -> int:
    shift = 0
    for a, b in _merge_spans(spans):
        if pos >= b:
            shift += len(REDACTED) - (b - a)
    return pos + shift


class Collector:
    """Collects one bundle's table rows, audio and audit entries from the snapshot."""

    def __init__(self, snap: Connection, tables: list[Table], profile: str) -> None:
        self.snap = snap
        self.order = tables
        self.tables = {t.name: t for t in tables}
        self.profile = profile
        self.dropped: set[str] = set()
        self.nulled: dict[str, list[str]] = {}
        if profile == "share":
            self.dropped, self.nulled = _share_drops(self.tables)
        self.rows: dict[str, list[dict[str, Any]]] = {t.name: [] for t in tables
                                                      if t.name not in self.dropped}
        self.redactions: list[dict[str, Any]] = []
        self.dropped_rows: dict[str, int] = {}
        # (table, key) of rows left out, so rows pointing at them are left out too (e.g. the
        # revisions of a translation segment dropped because it translates redacted words).
        self._left_out: set[tuple[str, str]] = set()
        self.object_ids: set[str] = set()
        self.blob_ids: list[str] = []

    def add_interview(self, interview_id: str, only: Sequence[str] | None = None) -> None:
        """Collect the interview's rows of every table (``only``: of those tables alone, no
        audio: a withdrawal notice)."""
        spans: dict[str, list[tuple[int, int]]] = {}
        if self.profile == "share" and "redaction" in self.tables:
            for rid, seg, a, b, reason in self.snap.execute(
                    "SELECT id, segment_id, char_start, char_end, reason FROM redaction "
                    "WHERE interview_id = ? ORDER BY segment_id, char_start", (interview_id,)):
                spans.setdefault(str(seg), []).append((int(a), int(b)))
                self.redactions.append({"redaction_id": rid, "segment_id": seg,
                                        "char_start": int(a), "char_end": int(b),
                                        "reason": reason})
        for t in self.order:
            if t.name in self.dropped or (only is not None and t.name not in only):
                continue
            for original in rows_for(self.snap, self.tables, t.name, interview_id):
                row = self._transform(t, original, spans)
                if row is not None and any((parent, str(row.get(col))) in self._left_out
                                           for col, parent, _ in t.fks):
                    row = None
                if row is None:
                    self.dropped_rows[t.name] = self.dropped_rows.get(t.name, 0) + 1
                    if len(t.key_columns) == 1:
                        self._left_out.add((t.name, str(original.get(t.key_columns[0]))))
                    continue
                self.rows[t.name].append(row)
                if len(t.key_columns) == 1 and row.get(t.key_columns[0]) is not None:
                    self.object_ids.add(str(row[t.key_columns[0]]))
        self.object_ids.add(interview_id)
        if "audio_asset" in self.rows and only is None:
            for asset_id, blob_id, in self.snap.execute(
                    "SELECT id, blob_id FROM audio_asset WHERE interview_id = ? ORDER BY id",
                    (interview_id,)):
                if blob_id not in self.blob_ids:
                    self.blob_ids.append(str(blob_id))
                self.object_ids.update((str(asset_id), str(blob_id)))

    def _transform(self, t: Table, row: dict[str, Any],
                   spans: dict[str, list[tuple[int, int]]]) -> dict[str, Any] | None:
        for col in self.nulled.get(t.name, []):
            row[col] = None
        if self.profile == "share":
            for col, blank in SHARE_BLANKED.get(t.name, {}).items():
                if col in row:
                    row[col] = blank
        if not spans:
            return row
        if t.name == "segment" and row.get("id") in spans and isinstance(row.get("text"), str):
            row["text"] = redact_text(row["text"], spans[row["id"]])
            if row.get("words") is not None:
                row["words"] = None  # word timestamps carry the words themselves
            return row
        for col, parent, _ in t.fks:
            if parent != "segment" or row.get(col) not in spans:
                continue
            seg_spans = spans[row[col]]
            if any("text" in c for c in t.columns if isinstance(row.get(c), str)):
                return None  # a copy of the text (e.g. a revision) would leak the redacted words
            a, b = row.get("char_start"), row.get("char_end")
            if isinstance(a, int) and isinstance(b, int):
                if any(a < y and x < b for x, y in seg_spans):
                    return None  # anchored inside a redacted span
                row["char_start"], row["char_end"] = (_map_offset(a, seg_spans),
                                                      _map_offset(b, seg_spans))
        return row

    def audit_entries(self) -> list[dict[str, Any]]:
        out = []
        for r in self.snap.execute(
                "SELECT seq, id, at, role, action, object_type, object_id, details, prev_hash, "
                "hash FROM audit_log ORDER BY seq"):
            # the bundle's own objects, plus vault-level events and erasures (anchor.py)
            if (r[6] is not None and str(r[6]) in self.object_ids) \
                    or reaches_supervisor(str(r[5]), str(r[4])):
                out.append({"seq": r[0], "id": r[1], "at": r[2], "role": r[3], "action": r[4],
                            "object_type": r[5], "object_id": r[6],
                            "details": json.loads(r[7]), "prev_hash": r[8], "hash": r[9]})
        return out
