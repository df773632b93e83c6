"""Echoing user input inside a one-sentence error message, safely."""

from __future__ import annotations


def shown(text: str, limit: int = 40) -> str:
    """``text`` as it may appear in an error message: on one line, control characters replaced,
    at most ``limit`` characters (so a pasted paragraph or a stray newline cannot break the
    one-sentence contract)."""
    flat = " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
