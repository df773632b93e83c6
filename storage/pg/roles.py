"""Roles in the archive's database: what each kind of person may do, enforced by PostgreSQL.

Three group roles (NOLOGIN); the organisation's administrator creates one login per person and
makes it a member of one (docs/archive.md):

* ``testimony_supervisor``: imports bundles and migrates vaults: reads and writes every table,
  except that the audit logs are append-only even for supervisors (no UPDATE, no DELETE);
* ``testimony_analyst``: reads everything, codes (tags, events, links, entities, taxonomy,
  witness decisions), appends to the audit log;
* ``testimony_translator``: reads everything, edits transcripts (segments, their revisions,
  transcripts), moves the tags on edited words (their anchor columns only), appends to the
  audit log.

Row-level security on ``meta``: analysts and translators may write only its ``audit_head`` row
(the audit log's head, moved by every audited change), analysts also the row naming the active
taxonomy version; never the archive's key, id or object folder. The archive's tables belong to the account that ran ``archive init`` (the
administrator), which bypasses these rules: give that account to nobody for daily work.
"""

from __future__ import annotations

from typing import Any

SUPERVISOR, ANALYST, TRANSLATOR = ("testimony_supervisor", "testimony_analyst",
                                   "testimony_translator")
ROLES = {"supervisor": SUPERVISOR, "analyst": ANALYST, "translator": TRANSLATOR}
CODING_TABLES = ("tag", "event", "event_tag", "link", "link_tag", "entity", "witness_decision",
                 "taxonomy_version", "taxonomy_term")
TRANSCRIPT_TABLES = ("segment", "segment_revision", "transcript")
APPEND_ONLY = ("audit_log", "imported_audit")
DERIVED = ("search_name", "search_name_hit")
TAG_ANCHOR = ("char_start", "char_end", "status", "review_reason", "updated_at", "updated_by")
# The meta row naming the active taxonomy version (app.coding.taxonomy.ACTIVE_KEY).
TAXONOMY_KEY = "taxonomy.active"


def create_roles(conn: Any) -> None:
    """Create the group roles (once per server) and grant them this archive's tables."""
    with conn.transaction():
        apply_grants(conn)


def apply_grants(conn: Any) -> None:
    """Inside the caller's transaction: create the group roles where the server has none yet,
    then give them exactly this version's rights on every table of the archive: everything the
    roles held before is revoked first, so a right added since the archive was made is given
    and one taken away is gone. Safe to repeat (``archive init`` and ``archive upgrade``); run
    by the account that owns the tables."""
    for role in ROLES.values():
        if conn.execute_pg("SELECT 1 FROM pg_roles WHERE rolname = %s",
                           (role,)).fetchone() is None:
            conn.execute_pg(f"CREATE ROLE {role} NOLOGIN")
    everyone = ", ".join(ROLES.values())
    # Table privileges and the column privileges under them (PostgreSQL revokes both).
    conn.execute_pg(f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {everyone}")
    conn.execute_pg(f"GRANT USAGE ON SCHEMA public TO {everyone}")
    conn.execute_pg(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {everyone}")
    conn.execute_pg(f"GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "
                    f"{SUPERVISOR}")
    for table in APPEND_ONLY:
        conn.execute_pg(f'REVOKE UPDATE, DELETE ON "{table}" FROM {SUPERVISOR}')
    # The search's short-name hits are written only by their triggers (storage/pg/schema.py).
    for table in DERIVED:
        if conn.execute_pg("SELECT to_regclass(%s)", (table,)).fetchone() != (None,):
            conn.execute_pg(f'REVOKE INSERT, UPDATE, DELETE ON "{table}" FROM {SUPERVISOR}')
    conn.execute_pg(f"GRANT INSERT ON audit_log TO {ANALYST}, {TRANSLATOR}")
    conn.execute_pg(f"GRANT INSERT, UPDATE ON meta TO {ANALYST}, {TRANSLATOR}")
    for table in CODING_TABLES:
        conn.execute_pg(f'GRANT INSERT, UPDATE, DELETE ON "{table}" TO {ANALYST}')
    conn.execute_pg(f"GRANT UPDATE ON segment, transcript TO {TRANSLATOR}")
    conn.execute_pg(f"GRANT INSERT ON segment_revision TO {TRANSLATOR}")
    # An edit moves the tags on the edited words with them (app.coding.tags): the
    # translator may change where a tag sits and flag it for review, never what it codes.
    conn.execute_pg(f"GRANT UPDATE ({', '.join(TAG_ANCHOR)}) ON tag TO {TRANSLATOR}")
    conn.execute_pg("ALTER TABLE meta ENABLE ROW LEVEL SECURITY")
    conn.execute_pg("DROP POLICY IF EXISTS meta_read ON meta")
    conn.execute_pg("CREATE POLICY meta_read ON meta FOR SELECT USING (true)")
    conn.execute_pg("DROP POLICY IF EXISTS meta_supervisor ON meta")
    conn.execute_pg(f"CREATE POLICY meta_supervisor ON meta FOR ALL TO {SUPERVISOR} "
                    "USING (true) WITH CHECK (true)")
    conn.execute_pg("DROP POLICY IF EXISTS meta_audit_head ON meta")
    conn.execute_pg(f"CREATE POLICY meta_audit_head ON meta FOR ALL TO {ANALYST}, "
                    f"{TRANSLATOR} USING (key = 'audit_head') "
                    "WITH CHECK (key = 'audit_head')")
    # Analysts keep the coding vocabulary: which taxonomy version is active.
    conn.execute_pg("DROP POLICY IF EXISTS meta_taxonomy ON meta")
    conn.execute_pg(f"CREATE POLICY meta_taxonomy ON meta FOR ALL TO {ANALYST} "
                    f"USING (key = '{TAXONOMY_KEY}') WITH CHECK (key = '{TAXONOMY_KEY}')")
