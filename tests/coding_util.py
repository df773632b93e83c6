"""Helpers for the evidence-coding tests: segments are inserted directly (the transcript service
lives in another area) and edits go through app.hooks like the real transcript editor."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from app import hooks, interviews
from storage.vault import Vault


def add_interview(vault: Vault, code: str = "NK-2026-175", *, notes: str = "",
                  consent: Sequence[str] = ("archive",)) -> str:
    return interviews.add_interview(vault, code=code, role="interviewer", notes=notes,
                                    consent_scopes=list(consent))


def add_segments(vault: Vault, interview_id: str, texts: Sequence[str], *,
                 layer: str = "original", seconds: float = 10.0,
                 review_status: str = "draft") -> list[str]:
    """Insert segments idx 0.. with ``seconds`` each; returns their ids."""
    ids = [str(uuid.uuid4()) for _ in texts]
    with vault.transaction() as conn:
        conn.executemany(
            "INSERT INTO segment(id, interview_id, idx, start_s, end_s, text, created_at,"
            " created_by, layer, review_status) VALUES (?,?,?,?,?,?,?,?,?,?)",
            [(sid, interview_id, i, i * seconds, (i + 1) * seconds - 0.5, text,
              "2026-01-01T00:00:00+00:00", "interviewer", layer, review_status)
             for i, (sid, text) in enumerate(zip(ids, texts, strict=True))])
    return ids


def edit_segment(vault: Vault, segment_id: str, new_text: str, role: str = "translator") -> None:
    """Change a segment's text the way the transcript editor does: in one transaction, with
    the hook called inside it."""
    with vault.transaction() as conn:
        old = conn.execute("SELECT text FROM segment WHERE id = ?", (segment_id,)).fetchone()[0]
        conn.execute("UPDATE segment SET text = ? WHERE id = ?", (new_text, segment_id))
        hooks.segment_text_changed(conn, segment_id, old, new_text, role)


def add_marker(vault: Vault, interview_id: str, at_s: float, note: str) -> str:
    marker_id = str(uuid.uuid4())
    with vault.transaction() as conn:
        conn.execute("INSERT INTO marker(id, interview_id, at_s, note, created_at, created_by)"
                     " VALUES (?,?,?,?,?,?)",
                     (marker_id, interview_id, at_s, note, "2026-01-01T00:00:00+00:00",
                      "interviewer"))
    return marker_id
