"""Review tools translators expect: find and replace as audited revisions, translations marked
outdated when their original changes, pitch-preserving slow-down, playback at the
recording's own quality."""

from __future__ import annotations

import datetime as dt
import io
import json
import uuid
import wave

import numpy as np
import pytest

from app import interviews
from app.audio.playback import MEMORY_BUDGET, decode_for_playback, playback_format
from app.audio.stretch import stretch, stretch_pcm
from app.errors import UsageError
from app.transcripts import store as transcripts
from storage.vault import Vault
from tests.review_helpers import scripted_interview

T0 = dt.datetime(2026, 11, 30, 9, 0, tzinfo=dt.UTC)


# ------------------------------------------------------------------ find and replace
def test_replace_all_is_one_revision_per_changed_segment_and_audited(vault: Vault) -> None:
    iid, _ = scripted_interview(vault)
    before = [s.text for s in transcripts.segments(vault, iid)]
    audit_before = vault.conn.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
    changed = transcripts.replace_text(vault, iid, find="보이부", replace="보위부",
                                       role="translator")
    assert [s.number for s in changed] == [1]
    after = transcripts.segments(vault, iid, with_revisions=True)
    assert after[0].text == before[0].replace("보이부", "보위부")
    assert [s.text for s in after[1:]] == before[1:]
    last = after[0].revisions[-1]
    assert (last.kind, last.reason, last.created_by) == ("edit", "find and replace",
                                                        "translator")
    assert [r.text for r in after[0].revisions][0] == before[0]  # the engine's words kept
    rows = vault.conn.execute("SELECT action, object_id, details FROM audit_log "
                              "ORDER BY seq").fetchall()[audit_before:]
    assert [(a, e) for a, e, _ in rows] == [("edit", after[0].id)]
    assert "보위부" not in rows[0][2] and "보이부" not in rows[0][2]  # ids, never words


def test_replace_ignoring_case_and_refusing_an_empty_segment(vault: Vault) -> None:
    lines = [[("Yodok", 0.9), ("camp", 0.9)], [("yodok", 0.9)]]
    iid, _ = scripted_interview(vault, lines, code="NK-2026-169")
    assert transcripts.replace_text(vault, iid, find="YODOK", replace="Yodok", role="translator",
                                    match_case=True) == []
    changed = transcripts.replace_text(vault, iid, find="YODOK", replace="Yŏdŏk",
                                       role="translator", match_case=False)
    assert [s.text for s in changed] == ["Yŏdŏk camp", "Yŏdŏk"]
    with pytest.raises(UsageError, match="empty"):
        transcripts.replace_text(vault, iid, find="Yŏdŏk", replace="", role="translator")
    assert [s.text for s in transcripts.segments(vault, iid)] == ["Yŏdŏk camp", "Yŏdŏk"]


# ------------------------------------------------------------------ outdated translations
def test_translation_is_outdated_when_its_original_changes_until_revised(vault: Vault) -> None:
    iid, _ = scripted_interview(vault, translate=True)
    assert not any(s.outdated for s in transcripts.segments(vault, iid, "translation"))
    # The segments were stored just now (real clock): the edits come after them.
    later = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=1)
    transcripts.edit_segment(vault, iid, "1", text="저는 보위부에서 조사를 받았습니다.",
                             role="translator", now=later)
    flags = [s.outdated for s in transcripts.segments(vault, iid, "translation")]
    assert flags == [True, False, False]
    transcripts.edit_segment(vault, iid, "1", text="I was interrogated by the State Security.",
                             layer="translation", role="translator",
                             now=later + dt.timedelta(minutes=1))
    assert not any(s.outdated for s in transcripts.segments(vault, iid, "translation"))


# ------------------------------------------------------------------ slow down, same pitch
def _peak_hz(x: np.ndarray, rate: int) -> float:
    spectrum = np.abs(np.fft.rfft(x * np.hanning(len(x))))
    return float(np.argmax(spectrum) * rate / len(x))


@pytest.mark.parametrize("rate", [0.5, 0.75, 1.5])
def test_stretch_changes_duration_not_pitch_and_keeps_channels_apart(rate: float) -> None:
    sr = 16_000
    t = np.arange(sr * 3) / sr
    stereo = np.stack([np.sin(2 * np.pi * 220 * t), np.sin(2 * np.pi * 330 * t)], axis=1)
    out = stretch((0.3 * 32767 * stereo).astype(np.float32), sample_rate=sr, rate=rate)
    assert out.shape[1] == 2
    assert len(out) == int(len(t) / rate)
    assert _peak_hz(out[:, 0], sr) == pytest.approx(220, rel=0.02)
    assert _peak_hz(out[:, 1], sr) == pytest.approx(330, rel=0.02)
    # A tape-machine slow-down would have moved the pitch to 220 * rate.
    assert abs(_peak_hz(out[:, 0], sr) - 220 * rate) > 30


def test_stretch_pcm_at_normal_speed_is_the_input() -> None:
    pcm = (np.arange(1000) % 200 - 100).astype("<i2").tobytes()
    assert stretch_pcm(pcm, sample_rate=16_000, channels=1, rate=1.0) is pcm
    slower = stretch_pcm(pcm * 16, sample_rate=16_000, channels=1, rate=0.5)
    assert len(slower) == 2 * len(pcm * 16)


# ------------------------------------------------------------------ the recording's quality
def _store_stereo(vault: Vault, interview_id: str, seconds: float, rate: int) -> str:
    t = np.arange(int(seconds * rate)) / rate
    left, right = np.sin(2 * np.pi * 300 * t), np.sin(2 * np.pi * 5000 * t)
    frames = (0.3 * 32767 * np.stack([left, right], axis=1)).astype("<i2")
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(2)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(frames.tobytes())
    writer = vault.blob_writer(kind="audio", on_crash="discard")
    writer.write(buf.getvalue())
    asset_id = str(uuid.uuid4())

    def then(conn) -> None:  # type: ignore[no-untyped-def]
        conn.execute(
            "INSERT INTO audio_asset(id, interview_id, blob_id, source, duration_s, sample_rate,"
            " channels, created_at, created_by) VALUES (?,?,?,'import',?,?,2,'2026-01-01',"
            "'interviewer')", (asset_id, interview_id, writer.id, seconds, rate))

    writer.finish(then)
    return asset_id


def test_listening_keeps_the_recordings_rate_channels_and_treble(vault: Vault) -> None:
    iid = interviews.add_interview(vault, code="NK-2026-142", role="interviewer")
    asset = _store_stereo(vault, iid, 2.0, 48_000)
    audio = decode_for_playback(vault, asset)
    assert (audio.sample_rate, audio.channels) == (48_000, 2)
    frames = np.frombuffer(audio.pcm, dtype="<i2").reshape(-1, 2).astype(np.float32)
    # Left is the 300 Hz voice, right the 5 kHz hiss a 16 kHz mono copy would lose.
    assert _peak_hz(frames[:, 0], 48_000) == pytest.approx(300, rel=0.02)
    assert _peak_hz(frames[:, 1], 48_000) == pytest.approx(5000, rel=0.02)


def test_quality_is_lowered_only_as_far_as_the_memory_budget_needs() -> None:
    assert playback_format(48_000, 2, 3600) == (48_000, 2)
    assert playback_format(8_000, 1, 60) == (16_000, 1)  # never below the floor
    assert playback_format(96_000, 6, 60) == (48_000, 2)
    rate, channels = playback_format(48_000, 2, 3 * 3600)
    assert 3 * 3600 * rate * channels * 2 <= MEMORY_BUDGET
    assert (rate, channels) == (24_000, 2)
    assert json.dumps(playback_format(44_100, 1, 10 * 3600))  # ten hours still plays
