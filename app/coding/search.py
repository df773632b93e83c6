"""Full-text search and reports over the encrypted vault.

The index is an FTS5 table with the ``trigram`` tokenizer inside the SQLCipher database
(``fts_text``, mapped to its rows by ``fts_ref``; both kept in sync by triggers, see migration
30), so nothing leaves encryption. Trigrams give substring matching, which Korean needs: 요덕 must
find 요덕수용소에서. FTS5 cannot match fewer than three characters, so shorter queries fall back to
``LIKE`` over the same table. A query naming a taxonomy term (id, label or alias) is expanded
to every name of the term: Yodok finds 요덕 and Camp 15.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from app.coding import dates
from app.coding import taxonomy as tx
from app.coding.shown import shown
from app.domain import CONSENT_SCOPES
from app.errors import UsageError
from errors import Message
from storage.backend import Store
from storage.db import Connection

REVIEW_STATUSES = ("draft", "reviewed", "disputed")
LAYERS = ("original", "translation")
_CONTEXT = 40  # characters of context each side of a match
_KIND_ORDER = {"segment": 0, "marker": 1, "note": 2}
_MAX_SHORT_TRIGRAMS = 400
_PAD = "  "  # appended to every indexed text (migration 30)


@dataclass
class Hit:
    """One matching piece of text: a segment, an interview's notes, or a marker note."""

    interview_id: str
    interview_code: str
    kind: str  # 'segment', 'note' or 'marker'
    ref_id: str
    segment_idx: int | None
    layer: str | None
    start_s: float | None  # time in the audio (segment start or marker moment)
    end_s: float | None
    review_status: str | None
    snippet: str
    match_start: int  # within snippet
    match_end: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class SearchResult:
    query: str
    variants: list[str]
    expanded_from: list[str] = field(default_factory=list)  # term ids used for expansion
    hits: list[Hit] = field(default_factory=list)
    truncated: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"query": self.query, "variants": self.variants,
                "expanded_from": self.expanded_from, "truncated": self.truncated,
                "hits": [h.to_dict() for h in self.hits]}


def _fts_phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


_ESC = "\\"


def _like_pattern(text: str) -> str:
    esc = _ESC
    return "%" + text.replace(esc, esc + esc).replace("%", esc + "%").replace("_", esc + "_") + "%"


def expand(taxonomy: tx.Taxonomy, query: str) -> tuple[list[str], list[str]]:
    """The strings to look for (the query first) and the ids of the terms it named."""
    variants = [query]
    terms = taxonomy.matches(query)
    for term in terms:
        for name in term.names():
            if name.casefold() not in {v.casefold() for v in variants}:
                variants.append(name)
    return variants, [t.id for t in terms]


def _short_trigrams(conn: Connection, text: str) -> list[str] | None:
    """The index's trigrams that start with ``text`` (one or two characters), or None if
    there are too many to OR together (then a LIKE scan is cheaper)."""
    low = text.casefold()
    rows = conn.execute("SELECT term FROM fts_vocab WHERE term >= ? AND term < ? LIMIT ?",
                        (low, low + "\U0010ffff", _MAX_SHORT_TRIGRAMS + 1)).fetchall()
    if len(rows) > _MAX_SHORT_TRIGRAMS:
        return None
    return [str(r[0]) for r in rows]


def _minimal(variants: Sequence[str]) -> list[str]:
    """Drop variants that contain another variant: 'Yodok' already finds every text that
    contains 'Kwanliso No. 15 Yodok', and fewer phrases keep the index query fast."""
    folded = [v.casefold() for v in variants]
    return [v for v, f in zip(variants, folded, strict=True)
            if not any(o != f and o in f for o in folded)]


def _match_plan(conn: Connection, variants: Sequence[str]) -> tuple[str | None, list[str]]:
    """An FTS5 MATCH expression covering every variant, plus the variants that need a LIKE scan.

    Variants of three or more characters are phrases. Shorter ones become an OR of the indexed
    trigrams that start with them: every indexed text ends with two pad spaces, so each
    character of the real text starts a trigram, and this finds them anywhere.
    """
    phrases: list[str] = []
    like: list[str] = []
    for v in _minimal(variants):
        if len(v) >= 3:
            phrases.append(v)
            continue
        grams = _short_trigrams(conn, v)
        if grams is None:
            like.append(v)
        else:
            phrases.extend(grams)
    expr = " OR ".join(_fts_phrase(p) for p in dict.fromkeys(phrases)) or None
    return expr, like


def _snippet(text: str, variants: Sequence[str]) -> tuple[str, int, int]:
    text = text.removesuffix(_PAD)
    folded = text.casefold()
    best: tuple[int, int] | None = None
    for v in variants:
        i = folded.find(v.casefold())
        if i >= 0 and (best is None or i < best[0]):
            best = (i, i + len(v))
    if best is None:  # should not happen; show the start
        return text[: 2 * _CONTEXT], 0, 0
    lo = max(0, best[0] - _CONTEXT)
    hi = min(len(text), best[1] + _CONTEXT)
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(text) else ""
    return (prefix + text[lo:hi] + suffix, best[0] - lo + len(prefix),
            best[1] - lo + len(prefix))


def _subtree_terms(taxonomy: tx.Taxonomy, text: str, branch: str | None, field: str) -> set[str]:
    term = taxonomy.resolve(text)
    if branch is not None and taxonomy.root_of(term.id) != branch:
        raise UsageError("coding.term_not_under_branch", field=Message(f"coding.field_{field}"),
                         branch=branch, text=shown(text), id=term.id)
    return taxonomy.descendants(term.id)


def _in_list(values: Iterable[str]) -> tuple[str, list[str]]:
    items = sorted(values)
    return ",".join("?" * len(items)) or "NULL", items


def _interviews_with_terms(conn: Connection, terms: set[str]) -> set[str]:
    marks, items = _in_list(terms)
    sql = (f"SELECT interview_id FROM tag WHERE term_id IN ({marks})"  # noqa: S608 - placeholders
           f" UNION SELECT interview_id FROM event WHERE act IN ({marks})"
           f" OR perpetrator IN ({marks}) OR place_term IN ({marks})")
    return {r[0] for r in conn.execute(sql, items * 4)}


def _interviews_in_dates(conn: Connection, low: dt.date | None, high: dt.date | None) -> set[str]:
    # An event matches if its possible interval overlaps [low, high]; unknown dates never do.
    sql = ("SELECT DISTINCT interview_id FROM event WHERE (date_from IS NOT NULL OR"
           " date_to IS NOT NULL) AND (CAST(? AS TEXT) IS NULL OR date_to IS NULL OR date_to >= ?)"
           " AND (CAST(? AS TEXT) IS NULL OR date_from IS NULL OR date_from <= ?)")
    lo = low.isoformat() if low else None
    hi = high.isoformat() if high else None
    return {r[0] for r in conn.execute(sql, (lo, lo, hi, hi))}


def _tag_matches(conn: Connection, hit: Hit, terms: set[str],
                 cache: dict[str, list[tuple[str, str | None, float | None, float | None]]]) -> bool:
    """Does a tag with one of ``terms`` cover this hit? A text tag on the segment, an audio tag
    overlapping its time, or an interview-level tag; for notes and markers, any tag of the
    interview."""
    if hit.interview_id not in cache:
        cache[hit.interview_id] = [
            (r[0], r[1], r[2], r[3]) for r in conn.execute(
                "SELECT term_id, segment_id, audio_start_s, audio_end_s FROM tag"
                " WHERE interview_id = ?", (hit.interview_id,))]
    for term_id, segment_id, a0, a1 in cache[hit.interview_id]:
        if term_id not in terms:
            continue
        if hit.kind != "segment" or (segment_id is None and a0 is None):
            return True
        if segment_id is not None:
            if segment_id == hit.ref_id:
                return True
            continue
        if a0 is not None and hit.start_s is not None and hit.end_s is not None:
            if a0 <= hit.end_s and (a1 if a1 is not None else a0) >= hit.start_s:
                return True
    return False


def search(vault: Store, query: str, *, tags: Sequence[str] = (), facility: str | None = None,
           agency: str | None = None, violation: str | None = None,
           date_from: str | None = None, date_to: str | None = None,
           consent: str | None = None, review_status: str | None = None,
           layer: str | None = None, expand_aliases: bool = True,
           limit: int = 100, interviews: Collection[str] | None = None) -> SearchResult:
    """Search segment text (both layers), interview notes and marker notes.

    Filters: ``tags`` (each term, or a term below it, must tag the hit), ``facility`` /
    ``agency`` / ``violation`` (the interview has a tag or event with that term or one below
    it), ``date_from``/``date_to`` (the interview has an event whose date may fall in the
    range; any date syntax of app.coding.dates), ``consent`` (the interview's consent covers
    that scope and was not withdrawn), ``review_status`` and ``layer`` (segments only),
    ``interviews`` (only these interview ids: the entity filters of app.connect.filters).

    The steps, each usable alone: ``clean_query`` and ``check_choices`` (the input),
    ``expand`` (aliases), ``interview_filters`` (taxonomy and date filters), ``_match_plan``
    (the index expression), ``hit_sql`` (the query), ``collect_hits`` and ``sort_hits``.
    """
    query = clean_query(query)
    check_choices(review_status=review_status, layer=layer, consent=consent, limit=limit)
    conn = vault.conn
    taxonomy = tx.ensure_taxonomy(vault)
    variants, term_ids = expand(taxonomy, query) if expand_aliases else ([query], [])
    filters = interview_filters(conn, taxonomy, tags=tags, facility=facility, agency=agency,
                                violation=violation, date_from=date_from, date_to=date_to)
    if interviews is not None:
        only = set(interviews)
        filters.allowed = only if filters.allowed is None else filters.allowed & only
    expr, like = _match_plan(conn, variants)
    result = SearchResult(query, variants, term_ids)
    if expr is None and not like:
        return result  # nothing in the index starts with the query
    sql, args = hit_sql(expr, like, review_status=review_status, layer=layer, consent=consent)
    result.hits, result.truncated = collect_hits(conn, conn.execute(sql, args), variants,
                                                 filters, limit)
    result.hits = sort_hits(result.hits)
    return result


def clean_query(query: str) -> str:
    """The query with control characters (a NUL would cut the FTS5 query string short) and
    runs of white space made single spaces; UsageError if nothing is left."""
    query = " ".join("".join(ch if ch.isprintable() else " " for ch in query).split())
    if not query:
        raise UsageError("search.give_something_search_example")
    return query


def check_choices(*, review_status: str | None, layer: str | None, consent: str | None,
                  limit: int) -> None:
    """UsageError for a value outside its fixed choices, or a limit below 1."""
    if review_status is not None and review_status not in REVIEW_STATUSES:
        raise UsageError("search.review_status_must_one", choices=", ".join(REVIEW_STATUSES))
    if layer is not None and layer not in LAYERS:
        raise UsageError("search.layer_must_one", choices=", ".join(LAYERS))
    if consent is not None and consent not in CONSENT_SCOPES:
        raise UsageError("search.consent_scope_must_one", choices=", ".join(CONSENT_SCOPES))
    if limit < 1:
        raise UsageError("search.limit_must_least")


@dataclass
class Filters:
    """What a hit must also satisfy: for each ``tags`` entry, one of its terms tags the hit;
    its interview is in ``allowed`` (None: any interview)."""

    tag_sets: list[set[str]] = field(default_factory=list)
    allowed: set[str] | None = None


def interview_filters(conn: Connection, taxonomy: tx.Taxonomy, *, tags: Sequence[str] = (),
                      facility: str | None = None, agency: str | None = None,
                      violation: str | None = None, date_from: str | None = None,
                      date_to: str | None = None) -> Filters:
    """Resolve the tag, facility, agency, violation and date filters against the taxonomy and
    the vault: every term names its subtree; the interview filters intersect."""
    filters = Filters([_subtree_terms(taxonomy, t, None, "tag") for t in tags])

    def narrow(ids: set[str]) -> None:
        filters.allowed = ids if filters.allowed is None else filters.allowed & ids

    for value, branch, option in ((facility, "detention", "facility"),
                                  (agency, "perpetrator", "agency"),
                                  (violation, "violation", "violation")):
        if value is not None:
            narrow(_interviews_with_terms(conn, _subtree_terms(taxonomy, value, branch, option)))
    if date_from is not None or date_to is not None:
        low = dates.parse(date_from).interval()[0] if date_from else None
        high = dates.parse(date_to).interval()[1] if date_to else None
        if low and high and low > high:
            raise UsageError("search.date_range_ends_before")
        narrow(_interviews_in_dates(conn, low, high))
    return filters


def hit_sql(expr: str | None, like: Sequence[str], *, review_status: str | None = None,
            layer: str | None = None, consent: str | None = None) -> tuple[str, list[Any]]:
    """The query for the matching rows (with their interview, segment and marker columns) and
    its bound values. ``expr`` is an FTS5 MATCH expression, ``like`` the variants that need a
    scan; at least one of them must be given."""
    if expr is None and not like:
        raise ValueError("hit_sql needs a MATCH expression or a LIKE variant")
    where: list[str] = []
    args: list[Any] = []
    if like:
        # Rare (a very common one- or two-character query): scan, then merge with the index.
        parts = ["SELECT rowid FROM fts_text WHERE text LIKE ? ESCAPE '\\'"] * len(like)
        args += [_like_pattern(v) for v in like]
        if expr is not None:
            parts.append("SELECT rowid FROM fts_text WHERE fts_text MATCH ?")
            args.append(expr)
        where.append(f"f.rowid IN ({' UNION '.join(parts)})")
    else:
        where.append("f.fts_text MATCH ?")
        args.append(expr)
    if review_status is not None:
        where.append("s.review_status = ?")
        args.append(review_status)
    if layer is not None:
        where.append("s.layer = ?")
        args.append(layer)
    if consent is not None:
        where.append("EXISTS (SELECT 1 FROM consent c, json_each(c.scopes) j WHERE"
                     " c.interview_id = r.interview_id AND c.withdrawn_at IS NULL"
                     " AND j.value = ?)")
        args.append(consent)
    # Index order (rowid) lets SQLite stream matches and stop at the limit instead of sorting
    # every match of a common word; the page is then grouped by interview for reading.
    sql = ("SELECT r.kind, r.ref_id, r.interview_id, i.code, f.text, s.idx, s.layer,"  # noqa: S608 - fixed clauses, values bound
           " s.start_s, s.end_s, s.review_status, m.at_s"
           " FROM fts_text f JOIN fts_ref r ON r.rowid = f.rowid"
           " JOIN interview i ON i.id = r.interview_id"
           " LEFT JOIN segment s ON r.kind = 'segment' AND s.id = r.ref_id"
           " LEFT JOIN marker m ON r.kind = 'marker' AND m.id = r.ref_id"
           " WHERE " + " AND ".join(where) + " ORDER BY f.rowid")
    return sql, args


def collect_hits(conn: Connection, rows: Iterable[Sequence[Any]], variants: Sequence[str],
                 filters: Filters, limit: int) -> tuple[list[Hit], bool]:
    """Turn the rows of ``hit_sql`` into hits that pass ``filters``, at most ``limit`` of them;
    the flag says whether more would have followed."""
    hits: list[Hit] = []
    cache: dict[str, list[tuple[str, str | None, float | None, float | None]]] = {}
    for kind, ref_id, iid, code, text, idx, seg_layer, s0, s1, status, at_s in rows:
        if filters.allowed is not None and iid not in filters.allowed:
            continue
        snippet, m0, m1 = _snippet(text, variants)
        hit = Hit(iid, code, kind, ref_id, idx, seg_layer,
                  s0 if kind == "segment" else at_s, s1 if kind == "segment" else None,
                  status, snippet, m0, m1)
        if any(not _tag_matches(conn, hit, terms, cache) for terms in filters.tag_sets):
            continue
        if len(hits) >= limit:
            return hits, True
        hits.append(hit)
    return hits, False


def sort_hits(hits: Iterable[Hit]) -> list[Hit]:
    """Grouped for reading: by interview code, then segments (by layer and position), markers
    and notes."""
    return sorted(hits, key=lambda h: (h.interview_code, _KIND_ORDER.get(h.kind, 9),
                                       h.layer or "",
                                       h.segment_idx if h.segment_idx is not None else -1,
                                       h.start_s or 0.0, h.ref_id))


# ---------------------------------------------------------------------------------------------
# Reports

REPORT_SECTIONS = (("facility", "detention"), ("agency", "perpetrator"), ("violation", "violation"))


@dataclass
class ReportRow:
    key: str  # term id, or a year
    label_en: str
    label_ko: str
    tags: int
    events: int


def report(vault: Store) -> dict[str, list[ReportRow]]:
    """Counts across the vault of tags and events by facility, agency, violation and year.

    Facility: tags with a detention term and events placed at one; agency: tags with a
    perpetrator term and events naming it; violation: tags with a violation term and events
    with that act. Year: events by the first year their date can fall in ('unknown' if open
    or unknown), and the distinct tags supporting those events. A term is classified with the
    taxonomy version it was coded with, so renamed or removed terms are still counted.
    """
    conn = vault.conn
    active = tx.ensure_taxonomy(vault)
    versions: dict[str | None, tx.Taxonomy] = {None: active, active.version_id: active}

    def version(vid: str | None) -> tx.Taxonomy:
        if vid not in versions:
            try:
                versions[vid] = tx.load_version(conn, vid or "")
            except UsageError:
                versions[vid] = active
        return versions[vid]

    counts: dict[str, dict[str, list[int]]] = {s: defaultdict(lambda: [0, 0])
                                               for s, _ in (*REPORT_SECTIONS, ("year", ""))}
    labels: dict[str, tuple[str, str]] = {}

    def count(term_id: str | None, vid: str | None, column: int, snapshot: str | None) -> None:
        if not term_id:
            return
        tax = version(vid)
        root = tax.root_of(term_id) if term_id in tax.terms else term_id.split(".", 1)[0]
        for section, branch in REPORT_SECTIONS:
            if root == branch:
                counts[section][term_id][column] += 1
        if term_id not in labels:
            term = active.terms.get(term_id) or tax.terms.get(term_id)
            if term is not None:
                labels[term_id] = (term.label_en, term.label_ko)
            else:
                snap = json.loads(snapshot or "{}")
                labels[term_id] = (snap.get("en", term_id), snap.get("ko", term_id))

    for term_id, vid, snapshot in conn.execute(
            "SELECT term_id, taxonomy_version, term_label FROM tag"):
        count(term_id, vid, 0, snapshot)
    for eid, act, perp, place_term, vid, djson in conn.execute(
            "SELECT id, act, perpetrator, place_term, taxonomy_version, date_json FROM event"):
        for term_id in {act, perp, place_term}:
            count(term_id, vid, 1, None)
        year = dates.EventDate.from_json(json.loads(djson)).year() if djson else None
        key = str(year) if year is not None else "unknown"
        counts["year"][key][1] += 1
        supporting = conn.execute("SELECT count(*) FROM event_tag WHERE event_id = ?",
                                  (eid,)).fetchone()[0]
        counts["year"][key][0] += int(supporting)
    out: dict[str, list[ReportRow]] = {}
    for section in counts:
        rows = []
        for key, (n_tags, n_events) in counts[section].items():
            en, ko = labels.get(key, (key, key))
            rows.append(ReportRow(key, en, ko, n_tags, n_events))
        if section == "year":
            rows.sort(key=lambda r: (r.key == "unknown", r.key))
        else:
            rows.sort(key=lambda r: (-(r.tags + r.events), r.key))
        out[section] = rows
    return out
