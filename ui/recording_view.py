"""Recording and files: recorder (device picker, live level meter, elapsed time, pause, add
marker), the interview's recordings and imported files, and "Transcribe" with model and language
choice, progress and cancel.

Recording runs in the audio helper's own capture thread with its own database connection
(qtaudio.capture), so neither the GUI thread nor the vault worker can stall it. While a recording
runs the idle lock is held off; locking (manual or panic) stops and seals it first.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

import app.audio.assets as audio
from app import originals
from app.audio import markers
from app.changes import Change, Kind
from errors import Message
from ui.errors import message_for, translate_error
from ui.filedialogs import ask_path
from ui.interview_list import format_duration
from ui.labels import value_label
from ui.layout import set_buddy
from ui.session import Session

MARKER_KEY = "Ctrl+M"


def _model_catalogue(vault: Any) -> list[Any]:
    """Every usable model with size, languages and speed measured here (app.model_store)."""
    try:
        from app import model_store
    except ImportError:
        return []
    return model_store.catalogue(vault)


class RecordingView(QWidget):
    changed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("recordingView")
        self.interview_id: str | None = None
        self.recorder: Any = None
        self.transcribe_task: Any = None
        self.model_choices: dict[str, Any] = {}
        lay = QVBoxLayout(self)

        # --- recorder
        rec = QGroupBox(self.tr("Record"))
        rl = QVBoxLayout(rec)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("&Microphone:")))
        self.device = QComboBox()
        self.device.setObjectName("deviceCombo")
        set_buddy(row, 0, self.device)
        row.addWidget(self.device, 1)
        rl.addLayout(row)
        row = QHBoxLayout()
        self.record_button = QPushButton(self.tr("● &Record"))
        self.record_button.setObjectName("recordButton")
        self.pause_button = QPushButton(self.tr("P&ause"))
        self.pause_button.setObjectName("pauseButton")
        self.stop_button = QPushButton(self.tr("&Stop"))
        self.stop_button.setObjectName("stopButton")
        self.marker_button = QPushButton(self.tr("Add mar&ker (Ctrl+M)"))
        self.marker_button.setObjectName("markerButton")
        self.marker_note = QLineEdit()
        self.marker_note.setObjectName("markerNote")
        self.marker_note.setPlaceholderText(self.tr("Marker note (optional)"))
        for w in (self.record_button, self.pause_button, self.stop_button, self.marker_button):
            row.addWidget(w)
        row.addWidget(self.marker_note, 1)
        rl.addLayout(row)
        row = QHBoxLayout()
        self.level = QProgressBar()
        self.level.setObjectName("levelMeter")
        self.level.setRange(0, 100)
        self.level.setTextVisible(False)
        self.level.setAccessibleName(self.tr("Input level"))
        self.elapsed = QLabel("0:00:00")
        self.elapsed.setObjectName("elapsedLabel")
        f = self.elapsed.font()
        f.setPointSizeF(f.pointSizeF() * 1.4)
        self.elapsed.setFont(f)
        self.rec_state = QLabel(self.tr("Not recording"))
        self.rec_state.setObjectName("recState")
        row.addWidget(self.level, 1)
        row.addWidget(self.elapsed)
        row.addWidget(self.rec_state)
        rl.addLayout(row)
        lay.addWidget(rec)

        # --- files
        files = QGroupBox(self.tr("Recordings and imported files"))
        fl = QVBoxLayout(files)
        self.assets = QTableWidget(0, 5)
        self.assets.setObjectName("assetTable")
        self.assets.setHorizontalHeaderLabels([self.tr("Source"), self.tr("Name"),
                                               self.tr("Duration"), self.tr("State"),
                                               self.tr("Added")])
        self.assets.verticalHeader().setVisible(False)
        self.assets.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.assets.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.assets.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        fl.addWidget(self.assets)
        row = QHBoxLayout()
        self.import_button = QPushButton(self.tr("&Import audio file..."))
        self.import_button.setObjectName("importButton")
        row.addWidget(self.import_button)
        row.addStretch(1)
        fl.addLayout(row)
        # After an import: offer to delete the plaintext original left on the laptop.
        self.delete_panel = QWidget()
        self.delete_panel.setObjectName("deleteOriginalPanel")
        dl = QHBoxLayout(self.delete_panel)
        dl.setContentsMargins(0, 0, 0, 0)
        self.delete_prompt = QLabel()
        self.delete_prompt.setObjectName("deleteOriginalPrompt")
        self.delete_prompt.setWordWrap(True)
        self.delete_button = QPushButton(self.tr("&Delete the original"))
        self.delete_button.setObjectName("deleteOriginal")
        self.keep_button = QPushButton(self.tr("&Keep it"))
        self.keep_button.setObjectName("keepOriginal")
        dl.addWidget(self.delete_prompt, 1)
        dl.addWidget(self.delete_button)
        dl.addWidget(self.keep_button)
        self.delete_panel.setVisible(False)
        self._original: tuple[Path, str] | None = None
        fl.addWidget(self.delete_panel)
        # Every marker of the interview, from recording or from listening (Transcript tab).
        self.markers_label = QLabel(self.tr("Markers:"))
        fl.addWidget(self.markers_label)
        self.markers = QListWidget()
        self.markers.setObjectName("markerList")
        self.markers.setMaximumHeight(110)
        self.markers_label.setBuddy(self.markers)
        fl.addWidget(self.markers)
        lay.addWidget(files)

        # --- transcription
        tr_box = QGroupBox(self.tr("Transcribe"))
        tl = QHBoxLayout(tr_box)
        tl.addWidget(QLabel(self.tr("Mo&del:")))
        self.model = QComboBox()
        self.model.setObjectName("modelCombo")
        set_buddy(tl, 0, self.model)
        tl.addWidget(self.model, 1)
        # What the chosen model is: size, languages, and its speed on this laptop once measured.
        self.model_info = QLabel()
        self.model_info.setObjectName("modelInfo")
        self.model_info.setWordWrap(True)
        tl.addWidget(QLabel(self.tr("Lan&guage:")))
        self.language = QComboBox()
        self.language.setObjectName("languageCombo")
        set_buddy(tl, 2, self.language)
        for code, name in (("ko", self.tr("Korean")), ("en", self.tr("English")),
                           ("zh", self.tr("Chinese")), ("auto", self.tr("Detect"))):
            self.language.addItem(name, code)
        tl.addWidget(self.language)
        self.translate = QCheckBox(self.tr("Also draft an English &translation"))
        self.translate.setObjectName("translateCheck")
        tl.addWidget(self.translate)
        self.transcribe_button = QPushButton(self.tr("&Transcribe"))
        self.transcribe_button.setObjectName("transcribeButton")
        tl.addWidget(self.transcribe_button)
        self.cancel_button = QPushButton(self.tr("&Cancel"))
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.setEnabled(False)
        tl.addWidget(self.cancel_button)
        lay.addWidget(tr_box)
        lay.addWidget(self.model_info)
        self.progress = QProgressBar()
        self.progress.setObjectName("transcribeProgress")
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        lay.addWidget(self.progress)
        self.message = QLabel()
        self.message.setObjectName("recordingMessage")
        self.message.setWordWrap(True)
        lay.addWidget(self.message)
        lay.addStretch(1)

        self.record_button.clicked.connect(self.start_recording)
        self.pause_button.clicked.connect(self.toggle_pause)
        self.stop_button.clicked.connect(self.stop_recording)
        self.marker_button.clicked.connect(self.add_marker)
        self.import_button.clicked.connect(self.choose_import)
        self.delete_button.clicked.connect(self.delete_original)
        self.keep_button.clicked.connect(self._forget_original)
        self.transcribe_button.clicked.connect(self.transcribe)
        self.model.currentIndexChanged.connect(self._show_model_info)
        self.cancel_button.clicked.connect(self.cancel_transcription)
        sc = QShortcut(QKeySequence(MARKER_KEY), self)
        sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        sc.activated.connect(self.add_marker)
        self._set_recording_buttons("stopped")

    # ------------------------------------------------------------------ loading
    def load(self, interview_id: str) -> None:
        if interview_id != self.interview_id:
            self._forget_original()
        self.interview_id = interview_id
        self._fill_devices()
        self._fill_models()
        lang = self.session.settings.default_language
        self.language.setCurrentIndex(max(0, self.language.findData(lang)))
        self.refresh_assets()
        self.refresh_markers()

    def _fill_devices(self) -> None:
        self.device.clear()
        self.device.addItem(self.tr("System default"), None)
        try:
            from qtaudio.capture import input_devices
            devices = input_devices()
        except Exception:  # noqa: BLE001 - no multimedia backend: recording says so on start
            devices = []
        for d in devices:
            self.device.addItem(d.description(), d)
        wanted = self.session.settings.audio_device
        for i in range(self.device.count()):
            if self.device.itemText(i) == wanted:
                self.device.setCurrentIndex(i)

    def _fill_models(self) -> None:
        """Ask the vault for the models (imported ones and measured speeds are recorded there)."""
        self.session.call(lambda v, _c, _p: _model_catalogue(v), on_done=self._show_models,
                          on_error=lambda e: self.message.setText(message_for(e)),
                          name="list models")

    def model_label(self, choice: Any) -> str:
        """One line per model: name, languages, size and speed on this laptop."""
        return f"{choice.name} — {self.model_summary(choice)}"

    def model_summary(self, choice: Any) -> str:
        languages = (self.tr("multilingual (Korean, English, Chinese, ...)")
                     if choice.multilingual else self.tr("English only"))
        if choice.speed is None:
            speed = self.tr("speed not measured yet")
        else:
            speed = self.tr("%1x real time on this laptop").replace(
                "%1", f"{choice.speed.realtime_factor:.1f}")
        return f"{languages}, {choice.size_text}, {speed}"

    def _show_models(self, choices: list[Any]) -> None:
        wanted = self.model.currentData() or self.session.settings.default_model
        self.model.blockSignals(True)
        self.model.clear()
        self.model_choices = {c.name: c for c in choices}
        for c in choices:
            self.model.addItem(self.model_label(c), c.name)
        i = self.model.findData(wanted)
        self.model.setCurrentIndex(max(0, i))
        self.model.blockSignals(False)
        self._show_model_info()
        self.transcribe_button.setEnabled(self.model.count() > 0
                                          and self.transcribe_task is None)

    def _show_model_info(self, *_: Any) -> None:
        choice = self.model_choices.get(self.model.currentData() or "")
        if choice is None:
            self.model_info.setText("")
            return
        origin = (self.tr("Imported model") if choice.source == "imported"
                  else self.tr("Built-in model"))
        text = f"{origin} {choice.name}: {self.model_summary(choice)}."
        if choice.speed is None:
            text += " " + self.tr("The speed is measured during the first transcription with "
                                  "this model.")
        else:
            text += " " + self.tr("A larger model is slower but usually more accurate.")
        self.model_info.setText(text)

    def refresh_assets(self) -> None:
        iid = self.interview_id
        if iid is None:
            return
        self.session.call(lambda v, _c, _p: audio.list_assets(v, iid), on_done=self._show_assets,
                          on_error=lambda e: self.message.setText(message_for(e)),
                          name="list audio")

    def follows(self, change: Change) -> bool:
        return change.kind in (Kind.RECORDING_COMMITTED, Kind.AUDIO_IMPORTED, Kind.MARKER_ADDED,
                               Kind.BUNDLE_IMPORTED)

    def refresh_following(self) -> None:
        """What changes elsewhere: recordings, files and markers (not the device choice)."""
        self.refresh_assets()
        self.refresh_markers()

    def refresh_markers(self) -> None:
        iid = self.interview_id
        if iid is None:
            return
        self.session.call(lambda v, _c, _p: markers.list_markers(v, iid),
                          on_done=self._show_markers,
                          on_error=lambda e: self.message.setText(message_for(e)),
                          name="list markers")

    def _show_markers(self, markers: list[Any]) -> None:
        self.markers.clear()
        no_note = self.tr("(no note)")
        for m in sorted(markers, key=lambda m: m.at_s):
            at = format_duration(m.at_s) if m.at_s > 0 else "0:00:00"
            self.markers.addItem(f"{at}  {m.note or no_note}")
        self.markers_label.setText(self.tr("Markers (%1):").replace("%1", str(len(markers))))

    def _show_assets(self, assets: list[Any]) -> None:
        self.assets.setRowCount(len(assets))
        for i, a in enumerate(assets):
            cells = (self.tr("recording") if a.source == "recording" else self.tr("import"),
                     a.original_name or "", format_duration(a.duration_s or 0.0), value_label(a.state),
                     (a.created_at or "")[:16].replace("T", " "))
            for c, text in enumerate(cells):
                self.assets.setItem(i, c, QTableWidgetItem(text))
        self.asset_ids = [a.id for a in assets]

    def clear(self) -> None:
        """On lock: seal a running recording first, cancel transcription, forget everything."""
        if self.recorder is not None:
            self.recorder.stop()
            self.recorder.wait(10_000)
            self.recorder = None
            self.session.release_idle()
        if self.transcribe_task is not None:
            self.transcribe_task.cancel()
            self.transcribe_task = None
        self.interview_id = None
        self._forget_original()
        self.assets.setRowCount(0)
        self.markers.clear()
        self.markers_label.setText(self.tr("Markers:"))
        self.message.clear()
        self.progress.setVisible(False)
        self.elapsed.setText("0:00:00")
        self.level.setValue(0)
        self._set_recording_buttons("stopped")
        self.cancel_button.setEnabled(False)

    # ------------------------------------------------------------------ recording
    def _set_recording_buttons(self, state: str) -> None:
        active = state in ("recording", "paused")
        self.record_button.setEnabled(not active)
        self.pause_button.setEnabled(active)
        self.stop_button.setEnabled(active)
        self.marker_button.setEnabled(state == "recording")
        self.device.setEnabled(not active)
        self.import_button.setEnabled(not active)
        self.pause_button.setText(self.tr("Res&ume") if state == "paused" else self.tr("P&ause"))
        self.rec_state.setText({"recording": self.tr("Recording"),
                                "paused": self.tr("Paused")}.get(state, self.tr("Not recording")))

    def start_recording(self) -> None:
        vault = self.session.vault
        if vault is None or self.interview_id is None or self.recorder is not None:
            return
        try:
            from qtaudio.capture import Recorder

            self.recorder = Recorder(vault, self.interview_id, role=self.session.role,
                                     device=self.device.currentData(), parent=self)
        except Exception as exc:  # noqa: BLE001 - one sentence (no microphone, ...)
            self.recorder = None
            self.message.setText(message_for(exc))
            return
        self.recorder.levelChanged.connect(lambda _rms, peak: self.level.setValue(int(peak * 100)))
        self.recorder.elapsedChanged.connect(
            lambda s: self.elapsed.setText(format_duration(s) if s >= 1 else "0:00:00"))
        self.recorder.stateChanged.connect(self._set_recording_buttons)
        self._rec_error = False
        self.recorder.error.connect(self._recording_error)
        self.recorder.finished.connect(self._recording_finished)
        self.session.hold_idle()
        self.message.setText(self.tr("Recording. Everything is saved, encrypted, as it is "
                                     "recorded."))
        self.recorder.start()

    def _recording_error(self, message: Message) -> None:
        self._rec_error = True
        self.message.setText(message.render(translate_error))

    def toggle_pause(self) -> None:
        if self.recorder is None:
            return
        if self.recorder.state == "paused":
            self.recorder.resume()
        else:
            self.recorder.pause()

    def stop_recording(self) -> None:
        if self.recorder is not None:
            self.recorder.stop()

    def add_marker(self) -> None:
        if self.recorder is None or self.recorder.state != "recording":
            return
        try:
            self.recorder.add_marker(self.marker_note.text().strip())
        except Exception as exc:  # noqa: BLE001
            self.message.setText(message_for(exc))
            return
        self.marker_note.clear()
        self.message.setText(self.tr("Marker added at %1.").replace("%1", self.elapsed.text()))

    def _recording_finished(self, result: Any) -> None:
        self.recorder = None
        self.session.release_idle()
        self._set_recording_buttons("stopped")
        self.level.setValue(0)
        if result is not None:
            if not self._rec_error:
                self.message.setText(self.tr("Recording saved (%1).").replace(
                    "%1", format_duration(result.duration_s)))
            self.refresh_assets()
            self.changed.emit()

    # ------------------------------------------------------------------ import
    def choose_import(self) -> None:
        ask_path(self, self.tr("Import audio file"), self.import_file)

    def import_file(self, path: Path) -> None:
        iid, role = self.interview_id, self.session.role
        if iid is None:
            return
        self.progress.setVisible(True)
        self.progress.setValue(0)
        self.message.setText(self.tr("Importing and checking the file..."))

        def done(asset: Any) -> None:
            self.progress.setVisible(False)
            self.message.setText(self.tr("File imported; the original bytes are kept unchanged."))
            if asset is not None and getattr(asset, "sha256", None):
                self._offer_delete(path, str(asset.sha256))
            self.refresh_assets()
            self.changed.emit()

        def failed(exc: BaseException) -> None:
            self.progress.setVisible(False)
            self.message.setText(message_for(exc))

        self.session.call(lambda v, c, p: audio.import_audio(v, iid, path, role=role, progress=p,
                                                             cancel=c),
                          on_done=done, on_error=failed,
                          on_progress=lambda f, _l: self.progress.setValue(int(f * 100)),
                          name="import audio")

    def _offer_delete(self, path: Path, sha256: str) -> None:
        self._original = (path, sha256)
        self.delete_prompt.setText(self.tr(
            "The original file %1 is still on this laptop, unencrypted. Delete it now? It is "
            "overwritten before deletion, but on SSDs and memory cards deleting may not erase "
            "it: only full-disk encryption protects those.").replace("%1", path.name))
        self.delete_panel.setVisible(True)

    def _forget_original(self) -> None:
        self._original = None
        self.delete_prompt.clear()
        self.delete_panel.setVisible(False)

    def delete_original(self) -> None:
        """Delete the file just imported, if it still holds exactly the imported bytes."""
        if self._original is None:
            return
        path, sha256 = self._original
        self._forget_original()

        def done(_r: Any) -> None:
            self.message.setText(self.tr("The original file %1 was overwritten and deleted; the "
                                         "copy in the vault is kept.").replace("%1", path.name))

        self.session.runner.run_task(lambda _c, _p: originals.delete_original(path, sha256),
                                     on_done=done,
                                     on_error=lambda e: self.message.setText(message_for(e)),
                                     name="delete original")

    # ------------------------------------------------------------------ transcription
    def transcribe(self, *, engine_factory: Any = None) -> None:
        iid, role = self.interview_id, self.session.role
        if iid is None or self.transcribe_task is not None:
            return
        from app.transcripts.transcribe import default_engine_factory, transcribe_interview

        # Leave one core to the interface: on a 2-core laptop CTranslate2 would otherwise
        # take both and the window would stutter while it transcribes.
        threads = max(1, (os.cpu_count() or 2) - 1)

        model = self.model.currentData()
        language = self.language.currentData()
        translate = self.translate.isChecked()
        self.progress.setVisible(True)
        self.progress.setValue(0)
        self.transcribe_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.message.setText(self.tr("Transcribing on this laptop (nothing leaves it)..."))

        def work(v: Any, cancel: Any, progress: Any) -> Any:
            # The job's own token also stops the engine while its model loads.
            factory = engine_factory or default_engine_factory(cpu_threads=threads,
                                                               cancel=cancel, vault=v)
            return transcribe_interview(v, iid, role=role, model=model, language=language,
                                        translate=translate, progress=progress, cancel=cancel,
                                        engine_factory=factory)

        def finish() -> None:
            self.transcribe_task = None
            self.progress.setVisible(False)
            self.transcribe_button.setEnabled(self.model.count() > 0)
            self.cancel_button.setEnabled(False)

        def done(results: Any) -> None:
            finish()
            count = sum(r.segments for r in results)
            self.message.setText(self.tr("Transcription finished: %1 segments. Review them on "
                                         "the Transcript tab.").replace("%1", str(count)))
            self._fill_models()  # the speed just measured
            self.changed.emit()

        def failed(exc: BaseException) -> None:
            finish()
            self.message.setText(message_for(exc))
            self.changed.emit()

        handle = self.session.call(
            work, on_done=done, on_error=failed,
            on_progress=lambda f, _l: self.progress.setValue(int(f * 100)), name="transcribe")
        # An inline runner (tests) has already finished and called finish() by now.
        self.transcribe_task = handle if handle is not None and not handle.finished else None

    def cancel_transcription(self) -> None:
        if self.transcribe_task is not None:
            self.transcribe_task.cancel()
            self.message.setText(self.tr("Cancelling; the part already transcribed is kept."))
