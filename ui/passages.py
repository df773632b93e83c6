"""A list of passages (search hits, or the passages behind a report bar) that open where they
were said: double-click (or Enter) opens the interview's transcript at the passage and plays
it from its first word."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from qtaudio.signals import emit


@dataclass(frozen=True)
class PassageRow:
    """What the list shows and what opening it needs."""

    interview_id: str
    interview_code: str
    segment_id: str | None
    layer: str | None
    start_s: float | None
    text: str


def _clock(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    whole = int(seconds)
    return f"{whole // 3600:d}:{whole // 60 % 60:02d}:{whole % 60:02d}"


class PassageTable(QTableWidget):
    #: (interview id, segment id or "", layer or "", seconds): open this passage.
    open_passage = Signal(str, str, str, float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setObjectName("passageTable")
        self.setHorizontalHeaderLabels([self.tr("Interview"), self.tr("Time"),
                                        self.tr("Passage")])
        self.verticalHeader().setVisible(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        self.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.rows: list[PassageRow] = []
        self.cellDoubleClicked.connect(lambda row, _c: self.open_row(row))
        self.activated.connect(lambda index: self.open_row(index.row()))

    def show_rows(self, rows: list[PassageRow]) -> None:
        self.rows = rows
        self.setRowCount(len(rows))
        for i, r in enumerate(rows):
            for c, text in enumerate((r.interview_code, _clock(r.start_s), r.text)):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.setItem(i, c, item)
        self.resizeRowsToContents()

    def open_row(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            r = self.rows[row]
            emit(self.open_passage, r.interview_id, r.segment_id or "", r.layer or "",
                 float(r.start_s or 0.0))
