"""Schema version 2: transcript layers and review status on segments; recording markers.

Shared ground for the transcript, coding, search and bundle areas: a segment belongs to a
transcript (``transcript_id``) in a layer (``original`` or ``translation``) and carries a review
status. Markers are moments flagged while recording.
"""

from __future__ import annotations

from storage.db import Connection

VERSION = 2
NAME = "layers_markers"


def apply(conn: Connection) -> None:
    conn.execute("ALTER TABLE segment ADD COLUMN transcript_id TEXT")
    conn.execute(
        "ALTER TABLE segment ADD COLUMN layer TEXT NOT NULL DEFAULT 'original' "
        "CHECK (layer IN ('original', 'translation'))"
    )
    conn.execute(
        "ALTER TABLE segment ADD COLUMN review_status TEXT NOT NULL DEFAULT 'draft' "
        "CHECK (review_status IN ('draft', 'reviewed', 'disputed'))"
    )
    conn.execute("CREATE INDEX segment_interview ON segment(interview_id, layer, idx)")
    conn.execute(
        """CREATE TABLE marker (
            id TEXT PRIMARY KEY,
            interview_id TEXT NOT NULL REFERENCES interview(id) ON DELETE CASCADE,
            asset_id TEXT REFERENCES audio_asset(id) ON DELETE CASCADE,
            at_s REAL NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL
        )"""
    )
    conn.execute("CREATE INDEX marker_interview ON marker(interview_id, at_s)")
