"""Play decoded audio from memory through QAudioSink (no media files, no temporary WAVs).

Position = where playback started + the sink's processed time x rate. Slower or faster keeps
the voice's pitch: the audio ahead of the position is time-stretched (``app.audio.stretch``,
WSOLA) in windows of ``STRETCH_WINDOW_S`` seconds of the recording, the next one prepared in
the background while the current one plays, and played at the recording's own sample rate.

Review helpers translators expect from transcription players: a loop over a stretch of audio
(a segment, played again and again until the loop is cleared) and rewind-on-pause (resuming
starts ``rewind_on_pause_s`` seconds before where it was paused, so the last words are heard
again in context).
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QTimer, Signal
from PySide6.QtMultimedia import QAudio, QAudioFormat, QAudioSink, QMediaDevices

from app.audio.playback import PlaybackAudio
from app.audio.stretch import stretch_pcm
from app.errors import AppError

RATES = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
STRETCH_WINDOW_S = 20.0
REWIND_ON_PAUSE_S = 2.0


class PlaybackUnavailable(AppError):
    """No audio to play, or no output device."""


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
        self.rewind_on_pause_s = REWIND_ON_PAUSE_S
        self.loop: tuple[float, float] | None = None
        self._window_end: float | None = None  # end of the stretched window playing (seconds)
        self._ahead: tuple[float, float, Future[bytes]] | None = None  # (start, rate, pcm)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="stretch")
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
        self._ahead = None
        self.loop = None

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
            raise PlaybackUnavailable("playback.there_audio_loaded_play")
        device = QMediaDevices.defaultAudioOutput()
        if device.isNull():
            raise PlaybackUnavailable(
                "playback.audio_output_found_connect")
        self._stop_sink()
        seconds = max(0.0, min(seconds, self.duration_s))
        audio = self.audio
        frame = 2 * audio.channels
        offset = int(seconds * audio.sample_rate) * frame
        fmt = QAudioFormat()
        fmt.setSampleRate(audio.sample_rate)  # the recording's own rate: pitch never changes
        fmt.setChannelCount(audio.channels)
        fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
        if self.rate == 1.0:
            data, self._window_end = self._data, None
        else:
            end = min(self.duration_s, seconds + STRETCH_WINDOW_S)
            data = QByteArray(self._stretched(seconds, end))
            self._window_end, offset = end, 0
            self._prepare_ahead(end)
        self._buffer = QBuffer(self)
        self._buffer.setData(data)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._buffer.seek(offset)
        self._sink = QAudioSink(device, fmt, self)
        self._sink.stateChanged.connect(self._sink_state)
        self._start_s = seconds
        self._sink.start(self._buffer)
        self._set_state("playing")
        self._timer.start()

    def _slice(self, start: float, end: float) -> bytes:
        assert self.audio is not None
        frame = 2 * self.audio.channels
        a = int(start * self.audio.sample_rate) * frame
        b = int(end * self.audio.sample_rate) * frame
        return self.audio.pcm[a:b]

    def _stretched(self, start: float, end: float) -> bytes:
        """The window [start, end) at the current rate, prepared ahead if it was."""
        ahead, self._ahead = self._ahead, None
        if ahead is not None and abs(ahead[0] - start) < 1e-6 and ahead[1] == self.rate:
            return ahead[2].result()
        assert self.audio is not None
        return stretch_pcm(self._slice(start, end), sample_rate=self.audio.sample_rate,
                           channels=self.audio.channels, rate=self.rate)

    def _prepare_ahead(self, start: float) -> None:
        """Stretch the next window in the background while this one plays."""
        if self.audio is None or start >= self.duration_s:
            self._ahead = None
            return
        end = min(self.duration_s, start + STRETCH_WINDOW_S)
        pcm, rate, sr, ch = self._slice(start, end), self.rate, self.audio.sample_rate, \
            self.audio.channels
        self._ahead = (start, rate, self._pool.submit(
            stretch_pcm, pcm, sample_rate=sr, channels=ch, rate=rate))

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
        """Pause, or resume (``rewind_on_pause_s`` before where it was paused)."""
        if self.state == "playing":
            self.pause()
        elif self.state == "paused":
            at = self._paused_at or 0.0
            low = self.loop[0] if self.loop else 0.0
            self.play_from(max(low, at - self.rewind_on_pause_s))
        else:
            self.play_from(self._paused_at or 0.0)

    def set_loop(self, start: float, end: float) -> None:
        """Play [start, end) again and again (a segment, for a hard passage), from its start."""
        if end - start <= 0.05:
            return
        self.loop = (max(0.0, start), min(end, self.duration_s))
        self.play_from(self.loop[0])

    def clear_loop(self) -> None:
        self.loop = None

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
        # Idle is also what the sink reports when it was not fed in time (an underrun: this
        # thread was busy, the machine loaded) while audio remains; it plays on once fed.
        # Only a buffer read to its end is the end of what was to be played.
        if (state == QAudio.State.IdleState and self.state == "playing"
                and self._buffer is not None and self._buffer.atEnd()):
            if self.loop is not None:
                self.play_from(self.loop[0])
                return
            if self._window_end is not None and self._window_end < self.duration_s - 1e-3:
                self.play_from(self._window_end)  # the next stretched window, ready or not
                return
            # Reached the end of the buffer.
            self._paused_at = self.duration_s
            self._stop_sink()
            self._set_state("stopped")
            self.position_changed.emit(self.duration_s)

    def _tick(self) -> None:
        position = self.position()
        if self.loop is not None and self.state == "playing" and position >= self.loop[1]:
            self.play_from(self.loop[0])
            position = self.loop[0]
        self.position_changed.emit(position)

    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.state_changed.emit(state)
