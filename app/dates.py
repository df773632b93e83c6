"""The one strict parser for calendar dates and times people type (interview and consent dates).

Dates are stored in ISO 8601 so that they sort and compare correctly. Accepted input:

- ISO 8601: ``2026-11-29``, ``2026-11-29T14:00``, ``2026-11-29 14:00:30+09:00``, ``...Z``;
- any year-first form, which cannot be misread: ``2026.11.29`` and ``2026. 11. 29.`` (the
  Korean way), ``2026/11/29``, ``2026년 11월 29일``, each optionally followed by a time;
- a month written as a word: ``29 November 2026``, ``Nov 29, 2026``.

Refused, with one sentence saying how to write it: every numeric form that does not start with
the year. ``03/04/2026`` is ambiguous (3 April or March 4); ``29/11/2026 14:00`` could only be
one day, but it is refused too, with the year-first spelling to use instead, so that nobody
learns that day-first works and then types an ambiguous ``03/04`` the next time. Impossible
dates (``2026-02-30``) and times (``25:00``) are refused as well. (Event dates as witnesses give
them, "the summer of 1997", are a different thing: see ``app.coding.dates``.)
"""

from __future__ import annotations

import datetime as dt
import re

from app.errors import UsageError
from errors import Message

#: What is being parsed, for the sentence that refuses it (translated with it).
DATE = Message("dates.what_date")
INTERVIEW_DATE = Message("dates.what_interview_date")
CONSENT_DATE = Message("dates.what_consent_date")

_MONTHS = {name: i for i, names in enumerate(
    (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
     ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
     ("oct", "october"), ("nov", "november"), ("dec", "december")), start=1) for name in names}

_TIME = r"(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2})(?:\.\d+)?)?\s*(?P<tz>Z|[+-]\d{2}:?\d{2})?"
_YEAR_FIRST = re.compile(
    r"(?P<y>\d{4})\s*(?:[-./]|년)\s*(?P<m>\d{1,2})\s*(?:[-./]|월)\s*(?P<d>\d{1,2})\s*(?:[.일])?"
    rf"(?:\s*(?:T|\s)\s*{_TIME})?")
_DAY_MONTH_WORD = re.compile(
    r"(?P<d>\d{1,2})\.?\s+(?P<mon>[A-Za-z]+)\.?,?\s+(?P<y>\d{4})" rf"(?:,?\s+{_TIME})?")
_MONTH_WORD_DAY = re.compile(
    r"(?P<mon>[A-Za-z]+)\.?\s+(?P<d>\d{1,2}),?\s+(?P<y>\d{4})" rf"(?:,?\s+{_TIME})?")
_NUMERIC_NOT_YEAR_FIRST = re.compile(
    r"(?P<a>\d{1,2})\s*[-./]\s*(?P<b>\d{1,2})\s*[-./]\s*(?P<y>\d{4}|\d{2})\.?(?P<rest>.*)")


def _zone(text: str | None) -> dt.tzinfo | None:
    if not text:
        return None
    if text == "Z":
        return dt.UTC
    sign = 1 if text[0] == "+" else -1
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:])
    if hours > 14 or minutes > 59:
        raise ValueError("zone")
    return dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))


def _build(year: str, month: int, day: str, m: re.Match[str]) -> dt.datetime | dt.date:
    date = dt.date(int(year), month, int(day))
    if m.group("h") is None:
        return date
    return dt.datetime(date.year, date.month, date.day, int(m.group("h")), int(m.group("mi")),
                       int(m.group("s") or 0), tzinfo=_zone(m.group("tz")))


def _parse(text: str, what: Message) -> dt.datetime | dt.date:
    text = " ".join(text.split())
    example = "2026-11-29 14:00" if what.code == INTERVIEW_DATE.code else "2026-11-29"
    m = _YEAR_FIRST.fullmatch(text)
    try:
        if m:
            return _build(m.group("y"), int(m.group("m")), m.group("d"), m)
        for pattern in (_DAY_MONTH_WORD, _MONTH_WORD_DAY):
            m = pattern.fullmatch(text)
            if m and m.group("mon").lower() in _MONTHS:
                return _build(m.group("y"), _MONTHS[m.group("mon").lower()], m.group("d"), m)
    except ValueError:
        raise UsageError("dates.not_real", what=what, text=text, example=example) from None
    n = _NUMERIC_NOT_YEAR_FIRST.fullmatch(text)
    if n:
        a, b, year, rest = int(n.group("a")), int(n.group("b")), n.group("y"), n.group("rest")
        if len(year) == 4 and (a > 12) != (b > 12) and max(a, b) <= 31:
            day, month = (a, b) if a > 12 else (b, a)
            raise UsageError("dates.not_year_first", what=what, text=text,
                             suggested=f"{year}-{month:02d}-{day:02d}{rest.rstrip()}")
        raise UsageError("dates.ambiguous", what=what, text=text, example=example)
    raise UsageError("dates.unreadable", what=what, text=text, example=example)


def parse_date(text: str, *, what: Message = DATE) -> dt.date:
    """A calendar day; a time is refused."""
    value = _parse(text, what)
    if isinstance(value, dt.datetime):
        raise UsageError("dates.day_has_time", what=what, text=" ".join(text.split()))
    return value


def parse_datetime(text: str, *, what: Message = DATE) -> dt.datetime | dt.date:
    """A day, or a day with a time (and optionally a UTC offset)."""
    return _parse(text, what)
