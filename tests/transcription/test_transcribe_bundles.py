"""Transcripts travel in bundles: full round trip keeps revisions; 'share' redaction leaks no words."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app.bundles.importer import import_bundle
from app.bundles.redaction import add_redaction
from app.transcripts import store as transcripts
from app.transcripts import transcribe
from tests.bundle_helpers import World, make_world
from tests.transcribe_helpers import FakeEngine, interview_with_audio, tone_bursts


@pytest.fixture
def world(tmp_path: Path) -> Any:
    w = make_world(tmp_path)
    yield w
    for v in (w.field, w.sup):
        if not v.is_locked:
            v.lock()


def _transcribed(world: World) -> str:
    from app.interviews import set_consent

    iid, _ = interview_with_audio(world.field, tone_bursts(20, [(2, 4), (8, 9)]), code="NK-2026-176")
    set_consent(world.field, iid, role="interviewer", scopes=["archive", "un"])
    engine = FakeEngine()

    def factory(name: str) -> FakeEngine:
        engine.name = name
        return engine

    transcribe.transcribe_interview(world.field, iid, role="interviewer", translate=True,
                                    engine_factory=factory)
    transcripts.edit_segment(world.field, iid, "1", text="the secret name Kim Chol here",
                             role="translator", reason="names")
    return iid


def _rows(vault: Any, table: str) -> list[tuple[Any, ...]]:
    return sorted(tuple(r) for r in vault.conn.execute(f"SELECT * FROM {table}"))


def test_full_bundle_carries_transcripts_revisions_and_words(world: World) -> None:
    iid = _transcribed(world)
    import_bundle(world.sup, world.export(iid).path, world.identity, role="supervisor")
    for table in ("transcript", "segment", "segment_revision"):
        assert _rows(world.sup, table) == _rows(world.field, table), table
    seg = transcripts.segments(world.sup, iid, with_revisions=True)[0]
    assert [r.kind for r in seg.revisions] == ["engine", "edit"] and seg.words


def test_share_bundle_redaction_leaks_no_words(world: World) -> None:
    iid = _transcribed(world)
    transcripts.edit_segment(world.field, iid, "2", text="and Pak Yong too", role="translator")
    add_redaction(world.field, iid, "2", 4, 12, "test", role="interviewer")
    seg0 = transcripts.segments(world.field, iid)[0]
    add_redaction(world.field, iid, seg0.id, 16, 24, "names a relative", role="interviewer")
    import_bundle(world.sup, world.export(iid, profile="share").path, world.identity,
                  role="supervisor")
    dump = " ".join(" ".join(str(c) for c in row)
                    for table in ("segment", "segment_revision", "transcript")
                    for row in _rows(world.sup, table))
    assert "[REDACTED]" in dump
    for table in ("segment", "segment_revision", "transcript"):
        for row in _rows(world.sup, table):
            assert "Kim Chol" not in str(row) and "Pak Yong" not in str(row), (table, row)
    assert "Kim Chol" not in dump and "Pak Yong" not in dump
    # Word timestamps hold the words themselves: dropped for redacted segments.
    redacted = world.sup.conn.execute(
        "SELECT words FROM segment WHERE text LIKE '%[REDACTED]%'").fetchall()
    assert len(redacted) == 2 and all(r[0] is None for r in redacted)
    # Translations of redacted segments would carry the words in English: left out, with their
    # revisions, and the bundle still imports cleanly.
    assert world.sup.conn.execute(
        "SELECT COUNT(*) FROM segment WHERE layer = 'translation'").fetchone()[0] == 0
