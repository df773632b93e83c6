"""Review tools for the transcript and translation views, as translators know them from
oTranscribe, Express Scribe and Descript: a multi-line segment editor, find and replace, undo
of this window's edits, a segment's revision history, a segment loop and rewind-on-pause (the
player does those), and outdated translations marked.

Every change goes through ``app.transcripts.store`` as a revision with its reason, so undo and
"restore" are new revisions too: nothing a person or the engine wrote is ever lost.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

import app.transcripts.reasons as reasons
import app.transcripts.store as transcripts
from ui.errors import message_for, translate_error
from ui.labels import role_label

if TYPE_CHECKING:
    from ui.transcript_view import TranscriptView

KEYS = {
    "find": "Ctrl+F",
    "replace": "Ctrl+H",
    "undo": "Ctrl+Z",
    "history": "Ctrl+Shift+H",
    "loop": "Ctrl+Shift+Space",
}
EDITOR_LINES = 5  # the segment editor opens this many lines tall (long translations fit)


class MultiLineEditorDelegate(QStyledItemDelegate):
    """A segment's text is edited in a multi-line box: Enter starts a new line, Ctrl+Enter (or
    leaving the box) saves, Escape cancels. Long translations are never cut to one line."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        editor = QPlainTextEdit(parent)
        editor.setObjectName("segmentEditor")
        editor.setTabChangesFocus(True)
        editor.installEventFilter(self)
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QPlainTextEdit):
            editor.setPlainText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
            editor.moveCursor(editor.textCursor().MoveOperation.End)
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QPlainTextEdit):
            model.setData(index, editor.toPlainText(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem,
                             index: QModelIndex | QPersistentModelIndex) -> None:
        rect = option.rect
        lines = editor.fontMetrics().lineSpacing() * EDITOR_LINES + 12
        editor.setGeometry(rect.x(), rect.y(), rect.width(), max(rect.height(), lines))

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if isinstance(obj, QPlainTextEdit) and event.type() == QEvent.Type.KeyPress:
            key = event  # a QKeyEvent
            assert isinstance(key, QKeyEvent)
            if key.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                    key.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.commitData.emit(obj)
                self.closeEditor.emit(obj, QStyledItemDelegate.EndEditHint.NoHint)
                return True
        return super().eventFilter(obj, event)


@dataclass
class UndoStep:
    """An edit made in this window: the segment and the text it had before."""

    segment_id: str
    previous: str


class FindReplaceBar(QWidget):
    """Find (Ctrl+F) and replace (Ctrl+H) in the open layer; each replacement is a revision."""

    def __init__(self, view: TranscriptView) -> None:
        super().__init__(view)
        self.view = view
        self.setObjectName("findReplaceBar")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.find_text = QLineEdit()
        self.find_text.setObjectName("findText")
        self.find_text.setPlaceholderText(self.tr("Find"))
        self.replace_text = QLineEdit()
        self.replace_text.setObjectName("replaceText")
        self.replace_text.setPlaceholderText(self.tr("Replace with"))
        self.match_case = QCheckBox(self.tr("Match case"))
        self.match_case.setObjectName("matchCase")
        self.next_button = QPushButton(self.tr("Find next"))
        self.next_button.setObjectName("findNext")
        self.replace_button = QPushButton(self.tr("Replace"))
        self.replace_button.setObjectName("replaceOne")
        self.all_button = QPushButton(self.tr("Replace all"))
        self.all_button.setObjectName("replaceAll")
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("closeFind")
        for w in (self.find_text, self.replace_text, self.match_case, self.next_button,
                  self.replace_button, self.all_button, self.close_button):
            row.addWidget(w)
        self.find_text.returnPressed.connect(self.find_next)
        self.next_button.clicked.connect(self.find_next)
        self.replace_button.clicked.connect(lambda: self.do_replace(only_current=True))
        self.all_button.clicked.connect(lambda: self.do_replace(only_current=False))
        self.close_button.clicked.connect(self.hide)
        self.hide()

    def open(self, *, replacing: bool) -> None:
        self.show()
        self.replace_text.setVisible(True)
        (self.replace_text if replacing and self.find_text.text() else self.find_text).setFocus()
        self.find_text.selectAll()

    def _hit(self, text: str) -> bool:
        needle = self.find_text.text()
        if self.match_case.isChecked():
            return needle in text
        return needle.casefold() in text.casefold()

    def find_next(self) -> int:
        """Select the next segment (after the current one, wrapping) holding the text; its row,
        or -1 with a sentence saying it was not found."""
        view = self.view
        rows = [i for i, r in enumerate(view.visible) if r.kind == "segment"]
        if not self.find_text.text() or not rows:
            return -1
        start = view.table.currentRow()
        order = [i for i in rows if i > start] + [i for i in rows if i <= start]
        for i in order:
            if self._hit(view.visible[i].segment.text):
                view.table.setCurrentCell(i, view.text_col)
                item = view.table.item(i, view.text_col)
                if item is not None:
                    view.table.scrollToItem(item)
                view.message.clear()
                return i
        view.message.setText(self.tr("“%1” is not in this transcript.")
                             .replace("%1", self.find_text.text()))
        return -1

    def do_replace(self, *, only_current: bool) -> None:
        view = self.view
        if view.interview_id is None or not self.find_text.text():
            return
        ids: set[str] | None = None
        if only_current:
            row = view.table.currentRow()
            if not (0 <= row < len(view.visible)) or view.visible[row].kind != "segment" \
                    or not self._hit(view.visible[row].segment.text):
                row = self.find_next()
                if row < 0:
                    return
            ids = {view.visible[row].segment.id}
        before = {r.segment.id: r.segment.text for r in view.visible if r.kind == "segment"}
        iid, layer, role = view.interview_id, view.layer, view.session.role
        find, replace, match_case = self.find_text.text(), self.replace_text.text(), \
            self.match_case.isChecked()

        def work(v: Any, _c: Any, _p: Any) -> list[transcripts.SegmentView]:
            return transcripts.replace_text(v, iid, find=find, replace=replace, role=role,
                                            layer=layer, match_case=match_case,
                                            segment_ids=ids)

        def done(changed: list[transcripts.SegmentView]) -> None:
            for seg in changed:
                view.remember(seg.id, before.get(seg.id, ""))
            view.changed.emit()
            view.reload(self.tr("%n segment(s) changed, each kept as a new revision.", "",
                                len(changed)))

        view.session.call(work, on_done=done,
                          on_error=lambda e: view.message.setText(message_for(e)),
                          name="replace")


def reason_text(reason: str | None) -> str:
    """A revision's stored reason in the interface language: a reason the program wrote
    (find and replace, undo, restore, an accepted term suggestion) is translated, keeping the
    words, names and ids in it; one a person typed is shown as typed."""
    msg = reasons.message(reason)
    return msg.render(translate_error) if msg is not None else reason or ""


class RevisionHistoryDialog(QDialog):
    """Every revision of one segment (the engine's words first), and restoring one of them as
    a new revision."""

    def __init__(self, view: TranscriptView, segment: transcripts.SegmentView,
                 revisions: list[transcripts.Revision]) -> None:
        super().__init__(view)
        self.view = view
        self.segment = segment
        self.revisions = revisions
        self.setObjectName("revisionHistory")
        self.setWindowTitle(self.tr("Revision history"))
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("Segment %1: every revision is kept; restoring one adds "
                                     "a new revision.").replace("%1", str(segment.number))))
        self.table = QTableWidget(len(revisions), 5)
        self.table.setObjectName("revisionTable")
        self.table.setHorizontalHeaderLabels([self.tr("Revision"), self.tr("By"),
                                              self.tr("When"), self.tr("Reason"),
                                              self.tr("Text")])
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        for i, rev in enumerate(revisions):
            who = (self.tr("speech engine") if rev.kind == "engine"
                   else role_label(rev.created_by))
            for c, text in enumerate((str(rev.rev), who, rev.created_at[:19].replace("T", " "),
                                      reason_text(rev.reason), rev.text)):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(i, c, item)
        self.table.resizeRowsToContents()
        self.table.setCurrentCell(max(0, len(revisions) - 1), 0)
        lay.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = buttons.addButton(self.tr("&Restore this revision"),
                                                QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.setObjectName("restoreRevision")
        self.restore_button.clicked.connect(self.restore)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.resize(760, 360)

    def restore(self) -> None:
        row = self.table.currentRow()
        if not (0 <= row < len(self.revisions)):
            return
        rev = self.revisions[row]
        if rev.text == self.segment.text:
            self.view.message.setText(self.tr("That revision is the current text."))
            return
        self.view.revise(self.segment.id, rev.text,
                         reason=reasons.restored(rev.rev), previous=self.segment.text)
        self.accept()
