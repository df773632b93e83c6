"""Supervisor: open a bundle, show the verification report (trusted signer or not, the chain,
every check), import it with a conflict summary, and write the signed receipt.

Pinning a bundle's signing device needs evidence from outside the bundle (anyone can make a key
and claim a device id): either the last group of the device fingerprint, which this screen
hides and the interviewer reads aloud from the laptop, or the laptop's public key file obtained
in person ('testimony device show'), which must match the bundle's signer exactly."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

import app.bundles.importer as importer
import app.bundles.keys as keys
import app.bundles.receipts as receipts
from app.bundles import supervisor_keys
from app.bundles.reader import Report
from crypto import minisign
from ui.errors import message_for, translate_error
from ui.filedialogs import ask_path
from ui.labels import table_label, value_label
from ui.session import Session

HIDDEN_GROUP = "????"


def masked(fingerprint: str) -> str:
    """The fingerprint without its last group, which must come from the interviewer's voice."""
    return fingerprint.rsplit(" ", 1)[0] + " " + HIDDEN_GROUP


class SupervisorView(QWidget):
    changed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("supervisorView")
        self.identity: Any = None  # the supervisor's secret key, in memory only while unlocked
        self.bundle: Path | None = None
        self.report: Any = None
        self.import_result: Any = None
        lay = QVBoxLayout(self)
        row = QHBoxLayout()
        self.key_label = QLabel(self.tr("No supervisor key loaded."))
        self.key_label.setObjectName("supervisorKeyLabel")
        self.key_label.setWordWrap(True)
        # The key lives in this vault; a key file is still accepted.
        self.create_key_button = QPushButton(self.tr("&Create a supervisor key in this vault"))
        self.create_key_button.setObjectName("createSupervisorKey")
        self.key_button = QPushButton(self.tr("Use a &key file instead..."))
        self.key_button.setObjectName("supervisorKey")
        self.save_pub_button = QPushButton(self.tr("Save the public key for interviewers..."))
        self.save_pub_button.setObjectName("saveSupervisorPublic")
        self.save_pub_button.setEnabled(False)
        row.addWidget(self.key_label, 1)
        for b in (self.create_key_button, self.key_button, self.save_pub_button):
            row.addWidget(b)
        lay.addLayout(row)
        row = QHBoxLayout()
        self.open_button = QPushButton(self.tr("&Open bundle..."))
        self.open_button.setObjectName("openBundle")
        self.pin_button = QPushButton(self.tr("&Pin the signing device..."))
        self.pin_button.setObjectName("pinDevice")
        self.pin_button.setEnabled(False)
        self.import_button = QPushButton(self.tr("&Import"))
        self.import_button.setObjectName("importBundle")
        self.import_button.setEnabled(False)
        self.receipt_button = QPushButton(self.tr("Write &receipt..."))
        self.receipt_button.setObjectName("writeReceipt")
        self.receipt_button.setEnabled(False)
        for b in (self.open_button, self.pin_button, self.import_button, self.receipt_button):
            row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)
        self.verdict = QLabel()
        self.verdict.setObjectName("verdict")
        self.verdict.setWordWrap(True)
        f = self.verdict.font()
        f.setBold(True)
        self.verdict.setFont(f)
        lay.addWidget(self.verdict)
        self.pin_panel = QWidget()
        self.pin_panel.setObjectName("pinPanel")
        pin_lay = QVBoxLayout(self.pin_panel)
        pin_lay.setContentsMargins(0, 0, 0, 0)
        self.pin_prompt = QLabel()
        self.pin_prompt.setObjectName("pinPrompt")
        self.pin_prompt.setWordWrap(True)
        pin_lay.addWidget(self.pin_prompt)
        row = QHBoxLayout()
        self.pin_group_label = QLabel(self.tr("&Last group, as read aloud:"))
        self.pin_group = QLineEdit()
        self.pin_group.setObjectName("pinLastGroup")
        self.pin_group.setMaxLength(9)
        self.pin_group_label.setBuddy(self.pin_group)
        self.pin_confirm = QPushButton(self.tr("&Confirm and pin"))
        self.pin_confirm.setObjectName("confirmPin")
        self.pin_confirm.setEnabled(False)
        self.pin_file_button = QPushButton(self.tr("Pin from a &key file obtained in person..."))
        self.pin_file_button.setObjectName("pinFromKeyFile")
        for w in (self.pin_group_label, self.pin_group, self.pin_confirm, self.pin_file_button):
            row.addWidget(w)
        row.addStretch(1)
        pin_lay.addLayout(row)
        self.pin_panel.setVisible(False)
        lay.addWidget(self.pin_panel)
        # The technical report (every file's SHA-256, chain, manifest) is folded away; the
        # verdict above says in one sentence what it means.
        self.details_toggle = QToolButton()
        self.details_toggle.setObjectName("showTechnicalDetails")
        self.details_toggle.setText(self.tr("Technical &details"))
        self.details_toggle.setCheckable(True)
        self.details_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.details_toggle.setArrowType(Qt.ArrowType.RightArrow)
        lay.addWidget(self.details_toggle)
        self.details = QPlainTextEdit()
        self.details.setObjectName("verificationReport")
        self.details.setReadOnly(True)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.details.setFont(mono)
        self.details.setVisible(False)
        lay.addWidget(self.details, 1)
        self.details_toggle.toggled.connect(self._fold_details)
        self.message = QLabel()
        self.message.setObjectName("supervisorMessage")
        self.message.setWordWrap(True)
        lay.addWidget(self.message)
        # While the details are folded this takes the spare height, so the text stays together.
        lay.addStretch(1)
        self._layout = lay

        self.key_button.clicked.connect(lambda: self._pick(self.tr("Supervisor key file"),
                                                           self.load_identity))
        self.create_key_button.clicked.connect(self.create_key)
        self.save_pub_button.clicked.connect(
            lambda: ask_path(self, self.tr("Save supervisor public key as"), self.save_public,
                             save=True, suggested_name="supervisor.pub"))
        self.open_button.clicked.connect(lambda: self._pick(self.tr("Open bundle"),
                                                            self.open_bundle))
        self.pin_button.clicked.connect(self.show_pin_panel)
        self.pin_group.textChanged.connect(
            lambda t: self.pin_confirm.setEnabled(len(t.strip()) >= len(HIDDEN_GROUP)))
        self.pin_group.returnPressed.connect(self.pin_confirm.click)
        self.pin_confirm.clicked.connect(lambda: self.pin_device(self.pin_group.text()))
        self.pin_file_button.clicked.connect(
            lambda: self._pick(self.tr("Device key file (from 'testimony device show')"),
                               self.pin_from_key_file))
        self.import_button.clicked.connect(self.import_bundle)
        self.receipt_button.clicked.connect(self.choose_receipt_file)

    def _pick(self, title: str, then: Any, save: bool = False) -> None:
        ask_path(self, title, then, save=save)

    def _fold_details(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self._layout.setStretch(self._layout.count() - 1, 0 if shown else 1)
        self.details_toggle.setArrowType(Qt.ArrowType.DownArrow if shown
                                         else Qt.ArrowType.RightArrow)

    def enter(self) -> None:
        """After unlocking: use the supervisor key kept in this vault, if there is one. The
        archive keeps no private keys: there the supervisor loads their key file."""
        if self.session.is_archive:
            self.create_key_button.setEnabled(False)
            self.create_key_button.setToolTip(self.tr(
                "The archive keeps no private keys; use your supervisor key file."))
            if self.identity is None:
                self.key_label.setText(self.tr(
                    "On the archive, load your supervisor key from its key file."))
            return
        self.create_key_button.setToolTip("")

        def done(held: list[Any]) -> None:
            if len(held) == 1 and self.identity is None:
                self._use_identity(held[0].identity, in_vault=True)
            elif not held:
                self.key_label.setText(self.tr(
                    "This vault holds no supervisor key yet. Create one here (it stays inside "
                    "the vault), or use a key file."))

        self.session.call(lambda v, _c, _p: supervisor_keys.held_keys(v), on_done=done,
                          on_error=lambda e: self.message.setText(message_for(e)),
                          name="supervisor keys")

    def _use_identity(self, identity: Any, *, in_vault: bool) -> None:
        self.identity = identity
        fp = identity.public.fingerprint
        self.key_label.setText(
            self.tr("Supervisor key kept in this vault: %1").replace("%1", fp) if in_vault
            else self.tr("Supervisor key loaded: %1").replace("%1", fp))
        self.create_key_button.setEnabled(not in_vault and not self.session.is_archive)
        self.save_pub_button.setEnabled(True)
        if self.bundle is not None:
            self.open_bundle(self.bundle)

    def create_key(self) -> None:
        role = self.session.role

        def done(held: Any) -> None:
            self._use_identity(held.identity, in_vault=True)
            self.message.setText(self.tr(
                "Supervisor key created inside this vault. Save its public key for the "
                "interviewers, and read its fingerprint aloud to them when they pin it."))

        self.session.call(lambda v, _c, _p: supervisor_keys.create_in_vault(v, role=role),
                          on_done=done, on_error=lambda e: self.message.setText(message_for(e)),
                          name="create supervisor key")

    def save_public(self, path: Path) -> None:
        if self.identity is None:
            return
        try:
            supervisor_keys.write_new_file(path, self.identity.public.text().encode("ascii"),
                                           0o644)
        except Exception as exc:  # noqa: BLE001 - one sentence
            self.message.setText(message_for(exc))
            return
        self.message.setText(self.tr("Public key saved to %1; give it to the interviewers.")
                             .replace("%1", str(path)))

    def clear(self) -> None:
        self.identity = None
        self.create_key_button.setEnabled(True)
        self.save_pub_button.setEnabled(False)
        self.details_toggle.setChecked(False)
        self.bundle = None
        self.report = None
        self.import_result = None
        self.key_label.setText(self.tr("No supervisor key loaded."))
        self.details.clear()
        self.verdict.clear()
        self.message.clear()
        self._hide_pin_panel()
        for b in (self.pin_button, self.import_button, self.receipt_button):
            b.setEnabled(False)

    # ------------------------------------------------------------------ steps
    def load_identity(self, path: Path) -> None:
        def done(identity: Any) -> None:
            self._use_identity(identity, in_vault=False)

        self.session.runner.run_task(lambda _c, _p: keys.load_identity(path), on_done=done,
                                     on_error=lambda e: self.message.setText(message_for(e)),
                                     name="load key")

    def open_bundle(self, path: Path) -> None:
        """Verify completely (never writes): first on its own, then against this vault."""
        self.bundle = path
        self.import_result = None
        identity = self.identity

        def work(v: Any, _c: Any, _p: Any) -> tuple[Any, Any, bool]:
            alone = importer.verify_bundle(path, identity)
            pinned = keys.pinned_device_key(v, alone.manifest.device.device_id) is not None
            try:
                return alone, importer.verify_bundle(path, identity, vault=v), pinned
            except Exception as exc:  # noqa: BLE001 - shown with the standalone report
                return alone, exc, pinned

        def done(result: tuple[Any, Any, bool]) -> None:
            alone, against_vault, pinned = result
            self.pin_button.setEnabled(not pinned)
            self.receipt_button.setEnabled(False)
            self._hide_pin_panel()
            if isinstance(against_vault, BaseException):
                self.report = None
                self.import_button.setEnabled(False)
                # An unpinned signer's last fingerprint group stays hidden: it must come from
                # the interviewer, read aloud, to confirm pinning.
                fp = alone.manifest.device.fingerprint

                def hide(text: str) -> str:
                    return text if pinned else text.replace(fp, masked(fp))

                self._verdict(False, hide(message_for(against_vault)))
                self.details.setPlainText(hide(self._report_text(alone)))
                return
            self.report = against_vault
            self.import_button.setEnabled(self.identity is not None)
            text, suspicious = self._summary(against_vault)
            self._verdict(True, text, warn=suspicious)
            self.details.setPlainText(self._report_text(against_vault))

        def failed(exc: BaseException) -> None:
            self.report = None
            self.import_button.setEnabled(False)
            self.pin_button.setEnabled(False)
            self._verdict(False, message_for(exc))
            self.details.clear()

        self.message.clear()
        self.session.call(work, on_done=done, on_error=failed, name="verify bundle")

    def _summary(self, report: Any) -> tuple[str, bool]:
        """One sentence a supervisor can act on; the technical report is folded below. A bundle
        whose place in its laptop's chain is suspicious (one of two bundles was not made by the
        trusted laptop) is never called verified: its signature and contents check out, its
        origin does not. Returns the sentence and whether the bundle is suspicious."""
        codes = [i.code for i in report.manifest.body.interviews]
        held = self._count("interview", len(codes))
        if any(importer.is_suspicious(w) for w in report.warnings):
            return (self.tr("Suspicious: the signature is valid and nothing in it was changed on "
                            "the way, but its place among this laptop's bundles does not fit "
                            "(the warning below says how). It holds %1 (%2). Report it, and ask "
                            "the interviewer before relying on it.")
                    .replace("%1", held).replace("%2", ", ".join(codes))), True
        text = (self.tr("Verified: this bundle comes from a laptop you pinned, nothing in it was "
                        "changed on the way, and it holds %1 (%2).")
                .replace("%1", held).replace("%2", ", ".join(codes)))
        if report.warnings:
            text += " " + self.tr("Read the warning below before importing it.")
        return text, False

    def _report_text(self, report: Report) -> str:
        """The technical report folded under the verdict: every check, in the interface
        language (the values themselves - ids, fingerprints - as found; the chain and the
        warnings are the core's messages, translated like its errors)."""
        m = report.manifest.body
        device = report.manifest.device
        trust = {"vault": self.tr("pinned in this vault"),
                 "signer": self.tr("matches the device's public key file")}.get(
            report.anchor or "",
            self.tr("origin NOT checked against this vault (anyone can make a key and claim "
                    "this device id)"))
        recipients = ("; ".join(f"{r.fingerprint or '?'} ({r.age_recipient})"
                                for r in m.recipients)
                      if report.encrypted else self.tr("nobody (the bundle is not encrypted)"))
        out = [
            self.tr("Bundle %1 (%2 profile, purpose %3)").replace("%1", m.bundle_id)
            .replace("%2", value_label(m.profile)).replace("%3", value_label(m.purpose)),
            self.tr("Signed by device %1").replace("%1", m.device.id),
            "  " + self.tr("fingerprint %1: %2").replace("%1", device.fingerprint)
            .replace("%2", trust),
            "  " + self.tr("signature: valid (minisign, key id %1)")
            .replace("%1", minisign.key_id_hex(device.public_key)),
            self.tr("Created %1 by app %2").replace("%1", m.created_at)
            .replace("%2", m.app_version or "?"),
            self.tr("Sequence %1; previous manifest %2").replace("%1", str(m.sequence))
            .replace("%2", m.previous_manifest_sha256 or self.tr("none (the first bundle)")),
            self.tr("Chain: %1").replace("%1", report.chain.render(translate_error)
                                         if report.chain is not None
                                         else self.tr("not checked")),
            self.tr("Encrypted to: %1").replace("%1", recipients),
            self.tr("Trusted comment: %1").replace("%1", report.manifest.trusted_comment),
            self.tr("Interviews: %1").replace("%1", ", ".join(i.code for i in m.interviews)),
        ]
        if m.redaction_count:
            out.append(self.tr("Redactions: %1 spans replaced")
                       .replace("%1", str(m.redaction_count)))
        out.append(self.tr("Files (%1), each SHA-256 verified:").replace("%1",
                                                                        str(len(report.files))))
        out += [f"  {f.sha256}  {f.size:>12}  {f.name}" for f in report.files]
        out += [self.tr("Warning: %1").replace("%1", w.render(translate_error))
                for w in report.warnings]
        return "\n".join(out)

    def _count(self, what: str, n: int) -> str:
        # Whole phrases (not "%n interview(s)"), so English needs no plural-forms file.
        one, many = {
            "interview": (self.tr("1 interview"), self.tr("%1 interviews")),
            "segment": (self.tr("1 passage"), self.tr("%1 passages")),
            "audio_asset": (self.tr("1 recording"), self.tr("%1 recordings")),
            "marker": (self.tr("1 marker"), self.tr("%1 markers")),
            "tag": (self.tr("1 tag"), self.tr("%1 tags")),
            "conflict": (self.tr("1 conflict kept for review."),
                         self.tr("%1 conflicts kept for review.")),
        }[what]
        return one if n == 1 else many.replace("%1", str(n))

    def _in_words(self, by_table: dict[str, int]) -> str:
        """What an import brought, as people say it (cli.bundle_report does the same for the CLI)."""
        parts = [self._count(t, by_table.get(t, 0)) for t in ("interview", "segment",
                                                             "audio_asset")]
        parts += [self._count(t, by_table[t]) for t in ("marker", "tag") if by_table.get(t)]
        return ", ".join(parts)

    def _verdict(self, ok: bool, text: str, *, warn: bool = False) -> None:
        """Green for verified, amber for verified but suspicious, red for not accepted."""
        self.verdict.setStyleSheet("color: #a31515;" if not ok else
                                   "color: #8a4b00;" if warn else "color: #185c18;")
        self.verdict.setText(text if ok else self.tr("Not accepted: %1").replace("%1", text))

    def _hide_pin_panel(self) -> None:
        self.pin_panel.setVisible(False)
        self.pin_group.clear()
        self.pin_prompt.clear()

    def show_pin_panel(self) -> None:
        """Ask for the evidence pinning needs; nothing is pinned from the bundle alone."""
        path, identity = self.bundle, self.identity
        if path is None:
            return

        def done(report: Any) -> None:
            dev = report.manifest.device
            self.pin_prompt.setText(self.tr(
                "Before pinning, call the interviewer and ask them to read aloud their laptop's "
                "device fingerprint ('testimony device show' on the laptop). This bundle was "
                "signed by device %1 with the fingerprint %2. If every group they read matches, "
                "type the last group, which only they can tell you. Or pin from the key file "
                "the laptop printed, handed to you in person.")
                .replace("%1", dev.device_id).replace("%2", masked(dev.fingerprint)))
            self.pin_group.clear()
            self.pin_panel.setVisible(True)
            self.pin_group.setFocus()

        self.session.runner.run_task(lambda _c, _p: importer.verify_bundle(path, identity),
                                     on_done=done,
                                     on_error=lambda e: self.message.setText(message_for(e)),
                                     name="read signer")

    def pin_device(self, last_group: str) -> None:
        """Pin the bundle's signer if ``last_group`` (read aloud by the interviewer) is the last
        group of its fingerprint."""
        path, identity, role = self.bundle, self.identity, self.session.role
        if path is None:
            return
        typed = "".join(last_group.split()).upper()

        def work(v: Any, _c: Any, _p: Any) -> str | None:
            report = importer.verify_bundle(path, identity)  # the signer as it is now
            if report.manifest.device.fingerprint.rsplit(" ", 1)[-1] != typed:
                return None
            keys.trust_device(v, report.manifest.device, role=role)
            return str(report.manifest.device.fingerprint)

        def done(fp: str | None) -> None:
            if fp is None:
                self.pin_group.clear()
                self.message.setText(self.tr(
                    "The group you typed is not the last group of this bundle's key, so nothing "
                    "was pinned: check it with the interviewer, and if it still differs, do not "
                    "trust this bundle (it may not come from their laptop)."))
                return
            self.message.setText(self.tr("Device %1 pinned.").replace("%1", fp))
            self.open_bundle(path)

        self.session.call(work, on_done=done,
                          on_error=lambda e: self.message.setText(message_for(e)),
                          name="pin device")

    def pin_from_key_file(self, key_file: Path) -> None:
        """Pin the signer from the laptop's public key file, obtained in person; it must be
        exactly the bundle's signer (same device id and key)."""
        path, identity, role = self.bundle, self.identity, self.session.role
        if path is None:
            return

        def work(v: Any, _c: Any, _p: Any) -> str | None:
            dev = keys.parse_device_public(keys.read_key_file(key_file, "device public key file"))
            signer = importer.verify_bundle(path, identity).manifest.device
            if (dev.device_id, dev.public_key) != (signer.device_id, signer.public_key):
                return None
            keys.trust_device(v, dev, role=role)
            return str(dev.fingerprint)

        def done(fp: str | None) -> None:
            if fp is None:
                self.message.setText(self.tr(
                    "That key file is not the key that signed this bundle, so nothing was "
                    "pinned: do not trust this bundle unless the interviewer confirms in person "
                    "which key their laptop has."))
                return
            self.message.setText(self.tr("Device %1 pinned.").replace("%1", fp))
            self.open_bundle(path)

        self.session.call(work, on_done=done,
                          on_error=lambda e: self.message.setText(message_for(e)),
                          name="pin device")

    def import_bundle(self) -> None:
        path, identity, role = self.bundle, self.identity, self.session.role
        if path is None or identity is None:
            self.message.setText(self.tr("Load the supervisor key and open a bundle first."))
            return

        def done(result: Any) -> None:
            self.import_result = result
            self.receipt_button.setEnabled(True)
            self.import_button.setEnabled(False)
            if result.replay:
                text = self.tr("This bundle was already imported; nothing changed. You can "
                               "write its receipt again.")
            else:
                text = self.tr("Imported: %1.").replace(
                    "%1", self._in_words(result.inserted_by_table))
                if result.conflicts:
                    text += " " + self._count("conflict", len(result.conflicts))
                for table, key in result.conflicts[:20]:
                    text += "\n  " + (self.tr("conflict: %1 %2").replace("%1", table_label(table))
                                      .replace("%2", key))
            codes = {i.id: i.code for i in result.manifest.body.interviews}
            if result.withdrawn:
                text += "\n" + self.tr(
                    "Consent withdrawn, as the laptop recorded it; briefs leave these out: %1"
                ).replace("%1", ", ".join(codes.get(i, i) for i in result.withdrawn))
            if result.conflicted_interviews:
                text += "\n" + self.tr(
                    "Left out of the receipt until their conflicts are reconciled (the laptop "
                    "keeps them): %1").replace(
                        "%1", ", ".join(codes.get(i, i) for i in result.conflicted_interviews))
            for w in result.warnings:
                text += "\n" + self.tr("Warning: %1").replace("%1", w.render(translate_error))
            self.message.setText(text)
            self.changed.emit()

        self.session.call(lambda v, c, _p: importer.import_bundle(v, path, identity, role=role,
                                                                  cancel=c),
                          on_done=done, on_error=lambda e: self.message.setText(message_for(e)),
                          name="import bundle")

    def choose_receipt_file(self) -> None:
        self._pick(self.tr("Save receipt as"), self.write_receipt, save=True)

    def write_receipt(self, out: Path) -> None:
        identity, result = self.identity, self.import_result
        if identity is None or result is None:
            return

        def work(_c: Any, _p: Any) -> Path:
            # encrypted to the laptop, owner-only, and never over another file
            return receipts.write_receipt(out, identity, result)

        self.session.runner.run_task(
            work, on_done=lambda p: self.message.setText(
                self.tr("Receipt written to %1; give it to the interviewer.").replace(
                    "%1", str(p))),
            on_error=lambda e: self.message.setText(message_for(e)), name="write receipt")
