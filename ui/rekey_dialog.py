"""Re-encrypt the vault under a new data key, offered from Settings after a suspected compromise.

The same service as ``testimony rekey`` (storage.vault.Vault.rekey): the database is rewritten
under a fresh key, so copies of earlier vault headers stop opening it; the passphrase stays.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.errors import message_for
from ui.session import Session


class RekeyDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rekeyDialog")
        self.setWindowTitle(self.tr("Re-encrypt the vault"))
        self.session = session
        layout = QVBoxLayout(self)
        explanation = QLabel(self.tr(
            "Use this if the laptop, a backup or the vault folder may have been copied (for "
            "example at a checkpoint). Changing the passphrase alone does not stop a saved copy "
            "of the old vault header from opening the vault with the old passphrase. "
            "Re-encrypting rewrites the whole vault under a new key: after it, copies of earlier "
            "headers and earlier recovery codes no longer open it, and a new recovery code is "
            "shown once if the vault has one.\n\n"
            "It cannot protect a complete copy made earlier (old header and old data together, "
            "such as a disk image): that copy still opens, as it was then, with the passphrase "
            "of that time.\n\n"
            "Close recordings and other windows first. It takes a while for a large vault."))
        explanation.setWordWrap(True)
        explanation.setObjectName("rekeyExplanation")
        layout.addWidget(explanation)
        form = QFormLayout()
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("rekeyPassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Current &passphrase:"), self.passphrase)
        layout.addLayout(form)
        self.start_button = QPushButton(self.tr("&Re-encrypt now"))
        self.start_button.setObjectName("rekeyStart")
        self.start_button.clicked.connect(self.start)
        layout.addWidget(self.start_button)
        self.progress = QProgressBar()
        self.progress.setObjectName("rekeyProgress")
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        self.message = QLabel("")
        self.message.setObjectName("rekeyMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.code_label = QLabel("")
        self.code_label.setObjectName("rekeyRecoveryCode")
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.code_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def start(self) -> None:
        text = self.passphrase.text()
        if not text:
            self.message.setText(self.tr("Type the current passphrase first."))
            return
        passphrase = bytearray(text.encode("utf-8"))
        self.passphrase.clear()
        self.start_button.setEnabled(False)
        self.progress.setVisible(True)
        self.progress.setValue(0)
        self.message.setText(self.tr("Re-encrypting..."))
        session = self.session

        def work(vault: Any, _cancel: Any, progress: Any) -> str | None:
            try:
                code: str | None = vault.rekey(passphrase, role=session.role,
                                               allow_weak_kdf=session.allow_weak_kdf,
                                               progress=progress)
            finally:
                passphrase[:] = b"\0" * len(passphrase)
            return code

        session.call(work, on_done=self._done, on_error=self._failed,
                     on_progress=self._progress, name="rekey")

    def _progress(self, fraction: float, _label: str) -> None:
        self.progress.setValue(int(fraction * 100))

    def _done(self, code: str | None) -> None:
        self.progress.setValue(100)
        self.message.setText(self.tr(
            "The vault was re-encrypted under a new key. Copies of earlier vault headers no "
            "longer open it; the passphrase is unchanged."))
        if code:
            self.code_label.setText(self.tr(
                "New recovery code (shown once; write it down for the organisation's safe, the "
                "old one no longer works):\n%1").replace("%1", code))

    def _failed(self, exc: BaseException) -> None:
        self.progress.setVisible(False)
        self.start_button.setEnabled(True)
        self.message.setText(message_for(exc))
