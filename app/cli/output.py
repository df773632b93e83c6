"""Output helpers shared by the command modules."""

from __future__ import annotations

import json
import sys
from typing import Any


def print_json(value: Any) -> None:
    """Machine-readable output for ``--json``: UTF-8 (Korean stays readable), indented."""
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
