"""Finding an interview's data generically, so tables other areas add travel in bundles too.

Interview data = the ``interview`` table, every table with an ``interview_id`` column, and every
table reaching one of those through foreign keys (``PRAGMA foreign_key_list``), minus an explicit
exclude list (vault internals, the audit log and blobs, which travel separately, derived search
indexes, and the bundle machinery's own trust and sequence tables).
"""

from __future__ import annotations

import base64
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from storage.db import Connection

EXCLUDED = frozenset({
    "meta", "device", "blob", "blob_chunk", "audit_log", "schema_migrations",
    "trusted_supervisor", "trusted_device", "bundle_export", "bundle_export_item", "purge_ack",
    "bundle_import_state", "bundle_import", "import_conflict", "imported_audit",
    "interview_owner", "interview_owner_change", "supervisor_identity",
})
EXCLUDED_PREFIXES = ("fts_", "sqlite_")
_IDENT = re.compile(r"[a-z][a-z0-9_]{0,62}")


@dataclass
class Table:
    name: str
    columns: list[str]
    notnull: dict[str, bool]
    pk: list[str]
    fks: list[tuple[str, str, str]] = field(default_factory=list)  # (column, parent, parent col)
    parent_link: tuple[str, str, str] | None = None  # how rows are selected if no interview_id

    @property
    def key_columns(self) -> list[str]:
        return self.pk or self.columns


def _q(name: str) -> str:
    if not _IDENT.fullmatch(name):
        raise ValueError(f"unexpected identifier {name!r}")
    return f'"{name}"'


def _describe(conn: Connection, name: str) -> Table:
    info = conn.execute(f"PRAGMA table_info({_q(name)})").fetchall()
    cols = [str(r[1]) for r in info]
    pk = [str(r[1]) for r in sorted((r for r in info if r[5]), key=lambda r: r[5])]
    fks = [(str(r[3]), str(r[2]), str(r[4] or "id"))
           for r in conn.execute(f"PRAGMA foreign_key_list({_q(name)})").fetchall()]
    return Table(name, cols, {str(r[1]): bool(r[3]) for r in info}, pk, fks)


def interview_tables(conn: Connection) -> list[Table]:
    """Every table holding interview data, parents before children (deterministic order)."""
    names = [str(r[0]) for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    candidates = {n: _describe(conn, n) for n in names
                  if n not in EXCLUDED and not n.startswith(EXCLUDED_PREFIXES)
                  and _IDENT.fullmatch(n)}
    chosen: dict[str, Table] = {}
    if "interview" in candidates:
        chosen["interview"] = candidates["interview"]
    for t in candidates.values():
        if "interview_id" in t.columns and t.name != "interview":
            chosen[t.name] = t
    changed = True
    while changed:
        changed = False
        for t in candidates.values():
            if t.name in chosen:
                continue
            for col, parent, pcol in t.fks:
                if parent in chosen:
                    t.parent_link = (col, parent, pcol)
                    chosen[t.name] = t
                    changed = True
                    break
    return _topological(chosen)


def _topological(tables: dict[str, Table]) -> list[Table]:
    ordered: list[Table] = []
    seen: set[str] = set()

    def visit(t: Table, stack: set[str]) -> None:
        if t.name in seen or t.name in stack:
            return
        stack.add(t.name)
        for _, parent, _ in t.fks:
            if parent in tables and parent != t.name:
                visit(tables[parent], stack)
        seen.add(t.name)
        ordered.append(t)

    for name in sorted(tables):
        visit(tables[name], set())
    return ordered


def selector(tables: dict[str, Table], name: str) -> str:
    """A WHERE clause selecting ``name``'s rows for one interview id (one ``?`` parameter)."""
    t = tables[name]
    if name == "interview":
        return '"id" = ?'
    if "interview_id" in t.columns:
        return '"interview_id" = ?'
    assert t.parent_link is not None
    col, parent, pcol = t.parent_link
    return f"{_q(col)} IN (SELECT {_q(pcol)} FROM {_q(parent)} WHERE {selector(tables, parent)})"  # noqa: S608 - identifiers checked


def rows_for(conn: Connection, tables: dict[str, Table], name: str,
             interview_id: str) -> Iterator[dict[str, Any]]:
    """One interview's rows of one table as JSON-ready dicts, in key order."""
    t = tables[name]
    cols = ", ".join(_q(c) for c in t.columns)
    order = ", ".join(_q(c) for c in t.key_columns)
    sql = f"SELECT {cols} FROM {_q(name)} WHERE {selector(tables, name)} ORDER BY {order}"  # noqa: S608 - identifiers checked
    for row in conn.execute(sql, (interview_id,)):
        yield {c: encode_value(v) for c, v in zip(t.columns, row, strict=True)}


def encode_value(value: Any) -> Any:
    if isinstance(value, bytes | memoryview):
        return {"$bytes": base64.b64encode(bytes(value)).decode("ascii")}
    return value


def decode_value(value: Any) -> Any:
    if isinstance(value, dict):
        if set(value) != {"$bytes"} or not isinstance(value["$bytes"], str):
            raise ValueError("unexpected object value")
        return base64.b64decode(value["$bytes"], validate=True)
    if isinstance(value, list):
        raise ValueError("unexpected list value")
    return value


def references(tables: dict[str, Table], name: str) -> list[tuple[str, str, str]]:
    """Every column of ``name`` that points at another row: ``(column, table, column)``.

    Declared foreign keys, plus the naming convention ``<table>_id`` -> ``<table>.id`` for
    interview tables (e.g. ``segment.transcript_id``, which has no declared key). The import
    checks that each such reference in an incoming row stays inside the bundle's interviews."""
    t = tables[name]
    refs = {(col, parent, pcol) for col, parent, pcol in t.fks}
    declared = {col for col, _, _ in refs}
    for col in t.columns:
        target = col[:-len("_id")] if col.endswith("_id") else ""
        if col not in declared and target in tables and tables[target].pk == ["id"]:
            refs.add((col, target, "id"))
    return sorted(refs)


def interview_of(conn: Connection, tables: dict[str, Table], name: str, column: str,
                 value: Any) -> str | None:
    """The interview the row of ``name`` with ``column = value`` belongs to (None: no such row,
    or it hangs on nothing)."""
    t = tables[name]
    if name == "interview" and column == "id":
        found = conn.execute('SELECT "id" FROM "interview" WHERE "id" = ?', (value,)).fetchone()
        return None if found is None else str(found[0])
    if "interview_id" in t.columns:
        found = conn.execute(f'SELECT "interview_id" FROM {_q(name)} WHERE {_q(column)} = ?',  # noqa: S608 - identifiers checked
                             (value,)).fetchone()
        return None if found is None or found[0] is None else str(found[0])
    if t.parent_link is None:
        return None
    col, parent, pcol = t.parent_link
    found = conn.execute(f"SELECT {_q(col)} FROM {_q(name)} WHERE {_q(column)} = ?",  # noqa: S608 - identifiers checked
                         (value,)).fetchone()
    if found is None or found[0] is None:
        return None
    return interview_of(conn, tables, parent, pcol, found[0])


def quote(name: str) -> str:
    """Quote a checked identifier for SQL."""
    return _q(name)
