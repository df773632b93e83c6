"""Cancel tokens and progress callbacks shared by every long job (CLI, GUI and tests).

Long work is a plain function taking a ``CancelToken`` and a ``ProgressFn``; it checks the token
between steps and reports progress as a fraction in [0, 1] with a short status label (never
testimony text). The GUI runs such functions through its single task helper; the CLI draws a
progress bar on stderr (cli/output.py).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

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
