"""Typed storage errors. Each carries a one-sentence message for the user and an exit code.

Exit codes follow the command line contract: 1 other failure, 2 usage, 3 wrong passphrase or
locked, 4 integrity or verification failure.
"""


class VaultError(Exception):
    """Base class; ``str(exc)`` is a complete sentence fit to show a user."""

    exit_code = 1


class VaultNotFound(VaultError):
    exit_code = 1


class VaultExists(VaultError):
    exit_code = 1


class WrongPassphrase(VaultError):
    exit_code = 3


class VaultLocked(VaultError):
    exit_code = 3


class VaultCorrupt(VaultError):
    exit_code = 4


class WeakKdf(VaultError):
    exit_code = 4


class AuditBroken(VaultError):
    exit_code = 4


class BlobError(VaultError):
    exit_code = 1


class DiskFull(VaultError):
    exit_code = 1
