"""Interview service: one function per user intention, used by the CLI, the GUI and tests."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

from app import codes, dates
from app.changes import Change, Kind, publish
from app.domain import (
    CONSENT_HOW,
    CONSENT_SCOPES,
    INTERVIEW_STATUSES,
    Consent,
    Interview,
    Interviewee,
)
from app.errors import NotFound, UsageError
from storage.backend import Store
from storage.vault import Vault

_EDITABLE = ("interviewer", "interpreter", "others_present", "started_at", "timezone", "place",
             "languages", "notes", "status")


def _now(now: dt.datetime | None) -> str:
    return (now or dt.datetime.now(dt.UTC)).isoformat()


def _check_scopes(scopes: list[str]) -> list[str]:
    unknown = [s for s in scopes if s not in CONSENT_SCOPES]
    if unknown:
        raise UsageError("interview.unknown_consent_scope_use", value=unknown[0],
                         choices=", ".join(CONSENT_SCOPES))
    return sorted(set(scopes))


def add_interview(
    vault: Vault,
    *,
    code: str,
    role: str,
    languages: list[str] | None = None,
    notes: str = "",
    consent_scopes: list[str] | None = None,
    consent_how: str | None = None,
    consent_given_on: str | None = None,
    interviewer: str | None = None,
    interpreter: str | None = None,
    others_present: list[str] | None = None,
    started_at: str | None = None,
    timezone: str | None = None,
    place: str | None = None,
    now: dt.datetime | None = None,
) -> str:
    """Create an interview with its consent record; returns the new id."""
    code = codes.validate(vault, code)
    started_at = check_started_at(started_at)
    consent_given_on = check_given_on(consent_given_on)
    scopes = _check_scopes(consent_scopes or [])
    if consent_how is not None and consent_how not in CONSENT_HOW:
        raise UsageError("interview.consent_given", choices=', '.join(CONSENT_HOW))
    if vault.conn.execute("SELECT 1 FROM interview WHERE code = ?", (code,)).fetchone():
        raise UsageError("interview.interview_code_already_exists", code=code)
    stamp = _now(now)
    interview_id = str(uuid.uuid4())
    with vault.transaction() as conn:
        conn.execute(
            "INSERT INTO interview(id, code, interviewer, interpreter, others_present, started_at,"
            " timezone, place, languages, notes, status, created_at, updated_at, created_by)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,'open',?,?,?)",
            (interview_id, code, interviewer, interpreter, json.dumps(others_present or []),
             started_at, timezone, place, json.dumps(languages or []), notes, stamp, stamp, role),
        )
        conn.execute(
            "INSERT INTO consent(interview_id, scopes, how_given, given_on, updated_at, updated_by)"
            " VALUES (?,?,?,?,?,?)",
            (interview_id, json.dumps(scopes), consent_how, consent_given_on, stamp, role),
        )
        vault.audit("create", "interview", interview_id, role=role, now=now,
                    details={"consent_scopes": scopes})
    publish(vault, Change(Kind.INTERVIEW_CREATED, interview_id))
    return interview_id


def check_started_at(value: str | None) -> str | None:
    """An interview's date and time, stored in ISO 8601 (see app.dates)."""
    if value is None or not value.strip():
        return None
    return dates.parse_datetime(value, what=dates.INTERVIEW_DATE).isoformat()


def check_given_on(value: str | None) -> str | None:
    """The day consent was given, stored as YYYY-MM-DD (see app.dates)."""
    if value is None or not value.strip():
        return None
    return dates.parse_date(value, what=dates.CONSENT_DATE).isoformat()


def _row_to_interview(vault: Store, row: Any) -> Interview:
    (iid, code, interviewer, interpreter, others, started_at, tz, place, languages, notes,
     status, created_at, updated_at, created_by) = row
    c = vault.conn.execute(
        "SELECT scopes, how_given, given_on, withdrawn_at, withdrawal_note FROM consent"
        " WHERE interview_id = ?", (iid,)).fetchone()
    consent = Consent(json.loads(c[0]), c[1], c[2], c[3], c[4]) if c else Consent()
    p = vault.conn.execute(
        "SELECT birth_year, home_province, defection_year, songbun_stated FROM interviewee"
        " WHERE interview_id = ?", (iid,)).fetchone()
    person = Interviewee(*p) if p else Interviewee()
    return Interview(iid, code, interviewer, interpreter, json.loads(others), started_at, tz,
                     place, json.loads(languages), notes, status, created_at, updated_at,
                     created_by, consent, person)


_SELECT = ("SELECT id, code, interviewer, interpreter, others_present, started_at, timezone, "
           "place, languages, notes, status, created_at, updated_at, created_by FROM interview")


def get_interview(vault: Store, interview_id: str) -> Interview:
    """Fetch by id, or by pseudonym code; raises NotFound."""
    row = vault.conn.execute(_SELECT + " WHERE id = ? OR code = ?",
                             (interview_id, interview_id)).fetchone()
    if row is None:
        raise NotFound("interview.interview_vault_see_testimony", interview_id=interview_id)
    return _row_to_interview(vault, row)


def resolve_id(vault: Store, id_or_code: str) -> str:
    """Accept an interview id or its pseudonym code; return the id."""
    row = vault.conn.execute("SELECT id FROM interview WHERE id = ? OR code = ?",
                             (id_or_code, id_or_code)).fetchone()
    if row is None:
        raise NotFound("interview.interview_vault_see_testimony_2", id_or_code=id_or_code)
    return str(row[0])


def list_interviews(vault: Store) -> list[Interview]:
    rows = vault.conn.execute(_SELECT + " ORDER BY created_at, code").fetchall()
    return [_row_to_interview(vault, r) for r in rows]


def update_interview(vault: Store, interview_id: str, *, role: str,
                     now: dt.datetime | None = None, **fields: Any) -> None:
    """Change metadata fields; the audit log records which fields changed (not their values)."""
    unknown = [k for k in fields if k not in _EDITABLE]
    if unknown:
        raise UsageError("interview.edited", value=unknown[0])
    if "status" in fields and fields["status"] not in INTERVIEW_STATUSES:
        raise UsageError("interview.status_must_one", choices=', '.join(INTERVIEW_STATUSES))
    if "started_at" in fields:
        fields["started_at"] = check_started_at(fields["started_at"])
    interview_id = resolve_id(vault, interview_id)
    values = {k: json.dumps(v) if k in ("others_present", "languages") else v
              for k, v in fields.items()}
    if not values:
        return
    stamp = _now(now)
    assignments = ", ".join(f"{k} = ?" for k in values)
    with vault.transaction() as conn:
        conn.execute(f"UPDATE interview SET {assignments}, updated_at = ? WHERE id = ?",  # noqa: S608 - keys whitelisted above
                     (*values.values(), stamp, interview_id))
        vault.audit("edit", "interview", interview_id, role=role, now=now,
                    details={"fields": sorted(values)})
    publish(vault, Change(Kind.INTERVIEW_EDITED, interview_id))


def rename_interview(vault: Vault, interview_id: str, new_code: str, *, role: str,
                     now: dt.datetime | None = None) -> str:
    """Give an interview a new pseudonym code; returns the code actually stored.

    The interview keeps its id (bundles and the supervisor's vault identify interviews by id;
    the code is data that travels with the next bundle). The audit entry says that the code
    changed, never the old or new value: the usual reason to rename is that the old code was
    a real name, which must not be kept in the log forever."""
    interview_id = resolve_id(vault, interview_id)
    new_code = codes.validate(vault, new_code)
    row = vault.conn.execute("SELECT code FROM interview WHERE id = ?", (interview_id,)).fetchone()
    if row[0] == new_code:
        raise UsageError("interview.already_called", code=new_code)
    if vault.conn.execute("SELECT 1 FROM interview WHERE code = ? AND id != ?",
                          (new_code, interview_id)).fetchone():
        raise UsageError("interview.interview_code_already_exists", code=new_code)
    stamp = _now(now)
    with vault.transaction() as conn:
        conn.execute("UPDATE interview SET code = ?, updated_at = ? WHERE id = ?",
                     (new_code, stamp, interview_id))
        vault.audit("rename", "interview", interview_id, role=role, now=now,
                    details={"fields": ["code"]})
    publish(vault, Change(Kind.INTERVIEW_RENAMED, interview_id))
    return new_code


def set_consent(vault: Store, interview_id: str, *, role: str, scopes: list[str] | None = None,
                how_given: str | None = None, given_on: str | None = None,
                now: dt.datetime | None = None) -> None:
    given_on = check_given_on(given_on)
    interview_id = resolve_id(vault, interview_id)
    current = get_interview(vault, interview_id).consent
    new_scopes = _check_scopes(scopes) if scopes is not None else current.scopes
    if how_given is not None and how_given not in CONSENT_HOW:
        raise UsageError("interview.consent_given", choices=', '.join(CONSENT_HOW))
    stamp = _now(now)
    with vault.transaction() as conn:
        conn.execute(
            "UPDATE consent SET scopes = ?, how_given = COALESCE(?, how_given),"
            " given_on = COALESCE(?, given_on), updated_at = ?, updated_by = ? WHERE interview_id = ?",
            (json.dumps(new_scopes), how_given, given_on, stamp, role, interview_id))
        vault.audit("edit", "consent", interview_id, role=role, now=now,
                    details={"scopes": new_scopes})
    publish(vault, Change(Kind.INTERVIEW_EDITED, interview_id))


def withdraw_consent(vault: Store, interview_id: str, *, role: str, note: str = "",
                     now: dt.datetime | None = None) -> None:
    """Record that the witness withdrew consent; the interview is then excluded from exports."""
    interview_id = resolve_id(vault, interview_id)
    stamp = _now(now)
    with vault.transaction() as conn:
        conn.execute("UPDATE consent SET withdrawn_at = ?, withdrawal_note = ?, updated_at = ?,"
                     " updated_by = ? WHERE interview_id = ?",
                     (stamp, note, stamp, role, interview_id))
        vault.audit("withdraw", "consent", interview_id, role=role, now=now)
    publish(vault, Change(Kind.INTERVIEW_EDITED, interview_id))


def set_interviewee(vault: Store, interview_id: str, *, role: str, details: Interviewee,
                    now: dt.datetime | None = None) -> None:
    interview_id = resolve_id(vault, interview_id)
    stamp = _now(now)
    with vault.transaction() as conn:
        conn.execute(
            "INSERT INTO interviewee(interview_id, birth_year, home_province, defection_year,"
            " songbun_stated, updated_at, updated_by) VALUES (?,?,?,?,?,?,?)"
            " ON CONFLICT(interview_id) DO UPDATE SET birth_year = excluded.birth_year,"
            " home_province = excluded.home_province, defection_year = excluded.defection_year,"
            " songbun_stated = excluded.songbun_stated, updated_at = excluded.updated_at,"
            " updated_by = excluded.updated_by",
            (interview_id, details.birth_year, details.home_province, details.defection_year,
             details.songbun_stated, stamp, role))
        vault.audit("edit", "interviewee", interview_id, role=role, now=now)
    publish(vault, Change(Kind.INTERVIEW_EDITED, interview_id))


def delete_interview(vault: Store, interview_id: str, *, role: str,
                     now: dt.datetime | None = None) -> None:
    """Delete an interview and everything hanging off it, including its audio blobs."""
    interview_id = resolve_id(vault, interview_id)
    with vault.transaction() as conn:
        blob_ids = [r[0] for r in conn.execute(
            "SELECT blob_id FROM audio_asset WHERE interview_id = ?", (interview_id,))]
        conn.execute("DELETE FROM interview WHERE id = ?", (interview_id,))
        for blob_id in blob_ids:
            conn.execute("DELETE FROM blob_chunk WHERE blob_id = ?", (blob_id,))
            conn.execute("DELETE FROM blob WHERE id = ?", (blob_id,))
        vault.audit("delete", "interview", interview_id, role=role, now=now,
                    details={"blobs": len(blob_ids)})
    publish(vault, Change(Kind.INTERVIEW_DELETED, interview_id))
