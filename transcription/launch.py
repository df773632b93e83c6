"""Starting the speech-engine child (``transcription.child``), also before anything else.

A job's model load (a second Python, importing faster-whisper, verifying and building the model)
takes seconds. The command line can start it as its very first step, while it still imports its
own modules and derives the vault key (``start_early``); the job's ``ProcessEngine`` then takes
over that child (``take_early``) instead of starting one. This module imports only the standard
library and the message framing, so the early start costs a few milliseconds.

The child never receives the vault's secret: its environment drops every ``TESTIMONY_``
variable, and the request names only the model, the models folder and the thread count.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from transcription.channel import write_message
from transcription.child import ENGINE_CHILD_FLAG

# OpenMP busy-wait of the child's decoding threads before they sleep (see ``child_env``).
SPIN_COUNT = "30000"


def child_command() -> list[str]:
    """How to start the child: the frozen executable with a flag, or this Python with -m."""
    if getattr(sys, "frozen", False):
        return [sys.executable, ENGINE_CHILD_FLAG]
    return [sys.executable, "-m", "transcription.child"]


def child_env() -> dict[str, str]:
    # The app's own settings stay behind, above all TESTIMONY_PASSPHRASE: the child needs none
    # of them (it is told the models folder) and must not hold the vault's secret.
    env = {k: v for k, v in os.environ.items() if not k.startswith("TESTIMONY_")}
    env["ORT_DISABLE_TELEMETRY"] = "1"
    env["HF_HUB_OFFLINE"] = "1"
    env["HF_HUB_DISABLE_TELEMETRY"] = "1"
    # CTranslate2's OpenMP threads busy-wait at every barrier (libgomp: 300000 spins) before
    # they sleep. While the model is built (two threads) the command line derives the vault
    # key on one core, so one thread of the pair waits for a core while the other spins: on
    # two cores the build took 3.3 s instead of 0.9 s. A tenth of the spin keeps the build
    # at 1.2 s beside the derivation and decoding as fast as with the default (same text).
    env.setdefault("GOMP_SPINCOUNT", SPIN_COUNT)
    if not getattr(sys, "frozen", False):
        # The project is not installed (tests, `python -m cli` from a checkout): the child must
        # find the same source tree as this process.
        root = str(Path(__file__).resolve().parents[1])
        env["PYTHONPATH"] = os.pathsep.join(
            [root, *[p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p]])
    return env


def load_request(name: str, models_dir: Path | None, cpu_threads: int = 0,
                 record: dict[str, Any] | None = None) -> dict[str, Any]:
    """What the child is told to load (everything but the message kind)."""
    return {"model": name, "models_dir": str(models_dir) if models_dir else None,
            "cpu_threads": cpu_threads,
            "imported": {name: dict(record)} if record is not None else None}


class ChildDied(OSError):
    """The child started but closed its pipe before it was told what to load (it has exited
    and been reaped; ``proc.returncode`` says how)."""

    def __init__(self, proc: subprocess.Popen[bytes]) -> None:
        super().__init__("the speech-engine child closed its pipe")
        self.proc = proc


def launch(command: list[str], request: dict[str, Any]) -> subprocess.Popen[bytes]:
    """Start a child with ``command`` and ask it to load; does not wait for the load.

    Raises OSError when the child cannot be started, ChildDied when it died at once.
    """
    proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            env=child_env(), close_fds=True)
    assert proc.stdin is not None
    try:
        write_message(proc.stdin.fileno(), {"kind": "load", **request})
    except OSError as exc:
        stop(proc)
        raise ChildDied(proc) from exc
    return proc


def stop(proc: subprocess.Popen[bytes], wait_s: float = 2.0) -> None:
    """End a child that is not wanted (any state: loading, idle or decoding) and reap it."""
    if proc.poll() is None:
        try:
            proc.terminate()
            proc.wait(wait_s)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        except OSError:
            pass
    for pipe in (proc.stdin, proc.stdout):
        if pipe is not None:
            try:
                pipe.close()
            except OSError:
                pass


_early: tuple[dict[str, Any], subprocess.Popen[bytes]] | None = None


def start_early(request: dict[str, Any]) -> bool:
    """Start the child for ``request`` now, for a ``ProcessEngine`` made later to take over.

    Returns whether a child was started. Failing to start one changes nothing: the engine then
    starts its own child and reports any problem as it always did.
    """
    global _early
    discard_early()
    try:
        _early = (dict(request), launch(child_command(), request))
    except OSError:
        return False
    return True


def take_early(request: dict[str, Any]) -> subprocess.Popen[bytes] | None:
    """The early child if it was started for exactly ``request`` (and still runs), else None.

    A child started for another request (another model or thread count) is stopped: it can
    serve nothing else. Taken or not, the early slot is empty afterwards.
    """
    global _early
    early, _early = _early, None
    if early is None:
        return None
    wanted, proc = early
    if wanted == request and proc.poll() is None:
        return proc
    stop(proc)
    return None


def discard_early() -> None:
    """Stop an early child nobody took (the command failed before its job started)."""
    global _early
    early, _early = _early, None
    if early is not None:
        stop(early[1])
