"""Process hardening for the app and the speech-engine child: no core dumps, no secrets in
tracebacks or the environment.

- No core dumps: ``RLIMIT_CORE`` 0 and, on Linux, ``PR_SET_DUMPABLE`` 0 (which also stops other
  processes of the same user from reading this one's memory or environment through /proc or
  ptrace). A crash must not write keys or testimony to disk.
- An exception hook that prints the exception's type and where it happened, never its message:
  messages can quote testimony (a failed parse of a transcript, a database value).
- Secrets passed through the environment (``TESTIMONY_PASSPHRASE``) are taken out of it once
  read: out of ``os.environ`` and the C environment (so child processes do not inherit them) and
  overwritten in the process's original environment block (which /proc/<pid>/environ shows).

It lives in the lowest layer because both the app and the engine child use it.
"""

from __future__ import annotations

import ctypes
import os
import sys
import threading
import traceback
from types import TracebackType
from typing import Any, TextIO

PR_SET_DUMPABLE = 4
PR_GET_DUMPABLE = 3


def _libc() -> Any:
    return ctypes.CDLL(None, use_errno=True)


def disable_core_dumps() -> None:
    """Best effort on every platform; on Linux both the rlimit and the dumpable flag."""
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ImportError, ValueError, OSError):  # not POSIX
        pass
    if sys.platform.startswith("linux"):
        try:
            _libc().prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
        except (OSError, AttributeError):
            pass


def is_dumpable() -> bool:
    """PR_GET_DUMPABLE on Linux; elsewhere whether core files are allowed at all."""
    if sys.platform.startswith("linux"):
        return bool(_libc().prctl(PR_GET_DUMPABLE, 0, 0, 0, 0))
    import resource

    return resource.getrlimit(resource.RLIMIT_CORE)[0] != 0


def describe_exception(exc_type: type[BaseException], tb: TracebackType | None) -> str:
    """The type and the frames of an exception, without its message (or its causes')."""
    lines = [f"Unexpected error: {exc_type.__module__}.{exc_type.__qualname__} "
             "(its message is not shown: it may contain testimony)"]
    for frame in traceback.extract_tb(tb):
        lines.append(f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}')
    return "\n".join(lines) + "\n"


def install_excepthook(stream: TextIO | None = None) -> None:
    """Report uncaught exceptions (main thread and other threads) by type and frames only."""

    def hook(exc_type: type[BaseException], exc: BaseException | None,
             tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc if exc is not None else exc_type(), tb)
            return
        out = stream or sys.stderr
        try:
            out.write(describe_exception(exc_type, tb))
            out.flush()
        except (OSError, ValueError):
            pass

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        hook(args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = hook
    threading.excepthook = thread_hook


def _scrub_c_environ(name: str) -> None:
    """Overwrite ``NAME=value`` in the C environment block in place (glibc only keeps
    pointers into it; /proc/<pid>/environ reads the original block)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        environ = ctypes.POINTER(ctypes.c_char_p).in_dll(_libc(), "environ")
    except (ValueError, OSError):
        return
    prefix = name.encode() + b"="
    addresses = []
    i = 0
    while environ[i] is not None:
        entry = environ[i]
        if entry.startswith(prefix):
            address = ctypes.cast(environ, ctypes.POINTER(ctypes.c_void_p))[i]
            addresses.append((address, len(entry)))
        i += 1
    # Unset first (glibc compares the names in place), then zero what the entries held.
    os.unsetenv(name)
    for address, length in addresses:
        if address:
            ctypes.memset(address, 0, length)


def take_env_secret(name: str) -> bytearray | None:
    """Read an environment variable holding a secret, then remove every trace of it from this
    process's environment. Returns None when it is not set (or empty)."""
    value = os.environb.get(name.encode()) if os.name == "posix" else None
    if value is None:
        text = os.environ.get(name)
        value = text.encode("utf-8") if text is not None else None
    if value is None:
        return None
    secret = bytearray(value)
    _scrub_c_environ(name)
    os.environ.pop(name, None)
    return secret or None


def harden_process() -> None:
    """Everything above that applies to a whole process; call first thing in ``main``."""
    disable_core_dumps()
    install_excepthook()
