"""Event dates with their precision and uncertainty, as witnesses give them.

A witness rarely knows the day: "the summer of 1997", "around 2003", "before the famine, before
1995", "from 1999 to 2001". ``EventDate`` keeps exactly what was said, in a small structure with a
canonical text form that round-trips (``parse(d.text()) == d``)::

    1997-03-14      day            1997-03   month         1997-summer  season
    1997            year           1990s     decade        unknown
    1995..1997      range (ends may have any precision: 1997-03..1998-summer)
    before 1997     open range     after 1997-03  open range
    about 1997      approximate (also: about 1995..1997)

Seasons follow the Korean calendar convention: spring March-May, summer June-August, autumn
September-November, winter December of that year to February of the next. ``interval()`` gives
the earliest and latest possible day, which search filters and reports use.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from app.coding.shown import shown
from app.errors import UsageError
from errors import Message

PRECISIONS = ("day", "month", "season", "year", "decade")
KINDS = ("point", "range", "before", "after", "unknown")
SEASONS = ("spring", "summer", "autumn", "winter")
MIN_YEAR, MAX_YEAR = 1900, 2100

_SEASON_WORDS = {"spring": "spring", "summer": "summer", "autumn": "autumn", "fall": "autumn",
                 "winter": "winter", "봄": "spring", "여름": "summer", "가을": "autumn",
                 "겨울": "winter"}
_SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "winter": (12, 2)}
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_APPROX = re.compile(r"^(?:about|around|approx\.?|approximately|circa|ca\.|c\.|~)\s*", re.I)
_APPROX_KO = re.compile(r"(?:년)?\s*(?:경|쯤|무렵)$")


class DateError(UsageError):
    """A date the parser cannot read; the message gives the accepted forms."""


HELP = ("write a date as 1997-03-14, 1997-03, 1997-summer, 1997, 1990s, 1995..1997, "
        "before 1997, after 1997 or about 1997 (or 'unknown')")


def _bad(text: str, why: Message | str | None = None) -> DateError:
    if why is None:
        return DateError("date.unreadable", text=shown(text), help=Message("date.help"))
    return DateError("date.unreadable_because", text=shown(text), why=why,
                     help=Message("date.help"))


@dataclass(frozen=True)
class DatePoint:
    """One point in time at a given precision."""

    precision: str
    year: int
    month: int | None = None
    day: int | None = None
    season: str | None = None

    def __post_init__(self) -> None:
        if self.precision not in PRECISIONS:
            raise ValueError(f"unknown precision {self.precision}")
        if not MIN_YEAR <= self.year <= MAX_YEAR:
            raise ValueError(f"year {self.year} out of range")
        if self.precision == "decade" and self.year % 10:
            raise ValueError("a decade starts at a year ending in 0")
        needs_month = self.precision in ("day", "month")
        if needs_month != (self.month is not None):
            raise ValueError("month given or missing for this precision")
        if (self.precision == "day") != (self.day is not None):
            raise ValueError("day given or missing for this precision")
        if (self.precision == "season") != (self.season is not None):
            raise ValueError("season given or missing for this precision")
        if self.season is not None and self.season not in SEASONS:
            raise ValueError(f"unknown season {self.season}")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError("month out of range")
        if self.day is not None:
            dt.date(self.year, self.month or 1, self.day)  # raises on 31 February

    def text(self) -> str:
        if self.precision == "day":
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.precision == "month":
            return f"{self.year:04d}-{self.month:02d}"
        if self.precision == "season":
            return f"{self.year:04d}-{self.season}"
        if self.precision == "decade":
            return f"{self.year:04d}s"
        return f"{self.year:04d}"

    def earliest(self) -> dt.date:
        if self.precision == "day":
            return dt.date(self.year, self.month or 1, self.day or 1)
        if self.precision == "month":
            return dt.date(self.year, self.month or 1, 1)
        if self.precision == "season":
            return dt.date(self.year, _SEASON_MONTHS[self.season or "spring"][0], 1)
        return dt.date(self.year, 1, 1)

    def latest(self) -> dt.date:
        if self.precision == "day":
            return self.earliest()
        if self.precision == "month":
            month = self.month or 12
            return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])
        if self.precision == "season":
            end_month = _SEASON_MONTHS[self.season or "spring"][1]
            year = self.year + 1 if self.season == "winter" else self.year
            return dt.date(year, end_month, calendar.monthrange(year, end_month)[1])
        if self.precision == "decade":
            return dt.date(self.year + 9, 12, 31)
        return dt.date(self.year, 12, 31)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"precision": self.precision, "year": self.year}
        for key in ("month", "day", "season"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        return out

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> DatePoint:
        return cls(obj["precision"], obj["year"], obj.get("month"), obj.get("day"),
                   obj.get("season"))


@dataclass(frozen=True)
class EventDate:
    """When an event happened, as precisely as the witness said. See the module docstring."""

    kind: str
    start: DatePoint | None = None
    end: DatePoint | None = None
    approximate: bool = False

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown kind {self.kind}")
        wants = {"point": (True, False), "range": (True, True), "before": (False, True),
                 "after": (True, False), "unknown": (False, False)}[self.kind]
        if (self.start is not None, self.end is not None) != wants:
            raise ValueError(f"a '{self.kind}' date has the wrong ends")
        if self.kind == "unknown" and self.approximate:
            raise ValueError("an unknown date cannot be approximate")
        if self.kind == "range" and self.start and self.end and (
                self.start.earliest() >= self.end.earliest()
                or self.start.latest() >= self.end.latest()):
            raise ValueError("the range ends before it starts")

    @classmethod
    def unknown(cls) -> EventDate:
        return cls("unknown")

    def text(self) -> str:
        """The canonical text; ``parse(self.text()) == self``."""
        if self.kind == "unknown":
            return "unknown"
        if self.kind == "point" and self.start:
            body = self.start.text()
        elif self.kind == "range" and self.start and self.end:
            body = f"{self.start.text()}..{self.end.text()}"
        elif self.kind == "before" and self.end:
            body = f"before {self.end.text()}"
        elif self.start:
            body = f"after {self.start.text()}"
        return f"about {body}" if self.approximate else body

    def interval(self) -> tuple[dt.date | None, dt.date | None]:
        """Earliest and latest possible day (None = open). 'before X' ends the day before X
        begins; 'after X' starts the day after X ends. Approximation does not widen it."""
        if self.kind == "point" and self.start:
            return self.start.earliest(), self.start.latest()
        if self.kind == "range" and self.start and self.end:
            return self.start.earliest(), self.end.latest()
        if self.kind == "before" and self.end:
            return None, self.end.earliest() - dt.timedelta(days=1)
        if self.kind == "after" and self.start:
            return self.start.latest() + dt.timedelta(days=1), None
        return None, None

    def year(self) -> int | None:
        """The year for per-year reports: the first year it can fall in, None if open/unknown."""
        low, _ = self.interval()
        return low.year if low else None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind}
        if self.start:
            out["start"] = self.start.to_json()
        if self.end:
            out["end"] = self.end.to_json()
        if self.approximate:
            out["approximate"] = True
        return out

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> EventDate:
        return cls(obj["kind"],
                   DatePoint.from_json(obj["start"]) if obj.get("start") else None,
                   DatePoint.from_json(obj["end"]) if obj.get("end") else None,
                   bool(obj.get("approximate", False)))


def _point(text: str, original: str) -> DatePoint:
    s = " ".join(text.strip().lower().replace(",", " ").split())
    s = re.sub(r"\s*of\s+", " ", s)
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", s):
            return DatePoint("day", int(m[1]), int(m[2]), int(m[3]))
        if m := re.fullmatch(r"(\d{4})-(\d{1,2})", s):
            return DatePoint("month", int(m[1]), int(m[2]))
        if m := re.fullmatch(r"(\d{4})", s):
            return DatePoint("year", int(m[1]))
        if m := re.fullmatch(r"(\d{3}0)'?s", s):
            return DatePoint("decade", int(m[1]))
        if m := re.fullmatch(r"(\d{4})-([a-z]+)", s):
            if m[2] in _SEASON_WORDS:
                return DatePoint("season", int(m[1]), season=_SEASON_WORDS[m[2]])
        if m := re.fullmatch(r"([a-z가-힣]+) (\d{4})|(\d{4})년? ([a-z가-힣]+)", s):
            word, year = (m[1], m[2]) if m[1] else (m[4], m[3])
            if word in _SEASON_WORDS:
                return DatePoint("season", int(year), season=_SEASON_WORDS[word])
            if word in _MONTHS:
                return DatePoint("month", int(year), _MONTHS[word])
        if m := re.fullmatch(r"(\d{1,2}) ([a-z]+) (\d{4})|([a-z]+) (\d{1,2}) (\d{4})", s):
            day, month, year = (m[1], m[2], m[3]) if m[1] else (m[5], m[4], m[6])
            if month in _MONTHS:
                return DatePoint("day", int(year), _MONTHS[month], int(day))
        # Korean: 1997년, 1997년 3월, 1997년 3월 14일, 1990년대
        if m := re.fullmatch(r"(\d{4})년(?: (\d{1,2})월(?: (\d{1,2})일)?)?", s):
            if m[3]:
                return DatePoint("day", int(m[1]), int(m[2]), int(m[3]))
            if m[2]:
                return DatePoint("month", int(m[1]), int(m[2]))
            return DatePoint("year", int(m[1]))
        if m := re.fullmatch(r"(\d{3}0)년대", s):
            return DatePoint("decade", int(m[1]))
    except ValueError as exc:
        raise _bad(original, str(exc)) from None
    raise _bad(original)


def parse(text: str) -> EventDate:
    """Read a date as a witness or coder writes it; raises DateError with the accepted forms."""
    original = text
    s = " ".join(text.strip().split())
    if not s:
        raise _bad(original, Message("date.empty"))
    if s.lower() in ("unknown", "?", "모름", "미상"):
        return EventDate.unknown()
    approximate = False
    if m := _APPROX.match(s):
        approximate, s = True, s[m.end():]
    elif m := _APPROX_KO.search(s):
        approximate, s = True, (s[:m.start()] + ("년" if "년" in m[0] else "")).strip()
    try:
        if m := re.fullmatch(r"(?:before|until|by) (.+)|(.+?)년? ?이전", s, re.I):
            return EventDate("before", end=_point(m[1] or m[2], original),
                             approximate=approximate)
        if m := re.fullmatch(r"(?:after|since) (.+)|(.+?)년? ?이후", s, re.I):
            return EventDate("after", start=_point(m[1] or m[2], original),
                             approximate=approximate)
        if m := re.fullmatch(r"(?:between |from )?(.+?)(?:\.\.| to | and |–|—|~| ?- ?(?=\d{4}(?:$|\D))|부터 )(.+?)(?:까지)?", s, re.I):
            start, end = _point(m[1], original), _point(m[2], original)
            return EventDate("range", start, end, approximate)
        return EventDate("point", _point(s, original), approximate=approximate)
    except ValueError as exc:
        if isinstance(exc, DateError):
            raise
        raise _bad(original, str(exc)) from None
