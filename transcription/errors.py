"""Transcription errors. ``str(exc)`` is one sentence for the user; ``exit_code`` is the CLI's."""

from __future__ import annotations


class TranscriptionError(Exception):
    exit_code = 1


class AudioUnreadable(TranscriptionError):
    """The stored audio could not be decoded."""


class ModelNotFound(TranscriptionError):
    """No model of that name is installed or registered."""


class ModelRejected(TranscriptionError):
    """A model folder is incomplete, malformed or its files do not match their recorded hashes."""

    exit_code = 4


class EngineCancelled(TranscriptionError):
    """Raised inside the engine when the cancel token fires between segments."""
