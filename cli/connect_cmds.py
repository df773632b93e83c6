"""Connecting the testimonies: entity, link, corroborate, matrix, witnesses, brief (thin over
app.connect)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.connect import brief as briefs
from app.connect import corroborate as co
from app.connect import entities, links, witnesses
from cli.context import Context, add_archive_option
from cli.output import print_json


def _subject_args(p: argparse.ArgumentParser, *, enterprise: bool = True) -> None:
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--facility", metavar="TERM", help="a facility (id, label or alias)")
    group.add_argument("--commodity", metavar="TERM", help="a commodity")
    if enterprise:
        group.add_argument("--enterprise", metavar="TERM", help="an enterprise or trading company")
    group.add_argument("--link", metavar="LINKID", help="a link id from 'testimony link list'")
    p.add_argument("--violation", metavar="TERM", help="only accounts of this violation")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="only accounts from DATE")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="only accounts up to DATE")


def register(sub: Any) -> None:
    e = sub.add_parser("entity", help="facilities, enterprises, commodities, units, ports ...")
    esub = e.add_subparsers(dest="entity_command", metavar="ACTION")
    p = esub.add_parser("list", help="list the entities of the active taxonomy")
    p.add_argument("--kind", choices=entities.KINDS)
    p.add_argument("--json", action="store_true")
    add_archive_option(p)
    p.set_defaults(func=cmd_entity_list)
    p = esub.add_parser("add", help="add an entity (extends the taxonomy)")
    p.add_argument("kind", choices=entities.KINDS)
    p.add_argument("--en", required=True, help="English name")
    p.add_argument("--ko", required=True, help="Korean name")
    p.add_argument("--alias", action="append", default=[], help="another name (repeatable)")
    p.add_argument("--parent", metavar="TERM", help="where in the taxonomy (default by kind)")
    _entity_attr_args(p)
    add_archive_option(p)
    p.set_defaults(func=cmd_entity_add)
    p = esub.add_parser("set", help="record a quota's imposer, an owner or a period")
    p.add_argument("term")
    p.add_argument("--kind", choices=entities.KINDS)
    _entity_attr_args(p)
    p.add_argument("--note")
    add_archive_option(p)
    p.set_defaults(func=cmd_entity_set)

    lk = sub.add_parser("link", help="links between entities, with the words that support them")
    lsub = lk.add_subparsers(dest="link_command", metavar="ACTION")
    p = lsub.add_parser("add", help="record a link an interview supports")
    p.add_argument("interview", metavar="ID", help="interview id or code")
    p.add_argument("--from", dest="src", required=True, metavar="TERM")
    p.add_argument("--to", dest="dst", required=True, metavar="TERM")
    p.add_argument("--relation", required=True, choices=links.RELATIONS)
    p.add_argument("--tag", action="append", default=[], metavar="TAGID",
                   help="a supporting tag of this interview (repeatable; at least one)")
    p.add_argument("--note", default="")
    add_archive_option(p)
    p.set_defaults(func=cmd_link_add)
    p = lsub.add_parser("list", help="every link, implied by events or recorded")
    p.add_argument("--term", metavar="TERM", help="only links with this term at either end")
    p.add_argument("--json", action="store_true")
    add_archive_option(p)
    p.set_defaults(func=cmd_link_list)

    p = sub.add_parser("corroborate", help="testimonies and independent witnesses behind a "
                                           "facility, commodity, enterprise or link")
    _subject_args(p)
    p.add_argument("--json", action="store_true")
    page = p.add_mutually_exclusive_group()
    page.add_argument("--limit", type=int, default=co.PAGE, metavar="N",
                      help=f"list the N most relevant conflicts and open same-witness flags "
                           f"(default {co.PAGE}; the counts are always complete)")
    page.add_argument("--all-conflicts", action="store_true",
                      help="list every conflict and every open same-witness flag")
    add_archive_option(p)
    p.set_defaults(func=cmd_corroborate)

    p = sub.add_parser("matrix", help="entity-by-entity witness counts (default facility x "
                                      "commodity)")
    p.add_argument("--rows", choices=entities.KINDS, default="facility")
    p.add_argument("--cols", choices=entities.KINDS, default="commodity")
    p.add_argument("--json", action="store_true")
    add_archive_option(p)
    p.set_defaults(func=cmd_matrix)

    w = sub.add_parser("witnesses", help="probable same-witness duplicates and decisions")
    wsub = w.add_subparsers(dest="witnesses_command", metavar="ACTION")
    p = wsub.add_parser("duplicates", help="list probable duplicate pairs with their reasons")
    p.add_argument("--json", action="store_true")
    add_archive_option(p)
    p.set_defaults(func=cmd_duplicates)
    for decision, text in (("same", "record that two interviews are the same person"),
                           ("different", "record that two interviews are different people")):
        p = wsub.add_parser(decision, help=text)
        p.add_argument("a", metavar="A", help="interview id or code")
        p.add_argument("b", metavar="B", help="interview id or code")
        p.add_argument("--note", default="")
        add_archive_option(p)
        p.set_defaults(func=cmd_decide, decision=decision)

    p = sub.add_parser("brief", help="an evidence brief (docx, or csv/json for Uwazi)")
    _subject_args(p)
    p.add_argument("--purpose", required=True, choices=briefs.PURPOSES)
    p.add_argument("--out", required=True, type=Path, metavar="FILE",
                   help="where to write it (.docx, .csv or .json); never overwritten")
    p.add_argument("--format", choices=briefs.FORMATS, help="default: from the file name")
    add_archive_option(p)
    p.set_defaults(func=cmd_brief)


def _entity_attr_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--imposed-by", metavar="TERM", help="a quota's imposing organisation")
    p.add_argument("--owner", metavar="TERM", help="the unit that owns or runs it")
    p.add_argument("--active-from", metavar="DATE", help="existed under this name from")
    p.add_argument("--active-to", metavar="DATE", help="existed under this name until")


def _print_entity(ent: entities.Entity) -> None:
    extra = []
    if ent.imposed_by:
        extra.append(f"imposed by {ent.imposed_by}")
    if ent.owner:
        extra.append(f"owned by {ent.owner}")
    if ent.active_from or ent.active_to:
        extra.append(f"active {ent.active_from or '…'} to {ent.active_to or '…'}")
    names = ", ".join(ent.aliases)
    print(f"{ent.kind:12s} {ent.term_id}  {ent.label_en} / {ent.label_ko}"
          + (f"  ({names})" if names else "") + (f"  [{'; '.join(extra)}]" if extra else ""))


def cmd_entity_list(ctx: Context, args: argparse.Namespace) -> int:
    found = entities.list_entities(ctx.store(), args.kind)
    if args.json:
        print_json([e.to_dict() for e in found])
        return 0
    for ent in found:
        _print_entity(ent)
    return 0


def cmd_entity_add(ctx: Context, args: argparse.Namespace) -> int:
    ent = entities.add_entity(ctx.store(), args.kind, label_en=args.en, label_ko=args.ko,
                              aliases=tuple(args.alias), parent=args.parent,
                              imposed_by=args.imposed_by, owner=args.owner,
                              active_from=args.active_from, active_to=args.active_to,
                              role=ctx.role)
    _print_entity(ent)
    return 0


def cmd_entity_set(ctx: Context, args: argparse.Namespace) -> int:
    ent = entities.set_entity(ctx.store(), args.term, role=ctx.role, kind=args.kind,
                              imposed_by=args.imposed_by, owner=args.owner,
                              active_from=args.active_from, active_to=args.active_to,
                              note=args.note)
    _print_entity(ent)
    return 0


def cmd_link_add(ctx: Context, args: argparse.Namespace) -> int:
    link = links.add_link(ctx.store(), args.interview, src=args.src, relation=args.relation,
                          dst=args.dst, tags=args.tag, note=args.note, role=ctx.role)
    print(link)
    return 0


def cmd_link_list(ctx: Context, args: argparse.Namespace) -> int:
    found = links.list_links(ctx.store(), args.term)
    if args.json:
        print_json([s.to_dict() for s in found])
        return 0
    if not found:
        print("No links yet: code events that connect entities, or add one with "
              "'testimony link add'.")
    for s in found:
        print(f"{s.id}  {s.src_label['en']} {s.relation} {s.dst_label['en']}  "
              f"({s.testimonies} testimonies; {s.implied} implied, {s.recorded} recorded)")
    return 0


def _subject(ctx: Context, args: argparse.Namespace) -> co.Subject:
    return co.subject_for(ctx.store(), facility=args.facility, commodity=args.commodity,
                          enterprise=getattr(args, "enterprise", None), link=args.link)


def _clock(t: float | None) -> str:
    if t is None:
        return "-"
    total = int(t)
    return f"{total // 3600:d}:{total % 3600 // 60:02d}:{total % 60:02d}"


def cmd_corroborate(ctx: Context, args: argparse.Namespace) -> int:
    result = co.corroborate(ctx.store(), _subject(ctx, args), violation=args.violation,
                            date_from=args.date_from, date_to=args.date_to,
                            limit=None if args.all_conflicts else args.limit)
    if args.json:
        print_json(result.to_dict())
        return 0
    s = result.subject
    print(f"{s.kind}: {s.label.get('en')} / {s.label.get('ko')}")
    years = f"{result.years[0]}-{result.years[-1]}" if result.years else "no dated accounts"
    print(f"testimonies: {result.testimonies}   independent witnesses: "
          f"{result.independent_witnesses} (at least {result.independent_witnesses_at_least} "
          f"if open duplicate flags are the same person; {result.direct_witnesses} direct)   "
          f"years: {years}")
    for row in result.shared_interviewers:
        print(f"note: interviewer '{row['name']}' interviewed {row['witnesses']} of these "
              f"witnesses ({', '.join(row['interviews'])})")
    for row in result.shared_interpreters:
        print(f"note: interpreter '{row['name']}' interpreted for {row['witnesses']} of these "
              f"witnesses ({', '.join(row['interviews'])})")
    for dup in result.unresolved_duplicates:
        print(f"note: {dup['a']} and {dup['b']} may be the same person "
              f"({'; '.join(dup['reasons'])}); decide with 'testimony witnesses same|different'")
    _more(len(result.unresolved_duplicates), result.unresolved_duplicates_total,
          "open same-witness flags")
    if result.conflicts_total:
        kinds = ", ".join(f"{n} {kind}" for kind, n in result.conflict_counts.items() if n)
        print(f"conflicts: {result.conflicts_total} ({kinds})")
    for c in result.conflicts:
        print(f"CONFLICT [{c.kind}] {c.explanation}")
    _more(len(result.conflicts), result.conflicts_total, "conflicts")
    for acc in result.accounts:
        print(f"\n{acc.interview_code} (witness {acc.witness})  {acc.date or 'undated'}  "
              f"{acc.act or ''} {('(' + acc.relation + ')') if acc.relation else ''}")
        for q in acc.quotes:
            print(f"  {_clock(q.start_s)}-{_clock(q.end_s)}  {q.text or '(audio moment)'}")
            if q.translation:
                print(f"      {q.translation}")
    return 0


def _more(shown: int, total: int, what: str) -> None:
    if shown < total:
        print(f"({total - shown} more {what} not listed: the first {shown} of {total} are "
              f"shown, most relevant first; use --limit N or --all-conflicts for more)")


def cmd_matrix(ctx: Context, args: argparse.Namespace) -> int:
    m = co.matrix(ctx.store(), args.rows, args.cols)
    if args.json:
        print_json(m.to_dict())
        return 0
    if not m.cells:
        print("No links between these kinds yet.")
        return 0
    print("witnesses (testimonies)")
    for row in m.rows:
        cells = [f"{m.labels[c]['en']}: {m.cells[(row, c)].independent_witnesses} "
                 f"({m.cells[(row, c)].testimonies})" for c in m.cols if (row, c) in m.cells]
        print(f"{m.labels[row]['en']}  " + "; ".join(cells))
    return 0


def cmd_duplicates(ctx: Context, args: argparse.Namespace) -> int:
    flags = witnesses.find_duplicates(ctx.store().conn)
    if args.json:
        print_json([f.to_dict() for f in flags])
        return 0
    if not flags:
        print("No probable duplicates.")
    for f in flags:
        state = f"decided {f.decision}" if f.decision else "undecided"
        print(f"{f.code_a}  {f.code_b}  [{state}]  {'; '.join(f.reasons)}")
    return 0


def cmd_decide(ctx: Context, args: argparse.Namespace) -> int:
    witnesses.decide(ctx.store(), args.a, args.b, args.decision, role=ctx.role, note=args.note)
    print(f"Recorded: {args.a} and {args.b} are "
          + ("the same person." if args.decision == "same" else "different people."))
    return 0


def cmd_brief(ctx: Context, args: argparse.Namespace) -> int:
    briefs.format_for(args.out, args.format)
    vault = ctx.store()
    made = briefs.export_brief(vault, _subject(ctx, args), purpose=args.purpose, out=args.out,
                               fmt=args.format, violation=args.violation,
                               date_from=args.date_from, date_to=args.date_to, role=ctx.role)
    print(briefs.finding(made))
    print(briefs.left_out_text(made))
    print(f"Wrote {args.out} ({len(made.quotes)} quotes).")
    return 0
