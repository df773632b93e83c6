"""The archive's PostgreSQL schema, derived from the vault's own migrations.

The vault schema is the one definition of the data: a throwaway in-memory database is migrated
to the latest version and each table is re-declared for PostgreSQL with the same columns,
primary keys, unique constraints, foreign keys (deferrable, with their ON DELETE actions) and
plain indexes. So a table another area adds to the vault reaches the archive with no second
definition. Not carried over: SQLite full-text tables (search uses pg_trgm instead), triggers,
CHECK constraints (the import validates rows), ``blob_chunk`` (audio lives in object files) and
the vault's own private keys (``device``, ``supervisor_identity``).
"""

from __future__ import annotations

import re

import sqlcipher3

from storage.migrations import LATEST_VERSION, migrate

SKIPPED = frozenset({"blob_chunk", "device", "supervisor_identity", "schema_migrations"})
_IDENT = re.compile(r"[a-z][a-z0-9_]{0,62}")
_TYPES = {"INTEGER": "bigint", "REAL": "double precision", "BLOB": "bytea", "TEXT": "text",
          "": "text"}
_LITERAL = re.compile(r"-?\d+(\.\d+)?|'[^']*'|NULL", re.I)


def _q(name: str) -> str:
    if not _IDENT.fullmatch(name):
        raise ValueError(f"unexpected identifier {name!r}")
    return f'"{name}"'


def _pg_type(declared: str) -> str:
    return _TYPES.get(declared.upper(), "text")


def vault_tables() -> tuple[list[str], dict[str, str]]:
    """(statements creating every table, then its indexes; table name -> CREATE TABLE)."""
    return _declare()[:2]


def upgrade_statements(present: dict[str, set[str]]) -> tuple[list[str], list[str]]:
    """What brings an archive made by an older version up to this version's tables, given the
    columns of each table it already has (``present``): every missing table (with its foreign
    keys), every missing column (NOT NULL only where it has a default, which fills the rows
    already there; with its foreign key) and every missing index. Only ever adds: nothing is
    dropped or changed, and an archive already up to date gets only IF NOT EXISTS no-ops.
    Returns (the statements, what they add in words: ``table NAME``, ``column TABLE.NAME``)."""
    statements, tables, columns, fks = _declare()
    out = [stmt for name, stmt in tables.items() if name not in present]
    added = [f"table {name}" for name in tables if name not in present]
    for name, cols in columns.items():
        if name not in present:
            continue
        for col, line in cols:
            if col not in present[name]:
                if " NOT NULL" in line and " DEFAULT " not in line:
                    line = line.replace(" NOT NULL", "")
                out.append(f"ALTER TABLE {_q(name)} ADD COLUMN IF NOT EXISTS {line}")
                added.append(f"column {name}.{col}")
    out += [stmt for stmt in statements if stmt.startswith("CREATE INDEX")]
    # A foreign key comes with its table or with its columns (never declared twice).
    out += [stmt for name, cols, stmt in fks
            if name not in present or not set(cols) & present[name]]
    return out, added


def _declare() -> tuple[list[str], dict[str, str], dict[str, list[tuple[str, str]]],
                        list[tuple[str, tuple[str, ...], str]]]:
    """(every statement, CREATE TABLE per table, (column, declaration) per table, (table,
    its columns, ALTER TABLE ... ADD FOREIGN KEY) per foreign key), from a throwaway vault at
    the latest version."""
    src = sqlcipher3.connect(":memory:", isolation_level=None)
    try:
        migrate(src)
        names = [str(r[0]) for r in src.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        names = [n for n in names if n not in SKIPPED and not n.startswith(("fts_", "sqlite_"))
                 and _IDENT.fullmatch(n)]
        tables: dict[str, str] = {}
        columns: dict[str, list[tuple[str, str]]] = {}
        indexes: list[str] = []
        fks: list[tuple[str, tuple[str, ...], str]] = []
        for name in names:
            info = src.execute(f"PRAGMA table_info({_q(name)})").fetchall()
            cols = []
            for _cid, col, ctype, notnull, default, _pk in info:
                line = f"{_q(col)} {_pg_type(str(ctype))}"
                if notnull:
                    line += " NOT NULL"
                if default is not None and _LITERAL.fullmatch(str(default)):
                    line += f" DEFAULT {default}"
                cols.append(line)
                columns.setdefault(name, []).append((str(col), line))
            pk = [str(r[1]) for r in sorted((r for r in info if r[5]), key=lambda r: r[5])]
            if pk:
                cols.append(f"PRIMARY KEY ({', '.join(_q(c) for c in pk)})")
            for idx in src.execute(f"PRAGMA index_list({_q(name)})").fetchall():
                _seq, iname, unique, origin, partial = idx[:5]
                icols = [r[2] for r in src.execute(f"PRAGMA index_info(\"{iname}\")")]
                if origin == "pk" or partial or any(c is None for c in icols):
                    continue
                collist = ", ".join(_q(str(c)) for c in icols)
                if unique:
                    cols.append(f"UNIQUE ({collist})")
                else:
                    indexes.append(f"CREATE INDEX IF NOT EXISTS {_q(str(iname))} ON "
                                   f"{_q(name)} ({collist})")
            groups: dict[int, list[tuple[str, str, str, str]]] = {}
            for r in src.execute(f"PRAGMA foreign_key_list({_q(name)})").fetchall():
                groups.setdefault(int(r[0]), []).append(
                    (str(r[3]), str(r[2]), str(r[4] or "id"), str(r[6])))
            for group in groups.values():
                parent = group[0][1]
                if parent not in names:
                    continue
                on_delete = group[0][3].upper()
                action = f" ON DELETE {on_delete}" if on_delete in (
                    "CASCADE", "SET NULL", "RESTRICT") else ""
                fks.append((name, tuple(g[0] for g in group),
                            f"ALTER TABLE {_q(name)} ADD FOREIGN KEY "
                            f"({', '.join(_q(g[0]) for g in group)}) REFERENCES {_q(parent)} "
                            f"({', '.join(_q(g[2]) for g in group)}){action} "
                            "DEFERRABLE INITIALLY IMMEDIATE"))
            tables[name] = (f"CREATE TABLE IF NOT EXISTS {_q(name)} (\n    "
                            + ",\n    ".join(cols) + "\n)")
        return (list(tables.values()) + indexes + [fk for _, _, fk in fks], tables, columns,
                fks)
    finally:
        src.close()


SCHEMA_VERSION = LATEST_VERSION


# --------------------------------------------------------------- archive-only: short names
# Which segments contain each name of a taxonomy term that has a name of one or two letters
# (요덕): such a name has no trigram, so the trigram index cannot find it, and reading the
# segments in code order until a page of hits is found costs about four interviews read per
# interview shown. ``search_name`` lists the names kept (lowered); ``search_name_hit`` holds,
# for each, every segment whose lowered text contains it, with the interview's code, the layer
# and the index, so the first hits of a name in the order shown are an index range read
# (storage/pg/search.py), whatever the archive's size. Triggers keep it exact: a segment
# inserted, edited or deleted; an interview inserted or recoded; a taxonomy term added,
# changed or removed (the names kept are recomputed and a new name is looked for in every
# segment). The trigger functions run with their owner's rights (SECURITY DEFINER), so a
# translator's edit or an analyst's taxonomy change keeps the table right without any role
# being allowed to write it. Bulk loads that disable triggers call ``search_names_rebuild()``.
SEARCH_NAMES_TABLE = "search_name_hit"
# Its interview column is not called ``interview_id``: a table with that column is interview
# data to the bundle code (app/bundles/tables.py), and these rows are derived, never carried.
SHORT_NAME_CHARS = 2

_TERM_NAMES = """
CREATE OR REPLACE FUNCTION search_json_names(doc text) RETURNS SETOF text
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    RETURN QUERY SELECT e #>> '{}' FROM jsonb_array_elements(doc::jsonb) e
                 WHERE jsonb_typeof(e) = 'string';
EXCEPTION WHEN others THEN
    RETURN;
END $$"""

_WANTED = """
CREATE OR REPLACE FUNCTION search_names_wanted() RETURNS SETOF text
LANGUAGE sql STABLE AS $$
    SELECT DISTINCT lower(x.n) FROM taxonomy_term t, LATERAL (
        SELECT t.label_ko UNION ALL SELECT t.label_en
        UNION ALL SELECT search_json_names(t.aliases)
        UNION ALL SELECT search_json_names(t.romanisations)) AS x(n)
    WHERE btrim(x.n) <> '' AND lower(x.n) <> ''
      AND search_term_is_short(t.label_ko, t.label_en, t.aliases, t.romanisations)
$$"""

# The segments whose lowered text contains ``name`` (a LIKE on lower(text), so a name of three
# letters or more is found with the trigram index), with their interview's code.
_ADD_NAME = r"""
CREATE OR REPLACE FUNCTION search_name_add(name text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO search_name(name) VALUES (name) ON CONFLICT DO NOTHING;
    EXECUTE format(
        'INSERT INTO search_name_hit(name, code, layer, idx, segment_id, interview) '
        'SELECT %L, i.code, s.layer, s.idx, s.id, s.interview_id FROM segment s '
        'LEFT JOIN interview i ON i.id = s.interview_id WHERE lower(s.text) LIKE %L',
        name, '%' || replace(replace(replace(name, '\', '\\'), '%', '\%'), '_', '\_') || '%');
END $$"""

_SYNC = """
CREATE OR REPLACE FUNCTION search_names_sync() RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    wanted text[] := ARRAY(SELECT search_names_wanted());
    gone text[];
    n text;
BEGIN
    gone := ARRAY(SELECT name FROM search_name WHERE name <> ALL(wanted));
    IF cardinality(gone) > 0 THEN
        DELETE FROM search_name_hit WHERE name = ANY(gone);
        DELETE FROM search_name WHERE name = ANY(gone);
    END IF;
    IF EXISTS (SELECT 1 FROM unnest(wanted) AS u(w)
               WHERE NOT EXISTS (SELECT 1 FROM search_name s WHERE s.name = u.w)) THEN
        -- A segment written by another session meanwhile would not see the new name, nor
        -- this look-up that segment: segments wait until this change commits.
        LOCK TABLE segment IN SHARE MODE;
    END IF;
    FOR n IN SELECT w FROM unnest(wanted) AS u(w)
             WHERE NOT EXISTS (SELECT 1 FROM search_name s WHERE s.name = u.w) LOOP
        PERFORM search_name_add(n);
    END LOOP;
END $$"""

# Every name again: the names of three letters or more each with the trigram index, the short
# ones in one pass over the segments, each lowered once.
_REBUILD = """
CREATE OR REPLACE FUNCTION search_names_rebuild() RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    n text;
BEGIN
    DELETE FROM search_name_hit;
    DELETE FROM search_name;
    INSERT INTO search_name(name) SELECT DISTINCT w FROM search_names_wanted() w;
    FOR n IN SELECT name FROM search_name WHERE char_length(name) > {short} LOOP
        PERFORM search_name_add(n);
    END LOOP;
    INSERT INTO search_name_hit(name, code, layer, idx, segment_id, interview)
        SELECT n.name, i.code, s.layer, s.idx, s.id, s.interview_id
        FROM (SELECT id, interview_id, layer, idx, lower(text) AS low FROM segment OFFSET 0) s
        JOIN search_name n ON char_length(n.name) <= {short} AND strpos(s.low, n.name) > 0
        LEFT JOIN interview i ON i.id = s.interview_id;
END $$""".replace("{short}", str(SHORT_NAME_CHARS))

# A taxonomy statement changes the names kept only if a row it added, changed or removed
# belongs to a term with a short name.
_TAXONOMY_TRIGGER = """
CREATE OR REPLACE FUNCTION search_names_taxonomy_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM changed t WHERE search_term_is_short(t.label_ko, t.label_en,
                                                                  t.aliases, t.romanisations))
    THEN
        PERFORM search_names_sync();
    ELSIF TG_OP = 'UPDATE' THEN  -- only an update has the rows as they were
        IF EXISTS (SELECT 1 FROM gone t WHERE search_term_is_short(t.label_ko, t.label_en,
                                                                   t.aliases, t.romanisations))
        THEN
            PERFORM search_names_sync();
        END IF;
    END IF;
    RETURN NULL;
END $$"""

_IS_SHORT = """
CREATE OR REPLACE FUNCTION search_term_is_short(label_ko text, label_en text, aliases text,
                                                romanisations text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
    SELECT EXISTS (SELECT 1 FROM (SELECT label_ko UNION ALL SELECT label_en
                                  UNION ALL SELECT search_json_names(aliases)
                                  UNION ALL SELECT search_json_names(romanisations)) AS x(n)
                   WHERE btrim(n) <> '' AND char_length(n) <= {short})
$$""".replace("{short}", str(SHORT_NAME_CHARS))

_SEGMENT_TRIGGER = """
CREATE OR REPLACE FUNCTION search_names_segment_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
DECLARE
    low text;
BEGIN
    IF TG_OP <> 'INSERT' THEN
        DELETE FROM search_name_hit WHERE segment_id = OLD.id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        low := lower(NEW.text);
        INSERT INTO search_name_hit(name, code, layer, idx, segment_id, interview)
            SELECT n.name, (SELECT code FROM interview WHERE id = NEW.interview_id), NEW.layer,
                   NEW.idx, NEW.id, NEW.interview_id
            FROM search_name n WHERE strpos(low, n.name) > 0;
    END IF;
    RETURN NULL;
END $$"""

_INTERVIEW_TRIGGER = """
CREATE OR REPLACE FUNCTION search_names_interview_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
BEGIN
    UPDATE search_name_hit SET code = NEW.code
        WHERE interview = NEW.id AND code IS DISTINCT FROM NEW.code;
    RETURN NULL;
END $$"""

SEARCH_NAMES = [
    "CREATE TABLE IF NOT EXISTS search_name (name text PRIMARY KEY)",
    "CREATE TABLE IF NOT EXISTS search_name_hit (name text NOT NULL, code text, "
    "layer text NOT NULL, idx bigint NOT NULL, segment_id text NOT NULL, "
    "interview text NOT NULL)",
    "CREATE INDEX IF NOT EXISTS search_name_hit_order ON search_name_hit "
    "(name, code, layer, idx, segment_id)",
    "CREATE INDEX IF NOT EXISTS search_name_hit_segment ON search_name_hit (segment_id)",
    "CREATE INDEX IF NOT EXISTS search_name_hit_interview ON search_name_hit (interview)",
    _TERM_NAMES, _IS_SHORT, _WANTED, _ADD_NAME, _SYNC, _REBUILD,
    _TAXONOMY_TRIGGER, _SEGMENT_TRIGGER, _INTERVIEW_TRIGGER,
    "DROP TRIGGER IF EXISTS search_names_segment ON segment",
    "CREATE TRIGGER search_names_segment AFTER INSERT OR DELETE OR UPDATE OF id, "
    "interview_id, layer, idx, text ON segment FOR EACH ROW "
    "EXECUTE FUNCTION search_names_segment_changed()",
    "DROP TRIGGER IF EXISTS search_names_interview ON interview",
    "CREATE TRIGGER search_names_interview AFTER INSERT OR UPDATE OF code ON interview "
    "FOR EACH ROW EXECUTE FUNCTION search_names_interview_changed()",
    *[stmt for op, tables in (("INSERT", "NEW TABLE AS changed"),
                              ("UPDATE", "NEW TABLE AS changed OLD TABLE AS gone"),
                              ("DELETE", "OLD TABLE AS changed"))
      for stmt in (f"DROP TRIGGER IF EXISTS search_names_taxonomy_{op.lower()} ON taxonomy_term",
                   f"CREATE TRIGGER search_names_taxonomy_{op.lower()} AFTER {op} ON "
                   f"taxonomy_term REFERENCING {tables} FOR EACH STATEMENT "
                   "EXECUTE FUNCTION search_names_taxonomy_changed()")],
    "SELECT search_names_rebuild()",
]


def search_names_ddl(schema: str) -> list[str]:
    """The statements creating the short-name hits (tables, functions, triggers) in ``schema``
    and filling them from the segments already there; safe to run again."""
    return [s.replace("{schema}", _q(schema)) for s in SEARCH_NAMES]
