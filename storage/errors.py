"""Typed storage errors: ``errors.Problem`` subclasses whose kind the front ends act on.

The CLI turns kinds into its exit codes: failure 1, usage 2, locked 3 (wrong passphrase or
locked), integrity 4 (damage, tampering, a failed verification).
"""

from errors import Kind, Problem


class VaultError(Problem):
    """Base class; ``str(exc)`` is a complete sentence fit to show a user."""

    kind = Kind.FAILURE


class VaultNotFound(VaultError):
    kind = Kind.FAILURE


class VaultExists(VaultError):
    kind = Kind.FAILURE


class WrongPassphrase(VaultError):
    kind = Kind.LOCKED


class VaultLocked(VaultError):
    kind = Kind.LOCKED


class VaultCorrupt(VaultError):
    kind = Kind.INTEGRITY


class WeakKdf(VaultError):
    kind = Kind.INTEGRITY


class AuditBroken(VaultError):
    kind = Kind.INTEGRITY


class BlobError(VaultError):
    kind = Kind.FAILURE


class VaultBusy(VaultError):
    """Another process held the vault's write lock for longer than the busy timeout."""

    kind = Kind.FAILURE


class DiskFull(VaultError):
    kind = Kind.FAILURE


class ArchiveError(VaultError):
    """The organisation's PostgreSQL archive refused or could not do something."""

    kind = Kind.FAILURE


class ArchiveRefused(VaultError):
    """The archive's database refused an action to the connected role (row-level security)."""

    kind = Kind.USAGE
