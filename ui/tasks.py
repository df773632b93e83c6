"""The only way work leaves the GUI thread.

``run_task(fn, on_done=..., on_error=...)`` runs ``fn(cancel, progress)`` on ONE worker thread
(a single-thread executor, as in Anki), so the vault's database connection is only ever used by
one thread at a time and every vault call is serialised in submission order. Results, errors and
progress come back to the GUI thread through a queued Qt signal.

Tests swap the runner for ``InlineRunner`` (as Picard's tests do), which runs the task at once
in the calling thread, so GUI tests stay deterministic.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Qt, Signal, Slot

from app.tasks import CancelToken, ProgressFn

T = TypeVar("T")
log = logging.getLogger(__name__)

# Generic in the task's result: ``on_done`` is checked against what ``fn`` returns.
TaskFn = Callable[[CancelToken, ProgressFn], T]
DoneFn = Callable[[T], None]
ErrorFn = Callable[[BaseException], None]
ProgressCb = Callable[[float, str], None]


WORKER_NICENESS = 10


def _lower_priority() -> None:
    """Run the worker (and the threads and processes it starts) below the GUI thread.

    On Linux a thread is a schedulable task with its own nice value, inherited by threads and
    processes it creates; when the CPU is contended the interface then wins over background
    work. (The speech engine's child process also lowers itself: transcription.child.)
    """
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), WORKER_NICENESS)
    except (AttributeError, OSError):  # not Linux, or not permitted: run at normal priority
        log.info("could not lower the worker thread's priority")


class TaskHandle:
    """What the caller keeps: cancel the task, ask whether it has finished."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.token = CancelToken()
        self.finished = False

    def cancel(self) -> None:
        self.token.cancel()

    @property
    def cancelled(self) -> bool:
        return self.token.cancelled


class _Bridge(QObject):
    """Lives in the GUI thread; queued signals carry callbacks back to it."""

    deliver = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.deliver.connect(self._run, Qt.ConnectionType.QueuedConnection)

    @Slot(object)
    def _run(self, call: Callable[[], None]) -> None:
        call()


class TaskRunner:
    """One worker thread for all vault work; callbacks run in the GUI thread."""

    inline = False

    def __init__(self) -> None:
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="vault-worker",
                                            initializer=_lower_priority)
        self._bridge = _Bridge()
        self._lock = threading.Lock()
        self._pending: set[TaskHandle] = set()

    def run_task(self, fn: TaskFn[T], *, on_done: DoneFn[T] | None = None,
                 on_error: ErrorFn | None = None, on_progress: ProgressCb | None = None,
                 name: str = "task") -> TaskHandle:
        handle = TaskHandle(name)
        with self._lock:
            self._pending.add(handle)
        last = [-1.0]

        def progress(fraction: float, label: str) -> None:
            # Throttle to 1 % steps so a chatty job cannot flood the GUI thread's queue.
            if on_progress is None or (abs(fraction - last[0]) < 0.01 and fraction < 1.0):
                return
            last[0] = fraction
            self._bridge.deliver.emit(lambda: on_progress(fraction, label))

        def job() -> None:
            try:
                result = fn(handle.token, progress)
            except Exception as exc:  # noqa: BLE001 - every failure goes to on_error
                # Bind now: Python unbinds ``exc`` when the except block ends.
                self._bridge.deliver.emit(
                    lambda err=exc: self._finish(handle, on_error, err, True))
            else:
                self._bridge.deliver.emit(lambda: self._finish(handle, on_done, result, False))

        self._executor.submit(job)
        return handle

    def _finish(self, handle: TaskHandle, callback: Callable[[Any], None] | None,
                value: object, is_error: bool) -> None:
        handle.finished = True
        with self._lock:
            self._pending.discard(handle)
        if callback is not None:
            callback(value)
        elif is_error and isinstance(value, BaseException):
            from ui.errors import report_error

            report_error(None, value)

    def cancel_all(self) -> None:
        with self._lock:
            for handle in self._pending:
                handle.cancel()

    def busy(self) -> bool:
        with self._lock:
            return bool(self._pending)

    def shutdown(self, wait: bool = True) -> None:
        self.cancel_all()
        self._executor.shutdown(wait=wait, cancel_futures=False)


class InlineRunner:
    """Runs each task immediately in the calling thread (for tests)."""

    inline = True

    def __init__(self) -> None:
        self.handles: list[TaskHandle] = []

    def run_task(self, fn: TaskFn[T], *, on_done: DoneFn[T] | None = None,
                 on_error: ErrorFn | None = None, on_progress: ProgressCb | None = None,
                 name: str = "task") -> TaskHandle:
        handle = TaskHandle(name)
        self.handles.append(handle)

        def progress(fraction: float, label: str) -> None:
            if on_progress is not None:
                on_progress(fraction, label)

        try:
            result = fn(handle.token, progress)
        except Exception as exc:  # noqa: BLE001 - every failure goes to on_error
            handle.finished = True
            if on_error is not None:
                on_error(exc)
            else:
                from ui.errors import report_error

                report_error(None, exc)
        else:
            handle.finished = True
            if on_done is not None:
                on_done(result)
        return handle

    def cancel_all(self) -> None:
        for handle in self.handles:
            handle.cancel()

    def busy(self) -> bool:
        return False

    def shutdown(self, wait: bool = True) -> None:
        self.cancel_all()


Runner = TaskRunner | InlineRunner
