"""The reasons the program writes into a revision read back as messages (app.transcripts.reasons):
each known form gives its code and parameters, and the English rendering is the stored text
itself; a reason a person typed is no message and stays as typed."""

from __future__ import annotations

import pytest

from app.transcripts import reasons
from errors import Message

SUGGESTED = reasons.term_suggestion("보이부", "보위부", ["perpetrator.mss"], "nk-hr@2026.1")
TWO_TERMS = reasons.term_suggestion("요덕 관리쏘", "요덕 정치범수용소 (15호 관리소)",
                                    ["facility.camp.15", "place.yodok", "x.y"], "org@3")


def test_the_forms_the_program_writes() -> None:
    assert SUGGESTED == ("term suggestion: 보이부 -> 보위부 (taxonomy perpetrator.mss, vocabulary "
                         "version nk-hr@2026.1)")
    assert reasons.restored(4) == "restored revision 4"
    assert (reasons.FIND_AND_REPLACE, reasons.UNDO) == ("find and replace", "undo")


@pytest.mark.parametrize("stored", [reasons.FIND_AND_REPLACE, reasons.UNDO, reasons.restored(0),
                                    reasons.restored(12), SUGGESTED, TWO_TERMS])
def test_a_known_reason_renders_back_to_its_stored_english(stored: str) -> None:
    msg = reasons.message(stored)
    assert msg is not None and msg.render() == stored


def test_a_term_suggestion_keeps_its_words_names_and_ids() -> None:
    msg = reasons.message(TWO_TERMS)
    assert msg is not None and msg.code == "revision_reason.term_suggestion"
    assert (msg.params["heard"], msg.params["name"], msg.params["version"]) == (
        "요덕 관리쏘", "요덕 정치범수용소 (15호 관리소)", "org@3")
    terms = msg.params["terms"]
    assert isinstance(terms, Message) and terms.code == "revision_reason.either"
    # the 'or' between ids goes through the translation; the ids do not
    shouting = {"{first} or {rest}": "{first} OR {rest}"}
    assert msg.render(lambda t: shouting.get(t, t)).endswith(
        "(taxonomy facility.camp.15 OR place.yodok OR x.y, vocabulary version org@3)")
    restored = reasons.message("restored revision 7")
    assert restored is not None and restored.params == {"rev": 7}


@pytest.mark.parametrize("typed", [None, "", "heard again", "undo it", "restored revision",
                                   "restored revision 2 and fixed a word",
                                   "term suggestion: 보이부 -> 보위부",
                                   "find and replace " + "x"])
def test_a_typed_reason_is_no_message(typed: str | None) -> None:
    assert reasons.message(typed) is None
