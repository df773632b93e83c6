"""Transcript exports: txt, srt, vtt, json (with timestamps and revisions), docx.

Every format shows the speaker; the translation layer is labelled as a machine draft until a
segment is reviewed. Exports are produced in memory; the CLI writes them only where the user
asks (``--out``), since an export is plaintext testimony.
"""

from __future__ import annotations

import io
import json
from dataclasses import asdict
from typing import Any

from app.errors import NotFound, UsageError
from app.interviews import resolve_id
from app.transcripts import confidence
from app.transcripts.store import SegmentView, TranscriptView, review_order, segments, transcripts
from storage.backend import Store

FORMATS = ("txt", "srt", "vtt", "json", "docx")
DRAFT_NOTE = "MACHINE DRAFT TRANSLATION (Whisper, English): check against the original."
CONFIDENCE_NOTE = (f"Marks: [?word?] = the engine was unsure of this word (probability below "
                   f"{confidence.LOW_WORD_PROBABILITY:g}); LOW = the segment's mean word "
                   f"probability (a translation's: its original's) is below "
                   f"{confidence.LOW_SEGMENT_CONFIDENCE:g}.")
NEEDS_REVIEW_NOTE = "Segments not yet reviewed, least certain first."


def _clock(t: float, sep: str) -> str:
    ms = round(t * 1000)
    h, rem = divmod(ms, 3_600_000)
    m, rem = divmod(rem, 60_000)
    s, ms = divmod(rem, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}"


def _who(seg: SegmentView) -> str:
    return seg.speaker or "unknown speaker"


def export(vault: Store, interview_id: str, *, fmt: str, layer: str = "original",
           needs_review: bool = False, mark_confidence: bool = False) -> bytes:
    """The interview's layer in ``fmt`` as bytes (UTF-8 for the text formats).

    For ``txt`` only: ``needs_review`` keeps the segments not yet reviewed, least certain
    first; ``mark_confidence`` marks low-confidence words and segments (see CONFIDENCE_NOTE).
    """
    if (needs_review or mark_confidence) and fmt != "txt":
        raise UsageError("transcript.needs_review_mark_confidence")
    interview_id = resolve_id(vault, interview_id)
    code = str(vault.conn.execute("SELECT code FROM interview WHERE id = ?",
                                  (interview_id,)).fetchone()[0])
    segs = segments(vault, interview_id, layer, with_revisions=fmt == "json")
    heads = transcripts(vault, interview_id, layer)
    if not heads:
        if layer == "translation":
            raise NotFound("transcript.no_translation_yet", code=code)
        raise NotFound("transcript.interview_transcript_yet_run", layer=layer, code=code)
    if fmt == "txt":
        if needs_review:
            segs = sorted((x for x in segs if x.review_status != "reviewed"), key=review_order)
        return _txt(code, layer, heads, segs, needs_review=needs_review,
                    mark_confidence=mark_confidence).encode("utf-8")
    if fmt == "srt":
        return _srt(segs).encode("utf-8")
    if fmt == "vtt":
        return _vtt(layer, segs).encode("utf-8")
    if fmt == "json":
        return _json(code, interview_id, layer, heads, segs).encode("utf-8")
    if fmt == "docx":
        return _docx(code, layer, heads, segs)
    raise ValueError(fmt)


def _txt(code: str, layer: str, heads: list[TranscriptView], segs: list[SegmentView], *,
         needs_review: bool = False, mark_confidence: bool = False) -> str:
    lines = [f"Interview {code} - {layer} transcript"]
    if layer == "translation":
        lines.append(DRAFT_NOTE)
    if needs_review:
        lines.append(NEEDS_REVIEW_NOTE)
    if mark_confidence:
        lines.append(CONFIDENCE_NOTE)
    for t in heads:
        lines.append(f"Model {t.model_name} ({t.engine_version}); language {t.language or '?'}; "
                     f"{t.state}")
    lines.append("")
    for s in segs:
        head = (f"[{s.number}] {_clock(s.start, '.')} - {_clock(s.end, '.')}  {_who(s)} "
                f"({s.review_status})")
        text = s.text
        if mark_confidence:
            value = s.confidence
            if value is not None:
                head += f"  confidence {value:.2f}" + (" LOW" if confidence.is_low(value) else "")
            text = confidence.mark_text(text, confidence.low_words(text, s.words))
        lines.append(head)
        lines.append(text)
        lines.append("")
    return "\n".join(lines)


def _srt(segs: list[SegmentView]) -> str:
    out = []
    for s in segs:
        out.append(f"{s.number}\n{_clock(s.start, ',')} --> {_clock(s.end, ',')}\n"
                   f"{_who(s)}: {s.text}\n")
    return "\n".join(out)


def _vtt(layer: str, segs: list[SegmentView]) -> str:
    out = ["WEBVTT", ""]
    if layer == "translation":
        out += [f"NOTE {DRAFT_NOTE}", ""]
    for s in segs:
        who = _who(s).replace(">", "")
        out += [str(s.number), f"{_clock(s.start, '.')} --> {_clock(s.end, '.')}",
                f"<v {who}>{s.text}", ""]
    return "\n".join(out)


def _json(code: str, interview_id: str, layer: str, heads: list[TranscriptView],
          segs: list[SegmentView]) -> str:
    doc: dict[str, Any] = {
        "format": "testimony-vault-transcript/1",
        "interview": {"id": interview_id, "code": code},
        "layer": layer,
        "machine_draft": layer == "translation",
        # Word timestamps are the engine's (revision 0); edited text keeps the segment's span.
        "words_from_revision": 0,
        "transcripts": [asdict(t) for t in heads],
        # confidence: the engine's mean word probability (None without words), as the
        # transcript editor and --mark-confidence use it.
        "segments": [asdict(s) | {"confidence": s.confidence} for s in segs],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2)


def _docx(code: str, layer: str, heads: list[TranscriptView], segs: list[SegmentView]) -> bytes:
    from docx import Document

    doc = Document()
    doc.add_heading(f"Interview {code}: {layer}", level=1)
    if layer == "translation":
        doc.add_paragraph(DRAFT_NOTE)
    for t in heads:
        doc.add_paragraph(f"Model {t.model_name}; language {t.language or '?'}; {t.state}")
    cols = ["#", "Time", "Speaker", "Text", "Status"]
    if layer == "translation":
        cols = ["#", "Time", "Speaker", "Original", "English draft", "Status"]
    table = doc.add_table(rows=1, cols=len(cols))
    table.style = "Table Grid"
    for cell, title in zip(table.rows[0].cells, cols, strict=True):
        cell.text = title
    for s in segs:
        values = [str(s.number), f"{_clock(s.start, '.')}-{_clock(s.end, '.')}", _who(s)]
        if layer == "translation":
            values.append(s.source_text or "")
        values += [s.text, s.review_status]
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.text = value
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
