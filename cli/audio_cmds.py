"""Audio commands: record, import, list, export, devices, marker, markers."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from app.audio import assets as audio
from app.audio import markers
from app.errors import UsageError
from app.tasks import Cancelled
from cli.context import Context, add_archive_option, vault_only
from cli.output import StderrProgress, print_json

# Why the commands that record, import, mark or play audio refuse an archive
# (cli.context.vault_only).
RECORDINGS = ("recordings, imports and their markers are made in a vault and reach the archive "
              "only in bundles")
EXPORT = ("the archive keeps recordings encrypted to its key, which stays offline; verify them "
          "with 'testimony archive check'")


def register(sub: Any) -> None:
    au = sub.add_parser("audio", help="record, import, list and export interview audio")
    asub = au.add_subparsers(dest="audio_command", metavar="ACTION")

    p = asub.add_parser("record", help="record from a microphone until N seconds or Ctrl-C; "
                                       "prints the asset id")
    p.add_argument("id", help="interview id or code")
    p.add_argument("--seconds", type=float, metavar="N", help="stop after N seconds of audio")
    p.add_argument("--device", metavar="NAME",
                   help="input device (id or part of its name; see 'audio devices')")
    p.set_defaults(func=cmd_record)
    vault_only(p, RECORDINGS)

    p = asub.add_parser("devices", help="list audio input devices")
    p.set_defaults(func=cmd_devices)

    p = asub.add_parser("import", help="store an audio or video file's audio; prints the asset id")
    p.add_argument("id", help="interview id or code")
    p.add_argument("file", type=Path)
    p.set_defaults(func=cmd_import)
    vault_only(p, RECORDINGS)

    p = asub.add_parser("list", help="list an interview's recordings and imports")
    p.add_argument("id", help="interview id or code")
    p.add_argument("--json", action="store_true")
    add_archive_option(p)
    p.set_defaults(func=cmd_list)

    p = asub.add_parser("export", help="write the original audio bytes of an asset to FILE")
    p.add_argument("id", help="interview id or code")
    p.add_argument("asset", help="asset id (or a unique prefix of 6+ characters)")
    p.add_argument("file", type=Path)
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")
    p.set_defaults(func=cmd_export)
    vault_only(p, EXPORT)

    p = asub.add_parser("marker", help="flag a moment of the interview's audio")
    p.add_argument("id", help="interview id or code")
    p.add_argument("--at", type=float, required=True, metavar="SECONDS")
    p.add_argument("--note", default="")
    p.add_argument("--asset", help="the recording or import the time refers to")
    p.set_defaults(func=cmd_marker)
    vault_only(p, RECORDINGS)

    p = asub.add_parser("markers", help="list an interview's markers")
    p.add_argument("id", help="interview id or code")
    p.add_argument("--json", action="store_true")
    add_archive_option(p)
    p.set_defaults(func=cmd_markers)


def _quiet_qt_multimedia() -> None:
    # Qt Multimedia logs a missing optional PipeWire library while loading; the command line
    # promises one sentence on stderr, so that line is switched off (unless the user set rules).
    os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.symbolsresolver=false")


def cmd_record(ctx: Context, args: argparse.Namespace) -> int:
    if args.seconds is not None and args.seconds <= 0:
        raise UsageError.from_text("--seconds must be a positive number of seconds.")
    vault = ctx.vault()
    from app.interviews import resolve_id

    interview_id = resolve_id(vault, args.id)
    _quiet_qt_multimedia()
    from cli.record import record_headless  # Qt only for this command

    result = record_headless(
        vault, interview_id, role=ctx.role, seconds=args.seconds, device=args.device)
    print(result.asset_id)
    sys.stderr.write(f"Recorded {result.duration_s:.1f} s ({result.state}).\n")
    return 0 if result.end_reason == "stopped" else 1


def cmd_devices(ctx: Context, args: argparse.Namespace) -> int:
    _quiet_qt_multimedia()
    from qtaudio.capture import list_devices  # Qt only for this command

    for ident, description in list_devices():
        print(f"{ident}\t{description}")
    return 0


def cmd_import(ctx: Context, args: argparse.Namespace) -> int:
    vault = ctx.vault()
    try:
        asset = audio.import_audio(vault, args.id, args.file, role=ctx.role,
                                   progress=StderrProgress())
    except KeyboardInterrupt:
        # An import is all or nothing: say so rather than "work so far was kept".
        raise Cancelled.from_text("Import interrupted; nothing was stored.") from None
    print(asset.id)
    return 0


def cmd_list(ctx: Context, args: argparse.Namespace) -> int:
    items = audio.list_assets(ctx.store(), args.id)
    if args.json:
        print_json([a.to_dict() for a in items])
        return 0
    for a in items:
        duration = f"{a.duration_s:9.1f}s" if a.duration_s is not None else "         ?"
        print(f"{a.id}  {a.source:9s} {a.state:11s} {duration}  {a.codec or '-':10s} "
              f"{a.sample_rate or '-'} Hz x{a.channels or '-'}  sha256:{a.sha256 or '-'}")
    return 0


def cmd_export(ctx: Context, args: argparse.Namespace) -> int:
    item = audio.export_asset(ctx.vault(), args.id, args.asset, args.file, role=ctx.role,
                              force=args.force)
    print(f"Wrote {item.size} bytes to {args.file} (sha256 {item.sha256}, verified).")
    return 0


def cmd_marker(ctx: Context, args: argparse.Namespace) -> int:
    print(markers.add_marker(ctx.vault(), args.id, args.at, args.note, role=ctx.role,
                             asset=args.asset))
    return 0


def cmd_markers(ctx: Context, args: argparse.Namespace) -> int:
    items = markers.list_markers(ctx.store(), args.id)
    if args.json:
        print_json([m.to_dict() for m in items])
        return 0
    for m in items:
        print(f"{m.id}  {m.at_s:9.2f}s  {m.asset_id or '-'}  {m.note}")
    return 0
