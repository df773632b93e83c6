"""The one place where errors from the core become something a person reads.

Every error the app raises on purpose is an ``errors.Problem`` with a code; its English template
(``errors.catalog``) is looked up in Qt's translation context "Errors", so the window speaks the
interface language, and the parameters are filled in after translating. Anything else gets a
generic sentence (also translated): its text might contain testimony, so it is neither shown nor
logged. The log gets the exception type and the stack frames only.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app.errors import describe, is_expected
from app.tasks import Cancelled

log = logging.getLogger("testimony.ui")

# Tests (and the status bar) can observe what was reported without a modal dialog.
_listeners: list[Callable[[str], None]] = []
# Dialogs without a parent would be garbage-collected (and vanish) at once: keep them until
# they are closed.
_open_boxes: set[QMessageBox] = set()


def translate_error(template: str) -> str:
    """A template of ``errors.catalog`` (an error, or a notice such as a bundle's chain line or
    a warning) in the interface language (English if none)."""
    return QCoreApplication.translate("Errors", template)


def message_for(exc: BaseException) -> str:
    """One sentence for the user in the interface language; never the text of an unexpected
    exception."""
    return describe(exc).render(translate_error)


def _log(exc: BaseException) -> None:
    if is_expected(exc):
        log.info("reported %s to the user", type(exc).__name__)
        return
    # Frames only: the exception's own text could quote testimony.
    frames = "".join(traceback.format_tb(exc.__traceback__))
    log.error("unexpected %s\n%s", type(exc).__name__, frames)


def add_listener(fn: Callable[[str], None]) -> None:
    _listeners.append(fn)


def remove_listener(fn: Callable[[str], None]) -> None:
    if fn in _listeners:
        _listeners.remove(fn)


def report_error(parent: QWidget | None, exc: BaseException, *, title: str = "Testimony Vault",
                 modal: bool = True) -> str:
    """Show ``exc`` as one readable dialog (window-modal, non-blocking) and return the text."""
    text = message_for(exc)
    _log(exc)
    for fn in list(_listeners):
        fn(text)
    if modal and not isinstance(exc, Cancelled):
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok,
                          parent)
        box.setObjectName("errorDialog")
        _open_boxes.add(box)
        box.finished.connect(lambda _r: _open_boxes.discard(box))
        # open() instead of exec(): the event loop keeps running (recording continues).
        box.open()
    return text
