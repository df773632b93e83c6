"""What a command handler needs: the vault or the archive (opened lazily), the role, the
passphrase sources."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app import archive as archive_app
from app.errors import UsageError
from app.paths import default_vault_path, state_dir
from app.unlock import unlock
from crypto.hardening import take_env_secret
from storage.errors import VaultLocked
from storage.vault import Vault

if TYPE_CHECKING:
    from storage.backend import Store
    from storage.pg.archive import Archive


def add_archive_option(parser: argparse.ArgumentParser) -> None:
    """``--archive URL`` for a command that works on the vault or on the archive alike."""
    parser.add_argument("--archive", metavar="URL", default=None,
                        help="work on the organisation's PostgreSQL archive instead of the "
                             "vault; your database account decides what you may do "
                             "(default: $TESTIMONY_ARCHIVE)")


def vault_only(parser: argparse.ArgumentParser, why: str) -> None:
    """Mark a command (after its ``set_defaults(func=...)``) as one that works on a vault only:
    named an archive (``--archive URL``, or TESTIMONY_ARCHIVE without ``--vault``), it is refused
    before anything is opened, with one sentence saying why (``why``, a clause) and what to do,
    rather than quietly working on a vault the person did not mean."""
    parser.add_argument("--archive", metavar="URL", default=None, help=argparse.SUPPRESS)
    func = parser.get_default("func")
    command = parser.prog.removeprefix("testimony ").strip()

    def refused_on_an_archive(ctx: Context, args: argparse.Namespace) -> Any:
        if ctx.archive_url is not None:
            raise UsageError.from_text(
                f"'testimony {command}' works on a vault only: {why}; nothing was done, run it "
                "with --vault DIR (and without --archive or TESTIMONY_ARCHIVE).")
        return func(ctx, args)

    parser.set_defaults(func=refused_on_an_archive, vault_only=why)


def read_passphrase_file(path: str) -> bytearray:
    try:
        with open(path, "rb") as fh:
            data = fh.read(4096)
    except OSError as exc:
        raise UsageError.from_text(f"Cannot read the passphrase file {path} ({exc.strerror}).") from exc
    line = data.splitlines()[0] if data else b""
    return bytearray(line)


class Context:
    def __init__(self, args: argparse.Namespace, *,
                 env_passphrase: bytearray | None = None) -> None:
        self.args = args
        self.role: str = args.role
        self._vault: Vault | None = None
        self._archive: Archive | None = None
        # TESTIMONY_PASSPHRASE, already taken out of the environment (crypto.hardening).
        self._env_passphrase = env_passphrase

    @property
    def vault_path(self) -> Path:
        if self.args.vault:
            return Path(self.args.vault).expanduser()
        return default_vault_path()

    def passphrase(self, prompt: str = "Passphrase: ", *, confirm: bool = False) -> bytearray:
        """From --passphrase-file, else TESTIMONY_PASSPHRASE (automation only), else a prompt."""
        if self.args.passphrase_file:
            return read_passphrase_file(self.args.passphrase_file)
        if self._env_passphrase is None:
            self._env_passphrase = take_env_secret("TESTIMONY_PASSPHRASE")
        if self._env_passphrase:
            return bytearray(self._env_passphrase)  # a copy: callers clear what they get
        return self.prompt_passphrase(prompt, confirm=confirm)

    @staticmethod
    def prompt_passphrase(prompt: str, *, confirm: bool = False) -> bytearray:
        if not sys.stdin.isatty():
            raise VaultLocked.from_text(
                "No passphrase was given; use --passphrase-file, or run in a terminal to be asked."
            )
        first = getpass.getpass(prompt)
        if confirm and getpass.getpass("Repeat passphrase: ") != first:
            raise UsageError.from_text("The two passphrases differ; nothing was changed, try again.")
        return bytearray(first.encode("utf-8"))

    def vault(self, *, readonly: bool = False, kdf_threads: int | None = None) -> Vault:
        """Unlock the vault once per command; reports earlier failed attempts on stderr.

        ``readonly`` opens it without writing anything (for commands that promise that);
        ``kdf_threads`` caps the key derivation's threads (the same key, other cores left free)."""
        if self._vault is None:
            passphrase = self.passphrase()
            try:
                result = unlock(self.vault_path, passphrase, state_dir=state_dir(), role=self.role,
                                readonly=readonly, kdf_threads=kdf_threads)
            finally:
                passphrase[:] = b"\0" * len(passphrase)
            if result.failed_attempts.count:
                sys.stderr.write(f"Warning: {result.failed_attempts.message()}\n")
            self._vault = result.vault
        return self._vault

    @property
    def archive_url(self) -> str | None:
        """The archive this command works on: ``--archive URL`` where the command takes it,
        else TESTIMONY_ARCHIVE unless ``--vault`` names a vault (what is typed wins over the
        environment); None for the vault."""
        if not hasattr(self.args, "archive"):
            return None
        if not self.args.archive and getattr(self.args, "vault", None):
            return None
        return archive_app.archive_url(self.args.archive)

    def store(self, *, readonly: bool = False) -> Store:
        """Where the command's data is: the organisation's archive when one is named (see
        ``archive_url``), else the unlocked vault. On the archive the database account decides
        what may be done, and ``role`` becomes who it is (``analyst:lee``, Archive.who): the
        role and login every change records; ``--role`` is not used there."""
        url = self.archive_url
        if url is None:
            return self.vault(readonly=readonly)
        if self._archive is None:
            self._archive = archive_app.open_archive(url)
            self.role = self._archive.who()
        return self._archive

    def vault_with_passphrase(self) -> tuple[Vault, bytearray]:
        """Unlock like ``vault()`` but hand back the passphrase too (rekey wraps the new key for
        it); the caller clears it."""
        if self._vault is not None:
            raise RuntimeError("vault_with_passphrase must be the first unlock of a command")
        passphrase = self.passphrase()
        try:
            result = unlock(self.vault_path, passphrase, state_dir=state_dir(), role=self.role)
        except BaseException:
            passphrase[:] = b"\0" * len(passphrase)
            raise
        if result.failed_attempts.count:
            sys.stderr.write(f"Warning: {result.failed_attempts.message()}\n")
        self._vault = result.vault
        return result.vault, passphrase

    def close(self) -> None:
        if self._env_passphrase:
            self._env_passphrase[:] = b"\0" * len(self._env_passphrase)
        if self._vault is not None:
            self._vault.lock()
            self._vault = None
        if self._archive is not None:
            self._archive.close()
            self._archive = None
