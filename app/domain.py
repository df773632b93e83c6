"""Domain records in the users' words: interviews, consent, interviewee details."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from app import consent as consent_rule

CONSENT_SCOPES: dict[str, str] = {
    "archive": "keep in the organisation's archive",
    "un": "share with UN bodies",
    "court": "use in court proceedings",
    "publication": "publish (pseudonymised)",
    "name": "the witness's name may be disclosed",
}
CONSENT_HOW = ("written", "oral-recorded", "oral-witnessed")
INTERVIEW_STATUSES = ("open", "recorded", "transcribed", "reviewed", "closed")
ROLES = ("interviewer", "translator", "coder", "supervisor")


@dataclass
class Consent:
    scopes: list[str] = field(default_factory=list)
    how_given: str | None = None
    given_on: str | None = None
    withdrawn_at: str | None = None
    withdrawal_note: str | None = None

    @property
    def withdrawn(self) -> bool:
        return self.withdrawn_at is not None

    def covers(self, purpose: str) -> bool:
        """True if this consent allows use for ``purpose`` (see app.consent)."""
        return consent_rule.allows(self.scopes, self.withdrawn, purpose)


@dataclass
class Interviewee:
    """Sensitive details: never exported in the 'share' profile."""

    birth_year: int | None = None
    home_province: str | None = None
    defection_year: int | None = None
    songbun_stated: str | None = None


@dataclass
class Interview:
    id: str
    code: str
    interviewer: str | None = None
    interpreter: str | None = None
    others_present: list[str] = field(default_factory=list)
    started_at: str | None = None
    timezone: str | None = None
    place: str | None = None
    languages: list[str] = field(default_factory=list)
    notes: str = ""
    status: str = "open"
    created_at: str = ""
    updated_at: str = ""
    created_by: str = ""
    consent: Consent = field(default_factory=Consent)
    interviewee: Interviewee = field(default_factory=Interviewee)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
