"""Cross-area notifications inside one transaction, without the areas importing each other.

When a transcript or translation segment's text changes, tags anchored in it must follow the
text (see app.coding). The transcript service calls ``segment_text_changed`` inside the edit's
transaction; the listeners are typed functions listed here, so every caller, CLI, GUI or test,
gets the same behaviour whether or not the listener's module was imported before. Each listener
imports its area inside the call: the transcript service is imported by those areas, and a
top-level import here would make a cycle.
"""

from __future__ import annotations

from collections.abc import Callable

from storage.db import Connection

#: fn(conn, segment_id, old_text, new_text, role), called inside the edit's transaction.
SegmentTextListener = Callable[[Connection, str, str, str, str], None]
#: fn(conn) -> terms (facility names, agencies, North Korean words) for transcription review.
GlossaryProvider = Callable[[Connection], list[str]]


def _tags_follow_text(conn: Connection, segment_id: str, old: str, new: str, role: str) -> None:
    from app.coding.tags import follow_text_change

    follow_text_change(conn, segment_id, old, new, role)


def _taxonomy_terms(conn: Connection) -> list[str]:
    from app.coding.taxonomy import glossary_terms as taxonomy_glossary

    return taxonomy_glossary(conn)


SEGMENT_TEXT_CHANGED: list[SegmentTextListener] = [
    _tags_follow_text,  # tags follow the words they were on
]

GLOSSARY_PROVIDERS: list[GlossaryProvider] = [
    _taxonomy_terms,  # Korean facility, agency and NK terms
]


def segment_text_changed(conn: Connection, segment_id: str, old_text: str, new_text: str,
                         role: str) -> None:
    """Notify every listener; call inside the transaction that changes the text."""
    for listener in SEGMENT_TEXT_CHANGED:
        listener(conn, segment_id, old_text, new_text, role)


def glossary_terms(conn: Connection) -> list[str]:
    """Every provider's terms, de-duplicated, in order."""
    terms: list[str] = []
    for provider in GLOSSARY_PROVIDERS:
        for term in provider(conn):
            if term not in terms:
                terms.append(term)
    return terms
