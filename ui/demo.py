"""Synthetic demo data for screenshots and manual trials. Clearly fictional: every code starts
with DEMO- and every note says it is not testimony."""

from __future__ import annotations

from typing import Any

from app import interviews

DEMO_NOTE_EN = "Synthetic demo interview for screenshots; not real testimony."
DEMO_NOTE_KO = "스크린샷용 합성 데모 면담입니다. 실제 증언이 아닙니다."

DEMO_INTERVIEWS: list[dict[str, Any]] = [
    {"code": "DEMO-2026-001", "interviewer": "Interviewer A (demo)", "place": "Seoul (demo)",
     "languages": ["ko"], "scopes": ["archive", "un"], "status": "recorded",
     "started_at": "2026-03-14T10:00"},
    {"code": "DEMO-2026-002", "interviewer": "Interviewer B (demo)", "place": "Bangkok (demo)",
     "languages": ["ko", "en"], "scopes": ["archive", "un", "court"], "status": "transcribed",
     "started_at": "2026-05-02T14:30"},
    {"code": "DEMO-2026-003", "interviewer": "Interviewer A (demo)", "place": "Seoul (demo)",
     "languages": ["ko"], "scopes": ["archive"], "status": "open",
     "started_at": "2026-09-21T09:15"},
    {"code": "DEMO-2026-004", "interviewer": "Interviewer C (demo)", "place": "Ulaanbaatar (demo)",
     "languages": ["ko"], "scopes": ["archive", "publication"], "status": "reviewed",
     "started_at": "2026-10-05T11:00", "withdrawn": True},
]


def add_demo_interviews(vault: Any, role: str = "interviewer") -> list[str]:
    """Add the demo interviews; returns their ids."""
    ids = []
    for d in DEMO_INTERVIEWS:
        iid = interviews.add_interview(
            vault, code=d["code"], role=role, languages=d["languages"],
            notes=f"{DEMO_NOTE_EN}\n{DEMO_NOTE_KO}", consent_scopes=d["scopes"],
            consent_how="oral-recorded", consent_given_on=d["started_at"][:10],
            interviewer=d["interviewer"], started_at=d["started_at"], timezone="Asia/Seoul",
            place=d["place"])
        interviews.update_interview(vault, iid, role=role, status=d["status"])
        if d.get("withdrawn"):
            interviews.withdraw_consent(vault, iid, role=role,
                                        note="Demo withdrawal (synthetic)")
        ids.append(iid)
    return ids
