"""Corroboration: how many testimonies and independent witnesses support a facility, commodity,
enterprise (any entity) or link, over which years, with every supporting quote, and where the
accounts conflict.

Counting, as investigators do:

- ``testimonies``: interviews with at least one supporting account;
- ``independent_witnesses``: people, after the supervisor's same-witness decisions (two
  interviews decided ``same`` count once);
- ``independent_witnesses_at_least``: the count if every still-undecided duplicate flag among
  the supporters were the same person (the conservative figure while flags are open);
- ``direct_witnesses``: witnesses with at least one account they experienced or saw (not only
  heard about);
- interviewers and interpreters present in interviews of more than one witness are listed,
  since a shared interviewer or interpreter can shape several accounts.

Conflicts are shown, never averaged: ``date`` (one witness, in different interviews, dates the
same subject in periods that do not overlap), ``place`` (one witness, in different interviews,
puts the same act in the same period at different facilities), ``period`` (an account dated
entirely outside the period the entity is recorded to have existed). "One witness" means
interviews decided the same person, or flagged as probably the same and not yet decided.

The conflicts and the open same-witness flags are counted exactly, and listed a page at a
time (``limit``, default ``PAGE``; None lists all): in a large archive with many look-alike
witnesses they run to thousands, which nobody reads in a list. The page is the most relevant
first, in a fixed order: conflicts that rest on no open flag (a period conflict, or one witness
the supervisor decided is one person) before those that rest on a probable same witness; then
by kind (date, place, period), witness and interview codes. Flags with the most reasons first,
then by interview codes. Only the conflicts of the page are written out.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from app.coding import dates
from app.coding import taxonomy as tx
from app.connect.entities import Entity, Kinds, resolve
from app.connect.evidence import (
    Account,
    InterviewInfo,
    Quote,
    account_ids_for_terms,
    load_accounts,
    load_interviews,
    load_quotes,
)
from app.connect.links import LinkKey, find_link, implied_links, label, links_of
from app.connect.witnesses import WitnessGroups, find_duplicates
from app.errors import UsageError
from errors import Message
from storage.backend import Store

PAGE = 50  # conflicts and open same-witness flags listed unless more are asked for
CONFLICT_KINDS = ("date", "place", "period")
SUBJECT_KINDS = ("facility", "commodity", "enterprise", "agency", "place", "port",
                 "destination", "quota", "period", "link")


@dataclass(frozen=True)
class Subject:
    """What is corroborated: an entity (with every term below it), or a link."""

    kind: str  # an entity kind, or 'link'
    term_id: str | None = None
    link: LinkKey | None = None
    label: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "label": self.label}
        if self.term_id:
            out["term"] = self.term_id
        if self.link:
            out["link"] = {"id": self.link.id, "from": self.link.src,
                           "relation": self.link.relation, "to": self.link.dst}
        return out


@dataclass
class AccountView:
    """One supporting account with its witness, interview and quotes."""

    kind: str
    id: str
    interview_id: str
    interview_code: str
    witness: str  # witness key: the codes of the interviews decided to be this person
    act: str | None
    relation: str | None
    date: str | None
    date_from: str | None
    date_to: str | None
    place_term: str | None
    quotes: list[Quote]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self) | {"quotes": [q.to_dict() for q in self.quotes]}


class TermRef(str):
    """A term id (or the subject link's id) inside a conflict's message: the English sentence
    names the id; a front end may show the term's label in its language
    (``Conflict.labels``)."""

    __slots__ = ()


class DateRef(str):
    """A stored account date (app.coding.dates text) inside a conflict's message: the English
    sentence gives it as stored; a front end may word it in its language."""

    __slots__ = ()


@dataclass
class Conflict:
    """Accounts that disagree, side by side. ``kind`` is 'date', 'place' or 'period'.

    ``explanation`` is the English sentence (the dict, ``--json``, the CLI and briefs carry
    it); ``message`` is the same sentence as a code of ``errors.catalog`` (``connect_conflict.*``)
    with its parameters, whose English rendering is ``explanation``, for a front end to show in
    its language; ``labels`` holds the English and Korean label of every ``TermRef`` in it."""

    kind: str
    witness: str
    explanation: str
    accounts: list[dict[str, Any]]  # interview code, account id, date, place
    message: Message | None = None
    labels: dict[str, dict[str, str]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        # The English explanation only: exported and printed text stays as it was.
        return {"kind": self.kind, "witness": self.witness, "explanation": self.explanation,
                "accounts": [dict(a) for a in self.accounts]}

    def terms(self) -> list[str]:
        """The term (or link) ids the message names, in order."""
        found: list[str] = []

        def walk(msg: Message) -> None:
            for value in msg.params.values():
                if isinstance(value, Message):
                    walk(value)
                elif isinstance(value, TermRef) and value not in found:
                    found.append(str(value))

        if self.message is not None:
            walk(self.message)
        return found


@dataclass
class Corroboration:
    subject: Subject
    filters: dict[str, Any]
    testimonies: int
    independent_witnesses: int
    independent_witnesses_at_least: int
    direct_witnesses: int
    years: list[int]
    accounts: list[AccountView]
    shared_interviewers: list[dict[str, Any]]
    shared_interpreters: list[dict[str, Any]]
    unresolved_duplicates: list[dict[str, Any]]  # the page (``limit``)
    conflicts: list[Conflict]  # the page (``limit``)
    interviews: dict[str, InterviewInfo]
    conflict_counts: dict[str, int] = field(default_factory=dict)  # every conflict, by kind
    unresolved_duplicates_total: int = 0
    limit: int | None = None  # None: every conflict and flag is listed

    @property
    def conflicts_total(self) -> int:
        return sum(self.conflict_counts.values())

    def quotes(self) -> list[Quote]:
        seen: dict[str, Quote] = {}
        for acc in self.accounts:
            for q in acc.quotes:
                seen.setdefault(q.tag_id, q)
        return list(seen.values())

    def to_dict(self) -> dict[str, Any]:
        return {"subject": self.subject.to_dict(), "filters": self.filters,
                "testimonies": self.testimonies,
                "independent_witnesses": self.independent_witnesses,
                "independent_witnesses_at_least": self.independent_witnesses_at_least,
                "direct_witnesses": self.direct_witnesses, "years": self.years,
                "accounts": [a.to_dict() for a in self.accounts],
                "shared_interviewers": self.shared_interviewers,
                "shared_interpreters": self.shared_interpreters,
                "unresolved_duplicates": self.unresolved_duplicates,
                "unresolved_duplicates_total": self.unresolved_duplicates_total,
                "conflict_counts": self.conflict_counts,
                "conflicts_total": self.conflicts_total,
                "limit": self.limit,
                "conflicts": [c.to_dict() for c in self.conflicts]}


def subject_for(vault: Store, *, facility: str | None = None, commodity: str | None = None,
                enterprise: str | None = None, entity: str | None = None,
                link: str | None = None) -> Subject:
    """The subject exactly one of the arguments names (UsageError otherwise)."""
    given = [(k, v) for k, v in (("facility", facility), ("commodity", commodity),
                                 ("enterprise", enterprise), (None, entity), ("link", link))
             if v is not None]
    if len(given) != 1:
        raise UsageError("connect.one_subject")
    kind, value = given[0]
    assert value is not None
    taxonomy = tx.ensure_taxonomy(vault)
    if kind == "link":
        key = find_link(vault, value.strip())
        lbl = {lang: f"{label(taxonomy, key.src)[lang]} {key.relation} "
                     f"{label(taxonomy, key.dst)[lang]}" for lang in ("en", "ko")}
        return Subject("link", None, key, lbl)
    ent: Entity = resolve(vault, value, kind, option=kind or "")
    return Subject(ent.kind, ent.term_id, None, {"en": ent.label_en, "ko": ent.label_ko})


def _date_bounds(date_from: str | None, date_to: str | None) -> tuple[str | None, str | None]:
    low = dates.parse(date_from).interval()[0] if date_from else None
    high = dates.parse(date_to).interval()[1] if date_to else None
    if (date_from and low is None) or (date_to and high is None):
        raise UsageError("connect.range_needs_dates")
    if low and high and low > high:
        raise UsageError("search.date_range_ends_before")
    return (low.isoformat() if low else None, high.isoformat() if high else None)


def _in_range(acc: Account, low: str | None, high: str | None) -> bool:
    if low is None and high is None:
        return True
    if acc.kind == "link":
        return False  # a recorded link carries no date of its own
    if low is not None and (acc.date_to is None or acc.date_to < low):
        return False
    return not (high is not None and (acc.date_from is None or acc.date_from > high))


def _subject_accounts(vault: Store, subject: Subject, kinds: Kinds,
                      taxonomy: tx.Taxonomy) -> tuple[list[Account], set[str]]:
    """The accounts supporting the subject, and the subject's terms."""
    conn = vault.conn
    if subject.link is not None:
        src = taxonomy.descendants(subject.link.src) if subject.link.src in taxonomy.terms \
            else {subject.link.src}
        dst = taxonomy.descendants(subject.link.dst) if subject.link.dst in taxonomy.terms \
            else {subject.link.dst}
        events, links = account_ids_for_terms(conn, src)
        events2, links2 = account_ids_for_terms(conn, dst)
        candidates = load_accounts(conn, events & events2, links & links2)
        chosen = [a for a in candidates
                  if any(k.relation == subject.link.relation and k.src in src and k.dst in dst
                         for k in implied_links(a, kinds))]
        return chosen, src | dst
    assert subject.term_id is not None
    terms = taxonomy.descendants(subject.term_id) if subject.term_id in taxonomy.terms \
        else {subject.term_id}
    events, links = account_ids_for_terms(conn, terms)
    return load_accounts(conn, events, links), terms


def corroborate(vault: Store, subject: Subject, *, violation: str | None = None,
                date_from: str | None = None, date_to: str | None = None,
                only_interviews: Collection[str] | None = None,
                with_quotes: bool = True, limit: int | None = PAGE) -> Corroboration:
    """Corroboration of ``subject`` (see the module docstring), optionally only accounts of a
    ``violation`` (a term; its sub-terms count too) and dated within [date_from, date_to]
    (any date syntax of app.coding.dates; an account counts if its dates can fall in range,
    undated accounts then do not). ``only_interviews`` keeps only accounts of those interviews
    (briefs: those whose consent covers the purpose), and everything is counted over them.
    Without ``with_quotes`` the accounts carry no quotes (the counts, years and conflicts are
    the same; a view loads the quotes of the accounts a user opens with ``quotes_of``).
    ``limit``: how many conflicts and open same-witness flags to list (the first page, see
    the module docstring; 0 lists none, None all); their counts are always exact."""
    if limit is not None and limit < 0:
        raise UsageError("connect.limit_not_negative")
    conn = vault.conn
    taxonomy = tx.ensure_taxonomy(vault)
    kinds = Kinds.load(conn)
    low, high = _date_bounds(date_from, date_to)
    acts: set[str] | None = None
    if violation is not None:
        term = taxonomy.resolve(violation)
        if taxonomy.root_of(term.id) != "violation":
            raise UsageError("coding.term_not_under_branch",
                             field=Message("coding.field_violation"), branch="violation",
                             text=violation, id=term.id)
        acts = taxonomy.descendants(term.id)
    accounts, subject_terms = _subject_accounts(vault, subject, kinds, taxonomy)
    accounts = [a for a in accounts if _in_range(a, low, high)
                and (only_interviews is None or a.interview_id in only_interviews)
                and (acts is None or (a.act is not None and a.act in acts)
                     or bool(acts & set(a.tag_terms)))]
    accounts.sort(key=lambda a: (a.date_from is None, a.date_from or "", a.interview_id, a.id))
    interviews = load_interviews(conn, {a.interview_id for a in accounts})
    groups = WitnessGroups.load(conn)
    supporters = sorted(interviews)
    open_flags = [f for f in find_duplicates(conn, supporters, describe=False)
                  if f.decision is None
                  and groups.of(f.a) != groups.of(f.b)]
    flags = [f for f in open_flags if f.a in interviews and f.b in interviews]
    loose = groups.merged((f.a, f.b) for f in open_flags)
    # Every interview that may be the same person as a supporter (decided, or flagged).
    mine = {loose.of(i) for i in supporters}
    relatives = {i for i in (*groups.parent, *(x for f in open_flags for x in (f.a, f.b)))
                 if loose.of(i) in mine}
    members: dict[str, list[str]] = defaultdict(list)
    for iid in supporters:
        members[groups.of(iid)].append(interviews[iid].code)

    def witness(iid: str) -> str:
        return "+".join(sorted(members[groups.of(iid)]))

    quotes = load_quotes(conn, {t for a in accounts for t in a.tag_ids}) if with_quotes else {}
    views = [AccountView(a.kind, a.id, a.interview_id, interviews[a.interview_id].code,
                         witness(a.interview_id), a.act, a.relation, a.date_text, a.date_from,
                         a.date_to, a.place_term,
                         sorted((quotes[t] for t in dict.fromkeys(a.tag_ids) if t in quotes),
                                key=_reading_order))
                for a in accounts]
    years = sorted({y for a in accounts for y in a.years()})
    direct = {groups.of(a.interview_id) for a in accounts if a.relation in ("experienced", "saw")}

    def shared(attr: str) -> list[dict[str, Any]]:
        people: dict[str, set[str]] = defaultdict(set)
        codes: dict[str, set[str]] = defaultdict(set)
        for info in interviews.values():
            name = getattr(info, attr)
            if name:
                people[name].add(groups.of(info.id))
                codes[name].add(info.code)
        return [{"name": n, "witnesses": len(people[n]), "interviews": sorted(codes[n])}
                for n in sorted(people) if len(people[n]) > 1]

    conflicts, counts = _conflicts(vault, accounts, subject, subject_terms, kinds, groups,
                                   loose, interviews, witness, relatives, limit)
    _label_conflicts(conflicts, taxonomy, subject)
    flags.sort(key=lambda f: (-len(f.reasons), f.code_a, f.code_b))
    return Corroboration(
        subject,
        {"violation": violation, "from": date_from, "to": date_to},
        len(interviews), groups.count(interviews), loose.count(interviews), len(direct), years,
        views, shared("interviewer"), shared("interpreter"),
        [{"a": f.code_a, "b": f.code_b, "reasons": f.reasons} for f in flags[:limit]],
        conflicts, interviews, counts, len(flags), limit)


def _reading_order(q: Quote) -> tuple[float, str, int, str]:
    """Quotes in the order they were spoken: time in the recording, layer, position."""
    return (q.start_s if q.start_s is not None else float("inf"), q.layer or "",
            q.char_start or 0, q.tag_id)


def quotes_of(vault: Store, accounts: Sequence[AccountView]) -> dict[str, list[Quote]]:
    """The quotes of accounts from a ``corroborate(..., with_quotes=False)``, by account id."""
    conn = vault.conn
    pairs = [(str(r[0]), str(r[1])) for r in conn.execute(
        "SELECT tag_id, event_id FROM event_tag WHERE event_id IN (SELECT value FROM"
        " json_each(?1)) UNION ALL SELECT tag_id, link_id FROM link_tag WHERE link_id IN"
        " (SELECT value FROM json_each(?1))",
        (json.dumps(sorted(a.id for a in accounts)),))]
    quotes = load_quotes(conn, {t for t, _ in pairs})
    out: dict[str, list[Quote]] = {a.id: [] for a in accounts}
    for tag_id, account in sorted(pairs):
        if tag_id in quotes:
            out[account].append(quotes[tag_id])
    return {k: sorted(v, key=_reading_order) for k, v in out.items()}


def _focus(acc: Account, subject: Subject, subject_terms: set[str]) -> set[str]:
    """What an account says about the subject that another account could contradict: the
    subject's terms it names (for a link: the link)."""
    if subject.link is not None:
        return {subject.link.id}
    return acc.terms() & subject_terms


def _place(acc: Account, kinds: Kinds) -> set[str]:
    return {t for t in {acc.place_term, *acc.tag_terms} if t and kinds.of(t) == "facility"}


def _brief_account(acc: Account, codes: dict[str, str]) -> dict[str, Any]:
    return {"interview_code": codes.get(acc.interview_id, acc.interview_id),
            "account": acc.id, "date": acc.date_text,
            "date_from": acc.date_from, "date_to": acc.date_to, "place": acc.place_term,
            "act": acc.act}


def _conflicts(vault: Store, accounts: Sequence[Account], subject: Subject,
               subject_terms: set[str], kinds: Kinds, groups: WitnessGroups,
               loose: WitnessGroups, interviews: dict[str, InterviewInfo], witness: Any,
               relatives: set[str], limit: int | None
               ) -> tuple[list[Conflict], dict[str, int]]:
    """Conflicts (see the module docstring), one per kind and pair of interviews: the first
    ``limit`` (None: all) in the order of relevance, and how many there are of each kind.
    Each is found as the accounts that disagree; only those listed are written out."""
    # (kind, first interview, second interview) -> the account pairs that disagree, in the
    # order found (the first gives the explanation).
    found: dict[tuple[str, str, str], list[tuple[Account, Account]]] = {}
    # The codes of the supporters and of every interview that may be the same person, read
    # in one query (not one per conflict: conflicts grow with the flagged pairs).
    codes = {iid: info.code for iid, info in interviews.items()}
    missing = sorted(relatives - codes.keys())
    if missing:
        codes.update((str(i), str(c)) for i, c in vault.conn.execute(
            "SELECT id, code FROM interview WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(missing),)))

    def _code(interview_id: str) -> str:
        return codes.get(interview_id, interview_id)

    def add(kind: str, a: Account, b: Account) -> None:
        first, second = sorted((a, b), key=lambda x: (x.interview_id, x.id))
        found.setdefault((kind, first.interview_id, second.interview_id), []).append((a, b))

    focus: dict[str, set[str]] = {}  # account id -> what it says about the subject

    def focus_of(acc: Account) -> set[str]:
        if acc.id not in focus:
            focus[acc.id] = _focus(acc, subject, subject_terms)
        return focus[acc.id]

    by_witness: dict[str, list[Account]] = defaultdict(list)
    for acc in accounts:
        by_witness[loose.of(acc.interview_id)].append(acc)
    for accs in by_witness.values():
        for i, a in enumerate(accs):
            for b in accs[i + 1:]:
                if a.interview_id == b.interview_id:
                    continue
                if a.overlaps(b) is False and focus_of(a) & focus_of(b):
                    add("date", a, b)
    # place: the same act in the same period at different facilities, by one witness
    places: dict[str, set[str]] = {}  # account id -> its facilities, computed once

    def place(acc: Account) -> set[str]:
        if acc.id not in places:
            places[acc.id] = _place(acc, kinds)
        return places[acc.id]

    if relatives:
        supporting = {a.id for a in accounts}
        # Events only (a place conflict is between events): the links are not read.
        others = [a for a in load_accounts(vault.conn, None, (), interviews=relatives)
                  if a.id not in supporting]
        by_w: dict[str, list[Account]] = defaultdict(list)
        for acc in others:
            by_w[loose.of(acc.interview_id)].append(acc)
        for a in accounts:
            for b in by_w.get(loose.of(a.interview_id), []):
                if b.interview_id == a.interview_id or not a.act or b.act != a.act:
                    continue
                pa, pb = place(a), place(b)
                if pa and pb and not pa & pb and a.overlaps(b):
                    add("place", a, b)
    # period: dated outside the period the entity existed under this name
    periods = {str(r[0]): (r[1], r[2]) for r in vault.conn.execute(
        "SELECT term_id, active_from, active_to FROM entity WHERE active_from IS NOT NULL"
        " OR active_to IS NOT NULL")}
    ends = {subject.link.src, subject.link.dst} if subject.link else set()
    outside: list[tuple[Account, str]] = []
    for acc in accounts:
        if not acc.date_from or not acc.date_to:
            continue
        for term in sorted((focus_of(acc) | ends) & set(periods)):
            start, stop = periods[term]
            if (stop and acc.date_from > stop) or (start and acc.date_to < start):
                outside.append((acc, term))
    counts = dict.fromkeys(CONFLICT_KINDS, 0)
    for kind, _, _ in found:
        counts[kind] += 1
    counts["period"] = len(outside)

    # The order of relevance, from what is known without writing a conflict out.
    rank = {kind: n for n, kind in enumerate(CONFLICT_KINDS)}
    Item = tuple[tuple[Any, ...], Any]
    items: list[Item] = []
    for key, pairs in found.items():
        kind, ia, ib = key
        decided = groups.of(ia) == groups.of(ib)
        items.append(((0 if decided else 1, rank[kind], witness(pairs[0][0].interview_id),
                       _code(ia), _code(ib), ia, ib), key))
    for n, (acc, term) in enumerate(outside):
        items.append(((0, rank["period"], witness(acc.interview_id),
                       _code(acc.interview_id), term, acc.id, n), n))
    items.sort(key=lambda item: item[0])

    out: list[Conflict] = []
    for _, ref in items[:limit]:
        if isinstance(ref, int):
            acc, term = outside[ref]
            start, stop = periods[term]
            message = Message("connect_conflict.period", {
                "code": interviews[acc.interview_id].code, "term": TermRef(term),
                "date": _date_ref(acc.date_text), "start": start or "…", "stop": stop or "…"})
            out.append(Conflict("period", witness(acc.interview_id), message.render(),
                                [_brief_account(acc, codes)], message))
            continue
        kind = ref[0]
        a, b = found[ref][0]
        if kind == "date":
            message = Message("connect_conflict.date", {
                "terms": _term_list(focus_of(a) & focus_of(b)),
                "code_a": _code(a.interview_id), "date_a": _date_ref(a.date_text),
                "code_b": _code(b.interview_id), "date_b": _date_ref(b.date_text)})
        else:
            message = Message("connect_conflict.place", {
                "act": TermRef(a.act) if a.act else a.act,
                "places_a": _term_list(place(a)), "code_a": _code(a.interview_id),
                "places_b": _term_list(place(b)), "code_b": _code(b.interview_id)})
        explanation = message.render()
        listed: list[dict[str, Any]] = []
        known: set[str] = set()
        for x, y in found[ref]:
            for acc in sorted((x, y), key=lambda z: (z.interview_id, z.id)):
                if acc.id not in known:
                    known.add(acc.id)
                    listed.append(_brief_account(acc, codes))
        out.append(Conflict(kind, witness(a.interview_id), explanation, listed, message))
    return out, counts


def _term_list(term_ids: Collection[str]) -> str | Message:
    """Term ids, sorted, as 'a, b, c': nested messages, so a front end words the list and
    each term."""
    items = sorted(term_ids)
    if not items:
        return ""
    if len(items) == 1:
        return TermRef(items[0])
    return Message("connect_conflict.list", {"first": TermRef(items[0]),
                                             "rest": _term_list(items[1:])})


def _date_ref(text: str | None) -> str | None:
    return DateRef(text) if text else text


def _label_conflicts(conflicts: Sequence[Conflict], taxonomy: tx.Taxonomy,
                     subject: Subject) -> None:
    """Give each conflict the labels of the terms its message names (a link subject's id:
    the subject's label)."""
    for c in conflicts:
        c.labels = {t: dict(subject.label) if subject.link is not None
                    and t == subject.link.id and subject.label else label(taxonomy, t)
                    for t in c.terms()}


# ---------------------------------------------------------------------------------------------
# Views over the whole archive (the window's matrix, timeline and link views use these)


@dataclass
class Cell:
    """One matrix cell: the link, and its testimonies and independent witnesses."""

    link: LinkKey
    testimonies: int
    independent_witnesses: int

    def to_dict(self) -> dict[str, Any]:
        return {"link": self.link.id, "from": self.link.src, "relation": self.link.relation,
                "to": self.link.dst, "testimonies": self.testimonies,
                "independent_witnesses": self.independent_witnesses}


@dataclass
class Matrix:
    """Rows x columns of entity terms; ``cells[(row, col)]`` where any link joins them."""

    row_kind: str
    col_kind: str
    rows: list[str]
    cols: list[str]
    labels: dict[str, dict[str, str]]
    cells: dict[tuple[str, str], Cell]

    def to_dict(self) -> dict[str, Any]:
        return {"row_kind": self.row_kind, "col_kind": self.col_kind, "rows": self.rows,
                "cols": self.cols, "labels": self.labels,
                "cells": [c.to_dict() for c in self.cells.values()]}


def matrix(vault: Store, row_kind: str = "facility", col_kind: str = "commodity") -> Matrix:
    """Every link from an entity of ``row_kind`` to one of ``col_kind`` (default: facility x
    commodity, the "produced" links), with witness counts that match ``corroborate`` on the
    same link. Where two relations join the same pair, the better supported one is shown.

    One pass over the archive's accounts with the rules of app.connect.links. (The same
    rules as one SQL query per relation cost more CPU under SQLCipher's memory security:
    measured 165 ms against 100 ms on the 2,000-interview bench archive.)"""
    conn = vault.conn
    taxonomy = tx.ensure_taxonomy(vault)
    kinds = Kinds.load(conn)
    groups = WitnessGroups.load(conn)
    cells: dict[tuple[str, str], Cell] = {}
    for key, accs in links_of(load_accounts(conn), kinds).items():
        if kinds.of(key.src) != row_kind or kinds.of(key.dst) != col_kind:
            continue
        ids = {a.interview_id for a in accs}
        cell = (key.src, key.dst)
        if cell in cells and cells[cell].testimonies >= len(ids):
            continue
        cells[cell] = Cell(key, len(ids), groups.count(ids))
    rows = sorted({r for r, _ in cells}, key=lambda t: _order(taxonomy, t))
    cols = sorted({c for _, c in cells}, key=lambda t: _order(taxonomy, t))
    return Matrix(row_kind, col_kind, rows, cols,
                  {t: label(taxonomy, t) for t in (*rows, *cols)}, cells)


def _order(taxonomy: tx.Taxonomy, term: str) -> tuple[int, str]:
    ids = list(taxonomy.terms)
    return (ids.index(term) if term in taxonomy.terms else len(ids), term)


def timeline(vault: Store, subject: Subject) -> list[tuple[int, list[AccountView]]]:
    """The subject's dated accounts by year (an account spanning years appears in each);
    undated accounts are left out (``corroborate`` lists them)."""
    result = corroborate(vault, subject, limit=0)
    by_year: dict[int, list[AccountView]] = defaultdict(list)
    for view in result.accounts:
        if view.date_from and view.date_to:
            low, high = int(view.date_from[:4]), int(view.date_to[:4])
            for year in range(low, high + 1) if high - low <= 50 else ():
                by_year[year].append(view)
    return sorted(by_year.items())


def chain(vault: Store, commodity: str) -> list[Cell]:
    """The link view: every link touching a commodity (facilities and enterprises that
    produced or handled it, ports and destinations it went through), with witness counts."""
    from app.connect.links import list_links

    ent = resolve(vault, commodity, "commodity", option="commodity")
    groups = WitnessGroups.load(vault.conn)
    out = []
    for summary in list_links(vault, ent.term_id):
        key = LinkKey(summary.src, summary.relation, summary.dst)
        accounts, _ = _subject_accounts(vault, Subject("link", None, key), Kinds.load(
            vault.conn), tx.ensure_taxonomy(vault))
        ids: Collection[str] = {a.interview_id for a in accounts}
        out.append(Cell(key, len(ids), groups.count(ids)))
    return out
