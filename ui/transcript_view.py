"""Transcript editor: segments with times; click to play from there; the playing segment is
highlighted; keyboard play/pause, back/forward 5 s, slower/faster; edit in place (each edit is a
revision kept by the transcript service); review status per segment; markers shown in line.

For reviewers: words the engine was unsure of are shaded and segments with a low
confidence are marked (``app.transcripts.confidence``); near misses of taxonomy names are underlined and
offered as one-click suggestions below the table (``app.transcripts.suggestions``), each accepted as a
revision with its reason; "needs review" lists the segments not yet reviewed, least certain
first.

The same widget, with ``layer="translation"``, is the translator's side-by-side view.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QPainter, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

import app.transcripts.confidence as confidence
import app.transcripts.reasons as reasons
import app.transcripts.store as transcripts
import app.transcripts.suggestions as suggestions
from app.audio import markers
from app.audio.playback import PlaybackAudio, decode_for_playback
from app.changes import TEXT_KINDS, Change, Kind
from qtaudio.player import Player
from ui.archive_screen import no_playback
from ui.errors import message_for
from ui.labels import value_label
from ui.review_tools import KEYS as REVIEW_KEYS
from ui.review_tools import (
    FindReplaceBar,
    MultiLineEditorDelegate,
    RevisionHistoryDialog,
    UndoStep,
)
from ui.session import Session

SEGMENT_ROLE = Qt.ItemDataRole.UserRole + 10
MARKED_HTML_ROLE = Qt.ItemDataRole.UserRole + 11  # the text with its marks, painted as rich text
REVIEW_STATUSES = ("draft", "reviewed", "disputed")
PLAYING = QColor("#fff2b3")
MARKER = QColor("#e8f0fe")
LOW_SEGMENT = QColor("#fde2d4")  # a segment the engine was unsure of (time and review cells)
LOW_WORD = "#f8c9b0"  # background of a word the engine was unsure of
SUGGESTED = "#1a56b0"  # underline colour of words with a term suggestion
MAX_SUGGESTION_BUTTONS = 3

# Keyboard: chosen to work while the text cell has focus (Space types a space there).
KEYS = {
    "play": "Ctrl+Space",
    "back": "Ctrl+Left",
    "forward": "Ctrl+Right",
    "slower": "Ctrl+Down",
    "faster": "Ctrl+Up",
    "reviewed": "Ctrl+R",
    "disputed": "Ctrl+D",
    "suggestion": "Ctrl+Shift+Return",  # accept the current segment's first term suggestion
    "marker": "Ctrl+M",  # a marker where the player is
}
# Speakers offered for every interview; labels already used in the interview are added.
STANDARD_SPEAKERS = ("interviewer", "witness", "interpreter")


def fmt_time(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"


@dataclass
class _Row:
    kind: str  # "segment" or "marker"
    start: float
    end: float
    segment: Any = None
    note: str = ""
    suggestions: list[Any] = field(default_factory=list)


def marked_html(text: str, low: list[confidence.WordSpan], suggested: list[Any]) -> str:
    """``text`` as HTML: unsure words shaded, words with a term suggestion underlined."""
    flags = [0] * len(text)
    for span in low:
        for i in range(span.start, span.end):
            flags[i] |= 1
    for sug in suggested:
        for i in range(sug.start, sug.end):
            flags[i] |= 2
    out, i = [], 0
    while i < len(text):
        j = i
        while j < len(text) and flags[j] == flags[i]:
            j += 1
        chunk = html.escape(text[i:j])
        style = []
        if flags[i] & 1:
            style.append(f"background-color:{LOW_WORD}")
        if flags[i] & 2:
            style.append(f"text-decoration:underline; color:{SUGGESTED}")
        out.append(f'<span style="{"; ".join(style)}">{chunk}</span>' if style else chunk)
        i = j
    return "".join(out)


class MarkedTextDelegate(MultiLineEditorDelegate):
    """Paints a text cell's marks (MARKED_HTML_ROLE); editing stays plain text."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        marked = index.data(MARKED_HTML_ROLE)
        if not marked:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        doc = QTextDocument()
        doc.setDocumentMargin(1)
        doc.setDefaultFont(opt.font)
        if opt.state & QStyle.StateFlag.State_Selected:
            colour = opt.palette.highlightedText().color().name()
            marked = f'<span style="color:{colour}">{marked}</span>'
        doc.setHtml(marked)
        doc.setTextWidth(rect.width())
        painter.save()
        painter.translate(rect.topLeft())
        painter.setClipRect(rect.translated(-rect.topLeft()))
        doc.drawContents(painter)
        painter.restore()


class SpeakerDelegate(QStyledItemDelegate):
    """The speaker cell is chosen from the interview's list of speakers (a new participant's
    pseudonym can still be typed, and then joins the list)."""

    def __init__(self, view: TranscriptView) -> None:
        super().__init__(view.table)
        self.view = view

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802 - Qt API
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        combo = QComboBox(parent)
        combo.setObjectName("speakerChoice")
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.addItems(self.view.speakers())
        return combo

    def setEditorData(self, editor: QWidget,  # noqa: N802 - Qt API
                      index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentText(str(index.data() or ""))

    def setModelData(self, editor: QWidget, model: Any,  # noqa: N802 - Qt API
                     index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentText())


class TranscriptView(QWidget):
    changed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None,
                 layer: str = "original") -> None:
        super().__init__(parent)
        self.session = session
        self.layer = layer
        self.setObjectName(f"transcriptView_{layer}")
        self.interview_id: str | None = None
        self.rows: list[_Row] = []
        self.player = Player(self)
        self.loaded_asset: str | None = None
        self._updating = False
        self._playing_row = -1

        lay = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.play_button = QPushButton(self.tr("&Play"))
        self.play_button.setObjectName("playButton")
        self.play_button.setToolTip(KEYS["play"])
        bar.addWidget(self.play_button)
        self.position_label = QLabel("0:00:00")
        self.position_label.setObjectName("positionLabel")
        bar.addWidget(self.position_label)
        self.rate_label = QLabel("1.0×")
        self.rate_label.setObjectName("rateLabel")
        bar.addWidget(self.rate_label)
        self.marker_button = QPushButton(self.tr("Add &marker here"))
        self.marker_button.setObjectName("addMarkerHere")
        self.marker_button.setToolTip(self.tr("A marker at the player's position (%1); it "
                                              "appears in the list and on the Recording tab.")
                                      .replace("%1", KEYS["marker"]))
        bar.addWidget(self.marker_button)
        bar.addStretch(1)
        self.unreviewed_only = QCheckBox(self.tr("Needs &review: least certain first"))
        self.unreviewed_only.setObjectName("unreviewedOnly")
        self.unreviewed_only.setToolTip(self.tr(
            "Only segments not yet reviewed, those the engine was least sure of first."))
        bar.addWidget(self.unreviewed_only)
        bar.addWidget(QLabel(self.tr("Review:")))
        self.review = QComboBox()
        self.review.setObjectName("reviewCombo")
        for st in REVIEW_STATUSES:
            self.review.addItem(value_label(st), st)
        bar.addWidget(self.review)
        lay.addLayout(bar)

        translation = layer == "translation"
        headers = [self.tr("Time"), self.tr("Speaker")]
        if translation:
            headers.append(self.tr("Original"))
        headers += [self.tr("Translation") if translation else self.tr("Text"),
                    self.tr("Review")]
        self.text_col = len(headers) - 2
        self.table = QTableWidget(0, len(headers))
        self.table.setObjectName("segmentTable")
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.text_col, QHeaderView.ResizeMode.Stretch)
        if translation:
            header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setItemDelegateForColumn(self.text_col, MarkedTextDelegate(self.table))
        self.table.setItemDelegateForColumn(1, SpeakerDelegate(self))
        lay.addWidget(self.table, 1)
        self.suggestion_bar = QWidget()
        self.suggestion_bar.setObjectName("suggestionBar")
        sbar = QHBoxLayout(self.suggestion_bar)
        sbar.setContentsMargins(0, 0, 0, 0)
        self.suggestion_label = QLabel(self.tr("Term suggestions (one click accepts):"))
        sbar.addWidget(self.suggestion_label)
        self.suggestion_buttons: list[QPushButton] = []
        for n in range(MAX_SUGGESTION_BUTTONS):
            button = QPushButton()
            button.setObjectName(f"acceptSuggestion{n + 1}")
            button.clicked.connect(lambda _checked=False, n=n: self.accept_suggestion(n))
            sbar.addWidget(button)
            self.suggestion_buttons.append(button)
        sbar.addStretch(1)
        self.suggestion_bar.hide()
        lay.addWidget(self.suggestion_bar)
        self.find_bar = FindReplaceBar(self)
        lay.addWidget(self.find_bar)
        self.message = QLabel()
        self.message.setObjectName("transcriptMessage")
        self.message.setWordWrap(True)
        lay.addWidget(self.message)
        self.undo_steps: list[UndoStep] = []
        self._note_after_load = ""  # what the last action said, shown again after reloading
        self._goto: tuple[str | None, float] | None = None  # a passage to open once loaded
        self._rows_for: str | None = None  # the interview whose rows are shown

        self.play_button.clicked.connect(self.toggle_play)
        self.marker_button.clicked.connect(self.add_marker_here)
        self.table.itemChanged.connect(self._item_changed)
        self.table.cellClicked.connect(self._cell_clicked)
        self.table.currentCellChanged.connect(lambda r, _c, _pr, _pc: self._sync_review(r))
        self.table.currentCellChanged.connect(lambda r, _c, _pr, _pc: self._show_suggestions(r))
        self.review.activated.connect(lambda _i: self.set_review(self.review.currentData()))
        self.unreviewed_only.toggled.connect(lambda _on: self._fill())
        self.player.position_changed.connect(self._position)
        self.player.state_changed.connect(self._player_state)
        for name, slot in (("play", self.toggle_play), ("back", lambda: self.seek(-5)),
                           ("forward", lambda: self.seek(5)),
                           ("slower", lambda: self.change_rate(-1)),
                           ("faster", lambda: self.change_rate(1)),
                           ("reviewed", lambda: self.set_review("reviewed")),
                           ("disputed", lambda: self.set_review("disputed")),
                           ("suggestion", lambda: self.accept_suggestion(0)),
                           ("marker", self.add_marker_here)):
            sc = QShortcut(QKeySequence(KEYS[name]), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(slot)
        for name, slot in (("find", lambda: self.find_bar.open(replacing=False)),
                           ("replace", lambda: self.find_bar.open(replacing=True)),
                           ("undo", self.undo_last), ("history", self.show_history),
                           ("loop", self.loop_segment)):
            sc = QShortcut(QKeySequence(REVIEW_KEYS[name]), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(slot)

    # ------------------------------------------------------------------ data
    def load(self, interview_id: str) -> None:
        self.interview_id = interview_id
        self._rows_for = None  # the rows shown are not this interview's yet
        layer = self.layer

        def work(v: Any, _c: Any, _p: Any) -> tuple[Any, ...]:
            segs = transcripts.segments(v, interview_id, layer)
            marks = sorted(markers.list_markers(v, interview_id), key=lambda m: m.at_s)
            try:
                found = suggestions.term_suggestions(v, interview_id, layer=layer,
                                                     segments=segs)
            except Exception as exc:  # noqa: BLE001 - the transcript matters more: shown below
                return segs, marks, [], exc
            return segs, marks, found, None

        self.session.call(work, on_done=self._loaded,
                          on_error=lambda e: self.message.setText(message_for(e)),
                          name="load transcript")

    def follows(self, change: Change) -> bool:
        """Segments arriving or finished, markers, speakers; the other layer's edits where
        they show here (the translation shows the corrected original beside it)."""
        if change.kind in (Kind.SEGMENT_EDITED, Kind.SEGMENT_REVIEWED):
            return self.layer == "translation" and change.layer == "original"
        return change.kind in TEXT_KINDS

    def busy(self) -> bool:
        """While a cell is being edited the table is not rebuilt (tried again shortly)."""
        return self.table.state() == QAbstractItemView.State.EditingState

    def speakers(self) -> list[str]:
        used = [r.segment.speaker for r in self.rows if r.kind == "segment" and r.segment.speaker]
        return list(dict.fromkeys([*STANDARD_SPEAKERS, *sorted(set(used))]))

    def add_marker_here(self) -> None:
        """A marker at the player's position in the recording being listened to (or at the
        start of the selected segment when nothing is loaded)."""
        iid, role = self.interview_id, self.session.role
        if iid is None:
            return
        asset, at = self.loaded_asset, None
        if asset is not None and self.player.audio is not None:
            at = self.player.position()
        else:
            row = self.table.currentRow()
            rows = getattr(self, "visible", [])
            if 0 <= row < len(rows) and rows[row].kind == "segment":
                asset, at = rows[row].segment.asset_id, rows[row].start
        if asset is None or at is None:
            self.message.setText(self.tr("Play the recording or select a segment first; the "
                                         "marker goes where the player is."))
            return
        position = float(at)

        def done(_marker_id: str) -> None:
            self.message.setText(self.tr("Marker added at %1.").replace("%1", fmt_time(position)))

        self.session.call(lambda v, _c, _p: markers.add_marker(v, iid, position, role=role,
                                                             asset=asset),
                          on_done=done, on_error=lambda e: self.message.setText(message_for(e)),
                          name="add marker")

    def _loaded(self, result: tuple[Any, ...]) -> None:
        segs, marks, found, problem = result
        by_segment: dict[str, list[Any]] = {}
        for sug in found:
            by_segment.setdefault(sug.segment_id, []).append(sug)
        rows = [_Row("segment", s.start, s.end, s, suggestions=by_segment.get(s.id, []))
                for s in segs]
        for m in marks:
            rows.append(_Row("marker", m.at_s, m.at_s, note=m.note or "", segment=m.asset_id))
        # Markers sit before the first segment that starts after them (same recording).
        rows.sort(key=lambda r: (r.start, 0 if r.kind == "marker" else 1))
        self.rows = rows
        self._rows_for = self.interview_id
        self._fill()
        if not segs:
            self.message.setText(self.tr("No transcript yet: transcribe the recording on the "
                                         "Recording tab."))
        elif problem is not None:  # no term suggestions this time; everything else works
            self.message.setText(message_for(problem))
        else:
            self.message.setText(self._note_after_load)
        self._note_after_load = ""
        if self._goto is not None:
            self._open_goto()

    def _fill(self) -> None:
        self._updating = True
        if self.unreviewed_only.isChecked():
            # Needs review: segments only (markers have no place in this order), least certain
            # first.
            visible = sorted((r for r in self.rows if r.kind == "segment"
                              and r.segment.review_status != "reviewed"),
                             key=lambda r: transcripts.review_order(r.segment))
        else:
            visible = list(self.rows)
        self.table.setRowCount(len(visible))
        self.visible = visible
        italic = QFont(self.font())
        italic.setItalic(True)
        for i, r in enumerate(visible):
            time_item = QTableWidgetItem(fmt_time(r.start))
            time_item.setFlags(time_item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            time_item.setData(SEGMENT_ROLE, i)
            self.table.setItem(i, 0, time_item)
            if r.kind == "marker":
                for c in range(1, self.table.columnCount()):
                    item = QTableWidgetItem("")
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                    item.setBackground(QBrush(MARKER))
                    self.table.setItem(i, c, item)
                mark = self.table.item(i, self.text_col)
                assert mark is not None
                mark.setText(self.tr("◆ Marker") + (f": {r.note}" if r.note else ""))
                mark.setFont(italic)
                time_item.setBackground(QBrush(MARKER))
                continue
            s = r.segment
            time_item.setText(f"{fmt_time(s.start)}–{fmt_time(s.end)}")
            # Editable: interviewer, witness, interpreter or a participant's pseudonym.
            self.table.setItem(i, 1, QTableWidgetItem(s.speaker or ""))
            if self.layer == "translation":
                src = QTableWidgetItem(s.source_text or "")
                src.setFlags(src.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(i, 2, src)
            self.table.setItem(i, self.text_col, QTableWidgetItem(s.text))
            rev = QTableWidgetItem(value_label(s.review_status))
            rev.setFlags(rev.flags() & ~Qt.ItemFlag.ItemIsEditable)
            if s.outdated:
                rev.setText(self.tr("outdated") + " · " + value_label(s.review_status))
                rev.setToolTip(self.tr("The original was changed after this translation; "
                                       "check the translation against it."))
                text_item = self.table.item(i, self.text_col)
                if text_item is not None:
                    text_item.setFont(italic)
            self.table.setItem(i, self.text_col + 1, rev)
            self._mark(i)
        self.table.resizeRowsToContents()
        self._playing_row = -1
        self._updating = False
        self._show_suggestions(self.table.currentRow())

    def _base_brush(self, row: int) -> QBrush:
        r = self.visible[row]
        if r.kind == "segment" and confidence.is_low(r.segment.confidence):
            return QBrush(LOW_SEGMENT)
        return QBrush()

    def _mark(self, row: int) -> None:
        """Confidence and suggestion marks of one segment row (call with _updating set)."""
        r = self.visible[row]
        s = r.segment
        item = self.table.item(row, self.text_col)
        assert item is not None
        low = confidence.low_words(s.text, s.words)
        item.setData(MARKED_HTML_ROLE, marked_html(s.text, low, r.suggestions)
                     if low or r.suggestions else None)
        value = s.confidence
        tips = []
        if confidence.is_low(value):
            tips.append(self.tr("Low confidence ({0:.2f}): the engine was unsure of this "
                                "segment; check it against the audio.").format(value))
        if low:
            tips.append(self.tr("Shaded words: the engine was unsure of them."))
        if r.suggestions:
            tips.append(self.tr("Underlined: a taxonomy name may have been meant; see the "
                                "suggestions below the table."))
        item.setToolTip("\n".join(tips))
        for c in (0, self.text_col + 1):
            cell = self.table.item(row, c)
            assert cell is not None
            cell.setBackground(self._base_brush(row))
            if confidence.is_low(value):
                cell.setToolTip(tips[0])

    # ------------------------------------------------------------------ suggestions
    def _show_suggestions(self, row: int) -> None:
        found = []
        if 0 <= row < len(getattr(self, "visible", [])) and self.visible[row].kind == "segment":
            found = self.visible[row].suggestions
        for n, button in enumerate(self.suggestion_buttons):
            if n < len(found):
                sug = found[n]
                button.setText(f"{sug.heard} → {sug.name}")
                button.setToolTip(self.tr("Replace “{0}” with the taxonomy name "
                                          "“{1}” ({2}); kept as a revision with this "
                                          "reason.").format(sug.heard, sug.name,
                                                            ", ".join(sug.term_ids))
                                  + (f" ({KEYS['suggestion']})" if n == 0 else ""))
                button.show()
            else:
                button.hide()
        self.suggestion_bar.setVisible(bool(found))

    def accept_suggestion(self, n: int) -> None:
        """Accept the current segment's n-th suggestion: a new revision with its reason."""
        row = self.table.currentRow()
        if not 0 <= row < len(self.visible) or self.visible[row].kind != "segment":
            return
        r = self.visible[row]
        if not 0 <= n < len(r.suggestions):
            return
        sug = r.suggestions[n]
        iid, role, layer, seg_id = self.interview_id, self.session.role, self.layer, r.segment.id
        if iid is None:  # rows exist only while an interview is loaded
            return

        def work(v: Any, _c: Any, _p: Any) -> tuple[Any, list[Any]]:
            seg, _chosen = suggestions.accept(v, iid, seg_id, sug.id, role=role, layer=layer)
            return seg, suggestions.term_suggestions(v, iid, layer=layer, ref=seg_id)

        def done(result: tuple[Any, list[Any]]) -> None:
            seg, fresh = result
            self._after_edit(r, seg.text, fresh)
            self.message.setText(self.tr("Suggestion accepted: saved as a new revision."))
            self.changed.emit()

        self.session.call(work, on_done=done,
                          on_error=lambda e: self.message.setText(message_for(e)),
                          name="accept term suggestion")

    def _after_edit(self, r: _Row, text: str, fresh: list[Any]) -> None:
        r.segment.text = text
        # Like the list at loading: a reviewed segment's words were checked by a person.
        r.suggestions = fresh if r.segment.review_status != "reviewed" else []
        if r not in self.visible:
            return
        row = self.visible.index(r)
        self._updating = True
        item = self.table.item(row, self.text_col)
        if item is not None:
            item.setText(text)
            self._mark(row)
        self._updating = False
        if row == self.table.currentRow():
            self._show_suggestions(row)

    def clear(self) -> None:
        self.player.clear()
        self.loaded_asset = None
        self.interview_id = None
        self.rows = []
        self.visible = []
        self.table.setRowCount(0)
        self.suggestion_bar.hide()
        self.message.clear()

    # ------------------------------------------------------------------ editing
    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._updating or item.column() not in (1, self.text_col):
            return
        r = self.visible[item.row()]
        if r.kind != "segment":
            return
        if item.column() == 1:
            if item.text().strip() != (r.segment.speaker or ""):
                self.set_speaker(item.row(), item.text())
            return
        new = item.text()
        if new.strip() == r.segment.text:
            return
        self.edit_segment(item.row(), new)

    def edit_segment(self, row: int, text: str) -> None:
        r = self.visible[row]
        iid, role, layer, seg_id = self.interview_id, self.session.role, self.layer, r.segment.id
        if iid is None:  # rows exist only while an interview is loaded
            return

        previous = r.segment.text

        def done(result: tuple[Any, list[Any]]) -> None:
            seg, fresh = result
            self.remember(seg_id, previous)
            self._after_edit(r, seg.text, fresh)
            self.message.setText(self.tr("Saved as a new revision."))
            self.changed.emit()

        def failed(exc: BaseException) -> None:
            self.message.setText(message_for(exc))
            self._updating = True
            item = self.table.item(row, self.text_col)
            if item is not None:
                item.setText(r.segment.text)  # the edit changed nothing
            self._updating = False

        def work(v: Any, _c: Any, _p: Any) -> tuple[Any, list[Any]]:
            seg = transcripts.edit_segment(v, iid, seg_id, text=text, role=role, layer=layer)
            return seg, suggestions.term_suggestions(v, iid, layer=layer, ref=seg_id)

        self.session.call(work, on_done=done, on_error=failed, name="edit segment")

    def goto(self, segment_id: str | None, seconds: float) -> None:
        """Select the passage's segment and play from ``seconds`` (now, or once loaded)."""
        self._goto = (segment_id, seconds)
        if self.rows and self._rows_for == self.interview_id:
            self._open_goto()

    def _open_goto(self) -> None:
        assert self._goto is not None
        segment_id, seconds = self._goto
        self._goto = None
        for i, r in enumerate(self.visible):
            if r.kind == "segment" and (r.segment.id == segment_id or (
                    segment_id is None and r.start <= seconds < r.end)):
                self.table.setCurrentCell(i, self.text_col)
                item = self.table.item(i, self.text_col)
                if item is not None:
                    self.table.scrollToItem(item)
                self.play_at(r.segment.asset_id, max(seconds, r.start))
                return

    # ------------------------------------------------------------------ review tools
    def remember(self, segment_id: str, previous: str) -> None:
        """Note an edit made in this window so Ctrl+Z can take it back."""
        self.undo_steps.append(UndoStep(segment_id, previous))

    def reload(self, note: str = "") -> None:
        """Load the open interview again; ``note`` stays in the message line afterwards."""
        if self.interview_id is not None:
            self._note_after_load = note
            self.load(self.interview_id)

    def revise(self, segment_id: str, text: str, *, reason: str, previous: str | None = None,
               then: Any = None) -> None:
        """Make ``text`` the segment's text as a new revision with ``reason``; reload."""
        iid, role, layer = self.interview_id, self.session.role, self.layer
        if iid is None:
            return

        def done(_seg: Any) -> None:
            if previous is not None:
                self.remember(segment_id, previous)
            self.changed.emit()
            self.reload(self.tr("Saved as a new revision."))
            if then is not None:
                then()

        self.session.call(lambda v, _c, _p: transcripts.edit_segment(
            v, iid, segment_id, text=text, role=role, layer=layer, reason=reason),
            on_done=done, on_error=lambda e: self.message.setText(message_for(e)),
            name="revise segment")

    def undo_last(self) -> None:
        """Take back the last edit made in this window, as a new revision ("undo")."""
        if not self.undo_steps:
            self.message.setText(self.tr("Nothing to undo in this window."))
            return
        step = self.undo_steps.pop()
        self.revise(step.segment_id, step.previous, reason=reasons.UNDO)

    def _current_segment(self) -> Any:
        row = self.table.currentRow()
        if 0 <= row < len(getattr(self, "visible", [])) and self.visible[row].kind == "segment":
            return self.visible[row].segment
        return None

    def show_history(self) -> None:
        """The revision history of the current segment, in a dialog."""
        seg = self._current_segment()
        if seg is None:
            return

        def done(revs: list[Any]) -> None:
            self.history = RevisionHistoryDialog(self, seg, revs)
            self.history.open()

        self.session.call(lambda v, _c, _p: transcripts.revisions(v, seg.id), on_done=done,
                          on_error=lambda e: self.message.setText(message_for(e)),
                          name="revisions")

    def loop_segment(self) -> None:
        """Play the current segment again and again; the same key ends the loop."""
        if self.player.loop is not None:
            self.player.clear_loop()
            self.message.setText(self.tr("Loop ended."))
            return
        seg = self._current_segment()
        if seg is None:
            return
        self.play_at(seg.asset_id, seg.start, loop=(seg.start, seg.end))
        self.message.setText(self.tr("Looping this segment; %1 again ends the loop.")
                             .replace("%1", REVIEW_KEYS["loop"]))

    def set_speaker(self, row: int, label: str) -> None:
        """Label who speaks in this segment (mirrored onto its translation by the service)."""
        r = self.visible[row]
        iid, role, layer, seg_id = self.interview_id, self.session.role, self.layer, r.segment.id
        if iid is None:  # rows exist only while an interview is loaded
            return

        def done(_n: int) -> None:
            r.segment.speaker = " ".join(label.split())
            self.message.setText(self.tr("Speaker saved."))
            self.changed.emit()

        def failed(exc: BaseException) -> None:
            self.message.setText(message_for(exc))
            self._updating = True
            item = self.table.item(row, 1)
            if item is not None:
                item.setText(r.segment.speaker or "")
            self._updating = False

        self.session.call(lambda v, _c, _p: transcripts.set_speaker(
            v, iid, label=label, role=role, ref=seg_id, layer=layer), on_done=done,
            on_error=failed, name="set speaker")

    def _sync_review(self, row: int) -> None:
        if 0 <= row < len(getattr(self, "visible", [])) and self.visible[row].kind == "segment":
            self.review.setCurrentIndex(self.review.findData(
                self.visible[row].segment.review_status))

    def set_review(self, status: str) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.visible) or self.visible[row].kind != "segment":
            return
        r = self.visible[row]
        iid, role, layer, seg_id = self.interview_id, self.session.role, self.layer, r.segment.id
        if iid is None:  # rows exist only while an interview is loaded
            return

        def done(seg: Any) -> None:
            r.segment.review_status = seg.review_status
            if seg.review_status == "reviewed":
                r.suggestions = []
            self._updating = True
            status_item = self.table.item(row, self.text_col + 1)
            if status_item is not None:
                status_item.setText(value_label(seg.review_status))
            self._mark(row)
            self._updating = False
            self._show_suggestions(row)
            self.review.setCurrentIndex(self.review.findData(seg.review_status))
            self.message.setText(self.tr("Review status saved."))
            self.changed.emit()

        self.session.call(lambda v, _c, _p: transcripts.set_review_status(
            v, iid, seg_id, status=status, role=role, layer=layer), on_done=done,
            on_error=lambda e: self.message.setText(message_for(e)), name="review segment")

    # ------------------------------------------------------------------ playback
    def _cell_clicked(self, row: int, column: int) -> None:
        if column == 0 and 0 <= row < len(self.visible):
            self.play_row(row)

    def play_row(self, row: int) -> None:
        r = self.visible[row]
        asset = r.segment.asset_id if r.kind == "segment" else r.segment
        self.play_at(asset, r.start)

    def play_at(self, asset_id: str | None, seconds: float,
                loop: tuple[float, float] | None = None) -> None:
        if asset_id is None:
            return
        if self.session.is_archive:
            self.message.setText(no_playback())
            return
        if asset_id == self.loaded_asset and self.player.audio is not None:
            self._start(seconds, loop)
            return
        self.message.setText(self.tr("Decoding the recording for listening..."))

        def done(audio: PlaybackAudio) -> None:
            self.player.load(audio)
            self.loaded_asset = asset_id
            if loop is None:
                self.message.clear()
            self._start(seconds, loop)

        self.session.call(lambda v, c, p: decode_for_playback(v, asset_id, cancel=c, progress=p),
                          on_done=done, on_error=lambda e: self.message.setText(message_for(e)),
                          name="decode audio")

    def _start(self, seconds: float, loop: tuple[float, float] | None = None) -> None:
        try:
            if loop is not None:
                self.player.set_loop(*loop)
                return
            self.player.play_from(seconds)
        except Exception as exc:  # noqa: BLE001 - shown as one sentence
            self.message.setText(message_for(exc))
            self.player.set_position(seconds)

    def toggle_play(self) -> None:
        if self.player.audio is None:
            row = max(0, self.table.currentRow())
            if self.visible:
                self.play_row(row)
            return
        try:
            self.player.toggle()
        except Exception as exc:  # noqa: BLE001
            self.message.setText(message_for(exc))

    def seek(self, delta: float) -> None:
        try:
            self.player.seek_relative(delta)
        except Exception as exc:  # noqa: BLE001
            self.message.setText(message_for(exc))

    def change_rate(self, step: int) -> None:
        try:
            rate = self.player.change_rate(step)
        except Exception as exc:  # noqa: BLE001
            self.message.setText(message_for(exc))
            return
        self.rate_label.setText(f"{rate:.2g}×")

    def _player_state(self, state: str) -> None:
        self.play_button.setText(self.tr("&Pause") if state == "playing" else self.tr("&Play"))

    def _position(self, seconds: float) -> None:
        self.position_label.setText(fmt_time(seconds))
        self.highlight(seconds)

    def highlight(self, seconds: float) -> int:
        """Highlight the segment of the loaded recording playing at ``seconds``; its row."""
        row = -1
        for i, r in enumerate(getattr(self, "visible", [])):
            if (r.kind == "segment" and r.segment.asset_id == self.loaded_asset
                    and r.start <= seconds < r.end):
                row = i
                break
        if row == self._playing_row:
            return row
        self._updating = True
        for old in (self._playing_row, row):
            if 0 <= old < self.table.rowCount() and self.visible[old].kind == "segment":
                for c in range(self.table.columnCount()):
                    item = self.table.item(old, c)
                    if item is not None:
                        base = self._base_brush(old) if c in (0, self.text_col + 1) else QBrush()
                        item.setBackground(QBrush(PLAYING) if old == row else base)
        self._updating = False
        self._playing_row = row
        first = self.table.item(row, 0) if row >= 0 else None
        if first is not None:
            self.table.scrollToItem(first)
        return row


class TranslationView(TranscriptView):
    """Original and translation side by side, with playback, edit and review status."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent, layer="translation")
