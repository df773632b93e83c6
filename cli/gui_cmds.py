"""``testimony gui``: open the desktop client on the vault (first run: the setup screen), or
on the organisation's archive (``--archive URL`` or TESTIMONY_ARCHIVE)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.errors import AppError
from cli.context import Context


def register(sub: Any) -> None:
    p = sub.add_parser("gui", help="open the desktop window (first run: create the vault)")
    # Accepted after the command too, so 'testimony-gui --vault DIR' and 'scripts/run.sh --vault
    # DIR' work; separate dests so they never clobber the global options.
    p.add_argument("--vault", dest="gui_vault", metavar="DIR", help="vault folder to open")
    p.add_argument("--archive", dest="gui_archive", metavar="URL",
                   help="open the organisation's archive at this address (its password is asked; "
                        "default: TESTIMONY_ARCHIVE)")
    p.add_argument("--role", dest="gui_role",
                   choices=["interviewer", "translator", "coder", "supervisor"])
    p.set_defaults(func=cmd_gui)


def cmd_gui(ctx: Context, args: argparse.Namespace) -> int:
    # Imported here, not at the top, so the command line keeps working without PySide6.
    try:
        from ui.main import run
    except ImportError as exc:
        raise AppError.from_text(
            "The desktop window cannot start because Qt (PySide6) is not installed; "
            "reinstall Testimony Vault or use the command line."
        ) from exc
    from app.archive import archive_url, without_password

    vault = Path(args.gui_vault).expanduser() if args.gui_vault else ctx.vault_path
    # The window asks for the password; one written into the address is not carried over.
    # What is typed wins over the environment: a typed --vault is not overridden by
    # TESTIMONY_ARCHIVE (the same rule as Context.archive_url).
    typed = args.gui_archive or getattr(args, "archive", None)
    url = archive_url(typed) if typed or not (args.gui_vault or ctx.args.vault) else None
    return int(run(vault, role=args.gui_role or ctx.role,
                   archive=(without_password(url) or url) if url else None))
