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
