"""The near-miss matcher behind term suggestions (pure): Hangul jamo distance, romanisations,
particles, thresholds for short names, ranking and caps, and properties over random text."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.coding import nearmiss, taxonomy
from app.coding.taxonomy import Term
from app.transcripts.confidence import (
    WordSpan,
    low_words,
    mark_text,
    segment_confidence,
    word_spans,
)

TAX = taxonomy.builtin()
INDEX = nearmiss.NameIndex(TAX.terms.values())
# The same vocabulary in the opposite order: results must not depend on file order.
REVERSED = nearmiss.NameIndex(reversed(list(TAX.terms.values())))


def misses(text: str, probs: list[tuple[int, int, float]] | None = None) -> list[tuple[str, str]]:
    return [(m.heard, m.name) for m in INDEX.near_misses(text, probs or [])]


# ------------------------------------------------------------------ distances

def test_jamo_distance_weights_sound_alike_changes() -> None:
    assert nearmiss.jamo("보위부") == ["ㅂ", "ㅗ", "ㅇ", "ㅟ", "ㅂ", "ㅜ"]
    assert nearmiss.jamo("각") == ["ㄱ", "ㅏ", "ㄱ_"]  # a final is its own sound
    assert nearmiss.jamo_distance("보이부", "보위부") == 0.5  # ㅣ/ㅟ
    assert nearmiss.jamo_distance("요득", "요덕") == 0.5  # ㅓ/ㅡ
    assert nearmiss.jamo_distance("감동", "강동") == 1.0  # ㅁ/ㅇ finals differ in sound
    assert nearmiss.jamo_distance("보위부", "보위부") == 0.0
    assert nearmiss.jamo_distance("보위", "보위부") == 2.0  # a whole syllable: two jamo


def test_skeleton_hears_romanisations_like_an_english_speaker() -> None:
    assert nearmiss.skeleton("yardock") == nearmiss.skeleton("yodok")
    assert nearmiss.skeleton("gwalliso") == nearmiss.skeleton("kwalliso")
    assert nearmiss.latin_letters("Ch'ŏngjin") == "chongjin"
    assert nearmiss.latin_allowance(4) == -1 and nearmiss.latin_allowance(5) == 1
    assert nearmiss.latin_allowance(8) == 2 and nearmiss.latin_allowance(12) == 3


# ------------------------------------------------------------------ what is suggested

@pytest.mark.parametrize(("text", "expected"), [
    ("보이부에서 왔습니다", [("보이부", "보위부")]),  # particle kept outside the replacement
    ("국가보이부 사람이 왔다", [("국가보이부", "국가보위부")]),
    ("보위부대기살에", [("보위부대기살", "보위부 대기실")]),  # spacing left out by the engine
    ("관리서에서 일했다", [("관리서", "관리소")]),
    ("요덕 관리서에 있었다", [("관리서", "관리소")]),  # 요덕 is already right: left alone
    ("요덕 관리서 보위부 대기살", [("관리서", "관리소"), ("대기살", "대기실")]),
    ("15호 관리서", [("관리서", "관리소")]),  # the number is never part of a near miss
    ("I was held in Yardock for three years", [("Yardock", "Yodok")]),
    ("the Bowebu came at night", [("Bowebu", "Bowibu")]),
    ("they sent him to the Kwaliso", [("Kwaliso", "Kwalliso")]),  # capital kept as heard
    ("Yardock에서 왔어요", [("Yardock", "Yodok")]),  # a Korean particle stays
])
def test_near_misses_are_suggested(text: str, expected: list[tuple[str, str]]) -> None:
    assert misses(text) == expected
    for m in INDEX.near_misses(text):
        assert text[m.start:m.end] == m.heard
        assert m.term_ids and all(t in TAX.terms for t in m.term_ids)


def test_the_term_ids_are_the_ones_with_that_name() -> None:
    (m,) = INDEX.near_misses("보이부에서")
    assert m.term_ids == ("perpetrator.mss",)
    (m,) = INDEX.near_misses("Yardock")
    assert m.term_ids == ("detention.kwanliso.15",)


@pytest.mark.parametrize("text", [
    "보위부에서 왔습니다",  # exact, with a particle
    "보위부 대기실", "보위부대기실",  # exact up to spacing: not a suggestion
    "요덕 관리소에서 삼 년 동안 일했습니다.",
    "Yodok", "YODOK", "Yodŏk", "kwan-li-so",  # case, diacritics and hyphens ignored
    "The police came to our house for hours",  # English words are not compared
    "MPS and MSS and SSD",  # acronyms: too short to guess at
    "감동했습니다",  # 강동 is two syllables away in sound and needs an unsure engine anyway
    "보위부원이 왔다",  # a longer word is a different word
    "",
])
def test_no_suggestion(text: str) -> None:
    assert misses(text) == []


def test_two_syllable_names_only_where_the_engine_was_unsure() -> None:
    text = "수송 문제가 있었다"  # 수송 (transport) is one vowel from 수성 (Camp 25)
    assert misses(text) == []
    assert misses(text, [(0, 2, 0.9)]) == []
    assert misses(text, [(0, 2, 0.3)]) == [("수송", "수성")]
    assert misses("요득에 갔어요", [(0, 3, 0.4)]) == [("요득", "요덕")]


def test_ranked_capped_and_never_overlapping() -> None:
    text = "보이부 관리서 교화서 집결서 구류정 보안소"
    found = INDEX.near_misses(text)
    assert len(found) == nearmiss.MAX_PER_SEGMENT
    assert [m.start for m in found] == sorted(m.start for m in found)
    assert len(INDEX.near_misses(text, limit=1)) == 1
    # the closest are kept: every kept one is at least as close as any dropped one
    everything = INDEX.near_misses(text, limit=100)
    assert len(everything) > len(found)
    kept = max(m.score for m in found)
    assert all(m.score >= kept for m in everything if m not in found)
    # an unsure word ranks before an equally near sure one
    probs = [(m.start, m.end, 0.95) for m in everything]
    probs[-1] = (everything[-1].start, everything[-1].end, 0.1)
    ranked = INDEX.near_misses(text, probs)
    assert (everything[-1].start, 0.1) in [(m.start, m.probability) for m in ranked]


def test_an_organisation_vocabulary_with_digits_and_duplicates() -> None:
    terms = [Term("camp.1", None, "Camp 1", "1호 수용소", ("일호수용소",), ("Ilho",)),
             Term("a", None, "A", "개천", (), ("Kaechon",)),
             Term("b", None, "B", "개천 교화소", ("개천",), ("Kaechon",))]
    index = nearmiss.NameIndex(terms)
    assert [(m.name, m.term_ids) for m in index.near_misses("Kaechan")] == [
        ("Kaechon", ("a", "b"))]  # one name, two terms: both named
    assert index.near_misses("2호 수용소") == []
    assert index.near_misses("Ilho") == []


# ------------------------------------------------------------------ properties

NAMES = sorted({n for t in TAX.terms.values() for n in (*t.names(), *t.romanisations)})
words = st.one_of(st.sampled_from(NAMES), st.text(min_size=1, max_size=8),
                  st.sampled_from(["보이부", "요득", "관리서", "Yardock", "에서", "는"]))
texts = st.lists(words, max_size=8).map(" ".join)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.lists(st.floats(0, 1), max_size=8))
def test_properties(text: str, probabilities: list[float]) -> None:
    probs = [(i * 3, i * 3 + 3, p) for i, p in enumerate(probabilities)]
    found = INDEX.near_misses(text, probs)
    assert found == INDEX.near_misses(text, probs) == REVERSED.near_misses(text, probs)
    assert len(found) <= nearmiss.MAX_PER_SEGMENT
    for a, b in zip(found, found[1:], strict=False):
        assert a.end <= b.start  # in order, never overlapping
    for m in found:
        assert 0 <= m.start < m.end <= len(text) and text[m.start:m.end] == m.heard
        assert m.name != m.heard  # never suggests the word it was given
        assert m.heard.replace(" ", "").casefold() not in {
            n.replace(" ", "").casefold() for n in NAMES}  # an exact name is never "corrected"
        assert m.distance > 0


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(NAMES))
def test_a_name_alone_is_never_a_suggestion(name: str) -> None:
    assert INDEX.near_misses(name) == []


# ------------------------------------------------------------------ confidence (pure)

WORDS = [{"word": " 보이부에서", "probability": 0.31}, {"word": " 왔습니다.", "probability": 0.97}]


def test_word_spans_and_marks() -> None:
    text = "보이부에서 왔습니다."
    spans = word_spans(text, WORDS)
    assert spans == [WordSpan(0, 5, 0.31), WordSpan(6, 11, 0.97)]
    assert [text[s.start:s.end] for s in low_words(text, WORDS)] == ["보이부에서"]
    assert mark_text(text, low_words(text, WORDS)) == "[?보이부에서?] 왔습니다."
    assert segment_confidence(WORDS) == pytest.approx(0.64)
    # an edited text: the engine's words no longer describe it
    assert word_spans("보위부에서 왔습니다.", WORDS) is None
    assert low_words("보위부에서 왔습니다.", WORDS) == []
    assert segment_confidence([]) is None
    assert segment_confidence([{"word": "x", "probability": "high"}]) is None
    # malformed words (another device's bundle) are ignored, never an error
    assert segment_confidence({"word": "x"}) is None  # type: ignore[arg-type]
    assert segment_confidence(["x", 3, {"probability": True}, {"probability": 2}]) == 1.0
    assert word_spans("x", ["x"]) is None  # type: ignore[list-item]
    assert word_spans("x", [{"word": 3, "probability": 0.1}]) is None
