"""Coding panel: the taxonomy as a searchable tree (Korean or English); select words in a
segment and apply a tag; the interview's tags and events with jump-to; the event form (act,
victim, perpetrator, place, date with precision, relation of the witness)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

import app.coding.events as events
import app.coding.tags as tags
import app.coding.taxonomy as taxonomy
from ui.errors import message_for
from ui.labels import date_label, value_label
from ui.layout import set_buddy
from ui.session import Session
from ui.transcript_view import fmt_time

TERM_ROLE = Qt.ItemDataRole.UserRole + 20
# The forms app.coding.dates reads, as examples; the Korean hint gives the Korean forms it
# also reads (1997년 여름, 1997년 이전, 1997년경 ...), each one a form the parser accepts.
DATE_HINT = QT_TRANSLATE_NOOP("CodingView", "1997-03-14, 1997-03, 1997-summer, 1997, 1990s, "
                              "1995..1997, before 1997, about 1997")


class CodingView(QWidget):
    changed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("codingView")
        self.interview_id: str | None = None
        self.tax: Any = None
        self.segments: list[tuple[str, int, float, float, str]] = []
        self.tags: list[Any] = []
        self.events: list[Any] = []
        outer = QVBoxLayout(self)
        split = QSplitter()
        outer.addWidget(split, 1)

        # --- taxonomy tree
        left = QWidget()
        ll = QVBoxLayout(left)
        row = QHBoxLayout()
        self.term_search = QLineEdit()
        self.term_search.setObjectName("termSearch")
        self.term_search.setPlaceholderText(self.tr("Find a term (한국어 / English)"))
        self.term_search.setClearButtonEnabled(True)
        row.addWidget(self.term_search, 1)
        self.tree_lang = QComboBox()
        self.tree_lang.setObjectName("treeLanguage")
        self.tree_lang.addItem("English", "en")
        self.tree_lang.addItem("한국어", "ko")
        # Taxonomy labels in the interface language unless the coder picks the other one.
        self.tree_lang.setCurrentIndex(max(0, self.tree_lang.findData(
            session.settings.ui_language)))
        row.addWidget(self.tree_lang)
        ll.addLayout(row)
        self.tree = QTreeWidget()
        self.tree.setObjectName("taxonomyTree")
        self.tree.setHeaderHidden(True)
        ll.addWidget(self.tree, 1)
        split.addWidget(left)

        # --- words
        mid = QWidget()
        ml = QVBoxLayout(mid)
        ml.addWidget(QLabel(self.tr("Se&gments")))
        self.segment_list = QListWidget()
        self.segment_list.setObjectName("codingSegments")
        set_buddy(ml, 0, self.segment_list)
        ml.addWidget(self.segment_list, 2)
        ml.addWidget(QLabel(self.tr("Select words, choose a term, then apply:")))
        self.text = QPlainTextEdit()
        self.text.setObjectName("codingText")
        self.text.setReadOnly(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                           | Qt.TextInteractionFlag.TextSelectableByMouse)
        ml.addWidget(self.text, 1)
        row = QHBoxLayout()
        self.confidence = QComboBox()
        self.confidence.setObjectName("tagConfidence")
        self.confidence.addItem(self.tr("(confidence)"), None)
        for c in tags.CONFIDENCE:
            self.confidence.addItem(value_label(c), c)
        row.addWidget(self.confidence)
        self.apply_button = QPushButton(self.tr("&Apply tag"))
        self.apply_button.setObjectName("applyTag")
        row.addWidget(self.apply_button)
        self.tag_interview_button = QPushButton(self.tr("Tag the whole &interview"))
        self.tag_interview_button.setObjectName("tagInterview")
        row.addWidget(self.tag_interview_button)
        ml.addLayout(row)
        split.addWidget(mid)

        # --- tags, events, event form
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.addWidget(QLabel(self.tr("&Tags (double-click to jump)")))
        self.tag_list = QListWidget()
        self.tag_list.setObjectName("tagList")
        self.tag_list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        set_buddy(rl, 0, self.tag_list)
        rl.addWidget(self.tag_list, 1)
        rl.addWidget(QLabel(self.tr("E&vents")))
        self.event_list = QListWidget()
        self.event_list.setObjectName("eventList")
        set_buddy(rl, 2, self.event_list)
        rl.addWidget(self.event_list, 1)
        form_box = QGroupBox(self.tr("New event (selected tags are linked as evidence)"))
        form = QFormLayout(form_box)
        self.act = QComboBox()
        self.act.setObjectName("eventAct")
        form.addRow(self.tr("A&ct:"), self.act)
        self.victim = QLineEdit()
        self.victim.setObjectName("eventVictim")
        self.victim.setPlaceholderText(self.tr("witness, or a pseudonym such as V2 (brother)"))
        form.addRow(self.tr("Vic&tim:"), self.victim)
        self.perpetrator = QComboBox()
        self.perpetrator.setObjectName("eventPerpetrator")
        form.addRow(self.tr("&Perpetrator:"), self.perpetrator)
        self.place = QLineEdit()
        self.place.setObjectName("eventPlace")
        self.place.setPlaceholderText(self.tr("a facility or place term, or free text"))
        form.addRow(self.tr("Pl&ace:"), self.place)
        self.date = QLineEdit()
        self.date.setObjectName("eventDate")
        self.date.setPlaceholderText(self.tr(str(DATE_HINT)))
        self.date.setToolTip(self.tr(str(DATE_HINT)))
        form.addRow(self.tr("&Date:"), self.date)
        self.relation = QComboBox()
        self.relation.setObjectName("eventRelation")
        self.relation.addItem(self.tr("(not recorded)"), None)
        for r in events.RELATIONS:
            self.relation.addItem(value_label(r), r)
        form.addRow(self.tr("&Witness:"), self.relation)
        self.add_event_button = QPushButton(self.tr("Add &event"))
        self.add_event_button.setObjectName("addEvent")
        form.addRow("", self.add_event_button)
        rl.addWidget(form_box)
        split.addWidget(right)
        split.setSizes([260, 420, 380])

        self.message = QLabel()
        self.message.setObjectName("codingMessage")
        self.message.setWordWrap(True)
        outer.addWidget(self.message)

        self.term_search.textChanged.connect(self._filter_tree)
        self.tree_lang.currentIndexChanged.connect(lambda _i: self._fill_tree())
        self.segment_list.currentRowChanged.connect(self._show_segment)
        self.apply_button.clicked.connect(self.apply_tag)
        self.tag_interview_button.clicked.connect(lambda: self.apply_tag(whole_interview=True))
        self.tag_list.itemActivated.connect(lambda item: self.jump_to_tag(
            self.tag_list.row(item)))
        self.add_event_button.clicked.connect(self.add_event)

    # ------------------------------------------------------------------ loading
    def load(self, interview_id: str) -> None:
        self.interview_id = interview_id
        role = self.session.role

        def work(v: Any, _c: Any, _p: Any) -> tuple[Any, list[Any], list[Any], list[Any]]:
            tax = taxonomy.ensure_taxonomy(v, role=role)
            segs = tags.taggable_segments(v, interview_id)
            return tax, segs, tags.list_tags(v, interview_id), events.list_events(v, interview_id)

        self.session.call(work, on_done=self._loaded,
                          on_error=lambda e: self.message.setText(message_for(e)),
                          name="load coding")

    def _loaded(self, result: tuple[Any, list[Any], list[Any], list[Any]]) -> None:
        tax, segs, tag_views, event_views = result
        first = self.tax is None or self.tax.version_id != tax.version_id
        self.tax = tax
        if first or self.tree.topLevelItemCount() == 0:
            self._fill_tree()
            self._fill_event_terms()
        current = self.segment_list.currentRow()
        self.segments = [(r.id, r.idx, r.start_s, r.end_s, r.text) for r in segs]
        self.segment_list.blockSignals(True)
        self.segment_list.clear()
        for _sid, _idx, start, _end, text in self.segments:
            short = text if len(text) <= 80 else text[:77] + "..."
            self.segment_list.addItem(f"{fmt_time(start)}  {short}")
        self.segment_list.blockSignals(False)
        if self.segments:
            self.segment_list.setCurrentRow(min(max(current, 0), len(self.segments) - 1))
            self._show_segment(self.segment_list.currentRow())
        self.tags = tag_views
        self.tag_list.clear()
        lang = self.tree_lang.currentData()
        for t in tag_views:
            label = t.label.get(lang) or t.label.get("en") or t.term_id
            where = (f"“{t.text}”" if t.text else fmt_time(t.audio_start_s)
                     if t.audio_start_s is not None else self.tr("whole interview"))
            flag = self.tr(" (check: text changed)") if t.status == "needs_review" else ""
            self.tag_list.addItem(QListWidgetItem(f"{label} — {where}{flag}"))
        self.events = event_views
        self.event_list.clear()
        for e in event_views:
            act = e.act_label.get(lang) or e.act
            parts = [act, date_label(e.date) or self.tr("date unknown")]
            if e.place_label:
                parts.append(e.place_label.get(lang) or e.place_term or "")
            elif e.place:
                parts.append(e.place)
            self.event_list.addItem(" · ".join(p for p in parts if p))
        if not self.segments:
            self.message.setText(self.tr("No transcript yet: you can still tag the whole "
                                         "interview or add events."))
        elif self.message.text() == self.tr("No transcript yet: you can still tag the whole "
                                            "interview or add events."):
            self.message.clear()  # the transcript arrived

    def _fill_tree(self) -> None:
        self.tree.clear()
        if self.tax is None:
            return
        lang = self.tree_lang.currentData()
        items: dict[str, QTreeWidgetItem] = {}
        for term in self.tax.terms.values():
            other = term.label_en if lang == "ko" else term.label_ko
            item = QTreeWidgetItem([f"{term.label(lang)}  ({other})" if other else
                                    term.label(lang)])
            item.setData(0, TERM_ROLE, term.id)
            item.setToolTip(0, ", ".join(term.names()))
            items[term.id] = item
        for term in self.tax.terms.values():
            parent = items.get(term.parent or "")
            if parent is not None:
                parent.addChild(items[term.id])
            else:
                self.tree.addTopLevelItem(items[term.id])
        self._filter_tree(self.term_search.text())

    def _fill_event_terms(self) -> None:
        lang = self.tree_lang.currentData()
        self.act.clear()
        self.perpetrator.clear()
        self.perpetrator.addItem(self.tr("(not recorded)"), None)
        for term in self.tax.terms.values():
            root = self.tax.root_of(term.id)
            if root == "violation" and term.id != "violation":
                self.act.addItem(term.label(lang), term.id)
            elif root == "perpetrator" and term.id != "perpetrator":
                self.perpetrator.addItem(term.label(lang), term.id)

    def _filter_tree(self, text: str) -> None:
        key = text.casefold().strip()
        visible_ids: set[str] | None = None
        if key and self.tax is not None:
            visible_ids = set()
            for term in self.tax.terms.values():
                if any(key in n.casefold() for n in term.names()) or key in term.id:
                    current: str | None = term.id
                    while current and current not in visible_ids:
                        visible_ids.add(current)
                        current = self.tax.terms[current].parent if current in \
                            self.tax.terms else None

        def walk(item: QTreeWidgetItem | None) -> None:
            if item is None:
                return
            term_id = item.data(0, TERM_ROLE)
            item.setHidden(visible_ids is not None and term_id not in visible_ids)
            if visible_ids is not None:
                item.setExpanded(True)
            for i in range(item.childCount()):
                walk(item.child(i))

        for i in range(self.tree.topLevelItemCount()):
            walk(self.tree.topLevelItem(i))

    def select_term(self, term_id: str) -> bool:
        """Make ``term_id`` the current tree item (used by keyboard users and tests)."""
        def walk(item: QTreeWidgetItem | None) -> QTreeWidgetItem | None:
            if item is None:
                return None
            if item.data(0, TERM_ROLE) == term_id:
                return item
            for i in range(item.childCount()):
                found = walk(item.child(i))
                if found is not None:
                    return found
            return None

        for i in range(self.tree.topLevelItemCount()):
            found = walk(self.tree.topLevelItem(i))
            if found is not None:
                self.tree.setCurrentItem(found)
                return True
        return False

    def clear(self) -> None:
        self.interview_id = None
        self.segments = []
        self.tags = []
        self.events = []
        self.segment_list.clear()
        self.text.clear()
        self.tag_list.clear()
        self.event_list.clear()
        self.victim.clear()
        self.place.clear()
        self.date.clear()
        self.message.clear()

    # ------------------------------------------------------------------ actions
    def _show_segment(self, row: int) -> None:
        if 0 <= row < len(self.segments):
            self.text.setPlainText(self.segments[row][4])
        else:
            self.text.clear()

    def _current_term(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, TERM_ROLE) if item is not None else None

    def apply_tag(self, whole_interview: bool = False) -> None:
        iid, role = self.interview_id, self.session.role
        term = self._current_term()
        if iid is None:
            return
        if term is None:
            self.message.setText(self.tr("Choose a term in the tree first."))
            return
        confidence = self.confidence.currentData()
        kwargs: dict[str, Any] = {}
        if not whole_interview:
            row = self.segment_list.currentRow()
            if not 0 <= row < len(self.segments):
                self.message.setText(self.tr("Choose a segment and select words in it first, "
                                             "or tag the whole interview."))
                return
            kwargs["segment"] = self.segments[row][1]
            cursor = self.text.textCursor()
            if cursor.hasSelection():
                kwargs["chars"] = (cursor.selectionStart(), cursor.selectionEnd())

        def done(_tag_id: str) -> None:
            self.message.setText(self.tr("Tag applied."))
            self.load(iid)
            self.changed.emit()

        self.session.call(lambda v, _c, _p: tags.add_tag(v, iid, term, role=role,
                                                         confidence=confidence, **kwargs),
                          on_done=done, on_error=lambda e: self.message.setText(message_for(e)),
                          name="add tag")

    def jump_to_tag(self, row: int) -> None:
        """Show the tagged words selected in their segment (or the moment, for audio tags)."""
        if not 0 <= row < len(self.tags):
            return
        t = self.tags[row]
        for i, seg in enumerate(self.segments):
            if seg[0] == t.segment_id:
                self.segment_list.setCurrentRow(i)
                cursor = self.text.textCursor()
                cursor.setPosition(t.char_start or 0)
                cursor.setPosition(t.char_end or len(seg[4]), QTextCursor.MoveMode.KeepAnchor)
                self.text.setTextCursor(cursor)
                extra = QTextEdit.ExtraSelection()
                fmt = QTextCharFormat()
                fmt.setBackground(Qt.GlobalColor.yellow)
                extra.format = fmt
                extra.cursor = cursor
                self.text.setExtraSelections([extra])
                self.text.setFocus()
                return
        if t.audio_start_s is not None:
            for i, seg in enumerate(self.segments):
                if seg[2] <= t.audio_start_s < seg[3]:
                    self.segment_list.setCurrentRow(i)
                    return

    def add_event(self) -> None:
        iid, role = self.interview_id, self.session.role
        if iid is None:
            return
        act = self.act.currentData()
        if act is None:
            self.message.setText(self.tr("Choose the act (a violation term) first."))
            return
        selected = sorted({self.tag_list.row(i) for i in self.tag_list.selectedItems()})
        tag_ids = [self.tags[r].id for r in selected if 0 <= r < len(self.tags)]
        values = {"victim": self.victim.text().strip() or None,
                  "perpetrator": self.perpetrator.currentData(),
                  "place": self.place.text().strip() or None,
                  "date": self.date.text().strip() or None,
                  "relation": self.relation.currentData()}

        def done(_event_id: str) -> None:
            self.message.setText(self.tr("Event added."))
            for w in (self.victim, self.place, self.date):
                w.clear()
            self.load(iid)
            self.changed.emit()

        self.session.call(lambda v, _c, _p: events.add_event(v, iid, act=act, role=role,
                                                             tags=tag_ids, **values),
                          on_done=done, on_error=lambda e: self.message.setText(message_for(e)),
                          name="add event")
