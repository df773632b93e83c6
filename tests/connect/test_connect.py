"""Connecting the testimonies through the real services (tags and events made by the coding
services, entities by taxonomy import) and through the real ``testimony`` command."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from app import interviews
from app.coding import search
from app.coding import taxonomy as tx
from app.coding.events import add_event
from app.coding.tags import add_tag
from app.connect import corroborate as co
from app.connect import entities, links, witnesses
from app.connect.filters import entity_interviews
from app.domain import Interviewee
from app.errors import UsageError
from storage.vault import Vault
from tests.coding_util import add_interview, add_segments
from tests.common import PASSPHRASE

YODOK, COAL = "detention.kwanliso.15", "commodity.product.coal"


@dataclass
class Small:
    vault: Vault
    ids: dict[str, str]  # code -> interview id
    tags: dict[str, dict[str, str]]  # code -> term -> tag id
    kangsong: str


def _account(vault: Vault, code: str, text: str, terms: list[tuple[str, int, int]], *,
             act: str = "violation.cah.enslavement", date: str = "1998..2000",
             perpetrator: str | None = None, birth: int = 1970, province: str = "Ryanggang",
             defection: int = 2005, consent: tuple[str, ...] = ("archive", "un")
             ) -> tuple[str, dict[str, str]]:
    iid = add_interview(vault, code, consent=consent)
    interviews.set_interviewee(vault, iid, role="interviewer", details=Interviewee(
        birth_year=birth, home_province=province, defection_year=defection))
    add_segments(vault, iid, [text, "매일 새벽부터 일했습니다"])
    tags = {term: add_tag(vault, iid, term, role="coder", segment=0, chars=(a, b))
            for term, a, b in terms}
    tags["forced_labour.setting.detention"] = add_tag(
        vault, iid, "forced_labour.setting.detention", role="coder", segment=1)
    add_event(vault, iid, act=act, place=YODOK, date=date, relation="experienced",
              perpetrator=perpetrator, tags=list(tags.values()), role="coder")
    return iid, tags


@pytest.fixture
def small(vault: Vault) -> Small:
    kangsong = entities.add_entity(vault, "enterprise", label_en="Kangsong Trading",
                                   label_ko="강성무역", aliases=("Kangsong",), role="supervisor")
    ids, tags = {}, {}
    text = "요덕에서 석탄을 캤고 강성무역이 가져갔습니다"
    spans = [(YODOK, 0, 2), (COAL, 5, 7), (kangsong.term_id, 12, 16)]
    ids["NK-2026-113"], tags["NK-2026-113"] = _account(vault, "NK-2026-113", text, spans)
    # the same person, interviewed again by another organisation
    ids["NK-2026-114"], tags["NK-2026-114"] = _account(vault, "NK-2026-114", text, spans[:2], date="1999")
    ids["NK-2026-115"], tags["NK-2026-115"] = _account(vault, "NK-2026-115", text, spans[:2], birth=1980,
                                         province="Chagang", defection=2012, date="2010..2011",
                                         consent=("archive",))
    return Small(vault, ids, tags, kangsong.term_id)


def test_entities_come_from_the_taxonomy_and_imports_extend_them(vault: Vault) -> None:
    facilities = {e.term_id for e in entities.list_entities(vault, "facility")}
    assert YODOK in facilities and "detention" not in facilities
    assert entities.resolve(vault, "요덕").term_id == YODOK
    assert entities.resolve(vault, "Yodok", "facility").kind == "facility"
    with pytest.raises(UsageError, match="must name a commodity"):
        entities.resolve(vault, "Yodok", "commodity")
    with pytest.raises(UsageError, match="not an entity"):
        entities.resolve(vault, "violation.cah.torture")
    ext = "\n".join(json.dumps(x, ensure_ascii=False) for x in [
        {"format": "testimony-taxonomy", "format_version": 1, "name": "org", "version": "1"},
        {"id": "port", "parent": None, "label": {"en": "Ports", "ko": "항구"}},
        {"id": "port.nampo", "parent": "port", "label": {"en": "Nampo port", "ko": "남포항"},
         "aliases": ["Nampo"]}]) + "\n"
    tx.import_taxonomy(vault, ext.encode(), role="supervisor")
    nampo = entities.resolve(vault, "남포항", "port")
    assert (nampo.term_id, nampo.aliases) == ("port.nampo", ("Nampo",))
    quota = entities.set_entity(vault, "forced_labour.quota_item.scrap_metal",
                                role="supervisor", imposed_by="Women's Union")
    assert (quota.kind, quota.imposed_by) == ("quota", "perpetrator.womens_union")
    with pytest.raises(UsageError, match="Only a quota"):
        entities.set_entity(vault, YODOK, role="supervisor", imposed_by="Women's Union")
    with pytest.raises(UsageError, match="already names"):
        entities.add_entity(vault, "port", label_en="Nampo", label_ko="남포2", role="supervisor")


def test_links_implied_by_events_and_recorded_by_hand(small: Small) -> None:
    vault = small.vault
    found = {(s.src, s.relation, s.dst): s for s in links.list_links(vault)}
    produced = found[(YODOK, "produced", COAL)]
    assert (produced.testimonies, produced.implied, produced.recorded) == (3, 3, 0)
    handled = found[(small.kangsong, "handled", COAL)]
    assert (handled.testimonies, handled.implied) == (1, 1)
    tag = small.tags["NK-2026-114"][COAL]
    link = links.add_link(vault, "NK-2026-114", src="Kangsong", relation="handled", dst="석탄",
                          tags=[tag], role="coder")
    assert link == handled.id == links.link_id(small.kangsong, "handled", COAL)
    after = {s.id: s for s in links.list_links(vault, "Kangsong")}
    assert (after[link].testimonies, after[link].recorded) == (2, 1)
    cells = co.matrix(vault, "enterprise", "commodity").cells
    assert {k: (c.link.relation, c.testimonies) for k, c in cells.items()} == {
        (small.kangsong, COAL): ("handled", 2)}
    assert co.matrix(vault).cells[(YODOK, COAL)].testimonies == 3
    chain = {(c.link.src, c.link.relation, c.link.dst): (c.testimonies, c.independent_witnesses)
             for c in co.chain(vault, "coal")}
    assert chain == {(YODOK, "produced", COAL): (3, 3), (small.kangsong, "handled", COAL): (2, 2)}
    timeline = co.timeline(vault, co.subject_for(vault, facility="Yodok"))
    assert [(year, sorted(a.interview_code for a in accs)) for year, accs in timeline] == [
        (1998, ["NK-2026-113"]), (1999, ["NK-2026-113", "NK-2026-114"]), (2000, ["NK-2026-113"]), (2010, ["NK-2026-115"]),
        (2011, ["NK-2026-115"])]
    result = co.corroborate(vault, co.subject_for(vault, link=link))
    assert result.testimonies == 2
    assert [q.tag_id for a in result.accounts if a.kind == "link" for q in a.quotes] == [tag]
    before = vault.conn.execute("SELECT count(*) FROM link").fetchone()[0]
    for kwargs, message in (
            ({"src": "Yodok", "relation": "shipped-through", "dst": COAL}, "links a commodity"),
            ({"src": "Kangsong", "relation": "handled", "dst": COAL, "tags": []}, "Give the tags"),
            ({"src": "Kangsong", "relation": "handled", "dst": COAL,
              "tags": [small.tags["NK-2026-113"][COAL]]}, "not a tag of this interview"),
            ({"src": "Kangsong", "relation": "bought", "dst": COAL, "tags": [tag]},
             "relation must be one of")):
        args = {"tags": [tag]} | kwargs
        with pytest.raises(UsageError, match=message):
            links.add_link(vault, "NK-2026-114", role="coder", **args)  # type: ignore[arg-type]
    assert vault.conn.execute("SELECT count(*) FROM link").fetchone()[0] == before


def test_quota_imposed_by_a_unit_is_implied(vault: Vault) -> None:
    iid = add_interview(vault, "NK-2026-158")
    add_segments(vault, iid, ["여맹에서 파철을 바치라고 했습니다"])
    union = add_tag(vault, iid, "perpetrator.womens_union", role="coder", segment=0, chars=(0, 2))
    scrap = add_tag(vault, iid, "forced_labour.quota_item.scrap_metal", role="coder", segment=0,
                    chars=(4, 6))
    add_event(vault, iid, act="violation.rights.food", perpetrator="perpetrator.womens_union",
              date="2003", tags=[union, scrap], role="coder")
    found = {(s.src, s.relation, s.dst) for s in links.list_links(vault)}
    assert ("perpetrator.womens_union", "imposed", "forced_labour.quota_item.scrap_metal") in found
    cells = co.matrix(vault, "agency", "quota").cells
    assert [(k, c.link.relation, c.testimonies) for k, c in cells.items()] == [
        (("perpetrator.womens_union", "forced_labour.quota_item.scrap_metal"), "imposed", 1)]


def test_duplicates_decisions_and_counts(small: Small) -> None:
    vault = small.vault
    flags = witnesses.find_duplicates(vault.conn)
    assert [(f.code_a, f.code_b) for f in flags] == [("NK-2026-113", "NK-2026-114")]
    assert "birth year 1970" in flags[0].reasons and "defection year 2005" in flags[0].reasons
    assert any(r.startswith("both held at detention.kwanliso.15") for r in flags[0].reasons)
    subject = co.subject_for(vault, facility="Yodok")
    before = co.corroborate(vault, subject)
    assert (before.testimonies, before.independent_witnesses,
            before.independent_witnesses_at_least) == (3, 3, 2)
    witnesses.decide(vault, "NK-2026-114", "NK-2026-113", "same", role="supervisor")
    after = co.corroborate(vault, subject)
    assert (after.testimonies, after.independent_witnesses, after.unresolved_duplicates) == (
        3, 2, [])
    assert {a.witness for a in after.accounts} == {"NK-2026-113+NK-2026-114", "NK-2026-115"}
    assert witnesses.find_duplicates(vault.conn)[0].decision == "same"
    # the same witness dates Yodok 1998-2000 and 1999: overlapping, so no conflict
    assert not after.conflicts
    witnesses.decide(vault, "NK-2026-113", "NK-2026-114", "different", role="supervisor")
    assert co.corroborate(vault, subject).independent_witnesses == 3


def test_search_filters_by_entity_and_witness(small: Small) -> None:
    vault = small.vault
    ids = small.ids

    def codes(**filters: str) -> set[str]:
        allowed = entity_interviews(vault, **filters)
        hits = search.search(vault, "요덕", interviews=allowed).hits
        return {h.interview_code for h in hits}

    assert codes() == {"NK-2026-113", "NK-2026-114", "NK-2026-115"}
    assert codes(commodity="석탄") == {"NK-2026-113", "NK-2026-114", "NK-2026-115"}
    assert codes(enterprise="Kangsong") == {"NK-2026-113"}
    assert codes(period="2009..2012") == {"NK-2026-115"}
    assert codes(witness="NK-2026-113") == {"NK-2026-113"}
    witnesses.decide(vault, ids["NK-2026-113"], ids["NK-2026-114"], "same", role="supervisor")
    assert codes(witness="NK-2026-113") == {"NK-2026-113", "NK-2026-114"}
    assert codes(enterprise="Kangsong", period="1990..1999") == {"NK-2026-113"}
    with pytest.raises(UsageError, match="must name a commodity"):
        entity_interviews(vault, commodity="Yodok")
    with pytest.raises(UsageError, match="A period is a period entity"):
        entity_interviews(vault, period="the famine")


def test_cli_connect_commands(cli, tmp_path: Path) -> None:
    vault = Vault.open(cli.vault, PASSPHRASE)
    try:
        text = "요덕에서 석탄을 캤습니다"
        _account(vault, "NK-2026-113", text, [(YODOK, 0, 2), (COAL, 5, 7)])
        _account(vault, "NK-2026-114", text, [(YODOK, 0, 2), (COAL, 5, 7)], date="1999")
    finally:
        vault.lock()
    out = json.loads(cli("corroborate", "--facility", "Yodok", "--json", check=True).stdout)
    assert (out["testimonies"], out["independent_witnesses"]) == (2, 2)
    dups = json.loads(cli("witnesses", "duplicates", "--json", check=True).stdout)
    assert [(d["code_a"], d["code_b"], d["decision"]) for d in dups] == [("NK-2026-113", "NK-2026-114", None)]
    cli("--role", "supervisor", "witnesses", "same", "NK-2026-113", "NK-2026-114", check=True)
    out = json.loads(cli("corroborate", "--link", links.link_id(YODOK, "produced", COAL),
                         "--json", check=True).stdout)
    assert (out["testimonies"], out["independent_witnesses"]) == (2, 1)
    bad = cli("--role", "coder", "link", "add", "NK-2026-113", "--from", "Yodok", "--to", "coal",
              "--relation", "handled", "--tag", "nope")
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1
    brief = tmp_path / "yodok.docx"
    done = cli("--role", "supervisor", "brief", "--facility", "Yodok", "--purpose", "un",
               "--out", str(brief), check=True)
    assert "2 testimonies from 1 independent witnesses" in done.stdout and brief.stat().st_size
    hits = json.loads(cli("search", "요덕", "--commodity", "coal", "--witness", "NK-2026-114",
                          "--json", check=True).stdout)["hits"]
    assert {h["interview_code"] for h in hits} == {"NK-2026-113", "NK-2026-114"}
