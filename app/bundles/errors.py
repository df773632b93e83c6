"""Bundle errors: one sentence each; anything that fails verification is an integrity failure."""

from __future__ import annotations

from app.errors import AppError, IntegrityFailure


class BundleRejected(IntegrityFailure):
    """The bundle failed verification; nothing was changed."""


class BundleError(AppError):
    """An export/import problem that is not an integrity failure."""
