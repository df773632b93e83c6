"""The main window: setup, unlock and the workspace, with locking (manual, idle, panic).

The title never changes ("Testimony Vault"): no interview code or testimony appears in window
titles, task bars, recent-file lists (none are kept) or notifications (none are sent).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
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
from ui.coding_view import CodingView
from ui.export_view import ExportView
from ui.follow import Follower
from ui.idle import IdleWatcher
from ui.interview_list import InterviewList
from ui.interview_page import InterviewPage
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
INTERVIEW_VIEWS: list[tuple[type[Any], str]] = [
    (RecordingView, QT_TRANSLATE_NOOP("Workspace", "&Recording and files")),
    (TranscriptView, QT_TRANSLATE_NOOP("Workspace", "&Transcript")),
    (CodingView, QT_TRANSLATE_NOOP("Workspace", "C&oding")),
    (TranslationView, QT_TRANSLATE_NOOP("Workspace", "Tra&nslation")),
]
WORKSPACE_VIEWS: list[tuple[type[Any], str]] = [
    (ExportView, QT_TRANSLATE_NOOP("Workspace", "&Export")),
    (SupervisorView, QT_TRANSLATE_NOOP("Workspace", "S&upervisor")),
    (ReportsView, QT_TRANSLATE_NOOP("Workspace", "Re&ports")),
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
            self.page.add_view(cls(session), self.tr(title))
        self.followers = [Follower(self.list, session, wants=lambda _c: True,
                                   reload=self.list.refresh)]
        for cls, title in WORKSPACE_VIEWS:
            view = cls(session)
            self.extra.append(view)
            self.tabs.addTab(view, self.tr(title))
            if hasattr(view, "follows") and hasattr(view, "refresh"):
                self.followers.append(Follower(view, session, wants=view.follows,
                                               reload=view.refresh))
            if hasattr(view, "changed"):  # the list also updates at once, even unseen
                view.changed.connect(self.list.refresh)
        self.list.open_interview.connect(self.open_interview)
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

    def new_interview(self) -> None:
        """Ctrl+N from any tab: the new-interview dialog (the list opens the result)."""
        if self.page.leave():
            self.list.new_interview()

    def enter(self) -> None:
        text = self.session.failed_attempts_message
        self.banner.setText(self.tr("Warning: %1 Someone may have tried to open this vault.")
                            .replace("%1", text) if text else "")
        self.banner.setVisible(bool(text))
        self.list.refresh()
        for view in self.extra:
            if hasattr(view, "enter"):
                view.enter()
        self.tabs.setCurrentIndex(0)

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
        self.setup = SetupScreen(session)
        self.unlock_screen = UnlockScreen(session)
        self.workspace = Workspace(session)
        for w in (self.setup, self.unlock_screen, self.workspace):
            self.stack.addWidget(w)
        self.setup.finished.connect(self.show_workspace)
        self.unlock_screen.finished.connect(self.show_workspace)
        session.about_to_lock.connect(lambda _r: self.workspace.clear())
        session.locked.connect(self._on_locked)

        self.idle = IdleWatcher(session.settings.idle_lock_minutes * 60_000, self)
        self.idle.idle.connect(lambda: self.lock("idle"))
        session.idle_hold.connect(self.idle.hold)
        session.idle_release.connect(self.idle.release)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.idle)

        self._build_menu()
        self.status_role = QLabel(self.tr("Role: %1").replace("%1", session.role))
        self.statusBar().addPermanentWidget(self.status_role)
        self.show_start()

    # ------------------------------------------------------------------ menus
    def _build_menu(self) -> None:
        vault_menu = self.menuBar().addMenu(self.tr("&Vault"))
        self.lock_action = QAction(self.tr("&Lock now"), self)
        self.lock_action.setShortcuts([QKeySequence(k) for k in LOCK_KEYS])
        self.lock_action.triggered.connect(lambda: self.lock("manual"))
        self.panic_action = QAction(self.tr("&Panic lock (clear everything)"), self)
        self.panic_action.setShortcuts([QKeySequence(k) for k in PANIC_KEYS])
        self.panic_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.panic_action.triggered.connect(lambda: self.lock("panic"))
        self.settings_action = QAction(self.tr("&Settings..."), self)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.triggered.connect(self.open_settings)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        # Ctrl+N works from every tab (a shortcut of the window, not of the list).
        self.new_action = QAction(self.tr("&New interview..."), self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.workspace.new_interview)
        for a in (self.new_action, self.lock_action, self.panic_action, self.settings_action,
                  quit_action):
            vault_menu.addAction(a)
        # Actions must also work when the menu bar is hidden or the focus is in a dialog.
        self.addAction(self.lock_action)
        self.addAction(self.panic_action)
        self.addAction(self.new_action)

    # ------------------------------------------------------------------ screens
    def show_start(self) -> None:
        if is_vault(self.session.vault_path):
            self.unlock_screen.refresh()
            self.stack.setCurrentWidget(self.unlock_screen)
        else:
            self.stack.setCurrentWidget(self.setup)
        self.lock_action.setEnabled(False)
        self.new_action.setEnabled(False)
        self.idle.stop()

    def show_workspace(self) -> None:
        self.stack.setCurrentWidget(self.workspace)
        self.workspace.enter()
        self.lock_action.setEnabled(True)
        self.new_action.setEnabled(True)
        self.idle.set_interval(self.session.settings.idle_lock_minutes * 60_000)
        self.idle.start()
        self.statusBar().showMessage(self.tr("Vault unlocked."), 4000)

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
        if reason == "panic":
            QGuiApplication.clipboard().clear()
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
            self.session.settings = dialog.result_settings()
            settings_store.save(self.session.settings, self.session.state_dir)
            self.idle.set_interval(self.session.settings.idle_lock_minutes * 60_000)
            self.statusBar().showMessage(self.tr("Settings saved."), 4000)

        dialog.accepted.connect(accepted)
        dialog.open()

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        if self.session.is_unlocked:
            self.session.lock("quit")
        self.session.runner.shutdown(wait=True)
        event.accept()
