"""The command line's recording driver: record without a window, one status line a second.

Uses the Qt audio backend (``qtaudio``) with a ``QCoreApplication``; imported only by the
``audio record`` command, so the rest of the command line runs without PySide6.
"""

from __future__ import annotations

import signal
import sys
from collections.abc import Callable
from typing import Any, TextIO

from PySide6.QtCore import QTimer

from app.audio.recording import RecordingResult
from app.errors import AppError
from errors import Message
from qtaudio.capture import Recorder, application, find_device
from storage.vault import Vault


def record_headless(vault: Vault, interview_id: str, *, role: str, seconds: float | None,
                    device: str | None, status: TextIO | None = None,
                    on_started: Callable[[Recorder], Any] | None = None) -> RecordingResult:
    """Record without a window until ``seconds`` of audio or Ctrl-C (SIGINT/SIGTERM).

    Writes one status line a second to ``status`` (elapsed and committed seconds, no content;
    on a terminal, one line that updates itself).
    Raises the recording's error sentence as an ``AppError`` if it ended abnormally with
    nothing saved; otherwise returns the result (check ``end_reason``).
    """
    app = application()
    status = status or sys.stderr
    interactive = status.isatty()
    recorder = Recorder(vault, interview_id, role=role, device=find_device(device),
                        limit_s=seconds)
    done: list[RecordingResult | None] = []
    errors: list[Message] = []

    def stop(*_: object) -> None:
        recorder.stop()

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    # Qt's event loop runs in C++; a Python timer lets the interpreter handle signals promptly.
    heartbeat = QTimer()
    heartbeat.setInterval(100)
    last_report = [-1]

    def beat() -> None:
        session = recorder.session
        if session is None:
            return
        whole = int(session.elapsed_s)
        if whole != last_report[0]:
            last_report[0] = whole
            if interactive:  # one line that updates itself, not 10,800 lines for 3 hours
                h, rest = divmod(whole, 3600)
                status.write(f"\rRecording {h:d}:{rest // 60:02d}:{rest % 60:02d} "
                             f"({session.state}; Ctrl-C stops and keeps it)")
            else:
                status.write(f"recording elapsed={session.elapsed_s:.2f} "
                             f"committed={session.committed_s:.2f}\n")
            status.flush()

    def finished(result: RecordingResult | None) -> None:
        done.append(result)
        app.quit()

    heartbeat.timeout.connect(beat)
    recorder.error.connect(errors.append)
    recorder.finished.connect(finished)
    heartbeat.start()
    recorder.start()
    if on_started is not None:
        on_started(recorder)
    try:
        if not done:
            app.exec()
    finally:
        heartbeat.stop()
        if interactive:
            status.write("\n")
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    result = done[0] if done else None
    if result is None:
        if errors:
            raise AppError.of(errors[0])
        raise AppError.from_text(
            "The recording stopped unexpectedly and nothing was recorded; try again.")
    if errors:
        status.write(f"testimony: {errors[0]}\n")
    return result
