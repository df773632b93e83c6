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
