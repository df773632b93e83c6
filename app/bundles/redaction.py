"""Marking spans of transcript text for redaction in 'share' bundles.

A redaction is a row (segment, character range, reason); the segment's text is never altered
(evidence integrity). The exporter replaces the spans with a placeholder in 'share' bundles only.
"""

from __future__ import annotations

import datetime as dt
import uuid

from app.errors import UsageError
from app.interviews import resolve_id
from storage.vault import Vault


def add_redaction(vault: Vault, interview: str, segment: str, char_start: int, char_end: int,
                  reason: str, *, role: str, layer: str = "original",
                  now: dt.datetime | None = None) -> str:
    """Mark ``[char_start, char_end)`` of a segment: its id, or the number ``testimony
    transcript show`` prints for it in ``layer``."""
    interview_id = resolve_id(vault, interview)
    row = vault.conn.execute("SELECT id, text FROM segment WHERE interview_id = ? AND id = ?",
                             (interview_id, segment)).fetchone()
    if row is None:
        # The segment number 'testimony transcript show' prints (1..), or an id prefix.
        from app.transcripts.store import find_segment

        found = find_segment(vault, interview_id, segment, layer)
        row = (found.id, found.text)
    if not (0 <= char_start < char_end <= len(row[1])):
        raise UsageError("redaction.character_range_inside_segment", char_start=char_start,
                         char_end=char_end, count=len(row[1]))
    if not reason.strip():
        raise UsageError("redaction.give_reason_redaction_example")
    rid = str(uuid.uuid4())
    stamp = (now or dt.datetime.now(dt.UTC)).isoformat()
    with vault.transaction() as conn:
        conn.execute("INSERT INTO redaction(id, interview_id, segment_id, char_start, char_end,"
                     " reason, created_at, created_by) VALUES (?,?,?,?,?,?,?,?)",
                     (rid, interview_id, row[0], char_start, char_end, reason.strip(), stamp,
                      role))
        vault.audit("redact", "segment", str(row[0]), role=role, now=now,
                    details={"redaction_id": rid, "char_start": char_start,
                             "char_end": char_end})
    return rid
