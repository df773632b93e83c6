"""Qt adapter for recording: QAudioSource -> app.audio.recording.RecordingSession.

``Recorder`` is what the recorder screen and the command line's ``testimony audio record``
(cli/record.py) use:

    rec = Recorder(vault, interview_id, role="interviewer", device=None)  # None: default input
    rec.levelChanged.connect(meter.set_level)       # (rms, peak) in [0, 1], ~20 times a second
    rec.elapsedChanged.connect(clock.set_seconds)   # seconds recorded, pauses excluded
    rec.stateChanged.connect(...)                   # "recording" | "paused" | "stopped"
    rec.error.connect(show_error)                   # errors.Message; the recording has stopped
    rec.finished.connect(on_done)                   # app.audio.recording.RecordingResult
    rec.start(); rec.pause(); rec.resume(); rec.add_marker("note"); rec.stop()

The audio device is read in a dedicated QThread with its own event loop, and the session
commits on its own database connection, so a busy or frozen GUI thread never stalls recording.
The source's buffer holds a few seconds as a second line of defence.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import time
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QIODevice,
    QObject,
    QThread,
    QTimer,
    Signal,
    Slot,
    qInstallMessageHandler,
)
from PySide6.QtMultimedia import QAudioDevice, QAudioFormat, QAudioSource, QMediaDevices, QtAudio

from app.audio.pcm import (
    MIN_SAMPLE_RATE,
    DeviceSampleFormat,
    PcmFormat,
    capture_sample_format,
)
from app.audio.recording import DEVICE_LOST, RecordingResult, RecordingSession
from app.errors import AppError, NotFound, UsageError
from errors import Message
from qtaudio.signals import emit
from storage.errors import VaultError
from storage.vault import Vault

POLL_MS = 50
#: if a recording device delivers nothing for this long, it is treated as gone.
SILENT_DEVICE_TIMEOUT_S = 3.0
#: ... and a device that has delivered nothing yet gets this long to start (slow to open).
FIRST_SOUND_TIMEOUT_S = 10.0
#: after Stop, capture this much longer so sound still in the audio pipeline is kept.
STOP_DRAIN_MS = 300
BUFFER_SECONDS = 4


def input_devices() -> list[QAudioDevice]:
    """Every audio input the system offers (needs a Q(Core|Gui)Application)."""
    return list(QMediaDevices.audioInputs())


_APP: QCoreApplication | None = None
_QT_LOG = logging.getLogger("qt")


def _qt_message_to_log(mode: Any, context: Any, message: str) -> None:
    _QT_LOG.debug("%s", message)



def application() -> QCoreApplication:
    """The running Qt application, else a QCoreApplication kept for the life of the process
    (letting its wrapper be garbage-collected early crashes PySide at exit)."""
    global _APP
    existing = QCoreApplication.instance()
    if existing is not None:
        return existing
    # The command line promises one sentence on stderr; Qt Multimedia's chatter (missing
    # PipeWire library, FFmpeg version, PulseAudio connection) goes to the debug log instead.
    qInstallMessageHandler(_qt_message_to_log)
    _APP = QCoreApplication(sys.argv[:1])
    return _APP


def list_devices() -> list[tuple[str, str]]:
    """(id, description) of every input, creating a QCoreApplication if there is none."""
    application()
    return [(bytes(d.id().data()).decode(errors="replace"), d.description())
            for d in input_devices()]


def find_device(name: str | None) -> QAudioDevice:
    """The default input (``name`` None), else the input whose id or description matches
    ``name`` exactly, else the single one whose description contains it."""
    devices = input_devices()
    if name is None:
        device = QMediaDevices.defaultAudioInput()
        if device.isNull():
            raise NotFound("capture.microphone_found_connect_one")
        return device
    exact = [d for d in devices if name in (bytes(d.id().data()).decode(errors="replace"),
                                            d.description())]
    if exact:
        return exact[0]
    partial = [d for d in devices if name.lower() in d.description().lower()]
    if len(partial) == 1:
        return partial[0]
    names = "; ".join(d.description() for d in devices) or "none"
    raise UsageError("capture.single_microphone_matches_available", name=name, names=names)


_SAMPLE_NAMES: dict[QAudioFormat.SampleFormat, DeviceSampleFormat] = {
    QAudioFormat.SampleFormat.UInt8: "u8", QAudioFormat.SampleFormat.Int16: "s16",
    QAudioFormat.SampleFormat.Int32: "s32", QAudioFormat.SampleFormat.Float: "f32"}
_QT_SAMPLES = {name: qt for qt, name in _SAMPLE_NAMES.items()}


def preferred_sample_format(device: QAudioDevice) -> DeviceSampleFormat:
    """The sample format the device (its sound server) prefers: ``u8``/``s16``/``s32``/``f32``,
    or ``unknown``."""
    return _SAMPLE_NAMES.get(device.preferredFormat().sampleFormat(), "unknown")


def choose_format(device: QAudioDevice) -> tuple[QAudioFormat, PcmFormat]:
    """The format to record ``device`` in: its preferred rate (>= 16 kHz) and channels, and
    integer samples whenever it offers them (``app.audio.pcm.capture_sample_format``: an
    integer preference as is, else 32-bit, else 16-bit; float only when nothing else is
    offered, or when the device refuses the integers at its rate and channel count), so that
    the recording can be FLAC."""
    fmt = QAudioFormat(device.preferredFormat())
    if fmt.sampleRate() < MIN_SAMPLE_RATE:
        fmt.setSampleRate(48000 if device.maximumSampleRate() >= 48000 else MIN_SAMPLE_RATE)
    if fmt.channelCount() < 1:
        fmt.setChannelCount(1)
    preferred = preferred_sample_format(device)
    offered = [_SAMPLE_NAMES.get(f, "unknown") for f in device.supportedSampleFormats()]
    sample = capture_sample_format(preferred, offered)
    fmt.setSampleFormat(_QT_SAMPLES[sample])
    if preferred == "f32" and sample != "f32" and not device.isFormatSupported(fmt):
        # Integers offered in general, but not at this rate and channel count: keep float.
        sample = "f32"
        fmt.setSampleFormat(_QT_SAMPLES[sample])
    return fmt, PcmFormat(fmt.sampleRate(), fmt.channelCount(), sample)


class _CaptureWorker(QObject):
    """Lives in the capture thread: owns the QAudioSource and the recording session."""

    levelChanged = Signal(float, float)
    elapsedChanged = Signal(float)
    stateChanged = Signal(str)
    error = Signal(object)  # an errors.Message: the front end words it
    finished = Signal(object)

    def __init__(self, vault: Vault, interview_id: str, role: str, device: QAudioDevice,
                 commit_interval: float, limit_s: float | None) -> None:
        super().__init__()
        self.limit_s = limit_s
        self.vault = vault
        self.interview_id = interview_id
        self.role = role
        self.device = device
        self.commit_interval = commit_interval
        self.session: RecordingSession | None = None
        self.source: QAudioSource | None = None
        self.io: QIODevice | None = None
        self.timer: QTimer | None = None
        self.media: QMediaDevices | None = None
        self._last_data = time.monotonic()
        self._got_data = False
        self._stopping = False
        self._done = False

    @Slot()
    def begin(self) -> None:
        try:
            qfmt, pcm = choose_format(self.device)
            self.session = RecordingSession(
                self.vault, self.interview_id, pcm, role=self.role,
                commit_interval=self.commit_interval, device=self.device.description(),
                device_format=preferred_sample_format(self.device), limit_s=self.limit_s)
            self.source = QAudioSource(self.device, qfmt)
            self.source.setBufferSize(pcm.bytes_per_second * BUFFER_SECONDS)
            self.source.stateChanged.connect(self._on_source_state)
            self.io = self.source.start()
            if self.io is None or self.source.error() != QtAudio.Error.NoError:
                self._finish("device-lost")
                return
            self.io.readyRead.connect(self._drain)
            self.media = QMediaDevices()
            self.media.audioInputsChanged.connect(self._on_inputs_changed)
            self.timer = QTimer()
            self.timer.setInterval(POLL_MS)
            self.timer.timeout.connect(self._poll)
            self.timer.start()
            self._last_data = time.monotonic()
            emit(self.stateChanged, "recording")
        except (AppError, VaultError) as exc:
            self._fail(exc.message)
        except ValueError:
            self._fail(Message("recording.format_not_lossless"))
        except Exception:  # noqa: BLE001 - the GUI must get a sentence, never a traceback
            self._fail(Message("recording.could_not_start"))

    def _drain(self) -> int:
        if self.io is None or self.session is None or self._done:
            return 0
        data = self.io.readAll().data()
        if data:
            self._last_data = time.monotonic()
            self._got_data = True
            try:
                self.session.write(data)
            except (AppError, VaultError) as exc:
                self._fail(exc.message)
                return 0
            if self.session.limit_reached:
                self._finish("stopped")
        return len(data)

    def _poll(self) -> None:
        if self.session is None or self._done:
            return
        self._drain()
        if self._done:
            return
        limit = SILENT_DEVICE_TIMEOUT_S if self._got_data else FIRST_SOUND_TIMEOUT_S
        if time.monotonic() - self._last_data >= limit:
            self._finish("device-lost")
            return
        try:
            self.session.tick()
        except (AppError, VaultError) as exc:
            self._fail(exc.message)
            return
        emit(self.levelChanged, *self.session.level)
        emit(self.elapsedChanged, self.session.elapsed_s)

    @Slot()
    def _on_source_state(self) -> None:
        # Queried rather than taken from the signal: PySide cannot convert QAudio::State here.
        if (self.source is not None and self.source.state() == QtAudio.State.StoppedState
                and self.source.error() != QtAudio.Error.NoError):
            self._finish("device-lost")

    def _on_inputs_changed(self) -> None:
        ids = {bytes(d.id().data()) for d in QMediaDevices.audioInputs()}
        if bytes(self.device.id().data()) not in ids:
            self._finish("device-lost")

    @Slot()
    def pause(self) -> None:
        if self.session is not None and not self._done:
            self._drain()
            self.session.pause()
            emit(self.stateChanged, "paused")

    @Slot()
    def resume(self) -> None:
        if self.session is not None and not self._done:
            self._drain()  # what arrived while paused is metered, not stored
            self.session.resume()
            emit(self.stateChanged, "recording")

    @Slot()
    def stop(self) -> None:
        # Sound from just before the press may still be on its way through the audio system
        # (tens of milliseconds, more on an overloaded machine): keep capturing briefly.
        if self._done or self._stopping:
            return
        if self.session is None or self.timer is None:
            self._finish("stopped")
            return
        self._stopping = True
        QTimer.singleShot(STOP_DRAIN_MS, self, lambda: self._finish("stopped"))

    def _stop_source(self) -> None:
        if self.timer is not None:
            self.timer.stop()
        if self.media is not None:
            self.media.audioInputsChanged.disconnect(self._on_inputs_changed)
            self.media = None
        if self.source is not None:
            source, self.source = self.source, None
            source.stateChanged.disconnect(self._on_source_state)
            source.stop()
            # Destroy the Qt objects here, in the capture thread that created them.
            self.io = None
            del source
        self.timer = None

    def _finish(self, reason: str) -> None:
        if self._done:
            return
        self._done = True
        if reason == "stopped" and self.io is not None and self.session is not None:
            try:
                self.session.write(self.io.readAll().data())
            except (AppError, VaultError) as exc:
                self._fail(exc.message)
                return
        self._stop_source()
        if self.session is None:
            self._fail(Message("recording.microphone_not_opened"))
            return
        try:
            result = self.session.stop(reason)  # type: ignore[arg-type]
        except (AppError, VaultError) as exc:
            self._fail(exc.message)
            return
        if reason == "device-lost":
            emit(self.error, DEVICE_LOST)
        emit(self.stateChanged, "stopped")
        emit(self.finished, result)
        self._end_thread()

    def _end_thread(self) -> None:
        # Quit the capture thread from inside, so Recorder.wait() returns even when the GUI
        # thread blocks in it before the queued ``finished`` reaches the main thread.
        thread = self.thread()
        if thread is not None:
            thread.quit()

    def _fail(self, message: Message) -> None:
        self._done = True
        self._stop_source()
        if self.session is not None and self.session.result is None:
            # Seal what was recorded; if even that fails, the next unlock settles it.
            with contextlib.suppress(AppError, VaultError):
                self.session.stop("error")
        emit(self.error, message)
        emit(self.stateChanged, "stopped")
        result = self.session.result if self.session is not None else None
        emit(self.finished, result)
        self._end_thread()


class Recorder(QObject):
    """A recording of one interview from one input device (see the module docstring)."""

    levelChanged = Signal(float, float)
    elapsedChanged = Signal(float)
    stateChanged = Signal(str)
    error = Signal(object)  # an errors.Message: the front end words it
    finished = Signal(object)

    _begin = Signal()
    _pause = Signal()
    _resume = Signal()
    _stop = Signal()

    def __init__(self, vault: Vault, interview_id: str, *, role: str,
                 device: QAudioDevice | None = None, commit_interval: float = 0.5,
                 limit_s: float | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.device = device if device is not None else find_device(None)
        self._result: RecordingResult | None = None
        self.last_error: Message | None = None
        self.state = "idle"
        self._thread = QThread()
        self._thread.setObjectName("audio-capture")
        self._worker = _CaptureWorker(vault, interview_id, role, self.device, commit_interval,
                                      limit_s)
        self._worker.moveToThread(self._thread)
        self._begin.connect(self._worker.begin)
        self._pause.connect(self._worker.pause)
        self._resume.connect(self._worker.resume)
        self._stop.connect(self._worker.stop)
        self._worker.levelChanged.connect(self.levelChanged)
        self._worker.elapsedChanged.connect(self.elapsedChanged)
        self._worker.stateChanged.connect(self._on_state)
        self._worker.error.connect(self._on_error)
        self._worker.finished.connect(self._on_finished)

    @property
    def result(self) -> RecordingResult | None:
        """The sealed recording, once it has ended (also right after ``wait()``)."""
        if self._result is None and self._worker.session is not None:
            return self._worker.session.result
        return self._result

    @property
    def session(self) -> RecordingSession | None:
        return self._worker.session

    @property
    def elapsed_s(self) -> float:
        return self._worker.session.elapsed_s if self._worker.session is not None else 0.0

    def start(self) -> None:
        self._thread.start()
        emit(self._begin)

    def pause(self) -> None:
        emit(self._pause)

    def resume(self) -> None:
        emit(self._resume)

    def stop(self) -> None:
        """Ask the capture thread to stop; ``finished`` follows once the recording is sealed."""
        emit(self._stop)

    def add_marker(self, note: str = "") -> str:
        """Flag the current moment; safe from the GUI thread (the session is locked)."""
        if self._worker.session is None:
            raise UsageError("capture.recording_started_yet_wait")
        return self._worker.session.add_marker(note)

    def wait(self, timeout_ms: int = 30000) -> bool:
        """Block until the capture thread has ended (after ``finished``)."""
        return bool(self._thread.wait(timeout_ms))

    def _on_state(self, state: str) -> None:
        self.state = state
        emit(self.stateChanged, state)

    def _on_error(self, message: Message) -> None:
        self.last_error = message
        emit(self.error, message)

    def _on_finished(self, result: RecordingResult | None) -> None:
        self._result = result
        self._thread.quit()
        self._thread.wait()
        emit(self.finished, result)
