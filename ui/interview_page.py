"""Interview page: metadata and consent (scopes as checkboxes, withdrawal), plus tabs that the
recording, transcript, coding and translation views add themselves to."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import interviews as interview_service
from app.domain import CONSENT_HOW, CONSENT_SCOPES, INTERVIEW_STATUSES, Interview, Interviewee
from ui.errors import message_for
from ui.labels import value_label
from ui.session import Session

# The consent scope descriptions of app.domain, marked for translation (same source text).
_SCOPE_TEXT = (QT_TRANSLATE_NOOP("DetailsForm", "keep in the organisation's archive"),
               QT_TRANSLATE_NOOP("DetailsForm", "share with UN bodies"),
               QT_TRANSLATE_NOOP("DetailsForm", "use in court proceedings"),
               QT_TRANSLATE_NOOP("DetailsForm", "publish (pseudonymised)"),
               QT_TRANSLATE_NOOP("DetailsForm", "the witness's name may be disclosed"))


class DetailsForm(QWidget):
    """Metadata and consent of one interview."""

    changed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.interview_id: str | None = None
        outer = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        lay = QVBoxLayout(body)
        scroll.setWidget(body)
        outer.addWidget(scroll)

        meta = QGroupBox(self.tr("Interview"))
        form = QFormLayout(meta)
        self.code = QLabel()
        self.code.setObjectName("interviewCode")
        form.addRow(self.tr("Code:"), self.code)
        self.fields: dict[str, QLineEdit] = {}
        for key, label in (("interviewer", self.tr("&Interviewer:")),
                           ("interpreter", self.tr("Inter&preter:")),
                           ("started_at", self.tr("&Date and time:")),
                           ("timezone", self.tr("&Time zone:")),
                           ("place", self.tr("P&lace (general):")),
                           ("languages", self.tr("Lan&guages (comma separated):"))):
            edit = QLineEdit()
            edit.setObjectName(f"field_{key}")
            self.fields[key] = edit
            form.addRow(label, edit)
        self.status = QComboBox()
        self.status.setObjectName("statusCombo")
        for st in INTERVIEW_STATUSES:
            self.status.addItem(value_label(st), st)
        form.addRow(self.tr("&Status:"), self.status)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(90)
        form.addRow(self.tr("&Notes:"), self.notes)
        self.save_button = QPushButton(self.tr("Sa&ve details"))
        self.save_button.setObjectName("saveDetails")
        form.addRow("", self.save_button)
        lay.addWidget(meta)

        person = QGroupBox(self.tr("Witness (sensitive: never in 'share' exports)"))
        pform = QFormLayout(person)
        self.person: dict[str, QLineEdit] = {}
        for key, label in (("birth_year", self.tr("&Birth year:")),
                           ("home_province", self.tr("Home pro&vince:")),
                           ("defection_year", self.tr("&Year left North Korea:")),
                           ("songbun_stated", self.tr("Songbun as &stated:"))):
            edit = QLineEdit()
            edit.setObjectName(f"person_{key}")
            self.person[key] = edit
            pform.addRow(label, edit)
        self.save_person_button = QPushButton(self.tr("Save &witness details"))
        self.save_person_button.setObjectName("savePerson")
        pform.addRow("", self.save_person_button)
        lay.addWidget(person)

        consent = QGroupBox(self.tr("Consent"))
        cform = QFormLayout(consent)
        self.scopes: dict[str, QCheckBox] = {}
        for scope, text in CONSENT_SCOPES.items():
            box = QCheckBox(f"{value_label(scope)}: {self.tr(text)}")
            box.setObjectName(f"scope_{scope}")
            self.scopes[scope] = box
            cform.addRow("", box)
        self.how = QComboBox()
        self.how.setObjectName("consentHow")
        self.how.addItem(self.tr("(not recorded)"), None)
        for how in CONSENT_HOW:
            self.how.addItem(value_label(how), how)
        cform.addRow(self.tr("Given &as:"), self.how)
        self.given_on = QLineEdit()
        self.given_on.setObjectName("consentGivenOn")
        self.given_on.setPlaceholderText("2026-11-28")
        cform.addRow(self.tr("Given &on:"), self.given_on)
        self.save_consent_button = QPushButton(self.tr("Save &consent"))
        self.save_consent_button.setObjectName("saveConsent")
        cform.addRow("", self.save_consent_button)
        self.withdrawn_label = QLabel()
        self.withdrawn_label.setObjectName("withdrawnLabel")
        self.withdrawn_label.setStyleSheet("color: #a33; font-weight: bold;")
        cform.addRow("", self.withdrawn_label)
        wrow = QHBoxLayout()
        self.withdraw_note = QLineEdit()
        self.withdraw_note.setObjectName("withdrawNote")
        self.withdraw_note.setPlaceholderText(self.tr("How and when the witness withdrew"))
        self.withdraw_confirm = QCheckBox(self.tr("The witness &withdrew consent"))
        self.withdraw_confirm.setObjectName("withdrawConfirm")
        self.withdraw_button = QPushButton(self.tr("Record &withdrawal"))
        self.withdraw_button.setObjectName("withdrawButton")
        self.withdraw_button.setEnabled(False)
        wrow.addWidget(self.withdraw_note, 1)
        wrow.addWidget(self.withdraw_confirm)
        wrow.addWidget(self.withdraw_button)
        cform.addRow(self.tr("Withdrawal:"), wrow)
        lay.addWidget(consent)
        self.message = QLabel()
        self.message.setObjectName("detailsMessage")
        self.message.setWordWrap(True)
        lay.addWidget(self.message)
        lay.addStretch(1)

        self.save_button.clicked.connect(self.save_details)
        self.save_consent_button.clicked.connect(self.save_consent)
        self.save_person_button.clicked.connect(self.save_person)
        self.withdraw_confirm.toggled.connect(self.withdraw_button.setEnabled)
        self.withdraw_button.clicked.connect(self.withdraw)

    def load(self, interview_id: str) -> None:
        self.interview_id = interview_id
        self.session.call(lambda v, _c, _p: interview_service.get_interview(v, interview_id),
                          on_done=self.show_interview, name="load interview")

    def show_interview(self, iv: Interview) -> None:
        self.interview_id = iv.id
        self.code.setText(iv.code)
        for key, edit in self.fields.items():
            value: Any = getattr(iv, key)
            edit.setText(", ".join(value) if isinstance(value, list) else (value or ""))
        self.status.setCurrentIndex(max(0, self.status.findData(iv.status)))
        for key, edit in self.person.items():
            value = getattr(iv.interviewee, key)
            edit.setText("" if value is None else str(value))
        self.notes.setPlainText(iv.notes)
        for scope, box in self.scopes.items():
            box.setChecked(scope in iv.consent.scopes)
        self.how.setCurrentIndex(max(0, self.how.findData(iv.consent.how_given)))
        self.given_on.setText(iv.consent.given_on or "")
        withdrawn = iv.consent.withdrawn
        self.withdrawn_label.setText(
            self.tr("Consent withdrawn on %1: this interview is excluded from every export.")
            .replace("%1", (iv.consent.withdrawn_at or "")[:10]) if withdrawn else "")
        for widget in (self.withdraw_note, self.withdraw_confirm, *self.scopes.values(),
                       self.save_consent_button):
            widget.setEnabled(not withdrawn)
        self.withdraw_confirm.setChecked(False)
        self.withdraw_note.clear()

    def clear(self) -> None:
        self.interview_id = None
        self.code.clear()
        for edit in self.fields.values():
            edit.clear()
        self.notes.clear()
        for edit in self.person.values():
            edit.clear()
        self.given_on.clear()
        self.withdraw_note.clear()
        self.withdrawn_label.clear()
        self.message.clear()
        for box in self.scopes.values():
            box.setChecked(False)

    def _run(self, fn: Any, done_text: str) -> None:
        def done(_r: Any) -> None:
            self.message.setText(done_text)
            if self.interview_id:
                self.load(self.interview_id)
            self.changed.emit()

        self.session.call(fn, on_done=done,
                          on_error=lambda e: self.message.setText(message_for(e)),
                          name="save interview")

    def save_details(self) -> None:
        iid, role = self.interview_id, self.session.role
        if iid is None:
            return
        values: dict[str, Any] = {k: (e.text().strip() or None) for k, e in self.fields.items()}
        values["languages"] = [x.strip() for x in (values["languages"] or "").split(",")
                               if x.strip()]
        values["status"] = self.status.currentData()
        values["notes"] = self.notes.toPlainText()
        self._run(lambda v, _c, _p: interview_service.update_interview(v, iid, role=role,
                                                                        **values),
                  self.tr("Details saved."))

    def save_person(self) -> None:
        iid, role = self.interview_id, self.session.role
        if iid is None:
            return
        years: dict[str, int | None] = {}
        for key in ("birth_year", "defection_year"):
            text = self.person[key].text().strip()
            if text and not (text.isdigit() and 1900 <= int(text) <= 2100):
                self.message.setText(self.tr("A year must be four digits, like 1985; nothing "
                                             "was saved."))
                return
            years[key] = int(text) if text else None
        details = Interviewee(birth_year=years["birth_year"],
                              home_province=self.person["home_province"].text().strip() or None,
                              defection_year=years["defection_year"],
                              songbun_stated=self.person["songbun_stated"].text().strip() or None)
        self._run(lambda v, _c, _p: interview_service.set_interviewee(v, iid, role=role,
                                                                      details=details),
                  self.tr("Witness details saved."))

    def save_consent(self) -> None:
        iid, role = self.interview_id, self.session.role
        if iid is None:
            return
        scopes = [s for s, box in self.scopes.items() if box.isChecked()]
        how = self.how.currentData()
        given_on = self.given_on.text().strip() or None
        self._run(lambda v, _c, _p: interview_service.set_consent(
            v, iid, role=role, scopes=scopes, how_given=how, given_on=given_on),
            self.tr("Consent saved."))

    def withdraw(self) -> None:
        iid, role = self.interview_id, self.session.role
        if iid is None or not self.withdraw_confirm.isChecked():
            return
        note = self.withdraw_note.text().strip()
        self._run(lambda v, _c, _p: interview_service.withdraw_consent(v, iid, role=role,
                                                                       note=note),
                  self.tr("Withdrawal recorded; the interview will be left out of exports."))


class InterviewPage(QWidget):
    """Tabs for one interview. Other views register with ``add_view``."""

    changed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("interviewPage")
        self.interview_id: str | None = None
        lay = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("interviewTabs")
        self.details = DetailsForm(session)
        self.details.changed.connect(self.changed)
        self.tabs.addTab(self.details, self.tr("&Details and consent"))
        lay.addWidget(self.tabs)
        self.views: list[Any] = [self.details]

    def add_view(self, widget: QWidget, title: str) -> None:
        """A view with ``load(interview_id)`` and ``clear()``."""
        self.views.append(widget)
        self.tabs.addTab(widget, title)

    def load(self, interview_id: str) -> None:
        self.interview_id = interview_id
        for view in self.views:
            view.load(interview_id)

    def show_passage(self, segment_id: str | None, layer: str, seconds: float) -> None:
        """Bring the transcript view of ``layer`` forward at a passage (see TranscriptView.goto)."""
        for view in self.views:
            if getattr(view, "layer", None) == layer and hasattr(view, "goto"):
                self.tabs.setCurrentWidget(view)
                view.goto(segment_id, seconds)
                return

    def clear(self) -> None:
        self.interview_id = None
        for view in self.views:
            view.clear()
        self.tabs.setCurrentIndex(0)
