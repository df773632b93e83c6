"""Event dates keep their precision and uncertainty and round-trip exactly."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from app.coding.dates import DateError, DatePoint, EventDate, parse


@st.composite
def points(draw: st.DrawFn) -> DatePoint:
    precision = draw(st.sampled_from(["day", "month", "season", "year", "decade"]))
    year = draw(st.integers(1900, 2090))
    if precision == "day":
        when = draw(st.dates(dt.date(year, 1, 1), dt.date(year, 12, 31)))
        return DatePoint("day", year, when.month, when.day)
    if precision == "month":
        return DatePoint("month", year, draw(st.integers(1, 12)))
    if precision == "season":
        return DatePoint("season", year,
                         season=draw(st.sampled_from(["spring", "summer", "autumn", "winter"])))
    if precision == "decade":
        return DatePoint("decade", year - year % 10)
    return DatePoint("year", year)


@st.composite
def event_dates(draw: st.DrawFn) -> EventDate:
    kind = draw(st.sampled_from(["point", "range", "before", "after", "unknown"]))
    if kind == "unknown":
        return EventDate.unknown()
    approximate = draw(st.booleans())
    if kind == "range":
        a, b = draw(points()), draw(points())
        assume(a.earliest() < b.earliest() and a.latest() < b.latest())
        return EventDate("range", a, b, approximate)
    p = draw(points())
    if kind == "before":
        return EventDate("before", end=p, approximate=approximate)
    return EventDate(kind, start=p, approximate=approximate)


@given(event_dates())
def test_every_date_round_trips_through_text_and_json(d: EventDate) -> None:
    assert parse(d.text()) == d
    assert EventDate.from_json(d.to_json()) == d
    low, high = d.interval()
    if low and high:
        assert low <= high


@pytest.mark.parametrize(("text", "canonical", "low", "high"), [
    ("1997-03-14", "1997-03-14", "1997-03-14", "1997-03-14"),
    ("14 March 1997", "1997-03-14", "1997-03-14", "1997-03-14"),
    ("1997년 3월 14일", "1997-03-14", "1997-03-14", "1997-03-14"),
    ("1997-03", "1997-03", "1997-03-01", "1997-03-31"),
    ("1997년 3월", "1997-03", "1997-03-01", "1997-03-31"),
    ("summer 1997", "1997-summer", "1997-06-01", "1997-08-31"),
    ("1997년 여름", "1997-summer", "1997-06-01", "1997-08-31"),
    ("winter of 1996", "1996-winter", "1996-12-01", "1997-02-28"),
    ("1997", "1997", "1997-01-01", "1997-12-31"),
    ("1990s", "1990s", "1990-01-01", "1999-12-31"),
    ("1990년대", "1990s", "1990-01-01", "1999-12-31"),
    ("1995-1997", "1995..1997", "1995-01-01", "1997-12-31"),
    ("from 1995 to 1997", "1995..1997", "1995-01-01", "1997-12-31"),
    ("1997-03..1998-summer", "1997-03..1998-summer", "1997-03-01", "1998-08-31"),
    ("before 1997", "before 1997", None, "1996-12-31"),
    ("1997년 이전", "before 1997", None, "1996-12-31"),
    ("after 2003-05", "after 2003-05", "2003-06-01", None),
    ("about 1997", "about 1997", "1997-01-01", "1997-12-31"),
    ("c. 1997", "about 1997", "1997-01-01", "1997-12-31"),
    ("1997년경", "about 1997", "1997-01-01", "1997-12-31"),
    ("unknown", "unknown", None, None),
])
def test_witness_phrasings_parse_to_canonical_form(text, canonical, low, high) -> None:
    d = parse(text)
    assert d.text() == canonical
    got = tuple(x.isoformat() if x else None for x in d.interval())
    assert got == (low, high)


def test_precision_is_kept_not_invented() -> None:
    assert parse("1997").start == DatePoint("year", 1997)
    assert parse("1997-summer").start.precision == "season"
    assert parse("about 1997").approximate and not parse("1997").approximate
    assert parse("before 1997").year() is None and parse("1995..1997").year() == 1995


@pytest.mark.parametrize("text", ["", "   ", "yesterday", "1997-02-30", "1997-13", "1899",
                                  "1997..1995", "1993s", "before", "1997-monsoon"])
def test_unreadable_dates_give_one_sentence_with_the_accepted_forms(text) -> None:
    with pytest.raises(DateError) as err:
        parse(text)
    message = str(err.value)
    assert message.startswith("Cannot read the date") and "1997-summer" in message
    assert "\n" not in message
