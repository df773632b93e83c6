"""The "this laptop" card: the device fingerprint in groups to read aloud, at any time.

A supervisor pins a field laptop by comparing its fingerprint aloud (or by receiving its public
key file in person). The card is opened from the Vault menu whenever that is needed, not only
once at setup, and can save the public key file for an in-person handover. Public data only.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

import app.bundles.keys as keys
from app.bundles import supervisor_keys
from ui.errors import message_for
from ui.filedialogs import ask_path
from ui.session import Session


class LaptopCard(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("laptopCard")
        self.setWindowTitle(self.tr("This laptop"))
        lay = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setObjectName("laptopIntro")
        self.intro.setWordWrap(True)
        lay.addWidget(self.intro)
        self.grid = QGridLayout()
        lay.addLayout(self.grid)
        self.groups: list[QLabel] = []
        self.device_id = QLabel()
        self.device_id.setObjectName("laptopDeviceId")
        self.device_id.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.device_id)
        self.save_button = QPushButton(self.tr("&Save the public key file for an in-person "
                                               "handover..."))
        self.save_button.setObjectName("savePublicKey")
        self.save_button.setEnabled(False)
        lay.addWidget(self.save_button)
        self.message = QLabel()
        self.message.setObjectName("laptopMessage")
        self.message.setWordWrap(True)
        lay.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.save_button.clicked.connect(
            lambda: ask_path(self, self.tr("Save public key file as"), self.save_public,
                             save=True, suggested_name="device.pub"))
        self.public_text = ""

    @classmethod
    def open_for(cls, session: Session, parent: QWidget | None) -> LaptopCard:
        card = cls(session, parent)
        card.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        card.load()
        card.open()
        return card

    def load(self) -> None:
        if not self.session.is_unlocked:
            self.intro.setText(self.tr("Unlock the vault to see this laptop's fingerprint (its "
                                       "key is kept inside the vault)."))
            return

        def work(v: Any, _c: Any, _p: Any) -> tuple[str, str, str]:
            device = v.device()
            return device.id, device.fingerprint, keys.vault_device_public_text(v)

        self.session.call(work, on_done=self.show_device,
                          on_error=lambda e: self.message.setText(message_for(e)),
                          name="this laptop")

    def show_device(self, result: tuple[str, str, str]) -> None:
        device_id, fingerprint, public_text = result
        self.public_text = public_text
        self.intro.setText(self.tr(
            "When your supervisor pins this laptop, read these groups aloud, one by one; they "
            "check them against the bundle they received. The last group is what proves the "
            "bundle came from you, so say it only to your supervisor."))
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setPointSizeF(self.font().pointSizeF() * 1.6)
        for i, group in enumerate(fingerprint.split()):
            number = QLabel(f"{i + 1}.")
            label = QLabel(group)
            label.setObjectName(f"fingerprintGroup{i + 1}")
            label.setFont(mono)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.grid.addWidget(number, i // 4, (i % 4) * 2)
            self.grid.addWidget(label, i // 4, (i % 4) * 2 + 1)
            self.groups.append(label)
        self.device_id.setText(self.tr("Device id: %1").replace("%1", device_id))
        self.save_button.setEnabled(True)

    def save_public(self, path: Path) -> None:
        try:
            supervisor_keys.write_new_file(path, self.public_text.encode("ascii"), 0o644)
        except Exception as exc:  # noqa: BLE001 - shown as one sentence
            self.message.setText(message_for(exc))
            return
        self.message.setText(self.tr("Public key file saved to %1; hand it to your supervisor in "
                                     "person.").replace("%1", str(path)))
