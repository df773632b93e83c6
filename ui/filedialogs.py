"""File dialogs that leave no trace of where testimony went.

Qt's own file dialog is used (never the platform's, which may add files to a system-wide
"recent" list), and Qt's dialog remembers visited folders in the user's QtProject settings
file when it is destroyed; that memory is wiped as soon as the dialog is gone.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog, QWidget


def forget_file_dialog_history() -> None:
    """Remove the folders Qt's file dialog remembers (history, last visited)."""
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    settings.remove("FileDialog")
    settings.sync()


def ask_path(parent: QWidget, title: str, on_selected: Callable[[Path], None], *,
             save: bool = False, suggested_name: str | None = None) -> QFileDialog:
    """Open a window-modal, non-blocking file dialog; ``on_selected`` gets the chosen path."""
    dialog = QFileDialog(parent, title)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dialog.setHistory([])
    if save:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        if suggested_name:
            dialog.selectFile(suggested_name)
    else:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.fileSelected.connect(lambda p: on_selected(Path(p)))
    # The dialog writes its memory in its destructor; wipe it right after.
    dialog.destroyed.connect(lambda *_: forget_file_dialog_history())
    dialog.open()
    return dialog
