"""First run: create the vault (passphrase twice, strength feedback, Argon2id calibration with
progress), then show the recovery code exactly once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.passphrase import assess, long_enough
from app.tasks import CancelToken, ProgressFn
from app.vault_setup import create_vault
from crypto.kdf import calibrate
from storage.vault import Vault
from ui.errors import message_for
from ui.session import Session
from ui.settings import LANGUAGE_NAMES

_CALIBRATION_STEPS = 6  # typical number of measurements; progress is an estimate


class SetupScreen(QWidget):
    """Two pages: the passphrase form, then the recovery code."""

    finished = Signal()
    language_chosen = Signal(str)  # "en" or "ko": the window switches at once
    archive_wanted = Signal()  # an office machine: the organisation's archive, no vault here

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.fingerprint = ""  # this laptop's, once the vault exists
        self.setObjectName("setupScreen")
        self.pages = QStackedWidget(self)
        outer = QVBoxLayout(self)
        # The language first, in both languages, so a Korean speaker can read everything after.
        lang_row = QHBoxLayout()
        lang_row.addStretch(1)
        lang_label = QLabel("Language / 언어:")
        self.language = QComboBox()
        self.language.setObjectName("setupLanguage")
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(
            session.settings.ui_language)))
        lang_label.setBuddy(self.language)
        lang_row.addWidget(lang_label)
        lang_row.addWidget(self.language)
        outer.addLayout(lang_row)
        outer.addWidget(self.pages)

        # --- page 1: passphrase
        form_page = QWidget()
        lay = QVBoxLayout(form_page)
        title = QLabel(self.tr("Create your vault"))
        f = title.font()
        f.setPointSizeF(f.pointSizeF() * 1.5)
        title.setFont(f)
        lay.addWidget(title)
        intro = QLabel(self.tr(
            "Everything you record is kept encrypted in this vault. Choose a long passphrase "
            "that only you know: there is no way to recover the vault without it (unless you "
            "keep the recovery code shown next)."))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        form = QFormLayout()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setObjectName("newPassphrase")
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setObjectName("repeatPassphrase")
        form.addRow(self.tr("&Passphrase:"), self.passphrase)
        form.addRow(self.tr("&Repeat:"), self.repeat)
        self.strength_bar = QProgressBar()
        self.strength_bar.setRange(0, 4)
        self.strength_bar.setTextVisible(False)
        self.strength_text = QLabel()
        self.strength_text.setObjectName("strengthText")
        form.addRow(self.tr("Strength:"), self.strength_bar)
        form.addRow("", self.strength_text)
        self.with_recovery = QCheckBox(self.tr("Also create a &recovery code for the "
                                               "organisation's safe"))
        self.with_recovery.setChecked(True)
        form.addRow("", self.with_recovery)
        lay.addLayout(form)
        self.message = QLabel()
        self.message.setObjectName("setupMessage")
        self.message.setWordWrap(True)
        lay.addWidget(self.message)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        lay.addWidget(self.progress)
        row = QHBoxLayout()
        self.archive_button = QPushButton(self.tr("Open the organisation's &archive instead..."))
        self.archive_button.setObjectName("openArchiveButton")
        self.archive_button.clicked.connect(self.archive_wanted.emit)
        row.addWidget(self.archive_button)
        row.addStretch(1)
        self.create_button = QPushButton(self.tr("&Create vault"))
        self.create_button.setObjectName("createVault")
        self.create_button.setEnabled(False)
        self.create_button.setDefault(True)
        row.addWidget(self.create_button)
        lay.addLayout(row)
        lay.addStretch(1)
        self.pages.addWidget(form_page)

        # --- page 2: recovery code
        code_page = QWidget()
        lay2 = QVBoxLayout(code_page)
        done_title = QLabel(self.tr("Your vault is ready"))
        done_title.setFont(title.font())
        lay2.addWidget(done_title)
        self.code_intro = QLabel(self.tr(
            "Write this recovery code on paper and give it to your organisation's safe. It is "
            "shown only now, never again, and is never stored on this laptop."))
        self.code_intro.setWordWrap(True)
        lay2.addWidget(self.code_intro)
        self.code_label = QLabel()
        self.code_label.setObjectName("recoveryCode")
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setPointSizeF(self.font().pointSizeF() * 1.3)
        self.code_label.setFont(mono)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                                | Qt.TextInteractionFlag.TextSelectableByMouse)
        lay2.addWidget(self.code_label)
        self.fingerprint_label = QLabel()
        self.fingerprint_label.setObjectName("deviceFingerprint")
        self.fingerprint_label.setWordWrap(True)
        lay2.addWidget(self.fingerprint_label)
        pin_row = QHBoxLayout()
        self.pin_button = QPushButton(self.tr("&Pin your supervisor's public key (optional)..."))
        self.pin_button.setObjectName("setupPinSupervisor")
        self.pin_label = QLabel()
        self.pin_label.setObjectName("setupPinLabel")
        self.pin_label.setWordWrap(True)
        pin_row.addWidget(self.pin_button)
        pin_row.addWidget(self.pin_label, 1)
        lay2.addLayout(pin_row)
        self.written_down = QCheckBox(self.tr("I have &written the code down"))
        self.written_down.setObjectName("writtenDown")
        lay2.addWidget(self.written_down)
        row2 = QHBoxLayout()
        row2.addStretch(1)
        self.continue_button = QPushButton(self.tr("C&ontinue"))
        self.continue_button.setObjectName("continueButton")
        row2.addWidget(self.continue_button)
        lay2.addLayout(row2)
        lay2.addStretch(1)
        self.pages.addWidget(code_page)

        self.passphrase.textChanged.connect(self._update)
        self.repeat.textChanged.connect(self._update)
        self.repeat.returnPressed.connect(self.create_button.click)
        self.create_button.clicked.connect(self.create)
        self.written_down.toggled.connect(self._update_continue)
        self.continue_button.clicked.connect(self._finish)
        self.pin_button.clicked.connect(self._choose_supervisor_key)
        self.language.currentIndexChanged.connect(
            lambda _i: self.language_chosen.emit(self.language.currentData()))
        self._update()

    def _show_fingerprint(self, fp: str) -> None:
        self.fingerprint = fp
        self.fingerprint_label.setText(self.tr("This laptop's device fingerprint: %1").replace(
            "%1", fp) + " " + self.tr("(Vault › This laptop shows it again at any time.)"))

    def carry_over(self, old: SetupScreen) -> None:
        """Take what the user has typed or been shown from ``old`` (the same screen in the
        previous language): the recovery code is shown only once and must not be lost."""
        self.passphrase.setText(old.passphrase.text())
        self.repeat.setText(old.repeat.text())
        self.code_label.setText(old.code_label.text())
        if old.fingerprint:
            self._show_fingerprint(old.fingerprint)
        self.pin_label.setText(old.pin_label.text())
        self.written_down.setChecked(old.written_down.isChecked())
        for mine, theirs in ((self.code_label, old.code_label), (self.code_intro, old.code_intro),
                             (self.written_down, old.written_down)):
            mine.setVisible(not theirs.isHidden())
        self.pages.setCurrentIndex(old.pages.currentIndex())

    def _update(self) -> None:
        text = self.passphrase.text()
        score, _advice = assess(text)
        self.strength_bar.setValue(score)
        self.strength_text.setText(self._advice(score) if text else "")
        same = text == self.repeat.text()
        if text and self.repeat.text() and not same:
            self.message.setText(self.tr("The two passphrases differ."))
        else:
            self.message.setText("")
        self.create_button.setEnabled(long_enough(text) and same)

    def _advice(self, score: int) -> str:
        # Literal strings so that lupdate finds them (same sentences as app.passphrase.assess).
        return (self.tr("Too short: use at least 8 characters (a sentence is best)."),
                self.tr("Weak: add more words; a short sentence only you know works well."),
                self.tr("Fair: a few more words would make it much harder to guess."),
                self.tr("Good."), self.tr("Strong."))[score]

    def _update_continue(self) -> None:
        self.continue_button.setEnabled(self.written_down.isChecked()
                                        or not self.code_label.text())

    def create(self) -> None:  # type: ignore[override]
        if not self.create_button.isEnabled():
            return
        passphrase = bytearray(self.passphrase.text().encode("utf-8"))
        self.passphrase.clear()
        self.repeat.clear()
        session = self.session
        with_recovery = self.with_recovery.isChecked()
        kdf_factory: Callable[..., Any] = session.kdf_factory or calibrate
        steps = [0]

        def work(cancel: CancelToken, progress: ProgressFn) -> tuple[Vault, str | None, str]:
            def step(_label: str) -> None:
                steps[0] += 1
                progress(min(0.9, steps[0] / _CALIBRATION_STEPS), "calibrating")

            try:
                progress(0.0, "calibrating")
                params = kdf_factory(progress=step)
                cancel.raise_if_cancelled()
                progress(0.92, "creating")
                made = create_vault(session.vault_path, passphrase, kdf=params,
                                    allow_weak_kdf=session.allow_weak_kdf,
                                    with_recovery=with_recovery, role=session.role)
                progress(1.0, "done")
                return made.vault, made.recovery_code, made.fingerprint
            finally:
                passphrase[:] = b"\0" * len(passphrase)

        self.create_button.setEnabled(False)
        self.progress.setVisible(True)
        self.progress.setValue(0)
        self.message.setText(self.tr("Measuring this laptop to choose strong key-derivation "
                                     "settings (a few seconds)..."))
        session.runner.run_task(work, on_done=self._created, on_error=self._failed,
                                on_progress=self._progress, name="create vault")

    def _progress(self, fraction: float, _label: str) -> None:
        self.progress.setValue(int(fraction * 100))

    def _failed(self, exc: BaseException) -> None:
        self.progress.setVisible(False)
        self._update()
        self.message.setText(message_for(exc))

    def _created(self, result: tuple[Vault, str | None, str]) -> None:
        vault, code, fp = result
        self.progress.setVisible(False)
        self.message.setText("")
        self.session.set_vault(vault)
        self.code_label.setText(code or "")
        self.code_label.setVisible(bool(code))
        self.code_intro.setVisible(bool(code))
        self.written_down.setVisible(bool(code))
        self._show_fingerprint(fp)
        self._update_continue()
        self.pages.setCurrentIndex(1)
        self.written_down.setFocus()

    def _choose_supervisor_key(self) -> None:
        from ui.filedialogs import ask_path

        ask_path(self, self.tr("Supervisor public key file"), self.pin_supervisor)

    def pin_supervisor(self, path: Path) -> None:
        """Pin the supervisor whose public key file is ``path`` (exports go only to them)."""
        try:
            from app.bundles import keys
        except ImportError:  # a build without bundles: nothing to pin
            return
        role = self.session.role

        def work(v: Any, _c: Any, _p: Any) -> str:
            pub, _added = keys.trust_supervisor_file(v, path, role=role)
            return str(pub.fingerprint)

        self.session.call(work, on_done=lambda fp: self.pin_label.setText(
            self.tr("Pinned. Compare this fingerprint with your supervisor: %1").replace(
                "%1", fp)), on_error=lambda e: self.pin_label.setText(message_for(e)),
            name="pin supervisor")

    def _finish(self) -> None:
        # The code leaves memory and screen now: it is shown once only.
        self.code_label.clear()
        QGuiApplication.clipboard().clear()
        self.finished.emit()

    def clear(self) -> None:
        self.pin_label.clear()
        self.passphrase.clear()
        self.repeat.clear()
        self.code_label.clear()
        self.pages.setCurrentIndex(0)
