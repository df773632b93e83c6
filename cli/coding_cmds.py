"""Evidence coding commands: taxonomy, tag, event, search, report (thin over app.coding)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.coding import events, search, tags
from app.coding import taxonomy as tx
from app.coding.shown import shown
from app.domain import CONSENT_SCOPES
from app.errors import UsageError
from app.interviews import resolve_id
from app.transcripts import store as transcripts
from cli.context import Context, add_archive_option
from cli.output import print_json


def _chars(text: str) -> tuple[int, int]:
    try:
        a, b = (int(x) for x in text.split(":"))
    except ValueError:
        raise UsageError.from_text(f"--chars takes START:END character positions, for example 12:17, "
                         f"not '{shown(text)}'.") from None
    return a, b


def _at(text: str) -> tuple[float, float | None]:
    try:
        parts = [float(x) for x in text.split(":")]
    except ValueError:
        parts = []
    if len(parts) not in (1, 2) or any(p != p for p in parts):  # p != p: NaN
        raise UsageError.from_text(f"--at takes SECONDS or START:END in seconds, for example 754.5:790, "
                         f"not '{shown(text)}'.")
    return parts[0], parts[1] if len(parts) == 2 else None


def register(sub: Any) -> None:
    t = sub.add_parser("taxonomy", help="the coding vocabulary (versions, show, import)")
    tsub = t.add_subparsers(dest="taxonomy_command", metavar="ACTION")
    p = tsub.add_parser("show", help="print the active taxonomy as a tree")
    p.add_argument("--lang", choices=("en", "ko"), default="en")
    p.add_argument("--version", metavar="NAME@VERSION", help="a stored version (default: active)")
    p.add_argument("--aliases", action="store_true", help="also print aliases")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_taxonomy_show)
    p = tsub.add_parser("import", help="import a taxonomy file (JSON Lines) and make it active")
    p.add_argument("file", type=Path)
    p.add_argument("--replace", action="store_true",
                   help="replace the active taxonomy instead of extending it")
    p.set_defaults(func=cmd_taxonomy_import)
    p = tsub.add_parser("versions", help="list every taxonomy version stored in the vault")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_taxonomy_versions)
    p = tsub.add_parser("export", help="write a stored version as a taxonomy file")
    p.add_argument("--version", metavar="NAME@VERSION")
    p.set_defaults(func=cmd_taxonomy_export)

    g = sub.add_parser("tag", help="tag evidence with taxonomy terms")
    gsub = g.add_subparsers(dest="tag_command", metavar="ACTION")
    p = gsub.add_parser("add", help="tag words, a moment in the audio, or the whole interview")
    p.add_argument("id", help="interview id or code")
    p.add_argument("term", help="term id, label or alias (Korean or English)")
    p.add_argument("--segment", type=int, metavar="N", help="segment number as shown by 'transcript show' (1, 2, ...)")
    p.add_argument("--segment-id", metavar="SID", help="the segment by its id instead")
    p.add_argument("--layer", choices=tags.LAYERS, default="original")
    p.add_argument("--chars", metavar="A:B", help="character range in the segment")
    p.add_argument("--at", metavar="S[:E]", help="seconds in the audio, or a range")
    p.add_argument("--asset", metavar="ID", help="which recording, if there are several")
    p.add_argument("--confidence", choices=tags.CONFIDENCE)
    p.add_argument("--note", default="")
    add_archive_option(p)
    p.set_defaults(func=cmd_tag_add)
    p = gsub.add_parser("list", help="list an interview's tags")
    p.add_argument("id")
    p.add_argument("--needs-review", action="store_true", help="only tags flagged for review")
    p.add_argument("--lang", choices=("en", "ko"), default="en")
    p.add_argument("--json", action="store_true")
    add_archive_option(p)
    p.set_defaults(func=cmd_tag_list)
    p = gsub.add_parser("review", help="confirm a flagged tag (optionally re-anchor it)")
    p.add_argument("tag_id")
    p.add_argument("--chars", metavar="A:B")
    add_archive_option(p)
    p.set_defaults(func=cmd_tag_review)

    e = sub.add_parser("event", help="HURIDOCS-style events")
    esub = e.add_subparsers(dest="event_command", metavar="ACTION")
    p = esub.add_parser("add", help="record an event; prints its id")
    p.add_argument("id", help="interview id or code")
    p.add_argument("--act", required=True, metavar="TERM", help="violation type term")
    p.add_argument("--victim", help="'witness' or a pseudonym (never a real name)")
    p.add_argument("--perpetrator", metavar="TERM", help="perpetrator unit term")
    p.add_argument("--involvement", choices=events.INVOLVEMENT)
    p.add_argument("--place", metavar="TERM|TEXT", help="facility term, or a place in words")
    p.add_argument("--place-precision", choices=events.PLACE_PRECISION)
    p.add_argument("--date", metavar="TEXT",
                   help="e.g. 1997-03-14, 1997-summer, 1995..1997, 'before 1997', 'about 2003'")
    p.add_argument("--relation", choices=events.RELATIONS)
    p.add_argument("--tag", action="append", default=[], metavar="TAGID",
                   help="supporting tag (repeatable)")
    p.add_argument("--notes", default="")
    add_archive_option(p)
    p.set_defaults(func=cmd_event_add)
    p = esub.add_parser("list", help="list an interview's events")
    p.add_argument("id")
    p.add_argument("--lang", choices=("en", "ko"), default="en")
    p.add_argument("--json", action="store_true")
    add_archive_option(p)
    p.set_defaults(func=cmd_event_list)

    p = sub.add_parser("search", help="full-text search of transcripts, translations and notes")
    p.add_argument("query")
    p.add_argument("--tag", action="append", default=[], metavar="TERM",
                   help="only hits tagged with TERM or a term below it (repeatable: all)")
    p.add_argument("--facility", metavar="TERM")
    p.add_argument("--agency", metavar="TERM")
    p.add_argument("--violation", metavar="TERM")
    p.add_argument("--commodity", metavar="TERM")
    p.add_argument("--enterprise", metavar="TERM")
    p.add_argument("--period", metavar="TERM|DATES",
                   help="a period entity, or dates such as 1997..1999")
    p.add_argument("--witness", metavar="ID",
                   help="an interview id or code: that witness's interviews")
    p.add_argument("--from", dest="date_from", metavar="DATE")
    p.add_argument("--to", dest="date_to", metavar="DATE")
    p.add_argument("--consent", choices=list(CONSENT_SCOPES))
    p.add_argument("--status", choices=search.REVIEW_STATUSES, help="segment review status")
    p.add_argument("--layer", choices=search.LAYERS)
    p.add_argument("--exact", action="store_true", help="do not expand taxonomy aliases")
    p.add_argument("--limit", type=int, default=100)
    p.add_argument("--json", action="store_true")
    p.add_argument("--archive", metavar="URL", default=None,
                   help="search the organisation's PostgreSQL archive (substring and alias "
                        "search; the filters apply to vaults only; default: $TESTIMONY_ARCHIVE)")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("report", help="counts by facility, agency, violation and year")
    p.add_argument("--lang", choices=("en", "ko"), default="en")
    p.add_argument("--json", action="store_true")
    add_archive_option(p)
    p.set_defaults(func=cmd_report)


# --- taxonomy ---------------------------------------------------------------------------------


def cmd_taxonomy_show(ctx: Context, args: argparse.Namespace) -> int:
    vault = ctx.vault()
    active = tx.ensure_taxonomy(vault, role=ctx.role)
    tax = tx.load_version(vault.conn, args.version) if args.version else active
    if args.json:
        print_json({"name": tax.name, "version": tax.version,
               "terms": [t.to_record() for t in tax.terms.values()]})
        return 0
    print(f"{tax.version_id}  ({len(tax.terms)} terms)")

    def walk(parent: str | None, depth: int) -> None:
        for term in tax.children(parent):
            other = term.label("en" if args.lang == "ko" else "ko")
            line = f"{'  ' * depth}{term.label(args.lang)}  [{term.id}]  {other}"
            names = [n for n in term.names() if n not in (term.label_en, term.label_ko)]
            if args.aliases and names:
                line += "  = " + ", ".join(names)
            print(line)
            walk(term.id, depth + 1)

    walk(None, 0)
    return 0


def cmd_taxonomy_import(ctx: Context, args: argparse.Namespace) -> int:
    result = tx.import_file(ctx.vault(), args.file, mode="replace" if args.replace else "extend",
                            role=ctx.role)
    if result.already_present:
        print(f"Taxonomy {result.version_id} was already in this vault; it is active again.")
    else:
        print(f"Imported taxonomy {result.version_id} ({result.mode} of {result.previous}): "
              f"{result.term_count} terms, {result.added} added, {result.updated} changed, "
              f"{result.removed} removed. Existing tags keep the version they were made with.")
    return 0


def cmd_taxonomy_versions(ctx: Context, args: argparse.Namespace) -> int:
    vault = ctx.vault()
    tx.ensure_taxonomy(vault, role=ctx.role)
    versions = tx.stored_versions(vault.conn)
    if args.json:
        print_json(versions)
        return 0
    for v in versions:
        mark = "*" if v["active"] else " "
        print(f"{mark} {v['id']:24s} {v['source']:7s} {v['mode']:8s} {v['term_count']:4d} terms"
              f"  {v['imported_at'][:19]}  {v['imported_by']}")
    return 0


def cmd_taxonomy_export(ctx: Context, args: argparse.Namespace) -> int:
    vault = ctx.vault()
    active = tx.ensure_taxonomy(vault, role=ctx.role)
    tax = tx.load_version(vault.conn, args.version) if args.version else active
    sys.stdout.write(tax.to_jsonl())
    return 0


# --- tags -------------------------------------------------------------------------------------


def cmd_tag_add(ctx: Context, args: argparse.Namespace) -> int:
    vault = ctx.store()
    segment_id = args.segment_id
    if args.segment is not None:
        if segment_id is not None:
            raise UsageError.from_text("Give the segment by number or by id, not both.")
        # N is the number 'transcript show' prints: one numbering across the command line.
        interview_id = resolve_id(vault, args.id)
        segment_id = transcripts.find_segment(vault, interview_id, str(args.segment),
                                              args.layer).id
    tag_id = tags.add_tag(
        vault, args.id, args.term, role=ctx.role, segment=None,
        segment_id=segment_id, layer=args.layer,
        chars=_chars(args.chars) if args.chars else None, at=_at(args.at) if args.at else None,
        asset_id=args.asset, confidence=args.confidence, note=args.note)
    print(tag_id)
    return 0


def _anchor_text(view: tags.TagView, numbers: dict[str, int]) -> str:
    if view.anchor == "text":
        layer = "" if view.layer == "original" else f" ({view.layer})"
        number = numbers.get(view.segment_id or "", view.segment_idx)
        return f"segment {number}{layer} chars {view.char_start}:{view.char_end}"
    if view.anchor == "audio":
        end = f"-{view.audio_end_s:g}" if view.audio_end_s is not None else ""
        return f"audio {view.audio_start_s:g}{end} s"
    return "whole interview"


def cmd_tag_list(ctx: Context, args: argparse.Namespace) -> int:
    vault = ctx.store()
    items = tags.list_tags(vault, args.id, needs_review=args.needs_review)
    if args.json:
        print_json([v.to_dict() for v in items])
        return 0
    numbers: dict[str, int] = {}  # only the text output shows segment numbers
    for layer in ("original", "translation"):
        if items:
            numbers.update(transcripts.segment_numbers(vault, items[0].interview_id, layer))
    if not items:
        print("No tags.")
    for v in items:
        label = v.label.get(args.lang, v.term_id)
        if v.removed:
            label += f" (not in the active taxonomy; from {v.taxonomy_version})"
        elif v.renamed and v.current_label:
            label += f" (now: {v.current_label.get(args.lang)})"
        flag = f"  NEEDS REVIEW: {v.review_reason}" if v.status == "needs_review" else ""
        extra = f"  [{v.confidence}]" if v.confidence else ""
        quote = f"  “{v.text}”" if v.text else ""
        note = f"  note: {v.note}" if v.note else ""
        print(f"{v.id}  {label}  <{v.term_id}>  {_anchor_text(v, numbers)}{extra}{quote}{note}{flag}")
    return 0


def cmd_tag_review(ctx: Context, args: argparse.Namespace) -> int:
    tags.review_tag(ctx.store(), args.tag_id, role=ctx.role,
                    chars=_chars(args.chars) if args.chars else None)
    print("Tag confirmed.")
    return 0


# --- events -----------------------------------------------------------------------------------


def cmd_event_add(ctx: Context, args: argparse.Namespace) -> int:
    event_id = events.add_event(
        ctx.store(), args.id, act=args.act, role=ctx.role, victim=args.victim,
        perpetrator=args.perpetrator, involvement=args.involvement, place=args.place,
        place_precision=args.place_precision, date=args.date, relation=args.relation,
        tags=args.tag, notes=args.notes)
    print(event_id)
    return 0


def cmd_event_list(ctx: Context, args: argparse.Namespace) -> int:
    items = events.list_events(ctx.store(), args.id)
    if args.json:
        print_json([e.to_dict() for e in items])
        return 0
    if not items:
        print("No events.")
    for e in items:
        parts = [e.date or "date unknown", e.act_label.get(args.lang, e.act)]
        if e.victim:
            parts.append(f"victim: {e.victim}")
        if e.perpetrator_label:
            inv = f" ({e.involvement})" if e.involvement else ""
            parts.append(f"by: {e.perpetrator_label.get(args.lang)}{inv}")
        place = e.place_label.get(args.lang) if e.place_label else e.place
        if place:
            parts.append(f"at: {place} [{e.place_precision}]")
        if e.relation:
            parts.append(f"witness {e.relation}")
        if e.tags:
            parts.append(f"{len(e.tags)} supporting tag(s)")
        print(f"{e.id}  " + " | ".join(parts))
    return 0


# --- search and report ------------------------------------------------------------------------


def _clock(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    total = int(seconds)
    return f"{total // 3600:d}:{total % 3600 // 60:02d}:{total % 60:02d}"


def cmd_search(ctx: Context, args: argparse.Namespace) -> int:
    from app.archive import archive_url
    from app.connect.filters import entity_interviews

    if (url := archive_url(args.archive)) is not None:
        from cli.archive_cmds import search_archive
        return search_archive(args, url)

    allowed = entity_interviews(ctx.vault(), commodity=args.commodity,
                                enterprise=args.enterprise, period=args.period,
                                witness=args.witness)
    result = search.search(
        ctx.vault(), args.query, tags=args.tag, facility=args.facility, agency=args.agency,
        violation=args.violation, date_from=args.date_from, date_to=args.date_to,
        consent=args.consent, review_status=args.status, layer=args.layer,
        expand_aliases=not args.exact, limit=args.limit, interviews=allowed)
    if args.json:
        print_json(result.to_dict())
        return 0
    if len(result.variants) > 1:
        print(f"Also searching for: {', '.join(result.variants[1:])}")
    if not result.hits:
        print("No matches.")
    numbers: dict[tuple[str, str], dict[str, int]] = {}
    for h in result.hits:
        if h.kind == "segment":
            key = (h.interview_id, h.layer or "original")
            if key not in numbers:
                numbers[key] = transcripts.segment_numbers(ctx.vault(), *key)
            number = numbers[key].get(h.ref_id, h.segment_idx)
            where = f"segment {number}" + ("" if h.layer == "original" else f" ({h.layer})")
        else:
            where = h.kind
        snippet = (h.snippet[:h.match_start] + "[" + h.snippet[h.match_start:h.match_end] + "]"
                   + h.snippet[h.match_end:])
        print(f"{h.interview_code}  {where:22s} {_clock(h.start_s):>8s}  {snippet}")
    if result.truncated:
        print(f"(showing the first {args.limit}; use --limit or filters to see more)")
    return 0


def cmd_report(ctx: Context, args: argparse.Namespace) -> int:
    data = search.report(ctx.store())
    if args.json:
        print_json({section: [vars(r) for r in rows] for section, rows in data.items()})
        return 0
    for section, rows in data.items():
        print(f"\n{section.upper():40s} {'tags':>6s} {'events':>7s}")
        if not rows:
            print("  (none)")
        for r in rows:
            label = r.key if section == "year" else (r.label_ko if args.lang == "ko"
                                                     else r.label_en)
            print(f"  {label[:38]:38s} {r.tags:6d} {r.events:7d}")
    return 0
