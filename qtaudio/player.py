"""Play decoded audio from memory through QAudioSink (no media files, no temporary WAVs).

Position = where playback started + the sink's processed time x rate. Slower/faster changes the
rate the sink is told to play at, so pitch follows speed (like a tape machine): simple, exact
for timing, and good enough to catch a hard-to-hear word.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QTimer, Signal
from PySide6.QtMultimedia import QAudio, QAudioFormat, QAudioSink, QMediaDevices

from app.errors import AppError
from app.playback import PlaybackAudio

RATES = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)


class PlaybackUnavailable(AppError):
    exit_code = 1


class Player(QObject):
    position_changed = Signal(float)
    state_changed = Signal(str)  # "playing", "paused", "stopped"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.audio: PlaybackAudio | None = None
        self.rate = 1.0
        self._sink: QAudioSink | None = None
        self._buffer: QBuffer | None = None
        self._data: QByteArray | None = None
        self._start_s = 0.0
        self._paused_at: float | None = None
        self.state = "stopped"
        self._timer = QTimer(self)
        self._timer.setInterval(50)
        self._timer.timeout.connect(self._tick)

    # ------------------------------------------------------------------ loading
    def load(self, audio: PlaybackAudio) -> None:
        self.stop()
        self.audio = audio
        self._data = QByteArray(audio.pcm)
        self._paused_at = 0.0

    def clear(self) -> None:
        """Stop and drop the decoded audio from memory (on lock)."""
        self.stop()
        self.audio = None
        self._data = None
        self._paused_at = None

    @property
    def duration_s(self) -> float:
        return self.audio.duration_s if self.audio else 0.0

    # ------------------------------------------------------------------ control
    def position(self) -> float:
        if self._sink is not None and self.state == "playing":
            played = self._sink.processedUSecs() / 1e6 * self.rate
            return min(self.duration_s, self._start_s + played)
        return self._paused_at or 0.0

    def play_from(self, seconds: float) -> None:
        if self.audio is None or self._data is None:
            raise PlaybackUnavailable("There is no audio loaded to play; open a recording first.")
        device = QMediaDevices.defaultAudioOutput()
        if device.isNull():
            raise PlaybackUnavailable(
                "No audio output was found; connect headphones or speakers and try again.")
        self._stop_sink()
        seconds = max(0.0, min(seconds, self.duration_s))
        frame = 2 * self.audio.channels
        offset = int(seconds * self.audio.sample_rate) * frame
        fmt = QAudioFormat()
        fmt.setSampleRate(max(1000, int(self.audio.sample_rate * self.rate)))
        fmt.setChannelCount(self.audio.channels)
        fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
        self._buffer = QBuffer(self)
        self._buffer.setData(self._data)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._buffer.seek(offset)
        self._sink = QAudioSink(device, fmt, self)
        self._sink.stateChanged.connect(self._sink_state)
        self._start_s = seconds
        self._sink.start(self._buffer)
        self._set_state("playing")
        self._timer.start()

    def set_position(self, seconds: float) -> None:
        """Move the paused/stopped position (where the next play starts)."""
        self._paused_at = max(0.0, min(seconds, self.duration_s))
        self.position_changed.emit(self._paused_at)

    def pause(self) -> None:
        if self.state == "playing":
            self._paused_at = self.position()
            self._stop_sink()
            self._set_state("paused")
            self.position_changed.emit(self._paused_at)

    def toggle(self) -> None:
        if self.state == "playing":
            self.pause()
        else:
            self.play_from(self._paused_at or 0.0)

    def seek_relative(self, delta: float) -> None:
        target = max(0.0, min(self.duration_s, self.position() + delta))
        if self.state == "playing":
            self.play_from(target)
        else:
            self._paused_at = target
            self.position_changed.emit(target)

    def change_rate(self, step: int) -> float:
        """Move one step slower (-1) or faster (+1) through RATES; returns the new rate."""
        i = min(range(len(RATES)), key=lambda k: abs(RATES[k] - self.rate))
        new = RATES[max(0, min(len(RATES) - 1, i + step))]
        if new != self.rate:
            playing = self.state == "playing"
            pos = self.position()
            self.rate = new
            if playing:
                self.play_from(pos)
            else:
                self._paused_at = pos
        return self.rate

    def stop(self) -> None:
        self._stop_sink()
        self._paused_at = 0.0 if self.audio else None
        self._set_state("stopped")

    # ------------------------------------------------------------------ internals
    def _stop_sink(self) -> None:
        self._timer.stop()
        if self._sink is not None:
            self._sink.stateChanged.disconnect(self._sink_state)
            self._sink.stop()
            self._sink.deleteLater()
            self._sink = None
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()
            self._buffer = None

    def _sink_state(self, state: QAudio.State) -> None:
        if state == QAudio.State.IdleState and self.state == "playing":
            # Reached the end of the buffer.
            self._paused_at = self.duration_s
            self._stop_sink()
            self._set_state("stopped")
            self.position_changed.emit(self.duration_s)

    def _tick(self) -> None:
        self.position_changed.emit(self.position())

    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.state_changed.emit(state)
