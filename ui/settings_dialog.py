"""Settings: UI language, idle lock time, default model and language, audio device, and
re-encrypting the vault after a suspected compromise."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

from ui.session import Session
from ui.settings import LANGUAGE_NAMES, MODELS, TRANSCRIPTION_LANGUAGES, Settings

_TRANSCRIPTION_NAMES = {"auto": "Detect", "ko": "Korean", "en": "English"}


def input_devices() -> list[str]:
    """Descriptions of the audio input devices Qt can see (empty without Qt Multimedia)."""
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError:
        return []
    return [d.description() for d in QMediaDevices.audioInputs()]


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None, *,
                 choices: list[Any] | None = None,
                 session: Session | None = None) -> None:
        """``choices``: app.model_store's catalogue of the unlocked vault (imported models,
        sizes, speeds); without it only the built-in models are offered."""
        super().__init__(parent)
        self._kept = settings  # what this dialog does not edit (the archive address) is kept
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        form = QFormLayout(self)
        self.language = QComboBox()
        self.language.setObjectName("uiLanguage")
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.ui_language)))
        form.addRow(self.tr("&Language of the interface:"), self.language)
        self.idle = QSpinBox()
        self.idle.setObjectName("idleMinutes")
        self.idle.setRange(1, 240)
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setValue(settings.idle_lock_minutes)
        form.addRow(self.tr("Lock after &idle time:"), self.idle)
        self.model = QComboBox()
        self.model.setObjectName("defaultModel")
        if choices is None:
            try:  # the built-in models whose packages are installed
                from app import model_store

                choices = model_store.catalogue(None)
            except Exception:  # noqa: BLE001 - a settings dialog must open regardless
                choices = []
        labels = {c.name: f"{c.name} — {c.size_text}, " + (
            self.tr("%1x real time on this laptop").replace(
                "%1", f"{c.speed.realtime_factor:.1f}") if c.speed is not None
            else self.tr("speed not measured yet")) for c in choices}
        models = list(labels) or list(MODELS)
        if settings.default_model not in models:
            models.insert(0, settings.default_model)
        for m in models:
            self.model.addItem(labels.get(m, m), m)
        self.model.setCurrentIndex(max(0, self.model.findData(settings.default_model)))
        form.addRow(self.tr("Default transcription &model:"), self.model)
        self.tlang = QComboBox()
        self.tlang.setObjectName("defaultLanguage")
        for code in TRANSCRIPTION_LANGUAGES:
            self.tlang.addItem(self.tr(_TRANSCRIPTION_NAMES[code]), code)
        self.tlang.setCurrentIndex(max(0, self.tlang.findData(settings.default_language)))
        form.addRow(self.tr("Default &spoken language:"), self.tlang)
        self.device = QComboBox()
        self.device.setObjectName("audioDevice")
        self.device.addItem(self.tr("System default"), "")
        for d in input_devices():
            self.device.addItem(d, d)
        if settings.audio_device and self.device.findData(settings.audio_device) < 0:
            self.device.addItem(settings.audio_device, settings.audio_device)
        self.device.setCurrentIndex(max(0, self.device.findData(settings.audio_device)))
        form.addRow(self.tr("&Audio input:"), self.device)
        # Security: re-encrypt after a suspected compromise (needs the unlocked vault).
        self.session = session
        self.rekey_button = QPushButton(self.tr("Re-&encrypt the vault..."))
        self.rekey_button.setObjectName("rekeyButton")
        self.rekey_button.setEnabled(session is not None and session.is_unlocked
                                     and not session.is_archive)
        if session is not None and session.is_archive:
            self.rekey_button.setToolTip(self.tr(
                "The archive has no vault passphrase: its accounts are managed in the database."))
        self.rekey_button.clicked.connect(self.open_rekey)
        rekey_note = QLabel(self.tr(
            "If the laptop or the vault folder may have been copied: a new key for the whole "
            "vault, so old copies of its header stop working."))
        rekey_note.setWordWrap(True)
        form.addRow(self.tr("Suspected compromise:"), self.rekey_button)
        form.addRow("", rekey_note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def open_rekey(self) -> None:
        from ui.rekey_dialog import RekeyDialog

        if self.session is None:
            return
        dialog = RekeyDialog(self.session, self)
        dialog.open()

    def result_settings(self) -> Settings:
        return Settings(ui_language=self.language.currentData(),
                        idle_lock_minutes=self.idle.value(),
                        default_model=self.model.currentData(),
                        default_language=self.tlang.currentData(),
                        audio_device=self.device.currentData() or "",
                        last_archive_url=self._kept.last_archive_url).normalised()
