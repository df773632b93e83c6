"""Bundle commands: keys, export, verify, import, conflicts, receipt, purge, redact (thin over
app.bundles)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.archive import open_archive
from app.bundles import keys as keymod
from app.bundles import supervisor_keys
from app.bundles.conflicts import list_conflicts, reassign_owner, resolve_conflict
from app.bundles.export import export_bundle
from app.bundles.importer import import_bundle, verify_bundle
from app.bundles.receipts import apply_receipt, purge_acknowledged, write_receipt
from app.bundles.redaction import add_redaction
from app.errors import UsageError
from cli.bundle_report import in_words, report_json, report_lines
from cli.context import Context, add_archive_option, vault_only
from cli.output import StderrProgress, print_json
from crypto import minisign

# Why the key, export, receipt, purge and redaction commands refuse an archive
# (cli.context.vault_only).
KEYS = ("supervisor keys and pinned keys are kept in a vault; the archive pins a laptop with "
        "'testimony archive trust-device' and imports with a supervisor key file")
FIELD = ("bundles are exported, receipts applied and interviews purged on the field laptop "
         "that recorded them")
REDACT = ("redactions are marked in a vault for the 'share' bundles it exports, and the archive "
          "exports no bundles")


def register(sub: Any) -> None:
    k = sub.add_parser("keys", help="supervisor keys and pinned (trusted) keys")
    ksub = k.add_subparsers(dest="keys_command", metavar="ACTION")
    p = ksub.add_parser("supervisor-new", help="make a supervisor key (kept in this vault, or "
                        "with --out in a file); print its public part")
    p.add_argument("--out", metavar="FILE", help="write the SECRET key to this new file instead "
                   "of keeping it in the vault")
    p.add_argument("--label", default="", help="a name shown next to the key")
    p.set_defaults(func=cmd_supervisor_new)
    vault_only(p, KEYS)
    p = ksub.add_parser("supervisor-import", help="move a supervisor key file into this vault")
    p.add_argument("keyfile")
    p.add_argument("--label", default="")
    p.set_defaults(func=cmd_supervisor_import)
    vault_only(p, KEYS)
    p = ksub.add_parser("supervisor-pub", help="print the public part of this vault's "
                        "supervisor key (to give to interviewers)")
    p.set_defaults(func=cmd_supervisor_pub)
    vault_only(p, KEYS)
    p = ksub.add_parser("trust-supervisor", help="pin a supervisor's public key in this vault")
    p.add_argument("pubfile")
    p.add_argument("--label", default="")
    p.set_defaults(func=cmd_trust_supervisor)
    vault_only(p, KEYS)
    p = ksub.add_parser("trust-device", help="pin a laptop's device key in this vault")
    p.add_argument("pubfile")
    p.set_defaults(func=cmd_trust_device)
    vault_only(p, KEYS)
    p = ksub.add_parser("list", help="this device and every pinned key")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_keys_list)
    vault_only(p, KEYS)
    p = ksub.add_parser("device-pub", help="print this device's public key")
    p.add_argument("--minisign", action="store_true",
                   help="as a minisign public key file (for 'minisign -V -p FILE')")
    p.set_defaults(func=cmd_device_pub)
    vault_only(p, KEYS)

    p = sub.add_parser("export", help="write a signed, encrypted bundle")
    p.add_argument("ids", nargs="*", metavar="ID", help="interview ids or codes (default: all)")
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--recipient", action="append", default=[], metavar="PUBFILE",
                   help="a pinned supervisor's public key file (repeatable)")
    p.add_argument("--profile", default="archive", choices=["archive", "share"])
    p.add_argument("--purpose", default="archive", choices=["archive", "un", "court",
                                                            "publication"])
    p.add_argument("--since-last", action="store_true",
                   help="only interviews changed since the last bundle to these recipients")
    p.add_argument("--unencrypted", action="store_true", help="write an unencrypted bundle")
    p.add_argument("--i-understand", action="store_true",
                   help="confirm that an unencrypted bundle exposes the testimony")
    p.set_defaults(func=cmd_export)
    vault_only(p, FIELD)

    p = sub.add_parser("verify", help="check a bundle; never writes")
    p.add_argument("file")
    p.add_argument("--identity", metavar="KEYFILE", help="a supervisor key file (default: the "
                   "key kept in the --vault given, if any)")
    anchor = p.add_mutually_exclusive_group()
    anchor.add_argument("--vault", dest="verify_vault", metavar="DIR",
                        help="check the signer and sequence against the devices pinned in this "
                        "vault")
    anchor.add_argument("--archive", metavar="URL",
                        help="check the signer and sequence against the devices pinned in this "
                        "PostgreSQL archive (nothing is written)")
    anchor.add_argument("--signer", metavar="PUBFILE",
                        help="check the signer against this device public key file (what "
                        "'testimony device show' printed on the laptop, obtained in person)")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(func=cmd_verify)

    p = sub.add_parser("import", help="verify and merge a bundle into this vault")
    p.add_argument("file")
    p.add_argument("--identity", metavar="KEYFILE",
                   help="a supervisor key file (default: the key kept in this vault)")
    p.add_argument("--receipt", "--receipt-out", dest="receipt", metavar="FILE",
                   help="also write the signed receipt, encrypted to the laptop, to this new "
                        "file (default: no receipt)")
    p.add_argument("--archive", metavar="URL", default=None,
                   help="import into the organisation's PostgreSQL archive instead of the vault "
                        "(default: $TESTIMONY_ARCHIVE)")
    p.set_defaults(func=cmd_import)

    c = sub.add_parser("conflicts", help="import conflicts kept for review (supervisor)")
    csub = c.add_subparsers(dest="conflicts_command", metavar="ACTION")
    p = csub.add_parser("list", help="unresolved conflicts (interviews left out of receipts)")
    p.add_argument("--all", action="store_true", help="include resolved ones")
    p.add_argument("--json", action="store_true")
    add_archive_option(p)
    p.set_defaults(func=cmd_conflicts_list)
    p = csub.add_parser("resolve", help="mark a conflict reviewed (the vault's version stays)")
    p.add_argument("conflict_id", metavar="CONFLICT-ID")
    add_archive_option(p)
    p.set_defaults(func=cmd_conflicts_resolve)
    p = csub.add_parser("reassign", help="move an interview to the pinned device that really "
                        "recorded it (after a forged bundle arrived first)")
    p.add_argument("interview", metavar="ID", help="interview id or code")
    p.add_argument("--to", required=True, metavar="DEVICE-ID", dest="device",
                   help="the pinned device that recorded it ('keys list' shows device ids)")
    p.add_argument("--reason", required=True,
                   help="how you checked, in person, which laptop recorded it")
    add_archive_option(p)
    p.set_defaults(func=cmd_conflicts_reassign)

    r = sub.add_parser("receipt", help="supervisor receipts")
    rsub = r.add_subparsers(dest="receipt_command", metavar="ACTION")
    p = rsub.add_parser("apply", help="mark the interviews a receipt covers as safe to purge")
    p.add_argument("file")
    p.set_defaults(func=cmd_receipt_apply)
    vault_only(p, FIELD)

    p = sub.add_parser("purge", help="delete interviews a supervisor acknowledged")
    p.add_argument("--acknowledged", action="store_true", required=True)
    p.set_defaults(func=cmd_purge)
    vault_only(p, FIELD)

    p = sub.add_parser("redact", help="mark a span of a segment for redaction in 'share' bundles")
    p.add_argument("id", metavar="ID")
    p.add_argument("--segment", required=True, metavar="N",
                   help="segment number as 'transcript show' prints it, or its id")
    p.add_argument("--chars", required=True, metavar="A:B", help="character range, end exclusive")
    p.add_argument("--reason", required=True)
    p.add_argument("--layer", default="original", choices=["original", "translation"])
    p.set_defaults(func=cmd_redact)
    vault_only(p, REDACT)


def _read(path: str, what: str) -> str:
    return keymod.read_key_file(path, what)


def cmd_supervisor_new(ctx: Context, args: argparse.Namespace) -> int:
    if args.out is None:
        held = supervisor_keys.create_in_vault(ctx.vault(), role=ctx.role, label=args.label)
        sys.stderr.write("Secret key kept inside this vault; 'import' and 'verify --vault' use "
                         "it without --identity.\n")
        sys.stdout.write(held.identity.public.text(args.label))
        return 0
    out = Path(args.out)
    if not out.parent.is_dir():
        raise UsageError.from_text(f"The folder {out.parent} does not exist; create it first.")
    text, identity = keymod.new_supervisor_key()
    supervisor_keys.write_new_file(out, text.encode("ascii"), 0o600)
    sys.stderr.write(f"Secret key written to {out}; keep it offline and never share it.\n")
    sys.stdout.write(identity.public.text(args.label))
    return 0


def cmd_supervisor_import(ctx: Context, args: argparse.Namespace) -> int:
    held = supervisor_keys.import_file(ctx.vault(), Path(args.keyfile), role=ctx.role,
                                       label=args.label)
    print(f"Supervisor key {held.fingerprint} is now kept inside this vault. Destroy the key "
          f"file {args.keyfile} if no other copy is needed (on SSDs deleting may not erase it).")
    return 0


def cmd_supervisor_pub(ctx: Context, args: argparse.Namespace) -> int:
    found = supervisor_keys.held_keys(ctx.vault())
    if not found:
        raise UsageError(supervisor_keys.NO_KEY)
    for held in found:
        sys.stdout.write(held.identity.public.text(held.label))
    return 0


def cmd_trust_supervisor(ctx: Context, args: argparse.Namespace) -> int:
    pub, added = keymod.trust_supervisor_file(ctx.vault(), args.pubfile, role=ctx.role,
                                              label=args.label)
    print(f"{'Pinned' if added else 'Already pinned'} supervisor {pub.fingerprint}")
    print("Compare this fingerprint aloud with the supervisor before exporting to it.")
    return 0


def cmd_trust_device(ctx: Context, args: argparse.Namespace) -> int:
    dev = keymod.parse_device_public(_read(args.pubfile, "device public key file"))
    added = keymod.trust_device(ctx.vault(), dev, role=ctx.role)
    print(f"{'Pinned' if added else 'Already pinned'} device {dev.device_id}")
    print(f"Fingerprint: {dev.fingerprint}")
    if dev.age_recipient:
        print(f"Receipt key: {dev.age_recipient}")
    print("Compare this fingerprint aloud with the interviewer before importing its bundles.")
    return 0


def cmd_keys_list(ctx: Context, args: argparse.Namespace) -> int:
    info = keymod.list_keys(ctx.vault())
    info["own_supervisor_keys"] = [{"label": k.label, "fingerprint": k.fingerprint,
                                    "created_at": k.created_at}
                                   for k in supervisor_keys.held_keys(ctx.vault())]
    if args.json:
        print_json(info)
        return 0
    print(f"This device: {info['device']['device_id']}  {info['device']['fingerprint']}")
    for k in info["own_supervisor_keys"]:
        print(f"Supervisor key kept in this vault: {k['fingerprint']}  {k['label']}")
    print("Pinned supervisors:" if info["supervisors"] else "Pinned supervisors: none")
    for s in info["supervisors"]:
        print(f"  {s['fingerprint']}  {s['age_recipient']}  {s['label']}")
    print("Pinned devices:" if info["devices"] else "Pinned devices: none")
    for d in info["devices"]:
        print(f"  {d['fingerprint']}  {d['device_id']}")
    return 0


def cmd_device_pub(ctx: Context, args: argparse.Namespace) -> int:
    device = ctx.vault().device()
    if args.minisign:
        sys.stdout.write(minisign.public_key_file(device.public_key))
    else:
        sys.stdout.write(keymod.vault_device_public_text(ctx.vault()))
    return 0


def cmd_export(ctx: Context, args: argparse.Namespace) -> int:
    if args.unencrypted and not args.i_understand:
        raise UsageError.from_text("An unencrypted bundle exposes the testimony to anyone holding the file;"
                         " add --i-understand to confirm, or name a --recipient instead.")
    if args.unencrypted and args.recipient:
        raise UsageError.from_text("Choose either --recipient or --unencrypted, not both.")
    vault = ctx.vault()
    recipients = [keymod.require_pinned_recipient(vault, _read(p, "recipient key file"))
                  for p in args.recipient]
    if args.unencrypted:
        sys.stderr.write("WARNING: writing an UNENCRYPTED bundle; anyone who gets the file can "
                         "read the testimony.\n")
    result = export_bundle(
        vault, args.ids, recipients=recipients, out=Path(args.out), role=ctx.role,
        profile=args.profile, purpose=args.purpose, since_last=args.since_last,
        unencrypted=args.unencrypted, progress=StderrProgress(),
        notice=_notice)
    print(f"Wrote bundle {result.bundle_id} (sequence {result.sequence}) to {result.path}")
    print(f"Interviews: {', '.join(result.interviews) or 'none'}")
    if result.withdrawals:
        print("Withdrawals of consent (the recipients hold these interviews from earlier "
              f"bundles; no testimony was sent): {', '.join(result.withdrawals)}")
    if result.redactions:
        print(f"Redacted spans: {result.redactions}")
    return 0


def _notice(message: str) -> None:
    sys.stderr.write(message + "\n")


NO_ANCHOR = ("The bundle is intact, but its origin was NOT checked: anyone can make a key and "
             "claim a device id, so pass --signer with the device key obtained in person "
             "('testimony device show' on the laptop) or --vault with your vault.")


def cmd_verify(ctx: Context, args: argparse.Namespace) -> int:
    signer = (keymod.parse_device_public(_read(args.signer, "device public key file"))
              if args.signer else None)
    vault = None
    # Only verify's own --vault counts: without it the report is integrity-only, as documented,
    # whichever vault the global option or TESTIMONY_VAULT names. Opened read-only.
    if args.verify_vault:
        ctx.args.vault = args.verify_vault
        vault = ctx.vault(readonly=True)
    archive = open_archive(args.archive) if getattr(args, "archive", None) else None
    try:
        identity = supervisor_keys.identity_or_default(vault, args.identity)
        report = verify_bundle(Path(args.file), identity,
                               vault=archive if archive is not None else vault, signer=signer,
                               progress=StderrProgress())
    finally:
        if archive is not None:
            archive.close()
    if args.json:
        print_json(report_json(report))
    else:
        print("\n".join(report_lines(report)))
        print("Result: VALID" if report.origin_checked
              else "Result: NOT VALIDATED (intact, origin not checked)")
    if not report.origin_checked:
        # Exit 4 like any failed verification: scripts must not take integrity for origin.
        sys.stderr.write(NO_ANCHOR + "\n")
        return 4
    return 0


def cmd_import(ctx: Context, args: argparse.Namespace) -> int:
    if (url := ctx.archive_url) is not None:
        from cli.archive_cmds import import_into_archive
        args.archive = url
        return import_into_archive(ctx, args)
    vault = ctx.vault()
    identity = (keymod.load_identity(Path(args.identity)) if args.identity
                else supervisor_keys.vault_identity(vault))
    receipt = Path(args.receipt) if args.receipt else None
    if receipt is not None and (receipt.exists() or not receipt.parent.is_dir()):
        # Checked before importing, so a bad path never follows a successful import.
        raise UsageError.from_text(f"Cannot write the receipt to {receipt} (it exists, or its folder does "
                         "not); choose a new file name. Nothing was imported.")
    result = import_bundle(vault, Path(args.file), identity, role=ctx.role,
                           progress=StderrProgress())
    for w in result.warnings:
        sys.stderr.write(f"Warning: {w.render()}\n")
    if result.replay:
        print(f"Bundle {result.bundle_id} was already imported; nothing changed.")
    else:
        print(f"Imported bundle {result.bundle_id} (device {result.device_id}, sequence "
              f"{result.sequence}): {in_words(result.inserted_by_table)} "
              f"({result.inserted} new records, {result.skipped} unchanged, "
              f"{len(result.conflicts)} conflicts).")
        for table, key in result.conflicts:
            print(f"  conflict kept for review: {table} {key}")
    codes = {i.id: i.code for i in result.manifest.body.interviews}
    if result.withdrawn:
        print("Consent withdrawn, as the laptop recorded it; briefs leave these out: "
              f"{', '.join(codes.get(i, i) for i in result.withdrawn)}")
    if result.conflicted_interviews:
        print("Left out of the receipt until their conflicts are reconciled (the laptop keeps "
              f"them): {', '.join(codes.get(i, i) for i in result.conflicted_interviews)}")
    if receipt is None:
        print("No receipt was written. To write one, import the same file again with "
              "--receipt FILE (that changes nothing here).")
        return 0
    write_receipt(receipt, identity, result)
    print(f"Receipt written to {receipt} (encrypted to the laptop); give it to the interviewer.")
    return 0


def cmd_conflicts_list(ctx: Context, args: argparse.Namespace) -> int:
    found = list_conflicts(ctx.store(), include_resolved=args.all)
    if args.json:
        print_json([c.as_dict() for c in found])
        return 0
    for c in found:
        print(c.line())
    print(f"{len(found)} {'conflicts' if args.all else 'unresolved conflicts'}.")
    return 0


def cmd_conflicts_resolve(ctx: Context, args: argparse.Namespace) -> int:
    c = resolve_conflict(ctx.store(), args.conflict_id, role=ctx.role)
    print(f"Conflict {c.id} marked resolved; the vault's version stays. Import the interview's "
          "bundle again to write a receipt that includes it once it has no other conflicts.")
    return 0


def cmd_conflicts_reassign(ctx: Context, args: argparse.Namespace) -> int:
    c = reassign_owner(ctx.store(), args.interview, args.device, role=ctx.role,
                       reason=args.reason)
    print(f"Interview {c.interview_code} now belongs to device {c.to_device} (was "
          f"{c.from_device}); nothing was deleted. Import that device's bundle again: its "
          "differences from what is here are kept as conflicts for you to review.")
    return 0


def cmd_receipt_apply(ctx: Context, args: argparse.Namespace) -> int:
    try:
        with open(args.file, "rb") as fh:
            data = fh.read(4 * 1024 * 1024 + 1)
    except OSError as exc:
        raise UsageError.from_text(f"Cannot read the receipt {args.file} ({exc.strerror}).") from exc
    result = apply_receipt(ctx.vault(), data, role=ctx.role)
    print(f"Receipt for bundle {result.bundle_id} applied: {len(result.acknowledged)} "
          "interviews may now be purged with 'testimony purge --acknowledged'.")
    return 0


def cmd_purge(ctx: Context, args: argparse.Namespace) -> int:
    result = purge_acknowledged(ctx.vault(), role=ctx.role)
    for line in result.kept:
        print(line)
    print(f"Purged {len(result.purged)} interviews: {', '.join(result.purged) or 'none'}")
    return 0


def cmd_redact(ctx: Context, args: argparse.Namespace) -> int:
    a, sep, b = args.chars.partition(":")
    if not sep or not a.isdigit() or not b.isdigit():
        raise UsageError.from_text("Give --chars as A:B, for example --chars 10:24.")
    rid = add_redaction(ctx.vault(), args.id, args.segment, int(a), int(b), args.reason,
                        role=ctx.role, layer=args.layer)
    print(f"Marked for redaction ({rid}); 'share' bundles will show it as [REDACTED].")
    return 0
