"""One row per interview for list views: progress figures only, never testimony text.

The desktop client's interview list and any future "status" command use this; it reads the
shared schema (audio assets, segments with layer and review status, tags, consent) so it works
whichever areas have added their own tables.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from storage.vault import Vault


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


def _table_exists(vault: Vault, name: str) -> bool:
    row = vault.conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone()
    return row is not None


def _exported_ids(vault: Vault) -> set[str]:
    """Interviews that appear in any recorded export (the bundles area's export log)."""
    if not _table_exists(vault, "bundle_export_item"):
        return set()
    return {str(r[0]) for r in vault.conn.execute(
        "SELECT DISTINCT interview_id FROM bundle_export_item")}


def _acknowledged_ids(vault: Vault) -> set[str]:
    if not _table_exists(vault, "purge_ack"):
        return set()
    return {str(r[0]) for r in vault.conn.execute("SELECT DISTINCT interview_id FROM purge_ack")}


def interview_summaries(vault: Vault) -> list[InterviewSummary]:
    """Every interview with its progress counts, ordered by creation time."""
    conn = vault.conn
    exported = _exported_ids(vault)
    acknowledged = _acknowledged_ids(vault)
    rows = conn.execute(
        "SELECT i.id, i.code, COALESCE(i.started_at, i.created_at), i.status,"
        " (SELECT COALESCE(SUM(duration_s), 0) FROM audio_asset a WHERE a.interview_id = i.id),"
        " (SELECT COUNT(*) FROM audio_asset a WHERE a.interview_id = i.id),"
        " (SELECT COUNT(*) FROM segment s WHERE s.interview_id = i.id AND s.layer = 'original'),"
        " (SELECT COUNT(*) FROM segment s WHERE s.interview_id = i.id AND s.layer = 'original'"
        "   AND s.review_status = 'reviewed'),"
        " (SELECT COUNT(*) FROM segment s WHERE s.interview_id = i.id"
        "   AND s.layer = 'translation'),"
        " (SELECT COUNT(*) FROM tag t WHERE t.interview_id = i.id),"
        " c.scopes, c.withdrawn_at"
        " FROM interview i LEFT JOIN consent c ON c.interview_id = i.id"
        " ORDER BY i.created_at, i.code").fetchall()
    result = []
    for (iid, code, date, status, duration, assets, segments, reviewed, translated, tags,
         scopes, withdrawn) in rows:
        terms = sorted({str(r[0]) for r in conn.execute(
            "SELECT DISTINCT term_id FROM tag WHERE interview_id = ?", (iid,))})
        result.append(InterviewSummary(
            id=str(iid), code=str(code), date=str(date or "")[:10], status=str(status),
            duration_s=float(duration or 0.0), assets=int(assets), segments=int(segments),
            reviewed=int(reviewed), translated=int(translated), tags=int(tags),
            consent_scopes=list(json.loads(scopes)) if scopes else [],
            consent_withdrawn=withdrawn is not None, tag_terms=terms,
            exported=str(iid) in exported, acknowledged=str(iid) in acknowledged))
    return result
