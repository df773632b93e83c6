"""Cancel tokens and progress callbacks shared by every long job (CLI, GUI and tests).

Long work is a plain function taking a ``CancelToken`` and a ``ProgressFn``; it checks the token
between steps and reports progress as a fraction in [0, 1] with a short status label (never
testimony text). The GUI runs such functions through its single task helper; the CLI draws a
progress bar on stderr.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import TextIO

from app.errors import AppError

ProgressFn = Callable[[float, str], None]


class Cancelled(AppError):
    """The user cancelled; work committed so far is kept (or rolled back, as the job says)."""

    exit_code = 1


class CancelToken:
    """Thread-safe cancellation flag."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self, message: str = "Cancelled; nothing more was changed.") -> None:
        if self._event.is_set():
            raise Cancelled(message)


def no_progress(fraction: float, label: str) -> None:
    """A ProgressFn that ignores progress."""


class StderrProgress:
    """A ProgressFn drawing a one-line bar on stderr (only when stderr is a terminal, unless
    ``force``), throttled to whole-percent changes."""

    def __init__(self, stream: TextIO | None = None, *, force: bool = False, width: int = 30) -> None:
        self.stream = stream or sys.stderr
        self.enabled = force or self.stream.isatty()
        self.width = width
        self._last = -1

    def __call__(self, fraction: float, label: str) -> None:
        percent = int(max(0.0, min(1.0, fraction)) * 100)
        if percent == self._last:
            return
        self._last = percent
        if not self.enabled:
            return
        filled = self.width * percent // 100
        self.stream.write(f"\r[{'#' * filled}{'.' * (self.width - filled)}] {percent:3d}% {label[:40]}")
        if percent >= 100:
            self.stream.write("\n")
        self.stream.flush()
