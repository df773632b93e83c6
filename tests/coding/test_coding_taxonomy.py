"""The shipped taxonomy, bad taxonomy files, imports (extend/replace) and upgrades with old tags."""

from __future__ import annotations

import json

import pytest

from app import hooks
from app.coding import tags
from app.coding import taxonomy as tx
from app.errors import UsageError
from tests.coding_util import add_interview, add_segments

HEADER = {"format": "testimony-taxonomy", "format_version": 1, "name": "acme", "version": "1"}


def jsonl(*objs: object, header: object = HEADER) -> bytes:
    return ("\n".join(json.dumps(o, ensure_ascii=False) for o in (header, *objs)) + "\n").encode()


def term(tid: str, parent: str | None = None, en: str = "", ko: str = "가", **kw: object) -> dict:
    return {"id": tid, "parent": parent, "label": {"en": en or tid, "ko": ko}, **kw}


# --- the shipped vocabulary ---------------------------------------------------------------------

def test_builtin_taxonomy_covers_the_domain() -> None:
    t = tx.builtin()
    assert t.version_id == "nk-hr@2026.1"
    roots = {x.id for x in t.children(None)}
    assert roots == {"songbun", "detention", "forced_labour", "perpetrator", "violation",
                     "commodity"}
    # songbun: three classes, both layers, how the witness knows
    assert {x.id.rsplit(".", 1)[1] for x in t.children("songbun.class")} == {
        "core", "wavering", "hostile"}
    assert t.resolve("출신성분").id == "songbun.layer.family_origin"
    assert t.resolve("sahoe songbun").id == "songbun.layer.social_status"
    assert len(t.children("songbun.source")) == 3
    # every facility type and named facility, with aliases in both languages
    for name, tid in [("kwanliso", "detention.kwanliso"), ("kwalliso", "detention.kwanliso"),
                      ("교화소", "detention.kyohwaso"), ("jipgyeolso", "detention.jipkyulso"),
                      ("nodong dallyeondae", "detention.rodong_danryondae"),
                      ("구류장", "detention.kuryujang"), ("보위부 대기실", "detention.border"),
                      ("요덕", "detention.kwanliso.15"), ("Camp 15", "detention.kwanliso.15"),
                      ("Yoduk", "detention.kwanliso.15"), ("yodok", "detention.kwanliso.15"),
                      ("Camp 14", "detention.kwanliso.14"), ("Hwasong", "detention.kwanliso.16"),
                      ("북창", "detention.kwanliso.18"), ("Camp 22", "detention.kwanliso.22"),
                      ("Chongjin", "detention.kwanliso.25"), ("Kangdong", "detention.kyohwaso.4"),
                      ("Chongori", "detention.kyohwaso.12"), ("전거리", "detention.kyohwaso.12"),
                      # agencies
                      ("Bowibu", "perpetrator.mss"), ("보위부", "perpetrator.mss"),
                      ("인민보안성", "perpetrator.mps"), ("Anjeonbu", "perpetrator.mps"),
                      ("KPA", "perpetrator.kpa"), ("보위국", "perpetrator.kpa.security"),
                      ("OGD", "perpetrator.wpk.ogd"), ("SAC", "perpetrator.sac"),
                      ("여맹", "perpetrator.womens_union"), ("inminban", "perpetrator.inminban"),
                      ("검찰소", "perpetrator.prosecutors"), ("재판소", "perpetrator.courts"),
                      ("국경경비대", "perpetrator.border_guards"),
                      ("Group 109", "perpetrator.group109"), ("109 그루빠", "perpetrator.group109"),
                      # forced labour settings and quotas
                      ("돌격대", "forced_labour.setting.shock_brigade"),
                      ("속도전", "forced_labour.setting.speed_battle"),
                      ("군량미", "forced_labour.quota_item.military_rice"),
                      ("overseas dispatch", "forced_labour.setting.overseas"),
                      # commodities
                      ("iron ore", "commodity.product.iron_ore"), ("가발", "commodity.product.wigs"),
                      ("속눈썹", "commodity.product.eyelashes"),
                      ("broker", "commodity.intermediary.broker"),
                      ("중국", "commodity.destination.china")]:
        assert t.resolve(name).id == tid, name
    # Kaechon is both a kwanliso and a kyohwaso: ambiguous names are refused, not guessed
    with pytest.raises(UsageError, match="detention.kwanliso.14, detention.kyohwaso.1"):
        t.resolve("Kaechon")
    # every COI crime against humanity
    cah = {x.id.rsplit(".", 1)[1] for x in t.children("violation.cah")}
    assert cah == {"extermination", "murder", "enslavement", "torture", "imprisonment",
                   "sexual_violence", "forced_abortion", "persecution", "forcible_transfer",
                   "enforced_disappearance", "starvation"}
    assert {x.id.rsplit(".", 1)[1] for x in t.children("violation.cah.persecution")} == {
        "political", "religious", "gender"}
    assert t.resolve("refoulement").id == "violation.rights.movement.forced_repatriation"
    assert t.resolve("public execution").id == "violation.rights.execution.public"


def test_builtin_file_round_trips_through_parser() -> None:
    t = tx.builtin()
    assert tx.parse(t.to_jsonl().encode()).digest() == t.digest()


# --- bad files are refused, naming the line, changing nothing -----------------------------------

GOOD = [term("a"), term("a.b", "a")]
BAD_FILES = [
    ("empty", b"", 1, "empty"),
    ("header not JSON", b"{format: 1}\n", 1, "not valid JSON"),
    ("wrong format", jsonl(*GOOD, header={**HEADER, "format": "csv"}), 1, "'format'"),
    ("future format version", jsonl(*GOOD, header={**HEADER, "format_version": 2}), 1,
     "format_version 2 is not supported"),
    ("no version", jsonl(*GOOD, header={k: v for k, v in HEADER.items() if k != "version"}), 1,
     "'version'"),
    ("header only", jsonl(), 1, "no terms"),
    ("bad JSON line", jsonl(*GOOD) + b'{"id": "c", "label": \n', 4, "not valid JSON"),
    ("not UTF-8", jsonl(*GOOD) + '{"id": "c"}'.encode("utf-16"), 4, "not UTF-8"),
    ("not an object", jsonl(term("a"), [1, 2]), 3, "one JSON object"),
    ("missing id", jsonl(term("a"), {"parent": "a", "label": {"en": "x", "ko": "y"}}), 3,
     "no 'id'"),
    ("bad id", jsonl(term("A B")), 2, "'id' must be"),
    ("duplicate id", jsonl(term("a"), term("b"), term("a")), 4,
     "id a is already defined on line 2"),
    ("duplicate key", jsonl(*GOOD)[:-1] + b'\n{"id": "c", "id": "d"}\n', 4, "appears twice"),
    ("unknown parent", jsonl(term("a"), term("b", "zzz")), 3, "parent zzz"),
    ("cycle", jsonl(term("a", "c"), term("b", "a"), term("c", "b")), 2, "cycle"),
    ("own parent", jsonl(term("a", "a")), 2, "cycle"),
    ("missing ko label", jsonl({"id": "a", "label": {"en": "A"}}), 2, "missing its 'ko' label"),
    ("empty en label", jsonl({"id": "a", "label": {"en": " ", "ko": "가"}}), 2,
     "missing its 'en' label"),
    ("no label", jsonl({"id": "a"}), 2, "no 'label'"),
    ("aliases not a list", jsonl(term("a", aliases="x")), 2, "'aliases' must be a list"),
    ("unknown field", jsonl(term("a", colour="red")), 2, "unknown field 'colour'"),
    ("glossary not bool", jsonl(term("a", glossary="yes")), 2, "'glossary'"),
]


@pytest.mark.parametrize(("name", "data", "line", "problem"), BAD_FILES,
                         ids=[b[0] for b in BAD_FILES])
def test_bad_taxonomy_file_refused_nothing_changed(vault, name, data, line, problem) -> None:
    tx.ensure_taxonomy(vault)
    before = (tx.stored_versions(vault.conn), vault.conn.execute(
        "SELECT count(*) FROM taxonomy_term").fetchone(), vault.conn.execute(
        "SELECT max(seq) FROM audit_log").fetchone())
    with pytest.raises(tx.TaxonomyFileError) as err:
        tx.import_taxonomy(vault, data, role="supervisor")
    message = str(err.value)
    assert f"line {line}:" in message and problem in message, message
    assert "nothing was changed" in message and "\n" not in message
    after = (tx.stored_versions(vault.conn), vault.conn.execute(
        "SELECT count(*) FROM taxonomy_term").fetchone(), vault.conn.execute(
        "SELECT max(seq) FROM audit_log").fetchone())
    assert after == before


def test_same_version_with_different_content_is_refused(vault) -> None:
    tx.import_taxonomy(vault, jsonl(term("x"), header={**HEADER, "version": "2"}), role="coder")
    with pytest.raises(tx.TaxonomyFileError, match="already in this vault with different"):
        tx.import_taxonomy(vault, jsonl(term("y"), header={**HEADER, "version": "2"}),
                           role="coder")
    # the identical file again just re-activates it
    again = tx.import_taxonomy(vault, jsonl(term("x"), header={**HEADER, "version": "2"}),
                               role="coder")
    assert again.already_present


def test_extend_keeps_base_terms_and_may_hang_terms_under_them(vault) -> None:
    base = tx.ensure_taxonomy(vault)
    data = jsonl(term("detention.kwanliso.99", "detention.kwanliso", "Kwanliso No. 99 Test",
                      "테스트 관리소", aliases=["Camp 99"]))
    result = tx.import_taxonomy(vault, data, mode="extend", role="supervisor")
    assert (result.added, result.removed, result.version_id) == (1, 0, "acme@1")
    active = tx.ensure_taxonomy(vault)
    assert active.version_id == "acme@1"
    assert len(active.terms) == len(base.terms) + 1
    assert active.resolve("Camp 99").parent == "detention.kwanliso"
    # the shipped version is still stored
    assert {v["id"] for v in tx.stored_versions(vault.conn)} == {"nk-hr@2026.1", "acme@1"}
    # replace refuses a parent that only the old taxonomy had
    with pytest.raises(tx.TaxonomyFileError, match="parent detention.kwanliso"):
        tx.import_taxonomy(vault, jsonl(term("x", "detention.kwanliso"),
                                        header={**HEADER, "version": "3"}),
                           mode="replace", role="supervisor")


def test_upgrade_keeps_old_tags_readable(vault) -> None:
    """A renamed term shows the label it was coded with (and the new one); a removed term
    still shows its old label; new tags use the new version."""
    iid = add_interview(vault)
    add_segments(vault, iid, ["그는 요덕에 있었다", "보위부가 왔다"])
    renamed = tags.add_tag(vault, iid, "Yodok", role="coder", segment=0, chars=(3, 5))
    removed = tags.add_tag(vault, iid, "Group 109", role="coder")
    old = tx.ensure_taxonomy(vault)
    # a new version of the same vocabulary: Yodok relabelled, Group 109 dropped
    terms = [t.to_record() for t in old.terms.values() if t.id != "perpetrator.group109"]
    for rec in terms:
        if rec["id"] == "detention.kwanliso.15":
            rec["label"] = {"en": "Yodok political prison camp", "ko": "요덕 정치범수용소"}
    data = jsonl(*terms, header={**HEADER, "name": "nk-hr", "version": "2027.1"})
    result = tx.import_taxonomy(vault, data, mode="replace", role="supervisor")
    assert (result.removed, result.updated) == (1, 1)
    views = {v.id: v for v in tags.list_tags(vault, iid)}
    assert views[renamed].label["en"] == "Kwanliso No. 15 Yodok"
    assert views[renamed].current_label == {"en": "Yodok political prison camp",
                                            "ko": "요덕 정치범수용소"}
    assert views[renamed].renamed and views[renamed].taxonomy_version == "nk-hr@2026.1"
    assert views[removed].label["en"] == "Group 109 (foreign media inspection)"
    assert views[removed].removed
    newer = tags.add_tag(vault, iid, "Yodok", role="coder", segment=0)
    assert {v.id: v for v in tags.list_tags(vault, iid)}[newer].taxonomy_version == "nk-hr@2027.1"
    # the removed term cannot be used for new tags
    with pytest.raises(UsageError, match="No term 'Group 109'"):
        tags.add_tag(vault, iid, "Group 109", role="coder")


def test_tag_readable_even_without_its_version(vault) -> None:
    """A tag that came from another vault (its version unknown here) shows its snapshot label."""
    iid = add_interview(vault)
    tag_id = tags.add_tag(vault, iid, "torture", role="coder")
    with vault.transaction() as conn:
        conn.execute("UPDATE tag SET taxonomy_version = 'elsewhere@9', term_id = 'x.y'"
                     " WHERE id = ?", (tag_id,))
    (view,) = tags.list_tags(vault, iid)
    assert view.label == {"en": "Torture", "ko": "고문"} and view.removed


def test_glossary_provider_feeds_korean_facility_and_agency_names(vault) -> None:
    terms = hooks.glossary_terms(vault.conn)  # before the taxonomy is stored: shipped file
    for word in ("요덕", "관리소", "보위부", "교화소", "인민반", "돌격대", "109 상무"):
        assert word in terms, word
    assert all(any("\uac00" <= ch <= "\ud7a3" for ch in w) for w in terms)
    assert terms.index("관리소") < terms.index("성분")  # places before songbun vocabulary
    # what actually fits in Whisper's prompt covers camps, prisons and agencies, not only
    # spelling variants of the first camps
    from transcription.engine import glossary_prompt
    prompt = glossary_prompt(terms, "ko")
    # Numbered names ("109 상무", "15호 관리소") are left out of the prompt on purpose: Whisper
    # writes numbers by itself and they crowded out names (docs/transcription.md).
    for word in ("요덕", "관리소", "교화소", "집결소", "보위부", "안전부", "인민반", "여맹",
                 "돌격대", "북송"):
        assert word in prompt, word
    assert "당" not in terms
    tx.import_taxonomy(vault, jsonl(term("detention.x", "detention", "Camp X", "엑스수용소",
                                         glossary=True)), role="supervisor")
    assert "엑스수용소" in hooks.glossary_terms(vault.conn)


def test_shipped_upgrade_is_stored_when_active_version_is_builtin(vault, monkeypatch) -> None:
    first = tx.ensure_taxonomy(vault)
    newer = tx.Taxonomy("nk-hr", "2099.1", "", dict(first.terms))
    monkeypatch.setattr(tx, "builtin_bytes", lambda: newer.to_jsonl().encode())
    assert tx.ensure_taxonomy(vault).version_id == "nk-hr@2099.1"
    assert len(tx.stored_versions(vault.conn)) == 2


def test_refused_file_on_a_fresh_vault_stores_nothing_at_all(vault) -> None:
    audit_before = vault.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    with pytest.raises(tx.TaxonomyFileError):
        tx.import_taxonomy(vault, jsonl(term("a", "missing")), role="supervisor")
    with pytest.raises(tx.TaxonomyFileError, match="already in this vault"):
        changed = tx.builtin().to_jsonl().replace("Camp 15", "Camp Fifteen").encode()
        tx.import_taxonomy(vault, changed, mode="replace", role="supervisor")
    assert vault.conn.execute("SELECT count(*) FROM taxonomy_version").fetchone()[0] == 0
    assert vault.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0] == audit_before
    assert tx.active_version_id(vault.conn) is None
    # the identical shipped file is accepted (stored once, as the shipped version)
    same = tx.import_taxonomy(vault, tx.builtin().to_jsonl().encode(), mode="replace",
                              role="supervisor")
    assert same.already_present and len(tx.stored_versions(vault.conn)) == 1


def test_a_large_organisation_taxonomy_stays_usable() -> None:
    """20,000 terms, 10 levels deep: parsing, lookup and subtree filters stay linear."""
    terms = [term(f"n{i}", f"n{(i - 1) // 3}" if i else None, f"T{i}", f"용어{i}",
                  aliases=[f"alias {i}"]) for i in range(20000)]
    big = tx.parse(jsonl(*terms))
    assert len(big.descendants("n0")) == 20000
    assert big.resolve("ALIAS 19999").id == "n19999"
    assert big.root_of("n19999") == "n0"
