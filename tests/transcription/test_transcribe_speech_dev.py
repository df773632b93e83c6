"""The app pipeline on real recorded speech, with the real ``base`` model.

Clips come from speech-dev (not committed; tests/speech_dev.py says where it is looked for).
The four single clips are ones where the app used to invent taxonomy terms or repeat itself
("보위부," / "자동차," appended, a sentence twice). The long recording is assembled in memory from
standard-Korean clips with pauses between them. Correctness only; timings are in bench/.
"""

from __future__ import annotations

import numpy as np
import pytest

from app.interviews import add_interview
from app.transcripts import store as transcripts
from app.transcripts import transcribe
from storage.vault import Vault
from tests import speech_dev
from tests.transcribe_helpers import add_asset, cached_engine, wav_bytes
from transcription.guards import has_loop

pytestmark = pytest.mark.slow

FOLDER = speech_dev.speech_dev_dir()
needs_speech_dev = pytest.mark.skipif(
    FOLDER is None, reason="the speech-dev recordings are not on this machine "
    "(set TESTIMONY_SPEECH_DEV to the folder)")

# Before issue 12 the stored text of these had invented terms or a repeated sentence.
CLIPS = ["pfa-00021", "pma-00005", "pfp-00002", "pfo-00010"]
PAUSE_S = 2.5  # silence between the clips of the long recording
LONG_S = 180.0  # ... which is at least this long


def _clip(name: str) -> speech_dev.Clip:
    assert FOLDER is not None
    return next(c for c in speech_dev.clips(FOLDER) if c.name == name)


def _transcribe(vault: Vault, pcm: np.ndarray, code: str) -> str:
    iid = add_interview(vault, code=code, role="interviewer")
    add_asset(vault, iid, wav_bytes(pcm), duration_s=len(pcm) / 16000)
    transcribe.transcribe_interview(vault, iid, role="interviewer", model="base",
                                    language="ko", engine_factory=cached_engine)
    return iid


@needs_speech_dev
def test_no_invented_taxonomy_term_and_no_loop_on_real_speech(vault: Vault) -> None:
    assert FOLDER is not None
    for n, name in enumerate(CLIPS):
        clip = _clip(name)
        iid = _transcribe(vault, speech_dev.clip_pcm(FOLDER, clip), f"SD-2026-{n + 1:03d}")
        text = " ".join(s.text for s in transcripts.segments(vault, iid))
        assert text, name
        assert speech_dev.invented_terms(clip.reference, text) == [], (name, text)
        assert not has_loop(text), (name, text)
        # Faster-whisper alone gets these within 0.2 CER; the app must stay close to it.
        edits, length = speech_dev.errors(clip, text)
        assert edits / length <= 0.3, (name, text, edits / length)
        head = transcripts.transcripts(vault, iid)[0]
        assert head.glossary_terms == 0 and head.glossary_sha256 is None


@needs_speech_dev
@pytest.mark.parametrize("windows", ["one window", "minute windows"])
def test_three_minute_recording_breaks_at_pauses_without_loops(
        vault: Vault, windows: str, request: pytest.FixtureRequest) -> None:
    # As users get it (up to five minutes is one decode), and cut into minute-long windows so
    # that window boundaries fall inside the three minutes (as in longer recordings).
    if windows == "minute windows":
        request.getfixturevalue("minute_windows")
    assert FOLDER is not None
    chosen = [c for c in speech_dev.clips(FOLDER) if c.group == "ko standard"]
    pause = np.zeros(int(PAUSE_S * 16000), np.float32)
    parts: list[np.ndarray] = []
    spans: list[tuple[speech_dev.Clip, float, float]] = []
    at = 0.0
    for clip in chosen:
        if at >= LONG_S:
            break
        pcm = speech_dev.clip_pcm(FOLDER, clip)
        parts += [pcm, pause]
        spans.append((clip, at, at + len(pcm) / 16000))
        at += (len(pcm) + len(pause)) / 16000
    audio = np.concatenate(parts)
    assert len(audio) / 16000 >= LONG_S
    iid = _transcribe(vault, audio, "SD-2026-900")
    segs = transcripts.segments(vault, iid)
    assert not has_loop(" ".join(s.text for s in segs))  # also across window boundaries
    slack = 1.0  # Whisper's times are coarse; the pauses are 2.5 s
    by_clip: dict[str, list[str]] = {clip.name: [] for clip, _a, _b in spans}
    for seg in segs:
        assert not has_loop(seg.text), seg.text
        # Segments break at the pauses: each overlaps one clip only (its start may reach a
        # little into the pause before it), and its words lie in that clip's time range.
        # (A segment shorter than 0.6 s needs half its length inside: Whisper gave one word
        # "하세요." 0.14 s at the end of its clip.)
        least = min(0.3, (seg.end - seg.start) / 2)
        home = [(c, a, b) for c, a, b in spans if min(seg.end, b) - max(seg.start, a) > least]
        assert len(home) == 1, (seg.start, seg.end, seg.text)
        clip, a, b = home[0]
        assert all(a - slack <= w["start"] <= w["end"] <= b + slack for w in seg.words or []), (
            clip.name, a, b, seg.words)
        by_clip[clip.name].append(seg.text)
    # Every clip's words land in its own time range: its segments spell its own sentence.
    for clip, _a, _b in spans:
        text = " ".join(by_clip[clip.name])
        edits, length = speech_dev.errors(clip, text)
        assert edits / length <= 0.5, (clip.name, text)
