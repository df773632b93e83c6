"""Schema version 56: entities and links between them (connecting the testimonies).

- ``entity``: what the taxonomy alone does not say about a term that names an entity (a
  facility, enterprise, commodity, agency or unit, place, port or destination, quota, period):
  its kind when the term's place in the taxonomy does not imply one, the organisation that
  imposes a quota, the unit that owns or runs an enterprise or facility, and the period the
  entity existed under this name. The names themselves (English, Korean, aliases) stay in the
  taxonomy, so tagging, search and imported taxonomy lists all see one vocabulary.
  Vault-wide (not interview data): never travels in bundles.
- ``link``: a relation (produced, handled, shipped-through, imposed, commanded) between two
  terms that a coder recorded by hand from one interview; ``link_tag`` the words and audio
  moments of that interview that support it. Both are interview data (they travel with the
  interview in bundles, like events). Links implied by coded events are derived at query time
  and never stored.
- Indexes for the cross-interview queries (by term, by tag).
"""

from __future__ import annotations

from storage.db import Connection

VERSION = 56
NAME = "connect"

SCHEMA = """
CREATE TABLE entity (
    term_id TEXT PRIMARY KEY,
    kind TEXT CHECK (kind IS NULL OR kind IN ('facility', 'enterprise', 'commodity', 'agency',
        'place', 'port', 'destination', 'quota', 'period')),
    imposed_by TEXT,
    owner TEXT,
    active_from TEXT,
    active_to TEXT,
    note TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    CHECK (active_from IS NULL OR active_to IS NULL OR active_from <= active_to)
);

CREATE TABLE link (
    id TEXT PRIMARY KEY,
    interview_id TEXT NOT NULL REFERENCES interview(id) ON DELETE CASCADE,
    from_term TEXT NOT NULL,
    to_term TEXT NOT NULL,
    relation TEXT NOT NULL CHECK (relation IN ('produced', 'handled', 'shipped-through',
        'imposed', 'commanded')),
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
);
CREATE INDEX link_interview ON link(interview_id);
CREATE INDEX link_terms ON link(from_term, relation, to_term);

CREATE TABLE link_tag (
    id TEXT PRIMARY KEY,
    link_id TEXT NOT NULL REFERENCES link(id) ON DELETE CASCADE,
    tag_id TEXT NOT NULL REFERENCES tag(id) ON DELETE CASCADE,
    UNIQUE (link_id, tag_id)
);
CREATE INDEX link_tag_tag ON link_tag(tag_id);

CREATE INDEX tag_term ON tag(term_id);
CREATE INDEX event_tag_tag ON event_tag(tag_id);
CREATE INDEX event_place ON event(place_term);
CREATE INDEX event_act ON event(act);
CREATE INDEX event_perpetrator ON event(perpetrator)
"""


def apply(conn: Connection) -> None:
    for statement in SCHEMA.split(";"):
        if statement.strip():
            conn.execute(statement)
