"""Fixtures for the GUI tests (real Qt widgets offscreen; helpers in tests/ui_support.py)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests import pulse


@pytest.fixture(autouse=True)
def _audio_devices_first(request: pytest.FixtureRequest) -> None:
    """Qt Multimedia keeps its first PulseAudio connection for the life of the process, so when
    this run also records or plays through the private PulseAudio daemon (a test that uses
    ``virtual_mic``), the daemon must run before any window lists audio devices; otherwise a
    later recording or playback test would find no devices. A run without such a test (the
    fast tests of scripts/check.sh, one file) starts no daemon: its windows list no devices."""
    if not request.config.stash.get(pulse.DEVICE_TESTS, True):
        return
    try:
        request.getfixturevalue("virtual_mic")
    except pytest.skip.Exception:
        pass  # no PulseAudio here: windows simply list no devices


@pytest.fixture
def korean(qapp: Any) -> Iterator[None]:
    """The interface in Korean for one test (the shipped .qm), English again afterwards."""
    from ui.main import install_translations

    translators = install_translations(qapp, "ko")
    yield
    for t in translators:
        qapp.removeTranslator(t)
