"""What a panic lock leaves on the screen: a plain page that does not name the app.

After a panic lock someone else may be looking at the laptop. The window then shows this page,
its title becomes a neutral word (``NEUTRAL_TITLE``) and the menu bar is hidden, so nothing on
the screen says "testimony", "vault" or what the program is for. "Continue" goes on to the
ordinary unlock screen and restores the usual title. What the window system shows outside the
window (the task-bar icon, the process name) cannot be changed at run time; see
docs/threat-model.md.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

NEUTRAL_TITLE = QT_TRANSLATE_NOOP("CoverScreen", "Untitled")


def neutral_title() -> str:
    return QCoreApplication.translate("CoverScreen", str(NEUTRAL_TITLE))


class CoverScreen(QWidget):
    finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coverScreen")
        lay = QVBoxLayout(self)
        lay.addStretch(1)
        self.note = QLabel(self.tr("Nothing is open."))
        self.note.setObjectName("coverNote")
        lay.addWidget(self.note)
        row = QHBoxLayout()
        row.addStretch(1)
        self.continue_button = QPushButton(self.tr("C&ontinue"))
        self.continue_button.setObjectName("coverContinue")
        row.addWidget(self.continue_button)
        lay.addLayout(row)
        lay.addStretch(2)
        self.continue_button.clicked.connect(self.finished.emit)
