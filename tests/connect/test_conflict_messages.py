"""A conflict's explanation is also a message (a ``connect_conflict.*`` code of errors.catalog
with its parameters) whose English rendering is the stored explanation, word for word; the terms
it names are marked (``TermRef``) and labelled in English and Korean, its dates marked
(``DateRef``), so a front end can word it in its language. The dict, ``--json`` and briefs keep
the English explanation only. Planted conflicts of each kind on a generated archive in a real
SQLCipher vault (tests/connect_archive.py)."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from app.coding import taxonomy as tx
from app.connect import corroborate as co
from app.connect import entities
from errors import Message
from storage.vault import Vault
from tests.bundle_helpers import new_vault
from tests.connect_archive import CAMP22, CAMP22_CLOSED, FACILITIES, YODOK, generate

ENACTED = "violation.cah.enslavement"  # the act of the generator's planted place conflicts


@pytest.fixture(scope="module")
def conflicts(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, list[co.Conflict]]]:
    vault: Vault = new_vault(tmp_path_factory.mktemp("conflicts") / "v")
    generate(vault, 60, n_duplicates=4, n_date_conflicts=2, n_place_conflicts=1,
             n_near_misses=2, n_after_closure=1)
    entities.set_entity(vault, CAMP22, role="supervisor", active_to=CAMP22_CLOSED)
    taxonomy = tx.ensure_taxonomy(vault)
    found: dict[str, list[co.Conflict]] = {"date": [], "place": [], "period": []}
    for facility in FACILITIES:
        for c in co.corroborate(vault, co.subject_for(vault, facility=facility)).conflicts:
            found[c.kind].append(c)
    # every term a message names is labelled from the taxonomy, in both languages
    for c in (c for kind in found.values() for c in kind):
        assert c.terms() and c.labels == {
            t: {"en": taxonomy.terms[t].label_en, "ko": taxonomy.terms[t].label_ko}
            for t in c.terms()}
        assert all(label["ko"] != label["en"] for label in c.labels.values())
    yield found
    vault.lock()


def _refs(message: Message) -> list[tuple[str, type]]:
    out: list[tuple[str, type]] = []
    for key, value in message.params.items():
        if isinstance(value, Message):
            out += _refs(value)
        elif isinstance(value, (co.TermRef, co.DateRef)):
            out.append((key, type(value)))
    return out


def test_each_kind_renders_in_english_to_its_stored_explanation(
        conflicts: dict[str, list[co.Conflict]]) -> None:
    assert all(conflicts[kind] for kind in co.CONFLICT_KINDS), conflicts
    for kind, found in conflicts.items():
        for c in found:
            assert c.message is not None and c.message.code == f"connect_conflict.{kind}"
            assert c.message.render() == str(c.message) == c.explanation
            # the dict (``--json``, briefs) is the English explanation alone, as before
            assert c.to_dict() == {"kind": kind, "witness": c.witness,
                                   "explanation": c.explanation, "accounts": c.accounts}
            json.dumps(c.to_dict())
            codes = [a["interview_code"] for a in c.accounts]
            dates = [a["date"] for a in c.accounts]
            if kind == "period":
                (code,), (date,) = codes, dates
                assert c.explanation == (f"{code} dates an account about {CAMP22} {date}, "
                                         f"outside the period recorded for it (… to "
                                         f"{CAMP22_CLOSED}-12-31).")
                assert _refs(c.message) == [("term", co.TermRef), ("date", co.DateRef)]
            elif kind == "date":
                a, b = codes
                da, db = dates
                assert c.explanation in {
                    f"The same witness dates {YODOK} to periods that do not overlap "
                    f"({x}: {dx}; {y}: {dy})." for (x, dx), (y, dy) in
                    (((a, da), (b, db)), ((b, db), (a, da)))}
                assert _refs(c.message) == [("terms", co.TermRef), ("date_a", co.DateRef),
                                            ("date_b", co.DateRef)]
            else:
                a, b = codes
                pa, pb = (acc["place"] for acc in c.accounts)
                assert pa != pb and {acc["act"] for acc in c.accounts} == {ENACTED}
                assert c.explanation in {
                    f"The same witness places {ENACTED} in the same period at {px} ({x}) "
                    f"and at {py} ({y})." for (x, px), (y, py) in
                    (((a, pa), (b, pb)), ((b, pb), (a, pa)))}
                assert _refs(c.message) == [("act", co.TermRef), ("places_a", co.TermRef),
                                            ("places_b", co.TermRef)]


def test_a_list_of_terms_is_nested_messages_worded_like_the_old_join() -> None:
    listed = co._term_list({"b.two", "a.one", "c.three"})
    assert isinstance(listed, Message) and listed.code == "connect_conflict.list"
    assert listed.render() == "a.one, b.two, c.three"
    assert co._term_list({"a.one"}) == "a.one" and isinstance(co._term_list({"a.one"}),
                                                               co.TermRef)
    c = co.Conflict("date", "NK-2026-901", "", [],
                    Message("connect_conflict.date", {
                        "terms": listed, "code_a": "NK-2026-901", "date_a": co.DateRef("1999"),
                        "code_b": "NK-2026-902", "date_b": co.DateRef("2005")}))
    assert c.terms() == ["a.one", "b.two", "c.three"]
    assert str(c.message) == ("The same witness dates a.one, b.two, c.three to periods that do "
                              "not overlap (NK-2026-901: 1999; NK-2026-902: 2005).")
