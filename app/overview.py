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

    One query, whatever the number of interviews: each count comes from one grouped pass over
    its table, joined by interview (not a sub-query per interview and figure). It speaks the
    dialect both backends read, so the window lists a vault's or the archive's interviews."""
    tables = _tables(vault)
    # The export log and receipts belong to the bundles area; a vault without them shows none.
    exported = ("LEFT JOIN (SELECT DISTINCT interview_id FROM bundle_export_item) e"
                " ON e.interview_id = i.id" if "bundle_export_item" in tables else "")
    acked = ("LEFT JOIN (SELECT DISTINCT interview_id FROM purge_ack) k"
             " ON k.interview_id = i.id" if "purge_ack" in tables else "")
    rows = vault.conn.execute(
        "SELECT i.id, i.code, COALESCE(i.started_at, i.created_at), i.status,"  # noqa: S608 - fixed text
        " COALESCE(a.duration, 0), COALESCE(a.n, 0), COALESCE(s.original, 0),"
        " COALESCE(s.reviewed, 0), COALESCE(s.translated, 0), COALESCE(t.n, 0), tt.terms,"
        " c.scopes, c.withdrawn_at,"
        f" {'e.interview_id' if exported else 'NULL'}, {'k.interview_id' if acked else 'NULL'}"
        " FROM interview i LEFT JOIN consent c ON c.interview_id = i.id"
        " LEFT JOIN (SELECT interview_id, SUM(duration_s) AS duration, COUNT(*) AS n"
        "   FROM audio_asset GROUP BY interview_id) a ON a.interview_id = i.id"
        " LEFT JOIN (SELECT interview_id,"
        "   SUM(CASE WHEN layer = 'original' THEN 1 ELSE 0 END) AS original,"
        "   SUM(CASE WHEN layer = 'original' AND review_status = 'reviewed' THEN 1 ELSE 0 END)"
        "   AS reviewed,"
        "   SUM(CASE WHEN layer = 'translation' THEN 1 ELSE 0 END) AS translated"
        "   FROM segment GROUP BY interview_id) s ON s.interview_id = i.id"
        " LEFT JOIN (SELECT interview_id, COUNT(*) AS n FROM tag GROUP BY interview_id) t"
        "   ON t.interview_id = i.id"
        " LEFT JOIN (SELECT interview_id, group_concat(term_id, ' ') AS terms FROM"
        "   (SELECT DISTINCT interview_id, term_id FROM tag) d GROUP BY interview_id) tt"
        "   ON tt.interview_id = i.id"
        f" {exported} {acked}"
        " ORDER BY i.created_at, i.code").fetchall()
    result = []
    for (iid, code, date, status, duration, assets, segments, reviewed, translated, tags,
         terms, scopes, withdrawn, was_exported, was_acked) in rows:
        result.append(InterviewSummary(
            id=str(iid), code=str(code), date=str(date or "")[:10], status=str(status),
            duration_s=float(duration or 0.0), assets=int(assets), segments=int(segments),
            reviewed=int(reviewed), translated=int(translated), tags=int(tags),
            consent_scopes=list(json.loads(scopes)) if scopes else [],
            consent_withdrawn=withdrawn is not None,
            tag_terms=sorted(set(str(terms).split())) if terms else [],
            exported=was_exported is not None, acknowledged=was_acked is not None))
    return result
