"""One row per interview for list views: progress figures only, never testimony text.

The desktop client's interview list and any future "status" command use this; it reads the
shared schema (audio assets, segments with layer and review status, tags, consent) so it works
whichever areas have added their own tables.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from storage.backend import Store


@dataclass(frozen=True)
class InterviewSummary:
    """Counts and states of one interview, as shown in a list."""

    id: str
    code: str
    date: str
    status: str
    duration_s: float
    assets: int
    segments: int
    reviewed: int
    translated: int
    tags: int
    consent_scopes: list[str] = field(default_factory=list)
    consent_withdrawn: bool = False
    tag_terms: list[str] = field(default_factory=list)
    exported: bool = False
    acknowledged: bool = False  # a supervisor's receipt for it was applied

    @property
    def review_fraction(self) -> float:
        """Share of original-layer segments marked reviewed (0 when there is no transcript)."""
        return self.reviewed / self.segments if self.segments else 0.0

    @property
    def review_state(self) -> str:
        """'none' (no transcript), 'draft', 'partial' or 'reviewed'."""
        if not self.segments:
            return "none"
        if self.reviewed == 0:
            return "draft"
        return "reviewed" if self.reviewed == self.segments else "partial"


def _tables(vault: Store) -> set[str]:
    return {str(r[0]) for r in vault.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")}


def interview_summaries(vault: Store) -> list[InterviewSummary]:
    """Every interview with its progress counts, ordered by creation time.

    A fixed number of statements, whatever the number of interviews (the tag terms were once a
    query per interview: a round trip each on the archive). Every count comes from one
    statement whose sub-queries read only indexes (``segment_review``, migration 64, holds the
    layer and review status), so no segment row is read. The tags, counted and with their
    terms, are one plain scan of the index ``tag_interview``, grouped here: folding them in SQL
    (``group_concat``) grew a string per interview, and with SQLCipher's memory security every
    such allocation is wiped, which cost four times the scan (docs/benchmarks.md). It speaks
    the dialect both backends read, so the window lists a vault's or the archive's
    interviews."""
    tables = _tables(vault)
    # The export log and receipts belong to the bundles area (a vault without them shows none);
    # they are keyed by bundle first, so they are read once, not probed per interview.
    exported = ({str(r[0]) for r in vault.conn.execute(
        "SELECT DISTINCT interview_id FROM bundle_export_item")}
        if "bundle_export_item" in tables else set())
    acked = ({str(r[0]) for r in vault.conn.execute(
        "SELECT DISTINCT interview_id FROM purge_ack")} if "purge_ack" in tables else set())
    rows = vault.conn.execute(
        "SELECT i.id, i.code, COALESCE(i.started_at, i.created_at), i.status,"
        " (SELECT COALESCE(SUM(duration_s), 0) FROM audio_asset a WHERE a.interview_id = i.id),"
        " (SELECT COUNT(*) FROM audio_asset a WHERE a.interview_id = i.id),"
        " (SELECT COUNT(*) FROM segment s WHERE s.interview_id = i.id AND s.layer = 'original'),"
        " (SELECT COUNT(*) FROM segment s WHERE s.interview_id = i.id AND s.layer = 'original'"
        "   AND s.review_status = 'reviewed'),"
        " (SELECT COUNT(*) FROM segment s WHERE s.interview_id = i.id"
        "   AND s.layer = 'translation'),"
        " c.scopes, c.withdrawn_at"
        " FROM interview i LEFT JOIN consent c ON c.interview_id = i.id"
        " ORDER BY i.created_at, i.code").fetchall()
    terms: dict[str, list[str]] = {}
    for iid, term in vault.conn.execute("SELECT interview_id, term_id FROM tag"):
        terms.setdefault(str(iid), []).append(str(term))
    result = []
    for (iid, code, date, status, duration, assets, segments, reviewed, translated,
         scopes, withdrawn) in rows:
        tags = terms.get(str(iid), [])
        result.append(InterviewSummary(
            id=str(iid), code=str(code), date=str(date or "")[:10], status=str(status),
            duration_s=float(duration or 0.0), assets=int(assets), segments=int(segments),
            reviewed=int(reviewed), translated=int(translated), tags=len(tags),
            consent_scopes=list(json.loads(scopes)) if scopes else [],
            consent_withdrawn=withdrawn is not None,
            tag_terms=sorted(set(tags)),
            exported=str(iid) in exported, acknowledged=str(iid) in acked))
    return result
