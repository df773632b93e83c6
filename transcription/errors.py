"""Transcription errors: ``errors.Problem`` subclasses; ``str(exc)`` is one sentence for the
user."""

from __future__ import annotations

from errors import Kind, Problem


class TranscriptionError(Problem):
    kind = Kind.FAILURE


class AudioUnreadable(TranscriptionError):
    """The stored audio could not be decoded."""


class ModelNotFound(TranscriptionError):
    """No model of that name is installed or registered."""


class ModelRejected(TranscriptionError):
    """A model folder is incomplete, malformed or its files do not match their recorded hashes."""

    kind = Kind.INTEGRITY


class EngineCancelled(TranscriptionError):
    """Raised inside the engine when the cancel token fires between segments."""
