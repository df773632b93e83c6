"""Tests of transcription/ and app/transcripts/: decoding, the engine child, guards, the model
registry and imports, the service with a fake engine, and the real pip-packaged Whisper models.
Helpers: tests/transcribe_helpers.py, tests/speech_dev.py.

The fast set (scripts/check.sh) keeps decoding, the guards, the registry and the service with a
fake engine; the modules that run the real models are marked slow in themselves, and these are
left to the whole suite too:"""

from __future__ import annotations

import pytest

from tests.common import mark_slow

SLOW = {
    "test_transcribe_early.py::test_the_job_takes_over_the_child_started_early":
        "a real tiny.en engine child loads and transcribes",
    "test_transcribe_early.py::test_a_child_started_for_another_request_is_stopped":
        "a real tiny.en engine child starts",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    mark_slow(items, __file__, SLOW)
