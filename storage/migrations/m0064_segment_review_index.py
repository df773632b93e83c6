"""Schema version 64: the interview list's review counts come from an index alone.

The window's first query after unlocking (``app.overview.interview_summaries``) counts, per
interview, its original segments, the reviewed ones among them and its translated ones. The
index ``segment_interview (interview_id, layer, idx)`` answered the first and last, but the
reviewed count had to read every original segment's row to see its ``review_status``: the
whole segment table, text and all, decrypted page by page at every unlock (24 s cold at 20,000
interviews, docs/benchmarks.md). With ``review_status`` in an index the three counts read only
the index. Building it reads the segment table once, at the upgrade.

The archive (storage/pg/schema.py) gets the same index from this migration, through
``testimony archive upgrade``.
"""

from __future__ import annotations

from storage.db import Connection

VERSION = 64
NAME = "segment_review_index"


def apply(conn: Connection) -> None:
    conn.execute(
        "CREATE INDEX IF NOT EXISTS segment_review ON segment(interview_id, layer, review_status)")
