"""Reports: counts of tags and events by facility, agency, violation and year, as charts
(QtCharts, part of the PySide6 wheels)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

import app.coding.search as search
from app.coding.passages import Passage, behind_report
from ui.errors import message_for
from ui.follow import Follower
from ui.passages import PassageRow, PassageTable
from ui.session import Session

SECTIONS = (("facility", QT_TRANSLATE_NOOP("ReportsView", "By facility")),
            ("agency", QT_TRANSLATE_NOOP("ReportsView", "By agency")),
            ("violation", QT_TRANSLATE_NOOP("ReportsView", "By violation")),
            ("year", QT_TRANSLATE_NOOP("ReportsView", "By year (events)")))
MAX_BARS = 12


class ReportsView(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("reportsView")
        self.data: dict[str, list[Any]] = {}
        lay = QVBoxLayout(self)
        row = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setObjectName("reportSummary")
        row.addWidget(self.summary, 1)
        lay.addLayout(row)
        grid = QGridLayout()
        self.charts: dict[str, QChartView] = {}
        for i, (key, title) in enumerate(SECTIONS):
            view = QChartView()
            view.setObjectName(f"chart_{key}")
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(220)
            chart = QChart()
            chart.setTitle(self.tr(str(title)))
            view.setChart(chart)
            self.charts[key] = view
            grid.addWidget(view, i // 2, i % 2)
        lay.addLayout(grid, 1)
        self.passage_title = QLabel()
        self.passage_title.setObjectName("reportPassagesTitle")
        lay.addWidget(self.passage_title)
        self.passages = PassageTable()
        self.passages.setObjectName("reportPassages")
        lay.addWidget(self.passages, 1)
        self.shown_rows: dict[str, list[Any]] = {}  # section -> the rows drawn, bottom-up
        # No Refresh button: new tags, events and imports redraw the charts (ui.follow).
        self.follower = Follower(self, session, wants=lambda _c: True, reload=self.refresh)

    def enter(self) -> None:
        self.refresh()

    def load(self, _interview_id: str) -> None:  # pragma: no cover - not an interview tab
        self.refresh()

    def refresh(self) -> None:
        self.session.call(lambda v, _c, _p: search.report(v), on_done=self.show_report,
                          on_error=lambda e: self.summary.setText(message_for(e)),
                          name="report")

    def show_report(self, data: dict[str, list[Any]]) -> None:
        self.data = data
        lang = self.session.settings.ui_language
        total_tags = sum(r.tags for r in data.get("violation", []))
        total_events = sum(r.events for r in data.get("year", []))
        self.summary.setText(self.tr("%1 violation tags, %2 events across the vault.")
                             .replace("%1", str(total_tags)).replace("%2", str(total_events)))
        for key, title in SECTIONS:
            rows = sorted(data.get(key, []), key=lambda r: (-(r.tags + r.events), r.key))
            if key == "year":
                rows = sorted(data.get(key, []), key=lambda r: r.key)
            self._draw(self.charts[key], self.tr(str(title)), rows[:MAX_BARS], lang, key)

    def _draw(self, view: QChartView, title: str, rows: list[Any], lang: str,
              section: str = "") -> None:
        chart = QChart()
        chart.setTitle(title)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        if not rows:
            chart.setTitle(title + " — " + self.tr("nothing coded yet"))
            view.setChart(chart)
            return
        tags_set = QBarSet(self.tr("tags"))
        events_set = QBarSet(self.tr("events"))
        labels = []
        for r in reversed(rows):  # horizontal bars draw bottom-up
            tags_set.append(r.tags)
            events_set.append(r.events)
            label = r.label_ko if lang == "ko" and r.label_ko else r.label_en
            labels.append(label if len(label) <= 28 else label[:26] + "…")
        series = QHorizontalBarSeries()
        series.append(tags_set)
        series.append(events_set)
        # A bar opens the passages behind it.
        self.shown_rows[section] = list(reversed(rows))
        series.clicked.connect(lambda index, _set, s=section: self.open_bar(s, index))
        chart.addSeries(series)
        axis_y = QBarCategoryAxis()
        axis_y.append(labels)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_y)
        axis_x = QValueAxis()
        axis_x.setLabelFormat("%d")
        top = max(1, max(max(r.tags, r.events) for r in rows))
        axis_x.setRange(0, top)
        # Whole-number ticks: counts are integers.
        axis_x.setTickType(QValueAxis.TickType.TicksDynamic)
        axis_x.setTickAnchor(0)
        axis_x.setTickInterval(max(1, -(-top // 5)))
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_x)
        view.setChart(chart)

    def open_bar(self, section: str, index: int) -> None:
        """List the passages counted in bar ``index`` (bottom-up, as drawn) of ``section``."""
        rows = self.shown_rows.get(section, [])
        if not 0 <= index < len(rows):
            return
        row = rows[index]
        lang = self.session.settings.ui_language
        label = row.label_ko if lang == "ko" and row.label_ko else row.label_en

        def done(found: list[Passage]) -> None:
            self.passage_title.setText(self.tr("%1: %2 passages. Double-click one to hear it.")
                                       .replace("%1", label).replace("%2", str(len(found))))
            self.passages.show_rows([PassageRow(p.interview_id, p.interview_code, p.segment_id,
                                                p.layer, p.start_s, p.text) for p in found])

        self.session.call(lambda v, _c, _p: behind_report(v, section, row.key), on_done=done,
                          on_error=lambda e: self.summary.setText(message_for(e)),
                          name="report passages")

    def clear(self) -> None:
        self.data = {}
        self.shown_rows = {}
        self.passages.show_rows([])
        self.passage_title.clear()
        self.summary.clear()
        for key, title in SECTIONS:
            chart = QChart()
            chart.setTitle(self.tr(str(title)))
            self.charts[key].setChart(chart)
