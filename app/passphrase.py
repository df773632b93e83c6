"""The passphrase policy: the minimum every new passphrase must meet, and strength advice.

One rule for both front ends: ``check_new`` refuses a passphrase shorter than ``MIN_LENGTH``
characters (counted as characters, so a Hangul passphrase is measured like a Latin one) when a
vault is created or its passphrase changed; ``assess`` gives the setup screen's feedback (a
rough guide, not a guarantee).

The estimate is deliberately simple and conservative: length dominates, character variety
helps a little, repeats and common patterns are penalised. Argon2id stretching is what makes
guessing slow; this only nudges people towards long passphrases.
"""

from __future__ import annotations

import math
import re

from app.errors import UsageError

MIN_LENGTH = 8
_COMMON = ("password", "passwort", "123456", "qwerty", "letmein", "admin", "welcome",
           "iloveyou", "testimony", "vault", "korea")


def length(passphrase: bytes | bytearray | str) -> int:
    """Characters in a passphrase given as UTF-8 bytes or text."""
    if isinstance(passphrase, str):
        return len(passphrase)
    return len(bytes(passphrase).decode("utf-8", "replace"))


def long_enough(passphrase: bytes | bytearray | str) -> bool:
    return length(passphrase) >= MIN_LENGTH


def check_new(passphrase: bytes | bytearray | str) -> None:
    """Refuse a new passphrase that does not meet the policy (one sentence, nothing changed)."""
    if not long_enough(passphrase):
        raise UsageError("vault.passphrase_too_short", min_length=MIN_LENGTH)


def estimate_bits(passphrase: str) -> float:
    if not passphrase:
        return 0.0
    pool = 0
    if re.search(r"[a-z]", passphrase):
        pool += 26
    if re.search(r"[A-Z]", passphrase):
        pool += 26
    if re.search(r"[0-9]", passphrase):
        pool += 10
    if re.search(r"[^A-Za-z0-9\s]", passphrase):
        pool += 33
    if re.search(r"\s", passphrase):
        pool += 1
    if re.search(r"[^\x00-\x7f]", passphrase):
        pool += 100  # Hangul and other scripts
    distinct = len(set(passphrase))
    # Repeated characters add little: count length as the distinct characters plus a fraction.
    effective = min(len(passphrase), distinct + (len(passphrase) - distinct) * 0.3)
    bits = effective * math.log2(max(pool, 2))
    lowered = passphrase.lower()
    if any(word in lowered for word in _COMMON):
        bits *= 0.5
    return bits


def assess(passphrase: str) -> tuple[int, str]:
    """Score 0-4 and one sentence of advice."""
    if not long_enough(passphrase):
        return 0, f"Too short: use at least {MIN_LENGTH} characters (a sentence is best)."
    bits = estimate_bits(passphrase)
    if bits < 40:
        return 1, "Weak: add more words; a short sentence only you know works well."
    if bits < 60:
        return 2, "Fair: a few more words would make it much harder to guess."
    if bits < 80:
        return 3, "Good."
    return 4, "Strong."
