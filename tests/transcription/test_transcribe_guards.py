"""Hallucination guards: loop, silence and weak-word detectors, with fake segments.

The real-model checks on recorded speech are in tests/transcription/test_transcribe_speech_dev.py.
"""

from __future__ import annotations

import json

import pytest

from app.transcripts import store as transcripts
from app.transcripts import transcribe
from storage.vault import Vault
from tests.transcribe_helpers import FakeEngine, interview_with_audio, tone_bursts
from transcription.engine import Segment, Word
from transcription.guards import (
    check_segment,
    compression_ratio,
    find_loops,
    has_loop,
)


def _seg(words: list[str], probability: float = 0.9, no_speech: float = 0.01) -> Segment:
    ws = [Word(round(0.5 * i, 3), round(0.5 * i + 0.4, 3), w, probability)
          for i, w in enumerate(words)]
    return Segment(0.0, 0.5 * len(words), "".join(words).strip(), ws, -0.3, no_speech)


@pytest.mark.parametrize(("text", "loop"), [
    ("요덕, 요덕, 요덕,", True),                    # one word three times (punctuation ignored)
    ("소맹 소맹 소맹", True),
    ("가 나 다 가 나 다 가 나 다", True),            # three words three times
    ("보위부 사람 보위부 사람 보위부 사람", True),
    ("소매치기기기기기기기", True),                  # one syllable five times
    ("네 네 그래요", False),                         # twice is speech
    ("가 나 다 라 가 나 다 라 가 나 다 라", False),  # four-word units are not looked at
    ("기기기기 좋다", False),                        # four syllables only
    ("100000원 냈어요", False),                      # digits are numbers, not loops
    ("저는 요덕 관리소에서 삼 년 동안 일했습니다.", False),
])
def test_loop_definition(text: str, loop: bool) -> None:
    assert has_loop(text) is loop


def test_find_loops_prefers_the_longest_run_and_shortest_unit() -> None:
    assert [(lp.start, lp.size, lp.copies) for lp in find_loops("x a a a a y".split())] == [
        (1, 1, 4)]
    assert [(lp.start, lp.size, lp.copies)
            for lp in find_loops("x a b a b a b".split())] == [(1, 2, 3)]


def test_a_long_loop_keeps_one_copy_and_says_how_many_were_removed() -> None:
    seg = _seg([" 차를", " 샀어요.", " 요덕,", " 요덕,", " 요덕,", " 요덕,", " 요덕,"])
    checked = check_segment(seg)
    assert checked.segment is not None
    assert checked.segment.text == "차를 샀어요. 요덕,"
    assert [w.word for w in checked.segment.words] == [" 차를", " 샀어요.", " 요덕,"]
    assert len(checked.flags) == 1 and checked.flags[0].startswith("repetition:")
    assert "4 extra copies removed" in checked.flags[0]
    assert "요덕" not in checked.flags[0]  # a flag never quotes the testimony


def test_three_copies_may_be_speech_so_they_are_kept_but_flagged() -> None:
    checked = check_segment(_seg([" 네,", " 네,", " 네,", " 알겠습니다."]))
    assert checked.segment is not None and checked.segment.text == "네, 네, 네, 알겠습니다."
    assert "kept: may be real speech" in checked.flags[0]


def test_a_syllable_loop_is_collapsed() -> None:
    checked = check_segment(_seg([" 소매치기기기기기기기"]))
    assert checked.segment is not None and checked.segment.text == "소매치기"
    assert checked.segment.words[0].word == " 소매치기"
    assert "character repeated" in checked.flags[0]


def test_numbers_are_never_collapsed() -> None:
    checked = check_segment(_seg([" 100000원을", " 냈어요."]))
    assert checked.segment is not None and checked.segment.text == "100000원을 냈어요."
    assert checked.flags == ()


def test_a_loop_in_a_segment_without_word_times_is_removed_from_its_text() -> None:
    seg = Segment(1.0, 4.0, "보위부, 보위부, 보위부, 보위부, 보위부,", [], -0.5, 0.1)
    checked = check_segment(seg)
    assert checked.segment is not None and checked.segment.text == "보위부,"
    assert (checked.segment.start, checked.segment.end) == (1.0, 4.0)


def test_text_over_silence_with_no_supported_word_is_dropped() -> None:
    assert check_segment(_seg([" 요덕,", " 보위부,"], probability=0.05, no_speech=0.9)).segment \
        is None


def test_probable_silence_with_heard_words_is_flagged_not_dropped() -> None:
    checked = check_segment(_seg([" 감사합니다."], probability=0.8, no_speech=0.8))
    assert checked.segment is not None and checked.segment.text == "감사합니다."
    assert checked.flags[0].startswith("no_speech:") and "0.80" in checked.flags[0]


def test_poorly_supported_words_are_flagged() -> None:
    checked = check_segment(_seg([" 항신", " 계층"], probability=0.2))
    assert checked.segment is not None
    assert [f.split(":")[0] for f in checked.flags] == ["low_probability"]


def test_clean_speech_passes_unflagged_and_unchanged() -> None:
    seg = _seg([" 고생", " 많이", " 하셨죠?"])
    checked = check_segment(seg)
    assert checked.flags == () and checked.segment == seg


def test_compression_ratio_of_repetitive_text_is_high() -> None:
    assert compression_ratio("요덕 " * 40) > 2.4 > compression_ratio("고생 많이 하셨죠? 이제 좀 쉬세요.")
    # four-word units are not loops by the definition, but the text compresses very well
    checked = check_segment(Segment(0.0, 5.0, "가나 다라 마바 사아 " * 10, [], -0.5, 0.1))
    assert any(f.startswith("compression:") for f in checked.flags)


class _LoopingEngine(FakeEngine):
    """The fake engine, except that its first segment is flagged as the real engine would."""

    def transcribe(self, audio, *, language, task, on_segment, cancel):  # type: ignore[no-untyped-def]
        first = True

        def hand_on(seg: Segment) -> None:
            nonlocal first
            if first:
                seg = Segment(seg.start, seg.end, seg.text, seg.words, seg.avg_logprob,
                              seg.no_speech_prob, ("no_speech: a reason.",))
                first = False
            on_segment(seg)

        return super().transcribe(audio, language=language, task=task, on_segment=hand_on,
                                  cancel=cancel)


def test_flags_are_stored_with_the_segment(vault: Vault) -> None:
    iid, _ = interview_with_audio(vault, tone_bursts(6, [(1, 2), (4, 5)]), code="NK-2026-139")
    transcribe.transcribe_interview(vault, iid, role="interviewer",
                                    engine_factory=lambda _name: _LoopingEngine())
    segs = transcripts.segments(vault, iid)
    stored = [vault.conn.execute("SELECT engine_flags FROM segment WHERE id = ?",
                                 (s.id,)).fetchone()[0] for s in segs]
    assert len(stored) == 2
    assert json.loads(stored[0]) == ["no_speech: a reason."] and stored[1] is None
