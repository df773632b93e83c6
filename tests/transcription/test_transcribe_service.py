"""Transcription service with a fake engine: storage, resume, revisions, review, speakers, exports."""

from __future__ import annotations

import io
import json
from typing import Any

import numpy as np
import pytest

from app import hooks, speakers
from app.errors import NotFound, UsageError
from app.tasks import Cancelled, CancelToken
from app.transcripts import export as transcript_export
from app.transcripts import store as transcripts
from app.transcripts import transcribe
from storage.vault import Vault
from tests.transcribe_helpers import FakeEngine, interview_with_audio, tone_bursts

BURSTS = [(2, 4), (20, 23), (50, 52), (70, 74), (100, 101.5), (130, 133)]
# Several windows in these 140 s recordings (tests/test_speed_windows.py: the default length).
pytestmark = pytest.mark.usefixtures("minute_windows")


def _run(vault: Vault, iid: str, engine: FakeEngine, **kw: Any) -> list[transcribe.JobResult]:
    """Transcribe with the fake engine standing in for the named model (default: base)."""
    def factory(name: str) -> FakeEngine:
        engine.name = name
        return engine

    kw.setdefault("model", "base")
    return transcribe.transcribe_interview(vault, iid, role="interviewer",
                                           engine_factory=factory, **kw)


def _key(vault: Vault, iid: str, layer: str = "original") -> list[tuple[float, float, str]]:
    return [(s.start, s.end, s.text) for s in transcripts.segments(vault, iid, layer)]


@pytest.fixture
def recorded(vault: Vault) -> str:
    iid, _ = interview_with_audio(vault, tone_bursts(140, BURSTS))
    return iid


def test_segments_are_stored_with_engine_revision_and_metadata(vault: Vault, recorded: str) -> None:
    engine = FakeEngine("tiny.en", multilingual=False)
    [result] = _run(vault, recorded, engine, language="en", model="tiny.en")
    segs = transcripts.segments(vault, recorded, with_revisions=True)
    assert [(s.start, s.end) for s in segs] == [(float(a), float(b)) for a, b in BURSTS]
    assert result.segments == len(BURSTS) and result.state == "complete"
    for s in segs:
        assert [r.kind for r in s.revisions] == ["engine"] and s.revisions[0].text == s.text
        assert s.review_status == "draft" and s.words
    head = transcripts.transcripts(vault, recorded)[0]
    assert head.model_name == "tiny.en" and head.language == "en" and head.state == "complete"
    assert set(head.model_hashes) >= {"model.bin", "config.json"}  # the real registry's hashes
    assert head.parameters == {"fake": True, "language_requested": "en"}
    assert head.engine_version == "fake 1"
    assert head.resume_at_s == pytest.approx(140, abs=0.01)
    actions = [r[0] for r in vault.conn.execute(
        "SELECT action FROM audit_log WHERE object_type = 'transcript' ORDER BY seq")]
    assert actions == ["transcribe-start", "transcribe-done"]
    # Windows are about a minute and cut in silence, never inside a burst.
    for start, end, _task in engine.calls:
        assert not any(a < start < b for a, b in BURSTS)
        assert end - start <= 60.01


def test_running_again_does_not_duplicate_a_complete_transcript(vault: Vault,
                                                                recorded: str) -> None:
    engine = FakeEngine("tiny.en", multilingual=False)
    _run(vault, recorded, engine)
    calls = len(engine.calls)
    [again] = _run(vault, recorded, engine)
    assert len(engine.calls) == calls and again.already_done
    assert len(transcripts.segments(vault, recorded)) == len(BURSTS)


def test_cancel_then_resume_equals_uninterrupted_and_skips_done_windows(vault: Vault) -> None:
    audio = tone_bursts(140, BURSTS)
    full, _ = interview_with_audio(vault, audio, code="FULL-2026-110")
    _run(vault, full, FakeEngine())
    part, _ = interview_with_audio(vault, audio, code="PART-2026-182")
    cancel = CancelToken()
    first = FakeEngine(on_window=lambda w: cancel.cancel() if w.offset_s > 50 else None)
    with pytest.raises(Cancelled):
        _run(vault, part, first, cancel=cancel)
    head = transcripts.transcripts(vault, part)[0]
    assert head.state == "cancelled" and 50 < head.resume_at_s < 140
    second = FakeEngine()
    _run(vault, part, second)
    assert second.calls[0][0] == pytest.approx(head.resume_at_s)  # not from the start
    assert _key(vault, part) == _key(vault, full)
    idx = [r[0] for r in vault.conn.execute(
        "SELECT idx FROM segment WHERE interview_id = ? ORDER BY idx", (part,))]
    assert idx == list(range(len(BURSTS)))


def test_a_killed_job_left_running_resumes_and_drops_its_unfinished_window(vault: Vault,
                                                                           recorded: str) -> None:
    class Boom(Exception):
        pass

    def die(window: Any) -> None:
        if window.offset_s > 50:
            raise Boom

    with pytest.raises(Boom):
        _run(vault, recorded, FakeEngine(on_window=die))
    # Simulate a kill: the row says running, and a half-window segment was already written.
    with vault.transaction() as conn:
        conn.execute("UPDATE transcript SET state = 'running'")
    _run(vault, recorded, FakeEngine())
    assert [s.start for s in transcripts.segments(vault, recorded)] == [float(a) for a, _ in BURSTS]


def test_progress_is_monotonic_share_of_audio(vault: Vault, recorded: str) -> None:
    seen: list[float] = []
    _run(vault, recorded, FakeEngine(), progress=lambda f, label: seen.append(f))
    assert seen == sorted(seen) and seen[-1] == 1.0 and 0 < seen[0] < 0.5


def test_no_glossary_is_recorded_because_none_reaches_the_decoder(
        vault: Vault, recorded: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # Issue 12: glossary terms in Whisper's prompt made it invent taxonomy terms on real
    # speech; the transcript's provenance says that no glossary was used.
    monkeypatch.setattr(hooks, "GLOSSARY_PROVIDERS", [_terms])
    _run(vault, recorded, FakeEngine())
    head = transcripts.transcripts(vault, recorded)[0]
    assert head.glossary_terms == 0 and head.glossary_sha256 is None


def _terms(conn: Any) -> list[str]:
    return ["요덕", "보위부", "요덕"]


def test_translation_aligns_one_to_one_and_can_be_added_later(vault: Vault, recorded: str) -> None:
    _run(vault, recorded, FakeEngine())
    _run(vault, recorded, FakeEngine(), translate=True)
    orig = transcripts.segments(vault, recorded, "original")
    trans = transcripts.segments(vault, recorded, "translation")
    assert [(t.start, t.end, t.source_segment_id, t.text) for t in trans] == \
        [(o.start, o.end, o.id, o.text.upper()) for o in orig]
    head = transcripts.transcripts(vault, recorded, "translation")[0]
    assert head.machine_draft and head.state == "complete" and head.language == "en"


def test_english_only_model_refuses_korean_and_translation(vault: Vault, recorded: str) -> None:
    with pytest.raises(UsageError, match="English only"):
        _run(vault, recorded, FakeEngine(), language="ko", model="tiny.en")
    with pytest.raises(UsageError, match="English only"):
        _run(vault, recorded, FakeEngine(), translate=True, model="tiny.en")
    assert transcripts.transcripts(vault, recorded) == []


def test_resume_with_another_model_is_refused(vault: Vault, recorded: str) -> None:
    cancel = CancelToken()
    with pytest.raises(Cancelled):
        _run(vault, recorded, FakeEngine(on_window=lambda w: cancel.cancel()), cancel=cancel)
    with pytest.raises(UsageError, match="model 'base'; continue with that model") as refused:
        transcribe.transcribe_interview(vault, recorded, role="interviewer", model="tiny.en",
                                        engine_factory=lambda n: FakeEngine(n))
    from cli.errors import sentence_for

    assert "--model base (or leave --model out)" in sentence_for(refused.value)


def test_no_audio_and_bad_language_are_one_sentence_errors(vault: Vault) -> None:
    from app.interviews import add_interview

    iid = add_interview(vault, code="EMPTY-2026-107", role="interviewer")
    with pytest.raises(NotFound, match="no audio"):
        _run(vault, iid, FakeEngine())
    with pytest.raises(UsageError, match="language"):
        _run(vault, iid, FakeEngine(), language="fr")


# ------------------------------------------------------------------ edits and review
def test_edit_keeps_every_revision_calls_hook_and_audits(vault: Vault, recorded: str,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    _run(vault, recorded, FakeEngine())
    calls: list[tuple[str, str, str, str]] = []
    monkeypatch.setattr(hooks, "SEGMENT_TEXT_CHANGED", [_listener])
    _LISTENED.clear()
    engine_text = transcripts.segments(vault, recorded)[1].text
    transcripts.edit_segment(vault, recorded, "2", text="first fix", role="translator",
                             reason="misheard")
    transcripts.edit_segment(vault, recorded, "2", text="second fix", role="supervisor")
    seg = transcripts.segments(vault, recorded, with_revisions=True)[1]
    assert seg.text == "second fix"
    assert [(r.rev, r.kind, r.text, r.created_by, r.reason) for r in seg.revisions] == [
        (0, "engine", engine_text, "interviewer", None),
        (1, "edit", "first fix", "translator", "misheard"),
        (2, "edit", "second fix", "supervisor", None)]
    calls = list(_LISTENED)
    assert calls == [(seg.id, engine_text, "first fix", "translator"),
                     (seg.id, "first fix", "second fix", "supervisor")]
    details = [json.loads(r[0]) for r in vault.conn.execute(
        "SELECT details FROM audit_log WHERE action = 'edit' AND object_id = ?", (seg.id,))]
    assert [d["rev"] for d in details] == [1, 2]
    assert "fix" not in json.dumps(details)  # never testimony text in the audit log


_LISTENED: list[tuple[str, str, str, str]] = []


def _listener(conn: Any, segment_id: str, old: str, new: str, role: str) -> None:
    _LISTENED.append((segment_id, old, new, role))


def test_bad_edits_change_nothing(vault: Vault, recorded: str) -> None:
    _run(vault, recorded, FakeEngine())
    before = _key(vault, recorded)
    current = before[0][2]
    for ref, text, exc in (("99", "x", NotFound), ("1", "   ", UsageError),
                           ("1", current, UsageError), ("abc", "x", NotFound)):
        with pytest.raises(exc):
            transcripts.edit_segment(vault, recorded, ref, text=text, role="translator")
    with pytest.raises(UsageError):
        transcripts.edit_segment(vault, recorded, "1", text="x", role="translator",
                                 layer="other")
    assert _key(vault, recorded) == before


def test_segments_of_an_unfinished_window_cannot_be_edited(vault: Vault, recorded: str) -> None:
    cancel = CancelToken()
    with pytest.raises(Cancelled):
        _run(vault, recorded, FakeEngine(on_window=lambda w: cancel.cancel()
                                         if w.offset_s > 50 else None), cancel=cancel)
    segs = transcripts.segments(vault, recorded)
    head = transcripts.transcripts(vault, recorded)[0]
    pending = [s for s in segs if s.start >= head.resume_at_s]
    assert pending
    with pytest.raises(UsageError, match="unfinished"):
        transcripts.edit_segment(vault, recorded, str(pending[0].number), text="x",
                                 role="translator")
    transcripts.edit_segment(vault, recorded, "1", text="finished part", role="translator")


def test_review_status_per_layer(vault: Vault, recorded: str) -> None:
    _run(vault, recorded, FakeEngine(), translate=True)
    transcripts.set_review_status(vault, recorded, "1", status="reviewed", role="supervisor")
    transcripts.set_review_status(vault, recorded, "1", status="disputed", role="translator",
                                  layer="translation")
    assert transcripts.segments(vault, recorded)[0].review_status == "reviewed"
    assert transcripts.segments(vault, recorded, "translation")[0].review_status == "disputed"
    with pytest.raises(UsageError):
        transcripts.set_review_status(vault, recorded, "1", status="approved", role="supervisor")
    row = vault.conn.execute("SELECT review_changed_by FROM segment WHERE layer='original' "
                             "AND idx = 0").fetchone()
    assert row[0] == "supervisor"


def test_speakers_bulk_and_single_survive_edits_and_mirror_translation(vault: Vault,
                                                                       recorded: str) -> None:
    _run(vault, recorded, FakeEngine(), translate=True)
    transcripts.set_speaker(vault, recorded, label="witness", role="interviewer")
    transcripts.set_speaker(vault, recorded, label="interviewer", ref="1", role="interviewer")
    transcripts.set_speaker(vault, recorded, label="Interpreter Kim", ref="2",
                            layer="translation", role="interviewer")
    transcripts.edit_segment(vault, recorded, "1", text="edited", role="translator")
    for layer in ("original", "translation"):
        labels = [s.speaker for s in transcripts.segments(vault, recorded, layer)]
        assert labels[:3] == ["interviewer", "Interpreter Kim", "witness"]
    with pytest.raises(UsageError):
        transcripts.set_speaker(vault, recorded, label="  ", role="interviewer")


def test_channels_propose_interviewer_and_witness(vault: Vault) -> None:
    left = tone_bursts(30, [(2, 4), (10, 12)], channels=2, channel=0)
    right = tone_bursts(30, [(6, 8)], channels=2, channel=1)
    iid, _ = interview_with_audio(vault, left + right)
    _run(vault, iid, FakeEngine())
    labels = speakers.propose_from_channels(vault, iid, interviewer_channel=0,
                                            role="interviewer", apply=True)
    assert len(labels) == 3
    assert [s.speaker for s in transcripts.segments(vault, iid)] == [
        "interviewer", "witness", "interviewer"]


def test_channel_proposal_needs_two_channels(vault: Vault, recorded: str) -> None:
    _run(vault, recorded, FakeEngine())
    with pytest.raises(UsageError, match="two-channel"):
        speakers.propose_from_channels(vault, recorded, role="interviewer")


# ------------------------------------------------------------------ exports
def test_exports_in_every_format(vault: Vault, recorded: str) -> None:
    _run(vault, recorded, FakeEngine(), translate=True)
    transcripts.set_speaker(vault, recorded, label="witness", role="interviewer")
    transcripts.edit_segment(vault, recorded, "1", text="corrected 요덕", role="translator")
    segs = transcripts.segments(vault, recorded)
    txt = transcript_export.export(vault, recorded, fmt="txt").decode()
    assert "corrected 요덕" in txt and "witness" in txt and "00:00:02.000" in txt
    srt = transcript_export.export(vault, recorded, fmt="srt").decode()
    assert srt.startswith("1\n00:00:02,000 --> 00:00:04,000\nwitness: corrected 요덕\n")
    assert srt.count("-->") == len(segs)
    vtt = transcript_export.export(vault, recorded, fmt="vtt", layer="translation").decode()
    assert vtt.startswith("WEBVTT") and "MACHINE DRAFT" in vtt and "<v witness>" in vtt
    doc = json.loads(transcript_export.export(vault, recorded, fmt="json"))
    first = doc["segments"][0]
    assert doc["words_from_revision"] == 0 and doc["machine_draft"] is False
    assert first["start"] == 2.0 and first["words"] and first["speaker"] == "witness"
    assert [r["text"] for r in first["revisions"]] == [segs[0].revisions[0].text
                                                       if segs[0].revisions else
                                                       "speech 2.0 to 4.0", "corrected 요덕"]
    assert doc["transcripts"][0]["model_name"] == "base"
    from docx import Document

    data = transcript_export.export(vault, recorded, fmt="docx", layer="translation")
    table = Document(io.BytesIO(data)).tables[0]
    assert [c.text for c in table.rows[0].cells] == ["#", "Time", "Speaker", "Original",
                                                     "English draft", "Status"]
    assert table.rows[1].cells[3].text == "corrected 요덕"
    assert table.rows[1].cells[4].text == "SPEECH 2.0 TO 4.0"
    assert len(table.rows) == len(segs) + 1


def test_raw_pcm_recording_is_transcribed(vault: Vault) -> None:
    from app.interviews import add_interview
    from tests.transcribe_helpers import add_asset

    audio = tone_bursts(10, [(1, 2), (5, 7)], rate=48000, channels=2)
    pcm = (audio.T * 32767).astype("<i2").tobytes()
    iid = add_interview(vault, code="RAW-2026-186", role="interviewer")
    add_asset(vault, iid, [pcm[i:i + 65536] for i in range(0, len(pcm), 65536)],
              container="raw", codec="pcm_s16le", sample_rate=48000, channels=2,
              duration_s=10.0)
    _run(vault, iid, FakeEngine())
    assert [(s.start, s.end) for s in transcripts.segments(vault, iid)] == [(1.0, 2.0), (5.0, 7.0)]
    assert np.isfinite(transcripts.transcripts(vault, iid)[0].resume_at_s)


@pytest.mark.parametrize("sample_format", ["s16", "f32"])
def test_recordings_with_streaming_wav_header_are_transcribed(vault: Vault,
                                                              sample_format: str) -> None:
    """Recordings (app.audio.recording) are WAV with unknown-length headers, s16 or f32, any rate."""
    from app.audio.pcm import PcmFormat, wav_header
    from app.interviews import add_interview
    from tests.transcribe_helpers import add_asset

    fmt = PcmFormat(44100, 2, sample_format)  # type: ignore[arg-type]
    audio = tone_bursts(70, [(3, 5), (64, 66)], rate=44100, channels=2)
    frames = audio.T.astype("<f4") if sample_format == "f32" else \
        (audio.T * 32767).astype("<i2")
    iid = add_interview(vault, code="REC-2026-187", role="interviewer")
    add_asset(vault, iid, wav_header(fmt) + frames.tobytes(), container="wav", codec=fmt.codec,
              sample_rate=44100, channels=2, duration_s=70.0)
    _run(vault, iid, FakeEngine())
    assert [(s.start, s.end) for s in transcripts.segments(vault, iid)] == [(3.0, 5.0),
                                                                          (64.0, 66.0)]


def test_audio_imported_by_the_audio_service_is_transcribed(vault: Vault, tmp_path: Any) -> None:
    from app.audio.assets import import_audio
    from app.interviews import add_interview
    from tests.transcribe_helpers import wav_bytes

    path = tmp_path / "tones.wav"
    path.write_bytes(wav_bytes(tone_bursts(12, [(1, 3), (8, 9)])))
    iid = add_interview(vault, code="IMP-2026-111", role="interviewer")
    import_audio(vault, iid, path, role="interviewer")
    _run(vault, iid, FakeEngine())
    assert [(s.start, s.end) for s in transcripts.segments(vault, iid)] == [(1.0, 3.0), (8.0, 9.0)]


def test_unreadable_audio_is_one_sentence_and_leaves_a_resumable_job(vault: Vault) -> None:
    from app.interviews import add_interview
    from tests.transcribe_helpers import add_asset
    from transcription.errors import AudioUnreadable

    iid = add_interview(vault, code="BAD-2026-104", role="interviewer")
    add_asset(vault, iid, b"this is not audio at all" * 100, container="wav", duration_s=5.0)
    with pytest.raises(AudioUnreadable, match="could not be decoded"):
        _run(vault, iid, FakeEngine())
    assert transcripts.segments(vault, iid) == []
    assert transcripts.transcripts(vault, iid)[0].state == "failed"


def test_a_second_job_on_the_same_recording_is_refused(vault: Vault, recorded: str) -> None:
    import fcntl
    import os

    asset = vault.conn.execute("SELECT id FROM audio_asset").fetchone()[0]
    vault.lock_folder.mkdir(exist_ok=True)
    fd = os.open(vault.lock_folder / f"transcribe-{asset}.lock", os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        # flock is per open file description: a second open in this process conflicts too.
        with pytest.raises(transcribe.JobBusy, match="already being transcribed"):
            _run(vault, recorded, FakeEngine())
    finally:
        os.close(fd)
    assert transcripts.transcripts(vault, recorded) == []
    _run(vault, recorded, FakeEngine())
    assert len(transcripts.segments(vault, recorded)) == len(BURSTS)


def test_export_without_transcript_says_what_to_do(vault: Vault, recorded: str) -> None:
    with pytest.raises(NotFound, match="no original transcript yet"):
        transcript_export.export(vault, recorded, fmt="txt")
    _run(vault, recorded, FakeEngine())
    with pytest.raises(NotFound, match="no translation transcript yet") as missing:
        transcript_export.export(vault, recorded, fmt="srt", layer="translation")
    from cli.errors import sentence_for

    assert "(add --translate)" in sentence_for(missing.value)


def test_deleting_the_interview_removes_transcripts_and_revisions(vault: Vault,
                                                                  recorded: str) -> None:
    from app.interviews import delete_interview

    _run(vault, recorded, FakeEngine(), translate=True)
    transcripts.edit_segment(vault, recorded, "1", text="edited", role="translator")
    delete_interview(vault, recorded, role="supervisor")
    for table in ("transcript", "segment", "segment_revision"):
        assert vault.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 0


def test_glossary_prompt_is_a_labelled_sentence_cut_to_length() -> None:
    from transcription.engine import MAX_GLOSSARY_CHARS, glossary_prompt

    assert glossary_prompt(["요덕", " 관리소 ", ""], "ko") == "용어: 요덕, 관리소."
    assert glossary_prompt(["Yodok"], "en") == "Glossary: Yodok."
    assert glossary_prompt([], "ko") is None
    names = [f"name{chr(97 + i // 26)}{chr(97 + i % 26)}" for i in range(200)]
    long = glossary_prompt(names, None)
    assert long is not None and len(long) <= MAX_GLOSSARY_CHARS
    assert long.startswith("용어: nameaa, nameab")
    assert glossary_prompt(["15호 관리소", "관리소", "요덕", "요덕 관리소"], "ko") == "용어: 관리소, 요덕."


def test_translation_added_later_may_use_another_model_and_the_detected_language(
        vault: Vault, recorded: str) -> None:
    first = FakeEngine()
    _run(vault, recorded, first, language="auto", model="tiny.en")  # English-only: 'en'
    later = FakeEngine()
    _run(vault, recorded, later, translate=True)  # default multilingual model
    assert transcripts.transcripts(vault, recorded)[0].model_name == "tiny.en"
    assert transcripts.transcripts(vault, recorded, "translation")[0].model_name == "base"
    assert all(task == "translate" for _s, _e, task in later.calls)
    assert len(transcripts.segments(vault, recorded, "translation")) == len(BURSTS)


def test_a_resumed_job_keeps_its_language(vault: Vault, recorded: str) -> None:
    cancel = CancelToken()
    first = FakeEngine(on_window=lambda w: cancel.cancel())
    with pytest.raises(Cancelled):
        _run(vault, recorded, first, cancel=cancel, language="ko")
    second = FakeEngine()
    _run(vault, recorded, second)  # language left at its default, auto
    assert set(first.languages) == set(second.languages) == {"ko"}


def test_glossary_terms_are_chosen_by_script_for_the_language() -> None:
    from transcription.engine import glossary_for_language

    terms = ["요덕", "Yodok", "耀德", "관리소 kwanliso", "kwanliso"]
    assert glossary_for_language(terms, "ko") == ["요덕", "관리소 kwanliso"]
    assert glossary_for_language(terms, "en") == ["Yodok", "kwanliso"]
    assert glossary_for_language(terms, "zh") == ["耀德"]
    assert glossary_for_language(terms, None) == []


def test_empty_and_cut_off_recordings(vault: Vault) -> None:
    """A zero-length recording completes with no segments; a crash-cut recording (streaming
    header, last frame torn mid-sample, state 'interrupted') is transcribed up to the cut."""
    from app.audio.pcm import PcmFormat, wav_header
    from app.interviews import add_interview
    from tests.transcribe_helpers import add_asset

    fmt = PcmFormat(16000, 1, "s16")
    empty = add_interview(vault, code="EMPTY-2026-108", role="interviewer")
    add_asset(vault, empty, wav_header(fmt), codec=fmt.codec, duration_s=0.0)
    [result] = _run(vault, empty, FakeEngine())
    assert result.segments == 0 and transcripts.transcripts(vault, empty)[0].state == "complete"

    cut = add_interview(vault, code="CUT-2026-106", role="interviewer")
    pcm = (tone_bursts(6, [(1, 2), (4, 5)]) * 32767).astype("<i2").tobytes()
    asset = add_asset(vault, cut, wav_header(fmt) + pcm[: 16000 * 2 * 4 + 16001],
                      codec=fmt.codec, duration_s=None)
    with vault.transaction() as conn:
        conn.execute("UPDATE audio_asset SET state = 'interrupted' WHERE id = ?", (asset,))
    _run(vault, cut, FakeEngine())
    assert [(s.start, s.end) for s in transcripts.segments(vault, cut)] == [(1.0, 2.0),
                                                                          (4.0, 4.5)]
