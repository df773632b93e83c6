"""Tests of audio: the recording session, imports, the Qt audio backend (qtaudio/) with the
private PulseAudio daemon (``virtual_mic``, ``speech_wav`` in tests/conftest.py), deleting
originals and the audio commands. Helpers: tests/audio_clips.py, tests/audio_helpers.py.

The fast set (scripts/check.sh) keeps the session and imports; these are
left to the whole suite (with every test that uses ``virtual_mic``, tests/conftest.py):"""

from __future__ import annotations

import pytest

from tests.common import mark_slow

SLOW = {
    "test_audio_cli.py::test_record_and_import_argument_errors":
        "the recorder's argument errors in its own process (it starts Qt)",
    "test_audio_cli.py::test_record_without_any_microphone_says_so_and_stores_nothing":
        "starts the recorder (Qt's audio backend) in its own process",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    mark_slow(items, __file__, SLOW)
