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


DEMO_SPEECH = ("This is a synthetic demo recording. It is not real testimony. "
               "The guards took my brother away in the winter of nineteen ninety seven. "
               "In the camp we dug coal every day.")


def add_demo_recording(vault: Any, interview_id: str, folder: Any, role: str = "interviewer",
                       model: str = "tiny.en") -> None:
    """Speak DEMO_SPEECH with espeak-ng into a WAV, import it, transcribe it (real model), add a
    marker, a tag and an event. Needs espeak-ng; used by the screenshot script only."""
    import subprocess
    from pathlib import Path

    from app.audio import assets as audio
    from app.audio import markers
    from app.coding import events, tags
    from app.transcripts.transcribe import transcribe_interview

    wav = Path(folder) / "demo-speech.wav"
    subprocess.run(["espeak-ng", "-v", "en", "-s", "150", "-w", str(wav), DEMO_SPEECH],
                   check=True, capture_output=True)
    asset = audio.import_audio(vault, interview_id, wav, role=role)
    wav.unlink()
    markers.add_marker(vault, interview_id, 4.0, "demo marker", role=role)
    transcribe_interview(vault, interview_id, role=role, model=model, language="en")
    tag_id = tags.add_tag(vault, interview_id, "detention.kwanliso.15", role="coder",
                          confidence="medium")
    tags.add_tag(vault, interview_id, "violation.cah.enforced_disappearance", role="coder",
                 segment=0, chars=(0, 4))
    events.add_event(vault, interview_id, act="violation.cah.enforced_disappearance",
                     role="coder", victim="V2 (brother, synthetic)",
                     perpetrator="perpetrator.mss", place="Yodok", date="1997-winter",
                     relation="saw", tags=[tag_id])
    del asset


# Two demo witnesses describe forced labour at Yodok producing coal, and one of them gold too:
# enough for the Connections screen to show a matrix, a timeline and a supply chain.
DEMO_LABOUR = (
    (0, "1999", ("commodity.product.coal", "forced_labour.sector.coal_mining")),
    (1, "2001-summer", ("commodity.product.coal", "commodity.product.gold",
                        "forced_labour.sector.gold_mining")),
)


def add_demo_connections(vault: Any, ids: list[str]) -> None:
    """Coded forced-labour events that imply facility -> commodity links across two demo
    interviews. Where the demo recording's transcript has the sentence about digging coal
    (interview 1, after add_demo_recording), the commodity tags are anchored to it, so its quote
    and audio time show;
    the other demo tags are unanchored. Synthetic: the notes say so."""
    from app.coding import events, tags
    from app.transcripts import store

    for index, date, terms in DEMO_LABOUR:
        anchor: dict[str, Any] = {}
        for seg in store.segments(vault, ids[index]):
            if "dug" in seg.text.lower():  # "we dug coal every day" (as the model heard it)
                anchor = {"segment_id": seg.id}
                break
        tag_ids = [tags.add_tag(vault, ids[index], term, role="coder", confidence="medium",
                                note=DEMO_NOTE_EN, **(anchor if term.startswith("commodity") else {}))
                   for term in terms]
        events.add_event(vault, ids[index], act="violation.cah.enslavement", role="coder",
                         victim="V1 (witness, synthetic)", place="Yodok", date=date,
                         relation="experienced", tags=tag_ids, notes=DEMO_NOTE_EN)
