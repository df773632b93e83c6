"""Connections: the supervisor's views across interviews (facility x commodity matrix, a
timeline per facility or enterprise, the supply chain of a commodity), each number opening
the quotes behind it, each quote playing its audio, and an evidence brief for what is shown.

Everything comes from ``app.connect`` on the vault worker; the view only lays it out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.audio.playback import PlaybackAudio, decode_for_playback
from app.coding import taxonomy as tx
from app.connect import brief as briefs
from app.connect import corroborate as corr
from app.connect.entities import Entity, list_entities
from app.connect.evidence import Quote
from app.connect.links import LinkKey, label
from errors import Message
from qtaudio.player import Player
from qtaudio.signals import emit
from ui.archive_screen import no_playback
from ui.errors import message_for, translate_error
from ui.filedialogs import ask_path
from ui.labels import date_label
from ui.session import Session

# Every relation of app.connect.links.RELATIONS (a test keeps them the same); a relation from
# a newer program shows as "other relation (its id)".
RELATIONS = {
    "produced": QT_TRANSLATE_NOOP("ConnectView", "produced"),
    "handled": QT_TRANSLATE_NOOP("ConnectView", "handled"),
    "shipped-through": QT_TRANSLATE_NOOP("ConnectView", "shipped through"),
    "imposed": QT_TRANSLATE_NOOP("ConnectView", "imposed"),
    "commanded": QT_TRANSLATE_NOOP("ConnectView", "commanded"),
}
PURPOSES = {
    "un": QT_TRANSLATE_NOOP("ConnectView", "UN body"),
    "court": QT_TRANSLATE_NOOP("ConnectView", "court"),
    "publication": QT_TRANSLATE_NOOP("ConnectView", "publication"),
}


@dataclass
class Evidence:
    """What the evidence panel shows: a subject, its counts and its quotes."""

    subject: corr.Subject
    title: str
    testimonies: int
    witnesses: int
    years: list[int]
    rows: list[tuple[corr.AccountView, Quote]]
    conflicts: list[corr.Conflict] = field(default_factory=list)  # the first page
    conflicts_total: int = 0


def _item(text: str, data: Any = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    return item


def _worded(message: Message, names: dict[str, str]) -> Message:
    """``message`` with each term it names (``corr.TermRef``) replaced by its name in
    ``names`` and each date (``corr.DateRef``) worded in the interface language."""
    params: dict[str, object] = {}
    for key, value in message.params.items():
        if isinstance(value, Message):
            value = _worded(value, names)
        elif isinstance(value, corr.TermRef):
            value = names.get(value) or value
        elif isinstance(value, corr.DateRef):
            value = date_label(value) or value
        params[key] = value
    return Message(message.code, params)


def _clock(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    whole = int(seconds)
    return f"{whole // 3600:d}:{whole // 60 % 60:02d}:{whole % 60:02d}"


class ConnectView(QWidget):
    """The Connections tab of the workspace."""

    #: (asset id, seconds): a quote asked to be played (tests observe it too).
    play_requested = Signal(str, float)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("connectView")
        self.matrix: corr.Matrix | None = None
        self.chain_cells: list[corr.Cell] = []
        self.timeline_years: list[tuple[int, list[corr.AccountView]]] = []
        self.evidence: Evidence | None = None
        self.loaded_asset: str | None = None
        self.player = Player(self)

        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setObjectName("connectSummary")
        self.summary.setWordWrap(True)
        top.addWidget(self.summary, 1)
        lay.addLayout(top)

        split = QSplitter(Qt.Orientation.Vertical)
        lay.addWidget(split, 1)
        self.views = QTabWidget()
        self.views.setObjectName("connectViews")
        split.addWidget(self.views)

        # Facility x commodity matrix: each cell counts independent witnesses.
        self.matrix_table = self._table("connectMatrix", [])
        self.views.addTab(self.matrix_table, self.tr("Facilities × commodities"))
        self.matrix_table.cellClicked.connect(self._matrix_clicked)

        # Timeline of a facility or enterprise.
        page = QWidget()
        col = QVBoxLayout(page)
        self.timeline_subject = QComboBox()
        self.timeline_subject.setObjectName("timelineSubject")
        col.addWidget(self.timeline_subject)
        self.timeline_table = self._table("timelineTable", [
            self.tr("Year"), self.tr("Accounts"), self.tr("Testimonies")])
        col.addWidget(self.timeline_table, 1)
        self.views.addTab(page, self.tr("Timeline"))
        self.timeline_subject.activated.connect(lambda _i: self._load_timeline())
        self.timeline_table.cellClicked.connect(self._year_clicked)

        # Supply chain of a commodity: every link touching it.
        page = QWidget()
        col = QVBoxLayout(page)
        self.chain_commodity = QComboBox()
        self.chain_commodity.setObjectName("chainCommodity")
        col.addWidget(self.chain_commodity)
        self.chain_table = self._table("chainTable", [
            self.tr("From"), self.tr("Relation"), self.tr("To"), self.tr("Testimonies"),
            self.tr("Independent witnesses")])
        col.addWidget(self.chain_table, 1)
        self.views.addTab(page, self.tr("Supply chain"))
        self.chain_commodity.activated.connect(lambda _i: self._load_chain())
        self.chain_table.cellClicked.connect(self._chain_clicked)

        # The evidence behind the number last opened.
        panel = QWidget()
        col = QVBoxLayout(panel)
        self.evidence_title = QLabel()
        self.evidence_title.setObjectName("evidenceSummary")
        self.evidence_title.setWordWrap(True)
        col.addWidget(self.evidence_title)
        self.quotes = self._table("evidenceQuotes", [
            self.tr("Witness"), self.tr("Date"), self.tr("Time"), self.tr("Quote"),
            self.tr("Reviewed translation")])
        self.quotes.cellDoubleClicked.connect(lambda row, _c: self.play_quote(row))
        col.addWidget(self.quotes, 1)
        self.conflicts = QLabel()
        self.conflicts.setObjectName("evidenceConflicts")
        self.conflicts.setWordWrap(True)
        col.addWidget(self.conflicts)
        row = QHBoxLayout()
        self.purpose = QComboBox()
        self.purpose.setObjectName("briefPurpose")
        for key, text in PURPOSES.items():
            self.purpose.addItem(self.tr(str(text)), key)
        row.addWidget(QLabel(self.tr("Brief for:")))
        row.addWidget(self.purpose)
        self.brief_button = QPushButton(self.tr("Evidence &brief…"))
        self.brief_button.setObjectName("briefButton")
        self.brief_button.setEnabled(False)
        self.brief_button.clicked.connect(self.ask_brief)
        row.addWidget(self.brief_button)
        row.addStretch(1)
        self.message = QLabel()
        self.message.setObjectName("connectMessage")
        self.message.setWordWrap(True)
        row.addWidget(self.message, 1)
        col.addLayout(row)
        split.addWidget(panel)

    def _table(self, name: str, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setObjectName(name)
        table.setHorizontalHeaderLabels(headers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setCornerButtonEnabled(False)  # select-all is no use here, and not reachable
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        return table

    def _label(self, labels: dict[str, str]) -> str:
        lang = self.session.settings.ui_language
        return labels.get(lang) or labels.get("en") or ""

    def _entity_label(self, ent: Entity) -> str:
        return ent.label_ko if self.session.settings.ui_language == "ko" and ent.label_ko \
            else ent.label_en

    # ------------------------------------------------------------------ loading
    def enter(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        def work(vault: Any, _c: Any, _p: Any) -> tuple[corr.Matrix, list[Entity]]:
            return corr.matrix(vault), list_entities(vault)

        self.session.call(work, on_done=self._show_overview, on_error=self._error,
                          name="connections")

    def _show_overview(self, result: tuple[corr.Matrix, list[Entity]]) -> None:
        matrix, entities = result
        self.matrix = matrix
        table = self.matrix_table
        table.clear()
        table.setRowCount(len(matrix.rows))
        table.setColumnCount(len(matrix.cols))
        table.setHorizontalHeaderLabels([self._label(matrix.labels[c]) for c in matrix.cols])
        table.setVerticalHeaderLabels([self._label(matrix.labels[r]) for r in matrix.rows])
        for i, r in enumerate(matrix.rows):
            for j, c in enumerate(matrix.cols):
                cell = matrix.cells.get((r, c))
                item = _item(str(cell.independent_witnesses) if cell else "")
                if cell:
                    item.setToolTip(self.tr("%1 testimonies from %2 independent witnesses")
                                    .replace("%1", str(cell.testimonies))
                                    .replace("%2", str(cell.independent_witnesses)))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                table.setItem(i, j, item)
        self.summary.setText(
            self.tr("Linked by testimony: facilities %1, commodities %2. The numbers are "
                    "independent witnesses. Click one to read the quotes behind it.")
            .replace("%1", str(len(matrix.rows))).replace("%2", str(len(matrix.cols))))
        self._fill_combo(self.timeline_subject,
                         [e for e in entities if e.kind in ("facility", "enterprise")])
        self._fill_combo(self.chain_commodity, [e for e in entities if e.kind == "commodity"])

    def _fill_combo(self, combo: QComboBox, entities: list[Entity]) -> None:
        current = combo.currentData()
        combo.clear()
        for ent in entities:
            combo.addItem(self._entity_label(ent), ent)
        index = next((i for i in range(combo.count())
                      if combo.itemData(i).term_id == getattr(current, "term_id", None)), 0)
        combo.setCurrentIndex(index)

    def _error(self, exc: BaseException) -> None:
        self.message.setText(message_for(exc))

    # ------------------------------------------------------------------ the three views
    def _matrix_clicked(self, row: int, column: int) -> None:
        matrix = self.matrix
        if matrix is None or not (0 <= row < len(matrix.rows) and 0 <= column < len(matrix.cols)):
            return
        cell = matrix.cells.get((matrix.rows[row], matrix.cols[column]))
        if cell is not None:
            self.open_link(cell.link)

    def open_link(self, link: LinkKey) -> None:
        """Open the evidence behind one link (a matrix cell or a supply-chain row)."""
        def work(vault: Any, _c: Any, _p: Any) -> corr.Corroboration:
            taxonomy = tx.ensure_taxonomy(vault)
            labels = {lang: f"{label(taxonomy, link.src)[lang]} → "
                            f"{label(taxonomy, link.dst)[lang]}" for lang in ("en", "ko")}
            return corr.corroborate(vault, corr.Subject("link", None, link, labels))

        self.session.call(work, on_done=self._show_corroboration, on_error=self._error,
                          name="corroborate")

    def _show_corroboration(self, result: corr.Corroboration) -> None:
        rows = [(acc, q) for acc in result.accounts for q in acc.quotes]
        self._show(Evidence(result.subject, self._label(result.subject.label),
                            result.testimonies, result.independent_witnesses, result.years,
                            rows, result.conflicts, result.conflicts_total))

    def _load_timeline(self) -> None:
        ent: Entity | None = self.timeline_subject.currentData()
        if ent is None:
            return
        subject = corr.Subject(ent.kind, ent.term_id, None,
                               {"en": ent.label_en, "ko": ent.label_ko})

        def work(vault: Any, _c: Any, _p: Any) -> tuple[Any, corr.Corroboration]:
            return corr.timeline(vault, subject), corr.corroborate(vault, subject)

        self.session.call(work, on_done=self._show_timeline, on_error=self._error,
                          name="timeline")

    def _show_timeline(self, result: tuple[list[tuple[int, list[corr.AccountView]]],
                                           corr.Corroboration]) -> None:
        years, whole = result
        self.timeline_years = years
        table = self.timeline_table
        table.setRowCount(len(years))
        for i, (year, accounts) in enumerate(years):
            table.setItem(i, 0, _item(str(year), year))
            table.setItem(i, 1, _item(str(len(accounts))))
            table.setItem(i, 2, _item(str(len({a.interview_id for a in accounts}))))
        self._show_corroboration(whole)

    def _year_clicked(self, row: int, _column: int) -> None:
        if not (0 <= row < len(self.timeline_years)) or self.evidence is None:
            return
        year, accounts = self.timeline_years[row]
        rows = [(acc, q) for acc in accounts for q in acc.quotes]
        witnesses = {acc.witness for acc in accounts}
        self._show(Evidence(self.evidence.subject, f"{self.evidence.title} — {year}",
                            len({a.interview_id for a in accounts}), len(witnesses), [year],
                            rows))

    def _load_chain(self) -> None:
        ent: Entity | None = self.chain_commodity.currentData()
        if ent is None:
            return

        def work(vault: Any, _c: Any, _p: Any) -> tuple[list[corr.Cell], dict[str, Any]]:
            cells = corr.chain(vault, ent.term_id)
            taxonomy = tx.ensure_taxonomy(vault)
            labels = {t: label(taxonomy, t) for c in cells
                      for t in (c.link.src, c.link.dst)}
            return cells, labels

        self.session.call(work, on_done=self._show_chain, on_error=self._error, name="chain")

    def _show_chain(self, result: tuple[list[corr.Cell], dict[str, dict[str, str]]]) -> None:
        cells, labels = result
        self.chain_cells = cells
        table = self.chain_table
        table.setRowCount(len(cells))
        for i, cell in enumerate(cells):
            relation = RELATIONS.get(cell.link.relation)
            table.setItem(i, 0, _item(self._label(labels[cell.link.src])))
            table.setItem(i, 1, _item(self.tr(str(relation)) if relation else self.tr(
                "other relation (%1)").replace("%1", cell.link.relation)))
            table.setItem(i, 2, _item(self._label(labels[cell.link.dst])))
            table.setItem(i, 3, _item(str(cell.testimonies)))
            table.setItem(i, 4, _item(str(cell.independent_witnesses)))

    def conflict_text(self, conflict: corr.Conflict) -> str:
        """A conflict's explanation in the interface language: its message (a code of
        errors.catalog) translated, its terms by their labels (as the matrix and the chain
        name them; the command line and briefs keep the ids) and its dates worded as the
        quotes' dates are."""
        if conflict.message is None:  # a conflict made without one: its English sentence
            return conflict.explanation
        message = _worded(conflict.message, {t: self._label(labels)
                                             for t, labels in conflict.labels.items()})
        return message.render(translate_error)

    def _chain_clicked(self, row: int, _column: int) -> None:
        if 0 <= row < len(self.chain_cells):
            self.open_link(self.chain_cells[row].link)

    # ------------------------------------------------------------------ evidence
    def _show(self, evidence: Evidence) -> None:
        self.evidence = evidence
        years = (f"{min(evidence.years)}–{max(evidence.years)}" if evidence.years
                 else self.tr("no dated account"))
        self.evidence_title.setText(
            self.tr("%1: %2 testimonies from %3 independent witnesses (%4).")
            .replace("%1", evidence.title).replace("%2", str(evidence.testimonies))
            .replace("%3", str(evidence.witnesses)).replace("%4", years))
        table = self.quotes
        table.setRowCount(len(evidence.rows))
        for i, (acc, quote) in enumerate(evidence.rows):
            table.setItem(i, 0, _item(acc.interview_code, quote))
            table.setItem(i, 1, _item(date_label(acc.date) or "—"))
            table.setItem(i, 2, _item(_clock(quote.start_s)))
            table.setItem(i, 3, _item(quote.text or ""))
            table.setItem(i, 4, _item(quote.translation or ""))
        if evidence.conflicts:
            more = evidence.conflicts_total - len(evidence.conflicts)
            tail = ("\n" + self.tr("%1 more not listed (the first %2 of %3, most relevant "
                                    "first).").replace("%1", str(more))
                    .replace("%2", str(len(evidence.conflicts)))
                    .replace("%3", str(evidence.conflicts_total))) if more > 0 else ""
            self.conflicts.setText(self.tr("Accounts that disagree (shown, not averaged):") +
                                   "\n" + "\n".join(f"• {self.conflict_text(c)}"
                                                    for c in evidence.conflicts) + tail)
        else:
            self.conflicts.clear()
        self.brief_button.setEnabled(True)
        self.message.clear()

    def play_quote(self, row: int) -> None:
        """Play the quote in ``row`` from its first word."""
        if self.evidence is None or not (0 <= row < len(self.evidence.rows)):
            return
        quote = self.evidence.rows[row][1]
        if quote.asset_id is None or quote.start_s is None:
            self.message.setText(self.tr("This quote has no audio time to play."))
            return
        emit(self.play_requested, quote.asset_id, quote.start_s)
        asset, start = quote.asset_id, quote.start_s
        if self.session.is_archive:
            self.message.setText(no_playback())
            return
        if asset == self.loaded_asset and self.player.audio is not None:
            self._start(start)
            return
        self.message.setText(self.tr("Decoding the recording for listening..."))

        def done(audio: PlaybackAudio) -> None:
            self.player.load(audio)
            self.loaded_asset = asset
            self.message.clear()
            self._start(start)

        self.session.call(lambda v, c, p: decode_for_playback(v, asset, cancel=c, progress=p),
                          on_done=done, on_error=self._error, name="decode audio")

    def _start(self, seconds: float) -> None:
        try:
            self.player.play_from(seconds)
        except Exception as exc:  # noqa: BLE001 - shown as one sentence
            self.message.setText(message_for(exc))

    def ask_brief(self) -> None:
        if self.evidence is None:
            return
        ask_path(self, self.tr("Save the evidence brief"), self.write_brief, save=True,
                 suggested_name="brief.docx")

    def write_brief(self, out: Path) -> None:
        """Write the brief for the subject on show, for the chosen purpose, to ``out``."""
        if self.evidence is None:
            return
        subject, purpose = self.evidence.subject, self.purpose.currentData()
        role = self.session.role

        def work(vault: Any, _c: Any, _p: Any) -> briefs.Brief:
            return briefs.export_brief(vault, subject, purpose=purpose, out=out, role=role)

        def done(made: briefs.Brief) -> None:
            self.message.setText(
                self.tr("Brief written: %1 quotes; %2 testimonies left out (consent or "
                        "withdrawal).").replace("%1", str(len(made.quotes)))
                .replace("%2", str(made.left_out_total)))

        self.session.call(work, on_done=done, on_error=self._error, name="brief")

    def clear(self) -> None:
        self.player.clear()
        self.loaded_asset = None
        self.matrix = None
        self.evidence = None
        self.chain_cells = []
        self.timeline_years = []
        for table in (self.matrix_table, self.timeline_table, self.chain_table, self.quotes):
            table.setRowCount(0)
        self.matrix_table.setColumnCount(0)
        self.timeline_subject.clear()
        self.chain_commodity.clear()
        for text in (self.summary, self.evidence_title, self.conflicts, self.message):
            text.clear()
        self.brief_button.setEnabled(False)
