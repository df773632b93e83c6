"""Links between entities: "forced labour at facility X produced commodity Y", "Y was shipped
through port Z", "unit U imposed quota Q".

A link is the triple (from term, relation, to term); its id is derived from the triple
(``link_id``), so the same link found in many interviews is one link with many supporting
accounts. A link is supported by:

- **implied** accounts: coded events that connect two entities (``implied_links``), with no
  manual step. The rules, by the kinds of the terms an event names (its place, perpetrator and
  supporting tags):

  ==========================  =================  ==========================================
  from kind                   relation           to kind, and the condition
  ==========================  =================  ==========================================
  facility                    produced           commodity; the event is forced labour (its
                                                 act is enslavement, or a tag is under
                                                 ``forced_labour``)
  enterprise                  handled            commodity
  commodity                   shipped-through    port or destination
  agency                      imposed            quota
  agency (perpetrator)        commanded          facility; involvement is ``command``
  ==========================  =================  ==========================================

- **recorded** accounts: a coder's ``add_link`` from one interview, with the tags of that
  interview that support it.

Every account points at its tags, i.e. at words and audio moments (app.connect.evidence).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from app.coding import taxonomy as tx
from app.coding.shown import shown
from app.connect.entities import Entity, Kinds, resolve
from app.connect.evidence import Account
from app.errors import NotFound, UsageError
from app.interviews import resolve_id
from storage.backend import Store

RELATIONS = ("produced", "handled", "shipped-through", "imposed", "commanded")
# relation -> (kinds allowed at the "from" end, kinds allowed at the "to" end)
RELATION_KINDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "produced": (("facility", "enterprise", "agency"), ("commodity",)),
    "handled": (("enterprise", "agency"), ("commodity",)),
    "shipped-through": (("commodity",), ("port", "destination", "place")),
    "imposed": (("agency", "enterprise", "facility"), ("quota",)),
    "commanded": (("agency",), ("facility", "enterprise", "agency")),
}
FORCED_LABOUR_ACTS = ("violation.cah.enslavement",)
FORCED_LABOUR_BRANCH = "forced_labour"


def link_id(src: str, relation: str, dst: str) -> str:
    """The id of the link (src, relation, dst): the same for every account that supports it."""
    digest = hashlib.sha256(f"{src}\n{relation}\n{dst}".encode()).hexdigest()
    return f"L{digest[:12]}"


@dataclass(frozen=True)
class LinkKey:
    src: str
    relation: str
    dst: str

    @property
    def id(self) -> str:
        return link_id(self.src, self.relation, self.dst)


def _forced_labour(acc: Account) -> bool:
    if acc.act and any(acc.act == a or acc.act.startswith(a + ".") for a in FORCED_LABOUR_ACTS):
        return True
    return any(t == FORCED_LABOUR_BRANCH or t.startswith(FORCED_LABOUR_BRANCH + ".")
               for t in acc.tag_terms)


def implied_links(acc: Account, kinds: Kinds) -> set[LinkKey]:
    """The links an account supports: a recorded link's own triple, or the implied ones of an
    event (see the module docstring)."""
    if acc.link is not None:
        return {LinkKey(*acc.link)}
    by_kind: dict[str, set[str]] = {}
    for term in {acc.place_term, *acc.tag_terms}:
        kind = kinds.of(term)
        if kind is not None and term is not None:
            by_kind.setdefault(kind, set()).add(term)
    perp_kind = kinds.of(acc.perpetrator)
    if acc.perpetrator and perp_kind is not None:
        by_kind.setdefault(perp_kind, set()).add(acc.perpetrator)
    out: set[LinkKey] = set()
    commodities = by_kind.get("commodity", set())
    if _forced_labour(acc):
        out |= {LinkKey(f, "produced", c) for f in by_kind.get("facility", set())
                for c in commodities}
    out |= {LinkKey(e, "handled", c) for e in by_kind.get("enterprise", set())
            for c in commodities}
    out |= {LinkKey(c, "shipped-through", p) for c in commodities
            for p in by_kind.get("port", set()) | by_kind.get("destination", set())}
    out |= {LinkKey(a, "imposed", q) for a in by_kind.get("agency", set())
            for q in by_kind.get("quota", set())}
    if acc.perpetrator and perp_kind == "agency" and acc.involvement == "command":
        out |= {LinkKey(acc.perpetrator, "commanded", f) for f in by_kind.get("facility", set())}
    return out


def check_relation(src: Entity, relation: str, dst: Entity) -> None:
    """Refuse (one sentence) a relation between entities of kinds it does not connect."""
    if relation not in RELATIONS:
        raise UsageError("connect.relation_must_be_one", choices=", ".join(RELATIONS))
    froms, tos = RELATION_KINDS[relation]
    if src.kind not in froms or dst.kind not in tos:
        raise UsageError("connect.relation_wrong_kinds", relation=relation,
                         froms=" or ".join(froms), tos=" or ".join(tos), src=src.term_id,
                         src_kind=src.kind, dst=dst.term_id, dst_kind=dst.kind)


def add_link(vault: Store, interview: str, *, src: str, relation: str, dst: str,
             tags: Sequence[str] = (), note: str = "", role: str,
             now: dt.datetime | None = None) -> str:
    """Record that ``interview`` (id or code) supports the link (src, relation, dst), with the
    interview's ``tags`` that say so. Returns the link id (the triple's, see ``link_id``).

    A link needs at least one supporting tag: a connection the words do not support is not
    evidence.
    """
    interview_id = resolve_id(vault, interview)
    if relation not in RELATIONS:
        raise UsageError("connect.relation_must_be_one", choices=", ".join(RELATIONS))
    a = resolve(vault, src, option="from")
    b = resolve(vault, dst, option="to")
    check_relation(a, relation, b)
    tag_ids = list(dict.fromkeys(tags))
    if not tag_ids:
        raise UsageError("connect.link_needs_tags")
    conn = vault.conn
    for tag_id in tag_ids:
        row = conn.execute("SELECT interview_id FROM tag WHERE id = ?", (tag_id,)).fetchone()
        if row is None or row[0] != interview_id:
            raise UsageError("connect.tag_not_of_interview", tag=shown(tag_id))
    row_id = str(uuid.uuid4())
    stamp = (now or dt.datetime.now(dt.UTC)).isoformat()
    key = LinkKey(a.term_id, relation, b.term_id)
    with vault.transaction() as c:
        c.execute("INSERT INTO link(id, interview_id, from_term, to_term, relation, note,"
                  " created_at, created_by) VALUES (?,?,?,?,?,?,?,?)",
                  (row_id, interview_id, a.term_id, b.term_id, relation, note.strip(), stamp,
                   role))
        c.executemany("INSERT INTO link_tag(id, link_id, tag_id) VALUES (?,?,?)",
                      [(str(uuid.uuid4()), row_id, t) for t in tag_ids])
        vault.audit("create", "link", row_id, role=role, now=now,
                    details={"interview_id": interview_id, "link": key.id, "from": a.term_id,
                             "relation": relation, "to": b.term_id, "tags": len(tag_ids)})
    return key.id


@dataclass
class LinkSummary:
    """A link with how it is supported: accounts, testimonies (interviews) and how many of
    those accounts were implied by events or recorded by hand."""

    id: str
    src: str
    relation: str
    dst: str
    src_label: dict[str, str]
    dst_label: dict[str, str]
    accounts: int
    testimonies: int
    implied: int
    recorded: int

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "from": self.src, "relation": self.relation, "to": self.dst,
                "from_label": self.src_label, "to_label": self.dst_label,
                "accounts": self.accounts, "testimonies": self.testimonies,
                "implied": self.implied, "recorded": self.recorded}


def label(taxonomy: tx.Taxonomy, term_id: str) -> dict[str, str]:
    term = taxonomy.terms.get(term_id)
    return {"en": term.label_en, "ko": term.label_ko} if term else {"en": term_id, "ko": term_id}


def links_of(accounts: Sequence[Account], kinds: Kinds) -> dict[LinkKey, list[Account]]:
    """Every link the accounts support, with the accounts supporting each."""
    out: dict[LinkKey, list[Account]] = {}
    for acc in accounts:
        for key in implied_links(acc, kinds):
            out.setdefault(key, []).append(acc)
    return out


def list_links(vault: Store, term: str | None = None) -> list[LinkSummary]:
    """Every link in the vault (implied and recorded), or those with ``term`` (or a term below
    it) at either end; most supported first."""
    from app.connect.evidence import account_ids_for_terms, load_accounts

    conn = vault.conn
    taxonomy = tx.ensure_taxonomy(vault)
    kinds = Kinds.load(conn)
    subtree: set[str] | None = None
    if term is not None:
        subtree = taxonomy.descendants(taxonomy.resolve(term).id)
        events, recorded = account_ids_for_terms(conn, subtree)
        accounts = load_accounts(conn, events, recorded)
    else:
        accounts = load_accounts(conn)
    out = []
    for key, accs in links_of(accounts, kinds).items():
        if subtree is not None and key.src not in subtree and key.dst not in subtree:
            continue
        n_rec = sum(1 for a in accs if a.kind == "link")
        out.append(LinkSummary(key.id, key.src, key.relation, key.dst,
                               label(taxonomy, key.src), label(taxonomy, key.dst), len(accs),
                               len({a.interview_id for a in accs}), len(accs) - n_rec, n_rec))
    out.sort(key=lambda s: (-s.testimonies, -s.accounts, s.src, s.relation, s.dst))
    return out


def find_link(vault: Store, link: str) -> LinkKey:
    """The link with id ``link`` (as printed by ``link list``), or NotFound."""
    conn = vault.conn
    row = conn.execute("SELECT from_term, relation, to_term FROM link").fetchall()
    for src, rel, dst in row:
        if link_id(src, rel, dst) == link:
            return LinkKey(src, rel, dst)
    for summary in list_links(vault):
        if summary.id == link:
            return LinkKey(summary.src, summary.relation, summary.dst)
    raise NotFound("connect.no_such_link", link=shown(link))
