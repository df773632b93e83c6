"""A real (virtual) microphone for tests: a private PulseAudio daemon.

Tests use it through the ``virtual_mic`` and ``speech_wav`` fixtures of tests/conftest.py::

    def test_x(virtual_mic, speech_wav):
        virtual_mic.play(speech_wav)          # blocks until played; play_async() does not
        ... record from the default input (Qt or ``testimony audio record``) ...

What it does: starts ``pulseaudio`` once per test session with its own runtime folder under a
temporary directory (``--daemonize=no --exit-idle-time=-1 -n`` with explicit modules, which also
works as root), loads ``module-null-sink`` (``tv_sink``) and ``module-virtual-source``
(``tv_mic``) over the sink's monitor, and makes them the defaults. ``PULSE_SERVER`` and
``XDG_RUNTIME_DIR`` are set in ``os.environ`` for the rest of the process, because Qt Multimedia
keeps its first PulseAudio connection for the life of the process (so there is one daemon per
process, however many tests use it; it stops at exit); ``virtual_mic.env`` is the
environment for subprocesses (e.g. the CLI). Tests that need it are skipped only when the
``pulseaudio``/``paplay``/``pactl`` programs are missing, naming them.

``speech_wav`` is a spoken English sentence (``SPEECH_TEXT``) made with ``espeak-ng`` at test
time, so no audio fixture needs committing.
"""

from __future__ import annotations

import atexit
import ctypes
import os
import shutil
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

# Set by tests/conftest.py after collection: does this run hold a test that uses the device?
DEVICE_TESTS = pytest.StashKey[bool]()

SINK = "tv_sink"
SOURCE = "tv_mic"
SPEECH_TEXT = ("The guards at the detention centre took my father away in the spring. "
               "We never saw him again.")


def _require(*programs: str) -> None:
    missing = [p for p in programs if shutil.which(p) is None]
    if missing:
        pytest.skip(f"{', '.join(missing)} not installed (Debian: pulseaudio, pulseaudio-utils, "
                    "espeak-ng)")


@dataclass
class VirtualMic:
    """A running private PulseAudio daemon with a virtual microphone."""

    runtime: Path
    process: subprocess.Popen[bytes]
    env: dict[str, str] = field(default_factory=dict)
    source: str = SOURCE
    sink: str = SINK

    @property
    def server(self) -> str:
        return f"unix:{self.runtime / 'native'}"

    def pactl(self, *args: str) -> str:
        return subprocess.run(["pactl", *args], env=self.env, check=True, capture_output=True,
                              text=True, timeout=20).stdout

    def play_async(self, wav: Path) -> subprocess.Popen[bytes]:
        """Start playing ``wav`` into the virtual microphone; returns the paplay process."""
        return subprocess.Popen(["paplay", f"--device={self.sink}", str(wav)], env=self.env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def play(self, wav: Path, timeout: float = 120) -> None:
        """Play ``wav`` into the virtual microphone and wait until it has been played."""
        proc = self.play_async(wav)
        if proc.wait(timeout) != 0:
            raise RuntimeError(f"paplay failed with exit code {proc.returncode}")

    def check_alive(self) -> None:
        """Raise, quoting the end of the daemon's log, if the daemon has exited. Qt Multimedia
        stays bound to the first server it met, so every device test after such an exit would
        only time out; this says what happened instead."""
        status = self.process.poll()
        if status is None:
            return
        try:
            tail = (self.runtime.parent / "pulseaudio.log").read_text(errors="replace")[-2000:]
        except OSError:
            tail = "(no log)"
        raise RuntimeError(f"the private PulseAudio daemon exited (status {status}); "
                           f"the end of its log:\n{tail}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)


def _die_with_parent() -> None:
    """Let the daemon die with the test process, even if that is killed (Linux prctl)."""
    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except OSError:
        pass


def start_virtual_mic(folder: Path) -> VirtualMic:
    """Start a private PulseAudio daemon under ``folder``; the caller must ``stop()`` it."""
    _require("pulseaudio", "pactl", "paplay")
    runtime = folder / "pulse-runtime"
    runtime.mkdir(parents=True, mode=0o700)
    env = dict(os.environ)
    env.update({
        "XDG_RUNTIME_DIR": str(runtime),
        "PULSE_RUNTIME_PATH": str(runtime / "pulse"),
        "PULSE_STATE_PATH": str(runtime / "state"),
        "PULSE_SERVER": f"unix:{runtime / 'native'}",
        "PULSE_COOKIE": str(runtime / "cookie"),
        "HOME": str(folder),
    })
    log = open(folder / "pulseaudio.log", "wb")  # noqa: SIM115 - lives as long as the daemon
    process = subprocess.Popen(
        ["pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1", "--disallow-exit",
         "--use-pid-file=no", "--log-target=stderr",
         "-L", f"module-native-protocol-unix socket={runtime / 'native'} auth-anonymous=1",
         "-L", f"module-null-sink sink_name={SINK} rate=48000",
         "-L", f"module-virtual-source source_name={SOURCE} master={SINK}.monitor",
         "-L", "module-always-sink"],
        env=env, stdout=log, stderr=log, preexec_fn=_die_with_parent)
    mic = VirtualMic(runtime, process, env)
    deadline = time.monotonic() + 20
    while True:
        if process.poll() is not None:
            raise RuntimeError("pulseaudio exited at start; see "
                               f"{folder / 'pulseaudio.log'}")
        try:
            mic.pactl("info")
            break
        except subprocess.CalledProcessError:
            if time.monotonic() > deadline:
                mic.stop()
                raise
            time.sleep(0.2)
    mic.pactl("set-default-sink", SINK)
    mic.pactl("set-default-source", SOURCE)
    return mic


_SHARED: VirtualMic | None = None


def shared_virtual_mic() -> VirtualMic:
    """The process's one virtual microphone, started on first use and stopped at exit.

    One per process, whoever asks: Qt Multimedia keeps talking to the first PulseAudio server it
    met, so a second daemon would record silence.
    """
    global _SHARED
    if _SHARED is None or _SHARED.process.poll() is not None:
        folder = Path(tempfile.mkdtemp(prefix="tv-pulse-"))
        mic = start_virtual_mic(folder)
        for key in ("PULSE_SERVER", "XDG_RUNTIME_DIR", "PULSE_COOKIE"):
            os.environ[key] = mic.env[key]

        def stop() -> None:
            mic.stop()
            shutil.rmtree(folder, ignore_errors=True)

        atexit.register(stop)
        _SHARED = mic
    return _SHARED


def make_speech_wav(path: Path, text: str = SPEECH_TEXT) -> Path:
    """Synthesise ``text`` to a WAV with espeak-ng (22.05 kHz mono)."""
    _require("espeak-ng")
    subprocess.run(["espeak-ng", "-s", "150", "-w", str(path), text], check=True,
                   capture_output=True, timeout=60)
    return path

