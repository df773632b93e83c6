"""Lock after a period without keyboard or mouse input.

An application-wide event filter restarts a single-shot timer on user input. Work that must
not be interrupted (a recording in progress) holds the watcher with ``hold()``: an interviewer
recording a two-hour interview does not touch the laptop, and locking would stop the recording.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

_INPUT_EVENTS = {
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.InputMethod,
}


class IdleWatcher(QObject):
    idle = Signal()

    def __init__(self, interval_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._timeout)
        self._holds = 0
        self.active = False

    def set_interval(self, interval_ms: int) -> None:
        self.timer.setInterval(interval_ms)
        if self.active:
            self.timer.start()

    def start(self) -> None:
        self.active = True
        self.timer.start()

    def stop(self) -> None:
        self.active = False
        self.timer.stop()

    @property
    def held(self) -> bool:
        """Work is running that holds the idle lock off (a recording, a transcription)."""
        return self._holds > 0

    def hold(self) -> None:
        self._holds += 1

    def release(self) -> None:
        self._holds = max(0, self._holds - 1)
        if self.active:
            self.timer.start()

    def _timeout(self) -> None:
        if self._holds:
            self.timer.start()
            return
        if self.active:
            self.idle.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if self.active and event.type() in _INPUT_EVENTS:
            self.timer.start()
        return False
