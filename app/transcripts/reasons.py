"""The reasons the program writes into a segment revision, and reading them back as messages.

A revision's reason is stored as English text (the vault, the CLI, ``--json`` and bundles keep
it as written). The reasons the program makes itself have fixed forms, made here and nowhere
else: "find and replace", "undo", "restored revision N" and "term suggestion: HEARD -> NAME
(taxonomy TERM, vocabulary version VERSION)". ``message`` turns a stored reason back into a
code of ``errors.catalog`` with its parameters (the heard word, the name, term ids and version
kept as they are), so a front end can show it in the interface language; a reason a person
typed is no such form and stays as typed. The English rendering of each message is the stored
text itself.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from errors import Message

FIND_AND_REPLACE = "find and replace"
UNDO = "undo"

_RESTORED = re.compile(r"restored revision (?P<rev>\d+)")
_TERM_SUGGESTION = re.compile(
    r"term suggestion: (?P<heard>.+?) -> (?P<name>.+) \(taxonomy (?P<terms>.+), "
    r"vocabulary version (?P<version>[^\s,()]+)\)", re.DOTALL)


def restored(rev: int) -> str:
    """The reason of a revision that brings back the text of revision ``rev``."""
    return f"restored revision {rev}"


def term_suggestion(heard: str, name: str, term_ids: Sequence[str], vocabulary: str) -> str:
    """The reason of an accepted term suggestion, e.g. 'term suggestion: 보이부 -> 보위부
    (taxonomy perpetrator.mss, vocabulary version nk-hr@2026.1)'."""
    return (f"term suggestion: {heard} -> {name} (taxonomy {' or '.join(term_ids)}, "
            f"vocabulary version {vocabulary})")


def _either(term_ids: list[str]) -> str | Message:
    """'a or b or c' as nested messages, so the 'or' is translated too."""
    if len(term_ids) == 1:
        return term_ids[0]
    return Message("revision_reason.either", {"first": term_ids[0],
                                              "rest": _either(term_ids[1:])})


def message(reason: str | None) -> Message | None:
    """The stored ``reason`` as a message if the program wrote it (one of the forms above);
    None for no reason or one a person typed, which is shown as typed."""
    if not reason:
        return None
    if reason == FIND_AND_REPLACE:
        return Message("revision_reason.find_and_replace")
    if reason == UNDO:
        return Message("revision_reason.undo")
    if m := _RESTORED.fullmatch(reason):
        return Message("revision_reason.restored", {"rev": int(m["rev"])})
    if m := _TERM_SUGGESTION.fullmatch(reason):
        return Message("revision_reason.term_suggestion", {
            "heard": m["heard"], "name": m["name"], "terms": _either(m["terms"].split(" or ")),
            "version": m["version"]})
    return None
