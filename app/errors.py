"""Application-level errors. Like storage errors, ``str(exc)`` is one sentence for the user."""

from __future__ import annotations


class AppError(Exception):
    exit_code = 1


class UsageError(AppError):
    exit_code = 2


class NotFound(AppError):
    exit_code = 1


class IntegrityFailure(AppError):
    exit_code = 4


def exit_code_for(exc: BaseException) -> int:
    """The CLI exit code for an exception: its ``exit_code`` attribute, else 1."""
    code = getattr(exc, "exit_code", 1)
    return code if isinstance(code, int) else 1


def is_expected(exc: BaseException) -> bool:
    """An error the app raised on purpose: its text is one sentence meant for the user."""
    return hasattr(exc, "exit_code")


def user_message(exc: BaseException) -> str:
    """One sentence for any exception; unexpected ones never leak their (possibly sensitive) text."""
    from storage.db import DatabaseError

    if is_expected(exc):
        return str(exc)
    if isinstance(exc, DatabaseError):
        return ("The vault database is damaged or could not be read; restore it from a backup "
                "and report the problem.")
    if isinstance(exc, OSError):
        return (f"A file operation failed ({exc.strerror or type(exc).__name__}); "
                "check the path and free disk space.")
    return (f"An unexpected error occurred ({type(exc).__name__}); nothing more was changed — "
            "report it.")
