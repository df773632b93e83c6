"""Views follow the vault as it changes, without Refresh buttons.

A ``Follower`` watches the session's ``changed`` signal for one view. When a change the view
cares about arrives, the view reloads, at most once per ``delay_ms`` however fast changes come
(segments arriving during transcription); a hidden view only notes that it is out of date and
reloads when it is shown, so a busy vault does not make every tab reload at once. ``busy`` lets
a view postpone the reload while someone is typing in it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from app.changes import Change
from ui.session import Session


class Follower(QObject):
    def __init__(self, view: QWidget, session: Session, *, wants: Callable[[Change], bool],
                 reload: Callable[[], None], busy: Callable[[], bool] | None = None,
                 delay_ms: int = 100) -> None:
        super().__init__(view)
        self.view = view
        self.wants = wants
        self.reload = reload
        self.busy = busy
        self.stale = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(self._fire)
        session.changed.connect(self._changed)
        session.about_to_lock.connect(lambda _r: self.reset())
        view.installEventFilter(self)

    def _changed(self, change: Change) -> None:
        if not self.wants(change):
            return
        self.stale = True
        if self.view.isVisible() and not self.timer.isActive():
            self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.view and event.type() == QEvent.Type.Show and self.stale \
                and not self.timer.isActive():
            self.timer.start()
        return False

    def _fire(self) -> None:
        if not self.stale or not self.view.isVisible():
            return
        if self.busy is not None and self.busy():
            self.timer.start()
            return
        self.stale = False
        self.reload()

    def reset(self) -> None:
        self.stale = False
        self.timer.stop()
