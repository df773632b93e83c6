"""Schema version 30: taxonomy versions, richer tags and events, and the full-text index.

- ``taxonomy_version`` / ``taxonomy_term``: every vocabulary version ever used stays here, so a
  tag made with an old version keeps its label after an upgrade. Vault-wide (not interview
  data); the active version is ``meta['taxonomy.active']``.
- ``tag`` gains the taxonomy version it was made with, a label snapshot (so a tag stays readable
  in another vault that lacks the version), an optional audio asset, and a review status set
  when the text it was anchored on disappears.
- ``event`` gains HURIDOCS fields (involvement, place term and precision, structured date).
- ``event_tag`` links events to the tags that support them.
- ``fts_ref`` / ``fts_text``: DERIVED search index (trigram FTS5 inside the encrypted
  database), kept in sync by triggers. Tables prefixed ``fts_`` are never exported; they are
  rebuilt from segments, interview notes and markers. ``fts_vocab`` lists the index's
  trigrams; the search expands one- and two-character queries through it. Every indexed text
  ends with two spaces (``PAD``), so each character of the real text starts a trigram and short
  queries find words at the very end of a text too.
"""

from __future__ import annotations

from storage.db import Connection

VERSION = 30
NAME = "coding_search"
PAD = "  "

_SOURCES = (
    # kind, table, text column
    ("segment", "segment", "text"),
    ("note", "interview", "notes"),
    ("marker", "marker", "note"),
)


def _interview_col(table: str) -> str:
    return "id" if table == "interview" else "interview_id"


def _triggers(kind: str, table: str, col: str) -> list[str]:
    iv = _interview_col(table)
    return [
        f"""CREATE TRIGGER fts_{kind}_ai AFTER INSERT ON {table} BEGIN
            INSERT INTO fts_ref(kind, ref_id, interview_id) VALUES ('{kind}', new.id, new.{iv});
            INSERT INTO fts_text(rowid, text) VALUES (
                (SELECT rowid FROM fts_ref WHERE kind = '{kind}' AND ref_id = new.id),
                new.{col} || '{PAD}');
        END""",  # noqa: S608 - names are constants of this module
        f"""CREATE TRIGGER fts_{kind}_au AFTER UPDATE OF {col} ON {table} BEGIN
            UPDATE fts_text SET text = new.{col} || '{PAD}'
             WHERE rowid = (SELECT rowid FROM fts_ref WHERE kind = '{kind}' AND ref_id = new.id);
        END""",  # noqa: S608 - names are constants of this module
        f"""CREATE TRIGGER fts_{kind}_ad AFTER DELETE ON {table} BEGIN
            DELETE FROM fts_text
             WHERE rowid = (SELECT rowid FROM fts_ref WHERE kind = '{kind}' AND ref_id = old.id);
            DELETE FROM fts_ref WHERE kind = '{kind}' AND ref_id = old.id;
        END""",  # noqa: S608 - names are constants of this module
    ]


def apply(conn: Connection) -> None:
    conn.execute(
        """CREATE TABLE taxonomy_version (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            version TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            sha256 TEXT NOT NULL,
            source TEXT NOT NULL CHECK (source IN ('builtin', 'import')),
            mode TEXT NOT NULL CHECK (mode IN ('builtin', 'extend', 'replace')),
            based_on TEXT REFERENCES taxonomy_version(id),
            term_count INTEGER NOT NULL,
            imported_at TEXT NOT NULL,
            imported_by TEXT NOT NULL,
            UNIQUE (name, version)
        )""")
    conn.execute(
        """CREATE TABLE taxonomy_term (
            version_id TEXT NOT NULL REFERENCES taxonomy_version(id),
            term_id TEXT NOT NULL,
            parent TEXT,
            seq INTEGER NOT NULL,
            label_en TEXT NOT NULL,
            label_ko TEXT NOT NULL,
            aliases TEXT NOT NULL DEFAULT '[]',
            romanisations TEXT NOT NULL DEFAULT '[]',
            description TEXT NOT NULL DEFAULT '',
            glossary INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (version_id, term_id)
        )""")
    for ddl in (
        "ALTER TABLE tag ADD COLUMN taxonomy_version TEXT",
        "ALTER TABLE tag ADD COLUMN term_label TEXT NOT NULL DEFAULT '{}'",
        "ALTER TABLE tag ADD COLUMN asset_id TEXT REFERENCES audio_asset(id)",
        "ALTER TABLE tag ADD COLUMN status TEXT NOT NULL DEFAULT 'ok'"
        " CHECK (status IN ('ok', 'needs_review'))",
        "ALTER TABLE tag ADD COLUMN review_reason TEXT",
        "ALTER TABLE tag ADD COLUMN updated_at TEXT",
        "ALTER TABLE tag ADD COLUMN updated_by TEXT",
        "CREATE INDEX tag_interview ON tag(interview_id, term_id)",
        "CREATE INDEX tag_segment ON tag(segment_id)",
        "ALTER TABLE event ADD COLUMN taxonomy_version TEXT",
        "ALTER TABLE event ADD COLUMN involvement TEXT",
        "ALTER TABLE event ADD COLUMN place_term TEXT",
        "ALTER TABLE event ADD COLUMN place_precision TEXT",
        "ALTER TABLE event ADD COLUMN date_json TEXT",
        "ALTER TABLE event ADD COLUMN date_from TEXT",
        "ALTER TABLE event ADD COLUMN date_to TEXT",
        "ALTER TABLE event ADD COLUMN updated_at TEXT",
        "ALTER TABLE event ADD COLUMN updated_by TEXT",
        "CREATE INDEX event_interview ON event(interview_id)",
    ):
        conn.execute(ddl)
    # A tag is never lost with its segment (e.g. a re-transcribed window): it falls back to the
    # segment's stretch of audio and is flagged for a coder to re-anchor.
    conn.execute(
        """CREATE TRIGGER tag_segment_deleted BEFORE DELETE ON segment BEGIN
            UPDATE tag SET segment_id = NULL, char_start = NULL, char_end = NULL,
                   audio_start_s = old.start_s, audio_end_s = old.end_s, asset_id = old.asset_id,
                   status = 'needs_review', review_reason = 'segment deleted'
             WHERE segment_id = old.id;
        END""")
    conn.execute(
        """CREATE TABLE event_tag (
            id TEXT PRIMARY KEY,
            event_id TEXT NOT NULL REFERENCES event(id) ON DELETE CASCADE,
            tag_id TEXT NOT NULL REFERENCES tag(id) ON DELETE CASCADE,
            UNIQUE (event_id, tag_id)
        )""")
    # Derived search index. fts_ref maps an FTS rowid to the row it indexes; the FTS table
    # itself holds only the text, tokenised into trigrams so Korean matches inside words.
    conn.execute(
        """CREATE TABLE fts_ref (
            rowid INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            ref_id TEXT NOT NULL,
            interview_id TEXT NOT NULL,
            UNIQUE (kind, ref_id)
        )""")
    conn.execute("CREATE VIRTUAL TABLE fts_text USING fts5(text, tokenize = 'trigram')")
    conn.execute("CREATE VIRTUAL TABLE fts_vocab USING fts5vocab(fts_text, 'row')")
    for kind, table, col in _SOURCES:
        for ddl in _triggers(kind, table, col):
            conn.execute(ddl)
        conn.execute(
            f"INSERT INTO fts_ref(kind, ref_id, interview_id)"  # noqa: S608 - constants
            f" SELECT '{kind}', id, {_interview_col(table)} FROM {table}")
        conn.execute(
            f"INSERT INTO fts_text(rowid, text) SELECT r.rowid, t.{col} || '{PAD}'"  # noqa: S608 - constants
            f" FROM fts_ref r JOIN {table} t ON t.id = r.ref_id WHERE r.kind = '{kind}'")
