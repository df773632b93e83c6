"""The whole path through the window, in a fresh process: create a vault on the setup screen,
record from the virtual microphone, transcribe with the real tiny.en model, edit a segment, tag
words, export a bundle; then, as the supervisor, verify, import and write the receipt. Also the
recorder screen (level meter, marker, pause, stop) and a panic lock during a recording.

The scenarios live in tests/ui_record_scenarios.py and run in their own Python process (see its
docstring for why).
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow


def test_recording_scenarios_in_a_fresh_process(tmp_path):
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env["QT_QPA_PLATFORM"] = "offscreen"
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-o", "addopts=",
         "--basetemp", str(tmp_path / "run"), "tests/ui_record_scenarios.py"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert "3 passed" in result.stdout, result.stdout[-2000:]
