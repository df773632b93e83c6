"""The test helper's private PulseAudio daemon says when it has gone, instead of letting every
later device test time out against a server Qt Multimedia can no longer reach."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.pulse import VirtualMic


def test_a_daemon_that_exited_is_reported_with_its_log(tmp_path: Path) -> None:
    runtime = tmp_path / "pulse-runtime"
    runtime.mkdir()
    (tmp_path / "pulseaudio.log").write_text("E: [pulseaudio] something went wrong\n")
    proc = subprocess.Popen([sys.executable, "-c", "raise SystemExit(3)"])
    proc.wait(30)
    with pytest.raises(RuntimeError, match=r"exited \(status 3\)(.|\n)*something went wrong"):
        VirtualMic(runtime, proc).check_alive()


def test_a_running_daemon_passes(tmp_path: Path) -> None:
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        VirtualMic(tmp_path, proc).check_alive()
    finally:
        proc.kill()
        proc.wait(30)
