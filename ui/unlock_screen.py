"""Unlock screen: the passphrase (or the recovery code), and a warning about failed attempts.

Key derivation takes about a second and the failed-attempt delay can add more, so the unlock
runs on the worker and the window stays responsive.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.tasks import CancelToken, ProgressFn
from app.unlock import UnlockResult, read_attempts, unlock, unlock_with_recovery
from errors import Message
from storage.header import read_header
from storage.vault import Vault, is_vault
from ui.errors import message_for, translate_error
from ui.session import Session


class UnlockScreen(QWidget):
    finished = Signal()
    archive_wanted = Signal()  # the organisation's archive instead of this laptop's vault

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("unlockScreen")
        lay = QVBoxLayout(self)
        lay.addStretch(1)
        title = QLabel(self.tr("The vault is locked"))
        f = title.font()
        f.setPointSizeF(f.pointSizeF() * 1.5)
        title.setFont(f)
        lay.addWidget(title)
        self.attempts = QLabel()
        self.attempts.setObjectName("attemptsWarning")
        self.attempts.setWordWrap(True)
        self.attempts.setStyleSheet("color: #a33;")
        lay.addWidget(self.attempts)
        form = QFormLayout()
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("unlockPassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("&Passphrase:"), self.passphrase)
        self.use_recovery = QCheckBox(self.tr("This is the &recovery code"))
        form.addRow("", self.use_recovery)
        lay.addLayout(form)
        self.message = QLabel()
        self.message.setObjectName("unlockMessage")
        self.message.setWordWrap(True)
        lay.addWidget(self.message)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setVisible(False)
        lay.addWidget(self.busy)
        row = QHBoxLayout()
        self.archive_button = QPushButton(self.tr("Open the organisation's &archive..."))
        self.archive_button.setObjectName("openArchiveButton")
        self.archive_button.clicked.connect(self.archive_wanted.emit)
        row.addWidget(self.archive_button)
        row.addStretch(1)
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.setDefault(True)
        row.addWidget(self.unlock_button)
        lay.addLayout(row)
        lay.addStretch(2)
        self.unlock_button.clicked.connect(self.unlock)
        self.passphrase.returnPressed.connect(self.unlock)

    def refresh(self) -> None:
        """Show failed attempts recorded since the last successful unlock."""
        self.passphrase.clear()
        self.message.clear()
        self.busy.setVisible(False)
        self.unlock_button.setEnabled(True)
        text = ""
        path = self.session.vault_path
        if is_vault(path):
            try:
                attempts = read_attempts(self.session.state_dir, read_header(path).vault_id)
                notice = attempts.notice()
                text = "" if notice is None else notice.render(translate_error)
            except Exception:  # noqa: BLE001 - the warning is a courtesy; unlock will report
                text = ""
        self.attempts.setText(text)
        self.attempts.setVisible(bool(text))
        self.passphrase.setFocus()

    def unlock(self) -> None:
        if not self.unlock_button.isEnabled():
            return
        secret = bytearray(self.passphrase.text().encode("utf-8"))
        self.passphrase.clear()
        if not secret:
            self.message.setText(self.tr("Type the passphrase first."))
            return
        session = self.session
        recovery = self.use_recovery.isChecked()

        def work(_cancel: CancelToken, _progress: ProgressFn) -> tuple[Vault, Message | None]:
            try:
                result: UnlockResult
                if recovery:
                    result = unlock_with_recovery(session.vault_path,
                                                  secret.decode("utf-8", "replace"),
                                                  state_dir=session.state_dir)
                else:
                    result = unlock(session.vault_path, secret, state_dir=session.state_dir,
                                    role=session.role, allow_weak_kdf=session.allow_weak_kdf)
                return result.vault, result.failed_attempts.notice()
            finally:
                secret[:] = b"\0" * len(secret)

        self.unlock_button.setEnabled(False)
        self.busy.setVisible(True)
        self.message.setText(self.tr("Unlocking..."))
        session.runner.run_task(work, on_done=self._unlocked, on_error=self._failed,
                                name="unlock")

    def _failed(self, exc: BaseException) -> None:
        self.refresh()
        self.message.setText(message_for(exc))

    def _unlocked(self, result: tuple[Vault, Message | None]) -> None:
        vault, notice = result
        attempts = "" if notice is None else notice.render(translate_error)
        self.busy.setVisible(False)
        self.message.clear()
        self.attempts.clear()
        self.session.set_vault(vault, attempts)
        self.finished.emit()
