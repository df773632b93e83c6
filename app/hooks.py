"""Cross-area notifications inside one transaction, without the areas importing each other.

When a transcript or translation segment's text changes, tags anchored in it must follow the
text (see app.coding). The transcript service calls ``segment_text_changed`` inside the edit's
transaction; listeners are listed here by import path so that every caller, CLI, GUI or test,
gets the same behaviour whether or not the listener's module was imported before.
"""

from __future__ import annotations

import importlib
from typing import Any

# "module:function" entries; each is called as fn(conn, segment_id, old_text, new_text, role).
SEGMENT_TEXT_CHANGED: list[str] = [
    "app.coding.tags:follow_text_change",  # tags follow the words they were on
]


def segment_text_changed(conn: Any, segment_id: str, old_text: str, new_text: str,
                         role: str) -> None:
    """Notify every listener; call inside the transaction that changes the text."""
    for spec in SEGMENT_TEXT_CHANGED:
        module_name, func_name = spec.split(":")
        getattr(importlib.import_module(module_name), func_name)(
            conn, segment_id, old_text, new_text, role)


# "module:function" entries; each is called as fn(conn) and returns a list of terms (facility
# names, agencies, North Korean words) that bias transcription (initial prompt / hotwords).
GLOSSARY_PROVIDERS: list[str] = [
    "app.coding.taxonomy:glossary_terms",  # Korean facility, agency and NK terms
]


def glossary_terms(conn: Any) -> list[str]:
    """Every provider's terms, de-duplicated, in order."""
    terms: list[str] = []
    for spec in GLOSSARY_PROVIDERS:
        module_name, func_name = spec.split(":")
        for term in getattr(importlib.import_module(module_name), func_name)(conn):
            if term not in terms:
                terms.append(term)
    return terms
