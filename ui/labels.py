"""The interface-language names of values stored in English: interview statuses, consent scopes,
roles, review states, bundle profiles, recording states, tag confidence and how a witness knows
of an event. The vault, the CLI and bundles keep the English codes; the window shows
these names (``QCoreApplication.translate`` with the context "Values", so one Korean entry serves
every view). Also what an import conflicted on (context "Tables") and a stored event date
(context "Dates")."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.coding.dates import DateError, DatePoint
from app.coding.dates import parse as parse_date

_NAMES: dict[str, object] = {  # QT_TRANSLATE_NOOP returns its text
    # interview statuses (app.domain.INTERVIEW_STATUSES)
    "open": QT_TRANSLATE_NOOP("Values", "open"),
    "recorded": QT_TRANSLATE_NOOP("Values", "recorded"),
    "transcribed": QT_TRANSLATE_NOOP("Values", "transcribed"),
    "reviewed": QT_TRANSLATE_NOOP("Values", "reviewed"),
    "closed": QT_TRANSLATE_NOOP("Values", "closed"),
    # segment review states
    "draft": QT_TRANSLATE_NOOP("Values", "draft"),
    "disputed": QT_TRANSLATE_NOOP("Values", "disputed"),
    # consent scopes (app.domain.CONSENT_SCOPES)
    "archive": QT_TRANSLATE_NOOP("Values", "archive"),
    "un": QT_TRANSLATE_NOOP("Values", "UN"),
    "court": QT_TRANSLATE_NOOP("Values", "court"),
    "publication": QT_TRANSLATE_NOOP("Values", "publication"),
    "name": QT_TRANSLATE_NOOP("Values", "name disclosure"),
    # roles (app.domain.ROLES)
    "interviewer": QT_TRANSLATE_NOOP("Values", "interviewer"),
    "translator": QT_TRANSLATE_NOOP("Values", "translator"),
    "coder": QT_TRANSLATE_NOOP("Values", "coder"),
    "supervisor": QT_TRANSLATE_NOOP("Values", "supervisor"),
    # archive roles (storage.pg.roles; supervisor and translator as above)
    "analyst": QT_TRANSLATE_NOOP("Values", "analyst"),
    "administrator": QT_TRANSLATE_NOOP("Values", "administrator"),
    # bundle profiles (app.bundles.model.PROFILES; purposes are consent scopes)
    "share": QT_TRANSLATE_NOOP("Values", "share"),
    # recording states (audio_asset.state)
    "recording": QT_TRANSLATE_NOOP("Values", "recording"),
    "complete": QT_TRANSLATE_NOOP("Values", "complete"),
    "interrupted": QT_TRANSLATE_NOOP("Values", "interrupted"),
    # a tag's confidence (app.coding.tags.CONFIDENCE)
    "low": QT_TRANSLATE_NOOP("Values", "low"),
    "medium": QT_TRANSLATE_NOOP("Values", "medium"),
    "high": QT_TRANSLATE_NOOP("Values", "high"),
    # how the witness knows of an event (app.coding.events.RELATIONS)
    "experienced": QT_TRANSLATE_NOOP("Values", "experienced"),
    "saw": QT_TRANSLATE_NOOP("Values", "saw"),
    "heard": QT_TRANSLATE_NOOP("Values", "heard"),
    # how consent was given (app.domain.CONSENT_HOW)
    "written": QT_TRANSLATE_NOOP("Values", "written"),
    "oral-recorded": QT_TRANSLATE_NOOP("Values", "oral, recorded"),
    "oral-witnessed": QT_TRANSLATE_NOOP("Values", "oral, witnessed"),
}


def value_label(code: str) -> str:
    """The stored value ``code`` in the interface language (unknown codes unchanged)."""
    source = _NAMES.get(code)
    return QCoreApplication.translate("Values", str(source)) if source else code


status_label = scope_label = role_label = value_label


# What each table an import can conflict on holds (app.bundles.tables.interview_tables, and
# "blob" for a recording's audio), named as people say it. Their own context "Tables": a
# table's word may be spelt like a value above and mean something else ("recording").
_TABLES: dict[str, object] = {
    "interview": QT_TRANSLATE_NOOP("Tables", "interview"),
    "interviewee": QT_TRANSLATE_NOOP("Tables", "witness details"),
    "consent": QT_TRANSLATE_NOOP("Tables", "consent"),
    "audio_asset": QT_TRANSLATE_NOOP("Tables", "recording"),
    "blob": QT_TRANSLATE_NOOP("Tables", "recording's audio"),
    "marker": QT_TRANSLATE_NOOP("Tables", "marker"),
    "transcript": QT_TRANSLATE_NOOP("Tables", "transcript"),
    "segment": QT_TRANSLATE_NOOP("Tables", "passage"),
    "segment_revision": QT_TRANSLATE_NOOP("Tables", "passage revision"),
    "redaction": QT_TRANSLATE_NOOP("Tables", "redaction"),
    "tag": QT_TRANSLATE_NOOP("Tables", "tag"),
    "event": QT_TRANSLATE_NOOP("Tables", "event"),
    "event_tag": QT_TRANSLATE_NOOP("Tables", "event's evidence"),
    "link": QT_TRANSLATE_NOOP("Tables", "link"),
    "link_tag": QT_TRANSLATE_NOOP("Tables", "link's evidence"),
}


def table_label(table: str) -> str:
    """What the vault table ``table`` holds, in the interface language; a table unknown here
    (a newer program's) is named as "record (table)"."""
    source = _TABLES.get(table)
    if source:
        return QCoreApplication.translate("Tables", str(source))
    return QCoreApplication.translate("Tables", "record (%1)").replace("%1", table)


# A date as stored (app.coding.dates canonical text: 1997-summer, before 1997, about 1990s ...)
# in the interface language. Each English template gives back the stored text; the Korean ones
# are forms the date parser reads as the same date (1997년 여름, 1997년 이전, 1990년대경 ...).
_SEASONS = {
    "spring": QT_TRANSLATE_NOOP("Dates", "spring"),
    "summer": QT_TRANSLATE_NOOP("Dates", "summer"),
    "autumn": QT_TRANSLATE_NOOP("Dates", "autumn"),
    "winter": QT_TRANSLATE_NOOP("Dates", "winter"),
}


def _point(p: DatePoint) -> str:
    """%1 the year, %2 the month (two digits) or season word, %3 the month as a number."""
    translate = QCoreApplication.translate
    if p.precision == "day":
        return p.text()
    second = ""
    if p.precision == "month":
        template = QCoreApplication.translate("Dates", "%1-%2", "year and month")
        second = f"{p.month:02d}"
    elif p.precision == "season":
        template = QCoreApplication.translate("Dates", "%1-%2", "year and season")
        second = translate("Dates", str(_SEASONS[str(p.season)]))
    elif p.precision == "decade":
        template = QCoreApplication.translate("Dates", "%1s", "decade")
    else:
        template = QCoreApplication.translate("Dates", "%1", "year")
    return (template.replace("%1", f"{p.year:04d}").replace("%2", second)
            .replace("%3", str(p.month or "")))


def date_label(text: str | None) -> str | None:
    """A stored event date in the interface language; text the parser cannot read (or none) is
    returned as it is."""
    if not text:
        return text
    try:
        d = parse_date(text)
    except DateError:
        return text
    if d.kind == "unknown":
        return QCoreApplication.translate("Dates", "unknown", "date")
    if d.kind == "range" and d.start and d.end:
        body = (QCoreApplication.translate("Dates", "%1..%2", "date range")
                .replace("%1", _point(d.start)).replace("%2", _point(d.end)))
    elif d.kind == "before" and d.end:
        body = QCoreApplication.translate("Dates", "before %1").replace("%1", _point(d.end))
    elif d.kind == "after" and d.start:
        body = QCoreApplication.translate("Dates", "after %1").replace("%1", _point(d.start))
    else:
        assert d.start is not None
        body = _point(d.start)
    if d.approximate:
        return QCoreApplication.translate("Dates", "about %1").replace("%1", body)
    return body
