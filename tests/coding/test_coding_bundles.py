"""Coded interviews travel in bundles: tags, events and their links arrive, and the search
index is not exported but rebuilt on import."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.bundles.importer import import_bundle
from app.coding import events, search, tags
from tests.bundle_helpers import World, make_world
from tests.coding_util import add_interview, add_segments


@pytest.fixture
def world(tmp_path: Path) -> World:
    w = make_world(tmp_path)
    yield w
    for v in (w.field, w.sup):
        if not v.is_locked:
            v.lock()


def test_coded_interview_round_trips_and_is_searchable_at_the_supervisor(world: World) -> None:
    field = world.field
    iid = add_interview(field, "NK-2026-127", notes="Mentions Camp 15.", consent=("archive", "un"))
    add_segments(field, iid, ["저는 요덕수용소에서 3년 있었습니다.", "보위부가 때렸습니다."])
    t1 = tags.add_tag(field, iid, "Yodok", role="coder", segment=0, chars=(3, 8))
    t2 = tags.add_tag(field, iid, "Bowibu", role="coder", segment=1, chars=(0, 3))
    events.add_event(field, iid, act="torture", role="coder", perpetrator="Bowibu",
                     place="Yodok", date="1997-summer", relation="experienced", tags=[t1, t2])
    result = world.export(iid)
    import_bundle(world.sup, result.path, world.identity, role="supervisor")
    sup = world.sup
    # taxonomy versions are vault-wide, not interview data: they do not travel; the
    # supervisor's vault stores the shipped version on first use, tags name the same one
    assert sup.conn.execute("SELECT count(*) FROM taxonomy_version").fetchone()[0] == 0
    views = {v.id: v for v in tags.list_tags(sup, iid)}
    assert views[t1].label["en"] == "Kwanliso No. 15 Yodok" and views[t1].text == "요덕수용소"
    (event,) = events.list_events(sup, iid)
    assert sorted(event.tags) == sorted([t1, t2]) and event.date == "1997-summer"
    # the index was not exported: the triggers rebuilt it from the imported rows, once
    assert sup.conn.execute("SELECT count(*) FROM fts_ref").fetchone()[0] == 3
    hits = search.search(sup, "요덕", expand_aliases=False).hits
    assert [(h.interview_code, h.kind, h.segment_idx) for h in hits] == [("NK-2026-127", "segment", 0)]
    assert {h.kind for h in search.search(sup, "Yodok").hits} == {"segment", "note"}
    report = search.report(sup)
    assert [(r.key, r.tags, r.events) for r in report["facility"]] == [
        ("detention.kwanliso.15", 1, 1)]
