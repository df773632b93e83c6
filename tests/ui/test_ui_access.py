"""Keyboard reachability and the system font size, on every screen that exists."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from app import interviews
from tests.common import PASSPHRASE
from tests.ui_support import make_window, unlock

INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QPlainTextEdit,
               QAbstractSpinBox)


def unreachable(root: QWidget) -> list[str]:
    """Interactive widgets, visible and enabled, that the Tab key can never reach."""
    bad = []
    for w in root.findChildren(QWidget):
        if isinstance(w, QHeaderView):
            continue  # column sorting is a mouse convenience; the data is reachable anyway
        if isinstance(w, INTERACTIVE) and w.isVisibleTo(root) and w.isEnabled():
            if not (w.focusPolicy() & Qt.FocusPolicy.TabFocus):
                if isinstance(w, QAbstractButton) and w.parent() is not None and \
                        type(w.parent()).__name__ in ("QTabBar", "QScrollBar"):
                    continue  # tab bars switch with Ctrl+Tab; scroll bars with the keys
                bad.append(f"{type(w).__name__}:{w.objectName() or w.text() if hasattr(w, 'text') else ''}")
    return bad


def test_every_screen_is_keyboard_reachable(qtbot, vault, tmp_path):
    iid = interviews.add_interview(vault, code="SYN-2026-198", role="interviewer")
    path = vault.path
    vault.lock()
    state = tmp_path / "state"
    state.mkdir()
    w = make_window(qtbot, path, state)
    w.show()
    assert unreachable(w.unlock_screen) == []
    unlock(w, PASSPHRASE)
    assert unreachable(w.workspace.list) == []
    w.workspace.open_interview(iid)
    tabs = w.workspace.page.tabs
    for i in range(tabs.count()):
        tabs.setCurrentIndex(i)
        assert unreachable(tabs.widget(i)) == [], tabs.tabText(i)
    wt = w.workspace.tabs
    for i in range(wt.count()):
        if wt.isTabEnabled(i):
            wt.setCurrentIndex(i)
            assert unreachable(wt.widget(i)) == [], wt.tabText(i)
    w.open_settings()
    from ui.settings_dialog import SettingsDialog

    dialog = w.findChild(SettingsDialog)
    assert unreachable(dialog) == []
    dialog.reject()


def test_setup_tab_order_reaches_create(qtbot, tmp_path):
    state = tmp_path / "state"
    state.mkdir()
    w = make_window(qtbot, tmp_path / "v", state)
    w.show()
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=3000)
    s = w.setup
    s.passphrase.setFocus()
    s.passphrase.setText("a quiet river under the old bridge")
    qtbot.keyClick(s.passphrase, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is s.repeat
    assert unreachable(s) == []


def test_window_follows_the_system_font_size(qtbot, tmp_path, qapp):
    old = qapp.font()
    big = QFont(old)
    big.setPointSize(17)
    qapp.setFont(big)
    try:
        state = tmp_path / "state"
        state.mkdir()
        w = make_window(qtbot, tmp_path / "v", state)
        assert w.setup.passphrase.font().pointSize() == 17
        assert w.setup.create_button.font().pointSize() == 17
    finally:
        qapp.setFont(old)
