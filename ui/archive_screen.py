"""Open the organisation's archive: its address and the login's password, asked every time.

At the office a supervisor, analyst or translator works on the archive (PostgreSQL) instead of
a vault on this laptop. The address is remembered in the settings without any password (a
password inside a typed address is removed before it is kept); the password field is cleared as
soon as the connection is attempted and is never stored. Connecting runs on the worker, so a
server that does not answer leaves the window responsive.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import archive as archive_app
from app.tasks import CancelToken, ProgressFn
from ui import settings as settings_store
from ui.errors import message_for
from ui.session import Session

_NO_PLAYBACK = QT_TRANSLATE_NOOP(
    "Archive", "Recordings in the archive are encrypted to the archive key, which is kept off "
    "this machine, so they cannot be played here.")


def no_playback() -> str:
    """Why a view on the archive does not play a recording (one sentence, translated)."""
    return QCoreApplication.translate("Archive", str(_NO_PLAYBACK))


class ArchiveScreen(QWidget):
    finished = Signal()  # the archive is open in the session
    back = Signal()  # the person wants this laptop's vault instead

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("archiveScreen")
        lay = QVBoxLayout(self)
        lay.addStretch(1)
        title = QLabel(self.tr("Open the organisation's archive"))
        f = title.font()
        f.setPointSizeF(f.pointSizeF() * 1.5)
        title.setFont(f)
        lay.addWidget(title)
        intro = QLabel(self.tr(
            "The archive is the organisation's database at the office. Your password is asked "
            "each time and never stored; the address is remembered without it."))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        form = QFormLayout()
        self.address = QLineEdit()
        self.address.setObjectName("archiveAddress")
        self.address.setPlaceholderText("postgresql://user@host/database")
        form.addRow(self.tr("&Address:"), self.address)
        self.password = QLineEdit()
        self.password.setObjectName("archivePassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("&Password:"), self.password)
        lay.addLayout(form)
        self.message = QLabel()
        self.message.setObjectName("archiveMessage")
        self.message.setWordWrap(True)
        lay.addWidget(self.message)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setVisible(False)
        lay.addWidget(self.busy)
        row = QHBoxLayout()
        self.back_button = QPushButton(self.tr("&Back to this laptop's vault"))
        self.back_button.setObjectName("archiveBack")
        row.addWidget(self.back_button)
        row.addStretch(1)
        self.open_button = QPushButton(self.tr("&Open archive"))
        self.open_button.setObjectName("archiveOpenButton")
        self.open_button.setDefault(True)
        row.addWidget(self.open_button)
        lay.addLayout(row)
        lay.addStretch(2)
        self.open_button.clicked.connect(self.open_archive)
        self.password.returnPressed.connect(self.open_archive)
        self.address.returnPressed.connect(self.open_archive)
        self.back_button.clicked.connect(self.back.emit)

    def refresh(self) -> None:
        """The address offered (the given one, else the last one opened), no password."""
        self.address.setText(self.session.archive_url or self.session.settings.last_archive_url)
        self.password.clear()
        self.message.clear()
        self.busy.setVisible(False)
        self.open_button.setEnabled(True)
        (self.password if self.address.text() else self.address).setFocus()

    def open_archive(self) -> None:
        if not self.open_button.isEnabled():
            return
        url = self.address.text().strip()
        password = self.password.text()
        self.password.clear()
        if not url:
            self.message.setText(self.tr("Type the archive's address first."))
            return

        def work(_cancel: CancelToken, _progress: ProgressFn) -> tuple[Any, str, str]:
            return archive_app.open_for_window(url, password)

        self.open_button.setEnabled(False)
        self.busy.setVisible(True)
        self.message.setText(self.tr("Connecting to the archive..."))
        self.session.runner.run_task(work, on_done=lambda r: self._opened(url, r),
                                     on_error=self._failed, name="open archive")

    def _failed(self, exc: BaseException) -> None:
        self.busy.setVisible(False)
        self.open_button.setEnabled(True)
        self.message.setText(message_for(exc))
        self.password.setFocus()

    def _opened(self, url: str, result: tuple[Any, str, str]) -> None:
        archive, login, role = result
        kept = archive_app.without_password(url)
        self.session.archive_url = kept
        settings = self.session.settings
        if settings.last_archive_url != kept:
            settings.last_archive_url = kept
            settings_store.save(settings, self.session.state_dir)
        self.busy.setVisible(False)
        self.message.clear()
        self.session.set_archive(archive, login, role)
        self.finished.emit()
