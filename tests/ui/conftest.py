"""Fixtures for the GUI tests (real Qt widgets offscreen; helpers in tests/ui_support.py)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _audio_devices_first(request: pytest.FixtureRequest) -> None:
    """Qt Multimedia keeps its first PulseAudio connection for the life of the process, so the
    private PulseAudio daemon (tests/pulse.py) must run before any window lists audio devices;
    otherwise a later recording or playback test in the same run would find no devices."""
    try:
        request.getfixturevalue("virtual_mic")
    except pytest.skip.Exception:
        pass  # no PulseAudio here: windows simply list no devices
