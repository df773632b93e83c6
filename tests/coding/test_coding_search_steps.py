"""The parts of search, each run alone: the input checks, the interview filters, the SQL, the
hit collection with its limit and tag filter, and the reading order."""

from __future__ import annotations

import pytest

from app.coding import events, search, tags
from app.coding import taxonomy as tx
from app.errors import UsageError
from tests.coding_util import add_interview, add_segments


def _hit(code: str, kind: str, *, layer: str | None = None, idx: int | None = None,
         start: float | None = None, ref: str = "r") -> search.Hit:
    return search.Hit("i-" + code, code, kind, ref, idx, layer, start, None, None, "", 0, 0)


def _row(iid: str, *, text: str = "요덕  ", kind: str = "segment", ref: str = "s",
         idx: int = 0, start: float = 0.0, end: float = 1.0) -> tuple[object, ...]:
    return (kind, ref, iid, "NK-" + iid, text, idx, "original", start, end, "draft", None)


def test_clean_query_turns_control_characters_into_single_spaces() -> None:
    assert search.clean_query(" 요덕\x00수용소\t\n camp ") == "요덕 수용소 camp"
    for empty in ("", "   ", "\x00\x01\n"):
        with pytest.raises(UsageError, match="Give something to search for"):
            search.clean_query(empty)


@pytest.mark.parametrize(("option", "value", "message"), [
    ("review_status", "done", "Review status must be one of: draft, reviewed, disputed."),
    ("layer", "summary", "The layer must be one of: original, translation."),
    ("consent", "press", "Consent scope must be one of"),
    ("limit", 0, "The limit must be at least 1."),
])
def test_check_choices_names_the_allowed_values(option: str, value: object,
                                                message: str) -> None:
    given: dict[str, object] = {"review_status": None, "layer": None, "consent": None,
                                "limit": 10}
    search.check_choices(**given)  # type: ignore[arg-type]
    given[option] = value
    with pytest.raises(UsageError, match=message.replace(".", r"\.")):
        search.check_choices(**given)  # type: ignore[arg-type]


def test_interview_filters_intersect_and_resolve_subtrees(vault) -> None:  # type: ignore[no-untyped-def]
    a = add_interview(vault, "NK-2026-117")
    b = add_interview(vault, "NK-2026-125")
    events.add_event(vault, a, act="imprisonment", role="coder", place="Yodok", date="1995")
    events.add_event(vault, b, act="enslavement", role="coder", perpetrator="Anjeonbu",
                     date="2001..2003")
    taxonomy = tx.ensure_taxonomy(vault)
    assert search.interview_filters(vault.conn, taxonomy) == search.Filters([], None)
    assert search.interview_filters(vault.conn, taxonomy, facility="kwanliso").allowed == {a}
    assert search.interview_filters(vault.conn, taxonomy, date_from="2002").allowed == {b}
    both = search.interview_filters(vault.conn, taxonomy, facility="kwanliso",
                                    date_from="2002")
    assert both.allowed == set()
    (subtree,) = search.interview_filters(vault.conn, taxonomy, tags=["perpetrator"]).tag_sets
    assert "perpetrator" in subtree and len(subtree) > 1
    with pytest.raises(UsageError, match="ends before it starts"):
        search.interview_filters(vault.conn, taxonomy, date_from="2003", date_to="2001")
    with pytest.raises(UsageError, match="The agency must be a term under 'perpetrator'"):
        search.interview_filters(vault.conn, taxonomy, agency="Yodok")


def test_hit_sql_binds_every_value_and_runs(vault) -> None:  # type: ignore[no-untyped-def]
    a = add_interview(vault, "NK-2026-117", consent=("archive", "un"))
    add_segments(vault, a, ["요덕수용소에서 일했습니다.", "100% 확실"])
    sql, args = search.hit_sql('"요덕수"', [], review_status="draft", layer="original",
                               consent="un")
    assert args == ['"요덕수"', "draft", "original", "un"]
    assert "요덕" not in sql and sql.count("?") == len(args)
    assert [r[4].strip() for r in vault.conn.execute(sql, args)] == ["요덕수용소에서 일했습니다."]
    sql, args = search.hit_sql('"확실"', ["%"])
    assert args == ["%\\%%", '"확실"'] and " UNION " in sql
    assert [r[4].strip() for r in vault.conn.execute(sql, args)] == ["100% 확실"]
    with pytest.raises(ValueError):
        search.hit_sql(None, [])


def test_collect_hits_applies_allowed_tags_and_the_limit(vault) -> None:  # type: ignore[no-untyped-def]
    a = add_interview(vault, "NK-2026-117")
    (seg,) = add_segments(vault, a, ["요덕 보위부"])
    tags.add_tag(vault, a, "Bowibu", role="coder", segment=0, chars=(3, 6))
    rows = [_row("x", ref="s1"), _row(a, ref=seg), _row("y", ref="s2")]
    hits, more = search.collect_hits(vault.conn, rows, ["요덕"], search.Filters(), 10)
    assert [h.ref_id for h in hits] == ["s1", seg, "s2"] and not more
    assert hits[0].snippet == "요덕" and (hits[0].match_start, hits[0].match_end) == (0, 2)
    hits, more = search.collect_hits(vault.conn, rows, ["요덕"], search.Filters(), 2)
    assert [h.ref_id for h in hits] == ["s1", seg] and more
    allowed = search.Filters(allowed={"y"})
    assert [h.ref_id for h in search.collect_hits(vault.conn, rows, ["요덕"], allowed, 10)[0]] \
        == ["s2"]
    bowibu = tx.ensure_taxonomy(vault).descendants(tx.ensure_taxonomy(vault).resolve("Bowibu").id)
    tagged = search.Filters(tag_sets=[bowibu])
    assert [h.ref_id for h in search.collect_hits(vault.conn, rows, ["요덕"], tagged, 10)[0]] \
        == [seg]


def test_sort_hits_groups_by_interview_then_segments_markers_notes() -> None:
    hits = [_hit("NK-2026-125", "segment", layer="original", idx=0),
            _hit("NK-2026-117", "note"),
            _hit("NK-2026-117", "marker", start=5.0),
            _hit("NK-2026-117", "segment", layer="translation", idx=0),
            _hit("NK-2026-117", "segment", layer="original", idx=2),
            _hit("NK-2026-117", "segment", layer="original", idx=1)]
    assert [(h.interview_code, h.kind, h.layer, h.segment_idx)
            for h in search.sort_hits(hits)] == [
        ("NK-2026-117", "segment", "original", 1), ("NK-2026-117", "segment", "original", 2),
        ("NK-2026-117", "segment", "translation", 0), ("NK-2026-117", "marker", None, None),
        ("NK-2026-117", "note", None, None), ("NK-2026-125", "segment", "original", 0)]
