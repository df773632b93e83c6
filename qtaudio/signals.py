"""Work around a PySide6 6.12 reference-counting bug in ``SignalInstance.emit``.

With PySide6 6.12.0 on Python 3.11, ``emit()`` returns ``True`` without taking a reference to
it, so every emit from Python leaves ``True`` one reference short. After a few hundred emits
(a level meter emits twenty times a second) the interpreter aborts with "Fatal Python error:
bool_dealloc". Python 3.12+ makes ``True`` immortal, which hides the bug there.

``emit(signal, *args)`` emits and, only if the bug was detected at import, gives the returned
bool the reference it is owed. Use it for every emit from Python code in ``ui/``.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal


class _Probe(QObject):
    ping = Signal()


def _emit_returns_borrowed_bool() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    result = probe.ping.emit()  # type: ignore[func-returns-value] # stubs say None; it is a bool
    borrowed = isinstance(result, bool) and sys.getrefcount(True) == before
    if borrowed:
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(result))
    del result
    return borrowed


EMIT_RETURNS_BORROWED_BOOL = _emit_returns_borrowed_bool()


def emit(signal: Any, *args: Any) -> None:
    """``signal.emit(*args)`` without PySide's reference-count bug (see the module docstring)."""
    result = signal.emit(*args)  # a bool, whatever the stubs say
    if EMIT_RETURNS_BORROWED_BOOL and isinstance(result, bool):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(result))
