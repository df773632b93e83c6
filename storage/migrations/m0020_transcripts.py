"""Schema version 20: transcripts (one per recording and layer), segment revisions, word times.

A transcript row records how its text was made (model, file hashes, parameters, engine version,
glossary fingerprint, who, when) and how far the job got (``resume_at_s``: the end of the last
finished window), so a cancelled or crashed job resumes there. Segment rows keep the CURRENT
text; ``segment_revision`` keeps the engine's text as revision 0 forever and every later edit.
Translation segments point at the original segment whose audio span they translate.
"""

from __future__ import annotations

from storage.db import Connection

VERSION = 20
NAME = "transcripts"


def apply(conn: Connection) -> None:
    conn.execute(
        """CREATE TABLE transcript (
            id TEXT PRIMARY KEY,
            interview_id TEXT NOT NULL REFERENCES interview(id) ON DELETE CASCADE,
            asset_id TEXT NOT NULL REFERENCES audio_asset(id) ON DELETE CASCADE,
            layer TEXT NOT NULL CHECK (layer IN ('original', 'translation')),
            source_transcript_id TEXT REFERENCES transcript(id) ON DELETE CASCADE,
            task TEXT NOT NULL CHECK (task IN ('transcribe', 'translate')),
            language TEXT,
            machine_draft INTEGER NOT NULL DEFAULT 1,
            model_name TEXT NOT NULL,
            model_hashes TEXT NOT NULL,
            parameters TEXT NOT NULL,
            engine_version TEXT NOT NULL,
            glossary_sha256 TEXT,
            glossary_terms INTEGER NOT NULL DEFAULT 0,
            state TEXT NOT NULL CHECK (state IN ('running', 'complete', 'cancelled', 'failed')),
            resume_at_s REAL NOT NULL DEFAULT 0,
            duration_s REAL,
            started_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            completed_at TEXT,
            created_by TEXT NOT NULL,
            UNIQUE (asset_id, layer)
        )"""
    )
    conn.execute("CREATE INDEX transcript_interview ON transcript(interview_id, layer)")
    conn.execute("ALTER TABLE segment ADD COLUMN words TEXT")
    conn.execute(
        "ALTER TABLE segment ADD COLUMN source_segment_id TEXT "
        "REFERENCES segment(id) ON DELETE CASCADE"
    )
    conn.execute("ALTER TABLE segment ADD COLUMN review_changed_at TEXT")
    conn.execute("ALTER TABLE segment ADD COLUMN review_changed_by TEXT")
    conn.execute("CREATE INDEX segment_transcript ON segment(transcript_id, idx)")
    conn.execute("CREATE INDEX segment_source ON segment(source_segment_id)")
    conn.execute(
        """CREATE TABLE segment_revision (
            id TEXT PRIMARY KEY,
            segment_id TEXT NOT NULL REFERENCES segment(id) ON DELETE CASCADE,
            interview_id TEXT NOT NULL REFERENCES interview(id) ON DELETE CASCADE,
            rev INTEGER NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('engine', 'edit')),
            text TEXT NOT NULL,
            reason TEXT,
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL,
            UNIQUE (segment_id, rev)
        )"""
    )
