"""An ``Engine`` that runs faster-whisper in a child process (``transcription.child``).

Why: CTranslate2 model construction, the ``tokenizers`` extension and faster-whisper's Python
glue hold the GIL for up to a quarter of a second at a time; in the desktop client that froze the
GUI thread. In a child process they hold the child's GIL, not the app's: the app's thread only
waits on a pipe (``os.read``/``select`` release the GIL).

What crosses the pipe: the model's name, the models folder and, for an imported model, its
record from the vault (the child verifies the files against those hashes and loads the model
itself, so the app never reads the weights), float32 windows, and segments back.
No file, no shared memory. The child runs at nice +10 with the configured ``cpu_threads``; its
parameters and version string come from the same ``FasterWhisperEngine`` code, so what a
transcript records is identical to an in-process run.

Cancel: while the child decodes, the waiting thread polls the cancel flag every 50 ms and, when
it fires, ends the child (SIGTERM, then SIGKILL) and raises ``EngineCancelled``. A child that
dies or cannot load the model becomes one ``TranscriptionError`` sentence; a later ``transcribe``
call starts a fresh child, so a job can go on.
"""

from __future__ import annotations

import signal
import subprocess
import threading
import weakref
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import numpy as np

from errors import CATALOG
from errors import Message as ErrorMessage
from transcription import errors
from transcription.channel import ChannelClosed, Message, read_message, write_message
from transcription.decode import SAMPLE_RATE, AudioWindow
from transcription.engine import CancelFlag, Segment, WindowInfo, Word
from transcription.errors import EngineCancelled, TranscriptionError
from transcription.launch import ChildDied, child_command, load_request, take_early
from transcription.launch import launch as _launch_child

_STOP_WAIT_S = 2.0


def _died(proc: subprocess.Popen[bytes]) -> TranscriptionError:
    code = proc.poll()
    how: ErrorMessage
    if code is not None and code < 0:
        try:
            how = ErrorMessage("engine.stopped_by_signal", {"signal": signal.Signals(-code).name})
        except ValueError:
            how = ErrorMessage("engine.stopped_by_signal", {"signal": -code})
    elif code is not None:
        how = ErrorMessage("engine.exited_with_status", {"status": code})
    else:
        how = ErrorMessage("engine.pipe_closed")
    return TranscriptionError("engine.speech_engine_stopped_unexpectedly", how=how)


def _stop(proc: subprocess.Popen[bytes]) -> None:
    """End the child now: closing its input lets an idle child exit; a busy one is terminated."""
    if proc.poll() is not None:
        return
    try:
        proc.terminate()
        proc.wait(_STOP_WAIT_S)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    except OSError:
        pass


class ProcessEngine:
    """faster-whisper in a child process; same interface and recorded metadata as in-process."""

    def __init__(self, name: str, *, models_dir: Path | None, multilingual: bool,
                 cpu_threads: int = 0, cancel: CancelFlag | None = None,
                 record: Mapping[str, Any] | None = None, wait: bool = True) -> None:
        """Start the child and (with ``wait``) wait until it has loaded the model.

        ``cancel`` (the job's token) is watched while the model loads, which takes seconds for
        a large model: when it fires the child is ended and ``EngineCancelled`` raised.
        ``record`` is an imported model's record from the vault (its hashes); built-in models
        need none. ``wait=False`` returns as soon as the child is told to load: the model
        then loads while the caller does other work (the CLI unlocks the vault meanwhile),
        and the first use waits for it, raising what the load raised.
        """
        self.name = name
        self.multilingual = multilingual
        self._request = load_request(name, models_dir, cpu_threads,
                                     dict(record) if record is not None else None)
        self._proc: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()
        self._ready: dict[str, Any] = {}
        self._cancel = cancel
        self.child_peak_rss_mib = 0.0
        self._launch()
        if wait:
            self._await_ready(cancel)

    # ------------------------------------------------------------------ process
    @property
    def pid(self) -> int | None:
        """The running child's process id (None when no child runs)."""
        return self._proc.pid if self._proc is not None and self._proc.poll() is None else None

    def _start(self, cancel: CancelFlag | None = None) -> None:
        """Start a child and wait for it to load the model (raises its one sentence)."""
        self._launch()
        self._await_ready(cancel)

    def _launch(self) -> None:
        """Start a child and ask it to load the model; does not wait for it."""
        self._ready = {}
        # The command line may have started this very child first thing (transcription.launch).
        proc = take_early(self._request)
        if proc is None:
            try:
                proc = _launch_child(child_command(), self._request)
            except ChildDied as exc:
                raise _died(exc.proc) from exc
            except OSError as exc:
                raise TranscriptionError(
                    "engine.speech_engine_could_started", error=type(exc).__name__) from exc
        self._proc = proc
        # Stop the child if this object is dropped without close() (e.g. an exception path).
        self._finalizer = weakref.finalize(self, _stop, proc)

    def _await_ready(self, cancel: CancelFlag | None) -> None:
        """Wait for the launched child's answer to the load (raises its one sentence)."""
        proc = self._proc
        if self._ready or proc is None:
            return
        assert proc.stdout is not None
        try:
            received = read_message(proc.stdout.fileno(),
                                    stop=None if cancel is None else lambda: cancel.cancelled)
        except (ChannelClosed, BrokenPipeError, OSError) as exc:
            self.close()
            proc.wait()
            raise _died(proc) from exc
        if received is None:  # cancelled while the model loads
            self._abandon(proc)
            raise EngineCancelled("engine.cancelled")
        reply = received[0]
        if reply.get("kind") == "error":
            self.close()
            raise _error(reply)
        if reply.get("kind") != "ready":
            self.close()
            raise _died(proc)
        self._ready = reply

    def close(self) -> None:
        """Stop the child (idempotent). An idle child exits on its own when its input closes."""
        proc, self._proc = self._proc, None
        if proc is None:
            return
        if proc.stdin is not None:
            try:
                proc.stdin.close()
            except OSError:
                pass
        try:
            proc.wait(_STOP_WAIT_S)
        except subprocess.TimeoutExpired:
            _stop(proc)
        if proc.stdout is not None:
            proc.stdout.close()
        self._finalizer.detach()

    def __enter__(self) -> ProcessEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ Engine
    def version(self) -> str:
        self._await_ready(self._cancel)
        return str(self._ready["version"])

    def parameters(self) -> dict[str, Any]:
        self._await_ready(self._cancel)
        return dict(self._ready["parameters"])

    def transcribe(self, audio: AudioWindow, *, language: str | None, task: str,
                   on_segment: Callable[[Segment], None], cancel: CancelFlag) -> WindowInfo:
        """Send one window to the child and hand each segment to ``on_segment`` as it comes."""
        if len(audio.samples) < SAMPLE_RATE // 10:
            return WindowInfo(language, None)  # as the in-process engine: nothing to send
        with self._lock:
            if self._proc is not None and not self._ready:
                self._await_ready(cancel)  # a child started with wait=False: still loading
            if self._proc is None or self._proc.poll() is not None:
                self.close()
                self._start(cancel)
            proc = self._proc
            assert proc is not None and proc.stdin is not None and proc.stdout is not None
            request = {"kind": "transcribe", "offset_s": audio.offset_s,
                       "is_last": audio.is_last, "language": language, "task": task}
            samples = np.ascontiguousarray(audio.samples, dtype="<f4")
            try:
                write_message(proc.stdin.fileno(), request, samples.data)
            except (BrokenPipeError, OSError) as exc:
                self._abandon(proc)
                raise _died(proc) from exc
            while True:
                try:
                    received = read_message(proc.stdout.fileno(), stop=lambda: cancel.cancelled)
                    reply = _parse(received)
                except (ChannelClosed, OSError, KeyError, TypeError, ValueError) as exc:
                    self._abandon(proc)
                    raise _died(proc) from exc
                if isinstance(reply, Segment):
                    if cancel.cancelled:
                        reply = None
                    else:
                        try:
                            on_segment(reply)
                        except BaseException:
                            # The caller failed mid-window (e.g. the disk is full): the child
                            # is still sending this window, so it cannot serve the next one.
                            self._abandon(proc)
                            raise
                        continue
                if reply is None:  # cancelled while the child decodes
                    self._abandon(proc)
                    raise EngineCancelled("engine.cancelled")
                if isinstance(reply, TranscriptionError):
                    raise reply  # the child reported it and waits for the next window
                info, peak = reply
                self.child_peak_rss_mib = max(self.child_peak_rss_mib, peak)
                return info

    def _abandon(self, proc: subprocess.Popen[bytes]) -> None:
        """End a child whose answer is no longer wanted (cancel) or who broke the stream."""
        _stop(proc)
        self.close()


def _parse(received: Message | None
           ) -> Segment | tuple[WindowInfo, float] | TranscriptionError | None:
    """One reply of the child: a segment, (window info, peak memory), its error, or None
    (cancelled before anything came). Raises ChannelClosed/KeyError/... on a broken stream."""
    if received is None:
        return None
    reply = received[0]
    kind = reply.get("kind")
    if kind == "segment":
        return _segment(reply["segment"])
    if kind == "done":
        probability = reply["language_probability"]
        info = WindowInfo(None if reply["language"] is None else str(reply["language"]),
                          None if probability is None else float(probability))
        return info, float(reply["peak_rss_mib"])
    if kind == "error":
        return _error(reply)
    raise ChannelClosed(f"unexpected message {kind!r}")


def _segment(data: dict[str, Any]) -> Segment:
    words = [Word(float(w["start"]), float(w["end"]), str(w["word"]), float(w["probability"]))
             for w in data.get("words") or []]
    return Segment(float(data["start"]), float(data["end"]), str(data["text"]), words,
                   avg_logprob=data.get("avg_logprob"), no_speech_prob=data.get("no_speech_prob"),
                   flags=tuple(str(f) for f in data.get("flags") or ()))


def _error(reply: dict[str, Any]) -> TranscriptionError:
    """The child's error as the same class in this process (e.g. ModelRejected keeps exit 4)."""
    cls = getattr(errors, str(reply.get("error")), TranscriptionError)
    if not (isinstance(cls, type) and issubclass(cls, TranscriptionError)):
        cls = TranscriptionError
    message = reply.get("message")
    if not isinstance(message, dict) or message.get("code") not in CATALOG:
        return cls("engine.failed_plain")
    return cls.of(ErrorMessage.from_json(message))


def close_engine(engine: object) -> None:
    """Stop an engine's child process if it has one (engines without ``close`` are left)."""
    close = getattr(engine, "close", None)
    if callable(close):
        close()
