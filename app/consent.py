"""The consent rule: may an interview be used for a purpose (a consent scope)?

One rule for every place that asks: the bundle export, the window's export view (what it will
leave out) and the interview list's consent filter. An interview may be used for a purpose only
if its consent covers that scope and has not been withdrawn; no consent row means no scopes.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Literal

Refusal = Literal["withdrawn", "not-covered"]


def refusal(scopes: Collection[str], withdrawn: bool, purpose: str) -> Refusal | None:
    """Why consent keeps an interview from ``purpose``; None when it may be used."""
    if withdrawn:
        return "withdrawn"
    if purpose not in scopes:
        return "not-covered"
    return None


def allows(scopes: Collection[str], withdrawn: bool, purpose: str) -> bool:
    return refusal(scopes, withdrawn, purpose) is None
