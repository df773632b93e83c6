"""Evidence briefs: a document a UN rapporteur, a sanctions panel or a court can use as is.

A brief states the finding and the witness count, then every supporting quote, dated, in the
language spoken with its reviewed translation, under pseudonymous interview codes, each with its
chain of custody (interview, SHA-256 of the recording, time range in it, the bundle that
delivered the interview and the device that signed it). Only testimonies whose consent covers
the brief's purpose (``un``, ``court``, ``publication``) and is not withdrawn are used; the
brief says how many were left out and why. Redactions are applied to every quoted word: a
redacted span becomes ``[REDACTED]``, and a translation of words that include a redacted span
is withheld unless the translation carries its own redaction.

Formats: ``docx`` (python-docx), and ``csv``/``json`` shaped for import into Uwazi (HURIDOCS):
one entity per quote, property names in snake case, several values joined with ``|`` in CSV;
JSON as a list of ``{"title", "template", "metadata": {property: [{"value": ...}]}}``.

Everything is built in memory; ``write`` puts the bytes only at the path the user named, and
refuses to overwrite a file.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.bundles.collect import redact_text
from app.coding import taxonomy as tx
from app.coding.shown import shown
from app.connect.corroborate import Corroboration, Subject, corroborate
from app.connect.evidence import Quote
from app.errors import UsageError
from storage.backend import Store

PURPOSES = ("un", "court", "publication")
FORMATS = ("docx", "csv", "json")
PURPOSE_TEXT = {"un": "submission to United Nations bodies",
                "court": "use in court proceedings",
                "publication": "publication"}
RELATION_TEXT = {"experienced": "experienced it", "saw": "saw it", "heard": "heard of it",
                 None: "relation not recorded"}
UWAZI_TEMPLATE = "Testimony excerpt"
WITHHELD = "(translation withheld: the words it translates include redacted text)"


@dataclass
class Custody:
    """Chain of custody of one quote."""

    interview_code: str
    recording_sha256: str | None
    start_s: float | None
    end_s: float | None
    bundle_id: str | None  # the bundle that first delivered the interview to this vault
    device_id: str | None  # the device that signed it (or made the interview here)
    device_fingerprint: str | None
    received: str  # 'bundle', 'local' (made in this vault) or 'migrated' (archive)

    def text(self) -> str:
        span = (f"{_clock(self.start_s)}-{_clock(self.end_s)}" if self.start_s is not None
                and self.end_s is not None else _clock(self.start_s)
                if self.start_s is not None else "no time")
        rec = f"recording SHA-256 {self.recording_sha256}" if self.recording_sha256 \
            else "no recording"
        if self.received == "bundle":
            origin = (f"received in bundle {self.bundle_id}, signed by device {self.device_id}"
                      + (f" (fingerprint {self.device_fingerprint})"
                         if self.device_fingerprint else ""))
        elif self.received == "migrated":
            origin = ("copied into the archive from a supervisor vault"
                      + (f" (device {self.device_id})" if self.device_id else ""))
        else:
            origin = f"recorded in this vault (device {self.device_id})"
        return f"Interview {self.interview_code}; {rec}; audio {span}; {origin}."


@dataclass
class BriefQuote:
    quote: Quote
    witness: str
    date: str | None
    date_from: str | None
    date_to: str | None
    relation: str | None
    original: str | None
    translation: str | None
    custody: Custody


@dataclass
class Brief:
    subject: Subject
    purpose: str
    result: Corroboration
    left_out: dict[str, int]  # reason -> testimonies
    quotes: list[BriefQuote]
    taxonomy_version: str
    created_at: str
    filters: dict[str, Any] = field(default_factory=dict)

    @property
    def left_out_total(self) -> int:
        return sum(self.left_out.values())


def _clock(t: float | None) -> str:
    if t is None:
        return "?"
    ms = round(t * 1000)
    h, rem = divmod(ms, 3_600_000)
    m, rem = divmod(rem, 60_000)
    s, ms = divmod(rem, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}.{ms:03d}"


def _spans(vault: Store, segment_ids: set[str]) -> dict[str, list[tuple[int, int]]]:
    out: dict[str, list[tuple[int, int]]] = {}
    if not segment_ids:
        return out
    for seg, a, b in vault.conn.execute(
            "SELECT segment_id, char_start, char_end FROM redaction WHERE segment_id IN"
            " (SELECT value FROM json_each(?))", (json.dumps(sorted(segment_ids)),)):
        out.setdefault(str(seg), []).append((int(a), int(b)))
    return out


def _redacted(text: str | None, spans: list[tuple[int, int]], offset: int) -> str | None:
    """``text`` (which starts at ``offset`` of its segment) with the segment's spans applied."""
    if text is None:
        return None
    local = [(max(a - offset, 0), min(b - offset, len(text))) for a, b in spans
             if b > offset and a < offset + len(text)]
    return redact_text(text, local) if local else text


def _custody(vault: Store, quotes: Sequence[Quote]) -> dict[str, Custody]:
    conn = vault.conn
    ids = json.dumps(sorted({q.interview_id for q in quotes}))
    owners = {str(r[0]): (str(r[1]), str(r[2]), r[3]) for r in conn.execute(
        "SELECT o.interview_id, o.bundle_id, o.device_id, d.fingerprint FROM interview_owner o"
        " LEFT JOIN trusted_device d ON d.device_id = o.device_id"
        " WHERE o.interview_id IN (SELECT value FROM json_each(?))", (ids,))}
    # A vault made the interviews no bundle delivered; in the archive they were copied from a
    # supervisor vault (``archive migrate``), whose device the copied audit log names.
    device = getattr(vault, "device", None)
    me = device() if callable(device) else None
    out = {}
    for q in quotes:
        owner = owners.get(q.interview_id)
        if owner is not None:
            out[q.tag_id] = Custody(q.interview_code, q.recording_sha256, q.start_s, q.end_s,
                                    owner[0], owner[1], owner[2], "bundle")
        elif me is not None:
            out[q.tag_id] = Custody(q.interview_code, q.recording_sha256, q.start_s, q.end_s,
                                    None, me.id, me.fingerprint, "local")
        else:
            row = conn.execute(
                "SELECT device_id FROM imported_audit WHERE object_type = 'interview' AND "
                "object_id = ? ORDER BY seq LIMIT 1", (q.interview_id,)).fetchone()
            out[q.tag_id] = Custody(q.interview_code, q.recording_sha256, q.start_s, q.end_s,
                                    None, str(row[0]) if row else None, None, "migrated")
    return out


def build(vault: Store, subject: Subject, *, purpose: str, violation: str | None = None,
          date_from: str | None = None, date_to: str | None = None,
          now: dt.datetime | None = None) -> Brief:
    """Gather a brief's content (nothing is written)."""
    if purpose not in PURPOSES:
        raise UsageError("connect.purpose_must_be_one", choices=", ".join(PURPOSES))
    everything = corroborate(vault, subject, violation=violation, date_from=date_from,
                             date_to=date_to, with_quotes=False, limit=0)
    left_out: Counter[str] = Counter()
    allowed: set[str] = set()
    for info in everything.interviews.values():
        if info.consent_withdrawn:
            left_out["consent withdrawn"] += 1
        elif purpose not in info.consent_scopes:
            left_out[f"consent does not cover {PURPOSE_TEXT[purpose]}"] += 1
        else:
            allowed.add(info.id)
    # A brief discloses every conflict between the accounts it quotes, not a page of them.
    result = corroborate(vault, subject, violation=violation, date_from=date_from,
                         date_to=date_to, only_interviews=allowed, limit=None)
    quotes = result.quotes()
    custody = _custody(vault, quotes)
    segs = {q.segment_id for q in quotes if q.segment_id} | {
        q.translation_segment_id for q in quotes if q.translation_segment_id}
    spans = _spans(vault, {s for s in segs if s})
    by_tag: dict[str, BriefQuote] = {}
    for view in result.accounts:
        for q in view.quotes:
            if q.tag_id in by_tag:
                continue
            if q.layer == "translation":
                # The tag is on the translation: the original is the whole source segment.
                src = vault.conn.execute("SELECT source_segment_id FROM segment WHERE id = ?",
                                         (q.segment_id,)).fetchone()
                src_spans = spans.get(str(src[0]), []) if src and src[0] else []
                if src and src[0] and str(src[0]) not in spans:
                    src_spans = _spans(vault, {str(src[0])}).get(str(src[0]), [])
                original = _redacted(q.text, src_spans, 0)
                own = spans.get(q.segment_id or "", [])
                translation = _redacted(q.translation, own, q.char_start or 0)
                if src_spans and not own and translation is not None:
                    translation = WITHHELD
            else:
                own = spans.get(q.segment_id or "", [])
                original = _redacted(q.text, own, q.char_start or 0)
                tr_spans = spans.get(q.translation_segment_id or "", [])
                translation = _redacted(q.translation, tr_spans, 0)
                touched = any(b > (q.char_start or 0) and a < (q.char_end or 0)
                              for a, b in own) if q.char_end is not None else bool(own)
                if touched and not tr_spans and translation is not None:
                    translation = WITHHELD
            by_tag[q.tag_id] = BriefQuote(q, view.witness, view.date, view.date_from,
                                          view.date_to, view.relation, original,
                                          translation, custody[q.tag_id])
    return Brief(subject, purpose, result, dict(sorted(left_out.items())),
                 list(by_tag.values()), tx.ensure_taxonomy(vault).version_id,
                 (now or dt.datetime.now(dt.UTC)).replace(microsecond=0).isoformat(),
                 {"violation": violation, "from": date_from, "to": date_to})


# ---------------------------------------------------------------------------------------------
# Rendering


def finding(brief: Brief) -> str:
    r = brief.result
    what = brief.subject.label.get("en", "")
    ko = brief.subject.label.get("ko", "")
    years = (f", covering {r.years[0]}-{r.years[-1]}" if len(r.years) > 1
             else f", covering {r.years[0]}" if r.years else "")
    extra = ""
    if brief.filters.get("violation"):
        extra += f", about {brief.filters['violation']}"
    if brief.filters.get("from") or brief.filters.get("to"):
        extra += f", dated {brief.filters.get('from') or '…'} to {brief.filters.get('to') or '…'}"
    return (f"{r.testimonies} testimonies from {r.independent_witnesses} independent witnesses "
            f"({r.direct_witnesses} of them direct: experienced or saw it) support "
            f"{brief.subject.kind} '{what}' ({ko}){extra}{years}.")


def left_out_text(brief: Brief) -> str:
    if not brief.left_out:
        return "No testimony was left out for lack of consent."
    parts = "; ".join(f"{n} because {why}" for why, n in brief.left_out.items())
    return (f"{brief.left_out_total} testimonies were left out: {parts}. They are not quoted "
            "or counted here.")


def caveats(brief: Brief) -> list[str]:
    r = brief.result
    out = []
    if r.unresolved_duplicates_total:
        out.append(f"{r.unresolved_duplicates_total} pairs of these interviews may be the same "
                   f"person (not yet decided); counting each such pair once gives at least "
                   f"{r.independent_witnesses_at_least} independent witnesses.")
    for what, rows in (("interviewer", r.shared_interviewers),
                       ("interpreter", r.shared_interpreters)):
        for row in rows:
            out.append(f"One {what} took part in interviews of {row['witnesses']} of these "
                       f"witnesses ({', '.join(row['interviews'])}).")
    return out


def render_docx(brief: Brief) -> bytes:
    from docx import Document

    doc = Document()
    s = brief.subject
    doc.add_heading(f"Evidence brief: {s.label.get('en', '')} / {s.label.get('ko', '')}", 0)
    doc.add_paragraph(f"Prepared for {PURPOSE_TEXT[brief.purpose]} on {brief.created_at} "
                      f"with vocabulary {brief.taxonomy_version}. Witnesses are identified "
                      "only by pseudonymous interview codes.")
    doc.add_heading("Finding", 1)
    doc.add_paragraph(finding(brief))
    doc.add_paragraph(left_out_text(brief))
    for line in caveats(brief):
        doc.add_paragraph(line, style="List Bullet")
    doc.add_heading("Conflicts between accounts", 1)
    if not brief.result.conflicts:
        doc.add_paragraph("None found.")
    for c in brief.result.conflicts:
        doc.add_paragraph(f"[{c.kind}] {c.explanation}", style="List Bullet")
    doc.add_heading("Quotes", 1)
    # Default-style paragraphs and bold runs: python-docx resolves a named style by searching
    # every style on each call, which made briefs of hundreds of quotes take seconds.
    for bq in brief.quotes:
        q = bq.quote
        doc.add_paragraph().add_run(
            f"Witness {bq.witness}, interview {q.interview_code}: "
            f"{bq.date or 'date not given'} ({RELATION_TEXT.get(bq.relation, '')})").bold = True
        doc.add_paragraph(bq.original or "(no words: the tag marks a moment in the audio)")
        doc.add_paragraph("Reviewed translation: " + (bq.translation or "none reviewed yet"))
        doc.add_paragraph("Chain of custody: " + bq.custody.text())
    doc.add_heading("Method", 1)
    doc.add_paragraph(
        "Testimonies are interviews with at least one coded account supporting the finding. "
        "Independent witnesses are people: interviews a supervisor decided were given by the "
        "same person count once. Conflicting dates or places are listed, not averaged. "
        "Quotes are in the language spoken; translations are given only once reviewed.")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


UWAZI_COLUMNS = ("title", "interview_code", "witness", "subject", "subject_ko", "purpose",
                 "date", "date_from", "date_to", "relation_to_information", "quote_original",
                 "quote_translation", "audio_start", "audio_end", "recording_sha256",
                 "bundle_id", "signing_device", "witness_count", "testimony_count")


def uwazi_rows(brief: Brief) -> list[dict[str, str]]:
    rows = []
    for n, bq in enumerate(brief.quotes, 1):
        c = bq.custody
        rows.append({
            "title": f"{brief.subject.label.get('en', '')} - {bq.quote.interview_code} - {n}",
            "interview_code": bq.quote.interview_code,
            "witness": "|".join(bq.witness.split("+")),
            "subject": brief.subject.label.get("en", ""),
            "subject_ko": brief.subject.label.get("ko", ""),
            "purpose": brief.purpose,
            "date": bq.date or "",
            "date_from": bq.date_from or "",
            "date_to": bq.date_to or "",
            "relation_to_information": bq.relation or "",
            "quote_original": bq.original or "",
            "quote_translation": bq.translation or "",
            "audio_start": _clock(c.start_s) if c.start_s is not None else "",
            "audio_end": _clock(c.end_s) if c.end_s is not None else "",
            "recording_sha256": c.recording_sha256 or "",
            "bundle_id": c.bundle_id or "",
            "signing_device": c.device_id or "",
            "witness_count": str(brief.result.independent_witnesses),
            "testimony_count": str(brief.result.testimonies),
        })
    return rows


def render_csv(brief: Brief) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(UWAZI_COLUMNS), lineterminator="\n")
    writer.writeheader()
    writer.writerows(uwazi_rows(brief))
    return out.getvalue().encode("utf-8")


def render_json(brief: Brief) -> bytes:
    entities = []
    for row in uwazi_rows(brief):
        meta = {k: [{"value": v} for v in (row[k].split("|") if k == "witness" else [row[k]])
                    if v != ""] for k in UWAZI_COLUMNS if k != "title"}
        entities.append({"title": row["title"], "template": UWAZI_TEMPLATE,
                         "language": "en", "metadata": meta})
    return json.dumps(entities, ensure_ascii=False, indent=2).encode("utf-8")


def render(brief: Brief, fmt: str) -> bytes:
    if fmt == "docx":
        return render_docx(brief)
    if fmt == "csv":
        return render_csv(brief)
    if fmt == "json":
        return render_json(brief)
    raise UsageError("connect.format_must_be_one", choices=", ".join(FORMATS))


def format_for(path: Path, fmt: str | None) -> str:
    chosen = fmt or path.suffix.lstrip(".").lower()
    if chosen not in FORMATS:
        raise UsageError("connect.format_unknown_from_name", name=shown(path.name, 80),
                         choices=", ".join(FORMATS))
    return chosen


def write(data: bytes, path: Path) -> None:
    """Write ``data`` to ``path`` only (created; never overwritten, no temporary file)."""
    if path.exists():
        raise UsageError("connect.brief_target_exists", path=shown(str(path), 80))
    if not path.parent.is_dir():
        raise UsageError("connect.brief_folder_missing", folder=shown(str(path.parent), 80))
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        path.unlink(missing_ok=True)
        raise


def export_brief(vault: Store, subject: Subject, *, purpose: str, out: Path,
                 fmt: str | None = None, violation: str | None = None,
                 date_from: str | None = None, date_to: str | None = None, role: str,
                 now: dt.datetime | None = None) -> Brief:
    """Build the brief, write it to ``out`` only, and audit the export (a copy of testimony
    leaving the vault: which interviews, for which purpose, in which format)."""
    chosen = format_for(out, fmt)
    if out.exists() or not out.parent.is_dir():
        write(b"", out)  # refuses in one sentence before any work
    made = build(vault, subject, purpose=purpose, violation=violation, date_from=date_from,
                 date_to=date_to, now=now)
    write(render(made, chosen), out)
    with vault.transaction():
        vault.audit("export", "brief", subject.term_id or (subject.link.id if subject.link
                                                            else None),
                    role=role, now=now,
                    details={"purpose": purpose, "format": chosen, "quotes": len(made.quotes),
                             "interviews": sorted(made.result.interviews),
                             "left_out": made.left_out_total})
    return made
