"""Output helpers shared by the command modules."""

from __future__ import annotations

import json
import sys
from typing import Any, TextIO


def print_json(value: Any) -> None:
    """Machine-readable output for ``--json``: UTF-8 (Korean stays readable), indented."""
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


class StderrProgress:
    """A ProgressFn drawing a one-line bar on stderr (only when stderr is a terminal, unless
    ``force``), throttled to whole-percent changes."""

    def __init__(self, stream: TextIO | None = None, *, force: bool = False, width: int = 30) -> None:
        self.stream = stream or sys.stderr
        self.enabled = force or self.stream.isatty()
        self.width = width
        self._last = -1

    def __call__(self, fraction: float, label: str) -> None:
        percent = int(max(0.0, min(1.0, fraction)) * 100)
        if percent == self._last:
            return
        self._last = percent
        if not self.enabled:
            return
        filled = self.width * percent // 100
        self.stream.write(f"\r[{'#' * filled}{'.' * (self.width - filled)}] {percent:3d}% {label[:40]}")
        if percent >= 100:
            self.stream.write("\n")
        self.stream.flush()
