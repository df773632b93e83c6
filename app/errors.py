"""Application-level errors: subclasses of the one root, ``errors.Problem``.

``str(exc)`` is one English sentence rendered from the error's code; ``exc.kind`` says what a
front end does with it (the CLI's exit code). These helpers let both front ends treat an error
the same way without knowing where it was raised.
"""

from __future__ import annotations

from errors import Kind, Message, Problem


class AppError(Problem):
    kind = Kind.FAILURE


class UsageError(AppError):
    kind = Kind.USAGE


class NotFound(AppError):
    kind = Kind.FAILURE


class IntegrityFailure(AppError):
    kind = Kind.INTEGRITY


def is_expected(exc: BaseException) -> bool:
    """An error the app raised on purpose: its text is one sentence meant for the user."""
    return isinstance(exc, Problem)


def kind_of(exc: BaseException) -> Kind:
    """The kind of any exception: a problem's own, a damaged database is an integrity failure,
    anything else a failure."""
    from storage.db import DatabaseError

    if isinstance(exc, Problem):
        return exc.kind
    if isinstance(exc, DatabaseError):
        # A page that fails SQLCipher's HMAC is damage or tampering.
        return Kind.INTEGRITY
    return Kind.FAILURE


def user_message(exc: BaseException) -> str:
    """One sentence for any exception; unexpected ones never leak their (possibly sensitive) text."""
    return describe(exc).render()


def describe(exc: BaseException) -> Message:
    """The code and parameters that say ``exc`` to a person, in any language; an unexpected
    exception gets a generic code whose only parameter is its type name."""
    from storage.db import DatabaseError

    if isinstance(exc, Problem):
        return exc.message
    if isinstance(exc, DatabaseError):
        return Message("app.database_unreadable")
    if isinstance(exc, OSError):
        return Message("app.file_operation_failed",
                       {"reason": exc.strerror or type(exc).__name__})
    return Message("app.unexpected", {"error": type(exc).__name__})
