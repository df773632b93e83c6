"""Passphrase strength feedback for the setup screen (a rough guide, not a guarantee).

The estimate is deliberately simple and conservative: length dominates, character variety
helps a little, repeats and common patterns are penalised. Argon2id stretching is what makes
guessing slow; this only nudges people towards long passphrases.
"""

from __future__ import annotations

import math
import re

MIN_LENGTH = 8
_COMMON = ("password", "passwort", "123456", "qwerty", "letmein", "admin", "welcome",
           "iloveyou", "testimony", "vault", "korea")


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
    if len(passphrase) < MIN_LENGTH:
        return 0, f"Too short: use at least {MIN_LENGTH} characters (a sentence is best)."
    bits = estimate_bits(passphrase)
    if bits < 40:
        return 1, "Weak: add more words; a short sentence only you know works well."
    if bits < 60:
        return 2, "Fair: a few more words would make it much harder to guess."
    if bits < 80:
        return 3, "Good."
    return 4, "Strong."
