"""Interview page: metadata and consent (scopes as checkboxes, withdrawal), plus tabs that the
recording, transcript, coding and translation views add themselves to.

The details form saves as you go: a field is saved when you leave it (Enter, Tab, a click
elsewhere), a choice as soon as it is made, through the same services, revisions and audit
entries as the command line. "Save" (Ctrl+S) saves everything at once. A value that cannot be
saved (a year like 19x5, a code that looks like a name) stays on screen with one sentence at the
top of the form; leaving the form then asks whether to discard it. Locking saves what can be
saved and never waits for an answer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDate,
    QDateTime,
    QEvent,
    QObject,
    QTime,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import codes
from app import interviews as interview_service
from app.changes import Change, Kind
from app.domain import CONSENT_HOW, CONSENT_SCOPES, INTERVIEW_STATUSES, Interview, Interviewee
from app.errors import AppError
from ui.errors import message_for
from ui.follow import Follower
from ui.labels import value_label
from ui.session import Session

# The consent scope descriptions of app.domain, marked for translation (same source text).
_SCOPE_TEXT = (QT_TRANSLATE_NOOP("DetailsForm", "keep in the organisation's archive"),
               QT_TRANSLATE_NOOP("DetailsForm", "share with UN bodies"),
               QT_TRANSLATE_NOOP("DetailsForm", "use in court proceedings"),
               QT_TRANSLATE_NOOP("DetailsForm", "publish (pseudonymised)"),
               QT_TRANSLATE_NOOP("DetailsForm", "the witness's name may be disclosed"))

# "Not recorded" is the minimum of a date picker (Qt shows the special text there).
_NO_DATE = QDate(1900, 1, 1)
_NO_DATETIME = QDateTime(_NO_DATE, QTime(0, 0))


def ask_discard(parent: QWidget, text: str) -> bool:
    """True if the user agrees to discard unsaved values (tests replace this)."""
    answer = QMessageBox.question(
        parent, QCoreApplication.translate("DetailsForm", "Unsaved changes"), text,
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel)
    return answer == QMessageBox.StandardButton.Discard


class _FocusOut(QObject):
    """Calls ``then`` when the watched widget loses the keyboard focus."""

    def __init__(self, widget: QWidget, then: Callable[[], object]) -> None:
        super().__init__(widget)
        self.then = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.FocusOut:
            self.then()
        return False


class DetailsForm(QWidget):
    """Metadata and consent of one interview, saved as you go."""

    changed = Signal()
    loaded = Signal(object)  # the Interview shown

    SECTIONS = ("code", "details", "person", "consent")

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.interview_id: str | None = None
        self.interview: Interview | None = None
        self.saved: dict[str, Any] = {}  # section -> values as last loaded or saved
        self.pending: dict[str, Any] = {}  # section -> values being saved on the worker
        self.pattern = ""  # the vault's code pattern, to check a new code before saving
        self._started_tz: dt.tzinfo | None = None  # a stored time's UTC offset is kept
        outer = QVBoxLayout(self)
        # The outcome of the last save sits above the form, where it is always visible.
        top = QHBoxLayout()
        self.message = QLabel()
        self.message.setObjectName("detailsMessage")
        self.message.setWordWrap(True)
        top.addWidget(self.message, 1)
        self.save_button = QPushButton(self.tr("Sav&e"))
        self.save_button.setObjectName("saveDetails")
        self.save_button.setToolTip(self.tr("Fields are saved when you leave them; this saves "
                                            "everything now (Ctrl+S)."))
        top.addWidget(self.save_button)
        outer.addLayout(top)
        # On the archive: why the details cannot be edited here (see ``_offer_for_place``).
        self.archive_note = QLabel(self.tr(
            "On the archive the interview's details and consent are the field laptop's, as its "
            "bundles delivered them; only a withdrawal of consent is recorded here."))
        self.archive_note.setObjectName("detailsArchiveNote")
        self.archive_note.setWordWrap(True)
        self.archive_note.setVisible(False)
        outer.addWidget(self.archive_note)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        lay = QVBoxLayout(body)
        scroll.setWidget(body)
        outer.addWidget(scroll)

        meta = QGroupBox(self.tr("Interview"))
        form = QFormLayout(meta)
        self.code = QLineEdit()
        self.code.setObjectName("interviewCode")
        self.code.setToolTip(self.tr("The pseudonym code; changing it renames the interview "
                                     "(recorded in the audit log)."))
        form.addRow(self.tr("Pseudonym &code:"), self.code)
        self.fields: dict[str, QLineEdit] = {}
        self.started_at = QDateTimeEdit()
        self.started_at.setObjectName("field_started_at")
        self.started_at.setCalendarPopup(True)
        self.started_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.started_at.setMinimumDateTime(_NO_DATETIME)
        self.started_at.setSpecialValueText(self.tr("not recorded"))
        self.started_at_note = QLabel()
        self.started_at_note.setObjectName("startedAtNote")
        self.started_at_note.setWordWrap(True)
        for key, label in (("interviewer", self.tr("&Interviewer:")),
                           ("interpreter", self.tr("Inter&preter:")),
                           ("started_at", self.tr("&Date and time:")),
                           ("timezone", self.tr("&Time zone:")),
                           ("place", self.tr("P&lace (general):")),
                           ("languages", self.tr("Lan&guages (comma separated):"))):
            if key == "started_at":
                box = QWidget()
                col = QVBoxLayout(box)
                col.setContentsMargins(0, 0, 0, 0)
                col.addWidget(self.started_at)
                col.addWidget(self.started_at_note)
                self.started_at_note.setVisible(False)
                form.addRow(label, box)
                caption = form.labelForField(box)
                if isinstance(caption, QLabel):
                    caption.setBuddy(self.started_at)
                continue
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
        self.given_on = QDateEdit()
        self.given_on.setObjectName("consentGivenOn")
        self.given_on.setCalendarPopup(True)
        self.given_on.setDisplayFormat("yyyy-MM-dd")
        self.given_on.setMinimumDate(_NO_DATE)
        self.given_on.setSpecialValueText(self.tr("not recorded"))
        cform.addRow(self.tr("Given &on:"), self.given_on)
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
        lay.addStretch(1)

        # Save as you go: each field when it is left, each choice when it is made.
        self.code.editingFinished.connect(lambda: self.save_sections(["code"]))
        for edit in self.fields.values():
            edit.editingFinished.connect(lambda: self.save_sections(["details"]))
        self.started_at.editingFinished.connect(lambda: self.save_sections(["details"]))
        self.status.activated.connect(lambda _i: self.save_sections(["details"]))
        _FocusOut(self.notes, lambda: self.save_sections(["details"]))
        for edit in self.person.values():
            edit.editingFinished.connect(lambda: self.save_sections(["person"]))
        for box in self.scopes.values():
            box.clicked.connect(lambda _c: self.save_sections(["consent"]))
        self.how.activated.connect(lambda _i: self.save_sections(["consent"]))
        self.given_on.editingFinished.connect(lambda: self.save_sections(["consent"]))
        self.save_button.clicked.connect(lambda: self.save_sections(list(self.SECTIONS)))
        QShortcut(QKeySequence.StandardKey.Save, self,  # type: ignore[call-overload]
                  activated=lambda: self.save_sections(list(self.SECTIONS)))
        self.withdraw_confirm.toggled.connect(self.withdraw_button.setEnabled)
        self.withdraw_button.clicked.connect(self.withdraw)
        session.about_to_lock.connect(lambda _r: self.save_sections(list(self.SECTIONS),
                                                                    quiet=True))

    # ------------------------------------------------------------------ loading
    def load(self, interview_id: str) -> None:
        self.interview_id = interview_id

        def work(v: Any, _c: Any, _p: Any) -> tuple[Interview, str]:
            return interview_service.get_interview(v, interview_id), codes.get_pattern(v)

        def done(result: tuple[Interview, str]) -> None:
            self.pattern = result[1]
            self.show_interview(result[0])

        self.session.call(work, on_done=done, name="load interview")

    def show_interview(self, iv: Interview) -> None:
        self.interview_id = iv.id
        self.interview = iv
        self.code.setText(iv.code)
        for key, edit in self.fields.items():
            value: Any = getattr(iv, key)
            edit.setText(", ".join(value) if isinstance(value, list) else (value or ""))
        self._show_started_at(iv.started_at)
        self.status.setCurrentIndex(max(0, self.status.findData(iv.status)))
        for key, edit in self.person.items():
            value = getattr(iv.interviewee, key)
            edit.setText("" if value is None else str(value))
        self.notes.setPlainText(iv.notes)
        for scope, box in self.scopes.items():
            box.setChecked(scope in iv.consent.scopes)
        self.how.setCurrentIndex(max(0, self.how.findData(iv.consent.how_given)))
        given = QDate.fromString(iv.consent.given_on or "", "yyyy-MM-dd")
        self.given_on.setDate(given if given.isValid() else _NO_DATE)
        withdrawn = iv.consent.withdrawn
        on_archive = self.session.is_archive
        self.withdrawn_label.setText(
            (self.tr("Consent withdrawn on %1: briefs leave this interview out.") if on_archive
             else self.tr("Consent withdrawn on %1: its testimony is left out of every "
                          "export and brief; supervisors who have it are told in the next "
                          "bundle."))
            .replace("%1", (iv.consent.withdrawn_at or "")[:10]) if withdrawn else "")
        for widget in (self.withdraw_note, self.withdraw_confirm, *self.scopes.values(),
                       self.how, self.given_on):
            widget.setEnabled(not withdrawn)
        self.withdraw_confirm.setChecked(False)
        self.withdraw_note.clear()
        self._offer_for_place()
        self.saved = {name: self._values(name) for name in self.SECTIONS}
        self.pending = {}
        self.loaded.emit(iv)

    def _show_started_at(self, stored: str | None) -> None:
        self.started_at_note.clear()
        self.started_at_note.setVisible(False)
        self._started_tz = None
        if not stored:
            self.started_at.setDateTime(_NO_DATETIME)
            return
        try:
            when = dt.datetime.fromisoformat(stored)
        except ValueError:
            self.started_at.setDateTime(_NO_DATETIME)
            self.started_at_note.setText(
                self.tr("Stored as text that is not a date: %1. Choose the date again.")
                .replace("%1", stored))
            self.started_at_note.setVisible(True)
            return
        self._started_tz = when.tzinfo
        self.started_at.setDateTime(QDateTime(QDate(when.year, when.month, when.day),
                                              QTime(when.hour, when.minute)))

    def clear(self) -> None:
        self.interview_id = None
        self.interview = None
        self.saved = {}
        self.pending = {}
        self.code.clear()
        for edit in self.fields.values():
            edit.clear()
        self.started_at.setDateTime(_NO_DATETIME)
        self.started_at_note.clear()
        self.started_at_note.setVisible(False)
        self.notes.clear()
        for edit in self.person.values():
            edit.clear()
        self.given_on.setDate(_NO_DATE)
        self.withdraw_note.clear()
        self.withdrawn_label.clear()
        self.message.clear()
        for box in self.scopes.values():
            box.setChecked(False)

    # ------------------------------------------------------------------ values
    def _started_at_value(self) -> str | None:
        if self.started_at.dateTime() == _NO_DATETIME:
            return None
        q = self.started_at.dateTime()
        d, t = q.date(), q.time()
        when = dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(),
                           tzinfo=self._started_tz)
        return when.isoformat()

    def _values(self, section: str) -> Any:
        if section == "code":
            return self.code.text().strip()
        if section == "details":
            values: dict[str, Any] = {k: (e.text().strip() or None)
                                      for k, e in self.fields.items()}
            values["languages"] = [x.strip() for x in (values["languages"] or "").split(",")
                                   if x.strip()]
            values["started_at"] = self._started_at_value()
            values["status"] = self.status.currentData()
            values["notes"] = self.notes.toPlainText()
            return values
        if section == "person":
            return {k: e.text().strip() for k, e in self.person.items()}
        date = self.given_on.date()
        return {"scopes": [s for s, box in self.scopes.items() if box.isChecked()],
                "how_given": self.how.currentData(),
                "given_on": None if date == _NO_DATE else date.toString("yyyy-MM-dd")}

    def unsaved(self) -> list[str]:
        """Sections whose values on screen differ from the vault's."""
        if self.interview_id is None or not self.saved:
            return []
        return [name for name in self.SECTIONS
                if self._values(name) not in (self.saved.get(name), self.pending.get(name))]

    # ------------------------------------------------------------------ saving
    def _person_details(self, values: dict[str, str]) -> Interviewee | str:
        years: dict[str, int | None] = {}
        for key in ("birth_year", "defection_year"):
            text = values[key]
            if text and not (text.isdigit() and 1900 <= int(text) <= 2100):
                return self.tr("A year must be four digits, like 1985; it was not saved.")
            years[key] = int(text) if text else None
        return Interviewee(birth_year=years["birth_year"],
                           home_province=values["home_province"] or None,
                           defection_year=years["defection_year"],
                           songbun_stated=values["songbun_stated"] or None)

    def _offer_for_place(self) -> None:
        """On the archive the details and consent are read, not edited: they come from the
        field laptop in bundles, which keep each record's chain of custody (as the command
        line's ``interview edit``/``consent`` are vault-only). A withdrawal stays offered: a
        witness may tell the office (PostgreSQL lets only a supervisor's account record it)."""
        archive = self.session.is_archive
        self.archive_note.setVisible(archive)
        for widget in (self.code, *self.fields.values(), self.started_at, self.status,
                       self.notes, *self.person.values(), self.save_button):
            widget.setEnabled(not archive)
        if archive:  # on a vault, consent stays editable unless withdrawn (``load``)
            for widget in (*self.scopes.values(), self.how, self.given_on):
                widget.setEnabled(False)

    def save_sections(self, sections: list[str], *, quiet: bool = False) -> list[str]:
        """Save every listed section whose values changed (one vault task each); returns the
        sentences saying why a section could not be saved (checked here, before any work)."""
        iid, role = self.interview_id, self.session.role
        problems: list[str] = []
        if iid is None or not self.session.is_unlocked or self.session.is_archive:
            return problems
        for section in sections:
            values = self._values(section)
            if values in (self.saved.get(section), self.pending.get(section)):
                continue
            work: Callable[[Any, Any, Any], Any]
            if section == "code":
                try:
                    code = codes.check_code(values, self.pattern)
                except AppError as exc:
                    problems.append(message_for(exc))
                    if not quiet:
                        self.message.setText(message_for(exc))
                    continue

                def work(v: Any, _c: Any, _p: Any, code: str = code) -> Any:
                    return interview_service.rename_interview(v, iid, code, role=role)
            elif section == "details":
                fields = dict(values)

                def work(v: Any, _c: Any, _p: Any, fields: dict[str, Any] = fields) -> Any:
                    return interview_service.update_interview(v, iid, role=role, **fields)
            elif section == "person":
                details = self._person_details(values)
                if isinstance(details, str):
                    problems.append(details)
                    if not quiet:
                        self.message.setText(details)
                    continue

                def work(v: Any, _c: Any, _p: Any, details: Interviewee = details) -> Any:
                    return interview_service.set_interviewee(v, iid, role=role, details=details)
            else:
                consent = dict(values)

                def work(v: Any, _c: Any, _p: Any, consent: dict[str, Any] = consent) -> Any:
                    return interview_service.set_consent(v, iid, role=role, **consent)
            self._save(section, values, work, quiet)
        return problems

    def _save(self, section: str, values: Any, work: Callable[[Any, Any, Any], Any],
              quiet: bool) -> None:
        iid = self.interview_id
        self.pending[section] = values

        def done(_r: Any) -> None:
            if self.interview_id != iid:
                return
            if self.pending.get(section) == values:
                del self.pending[section]
            self.saved[section] = values
            stamp = dt.datetime.now().strftime("%H:%M")
            self.message.setText(self.tr("Saved at %1.").replace("%1", stamp))
            if section == "code" and self.interview is not None:
                self.interview.code = values
                self.loaded.emit(self.interview)
            self.changed.emit()

        def failed(exc: BaseException) -> None:
            if self.interview_id != iid:
                return
            if self.pending.get(section) == values:
                del self.pending[section]
            if not quiet:
                self.message.setText(message_for(exc))

        self.session.call(work, on_done=done, on_error=failed, name="save interview")

    def leave(self) -> bool:
        """Before the form is left: save what can be saved; True if nothing unsaved remains
        or the user agreed to discard it (False: stay on the form)."""
        problems = self.save_sections(list(self.SECTIONS))
        if not problems:
            return True
        if ask_discard(self, self.tr("Some values on the Details page could not be saved: %1 "
                                     "Discard them?").replace("%1", " ".join(problems))):
            if self.interview is not None:
                self.show_interview(self.interview)
            return True
        return False

    def withdraw(self) -> None:
        iid, role = self.interview_id, self.session.role
        if iid is None or not self.withdraw_confirm.isChecked():
            return
        note = self.withdraw_note.text().strip()

        def done(_r: Any) -> None:
            self.message.setText(
                self.tr("Withdrawal recorded; briefs will leave the interview out.")
                if self.session.is_archive else
                self.tr("Withdrawal recorded: its testimony is left out of exports and "
                        "briefs, and the next bundle tells the supervisors who have it."))
            self.load(iid)
            self.changed.emit()

        self.session.call(lambda v, _c, _p: interview_service.withdraw_consent(
            v, iid, role=role, note=note), on_done=done,
            on_error=lambda e: self.message.setText(message_for(e)), name="withdraw consent")

    def follows(self, change: Change) -> bool:
        # Its own saves are already on screen (reloading would overwrite a field being
        # typed in); an import on the supervisor's side is shown.
        return change.kind is Kind.BUNDLE_IMPORTED

    def busy(self) -> bool:
        return bool(self.unsaved())


class InterviewPage(QWidget):
    """Tabs for one interview. Other views register with ``add_view``; each follows the open
    interview through the session's change signal (``ui.follow``): a view may define
    ``follows(change) -> bool`` and ``busy() -> bool``; by default it reloads on every change
    that concerns the open interview."""

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
        self.views: list[Any] = []
        self.followers: list[Follower] = []
        self._register(self.details)
        self._tab = 0
        self.tabs.currentChanged.connect(self._tab_changed)

    def _register(self, view: Any) -> None:
        self.views.append(view)
        follows = getattr(view, "follows", None)

        def wants(change: Change) -> bool:
            return change.concerns(self.interview_id) and (follows is None or follows(change))

        def reload() -> None:
            if self.interview_id is not None:
                # A view may reload less than ``load`` does (keeping a device choice).
                partial = getattr(view, "refresh_following", None)
                if partial is not None:
                    partial()
                else:
                    view.load(self.interview_id)

        self.followers.append(Follower(view, self.session, wants=wants, reload=reload,
                                       busy=getattr(view, "busy", None)))

    def add_view(self, widget: QWidget, title: str) -> None:
        """A view with ``load(interview_id)`` and ``clear()``."""
        self._register(widget)
        self.tabs.addTab(widget, title)

    def _tab_changed(self, index: int) -> None:
        if self._tab == 0 and index != 0 and not self.details.leave():
            self.tabs.blockSignals(True)
            self.tabs.setCurrentIndex(0)
            self.tabs.blockSignals(False)
            return
        self._tab = index

    def leave(self) -> bool:
        """True if the open interview may be left (nothing unsaved, or discarded)."""
        return self.interview_id is None or self.details.leave()

    def load(self, interview_id: str) -> None:
        self.interview_id = interview_id
        for follower in self.followers:
            follower.reset()
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
        self.tabs.blockSignals(True)
        self.tabs.setCurrentIndex(0)
        self.tabs.blockSignals(False)
        self._tab = 0
