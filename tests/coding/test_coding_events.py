"""HURIDOCS-style events: validated terms, pseudonymised victims, fuzzy dates, supporting tags."""

from __future__ import annotations

import pytest

from app.coding import events, tags
from app.coding.dates import DateError
from app.errors import UsageError
from tests.coding_util import add_interview, add_segments


def test_event_records_every_field_and_round_trips_its_date(vault) -> None:
    iid = add_interview(vault)
    add_segments(vault, iid, ["보위부가 저를 요덕에서 때렸습니다."])
    t1 = tags.add_tag(vault, iid, "Bowibu", role="coder", segment=0, chars=(0, 3))
    t2 = tags.add_tag(vault, iid, "Yodok", role="coder", segment=0, chars=(8, 10))
    eid = events.add_event(vault, iid, act="torture", role="coder", victim="witness",
                           perpetrator="보위부", involvement="direct", place="Camp 15",
                           date="1997년 여름경", relation="experienced", tags=[t1, t2, t1])
    (e,) = events.list_events(vault, iid)
    assert e.id == eid
    assert (e.act, e.perpetrator, e.place_term, e.place_precision) == (
        "violation.cah.torture", "perpetrator.mss", "detention.kwanliso.15", "facility")
    assert (e.date, e.date_from, e.date_to) == ("about 1997-summer", "1997-06-01", "1997-08-31")
    assert (e.victim, e.relation, e.involvement) == ("witness", "experienced", "direct")
    assert sorted(e.tags) == sorted([t1, t2])
    assert e.act_label == {"en": "Torture", "ko": "고문"}


def test_free_text_place_and_open_dates(vault) -> None:
    iid = add_interview(vault)
    events.add_event(vault, iid, act="public execution", role="coder", victim="V2 (neighbour)",
                     place="Hyesan market", place_precision="town", date="before 1997",
                     relation="saw")
    events.add_event(vault, iid, act="forced repatriation", role="coder", relation="heard")
    first, second = events.list_events(vault, iid)
    assert (first.place, first.place_term, first.place_precision) == (
        "Hyesan market", None, "town")
    assert (first.date, first.date_from, first.date_to) == ("before 1997", None, "1996-12-31")
    assert second.date is None and second.victim is None


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"act": "Bowibu"}, "The act must be a term under 'violation'"),
    ({"act": "torture", "perpetrator": "Yodok"}, "The perpetrator must be a term under"),
    ({"act": "torture", "relation": "guessed"}, "relation must be one of"),
    ({"act": "torture", "involvement": "direct"}, "name the perpetrator too"),
    ({"act": "torture", "place": "Kaechon"}, "names 2 terms"),
    ({"act": "torture", "date": "the year of the flood"}, "Cannot read the date"),
    ({"act": "torture", "tags": ["no-such-tag"]}, "is not a tag of this interview"),
    ({"act": "torture", "victim": "  "}, "pseudonym"),
])
def test_bad_event_input_is_refused_and_nothing_stored(vault, kwargs, message) -> None:
    iid = add_interview(vault)
    with pytest.raises((UsageError, DateError), match=message):
        events.add_event(vault, iid, role="coder", **kwargs)
    assert vault.conn.execute("SELECT count(*) FROM event").fetchone()[0] == 0


def test_tag_of_another_interview_cannot_support_an_event(vault) -> None:
    a, b = add_interview(vault, "NK-2026-101"), add_interview(vault, "NK-2026-102")
    other = tags.add_tag(vault, b, "torture", role="coder")
    with pytest.raises(UsageError, match="not a tag of this interview"):
        events.add_event(vault, a, act="torture", role="coder", tags=[other])
