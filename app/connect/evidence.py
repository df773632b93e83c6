"""The evidence behind a connection: accounts, the quotes that support them, and who said them.

An **account** is one coded event of one interview (HURIDOCS style: act, place, date, the
witness's relation to it, the tags that support it), or one link a coder recorded by hand from
one interview with the tags that support it. A **quote** is one supporting tag: the words (in
the language spoken), the reviewed translation of those words if there is one, and the moment
in the recording. Everything is read from the vault per query; nothing here writes.

A **witness** is a person: interviews a supervisor decided are the same person count once
(app.connect.witnesses). Interviews are otherwise separate witnesses.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from storage.db import Connection

ACCOUNT_KINDS = ("event", "link")


@dataclass(frozen=True)
class Quote:
    """One supporting tag, as a quotation with its place in the recording.

    ``text`` is in the language spoken (the tagged words of an original segment, or the
    original segment a tagged translation translates); ``translation`` is the reviewed
    translation (None if none is reviewed; ``translation_draft`` then holds a machine draft if
    there is one, never for use in briefs as a translation). ``start_s``/``end_s`` locate the
    words in recording ``asset_id`` (SHA-256 ``recording_sha256``).
    """

    tag_id: str
    interview_id: str
    interview_code: str
    term_id: str
    segment_id: str | None
    layer: str | None
    char_start: int | None
    char_end: int | None
    text: str | None
    translation: str | None
    translation_draft: str | None
    translation_segment_id: str | None
    start_s: float | None
    end_s: float | None
    asset_id: str | None
    recording_sha256: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Account:
    """One event or hand-made link of one interview (see the module docstring)."""

    kind: str  # 'event' or 'link'
    id: str
    interview_id: str
    act: str | None = None
    relation: str | None = None  # experienced | saw | heard (events)
    date_text: str | None = None
    date_from: str | None = None  # ISO, earliest possible day
    date_to: str | None = None  # ISO, latest possible day
    place_term: str | None = None
    perpetrator: str | None = None
    involvement: str | None = None
    link: tuple[str, str, str] | None = None  # (from, relation, to) for hand-made links
    tag_ids: list[str] = field(default_factory=list)
    tag_terms: list[str] = field(default_factory=list)

    def terms(self) -> set[str]:
        """Every term the account names: act, perpetrator, place, tags (and a link's ends)."""
        out = {t for t in (self.act, self.perpetrator, self.place_term) if t}
        out.update(self.tag_terms)
        if self.link:
            out.update((self.link[0], self.link[2]))
        return out

    def years(self) -> list[int]:
        """The calendar years the account's date can fall in (empty if undated or open)."""
        if not self.date_from or not self.date_to:
            return []
        low, high = int(self.date_from[:4]), int(self.date_to[:4])
        return list(range(low, high + 1)) if high - low <= 50 else []

    def overlaps(self, other: Account) -> bool | None:
        """Do two accounts' possible dates overlap? None if either is not fully dated."""
        if not (self.date_from and self.date_to and other.date_from and other.date_to):
            return None
        return self.date_from <= other.date_to and other.date_from <= self.date_to


def _json_ids(values: Iterable[str]) -> str:
    return json.dumps(sorted(set(values)))


def account_ids_for_terms(conn: Connection, terms: Collection[str]) -> tuple[set[str], set[str]]:
    """(event ids, link ids) of every account that names one of ``terms``."""
    items = _json_ids(terms)
    events = {str(r[0]) for r in conn.execute(
        "SELECT id FROM event WHERE place_term IN (SELECT value FROM json_each(?1))"
        " UNION ALL SELECT id FROM event WHERE perpetrator IN (SELECT value FROM json_each(?1))"
        " UNION ALL SELECT id FROM event WHERE act IN (SELECT value FROM json_each(?1))"
        " UNION ALL SELECT et.event_id FROM tag t JOIN event_tag et ON et.tag_id = t.id"
        " WHERE t.term_id IN (SELECT value FROM json_each(?1))", (items,))}
    links = {str(r[0]) for r in conn.execute(
        "SELECT id FROM link WHERE from_term IN (SELECT value FROM json_each(?1))"
        " OR to_term IN (SELECT value FROM json_each(?1))", (items,))}
    return events, links


_EVENT_SQL = ("SELECT id, interview_id, act, relation, date_text, date_from, date_to,"
              " place_term, perpetrator, involvement FROM event")
_EVENT_TAGS = ("SELECT et.event_id, t.id, t.term_id FROM event_tag et"
               " JOIN tag t ON t.id = et.tag_id")
_LINK_SQL = "SELECT id, interview_id, from_term, relation, to_term FROM link"
_LINK_TAGS = "SELECT lt.link_id, t.id, t.term_id FROM link_tag lt JOIN tag t ON t.id = lt.tag_id"
_BY_ID = " WHERE {col} IN (SELECT value FROM json_each(?))"


def load_accounts(conn: Connection, event_ids: Collection[str] | None = None,
                  link_ids: Collection[str] | None = None, *,
                  interviews: Collection[str] | None = None) -> list[Account]:
    """Accounts by id (None: every account of the vault, or of ``interviews`` if given).

    Plain row queries, no string building in SQL: under SQLCipher's memory security every
    SQLite allocation is costly, and the archive-wide views read every event of the vault."""
    out: list[Account] = []
    args: tuple[str, ...]
    by_event: dict[str, Account] = {}
    if event_ids is None or event_ids:
        if event_ids is not None:
            sql, args = _EVENT_SQL + _BY_ID.format(col="id"), (_json_ids(event_ids),)
        elif interviews is not None:
            sql, args = _EVENT_SQL + _BY_ID.format(col="interview_id"), (_json_ids(interviews),)
        else:
            sql, args = _EVENT_SQL, ()
        for eid, iid, act, rel, dtext, d0, d1, place, perp, inv in conn.execute(sql, args):
            acc = Account("event", eid, iid, act, rel, dtext, d0, d1, place, perp, inv)
            by_event[eid] = acc
            out.append(acc)
        if by_event:
            if event_ids is None and interviews is None:
                rows = conn.execute(_EVENT_TAGS)
            else:
                rows = conn.execute(_EVENT_TAGS + _BY_ID.format(col="et.event_id"),
                                    (_json_ids(by_event),))
            for eid, tid, term in rows:
                owner = by_event.get(eid)
                if owner is not None:
                    owner.tag_ids.append(tid)
                    owner.tag_terms.append(term)
    by_link: dict[str, Account] = {}
    if link_ids is None or link_ids:
        if link_ids is not None:
            sql, args = _LINK_SQL + _BY_ID.format(col="id"), (_json_ids(link_ids),)
        elif interviews is not None:
            sql, args = _LINK_SQL + _BY_ID.format(col="interview_id"), (_json_ids(interviews),)
        else:
            sql, args = _LINK_SQL, ()
        for lid, iid, src, rel, dst in conn.execute(sql, args):
            acc = Account("link", lid, iid, link=(src, rel, dst))
            by_link[lid] = acc
            out.append(acc)
        if by_link:
            for lid, tid, term in conn.execute(_LINK_TAGS + _BY_ID.format(col="lt.link_id"),
                                               (_json_ids(by_link),)):
                by_link[lid].tag_ids.append(tid)
                by_link[lid].tag_terms.append(term)
    for acc in out:  # a stable order of supporting tags
        if len(acc.tag_ids) > 1:
            pairs = sorted(zip(acc.tag_ids, acc.tag_terms, strict=True))
            acc.tag_ids = [p[0] for p in pairs]
            acc.tag_terms = [p[1] for p in pairs]
    return out


@dataclass(frozen=True)
class InterviewInfo:
    """What corroboration needs to know about an interview (no testimony, no names of
    witnesses; ``interviewer``/``interpreter`` are the staff fields as recorded)."""

    id: str
    code: str
    interviewer: str | None
    interpreter: str | None
    started_at: str | None
    consent_scopes: tuple[str, ...]
    consent_withdrawn: bool

    def consent_covers(self, purpose: str) -> bool:
        return not self.consent_withdrawn and purpose in self.consent_scopes


def load_interviews(conn: Connection, ids: Collection[str]) -> dict[str, InterviewInfo]:
    out: dict[str, InterviewInfo] = {}
    for iid, code, who, interp, started, scopes, withdrawn in conn.execute(
            "SELECT i.id, i.code, i.interviewer, i.interpreter, i.started_at, c.scopes,"
            " c.withdrawn_at FROM interview i LEFT JOIN consent c ON c.interview_id = i.id"
            " WHERE i.id IN (SELECT value FROM json_each(?))", (_json_ids(ids),)):
        try:
            parsed = json.loads(scopes) if scopes else []
        except ValueError:
            parsed = []
        clean = tuple(s for s in parsed if isinstance(s, str)) if isinstance(parsed, list) else ()
        out[str(iid)] = InterviewInfo(str(iid), str(code), who or None, interp or None, started,
                                      clean, withdrawn is not None)
    return out


def load_quotes(conn: Connection, tag_ids: Collection[str]) -> dict[str, Quote]:
    """The quotes for ``tag_ids`` (tags anchored nowhere in words give ``text`` None)."""
    rows = conn.execute(
        "SELECT t.id, t.interview_id, i.code, t.term_id, t.segment_id, s.layer, t.char_start,"
        " t.char_end, s.text, s.source_segment_id, src.text, s.review_status,"
        " COALESCE(s.start_s, t.audio_start_s), COALESCE(s.end_s, t.audio_end_s),"
        " COALESCE(s.asset_id, t.asset_id)"
        " FROM tag t JOIN interview i ON i.id = t.interview_id"
        " LEFT JOIN segment s ON s.id = t.segment_id"
        " LEFT JOIN segment src ON src.id = s.source_segment_id"
        " WHERE t.id IN (SELECT value FROM json_each(?))", (_json_ids(tag_ids),)).fetchall()
    originals = [str(r[4]) for r in rows if r[4] is not None and r[5] != "translation"]
    translations: dict[str, tuple[str, str, str]] = {}  # original seg -> (id, text, status)
    if originals:
        for sid, src, text, status in conn.execute(
                "SELECT id, source_segment_id, text, review_status FROM segment"
                " WHERE layer = 'translation' AND source_segment_id IN"
                " (SELECT value FROM json_each(?)) ORDER BY idx", (_json_ids(originals),)):
            best = translations.get(str(src))
            if best is None or (best[2] != "reviewed" and status == "reviewed"):
                translations[str(src)] = (str(sid), str(text), str(status))
    assets = {str(r[14]) for r in rows if r[14] is not None}
    sha = {str(a): s for a, s in conn.execute(
        "SELECT a.id, COALESCE(a.sha256, b.sha256) FROM audio_asset a LEFT JOIN blob b"
        " ON b.id = a.blob_id WHERE a.id IN (SELECT value FROM json_each(?))",
        (_json_ids(assets),))}
    out: dict[str, Quote] = {}
    for (tid, iid, code, term, seg, layer, cs, ce, text, _src_id, src_text, status, a0, a1,
         asset) in rows:
        words = text[cs:ce] if text is not None and cs is not None and ce is not None else text
        original: str | None
        reviewed: str | None = None
        draft: str | None = None
        tr_seg: str | None = None
        if layer == "translation":
            original = src_text
            tr_seg = seg
            if status == "reviewed":
                reviewed = words
            else:
                draft = words
        else:
            original = words
            found = translations.get(str(seg)) if seg is not None else None
            if found is not None:
                tr_seg = found[0]
                if found[2] == "reviewed":
                    reviewed = found[1]
                else:
                    draft = found[1]
        out[str(tid)] = Quote(str(tid), str(iid), str(code), str(term), seg, layer, cs, ce,
                              original, reviewed, draft, tr_seg, a0, a1, asset,
                              sha.get(str(asset)) if asset is not None else None)
    return out
