"""Recovery codes: 160 random bits printed as groups of base32 for the organisation's safe."""

from __future__ import annotations

import base64
import hashlib
import os

RECOVERY_BYTES = 20
_CHECK_LEN = 2


def new_recovery_secret() -> bytes:
    return os.urandom(RECOVERY_BYTES)


def format_recovery_code(secret: bytes) -> str:
    """Format as ``XXXX-XXXX-...`` with a short checksum so typos are caught before unwrapping."""
    check = hashlib.sha256(secret).digest()[:_CHECK_LEN]
    text = base64.b32encode(secret + check).decode("ascii").rstrip("=")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def parse_recovery_code(code: str) -> bytes:
    """Parse a recovery code typed by a person; raise ValueError if it is malformed."""
    text = "".join(ch for ch in code.upper() if ch.isalnum())
    text = text.replace("0", "O").replace("1", "I").replace("8", "B")
    padded = text + "=" * (-len(text) % 8)
    try:
        raw = base64.b32decode(padded)
    except ValueError as exc:
        raise ValueError("that recovery code is not in the expected format") from exc
    secret, check = raw[:-_CHECK_LEN], raw[-_CHECK_LEN:]
    if len(secret) != RECOVERY_BYTES or hashlib.sha256(secret).digest()[:_CHECK_LEN] != check:
        raise ValueError("that recovery code has a typo (its checksum does not match)")
    return secret
