"""Start the desktop client: ``run(vault_path, role=...)`` -> exit code."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from app.paths import state_dir
from ui import settings as settings_store
from ui.main_window import MainWindow
from ui.session import Session
from ui.tasks import Runner, TaskRunner

I18N_DIR = Path(__file__).resolve().parent / "i18n"


def install_translations(app: QApplication, language: str) -> list[QTranslator]:
    """Load the app's own .qm and Qt's standard dialogs' translation for ``language``."""
    translators: list[QTranslator] = []
    if language == "en":
        return translators
    ours = QTranslator(app)
    if ours.load(str(I18N_DIR / f"testimony_{language}.qm")):
        app.installTranslator(ours)
        translators.append(ours)
    qt = QTranslator(app)
    if qt.load(QLocale(language), "qtbase", "_",
               QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        translators.append(qt)
    return translators


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv or [sys.argv[0]])
    app.setApplicationName("Testimony Vault")
    app.setOrganizationName("TestimonyVault")
    app.setDesktopFileName("testimony-vault")
    return app


def build_window(vault_path: Path, *, role: str = "interviewer", runner: Runner | None = None,
                 state: Path | None = None, allow_weak_kdf: bool = False,
                 kdf_factory: object = None, archive: str | None = None) -> MainWindow:
    """The main window, unshown. Tests pass an inline runner and weak-KDF options. Given an
    ``archive`` address the window starts by asking for that archive's password."""
    folder = state or state_dir()
    session = Session(vault_path, role=role, runner=runner or TaskRunner(),
                      settings=settings_store.load(folder), state_dir=folder,
                      allow_weak_kdf=allow_weak_kdf, kdf_factory=kdf_factory,  # type: ignore[arg-type]
                      archive_url=archive)
    return MainWindow(session)


def run(vault_path: Path, *, role: str = "interviewer", argv: list[str] | None = None,
        archive: str | None = None) -> int:
    """Open the window on ``vault_path`` (first run: the setup screen), or on the archive at
    ``archive`` (its password is asked), and run the event loop."""
    # Qt must never write caches or logs that could hold testimony.
    os.environ.setdefault("QT_LOGGING_RULES", "*.debug=false")
    logging.basicConfig(level=logging.WARNING)
    app = make_application(argv)
    settings = settings_store.load(state_dir())
    switch_language(app, settings.ui_language)
    window = build_window(vault_path, role=role, archive=archive)
    window.show()
    return int(app.exec())


_installed: list[QTranslator] = []


def switch_language(app: QApplication, language: str) -> None:
    """Replace the installed translations with ``language``'s, now. Qt then sends every widget
    a LanguageChange event; the main window answers it by showing itself in the new language."""
    changed = bool(_installed)
    while _installed:
        app.removeTranslator(_installed.pop())
    _installed.extend(install_translations(app, language))
    if not (changed or _installed):
        # No translator came or went, so Qt sent no event: tell the windows ourselves.
        for w in app.topLevelWidgets():
            QCoreApplication.sendEvent(w, QEvent(QEvent.Type.LanguageChange))
