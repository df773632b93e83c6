"""Export: choose interviews, recipients, profile and purpose; see what consent excludes;
progress and cancel; the result with the bundle's fingerprint (its manifest SHA-256)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

import app.bundles.export as bundle_export
import app.bundles.keys as keys
import app.bundles.receipts as receipts
from app import consent as consent_rule
from app.bundles.model import PROFILES, PURPOSES
from app.changes import TEXT_KINDS, Change, Kind
from app.overview import InterviewSummary, interview_summaries
from ui.errors import message_for
from ui.filedialogs import ask_path
from ui.labels import value_label
from ui.layout import set_buddy
from ui.session import Session

ID_ROLE = Qt.ItemDataRole.UserRole + 30


def default_bundle_name(day: dt.date) -> str:
    """A file name that says nothing about its contents: a border search of a USB stick should
    not find "testimony" in a name. Only the date, to tell handovers apart."""
    return f"{day.isoformat()}.bundle"


class ExportView(QWidget):
    changed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("exportView")
        self.summaries: list[InterviewSummary] = []
        self.task: Any = None
        lay = QHBoxLayout(self)
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("&Interviews to export")))
        self.interviews = QListWidget()
        self.interviews.setObjectName("exportInterviews")
        set_buddy(left, 0, self.interviews)
        left.addWidget(self.interviews, 1)
        left.addWidget(QLabel(self.tr("&Recipients (pinned supervisors)")))
        self.recipients = QListWidget()
        self.recipients.setObjectName("exportRecipients")
        set_buddy(left, 2, self.recipients)
        left.addWidget(self.recipients)
        self.pin_button = QPushButton(self.tr("&Pin a supervisor's public key..."))
        self.pin_button.setObjectName("pinSupervisor")
        left.addWidget(self.pin_button)
        after = QGroupBox(self.tr("After the supervisor has the bundle"))
        al = QVBoxLayout(after)
        self.receipt_button = QPushButton(self.tr("Apply the supervisor's &receipt..."))
        self.receipt_button.setObjectName("applyReceipt")
        al.addWidget(self.receipt_button)
        prow = QHBoxLayout()
        self.purge_confirm = QCheckBox(self.tr("I want to &delete acknowledged interviews "
                                               "from this laptop"))
        self.purge_confirm.setObjectName("purgeConfirm")
        self.purge_button = QPushButton(self.tr("Pur&ge"))
        self.purge_button.setObjectName("purgeButton")
        self.purge_button.setEnabled(False)
        prow.addWidget(self.purge_confirm, 1)
        prow.addWidget(self.purge_button)
        al.addLayout(prow)
        left.addWidget(after)
        lay.addLayout(left, 1)

        right = QVBoxLayout()
        form_box = QGroupBox(self.tr("Bundle"))
        form = QFormLayout(form_box)
        self.profile = QComboBox()
        self.profile.setObjectName("exportProfile")
        for p in PROFILES:
            self.profile.addItem(value_label(p), p)
        form.addRow(self.tr("Pro&file:"), self.profile)
        self.purpose = QComboBox()
        self.purpose.setObjectName("exportPurpose")
        for p in PURPOSES:
            self.purpose.addItem(value_label(p), p)
        form.addRow(self.tr("P&urpose:"), self.purpose)
        row = QHBoxLayout()
        self.out = QLineEdit()
        self.out.setObjectName("exportFile")
        browse = QPushButton(self.tr("&Browse..."))
        browse.setObjectName("exportBrowse")
        row.addWidget(self.out, 1)
        row.addWidget(browse)
        save_label = QLabel(self.tr("Save &to:"))
        save_label.setBuddy(self.out)  # a row layout gets no automatic buddy
        form.addRow(save_label, row)
        right.addWidget(form_box)
        self.exclusions = QLabel()
        self.exclusions.setObjectName("exportExclusions")
        self.exclusions.setWordWrap(True)
        right.addWidget(self.exclusions)
        row = QHBoxLayout()
        self.export_button = QPushButton(self.tr("&Export"))
        self.export_button.setObjectName("exportButton")
        self.cancel_button = QPushButton(self.tr("&Cancel"))
        self.cancel_button.setObjectName("exportCancel")
        self.cancel_button.setEnabled(False)
        row.addStretch(1)
        row.addWidget(self.export_button)
        row.addWidget(self.cancel_button)
        right.addLayout(row)
        self.progress = QProgressBar()
        self.progress.setObjectName("exportProgress")
        self.progress.setVisible(False)
        right.addWidget(self.progress)
        self.result = QLabel()
        self.result.setObjectName("exportResult")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                            | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        right.addWidget(self.result)
        right.addStretch(1)
        lay.addLayout(right, 1)

        self.purpose.currentIndexChanged.connect(lambda _i: self._update_exclusions())
        self.interviews.itemChanged.connect(lambda _i: self._update_exclusions())
        browse.clicked.connect(self.choose_file)
        self.export_button.clicked.connect(self.export)
        self.cancel_button.clicked.connect(self.cancel)
        self.pin_button.clicked.connect(self.choose_supervisor_key)
        self.receipt_button.clicked.connect(self.choose_receipt)
        self.purge_confirm.toggled.connect(self.purge_button.setEnabled)
        self.purge_button.clicked.connect(self.purge)

    # ------------------------------------------------------------------ data
    def enter(self) -> None:
        self.refresh()

    def follows(self, change: Change) -> bool:
        """New, renamed and deleted interviews, consent, exports and receipts."""
        return change.kind not in TEXT_KINDS or change.kind is Kind.BUNDLE_IMPORTED

    def refresh(self) -> None:
        def work(v: Any, _c: Any, _p: Any) -> tuple[list[InterviewSummary], list[dict[str, Any]]]:
            return interview_summaries(v), keys.list_keys(v)["supervisors"]

        self.session.call(work, on_done=self._show, name="export choices")

    def _show(self, result: tuple[list[InterviewSummary], list[dict[str, Any]]]) -> None:
        summaries, supervisors = result
        self.summaries = summaries
        checked = {self.interviews.item(i).data(ID_ROLE) for i in range(self.interviews.count())
                   if self.interviews.item(i).checkState() == Qt.CheckState.Checked}
        self.interviews.blockSignals(True)
        self.interviews.clear()
        for s in summaries:
            item = QListWidgetItem(s.code)
            item.setData(ID_ROLE, s.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if s.id in checked
                               else Qt.CheckState.Unchecked)
            self.interviews.addItem(item)
        self.interviews.blockSignals(False)
        unchecked = {self.recipients.item(i).data(ID_ROLE) for i in range(self.recipients.count())
                     if self.recipients.item(i).checkState() != Qt.CheckState.Checked}
        self.recipients.clear()
        for sup in supervisors:
            label = sup["label"] or self.tr("supervisor")
            item = QListWidgetItem(f"{label} — {sup['fingerprint']}")
            item.setData(ID_ROLE, sup["age_recipient"])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked if sup["age_recipient"] in unchecked
                               else Qt.CheckState.Checked)
            self.recipients.addItem(item)
        if not supervisors:
            self.result.setText(self.tr("No supervisor key is pinned yet: pin your supervisor's "
                                        "public key first (compare its fingerprint aloud)."))
        self._update_exclusions()

    def set_checked(self, codes: list[str]) -> None:
        for i in range(self.interviews.count()):
            item = self.interviews.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.text() in codes
                               else Qt.CheckState.Unchecked)

    def _checked(self) -> list[InterviewSummary]:
        ids = {self.interviews.item(i).data(ID_ROLE) for i in range(self.interviews.count())
               if self.interviews.item(i).checkState() == Qt.CheckState.Checked}
        return [s for s in self.summaries if s.id in ids]

    def _update_exclusions(self) -> None:
        purpose = self.purpose.currentData()
        checked = self._checked()
        lines = [f"{s.code}: {problem}" for s in checked
                 if (problem := self._consent_text(s, purpose)) is not None]
        if any(s.consent_withdrawn for s in checked):
            lines.append(self.tr("A supervisor who already has a withdrawn interview is sent "
                                 "its withdrawal (no testimony)."))
        self.exclusions.setText(
            (self.tr("Consent leaves these out (they will not be exported):") + "\n"
             + "\n".join(lines)) if lines else "")

    def _consent_text(self, s: InterviewSummary, purpose: str) -> str | None:
        """Why consent keeps ``s`` out, in the interface language (the purpose by its name)."""
        refused = consent_rule.refusal(s.consent_scopes, s.consent_withdrawn, purpose)
        if refused is None:
            return None
        if refused == "withdrawn":
            return self.tr("consent withdrawn")
        return self.tr("consent does not cover '%1'").replace("%1", value_label(purpose))

    def clear(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.task = None
        self.summaries = []
        self.interviews.clear()
        self.recipients.clear()
        self.result.clear()
        self.exclusions.clear()
        self.progress.setVisible(False)

    # ------------------------------------------------------------------ actions
    def choose_file(self) -> None:
        ask_path(self, self.tr("Save bundle as"), lambda p: self.out.setText(str(p)), save=True,
                 suggested_name=default_bundle_name(dt.date.today()))

    def choose_supervisor_key(self) -> None:
        ask_path(self, self.tr("Supervisor public key file"), self.pin_supervisor)

    def pin_supervisor(self, path: Path, label: str = "") -> None:
        role = self.session.role

        def work(v: Any, _c: Any, _p: Any) -> str:
            pub, _added = keys.trust_supervisor_file(v, path, role=role, label=label)
            return pub.fingerprint

        def done(fp: str) -> None:
            self.result.setText(self.tr("Supervisor pinned. Fingerprint: %1 — compare it with "
                                        "your supervisor.").replace("%1", fp))
            self.refresh()

        self.session.call(work, on_done=done,
                          on_error=lambda e: self.result.setText(message_for(e)),
                          name="pin supervisor")

    def choose_receipt(self) -> None:
        ask_path(self, self.tr("Supervisor's receipt"), self.apply_receipt)

    def apply_receipt(self, path: Path) -> None:
        """Check a supervisor's signed receipt and mark what it covers as safe to purge."""
        role = self.session.role

        def work(v: Any, _c: Any, _p: Any) -> Any:
            try:
                data = path.read_bytes()
            except OSError as exc:
                from app.errors import UsageError

                raise UsageError("receipt.unreadable_file", name=path.name) from exc
            return receipts.apply_receipt(v, data, role=role)

        def done(result: Any) -> None:
            self.result.setText(self.tr("Receipt accepted: the supervisor holds %1 interviews "
                                        "of this bundle; they may now be purged here.")
                                .replace("%1", str(len(result.acknowledged))))
            self.changed.emit()

        self.session.call(work, on_done=done,
                          on_error=lambda e: self.result.setText(message_for(e)),
                          name="apply receipt")

    def purge(self) -> None:
        """Delete the interviews a supervisor acknowledged (unless changed since)."""
        if not self.purge_confirm.isChecked():
            return
        role = self.session.role

        def done(result: Any) -> None:
            self.purge_confirm.setChecked(False)
            self.result.setText(self.tr("Purged %1 interviews; kept %2 that changed after their "
                                        "export.").replace("%1", str(len(result.purged)))
                                .replace("%2", str(len(result.kept))))
            self.refresh()
            self.changed.emit()

        self.session.call(lambda v, _c, _p: receipts.purge_acknowledged(v, role=role),
                          on_done=done, on_error=lambda e: self.result.setText(message_for(e)),
                          name="purge")

    def export(self) -> None:
        if self.task is not None:
            return
        purpose = self.purpose.currentData()
        chosen = self._checked()
        ids = [s.id for s in chosen]
        recipients = [self.recipients.item(i).data(ID_ROLE) for i in range(self.recipients.count())
                      if self.recipients.item(i).checkState() == Qt.CheckState.Checked]
        out_text = self.out.text().strip()
        if not chosen:
            self.result.setText(self.tr("Tick at least one interview to export."))
            return
        if not out_text:
            self.result.setText(self.tr("Choose where to save the bundle first."))
            return
        out = Path(out_text)
        role, profile = self.session.role, self.profile.currentData()

        def work(v: Any, cancel: Any, progress: Any) -> Any:
            pubs = [p for r in recipients if (p := keys.pinned_supervisor(v, r)) is not None]
            # The core decides what consent leaves out (and sends a withdrawal to the
            # supervisors who hold a withdrawn interview); the notes above say what and why.
            return bundle_export.export_bundle(v, ids, recipients=pubs, out=out, role=role,
                                               profile=profile, purpose=purpose,
                                               leave_out_refused=True, progress=progress,
                                               cancel=cancel)

        def finish() -> None:
            self.task = None
            self.progress.setVisible(False)
            self.export_button.setEnabled(True)
            self.cancel_button.setEnabled(False)

        def done(result: Any) -> None:
            finish()
            skipped = len(chosen) - len(result.interviews) - len(result.withdrawals)
            text = (
                self.tr("Bundle written: %1\nInterviews: %2 (left out by consent: %3)\n"
                        "Sequence number: %4\nFingerprint (manifest SHA-256): %5")
                .replace("%1", str(result.path)).replace("%2", str(len(result.interviews)))
                .replace("%3", str(skipped)).replace("%4", str(result.sequence))
                .replace("%5", result.manifest_sha256))
            if result.withdrawals:
                text += "\n" + self.tr(
                    "Withdrawals of consent sent (the recipients hold these interviews from "
                    "earlier bundles; no testimony was sent): %1").replace(
                        "%1", ", ".join(result.withdrawals))
            self.result.setText(text)
            self.changed.emit()

        def failed(exc: BaseException) -> None:
            finish()
            self.result.setText(message_for(exc))

        self.export_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setVisible(True)
        self.progress.setValue(0)
        self.result.setText(self.tr("Exporting..."))
        handle = self.session.call(
            work, on_done=done, on_error=failed,
            on_progress=lambda f, _l: self.progress.setValue(int(f * 100)), name="export")
        self.task = handle if handle is not None and not handle.finished else None

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
