"""qtaudio.signals.emit keeps Python's reference counts intact (PySide6 6.12 emit() bug)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

from qtaudio.signals import emit


class _Meter(QObject):
    level = Signal(float, float)


def test_many_emits_leave_the_reference_count_of_true_unchanged(qapp) -> None:
    meter = _Meter()
    seen: list[float] = []
    meter.level.connect(lambda rms, peak: seen.append(peak))
    before = sys.getrefcount(True)
    for i in range(5000):  # without the work-around the interpreter aborts well before this
        emit(meter.level, 0.1, i / 5000)
    # The bug costs one reference per emit (-5000 here); allow for incidental holders of True.
    assert abs(sys.getrefcount(True) - before) <= 2
    assert len(seen) == 5000 and seen[-1] == 4999 / 5000
