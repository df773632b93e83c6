"""The speech-engine child process: loads a Whisper model and transcribes windows it is sent.

Started by ``transcription.process_engine.ProcessEngine`` as ``python -m transcription.child``
(from source) or as the frozen executable with ``ENGINE_CHILD_FLAG`` (packaging/entry.py).
It reads requests from its standard input and writes replies to its standard output
(``transcription.channel`` framing); everything else it or a library might print goes to
standard error, so the message stream cannot be corrupted. It holds no vault, no file of
testimony and opens no file except the model's: audio arrives as float32 samples over the pipe.

Requests (JSON objects, ``kind`` first): ``load`` once, then ``transcribe`` (the samples as the
binary payload) any number of times. Replies: ``ready`` or ``error`` (class name, error code
and parameters)
to the load; ``segment`` as each is produced, then ``done`` (window info and the child's peak
memory) or ``error`` to each window. The child exits when its input closes.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import Any

ENGINE_CHILD_FLAG = "--transcription-engine-child"
NICENESS = 10


class _Never:
    """The child is never cancelled from inside: the parent stops it by ending the process."""

    cancelled = False


def lower_priority(target: int = NICENESS) -> None:
    """Raise this process's nice value to ``target`` before any thread starts (threads inherit
    it), so the interface wins when the CPU is contended; never lowers an already higher one."""
    try:
        current = os.getpriority(os.PRIO_PROCESS, 0)
        if current < target:
            os.setpriority(os.PRIO_PROCESS, 0, target)
    except (AttributeError, OSError):  # not permitted or not POSIX: run at normal priority
        pass


def peak_rss_mib() -> float:
    """This process's peak resident memory (VmHWM), 0.0 where /proc is missing."""
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _isolate_stdio() -> tuple[int, int]:
    """Keep private copies of stdin/stdout for messages; point fd 0 at /dev/null and fd 1 at
    stderr so stray prints from any library cannot corrupt the stream."""
    in_fd, out_fd = os.dup(0), os.dup(1)
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    return in_fd, out_fd


def _load(request: dict[str, Any]) -> Any:
    """Verify and read the model while faster-whisper is imported, then build the engine.

    The two overlap, so a job costs no more than the load itself: hashing releases the GIL,
    importing does not need the model, and each takes about as long as the other.
    """
    import threading

    from transcription import models

    folder = request.get("models_dir")
    result: list[Any] = []

    def verify() -> None:
        try:
            # An imported model is verified against the record the app read from the vault.
            result.append(models.load_spec(request["model"], Path(folder) if folder else None,
                                           request.get("imported") or None))
        except BaseException as exc:  # noqa: BLE001 - re-raised below in the main thread
            result.append(exc)

    reader = threading.Thread(target=verify, name="model-verify")
    reader.start()
    try:
        # faster-whisper too, not only the engine module (which imports it when a model is
        # built): otherwise this thread waits for the check, then imports it.
        import faster_whisper  # noqa: F401

        from transcription.engine import FasterWhisperEngine
    finally:
        reader.join()
    if isinstance(result[0], BaseException):
        raise result[0]
    return FasterWhisperEngine(result[0], cpu_threads=int(request.get("cpu_threads") or 0))


def _failure(exc: BaseException) -> dict[str, Any]:
    from errors import Message
    from transcription.errors import TranscriptionError

    if isinstance(exc, TranscriptionError):
        return {"kind": "error", "error": type(exc).__name__, "message": exc.message.to_json()}
    if isinstance(exc, MemoryError):
        message = Message("engine.out_of_memory")
    else:
        message = Message("engine.failed", {"error": type(exc).__name__})
    return {"kind": "error", "error": "TranscriptionError", "message": message.to_json()}


def serve(in_fd: int, out_fd: int) -> int:
    """Answer requests until the input closes. Returns the exit status."""
    # Only what reading the load request needs comes first: the model's hash check starts
    # as soon as the request is read, and runs while the rest (numpy, faster-whisper) imports.
    from transcription.channel import ChannelClosed, read_message, write_message

    def receive() -> tuple[dict[str, Any], bytes | bytearray] | None:
        """The next request, or None once the app has closed the pipe."""
        try:
            return read_message(in_fd)
        except ChannelClosed:
            return None

    received = receive()
    if received is None:
        return 0
    request, _ = received
    if request.get("kind") != "load":
        return 2
    try:
        engine = _load(request)
    except Exception as exc:  # noqa: BLE001 - every failure becomes one sentence for the parent
        write_message(out_fd, _failure(exc))
        return 1
    import dataclasses

    import numpy as np

    write_message(out_fd, {"kind": "ready", "version": engine.version(),
                           "parameters": engine.parameters(),
                           "multilingual": engine.multilingual})
    from transcription.decode import AudioWindow

    def send(seg: Any) -> None:
        write_message(out_fd, {"kind": "segment", "segment": dataclasses.asdict(seg)})

    while True:
        received = receive()
        if received is None:
            return 0
        request, payload = received
        if request.get("kind") != "transcribe":
            return 0
        samples = np.frombuffer(payload, dtype="<f4")
        window = AudioWindow(float(request["offset_s"]), samples, bool(request["is_last"]))
        try:
            info = engine.transcribe(window, language=request["language"],
                                     task=request["task"], on_segment=send, cancel=_Never())
        except BrokenPipeError:
            return 0
        except Exception as exc:  # noqa: BLE001 - one sentence for the parent, then go on
            write_message(out_fd, _failure(exc))
            continue
        write_message(out_fd, {"kind": "done", "language": info.language,
                               "language_probability": info.language_probability,
                               "peak_rss_mib": peak_rss_mib()})


def main() -> int:
    """Entry point of the child (``python -m transcription.child``)."""
    # Ctrl+C in a terminal reaches the whole process group; the parent decides what stops.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from crypto.hardening import harden_process

    harden_process()  # no core dumps of model memory holding audio; no messages in tracebacks
    # Before anything imports onnxruntime or huggingface_hub (no telemetry file, no network).
    os.environ["ORT_DISABLE_TELEMETRY"] = "1"
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["HF_HUB_DISABLE_TELEMETRY"] = "1"
    lower_priority()
    in_fd, out_fd = _isolate_stdio()
    try:
        code = serve(in_fd, out_fd)
    except BrokenPipeError:  # the parent went away: nothing left to do
        code = 0
    # Every reply has been written (os.write, unbuffered). Skip the interpreter's teardown of
    # the model and the native libraries: it took a second or more, and the parent waits
    # for this exit at the end of every job.
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    raise SystemExit(main())
