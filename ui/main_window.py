"""The main window: setup, unlock and the workspace, with locking (manual, idle, panic).

The title never changes ("Testimony Vault"): no interview code or testimony appears in window
titles, task bars, recent-file lists (none are kept) or notifications (none are sent).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from storage.vault import is_vault
from ui import settings as settings_store
from ui.archive_screen import ArchiveScreen
from ui.coding_view import CodingView
from ui.connect_view import ConnectView
from ui.cover_screen import CoverScreen, neutral_title
from ui.export_view import ExportView
from ui.follow import Follower
from ui.idle import IdleWatcher
from ui.interview_list import InterviewList
from ui.interview_page import InterviewPage
from ui.labels import role_label
from ui.recording_view import RecordingView
from ui.reports_view import ReportsView
from ui.session import Session
from ui.settings_dialog import SettingsDialog
from ui.setup_screen import SetupScreen
from ui.supervisor_view import SupervisorView
from ui.transcript_view import TranscriptView, TranslationView
from ui.unlock_screen import UnlockScreen

TITLE = "Testimony Vault"
LOCK_KEYS = ("Ctrl+L",)
PANIC_KEYS = ("Ctrl+Shift+L", "Pause")

# The interview page's views and the workspace's tabs, in order, with their titles.
INTERVIEW_VIEWS: list[tuple[type[Any], object]] = [
    (RecordingView, QT_TRANSLATE_NOOP("Workspace", "&Recording and files")),
    (TranscriptView, QT_TRANSLATE_NOOP("Workspace", "&Transcript")),
    (CodingView, QT_TRANSLATE_NOOP("Workspace", "C&oding")),
    (TranslationView, QT_TRANSLATE_NOOP("Workspace", "Tra&nslation")),
]
WORKSPACE_VIEWS: list[tuple[type[Any], object]] = [
    (ExportView, QT_TRANSLATE_NOOP("Workspace", "&Export")),
    (SupervisorView, QT_TRANSLATE_NOOP("Workspace", "S&upervisor")),
    (ReportsView, QT_TRANSLATE_NOOP("Workspace", "Re&ports")),
    (ConnectView, QT_TRANSLATE_NOOP("Workspace", "&Connections")),
]


class Workspace(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        self.banner = QLabel()
        self.banner.setObjectName("attemptsBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fde8e8; color: #822; padding: 6px;")
        self.banner.setVisible(False)
        lay.addWidget(self.banner)
        # Which interview is open, above every tab (the window title never names it).
        self.header = QLabel()
        self.header.setObjectName("openInterview")
        self.header.setStyleSheet("font-weight: bold; padding: 2px 4px;")
        self.header.setVisible(False)
        lay.addWidget(self.header)
        # On the archive: which field-laptop work is not offered here, and why (one line).
        self.archive_note = QLabel()
        self.archive_note.setObjectName("archiveNote")
        self.archive_note.setWordWrap(True)
        self.archive_note.setStyleSheet("background: #e8f0fd; color: #224; padding: 6px;")
        self.archive_note.setVisible(False)
        lay.addWidget(self.archive_note)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("workspaceTabs")
        lay.addWidget(self.tabs)
        self.list = InterviewList(session)
        self.page = InterviewPage(session)
        self.tabs.addTab(self.list, self.tr("&Interviews"))
        self.page_index = self.tabs.addTab(self.page, self.tr("Inter&view"))
        self.tabs.setTabEnabled(self.page_index, False)
        self.extra: list[Any] = []
        for cls, title in INTERVIEW_VIEWS:
            self.page.add_view(cls(session), self.tr(str(title)))
        self.followers = [Follower(self.list, session, wants=lambda _c: True,
                                   reload=self.list.refresh)]
        for cls, title in WORKSPACE_VIEWS:
            view = cls(session)
            self.extra.append(view)
            self.tabs.addTab(view, self.tr(str(title)))
            if hasattr(view, "follows") and hasattr(view, "refresh"):
                self.followers.append(Follower(view, session, wants=view.follows,
                                               reload=view.refresh))
            if hasattr(view, "changed"):  # the list also updates at once, even unseen
                view.changed.connect(self.list.refresh)
        self.list.open_interview.connect(self.open_interview)
        self.list.passages.open_passage.connect(self.open_passage)
        for view in self.extra:
            if isinstance(view, ReportsView):
                view.passages.open_passage.connect(self.open_passage)
        self.page.changed.connect(self.list.refresh)
        self.page.details.loaded.connect(self._show_header)
        self._tab = 0
        self.tabs.currentChanged.connect(self._tab_changed)

    def _show_header(self, iv: Any) -> None:
        self.header.setText(self.tr("Open interview: %1").replace("%1", iv.code))
        self.header.setVisible(True)

    def _tab_changed(self, index: int) -> None:
        if self._tab == self.page_index and index != self.page_index and not self.page.leave():
            self.tabs.blockSignals(True)
            self.tabs.setCurrentIndex(self.page_index)
            self.tabs.blockSignals(False)
            return
        self._tab = index

    def open_interview(self, interview_id: str) -> None:
        if self.page.interview_id not in (None, interview_id) and not self.page.leave():
            return
        self.tabs.setTabEnabled(self.page_index, True)
        self.page.load(interview_id)
        self.tabs.setCurrentIndex(self.page_index)

    def open_passage(self, interview_id: str, segment_id: str, layer: str,
                     seconds: float) -> None:
        """Open an interview at a passage: its transcript (or translation) tab, the segment
        selected and playing from ``seconds``."""
        self.open_interview(interview_id)
        self.page.show_passage(segment_id or None, layer or "original", seconds)

    def new_interview(self) -> None:
        """Ctrl+N from any tab: the new-interview dialog (the list opens the result)."""
        if self.page.leave():
            self.list.new_interview()

    def enter(self) -> None:
        text = self.session.failed_attempts_message
        self.banner.setText(self.tr("Warning: %1 Someone may have tried to open this vault.")
                            .replace("%1", text) if text else "")
        self.banner.setVisible(bool(text))
        self._offer_for_place()
        self.list.refresh()
        for view in self.extra:
            if hasattr(view, "enter") and self.tabs.isTabEnabled(self.tabs.indexOf(view)):
                view.enter()
        self.tabs.setCurrentIndex(0)

    def _offer_for_place(self) -> None:
        """On the archive, the work that belongs to a field laptop (recording, importing audio
        and transcribing with this laptop's model, export to a bundle, purge, new interviews)
        is disabled with its reason; importing bundles needs a supervisor's account. On a
        vault everything is offered again."""
        archive = self.session.is_archive
        field_only = self.tr("Recording, export to a bundle and purge belong to a field laptop, "
                             "not to the archive.")
        self.archive_note.setText(self.tr(
            "Working on the organisation's archive: recording, export to a bundle, purge and the "
            "vault passphrase belong to a field laptop and are not offered here.")
            if archive else "")
        self.archive_note.setVisible(archive)
        self.list.new_button.setEnabled(not archive)
        self.list.new_button.setToolTip(self.tr(
            "Interviews reach the archive in bundles from field laptops.") if archive else "")
        for view in [*self.page.views, *self.extra]:
            if isinstance(view, (RecordingView, ExportView)):
                reason = field_only
            elif isinstance(view, SupervisorView) and self.session.archive_role not in (
                    "", "supervisor", "administrator"):
                reason = self.tr("Verifying and importing bundles needs a supervisor's account.")
            else:
                reason = ""
            tabs = self.page.tabs if view in self.page.views else self.tabs
            index = tabs.indexOf(view)
            tabs.setTabEnabled(index, not (archive and reason))
            tabs.setTabToolTip(index, reason if archive else "")

    def clear(self) -> None:
        self.banner.clear()
        self.banner.setVisible(False)
        self.header.clear()
        self.header.setVisible(False)
        self.list.clear()
        self.page.clear()
        for view in self.extra:
            view.clear()
        self.tabs.setTabEnabled(self.page_index, False)
        self.tabs.blockSignals(True)
        self.tabs.setCurrentIndex(0)
        self.tabs.blockSignals(False)
        self._tab = 0


class MainWindow(QMainWindow):
    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.setWindowTitle(TITLE)
        self.setObjectName("mainWindow")
        self.resize(1100, 720)
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        # Start (and return after locking) on the archive screen: given an archive address,
        # or after working on an archive.
        self._archive_start = bool(session.archive_url)
        self._build_screens()
        self.cover = CoverScreen()
        self.cover.finished.connect(self.leave_cover)
        self.stack.addWidget(self.cover)
        session.about_to_lock.connect(lambda _r: self.workspace.clear())
        session.locked.connect(self._on_locked)

        self.idle = IdleWatcher(session.settings.idle_lock_minutes * 60_000, self)
        self.idle.idle.connect(lambda: self.lock("idle"))
        session.idle_hold.connect(self.idle.hold)
        session.idle_release.connect(self.idle.release)
        session.idle_release.connect(self._retranslate_if_pending)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.idle)

        self._build_menu()
        self.status_role = QLabel()
        self.statusBar().addPermanentWidget(self.status_role)
        self._retranslate_pending = False
        self._shown_language = session.settings.ui_language
        self._retranslate_chrome()
        self.show_start()

    def _build_screens(self) -> None:
        """Setup, unlock and workspace, built in the current language (rebuilt on a change)."""
        self.setup = SetupScreen(self.session)
        self.unlock_screen = UnlockScreen(self.session)
        self.archive_screen = ArchiveScreen(self.session)
        self.workspace = Workspace(self.session)
        for w in (self.setup, self.unlock_screen, self.archive_screen, self.workspace):
            self.stack.addWidget(w)
        self.setup.finished.connect(self.show_workspace)
        self.setup.language_chosen.connect(self.set_language)
        self.unlock_screen.finished.connect(self.show_workspace)
        self._connect_archive_screen()

    def _connect_archive_screen(self) -> None:
        self.archive_screen.finished.connect(self.show_workspace)
        self.archive_screen.back.connect(self.leave_archive_screen)
        self.setup.archive_wanted.connect(self.show_archive_screen)
        self.unlock_screen.archive_wanted.connect(self.show_archive_screen)

    # ------------------------------------------------------------------ language
    def set_language(self, language: str) -> None:
        """Switch the interface language now (no restart) and remember it."""
        self.session.settings.ui_language = language
        self.session.settings = self.session.settings.normalised()
        settings_store.save(self.session.settings, self.session.state_dir)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            from ui.main import switch_language

            switch_language(app, self.session.settings.ui_language)
        # Qt posts LanguageChange for later; show the new language now (the event then finds
        # nothing left to do).
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _retranslate_chrome(self) -> None:
        self.setWindowTitle(neutral_title() if self.stack.currentWidget() is self.cover
                            else self._title())
        self._fill_menu()
        self._show_place()

    def _title(self) -> str:
        """The app's name; on the archive also where it is (never an interview or testimony)."""
        if not self.session.is_archive:
            return TITLE
        return self.tr("Testimony Vault: archive, %1").replace("%1", self.session.archive_where)

    def _show_place(self) -> None:
        """The status bar says whether this is the archive (where, which login and role) or
        this laptop's vault (the role it was opened with)."""
        s = self.session
        if s.is_archive:
            self.status_role.setText(
                self.tr("Archive: %1 | Login: %2 | Role: %3").replace("%1", s.archive_where)
                .replace("%2", s.login).replace("%3", role_label(s.archive_role)))
        else:
            self.status_role.setText(self.tr("Role: %1").replace("%1", role_label(s.role)))

    def retranslate(self) -> None:
        """Show every screen in the newly installed language.

        The screens are rebuilt from their (translated) sources rather than relabelled widget by
        widget, so no label can be missed. What the user is doing carries over: the screen shown,
        the passphrase being typed at setup, the open interview and tab. While a recording or
        transcription runs (the idle lock is held) the workspace is rebuilt when it ends."""
        if not hasattr(self, "status_role"):
            return  # during construction
        if self._shown_language == self.session.settings.ui_language:
            return
        self._shown_language = self.session.settings.ui_language
        self._retranslate_chrome()
        if self.session.is_unlocked and self.idle.held:
            self._retranslate_pending = True
            self.setup, self.unlock_screen = self._rebuild_locked_screens()
            return
        self._retranslate_pending = False
        current = self.stack.currentWidget()
        old_ws = self.workspace
        open_id = old_ws.page.interview_id if self.session.is_unlocked else None
        tab = old_ws.tabs.currentIndex()
        self._rebuild_locked_screens()
        # Results of work the old screens started are dropped (their widgets are going); the
        # work itself finishes on the worker and the new screens read its outcome from the vault.
        self.session.generation += 1
        old_ws.setParent(None)
        old_ws.deleteLater()
        self.workspace = Workspace(self.session)
        self.stack.addWidget(self.workspace)
        if current is old_ws:
            self.stack.setCurrentWidget(self.workspace)
            self.workspace.enter()
            if open_id:
                self.workspace.open_interview(open_id)
            self.workspace.tabs.setCurrentIndex(tab)

    def _retranslate_if_pending(self) -> None:
        if self._retranslate_pending and not self.idle.held:
            self._shown_language = ""  # the workspace still shows the previous language
            self.retranslate()

    def _rebuild_locked_screens(self) -> tuple[SetupScreen, UnlockScreen]:
        current = self.stack.currentWidget()
        old_setup, old_unlock = self.setup, self.unlock_screen
        self.setup = SetupScreen(self.session)
        self.unlock_screen = UnlockScreen(self.session)
        old_archive = self.archive_screen
        self.archive_screen = ArchiveScreen(self.session)
        self.archive_screen.address.setText(old_archive.address.text())
        self.setup.carry_over(old_setup)
        self.setup.finished.connect(self.show_workspace)
        self.setup.language_chosen.connect(self.set_language)
        self.unlock_screen.finished.connect(self.show_workspace)
        self._connect_archive_screen()
        for new, old in ((self.setup, old_setup), (self.unlock_screen, old_unlock),
                         (self.archive_screen, old_archive)):
            self.stack.addWidget(new)
            if current is old:
                self.stack.setCurrentWidget(new)
            old.setParent(None)
            old.deleteLater()
        if current is self.unlock_screen:
            self.unlock_screen.refresh()
        return self.setup, self.unlock_screen

    # ------------------------------------------------------------------ menus
    def _build_menu(self) -> None:
        self.lock_action = QAction(self)
        self.lock_action.setShortcuts([QKeySequence(k) for k in LOCK_KEYS])
        self.lock_action.triggered.connect(lambda: self.lock("manual"))
        self.panic_action = QAction(self)
        self.panic_action.setShortcuts([QKeySequence(k) for k in PANIC_KEYS])
        self.panic_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.panic_action.triggered.connect(lambda: self.lock("panic"))
        self.settings_action = QAction(self)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.triggered.connect(self.open_settings)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.archive_action = QAction(self)
        self.archive_action.setObjectName("openArchiveAction")
        self.archive_action.triggered.connect(self.show_archive_screen)
        self.laptop_action = QAction(self)
        self.laptop_action.setObjectName("thisLaptopAction")
        self.laptop_action.triggered.connect(self.show_this_laptop)
        # Ctrl+N works from every tab (a shortcut of the window, not of the list); the
        # workspace is rebuilt on a language change, so it is looked up when triggered.
        self.new_action = QAction(self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(lambda: self.workspace.new_interview())
        self.vault_menu = self.menuBar().addMenu("")
        for a in (self.new_action, self.archive_action, self.lock_action, self.panic_action,
                  self.laptop_action, self.settings_action, self.quit_action):
            self.vault_menu.addAction(a)
        # Actions must also work when the menu bar is hidden or the focus is in a dialog.
        self.addAction(self.lock_action)
        self.addAction(self.panic_action)
        self.addAction(self.new_action)

    def _fill_menu(self) -> None:
        """The menus' texts in the current language (called again on a language change)."""
        self.lock_action.setText(self.tr("&Lock now"))
        self.panic_action.setText(self.tr("&Panic lock (clear everything)"))
        self.settings_action.setText(self.tr("&Settings..."))
        self.quit_action.setText(self.tr("&Quit"))
        self.new_action.setText(self.tr("&New interview..."))
        self.laptop_action.setText(self.tr("This &laptop (device fingerprint)..."))
        self.archive_action.setText(self.tr("Open the organisation's &archive..."))
        self.vault_menu.setTitle(self.tr("&Vault"))

    # ------------------------------------------------------------------ screens
    def show_start(self) -> None:
        if self._archive_start:
            self.show_archive_screen()
            return
        self.archive_action.setEnabled(True)
        if is_vault(self.session.vault_path):
            self.unlock_screen.refresh()
            self.stack.setCurrentWidget(self.unlock_screen)
        else:
            self.stack.setCurrentWidget(self.setup)
        self.lock_action.setEnabled(False)
        self.new_action.setEnabled(False)
        self.idle.stop()

    def show_archive_screen(self) -> None:
        """Ask for the archive's address and password (the vault, if open, is locked first)."""
        if self.session.is_unlocked:
            self._archive_start = True
            self.lock("manual")
            return
        self._archive_start = True
        self.archive_screen.refresh()
        self.stack.setCurrentWidget(self.archive_screen)
        self.archive_action.setEnabled(False)
        self.lock_action.setEnabled(False)
        self.new_action.setEnabled(False)
        self.idle.stop()

    def leave_archive_screen(self) -> None:
        self._archive_start = False
        self.show_start()

    def show_cover(self) -> None:
        """After a panic lock: a page, title and window without the app's name or menus."""
        self.stack.setCurrentWidget(self.cover)
        self.setWindowTitle(neutral_title())
        self.menuBar().setVisible(False)
        self.statusBar().setVisible(False)
        self.lock_action.setEnabled(False)
        self.idle.stop()

    def leave_cover(self) -> None:
        self.setWindowTitle(TITLE)
        self.menuBar().setVisible(True)
        self.statusBar().setVisible(True)
        self.show_start()

    def show_this_laptop(self) -> None:
        from ui.laptop_card import LaptopCard

        LaptopCard.open_for(self.session, self)

    def show_workspace(self) -> None:
        self.stack.setCurrentWidget(self.workspace)
        self.workspace.enter()
        archive = self.session.is_archive
        self._archive_start = archive  # locking returns to where the person was working
        self.lock_action.setEnabled(True)
        self.new_action.setEnabled(not archive)
        self.laptop_action.setEnabled(not archive)
        self.archive_action.setEnabled(not archive)
        self.setWindowTitle(self._title())
        self._show_place()
        self.idle.set_interval(self.session.settings.idle_lock_minutes * 60_000)
        self.idle.start()
        self.statusBar().showMessage(self.tr("Archive opened.") if archive
                                     else self.tr("Vault unlocked."), 4000)

    def lock(self, reason: str = "manual") -> None:
        self.session.lock(reason)

    def _on_locked(self, reason: str) -> None:
        self.idle.stop()
        self.workspace.clear()
        self.setup.clear()
        # Close every dialog the workspace opened: they may show testimony.
        for child in self.findChildren(QWidget):
            if child.isWindow() and child is not self and child.isVisible():
                child.close()
        self.setWindowTitle(TITLE)
        self.laptop_action.setEnabled(True)
        self._show_place()
        if reason == "panic":
            QGuiApplication.clipboard().clear()
            self.statusBar().clearMessage()
            self.show_cover()
            return
        self.show_start()
        messages = {"idle": self.tr("Locked after a period without activity."),
                    "panic": self.tr("Locked."), "manual": self.tr("Locked.")}
        self.statusBar().showMessage(messages.get(reason, ""), 5000)

    def open_settings(self) -> None:
        if self.session.is_unlocked:  # imported models and measured speeds are in the vault
            from app import model_store

            if self.session.call(lambda v, _c, _p: model_store.catalogue(v),
                                 on_done=self._show_settings,
                                 on_error=lambda _e: self._show_settings(None),
                                 name="list models") is not None:
                return
        self._show_settings(None)

    def _show_settings(self, choices: list[Any] | None) -> None:
        dialog = SettingsDialog(self.session.settings, self, choices=choices,
                                session=self.session)

        def accepted() -> None:
            old_language = self.session.settings.ui_language
            self.session.settings = dialog.result_settings()
            settings_store.save(self.session.settings, self.session.state_dir)
            if self.session.settings.ui_language != old_language:
                self.set_language(self.session.settings.ui_language)
            self.idle.set_interval(self.session.settings.idle_lock_minutes * 60_000)
            self.statusBar().showMessage(self.tr("Settings saved."), 4000)

        dialog.accepted.connect(accepted)
        dialog.open()

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        if self.session.is_unlocked:
            self.session.lock("quit")
        self.session.runner.shutdown(wait=True)
        event.accept()
