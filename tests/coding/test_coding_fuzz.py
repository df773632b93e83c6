"""Hostile input never escapes as anything but one clear sentence (taxonomy files, dates,
search queries)."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.coding import dates, search
from app.coding import taxonomy as tx
from app.errors import UsageError
from crypto.kdf import weak_test_params
from storage.vault import Vault
from tests.coding_util import add_interview, add_segments

HEADER = json.dumps({"format": "testimony-taxonomy", "format_version": 1, "name": "f",
                     "version": "1"}).encode()
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.sampled_from(["id", "parent", "label", "en", "ko", "aliases", "glossary", "x"]),
        inner, max_size=4),
    max_leaves=10)


def _one_sentence(message: str) -> None:
    assert message and "\n" not in message and "Traceback" not in message


@given(st.binary(max_size=300))
def test_any_bytes_parse_or_are_refused_cleanly(data: bytes) -> None:
    try:
        tx.parse(data)
    except tx.TaxonomyFileError as exc:
        _one_sentence(str(exc))


@given(st.lists(json_values, min_size=1, max_size=6))
def test_any_json_lines_parse_or_are_refused_cleanly(objs: list[object]) -> None:
    data = HEADER + b"\n" + b"\n".join(json.dumps(o).encode() for o in objs)
    try:
        parsed = tx.parse(data)
    except tx.TaxonomyFileError as exc:
        _one_sentence(str(exc))
        assert "line " in str(exc)
    else:
        assert all(t.label_en and t.label_ko for t in parsed.terms.values())


@given(st.text(max_size=40))
def test_any_date_text_parses_or_is_refused_cleanly(text: str) -> None:
    try:
        d = dates.parse(text)
    except dates.DateError as exc:
        _one_sentence(str(exc))
    else:
        assert dates.parse(d.text()) == d


def test_any_query_searches_or_is_refused_cleanly(tmp_path: Path) -> None:
    vault, _ = Vault.create(tmp_path / "v", b"fuzz passphrase", kdf=weak_test_params(),
                            allow_weak_kdf=True)
    iid = add_interview(vault, notes='notes with "quotes" and * stars')
    add_segments(vault, iid, ["요덕수용소에서 OR AND NOT NEAR( ) ^ - : * \" ' %_\\"])

    @settings(max_examples=150, deadline=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.text(max_size=12))
    def run(query: str) -> None:
        try:
            result = search.search(vault, query)
        except UsageError as exc:
            _one_sentence(str(exc))
            assert not "".join(ch for ch in query if ch.isprintable()).strip()
        else:
            for hit in result.hits:
                assert hit.snippet

    try:
        run()
    finally:
        vault.lock()
