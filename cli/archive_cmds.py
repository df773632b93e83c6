"""Archive commands: the organisation's PostgreSQL archive (archive init, migrate, trust-device,
check, upgrade), and ``--archive URL`` for ``import`` and ``search``.

The archive's address is a libpq connection string or URL (``postgresql://user@host/db`` or
``host=/run/postgresql dbname=archive``), from ``--archive``/``--postgres``/``--to`` or
TESTIMONY_ARCHIVE. The database account decides what the person may do (docs/archive.md).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app import archive as archive_app
from app.bundles import keys as keymod
from app.bundles.importer import import_bundle
from app.bundles.receipts import write_receipt
from app.errors import UsageError
from cli.bundle_report import in_words
from cli.context import Context
from cli.output import StderrProgress, print_json


def register(sub: Any) -> None:
    arc = sub.add_parser("archive", help="the organisation's PostgreSQL archive")
    asub = arc.add_subparsers(dest="archive_command", metavar="ACTION")
    p = asub.add_parser("init", help="create an archive in an empty PostgreSQL database")
    p.add_argument("--postgres", required=True, metavar="URL",
                   help="the database (libpq URL or connection string)")
    p.add_argument("--objects", required=True, metavar="DIR",
                   help="a new or empty folder for the encrypted recordings")
    p.add_argument("--key-out", required=True, metavar="FILE",
                   help="write the archive's SECRET key (decrypts the recordings) to this new "
                        "file")
    p.set_defaults(func=cmd_init)
    p = asub.add_parser("migrate", help="copy a supervisor vault into the archive (re-runnable)")
    p.add_argument("--from", dest="source", required=True, metavar="VAULT",
                   help="the supervisor vault folder")
    p.add_argument("--to", dest="target", required=True, metavar="URL", help="the archive")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_migrate)
    p = asub.add_parser("trust-device", help="pin a field laptop's device key in the archive")
    p.add_argument("pubfile")
    p.add_argument("--archive", metavar="URL", help="the archive (default: $TESTIMONY_ARCHIVE)")
    p.set_defaults(func=cmd_trust_device)
    p = asub.add_parser("check", help="check the audit log and that every recording's object "
                                      "file is present (and, with --key, decrypts to its hash)")
    p.add_argument("--archive", metavar="URL", help="the archive (default: $TESTIMONY_ARCHIVE)")
    p.add_argument("--key", metavar="FILE", help="the archive key file: also decrypt and hash "
                                                 "every recording")
    p.set_defaults(func=cmd_check)
    p = asub.add_parser("upgrade", help="bring an archive made by an older version up to this "
                                        "one and re-apply the roles' rights (administrator)")
    p.add_argument("--archive", metavar="URL", help="the archive, as the account that owns its "
                                                    "tables (default: $TESTIMONY_ARCHIVE)")
    p.set_defaults(func=cmd_upgrade)


def _url(given: str | None) -> str:
    url = archive_app.archive_url(given)
    if url is None:
        raise UsageError.from_text("No archive was named; give --archive URL or set "
                                   "TESTIMONY_ARCHIVE.")
    return url


def cmd_init(ctx: Context, args: argparse.Namespace) -> int:
    with archive_app.init_archive(args.postgres, Path(args.objects), Path(args.key_out),
                                  role=ctx.role) as archive:
        print(f"Created archive {archive.archive_id} in the {archive.where}.")
        print(f"Recordings will be kept encrypted in {archive.objects.folder}.")
        print(f"The archive key was written to {args.key_out}: it decrypts every recording. "
              "Keep it offline, with a copy in the organisation's safe.")
    return 0


def cmd_migrate(ctx: Context, args: argparse.Namespace) -> int:
    ctx.args.vault = args.source
    vault = ctx.vault()
    with archive_app.open_archive(args.target) as archive:
        result = archive_app.migrate_vault(vault, archive, role=ctx.role)
    if args.json:
        print_json({"copied": result.copied, "present": result.present,
                    "objects_new": result.objects_new,
                    "objects_present": result.objects_present,
                    "audit_entries": result.audit_entries})
        return 0
    present = sum(result.present.values())
    print(f"Copied {result.rows_new} new records and {result.objects_new} recordings; "
          f"{present} records and {result.objects_present} recordings were already there.")
    print("Verified: every record of the vault is in the archive (counted per table), and "
          "every recording's object is present under its SHA-256.")
    return 0


def cmd_trust_device(ctx: Context, args: argparse.Namespace) -> int:
    try:
        text = Path(args.pubfile).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError.from_text(f"Cannot read the device public key file {args.pubfile}; "
                                   "check the path.") from exc
    dev = keymod.parse_device_public(text)
    with archive_app.open_archive(_url(args.archive)) as archive:
        added = keymod.trust_device(archive, dev, role=ctx.role)
    print(f"{'Pinned' if added else 'Already pinned'} device {dev.device_id}")
    print(f"Fingerprint: {dev.fingerprint}")
    print("Compare this fingerprint aloud with the interviewer before importing its bundles.")
    return 0


def cmd_check(ctx: Context, args: argparse.Namespace) -> int:
    secret = archive_app.read_archive_key(Path(args.key)) if args.key else None
    with archive_app.open_archive(_url(args.archive)) as archive:
        report = archive.check(secret)
    for problem in report.problems:
        print(problem)
    if report.problems:
        return 4
    print(f"Audit log intact ({report.audit_entries} entries); every recording's object is "
          "present" + (f"; {report.decrypted} recordings decrypted and matched their SHA-256."
                       if secret else "."))
    return 0


def cmd_upgrade(ctx: Context, args: argparse.Namespace) -> int:
    report = archive_app.upgrade_archive(_url(args.archive))
    if report.from_version == report.to_version:
        print(f"The archive is at data version {report.to_version} already.")
    else:
        print(f"Upgraded the archive from data version {report.from_version} to "
              f"{report.to_version}.")
    if report.added:
        print(f"Added: {', '.join(report.added)}.")
    print("The supervisor, analyst and translator roles have exactly this version's rights "
          "again.")
    return 0


def import_into_archive(ctx: Context, args: argparse.Namespace) -> int:
    """``testimony import --archive URL BUNDLE``: the same importer, writing to the archive."""
    if not args.identity:
        raise UsageError.from_text("Importing into an archive needs the supervisor key file; "
                                   "give --identity KEYFILE. Nothing was imported.")
    identity = keymod.load_identity(Path(args.identity))
    receipt = Path(args.receipt) if args.receipt else None
    if receipt is not None and (receipt.exists() or not receipt.parent.is_dir()):
        raise UsageError.from_text(f"Cannot write the receipt to {receipt} (it exists, or its "
                                   "folder does not); choose a new file name. Nothing was "
                                   "imported.")
    with archive_app.open_archive(_url(args.archive)) as archive:
        result = import_bundle(archive, Path(args.file), identity,
                               role=ctx.role, progress=StderrProgress())
    for w in result.warnings:
        sys.stderr.write(f"Warning: {w.render()}\n")
    if result.replay:
        print(f"Bundle {result.bundle_id} was already imported; nothing changed.")
    else:
        print(f"Imported bundle {result.bundle_id} into the archive (device {result.device_id}, "
              f"sequence {result.sequence}): {in_words(result.inserted_by_table)} "
              f"({result.inserted} new records, {result.skipped} unchanged, "
              f"{len(result.conflicts)} conflicts).")
    if receipt is not None:
        write_receipt(receipt, identity, result)
        print(f"Receipt written to {receipt} (encrypted to the laptop); give it to the "
              "interviewer.")
    return 0


def search_archive(args: argparse.Namespace, url: str) -> int:
    """``testimony search --archive URL QUERY``: substring and alias search in the archive."""
    with archive_app.open_archive(url) as archive:
        hits = archive_app.search(archive, args.query, limit=args.limit)
    if args.json:
        print_json({"query": args.query, "hits": hits})
        return 0
    if not hits:
        print("No matches.")
    for h in hits:
        where = f"segment {h['segment'] + 1}" + (
            "" if h["layer"] == "original" else f" ({h['layer']})")
        print(f"{h['interview']}  {where:22s} {h['text']}")
    return 0
