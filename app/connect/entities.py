"""Entities: the facilities, enterprises, commodities, units, places, ports, quotas and periods
that testimonies are connected through.

An entity is a taxonomy term. Its names (English, Korean, aliases, romanisations) are the
term's, so tagging, search and imported taxonomy lists share one vocabulary: an organisation's
list that adds ``enterprise.korea_kangsong`` or ``detention.kyohwaso.77`` adds an entity. The
kind follows from where the term sits in the taxonomy (``KIND_BRANCHES``), unless the vault's
``entity`` row says otherwise; that row also holds what a term cannot: the organisation that
imposes a quota, the unit that owns an enterprise or runs a facility, and the period an entity
existed under this name (reports dated outside it are shown as conflicts).

``add_entity`` creates a new entity by importing a one-term extension of the active taxonomy,
so the new name is immediately taggable and searchable.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import asdict, dataclass, field
from typing import Any

from app.coding import dates
from app.coding import taxonomy as tx
from app.coding.shown import shown
from app.errors import UsageError
from storage.backend import Store
from storage.db import Connection

KINDS = ("facility", "enterprise", "commodity", "agency", "place", "port", "destination",
         "quota", "period")

# Term-id prefix -> kind; the longest matching prefix wins. A branch's own root term (e.g.
# ``commodity.product``) is a category, not an entity. The one-word roots (``enterprise``,
# ``port`` ...) are where entities added with ``add_entity`` or an imported list go.
KIND_BRANCHES: tuple[tuple[str, str], ...] = (
    ("detention", "facility"),
    ("facility", "facility"),
    ("commodity.product", "commodity"),
    ("commodity.destination", "destination"),
    ("commodity.intermediary", "enterprise"),
    ("enterprise", "enterprise"),
    ("perpetrator", "agency"),
    ("agency", "agency"),
    ("forced_labour.quota_item", "quota"),
    ("quota", "quota"),
    ("place", "place"),
    ("port", "port"),
    ("destination", "destination"),
    ("period", "period"),
)
# Where add_entity puts a new entity of each kind, and the root term it creates if missing.
DEFAULT_PARENT: dict[str, tuple[str, str, str]] = {
    "facility": ("detention.other", "Other place of detention", "기타 구금시설"),
    "enterprise": ("enterprise", "Enterprises and trading companies", "기업소 및 무역회사"),
    "commodity": ("commodity.product", "Product", "생산물"),
    "agency": ("perpetrator.other", "Other perpetrator", "기타 가해자"),
    "place": ("place", "Places", "장소"),
    "port": ("port", "Ports and border crossings", "항구 및 국경 통과지점"),
    "destination": ("commodity.destination.other", "Other destination", "기타 목적지"),
    "quota": ("quota", "Quotas", "과제"),
    "period": ("period", "Periods", "시기"),
}
_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class Entity:
    """One entity as people read it."""

    term_id: str
    kind: str
    label_en: str
    label_ko: str
    aliases: tuple[str, ...]
    parent: str | None
    imposed_by: str | None = None
    owner: str | None = None
    active_from: str | None = None  # ISO date
    active_to: str | None = None
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self) | {"aliases": list(self.aliases)}


def branch_kind(term_id: str) -> str | None:
    """The kind implied by a term id's place in the taxonomy, or None."""
    best: tuple[int, str] | None = None
    for prefix, kind in KIND_BRANCHES:
        if term_id.startswith(prefix + ".") and (best is None or len(prefix) > best[0]):
            best = (len(prefix), kind)
    return best[1] if best else None


@dataclass
class Kinds:
    """Term id -> kind for one vault, read once (the ``entity`` overrides plus the branches)."""

    overrides: dict[str, str]
    _memo: dict[str, str | None] = field(default_factory=dict, repr=False)

    @classmethod
    def load(cls, conn: Connection) -> Kinds:
        return cls({str(t): str(k) for t, k in conn.execute(
            "SELECT term_id, kind FROM entity WHERE kind IS NOT NULL")})

    def of(self, term_id: str | None) -> str | None:
        if term_id is None:
            return None
        try:
            return self._memo[term_id]
        except KeyError:
            kind = self.overrides.get(term_id) or branch_kind(term_id)
            self._memo[term_id] = kind
            return kind


def _row(conn: Connection, term_id: str) -> tuple[Any, ...] | None:
    row = conn.execute("SELECT kind, imposed_by, owner, active_from, active_to, note FROM entity"
                       " WHERE term_id = ?", (term_id,)).fetchone()
    return tuple(row) if row is not None else None


def _entity(term: tx.Term, kind: str, row: tuple[Any, ...] | None) -> Entity:
    extra = row or (None, None, None, None, None, "")
    return Entity(term.id, kind, term.label_en, term.label_ko,
                  tuple(dict.fromkeys((*term.aliases, *term.romanisations))), term.parent,
                  extra[1], extra[2], extra[3], extra[4], extra[5] or "")


def list_entities(vault: Store, kind: str | None = None) -> list[Entity]:
    """Every entity of the active taxonomy (of ``kind`` if given), in taxonomy order."""
    if kind is not None and kind not in KINDS:
        raise UsageError("connect.kind_must_be_one", choices=", ".join(KINDS))
    taxonomy = tx.ensure_taxonomy(vault)
    kinds = Kinds.load(vault.conn)
    rows = {str(r[0]): tuple(r[1:]) for r in vault.conn.execute(
        "SELECT term_id, kind, imposed_by, owner, active_from, active_to, note FROM entity")}
    out = []
    for term in taxonomy.terms.values():
        k = kinds.of(term.id)
        if k is None or (kind is not None and k != kind):
            continue
        out.append(_entity(term, k, rows.get(term.id)))
    return out


def resolve(vault: Store, text: str, kind: str | None = None, *, option: str = "") -> Entity:
    """The entity ``text`` names (id, label or alias in either language), of ``kind`` if given.

    Raises UsageError in one sentence when the name is unknown, ambiguous or of another kind.
    """
    taxonomy = tx.ensure_taxonomy(vault)
    term = taxonomy.resolve(text)
    kinds = Kinds.load(vault.conn)
    found = kinds.of(term.id)
    where = {"field": option} if option else {}  # the CLI names the flag from it
    if found is None:
        raise UsageError("connect.not_an_entity", text=shown(text), id=term.id,
                         kinds=", ".join(KINDS), **where)
    if kind is not None and found != kind:
        raise UsageError("connect.entity_wrong_kind", kind=kind, text=shown(text), found=found,
                         id=term.id, **where)
    return _entity(term, found, _row(vault.conn, term.id))


def _iso(value: str | None, option: str, *, end: bool) -> str | None:
    if value is None:
        return None
    low, high = dates.parse(value).interval()
    chosen = high if end else low
    if chosen is None:
        raise UsageError("connect.needs_a_date", field=option)
    return chosen.isoformat()


def set_entity(vault: Store, term: str, *, role: str, kind: str | None = None,
               imposed_by: str | None = None, owner: str | None = None,
               active_from: str | None = None, active_to: str | None = None,
               note: str | None = None, now: dt.datetime | None = None) -> Entity:
    """Record what the taxonomy does not say about an entity (see the module docstring).

    ``term`` may be any taxonomy term; giving ``kind`` makes it an entity of that kind.
    Values not given are kept. Audited.
    """
    if kind is not None and kind not in KINDS:
        raise UsageError("connect.kind_must_be_one", choices=", ".join(KINDS))
    taxonomy = tx.ensure_taxonomy(vault, role=role, now=now)
    chosen = taxonomy.resolve(term)
    conn = vault.conn
    current = _row(conn, chosen.id) or (None, None, None, None, None, "")
    effective_kind = kind or current[0] or branch_kind(chosen.id)
    if effective_kind is None:
        raise UsageError("connect.kind_needed", id=chosen.id, choices=", ".join(KINDS))
    imposer = current[1]
    if imposed_by is not None:
        if effective_kind != "quota":
            raise UsageError("connect.only_quota_imposed")
        imposer = resolve(vault, imposed_by, "agency", option="imposed-by").term_id
    owner_id = current[2]
    if owner is not None:
        owner_id = resolve(vault, owner, "agency", option="owner").term_id
    start = _iso(active_from, "active-from", end=False) if active_from is not None \
        else current[3]
    stop = _iso(active_to, "active-to", end=True) if active_to is not None else current[4]
    if start and stop and start > stop:
        raise UsageError("connect.period_ends_before_start")
    stamp = (now or dt.datetime.now(dt.UTC)).isoformat()
    with vault.transaction() as c:
        c.execute(
            "INSERT INTO entity(term_id, kind, imposed_by, owner, active_from, active_to, note,"
            " updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT(term_id) DO UPDATE"
            " SET kind = excluded.kind, imposed_by = excluded.imposed_by, owner = excluded.owner,"
            " active_from = excluded.active_from, active_to = excluded.active_to,"
            " note = excluded.note, updated_at = excluded.updated_at,"
            " updated_by = excluded.updated_by",
            (chosen.id, kind or current[0], imposer, owner_id, start, stop,
             current[5] if note is None else note.strip(), stamp, role))
        vault.audit("edit", "entity", chosen.id, role=role, now=now,
                    details={"kind": effective_kind, "imposed_by": imposer, "owner": owner_id,
                             "active_from": start, "active_to": stop})
    return resolve(vault, chosen.id)


def add_entity(vault: Store, kind: str, *, label_en: str, label_ko: str, role: str,
               aliases: tuple[str, ...] = (), parent: str | None = None,
               imposed_by: str | None = None, owner: str | None = None,
               active_from: str | None = None, active_to: str | None = None,
               now: dt.datetime | None = None) -> Entity:
    """A new entity: a one-term extension of the active taxonomy (a new taxonomy version, like
    any imported list) plus its ``entity`` row. Returns it."""
    if kind not in KINDS:
        raise UsageError("connect.kind_must_be_one", choices=", ".join(KINDS))
    if not label_en.strip() or not label_ko.strip():
        raise UsageError("connect.entity_needs_names")
    taxonomy = tx.ensure_taxonomy(vault, role=role, now=now)
    for name in (label_en, label_ko, *aliases):
        if taxonomy.matches(name.strip()):
            raise UsageError("connect.name_taken", name=shown(name),
                             id=taxonomy.resolve(name.strip()).id)
    terms: list[dict[str, Any]] = []
    if parent is None:
        parent, root_en, root_ko = DEFAULT_PARENT[kind]
        if parent not in taxonomy.terms:
            grand = parent.rsplit(".", 1)[0] if "." in parent else None
            if grand is not None and grand not in taxonomy.terms:
                raise UsageError("connect.no_parent_branch", branch=grand)
            terms.append({"id": parent, "parent": grand,
                          "label": {"en": root_en, "ko": root_ko}})
    else:
        parent = taxonomy.resolve(parent).id
    slug = _SLUG.sub("_", label_en.casefold()).strip("_")[:60] or "entity"
    term_id = f"{parent}.{slug}"
    n = 2
    while term_id in taxonomy.terms:
        term_id = f"{parent}.{slug}_{n}"
        n += 1
    record: dict[str, Any] = {"id": term_id, "parent": parent,
                              "label": {"en": label_en.strip(), "ko": label_ko.strip()}}
    clean = [a.strip() for a in aliases if a.strip()]
    if clean:
        record["aliases"] = clean
    terms.append(record)
    version = taxonomy.version
    n = 1
    known = {str(r[0]) for r in vault.conn.execute("SELECT version FROM taxonomy_version"
                                                   " WHERE name = ?", (taxonomy.name,))}
    while f"{version}.e{n}" in known:
        n += 1
    header = {"format": tx.FORMAT, "format_version": tx.FORMAT_VERSION, "name": taxonomy.name,
              "version": f"{version}.e{n}"}
    data = "\n".join(json.dumps(x, ensure_ascii=False) for x in (header, *terms)) + "\n"
    tx.import_taxonomy(vault, data.encode("utf-8"), mode="extend", role=role, now=now)
    explicit_kind = kind if branch_kind(term_id) != kind else None
    needs_row = explicit_kind or imposed_by or owner or active_from or active_to
    if needs_row:
        return set_entity(vault, term_id, role=role, kind=explicit_kind or kind,
                          imposed_by=imposed_by, owner=owner, active_from=active_from,
                          active_to=active_to, now=now)
    return resolve(vault, term_id)
