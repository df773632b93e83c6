"""Framed messages over a pipe between the app and its speech-engine child process.

A message is a JSON object plus an optional binary payload (a window's float32 samples):
an 8-byte header (JSON length, payload length, both big-endian uint32), the UTF-8 JSON, then
the payload. JSON rather than pickle on purpose: the child parses audio-derived data with large
native libraries, and whatever it sends back must never be able to run code in the app, which
holds the vault's key.

Reads and writes use ``os.read``/``os.write`` on raw descriptors: both release the GIL while they
wait, so a thread blocked here never delays the GUI thread. Nothing goes through a file.
"""

from __future__ import annotations

import json
import os
import select
import struct
from collections.abc import Callable
from typing import Any

_HEADER = struct.Struct(">II")
_CHUNK = 1 << 20
MAX_JSON = 1 << 24  # a segment with its words is a few kB
MAX_PAYLOAD = 1 << 30  # a window is ~19 MB; anything near this is a broken stream

Message = tuple[dict[str, Any], bytes | bytearray]


class ChannelClosed(EOFError):
    """The other end closed the pipe (it exited or was killed) or broke the framing."""


def write_message(fd: int, message: dict[str, Any], payload: bytes | memoryview = b"") -> None:
    """Send one message; raises BrokenPipeError if the other end is gone."""
    data = json.dumps(message, ensure_ascii=False).encode("utf-8")
    body = memoryview(payload).cast("B")
    for part in (memoryview(_HEADER.pack(len(data), len(body)) + data), body):
        view = part
        while view:
            written = os.write(fd, view[:_CHUNK])
            view = view[written:]


def _read_exact(fd: int, size: int) -> bytearray:
    # readv into one preallocated buffer: no join copy holding the GIL for a 4 MB window.
    buf = bytearray(size)
    view = memoryview(buf)
    pos = 0
    while pos < size:
        got = os.readv(fd, [view[pos: pos + _CHUNK]])
        if not got:
            raise ChannelClosed("the other end closed the pipe")
        pos += got
    return buf


def read_message(fd: int, *, stop: Callable[[], bool] | None = None,
                 poll_s: float = 0.05) -> Message | None:
    """Wait for one message and return (object, payload).

    With ``stop``, waiting is done in ``poll_s`` steps and returns ``None`` as soon as
    ``stop()`` is true (prompt cancel while the child is decoding).
    """
    if stop is not None:
        while not select.select([fd], [], [], poll_s)[0]:
            if stop():
                return None
    size, payload_size = _HEADER.unpack(_read_exact(fd, _HEADER.size))
    if size > MAX_JSON or payload_size > MAX_PAYLOAD:
        raise ChannelClosed("a message of impossible size arrived; the stream is broken")
    try:
        message = json.loads(_read_exact(fd, size).decode("utf-8"))
    except ValueError as exc:
        raise ChannelClosed("a message was not valid JSON; the stream is broken") from exc
    if not isinstance(message, dict):
        raise ChannelClosed("a message was not a JSON object; the stream is broken")
    return message, _read_exact(fd, payload_size) if payload_size else b""
