"""Events in the HURIDOCS style: who did what to whom, where, when, and how the witness knows.

An event names an act (a violation-type term), a victim (the witness or a pseudonymised other
person, never a real name), a perpetrator unit with its degree of involvement, a place (a
facility term, or free text, with its precision), a date with precision and uncertainty (see
app.coding.dates), the witness's relation to it, and the tags that support it.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from app.changes import Change, Kind, publish
from app.coding import dates
from app.coding import taxonomy as tx
from app.coding.shown import shown
from app.coding.tags import _Labels
from app.errors import UsageError
from app.interviews import resolve_id
from errors import Message
from storage.backend import Store

RELATIONS = ("experienced", "saw", "heard")
INVOLVEMENT = ("direct", "ordered", "assisted", "command", "suspected", "unknown")
PLACE_PRECISION = ("exact", "facility", "town", "county", "province", "country", "unknown")


def _term_under(taxonomy: tx.Taxonomy, text: str, branch: str, field: str) -> tx.Term:
    term = taxonomy.resolve(text)
    if taxonomy.root_of(term.id) != branch:
        raise UsageError("coding.term_not_under_branch", field=Message(f"coding.field_{field}"),
                         branch=branch, text=shown(text), id=term.id)
    return term


def add_event(vault: Store, interview: str, *, act: str, role: str,
              victim: str | None = None, perpetrator: str | None = None,
              involvement: str | None = None, place: str | None = None,
              place_precision: str | None = None, date: str | dates.EventDate | None = None,
              relation: str | None = None, tags: Sequence[str] = (), notes: str = "",
              now: dt.datetime | None = None) -> str:
    """Record an event for ``interview`` (id or code); returns its id.

    ``place`` is a term (id, label or alias) if one matches, otherwise free text.
    ``date`` is parsed with app.coding.dates.parse when given as text.
    """
    interview_id = resolve_id(vault, interview)
    if relation is not None and relation not in RELATIONS:
        raise UsageError("event.witness_s_relation_must", choices=', '.join(RELATIONS))
    if involvement is not None and involvement not in INVOLVEMENT:
        raise UsageError("event.involvement_must_one", choices=', '.join(INVOLVEMENT))
    if place_precision is not None and place_precision not in PLACE_PRECISION:
        raise UsageError("event.place_precision_must_one", choices=', '.join(PLACE_PRECISION))
    if involvement is not None and perpetrator is None:
        raise UsageError("event.involvement_describes_perpetrator_give")
    if victim is not None and not victim.strip():
        raise UsageError("event.victim_must_witness_pseudonym")
    taxonomy = tx.ensure_taxonomy(vault, role=role, now=now)
    act_term = _term_under(taxonomy, act, "violation", "act")
    perp_term = (_term_under(taxonomy, perpetrator, "perpetrator", "perpetrator")
                 if perpetrator else None)
    place_term: tx.Term | None = None
    place_text: str | None = None
    if place is not None and place.strip():
        found = taxonomy.matches(place.strip())
        if len(found) > 1:
            taxonomy.resolve(place)  # raises, naming the candidates
        if found:
            place_term = found[0]
        else:
            place_text = place.strip()
    precision = place_precision or (
        "facility" if place_term is not None and taxonomy.root_of(place_term.id) == "detention"
        else "unknown" if (place_term or place_text) else None)
    when = dates.parse(date) if isinstance(date, str) else date
    low, high = when.interval() if when else (None, None)
    conn = vault.conn
    tag_ids = list(dict.fromkeys(tags))
    for tag_id in tag_ids:
        row = conn.execute("SELECT interview_id FROM tag WHERE id = ?", (tag_id,)).fetchone()
        if row is None or row[0] != interview_id:
            raise UsageError("event.tag_tag_interview_see", tag_id=shown(tag_id))
    event_id = str(uuid.uuid4())
    stamp = (now or dt.datetime.now(dt.UTC)).isoformat()
    with vault.transaction() as c:
        c.execute(
            "INSERT INTO event(id, interview_id, act, victim, perpetrator, involvement, place,"
            " place_term, place_precision, date_text, date_json, date_from, date_to, relation,"
            " notes, taxonomy_version, created_at, created_by, updated_at, updated_by)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (event_id, interview_id, act_term.id, victim.strip() if victim else None,
             perp_term.id if perp_term else None, involvement, place_text,
             place_term.id if place_term else None, precision,
             when.text() if when else None, json.dumps(when.to_json()) if when else None,
             low.isoformat() if low else None, high.isoformat() if high else None,
             relation, notes, taxonomy.version_id, stamp, role, stamp, role))
        c.executemany("INSERT INTO event_tag(id, event_id, tag_id) VALUES (?,?,?)",
                      [(str(uuid.uuid4()), event_id, t) for t in tag_ids])
        vault.audit("create", "event", event_id, role=role, now=now,
                    details={"interview_id": interview_id, "act": act_term.id,
                             "tags": len(tag_ids), "taxonomy_version": taxonomy.version_id})
    publish(vault, Change(Kind.TAGS_CHANGED, interview_id))
    return event_id


@dataclass
class EventView:
    id: str
    interview_id: str
    act: str
    act_label: dict[str, str]
    victim: str | None
    perpetrator: str | None
    perpetrator_label: dict[str, str] | None
    involvement: str | None
    place: str | None  # free text
    place_term: str | None
    place_label: dict[str, str] | None
    place_precision: str | None
    date: str | None  # canonical text
    date_from: str | None
    date_to: str | None
    relation: str | None
    tags: list[str]
    notes: str
    taxonomy_version: str | None
    created_at: str
    created_by: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def list_events(vault: Store, interview: str) -> list[EventView]:
    """An interview's events, oldest date first (undated last)."""
    interview_id = resolve_id(vault, interview)
    labels = _Labels(vault.conn, tx.ensure_taxonomy(vault))

    def label(version: str | None, term: str | None) -> dict[str, str] | None:
        if term is None:
            return None
        return labels.of(version, term) or labels.of(labels.active.version_id, term) or {
            "en": term, "ko": term}

    out = []
    for (eid, act, victim, perp, inv, place, place_term, precision, date_text, d0, d1, rel,
         notes, version, created_at, created_by) in vault.conn.execute(
            "SELECT id, act, victim, perpetrator, involvement, place, place_term,"
            " place_precision, date_text, date_from, date_to, relation, notes,"
            " taxonomy_version, created_at, created_by FROM event WHERE interview_id = ?"
            " ORDER BY date_text IS NULL, COALESCE(date_from, date_to), created_at",
            (interview_id,)).fetchall():
        tag_ids = [r[0] for r in vault.conn.execute(
            "SELECT tag_id FROM event_tag WHERE event_id = ? ORDER BY tag_id", (eid,))]
        out.append(EventView(eid, interview_id, act, label(version, act) or {}, victim, perp,
                             label(version, perp), inv, place, place_term,
                             label(version, place_term), precision, date_text, d0, d1, rel,
                             tag_ids, notes or "", version, created_at, created_by))
    return out
