"""A psycopg connection that speaks the small SQLite dialect the importer and readers use.

The core code writes SQL once, with ``?`` parameters, for SQLCipher. This adapter rewrites the
few SQLite-only forms it uses into PostgreSQL (``?`` -> ``%s``, ``INSERT OR IGNORE`` -> ``ON
CONFLICT DO NOTHING``, ``IS ?`` -> ``IS NOT DISTINCT FROM``, ``json_extract``, ``group_concat``,
the catalogue ``PRAGMA``s) and presents psycopg like the sqlite3 module: ``execute`` returns a
cursor with ``fetchone``/``fetchall``/iteration/``rowcount``, ``in_transaction`` says whether a
transaction is open, and a constraint violation raises ``storage.db.IntegrityError`` with the
transaction still usable (each write runs under a savepoint inside a transaction).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, LiteralString

import psycopg
from psycopg import sql as pgsql

from storage.db import IntegrityError
from storage.errors import ArchiveRefused

_TABLE_INFO = re.compile(r'\s*PRAGMA table_info\("?([a-z_][a-z0-9_]*)"?\)\s*', re.I)
_FK_LIST = re.compile(r'\s*PRAGMA foreign_key_list\("?([a-z_][a-z0-9_]*)"?\)\s*', re.I)
_TABLES = re.compile(r"\s*SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name\s*",
                     re.I)
_JSON_EXTRACT = re.compile(r"json_extract\((\w+), '\$\.(\w+)'\)")
_GROUP_CONCAT = re.compile(r"group_concat\(([\w.]+), (' '|char\(\d+\))\)")
# A JSON array parameter as a set of values: ``x IN (SELECT value FROM json_each(?))``.
_JSON_EACH = re.compile(r"SELECT value FROM json_each\((\?\d*)\)")
# ... and as "x IN (that set)": an array built once, so "x = ANY(array)" is an index scan per
# value (PostgreSQL plans the IN-subquery form as a scan of x's whole table).
_IN_JSON_EACH = re.compile(r"\bIN\s+\(SELECT value FROM json_each\((\?\d*)\)\)", re.I)
# Insertion order as the last sort key: SQLite's rowid; on PostgreSQL the row's physical place,
# which is insertion order for the tables sorted so (rows only ever inserted).
_ROWID_ORDER = re.compile(r"ORDER BY ([\w.]+), rowid\b")
_NUMBERED = re.compile(r"(?<!%)%\(p\d+\)s")  # what _placeholders makes of ?N
_DDL = re.compile(r"\s*(CREATE|ALTER|DROP)\b", re.I)
_WRITE = re.compile(r"\s*(INSERT|UPDATE|DELETE)\b", re.I)
# storage/audit.py reads the chain's head before appending: on the archive several sessions
# append, so the head is read under a transaction-scoped lock held until COMMIT (one chain,
# never forked), whichever code path appends.
_AUDIT_HEAD = re.compile(r"\s*SELECT value FROM meta WHERE key = 'audit_head'\s*")
AUDIT_LOCK = "audit-log"
# SQLite's null-safe "col IS ?" (see null_safe).
_NULL_SAFE = re.compile(r"\bIS \?|\?")
_NUMBERED_MARK = re.compile(r"\?\d")


# The catalogue questions the core asks SQLite, answered from pg_catalog (one row per column:
# cid, name, type, notnull, default, position in the primary key; per foreign-key column: id,
# seq, parent table, column, parent column; the tables of the archive's schema).
_TABLE_INFO_SQL: LiteralString = (
    "SELECT a.attnum - 1, a.attname::text, upper(format_type(a.atttypid, a.atttypmod)), "
    "a.attnotnull::int, pg_get_expr(d.adbin, d.adrelid), "
    "COALESCE((SELECT k.n FROM unnest(i.indkey) WITH ORDINALITY AS k(col, n) "
    "WHERE k.col = a.attnum), 0) "
    "FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid "
    "AND d.adnum = a.attnum LEFT JOIN pg_index i ON i.indrelid = a.attrelid "
    "AND i.indisprimary WHERE a.attrelid = to_regclass(%s) AND a.attnum > 0 "
    "AND NOT a.attisdropped ORDER BY a.attnum")
_FK_LIST_SQL: LiteralString = (
    "SELECT con.oid::int, k.n - 1, pt.relname::text, a.attname::text, pa.attname::text "
    "FROM pg_constraint con JOIN pg_class t ON t.oid = con.conrelid "
    "JOIN pg_class pt ON pt.oid = con.confrelid "
    "CROSS JOIN LATERAL unnest(con.conkey, con.confkey) WITH ORDINALITY AS k(col, pcol, n) "
    "JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.col "
    "JOIN pg_attribute pa ON pa.attrelid = pt.oid AND pa.attnum = k.pcol "
    "WHERE con.contype = 'f' AND t.relname = %s "
    "AND t.relnamespace = current_schema()::regnamespace ORDER BY con.oid, k.n")
_TABLES_SQL: LiteralString = (
    "SELECT tablename::text FROM pg_tables WHERE schemaname = current_schema() "
    "ORDER BY tablename")


def _placeholders(text: str) -> str:
    """``?`` -> ``%s`` and SQLite's numbered ``?N`` -> ``%(pN)s`` (``execute`` then passes the
    parameters by name) outside quoted strings; literal ``%`` doubled for psycopg."""
    out = []
    quote: str | None = None
    skip = 0
    for i, ch in enumerate(text):
        if skip:
            skip -= 1
            continue
        if quote:
            out.append("%%" if ch == "%" else ch)
            if ch == quote:
                quote = None
        elif ch in ("'", '"'):
            quote = ch
            out.append(ch)
        elif ch == "?":
            digits = re.match(r"\d+", text[i + 1:])
            if digits:
                out.append(f"%(p{digits.group()})s")
                skip = len(digits.group())
            else:
                out.append("%s")
        elif ch == "%":
            out.append("%%")
        else:
            out.append(ch)
    return "".join(out)


def translate(text: str) -> str:
    """The PostgreSQL form of one statement in the project's SQLite dialect."""
    t = text
    if re.match(r"\s*INSERT OR IGNORE INTO", t, re.I):
        t = re.sub(r"INSERT OR IGNORE INTO", "INSERT INTO", t, count=1, flags=re.I)
        t = t.rstrip() + " ON CONFLICT DO NOTHING"
    t = re.sub(r"\bIS \?", "IS NOT DISTINCT FROM ?", t)
    t = _JSON_EXTRACT.sub(r"(\1::jsonb ->> '\2')", t)
    t = _GROUP_CONCAT.sub(lambda m: f"string_agg({m.group(1)}, "
                          f"{m.group(2).replace('char(', 'chr(')})", t)
    t = _IN_JSON_EACH.sub(r"= ANY(ARRAY(SELECT jsonb_array_elements_text(\1::jsonb)))", t)
    t = _JSON_EACH.sub(r"SELECT value FROM json_array_elements_text(\1::json) AS value", t)
    t = _ROWID_ORDER.sub(r"ORDER BY \1, ctid", t)
    return _placeholders(t)


def null_safe(text: str, params: Sequence[Any]) -> tuple[str, tuple[Any, ...]]:
    """SQLite's null-safe ``col IS ?`` for the value at hand: ``col = ?`` for a value,
    ``col IS NULL`` for None. The same rows as ``IS NOT DISTINCT FROM``, which no PostgreSQL
    index serves (the importer looks every bundle row up by its key this way)."""
    if "IS ?" not in text or _NUMBERED_MARK.search(text):
        return text, tuple(params)  # numbered parameters are passed by name: left as they are
    out: list[Any] = []
    it = iter(params)

    def one(m: re.Match[str]) -> str:
        value = next(it)
        if m.group(0) == "?":
            out.append(value)
            return "?"
        if value is None:
            return "IS NULL"
        out.append(value)
        return "= ?"

    return _NULL_SAFE.sub(one, text), (*out, *it)


def _action(text: str) -> str:
    """What a refused statement tried, in a few words ("INSERT INTO tag")."""
    m = re.match(r"\s*(INSERT(?: OR IGNORE)? INTO|UPDATE|DELETE FROM|SELECT .*? FROM)\s+\"?(\w+)",
                 text, re.I | re.S)
    if m is None:
        return text.split(None, 1)[0].upper() if text.strip() else "?"
    verb = m.group(1).split()[0].upper()
    return f"{'read' if verb == 'SELECT' else verb.lower()} {m.group(2)}"


def lock_id(key: str) -> int:
    """The advisory lock number of ``key``."""
    return int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:8], "big", signed=True)


class Cursor:
    """The part of a sqlite3 cursor the core uses, over rows already fetched."""

    def __init__(self, rows: list[tuple[Any, ...]], rowcount: int) -> None:
        self._rows = rows
        self._pos = 0
        self.rowcount = rowcount

    def fetchone(self) -> tuple[Any, ...] | None:
        if self._pos >= len(self._rows):
            return None
        row = self._rows[self._pos]
        self._pos += 1
        return row

    def fetchall(self) -> list[tuple[Any, ...]]:
        rows = self._rows[self._pos:]
        self._pos = len(self._rows)
        return rows

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        while (row := self.fetchone()) is not None:
            yield row


class PgConnection:
    """One PostgreSQL session; autocommit outside ``transaction()``."""

    def __init__(self, raw: psycopg.Connection[Any]) -> None:
        self.raw = raw
        self._depth = 0
        self._catalogue_cache: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}

    @classmethod
    def connect(cls, url: str) -> PgConnection:
        raw = psycopg.connect(url, autocommit=True)
        return cls(raw)

    @property
    def in_transaction(self) -> bool:
        return self._depth > 0

    def close(self) -> None:
        self.raw.close()

    @contextmanager
    def transaction(self, *, isolation: str | None = None) -> Iterator[PgConnection]:
        """BEGIN ... COMMIT, rolled back on any exception. Not re-entrant (like the vault's)."""
        if self._depth:
            raise RuntimeError("a transaction is already open on this connection")
        self.raw.execute("BEGIN" + (f" ISOLATION LEVEL {isolation}" if isolation else ""))
        self._depth = 1
        try:
            yield self
        except BaseException:
            self._depth = 0
            self.raw.execute("ROLLBACK")
            raise
        self._depth = 0
        try:
            self.raw.execute("COMMIT")
        except psycopg.IntegrityError as exc:
            raise IntegrityError(str(exc)) from exc

    def _catalogue(self, text: str) -> Cursor | None:
        if m := _TABLE_INFO.fullmatch(text):
            return self._cached(("table_info", m.group(1)), _TABLE_INFO_SQL,
                                (f'"{m.group(1)}"',))
        if m := _FK_LIST.fullmatch(text):
            return self._cached(("fk_list", m.group(1)), _FK_LIST_SQL, (m.group(1),))
        if _TABLES.fullmatch(text):
            return self._cached(("tables",), _TABLES_SQL, ())
        if re.fullmatch(r"\s*PRAGMA defer_foreign_keys = ON\s*", text, re.I):
            self.raw.execute("SET CONSTRAINTS ALL DEFERRED")
            return Cursor([], 0)
        if re.fullmatch(r"\s*PRAGMA foreign_key_check\s*", text, re.I):
            return self._foreign_key_check()
        if re.match(r"\s*PRAGMA\b", text, re.I):
            raise NotImplementedError(f"no PostgreSQL form for {text.strip()!r}")
        return None

    def _cached(self, key: tuple[str, ...], query: LiteralString, args: tuple[Any, ...]
                ) -> Cursor:
        """Catalogue answers are kept per session (the importer asks for every table on every
        import); any schema change made through this connection forgets them."""
        if key not in self._catalogue_cache:
            rows = self.raw.execute(query, args or None).fetchall()
            self._catalogue_cache[key] = [tuple(r) for r in rows]
        rows = self._catalogue_cache[key]
        return Cursor(list(rows), len(rows))

    def _foreign_key_check(self) -> Cursor:
        """Check the deferred foreign keys now; a row (like SQLite's) for each failure."""
        try:
            with self.raw.transaction():
                self.raw.execute("SET CONSTRAINTS ALL IMMEDIATE")
        except psycopg.errors.ForeignKeyViolation as exc:
            return Cursor([(str(exc.diag.table_name or ""), None, None, None)], 1)
        self.raw.execute("SET CONSTRAINTS ALL DEFERRED")
        return Cursor([], 0)

    def execute(self, text: str, params: Sequence[Any] = ()) -> Cursor:
        special = self._catalogue(text)
        if special is not None:
            return special
        if self._depth > 0 and _AUDIT_HEAD.fullmatch(text):
            self.lock(AUDIT_LOCK)
        text, params = null_safe(text, params)
        query = translate(text)
        if _DDL.match(text):
            self._catalogue_cache.clear()
        args: tuple[Any, ...] | dict[str, Any] = tuple(
            bytes(p) if isinstance(p, memoryview) else p for p in params)
        if _NUMBERED.search(query):  # numbered parameters (?1, ?2) are passed by name
            args = {f"p{n}": v for n, v in enumerate(args, start=1)}
        guarded = self._depth > 0 and _WRITE.match(text) is not None
        try:
            if guarded:
                with self.raw.transaction():  # a savepoint: a refused write leaves the rest
                    cur = self.raw.execute(query, args)
            else:
                cur = self.raw.execute(query, args)
        except psycopg.IntegrityError as exc:
            raise IntegrityError(str(exc)) from exc
        except psycopg.errors.InsufficientPrivilege:
            raise ArchiveRefused("archive.refused", action=_action(text)) from None
        rows = list(cur.fetchall()) if cur.description is not None else []
        return Cursor([tuple(r) for r in rows], cur.rowcount)

    def lock(self, key: str) -> None:
        """Inside a transaction: wait until no other transaction holds ``key``; held until this
        one ends (a PostgreSQL advisory lock, re-entrant within the session)."""
        self.raw.execute("SELECT pg_advisory_xact_lock(%s)", (lock_id(key),))

    def executemany(self, text: str, seq: Sequence[Sequence[Any]]) -> None:
        for params in seq:
            self.execute(text, params)

    def execute_pg(self, query: str | pgsql.Composed, params: Sequence[Any] = ()) -> Cursor:
        """Native PostgreSQL SQL (``%s`` parameters), for archive-only statements."""
        try:
            cur = self.raw.execute(query, tuple(params) if params else None)
        except psycopg.IntegrityError as exc:
            raise IntegrityError(str(exc)) from exc
        rows = list(cur.fetchall()) if cur.description is not None else []
        return Cursor([tuple(r) for r in rows], cur.rowcount)
