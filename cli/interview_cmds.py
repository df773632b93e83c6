"""Interview commands: add, list, show, edit, consent, withdraw, delete, code-pattern."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from app import codes, interviews
from app.domain import CONSENT_HOW, CONSENT_SCOPES, INTERVIEW_STATUSES, Interviewee
from app.errors import UsageError
from cli.context import Context, add_archive_option, vault_only
from cli.output import print_json

# Why the commands that write an interview refuse an archive (cli.context.vault_only).
FIELD = ("interviews and their consent are recorded in a vault and reach the archive only in "
         "bundles, which keep each record's chain of custody")


def register(sub: Any) -> None:
    iv = sub.add_parser("interview", help="interviews and their consent")
    isub = iv.add_subparsers(dest="interview_command", metavar="ACTION")

    p = isub.add_parser("add", help="create an interview; prints its id")
    p.add_argument("--code", required=True,
                   help="pseudonym code following the vault's code pattern, e.g. NK-2026-014")
    p.add_argument("--language", action="append", default=[], metavar="L",
                   help="language spoken (repeatable), e.g. ko")
    p.add_argument("--notes", default="")
    p.add_argument("--consent", action="append", default=[], metavar="SCOPE",
                   choices=list(CONSENT_SCOPES), help="consent scope (repeatable)")
    p.add_argument("--consent-how", choices=CONSENT_HOW)
    p.add_argument("--consent-date", metavar="YYYY-MM-DD",
                   help="day consent was given, year first (2026-11-29 or 2026.11.29)")
    p.add_argument("--interviewer")
    p.add_argument("--interpreter")
    p.add_argument("--present", action="append", default=[], metavar="NAME",
                   help="others present (repeatable)")
    p.add_argument("--date", metavar="ISO",
                   help="date and time, year first, e.g. 2026-03-02T10:00+09:00 or "
                        "'2026-03-02 10:00'; 03/04/2026 is refused as ambiguous")
    p.add_argument("--timezone", metavar="TZ", help="e.g. Asia/Seoul")
    p.add_argument("--place", help="coarse place, e.g. Seoul")
    p.set_defaults(func=cmd_add)
    vault_only(p, FIELD)

    p = isub.add_parser("list", help="list interviews")
    p.add_argument("--json", action="store_true")
    add_archive_option(p)
    p.set_defaults(func=cmd_list)

    p = isub.add_parser("show", help="show one interview")
    p.add_argument("id")
    p.add_argument("--json", action="store_true")
    add_archive_option(p)
    p.set_defaults(func=cmd_show)

    p = isub.add_parser("edit", help="change interview metadata or rename its code")
    p.add_argument("id")
    p.add_argument("--code", help="new pseudonym code (audited; the next bundle carries it)")
    p.add_argument("--date", metavar="ISO", help="date and time, year first")
    p.add_argument("--timezone", metavar="TZ")
    p.add_argument("--notes")
    p.add_argument("--status", choices=INTERVIEW_STATUSES)
    p.add_argument("--place")
    p.add_argument("--interviewer")
    p.add_argument("--interpreter")
    p.add_argument("--birth-year", type=int, help="interviewee's birth year (sensitive)")
    p.add_argument("--home-province", help="interviewee's home province (sensitive)")
    p.add_argument("--defection-year", type=int, help="(sensitive)")
    p.add_argument("--songbun", help="songbun as stated by the witness (sensitive)")
    p.set_defaults(func=cmd_edit)
    vault_only(p, FIELD)

    p = isub.add_parser("consent", help="set the consent scopes of an interview")
    p.add_argument("id")
    p.add_argument("--scope", action="append", required=True, choices=list(CONSENT_SCOPES))
    p.add_argument("--how", choices=CONSENT_HOW)
    p.add_argument("--date", metavar="YYYY-MM-DD", help="day consent was given, year first")
    p.set_defaults(func=cmd_consent)
    vault_only(p, FIELD)

    p = isub.add_parser("code-pattern",
                        help="show or set the organisation's pseudonym-code pattern")
    p.add_argument("pattern", nargs="?",
                   help="template: # any digit, @ any capital letter, e.g. NK-####-###; "
                        "'general' for any letters and digits joined by hyphens; '' for the "
                        "default ORG-YYYY-NNN")
    p.set_defaults(func=cmd_code_pattern)
    vault_only(p, FIELD)

    p = isub.add_parser("delete", help="delete an interview and its audio (audited)")
    p.add_argument("id")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.set_defaults(func=cmd_delete)
    vault_only(p, FIELD)

    # Also on the archive: a witness who withdraws may tell the organisation rather than the
    # interviewer, and the archive's briefs must leave the testimony out from then on.
    p = isub.add_parser("withdraw", help="record that the witness withdrew consent")
    p.add_argument("id")
    p.add_argument("--note", default="")
    add_archive_option(p)
    p.set_defaults(func=cmd_withdraw)


def cmd_add(ctx: Context, args: argparse.Namespace) -> int:
    new_id = interviews.add_interview(
        ctx.vault(), code=args.code, role=ctx.role, languages=args.language, notes=args.notes,
        consent_scopes=args.consent, consent_how=args.consent_how,
        consent_given_on=args.consent_date, interviewer=args.interviewer,
        interpreter=args.interpreter, others_present=args.present, started_at=args.date,
        timezone=args.timezone, place=args.place)
    print(new_id)
    return 0


def cmd_list(ctx: Context, args: argparse.Namespace) -> int:
    items = interviews.list_interviews(ctx.store())
    if args.json:
        print_json([i.to_dict() for i in items])
        return 0
    for i in items:
        consent = "WITHDRAWN" if i.consent.withdrawn else ",".join(i.consent.scopes) or "-"
        print(f"{i.id}  {i.code:16s} {i.status:11s} {','.join(i.languages) or '-':6s} {consent}")
    return 0


def cmd_show(ctx: Context, args: argparse.Namespace) -> int:
    item = interviews.get_interview(ctx.store(), args.id)
    if args.json:
        print_json(item.to_dict())
        return 0
    d = item.to_dict()
    for key in ("id", "code", "status", "interviewer", "interpreter", "others_present",
                "started_at", "timezone", "place", "languages", "notes", "created_at",
                "created_by"):
        print(f"{key:15s} {d[key]}")
    c = item.consent
    print(f"{'consent':15s} {', '.join(c.scopes) or '(none)'}"
          + (f"  WITHDRAWN {c.withdrawn_at}" if c.withdrawn else ""))
    return 0


def cmd_edit(ctx: Context, args: argparse.Namespace) -> int:
    vault = ctx.vault()
    fields = {k: getattr(args, k) for k in ("notes", "status", "place", "interviewer", "interpreter",
                                            "timezone")
              if getattr(args, k) is not None}
    if args.date is not None:
        fields["started_at"] = args.date
    if args.code is not None:
        # Checked before anything else changes, so a refused code changes nothing.
        codes.validate(vault, args.code)
        if fields:
            interviews.check_started_at(fields.get("started_at"))
    if fields:
        interviews.update_interview(vault, args.id, role=ctx.role, **fields)
    sensitive = (args.birth_year, args.home_province, args.defection_year, args.songbun)
    if any(v is not None for v in sensitive):
        current = interviews.get_interview(vault, args.id).interviewee
        interviews.set_interviewee(vault, args.id, role=ctx.role, details=Interviewee(
            args.birth_year if args.birth_year is not None else current.birth_year,
            args.home_province if args.home_province is not None else current.home_province,
            args.defection_year if args.defection_year is not None else current.defection_year,
            args.songbun if args.songbun is not None else current.songbun_stated))
    if args.code is not None:
        new = interviews.rename_interview(vault, args.id, args.code, role=ctx.role)
        print(f"Interview renamed to {new} (recorded in the audit log; the next bundle "
              "carries the new code).")
    print("Interview updated.")
    return 0


def cmd_consent(ctx: Context, args: argparse.Namespace) -> int:
    interviews.set_consent(ctx.vault(), args.id, role=ctx.role, scopes=args.scope,
                           how_given=args.how, given_on=args.date)
    print("Consent updated.")
    return 0


def cmd_withdraw(ctx: Context, args: argparse.Namespace) -> int:
    store = ctx.store()
    interviews.withdraw_consent(store, args.id, role=ctx.role, note=args.note)
    if ctx.archive_url is not None:
        print("Consent withdrawn; this interview will be left out of every brief.")
    else:
        print("Consent withdrawn; its testimony will be left out of every export and brief, "
              "and the next bundle tells the supervisors who have it.")
    return 0


def cmd_delete(ctx: Context, args: argparse.Namespace) -> int:
    vault = ctx.vault()
    item = interviews.get_interview(vault, args.id)
    if not args.yes:
        if not sys.stdin.isatty():
            raise UsageError.from_text("Deleting needs --yes when not run in a terminal; nothing was deleted.")
        answer = input(f"Type the code {item.code} to delete this interview and its audio: ")
        if answer.strip() != item.code:
            print("Nothing was deleted.")
            return 1
    interviews.delete_interview(vault, item.id, role=ctx.role)
    print(f"Interview {item.code} deleted (recorded in the audit log).")
    return 0


def cmd_code_pattern(ctx: Context, args: argparse.Namespace) -> int:
    vault = ctx.vault()
    if args.pattern is None:
        pattern = codes.get_pattern(vault)
        if not pattern:
            print(f"{codes.DEFAULT_SHAPE} (the default: 2 to 6 capital letters, the year and a "
                  f"3- or 4-digit number, e.g. {codes.EXAMPLE})")
        elif pattern == codes.GENERAL:
            print(f"general (letters and digits joined by hyphens, e.g. {codes.EXAMPLE})")
        else:
            print(pattern)
        print(f"Next free code: {codes.propose(vault) or '(none)'}")
        return 0
    pattern = codes.set_pattern(vault, args.pattern, role=ctx.role)
    if not pattern:
        print(f"New interview codes follow the default {codes.DEFAULT_SHAPE} again (for example "
              f"{codes.EXAMPLE}).")
    elif pattern == codes.GENERAL:
        print("New interview codes may be any letters and digits joined by hyphens (for example "
              f"{codes.EXAMPLE}).")
    else:
        print(f"New interview codes must now follow {pattern} (for example "
              f"{codes.example_for(pattern)}).")
    print("Existing codes are not changed.")
    return 0
