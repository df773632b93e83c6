"""Schema version 50: why the hallucination guards flagged a segment.

``segment.engine_flags`` is a JSON list of sentences written by ``transcription.guards`` when a
machine segment looked unsupported by the audio (a repetition loop, text over silence, poorly
supported words, repetitive text); NULL when nothing was found. The review interface can show
them. The sentences name no word of the testimony, so they may travel where text is redacted.
"""

from __future__ import annotations

from storage.db import Connection

VERSION = 50
NAME = "segment_flags"


def apply(conn: Connection) -> None:
    conn.execute("ALTER TABLE segment ADD COLUMN engine_flags TEXT")
