"""Schema version 10 (audio area): why a recording ended, and lookups by interview.

``audio_asset.state`` is 'recording' while a recording is being written, 'complete' once it is
sealed normally (or for an import), 'interrupted' when it ended abnormally (crash, kill, full
disk, vanished device); ``end_reason`` says which. The row exists from the recording's first
commit, so a crash always leaves an asset to find.
"""

from __future__ import annotations

from storage.db import Connection

VERSION = 10
NAME = "audio"


def apply(conn: Connection) -> None:
    conn.execute("ALTER TABLE audio_asset ADD COLUMN end_reason TEXT")
    conn.execute("CREATE INDEX audio_asset_interview ON audio_asset(interview_id, created_at)")
    conn.execute("CREATE INDEX marker_asset ON marker(asset_id, at_s)")
