"""Interview list: search box, filters (status, tags, consent, review state) and progress columns."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import codes
from app import consent as consent_rule
from app import interviews as interview_service
from app.domain import CONSENT_SCOPES, INTERVIEW_STATUSES
from app.errors import AppError
from app.overview import InterviewSummary, interview_summaries
from ui.errors import message_for
from ui.labels import value_label
from ui.passages import PassageRow, PassageTable
from ui.session import Session

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 2
COLUMNS = (QT_TRANSLATE_NOOP("InterviewList", "Code"), QT_TRANSLATE_NOOP("InterviewList", "Date"),
           QT_TRANSLATE_NOOP("InterviewList", "Duration"),
           QT_TRANSLATE_NOOP("InterviewList", "Transcript"),
           QT_TRANSLATE_NOOP("InterviewList", "Review"),
           QT_TRANSLATE_NOOP("InterviewList", "Consent"),
           QT_TRANSLATE_NOOP("InterviewList", "Export"))


def format_duration(seconds: float) -> str:
    if seconds <= 0:
        return "—"
    total = int(round(seconds))
    return f"{total // 3600}:{total % 3600 // 60:02d}:{total % 60:02d}"


class InterviewFilter(QSortFilterProxyModel):
    """Filters by search text (code), status, tag term, consent and review state."""

    def __init__(self) -> None:
        super().__init__()
        self.text = ""
        self.content_ids: set[str] | None = None  # interviews whose words match (full-text)
        self.status = ""
        self.tag = ""
        self.consent = ""
        self.review = ""

    def set(self, **values: str | set[str] | None) -> None:
        self.beginFilterChange()
        for key, value in values.items():
            setattr(self, key, value)
        self.endFilterChange()

    def filterAcceptsRow(self, row: int,  # noqa: N802 - Qt API
                         parent: QModelIndex | QPersistentModelIndex) -> bool:
        index = self.sourceModel().index(row, 0, parent)
        s: InterviewSummary = index.data(SUMMARY_ROLE)
        if s is None:
            return False
        if self.text and self.text.lower() not in s.code.lower() and not (
                self.content_ids is not None and s.id in self.content_ids):
            return False
        if self.status and s.status != self.status:
            return False
        if self.tag and self.tag not in s.tag_terms:
            return False
        if self.consent == "withdrawn" and not s.consent_withdrawn:
            return False
        if self.consent.startswith("scope:") and not consent_rule.allows(
                s.consent_scopes, s.consent_withdrawn, self.consent[6:]):
            return False
        return not (self.review and s.review_state != self.review)


class NewInterviewDialog(QDialog):
    """Asks for a new interview's pseudonym code: shows the shape the vault's pattern expects,
    proposes the next free code, and refuses (staying open, saying why) a code that looks like
    a name or breaks the pattern."""

    def __init__(self, parent: QWidget | None = None, *, pattern: str = "",
                 proposal: str = "") -> None:
        super().__init__(parent)
        self.pattern = pattern
        self.setWindowTitle(self.tr("New interview"))
        form = QFormLayout(self)
        self.code = QLineEdit()
        self.code.setObjectName("newInterviewCode")
        self.code.setPlaceholderText(codes.example_for(pattern))
        self.code.setText(proposal)
        self.code.selectAll()
        form.addRow(self.tr("Pseudonym &code:"), self.code)
        self.shape = QLabel(self.shape_text(pattern))
        self.shape.setObjectName("newInterviewShape")
        self.shape.setWordWrap(True)
        form.addRow("", self.shape)
        note = QLabel(self.tr("Use a pseudonym, never the witness's name."))
        note.setWordWrap(True)
        form.addRow("", note)
        self.error = QLabel()
        self.error.setObjectName("newInterviewError")
        self.error.setWordWrap(True)
        self.error.hide()
        form.addRow("", self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.code.textEdited.connect(lambda _t: self.error.hide())

    def shape_text(self, pattern: str) -> str:
        example = codes.example_for(pattern)
        if not pattern:
            return self.tr("Codes look like %1: the organisation, the year and a number "
                           "(for example %2).").replace("%1", codes.DEFAULT_SHAPE) \
                .replace("%2", example)
        if pattern == codes.GENERAL:
            return self.tr("Codes are letters and digits joined by hyphens (for example %1).") \
                .replace("%1", example)
        return self.tr("Codes follow this organisation's pattern %1: # is a digit, @ a capital "
                       "letter (for example %2).").replace("%1", pattern).replace("%2", example)

    def accept(self) -> None:
        try:
            self.code.setText(codes.check_code(self.code.text(), self.pattern))
        except AppError as exc:
            self.error.setText(message_for(exc))
            self.error.show()
            self.code.setFocus()
            return
        super().accept()


def _snippet(text: str, matched: str, width: int = 60) -> str:
    """The words around the first match of ``matched`` in ``text`` (the whole text if short)."""
    at = text.lower().find(matched.lower())
    if len(text) <= 2 * width or at < 0:
        return text[:2 * width] + ("…" if len(text) > 2 * width else "")
    start, end = max(0, at - width // 2), min(len(text), at + len(matched) + width)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


class InterviewList(QWidget):
    open_interview = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("interviewList")
        lay = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("interviewSearch")
        self.search.setPlaceholderText(self.tr("Search codes; Enter searches the words too "
                                               "(Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        bar.addWidget(self.search, 2)
        self.status = QComboBox()
        self.status.setObjectName("statusFilter")
        self.status.addItem(self.tr("Any status"), "")
        for st in INTERVIEW_STATUSES:
            self.status.addItem(value_label(st), st)
        self.consent = QComboBox()
        self.consent.setObjectName("consentFilter")
        self.consent.addItem(self.tr("Any consent"), "")
        for scope in CONSENT_SCOPES:
            self.consent.addItem(self.tr("Consent: %1").replace("%1", value_label(scope)), f"scope:{scope}")
        self.consent.addItem(self.tr("Consent withdrawn"), "withdrawn")
        self.review = QComboBox()
        self.review.setObjectName("reviewFilter")
        for label, value in ((self.tr("Any review state"), ""),
                             (self.tr("No transcript"), "none"), (self.tr("Draft"), "draft"),
                             (self.tr("Partly reviewed"), "partial"),
                             (self.tr("Reviewed"), "reviewed")):
            self.review.addItem(label, value)
        self.tag = QComboBox()
        self.tag.setObjectName("tagFilter")
        self.tag.addItem(self.tr("Any tag"), "")
        for combo in (self.status, self.consent, self.review, self.tag):
            bar.addWidget(combo)
        self.new_button = QPushButton(self.tr("&New interview..."))
        self.new_button.setObjectName("newInterview")
        bar.addWidget(self.new_button)
        lay.addLayout(bar)

        self.model = QStandardItemModel(0, len(COLUMNS), self)
        self.model.setHorizontalHeaderLabels([self.tr(str(c)) for c in COLUMNS])
        self.proxy = InterviewFilter()
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole + 3)
        self.table = QTableView()
        self.table.setObjectName("interviewTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        lay.addWidget(self.table, 1)
        self.message = QLabel()
        self.message.setObjectName("listMessage")
        lay.addWidget(self.message)
        # Word search lists the passages themselves; each opens where it was said.
        self.passages = PassageTable()
        self.passages.setObjectName("searchPassages")
        self.passages.hide()
        lay.addWidget(self.passages, 1)

        self.search.textChanged.connect(self._text_changed)
        self.search.returnPressed.connect(self.search_words)
        self.status.currentIndexChanged.connect(
            lambda _i: self.proxy.set(status=self.status.currentData()))
        self.consent.currentIndexChanged.connect(
            lambda _i: self.proxy.set(consent=self.consent.currentData()))
        self.review.currentIndexChanged.connect(
            lambda _i: self.proxy.set(review=self.review.currentData()))
        self.tag.currentIndexChanged.connect(
            lambda _i: self.proxy.set(tag=self.tag.currentData() or ""))
        self.table.activated.connect(self._activated)
        self.new_button.clicked.connect(self.new_interview)
        QShortcut(QKeySequence.StandardKey.Find, self,  # type: ignore[call-overload]
                  activated=self.search.setFocus)

    # ------------------------------------------------------------------ data
    def refresh(self) -> None:
        self.session.call(lambda v, _c, _p: interview_summaries(v), on_done=self.show_rows,
                          name="list interviews")

    def show_rows(self, rows: list[InterviewSummary]) -> None:
        self.model.removeRows(0, self.model.rowCount())
        terms: set[str] = set()
        for s in rows:
            terms.update(s.tag_terms)
            if s.consent_withdrawn:
                consent = self.tr("withdrawn")
            else:
                consent = (", ".join(value_label(c) for c in s.consent_scopes)
                           or self.tr("none recorded"))
            transcript = (self.tr("%1 segments").replace("%1", str(s.segments))
                          if s.segments else "—")
            if s.translated:
                transcript += self.tr(" (+ translation)")
            review = f"{int(round(s.review_fraction * 100))} %" if s.segments else "—"
            cells: list[tuple[str, Any]] = [
                (s.code, s.code), (s.date, s.date), (format_duration(s.duration_s), s.duration_s),
                (transcript, s.segments), (review, s.review_fraction), (consent, consent),
                (self.tr("receipt received") if s.acknowledged else self.tr("exported")
                 if s.exported else self.tr("not exported"), (s.exported, s.acknowledged))]
            items = []
            for text, sort_key in cells:
                item = QStandardItem(text)
                item.setData(sort_key, Qt.ItemDataRole.UserRole + 3)
                items.append(item)
            items[0].setData(s.id, ID_ROLE)
            items[0].setData(s, SUMMARY_ROLE)
            self.model.appendRow(items)
        current = self.tag.currentData()
        self.tag.blockSignals(True)
        self.tag.clear()
        self.tag.addItem(self.tr("Any tag"), "")
        for term in sorted(terms):
            self.tag.addItem(term, term)
        idx = self.tag.findData(current)
        self.tag.setCurrentIndex(max(idx, 0))
        self.tag.blockSignals(False)
        self.message.setText(self.tr("%1 interviews").replace("%1", str(len(rows))))

    def _text_changed(self, text: str) -> None:
        self.proxy.set(text=text, content_ids=None)
        self.passages.hide()  # the passages were for the words searched before

    def search_words(self) -> None:
        """Full-text search of transcripts, notes and markers (aliases in both languages), on
        the worker: a big vault must not freeze the window."""
        query = self.search.text().strip()
        if len(query) < 2:
            return
        try:
            import app.coding.search as search
        except ImportError:  # a build without search: codes only
            return

        def done(result: Any) -> None:
            if self.search.text().strip() != query:
                return  # the user typed on
            ids = {h.interview_id for h in result.hits}
            self.proxy.set(text=query, content_ids=ids)
            self.passages.show_rows([
                PassageRow(h.interview_id, h.interview_code,
                           h.ref_id if h.kind == "segment" else None, h.layer, h.start_s,
                           h.snippet) for h in result.hits])
            self.passages.setVisible(bool(result.hits))
            self.message.setText(self.tr("%1 passages in %2 interviews match the words.")
                                 .replace("%1", str(len(result.hits)))
                                 .replace("%2", str(len(ids))))

        if self.session.is_archive:
            self._search_archive(query)
            return
        self.session.call(lambda v, _c, _p: search.search(v, query), on_done=done,
                          on_error=lambda e: self.message.setText(message_for(e)),
                          name="search")

    def _search_archive(self, query: str) -> None:
        """The archive's search (``app.archive.search``: PostgreSQL trigram indexes; Korean
        substrings and the taxonomy's names, aliases and romanisations)."""
        from app import archive as archive_app

        def done(hits: list[dict[str, Any]]) -> None:
            if self.search.text().strip() != query:
                return  # the user typed on
            ids = {str(h["interview_id"]) for h in hits}
            self.proxy.set(text=query, content_ids=ids)
            self.passages.show_rows([
                PassageRow(str(h["interview_id"]), str(h["interview"]), None, str(h["layer"]),
                           float(h["start_s"]), _snippet(str(h["text"]), str(h["matched"])))
                for h in hits])
            self.passages.setVisible(bool(hits))
            self.message.setText(self.tr("%1 passages in %2 interviews match the words.")
                                 .replace("%1", str(len(hits))).replace("%2", str(len(ids))))

        def work(archive: Any, _c: Any, _p: Any) -> list[dict[str, Any]]:
            return archive_app.search(archive, query, limit=200)

        self.session.call(work, on_done=done,
                          on_error=lambda e: self.message.setText(message_for(e)), name="search")

    def clear(self) -> None:
        self.model.removeRows(0, self.model.rowCount())
        self.passages.show_rows([])
        self.passages.hide()
        self.search.clear()
        self.message.clear()

    def visible_codes(self) -> list[str]:
        return [self.proxy.index(r, 0).data() for r in range(self.proxy.rowCount())]

    def _activated(self, index: QModelIndex) -> None:
        iid = self.proxy.index(index.row(), 0).data(ID_ROLE)
        if iid:
            self.open_interview.emit(iid)

    def open_code(self, code: str) -> None:
        for r in range(self.proxy.rowCount()):
            if self.proxy.index(r, 0).data() == code:
                self.open_interview.emit(self.proxy.index(r, 0).data(ID_ROLE))
                return

    # ------------------------------------------------------------------ actions
    def new_interview(self) -> None:
        """Open the new-interview form with the vault's pattern and the next free code."""

        def work(v: Any, _c: Any, _p: Any) -> tuple[str, str]:
            return codes.get_pattern(v), codes.propose(v)

        def show(found: tuple[str, str]) -> None:
            dialog = NewInterviewDialog(self, pattern=found[0], proposal=found[1])
            dialog.setObjectName("newInterviewDialog")
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.accepted.connect(lambda: self.create(dialog.code.text()))
            dialog.open()

        self.session.call(work, on_done=show,
                          on_error=lambda e: self.message.setText(message_for(e)),
                          name="new interview form")

    def create(self, code: str) -> None:  # type: ignore[override]
        role = self.session.role

        def work(v: Any, _c: Any, _p: Any) -> str:
            return interview_service.add_interview(v, code=code, role=role)

        def done(iid: str) -> None:
            self.message.setText(self.tr("Interview created."))
            self.refresh()
            self.open_interview.emit(iid)

        self.session.call(work, on_done=done,
                          on_error=lambda e: self.message.setText(message_for(e)),
                          name="add interview")
