"""Markers: a moment of an interview's audio flagged with a short note.

One rule for both ways a marker is made: during a recording (``RecordingSession.add_marker``)
and afterwards (``add_marker`` here, ``testimony audio marker`` and the window's list). Both
check the note the same way and write the same row and audit entry.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import asdict, dataclass
from typing import Any

from app.audio.assets import get_asset
from app.changes import Change, Kind, publish
from app.errors import UsageError
from app.interviews import resolve_id
from storage import audit
from storage.backend import Store
from storage.db import Connection, transaction
from storage.vault import Vault

MAX_MARKER_NOTE = 500


@dataclass(frozen=True)
class Marker:
    id: str
    interview_id: str
    asset_id: str | None
    at_s: float
    note: str
    created_at: str
    created_by: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def check_note(note: str) -> str:
    """The note as stored (surrounding spaces removed); refuses one that is too long."""
    note = note.strip()
    if len(note) > MAX_MARKER_NOTE:
        raise UsageError("audio.marker_note_most_characters", max_marker_note=MAX_MARKER_NOTE)
    return note


def check_time(at_s: float) -> float:
    if at_s < 0:
        raise UsageError("audio.marker_time_negative_give")
    return float(at_s)


def insert(conn: Connection, *, interview_id: str, asset_id: str | None, at_s: float,
           note: str, role: str, now: dt.datetime | None = None) -> str:
    """Write a checked marker and its audit entry in one transaction; returns the marker id."""
    note = check_note(note)
    at_s = check_time(at_s)
    stamp = now or dt.datetime.now(dt.UTC)
    marker_id = str(uuid.uuid4())
    with transaction(conn):
        conn.execute(
            "INSERT INTO marker(id, interview_id, asset_id, at_s, note, created_at, created_by)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (marker_id, interview_id, asset_id, at_s, note, stamp.isoformat(), role))
        audit.append(conn, now=stamp, action="create", object_type="marker",
                     object_id=marker_id, role=role,
                     details={"asset_id": asset_id, "at_s": round(at_s, 3)})
    return marker_id


def add_marker(vault: Vault, interview: str, at_s: float, note: str = "", *, role: str,
               asset: str | None = None, now: dt.datetime | None = None) -> str:
    """Flag a moment of an interview's audio with a short note; returns the marker id."""
    interview_id = resolve_id(vault, interview)
    asset_id = get_asset(vault, interview_id, asset).id if asset else None
    marker_id = insert(vault.conn, interview_id=interview_id, asset_id=asset_id, at_s=at_s,
                       note=note, role=role, now=now)
    publish(vault, Change(Kind.MARKER_ADDED, interview_id))
    return marker_id


def list_markers(vault: Store, interview: str) -> list[Marker]:
    """Every marker of an interview, in time order."""
    interview_id = resolve_id(vault, interview)
    rows = vault.conn.execute(
        "SELECT id, interview_id, asset_id, at_s, note, created_at, created_by FROM marker"
        " WHERE interview_id = ? ORDER BY asset_id, at_s", (interview_id,)).fetchall()
    return [Marker(*row) for row in rows]
