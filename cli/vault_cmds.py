"""Vault commands: init, passwd, recovery-key, rekey, device show, audit verify/list, check, erase."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from app import passphrase as passphrase_policy
from app.errors import IntegrityFailure, UsageError
from app.paths import state_dir
from app.unlock import unlock_with_recovery
from app.vault_setup import change_passphrase, create_vault
from cli.context import Context, add_archive_option, read_passphrase_file, vault_only
from cli.output import print_json
from storage import audit
from storage.errors import VaultExists
from storage.vault import Vault, crypto_erase, is_vault

# Why each vault-only command refuses an archive (cli.context.vault_only).
NEW_VAULT = "a vault is made on a laptop; an archive is made with 'testimony archive init'"
SECRETS = ("the archive has no passphrase: each person's database account has its own "
              "password, which the archive's administrator changes in PostgreSQL")
DEVICE = "a device key belongs to a field laptop's vault"
CHECKED = "the archive's audit log and recordings are checked with 'testimony archive check'"
ERASE = ("crypto-erase destroys a laptop's vault; an archive is removed by its administrator "
         "in PostgreSQL")


def register(sub: Any) -> None:
    p = sub.add_parser("init", help="create a new vault")
    p.add_argument("--recovery-key", action="store_true",
                   help="also create a recovery code (printed once, for the organisation's safe)")
    p.set_defaults(func=cmd_init)
    vault_only(p, NEW_VAULT)

    p = sub.add_parser("passwd", help="change the vault passphrase (re-wraps the key only, "
                                      "unless --rekey)")
    p.add_argument("--new-passphrase-file", metavar="FILE")
    p.add_argument("--recovery-code-file", metavar="FILE",
                   help="unlock with the recovery code instead of the current passphrase")
    p.add_argument("--rekey", action="store_true",
                   help="also re-encrypt the database under a new data key (see 'rekey')")
    p.set_defaults(func=cmd_passwd)
    vault_only(p, SECRETS)

    p = sub.add_parser("recovery-key", help="create or replace the recovery code")
    p.set_defaults(func=cmd_recovery_key)
    vault_only(p, SECRETS)

    p = sub.add_parser("rekey", help="re-encrypt the database under a new data key, after a "
                                     "suspected copy of the vault or its header")
    p.add_argument("--recovery-key", action="store_true",
                   help="also create a recovery code if the vault has none (one it has is "
                        "always replaced)")
    p.set_defaults(func=cmd_rekey)
    vault_only(p, SECRETS)

    dev = sub.add_parser("device", help="this laptop's device identity")
    dsub = dev.add_subparsers(dest="device_command", metavar="ACTION")
    p = dsub.add_parser("show", help="print the device public key and fingerprint")
    p.set_defaults(func=cmd_device_show)
    vault_only(p, DEVICE)

    aud = sub.add_parser("audit", help="the vault's hash-chained audit log")
    asub = aud.add_subparsers(dest="audit_command", metavar="ACTION")
    p = asub.add_parser("verify", help="check the audit chain and the database pages")
    p.set_defaults(func=cmd_audit_verify)
    vault_only(p, CHECKED)
    p = asub.add_parser("list", help="print the audit log")
    p.add_argument("--json", action="store_true")
    add_archive_option(p)
    p.set_defaults(func=cmd_audit_list)

    p = sub.add_parser("check", help="check the database's integrity (page MACs and structure)")
    p.set_defaults(func=cmd_check)
    vault_only(p, CHECKED)

    p = sub.add_parser("erase", help="crypto-erase the whole vault (irreversible)")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.set_defaults(func=cmd_erase)
    vault_only(p, ERASE)


def cmd_init(ctx: Context, args: argparse.Namespace) -> int:
    path = ctx.vault_path
    if is_vault(path):
        raise VaultExists.from_text(f"There is already a vault at {path}; nothing was changed.")
    passphrase = ctx.passphrase("New passphrase: ", confirm=True)
    try:
        passphrase_policy.check_new(passphrase)
        sys.stderr.write("Calibrating key derivation for this machine (a few seconds)...\n")
        made = create_vault(path, passphrase, with_recovery=args.recovery_key, role=ctx.role)
    finally:
        passphrase[:] = b"\0" * len(passphrase)
    with made.vault:
        print(f"Created vault at {path}")
        print(f"Device fingerprint: {made.fingerprint}")
        if made.recovery_code:
            print("Recovery code (shown once; print it and keep it in the organisation's safe):")
            print(f"  {made.recovery_code}")
    return 0


PASSWD_ONLY_NOTE = (
    "This re-wrapped the data key only; the database was not re-encrypted. A saved copy of the "  # noqa: S105
    "old vault.header still opens the database with the old passphrase; if the vault or its "
    "header may have been copied, run 'testimony rekey'."
)
REKEY_NOTE = (
    "Copies of earlier vault.header files no longer open this database (neither with old "
    "passphrases nor with old recovery codes). A full copy taken earlier (old header and old "
    "database together, e.g. a disk image) still opens the data as it was then, with the "
    "passphrase of that time: nothing can revoke that copy."
)


def _progress(fraction: float, label: str) -> None:
    sys.stderr.write(f"\rRe-encrypting the vault: {int(fraction * 100):3d}% ({label})  ")
    if fraction >= 1.0:
        sys.stderr.write("\n")
    sys.stderr.flush()


def _print_new_recovery_code(code: str | None) -> None:
    if code:
        print("New recovery code (shown once; print it and keep it in the organisation's safe; "
              "the old code no longer works):")
        print(f"  {code}")


def cmd_passwd(ctx: Context, args: argparse.Namespace) -> int:
    own = args.recovery_code_file is not None
    if own:
        code = read_passphrase_file(args.recovery_code_file).decode("utf-8", "replace")
        result = unlock_with_recovery(ctx.vault_path, code, state_dir=state_dir())
        if result.failed_attempts.count:
            sys.stderr.write(f"Warning: {result.failed_attempts.message()}\n")
        vault = result.vault
    else:
        vault = ctx.vault()
    try:
        if args.new_passphrase_file:
            new = read_passphrase_file(args.new_passphrase_file)
        else:
            new = ctx.prompt_passphrase("New passphrase: ", confirm=True)
        try:
            new_code = change_passphrase(vault, new, role=ctx.role, rekey=args.rekey,
                                         progress=_progress)
        finally:
            new[:] = b"\0" * len(new)
    finally:
        if own:
            vault.lock()
    if args.rekey:
        print("Passphrase changed and the database re-encrypted under a new data key; the old "
              "passphrase no longer opens this vault.")
        print(REKEY_NOTE)
        _print_new_recovery_code(new_code)
    else:
        print("Passphrase changed; the old passphrase no longer opens this vault's current "
              "header.")
        print(PASSWD_ONLY_NOTE)
    return 0


def cmd_recovery_key(ctx: Context, args: argparse.Namespace) -> int:
    code = ctx.vault().add_recovery_key(role=ctx.role)
    print("Recovery code (shown once; any earlier code no longer works with the current header):")
    print(f"  {code}")
    print("A saved copy of the old vault.header still opens the database with the earlier code "
          "(and the passphrase of its time); if such a copy may exist, run 'testimony rekey'.")
    return 0


def cmd_rekey(ctx: Context, args: argparse.Namespace) -> int:
    vault, passphrase = ctx.vault_with_passphrase()
    try:
        with_recovery = True if args.recovery_key else None
        code = vault.rekey(passphrase, with_recovery=with_recovery, role=ctx.role,
                           progress=_progress)
    finally:
        passphrase[:] = b"\0" * len(passphrase)
    print("Vault re-encrypted under a new data key; the passphrase stays the same.")
    print(REKEY_NOTE)
    _print_new_recovery_code(code)
    return 0


def device_public_text(vault: Vault) -> str:
    """The device's public key in the form 'keys trust-device' accepts (with a minisign line and
    the age recipient that the supervisor's receipts are encrypted to)."""
    from app.bundles.keys import vault_device_public_text

    return vault_device_public_text(vault)


def cmd_device_show(ctx: Context, args: argparse.Namespace) -> int:
    sys.stdout.write(device_public_text(ctx.vault()))
    return 0


def cmd_audit_verify(ctx: Context, args: argparse.Namespace) -> int:
    vault = ctx.vault()
    problems = vault.integrity_check()
    if problems:
        raise IntegrityFailure.from_text(
            "The vault database failed its integrity check; restore it from a backup.")
    count = audit.verify(vault.conn)
    print(f"Audit log intact: {count} entries, hash chain and head verified.")
    return 0


def cmd_audit_list(ctx: Context, args: argparse.Namespace) -> int:
    rows = audit.entries(ctx.store().conn)
    if args.json:
        print_json([e.__dict__ for e in rows])
    else:
        for e in rows:
            print(f"{e.seq:6d}  {e.at}  {e.role:11s} {e.action:24s} {e.object_type}"
                  f" {e.object_id or ''}")
    return 0


def cmd_check(ctx: Context, args: argparse.Namespace) -> int:
    problems = ctx.vault().integrity_check()
    if problems:
        raise IntegrityFailure.from_text(
            f"The vault database is damaged ({len(problems)} problems); restore it from a backup.")
    print("Database integrity check passed.")
    return 0


def cmd_erase(ctx: Context, args: argparse.Namespace) -> int:
    path = ctx.vault_path
    if not args.yes:
        if not sys.stdin.isatty():
            raise UsageError.from_text("Erasing needs --yes when not run in a terminal; nothing was erased.")
        answer = input(f"Type ERASE to destroy the vault at {path} for ever: ")
        if answer.strip() != "ERASE":
            print("Nothing was erased.")
            return 1
    crypto_erase(path)
    print("Vault erased: its keys were destroyed and its files deleted. "
          "(On SSDs and flash drives old blocks, earlier headers included, may survive until "
          "the drive reuses them; full-disk encryption is what protects those.)")
    return 0
