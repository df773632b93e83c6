"""Strict JSON for signed data: no duplicate keys, no floats, no NaN, bounded integers.

Two parsers that disagree about duplicate keys or number precision let one signed document mean
two things; we refuse anything ambiguous.
"""

from __future__ import annotations

import json
from typing import Any

MAX_INT = 2 ** 63 - 1


class StrictJsonError(ValueError):
    """The document is not acceptable strict JSON."""


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise StrictJsonError("duplicate key")
        result[key] = value
    return result


def _no_float(text: str) -> Any:
    raise StrictJsonError("floats are not allowed")


def _no_constant(text: str) -> Any:
    raise StrictJsonError("NaN and Infinity are not allowed")


def _int(text: str) -> int:
    if len(text) > 20:
        raise StrictJsonError("integer too large")
    value = int(text)
    if abs(value) > MAX_INT:
        raise StrictJsonError("integer too large")
    return value


def loads(data: bytes, *, allow_floats: bool = False) -> Any:
    """Parse UTF-8 JSON strictly; raise StrictJsonError on anything ambiguous or malformed."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise StrictJsonError("not UTF-8") from exc
    try:
        return json.loads(text, object_pairs_hook=_pairs,
                          parse_float=float if allow_floats else _no_float,
                          parse_int=_int, parse_constant=_no_constant)
    except StrictJsonError:
        raise
    except (ValueError, RecursionError) as exc:
        raise StrictJsonError("malformed JSON") from exc
