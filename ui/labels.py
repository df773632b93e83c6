"""The interface-language names of values stored in English: interview statuses, consent scopes,
roles, review states, bundle profiles, recording states, tag confidence and how a witness knows
of an event. The vault, the CLI and bundles keep the English codes; the window shows
these names (``QCoreApplication.translate`` with the context "Values", so one Korean entry serves
every view)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

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
