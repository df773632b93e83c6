"""Passages: the words and audio moments behind a number.

A report bar ("Yodok: 12 tags, 3 events") or a search hit is only useful if it opens what
the witnesses said. ``behind_report`` lists, for one bar of ``search.report``, every tagged
passage it counted (the tags with that term, and the tags supporting the events with that
term, or, for a year, supporting the events dated that year), each with its interview, the
segment it sits in, the recording and the time to play from.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

from app.coding import dates
from app.errors import UsageError
from storage.backend import Store

SECTIONS = ("facility", "agency", "violation", "year")


@dataclass(frozen=True)
class Passage:
    interview_id: str
    interview_code: str
    tag_id: str
    term_id: str
    segment_id: str | None
    layer: str | None
    asset_id: str | None
    start_s: float | None
    end_s: float | None
    text: str  # the tagged words (the whole segment if the tag has no character span)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


_SELECT = (
    "SELECT t.id, t.interview_id, i.code, t.term_id, t.segment_id, s.layer, "
    "COALESCE(t.asset_id, s.asset_id), COALESCE(t.audio_start_s, s.start_s), "
    "COALESCE(t.audio_end_s, s.end_s), s.text, t.char_start, t.char_end "
    "FROM tag t JOIN interview i ON i.id = t.interview_id "
    "LEFT JOIN segment s ON s.id = t.segment_id ")


def _passage(row: tuple[Any, ...]) -> Passage:
    text = row[9] or ""
    if row[10] is not None and row[11] is not None:
        text = text[int(row[10]):int(row[11])] or text
    return Passage(interview_id=str(row[1]), interview_code=str(row[2]), tag_id=str(row[0]),
                   term_id=str(row[3]), segment_id=row[4], layer=row[5], asset_id=row[6],
                   start_s=float(row[7]) if row[7] is not None else None,
                   end_s=float(row[8]) if row[8] is not None else None, text=text)


def behind_report(vault: Store, section: str, key: str) -> list[Passage]:
    """The passages counted in one bar of ``search.report`` (``section`` and the row's
    ``key``: a term id, or a year or 'unknown'), in interview and time order."""
    if section not in SECTIONS:
        raise UsageError("search.report_section_must_be_one", choices=", ".join(SECTIONS))
    conn = vault.conn
    if section == "year":
        events = []
        for eid, djson in conn.execute("SELECT id, date_json FROM event"):
            year = dates.EventDate.from_json(json.loads(djson)).year() if djson else None
            if (str(year) if year is not None else "unknown") == key:
                events.append(str(eid))
        rows = conn.execute(_SELECT + "JOIN event_tag et ON et.tag_id = t.id "  # noqa: S608
                            "WHERE et.event_id IN (SELECT value FROM json_each(?))",
                            (json.dumps(events),)).fetchall()
    else:
        rows = conn.execute(_SELECT + "WHERE t.term_id = ?", (key,)).fetchall()
        rows += conn.execute(
            _SELECT + "JOIN event_tag et ON et.tag_id = t.id JOIN event e ON e.id = et.event_id "
            "WHERE ? IN (e.act, e.perpetrator, e.place_term)", (key,)).fetchall()
    seen: dict[str, Passage] = {}
    for row in rows:
        seen.setdefault(str(row[0]), _passage(row))
    return sorted(seen.values(), key=lambda p: (p.interview_code, p.start_s or 0.0, p.tag_id))
