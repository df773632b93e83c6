"""The real ``testimony`` command end to end: taxonomy, tag, event, search, report."""

from __future__ import annotations

import json
import uuid

from storage.vault import Vault
from tests.common import PASSPHRASE


def _seed_segments(cli, code: str, texts: list[str]) -> None:
    """Segments come from the transcription area; insert them through the storage API."""
    vault = Vault.open(cli.vault, PASSPHRASE)
    try:
        iid = vault.conn.execute("SELECT id FROM interview WHERE code = ?", (code,)).fetchone()[0]
        with vault.transaction() as conn:
            for i, text in enumerate(texts):
                conn.execute(
                    "INSERT INTO segment(id, interview_id, idx, start_s, end_s, text, created_at,"
                    " created_by) VALUES (?,?,?,?,?,?,'t','interviewer')",
                    (str(uuid.uuid4()), iid, i, i * 10.0, i * 10.0 + 9.0, text))
    finally:
        vault.lock()


def test_cli_coding_workflow(cli) -> None:
    cli("interview", "add", "--code", "NK-2026-116", "--consent", "un", check=True)
    _seed_segments(cli, "NK-2026-116", ["저는 요덕수용소에서 3년 있었습니다.", "보위부가 때렸습니다."])

    show = cli("taxonomy", "show", "--lang", "ko", check=True).stdout
    assert show.splitlines()[0].startswith("nk-hr@2026.1")
    assert "요덕 관리소  [detention.kwanliso.15]" in show
    assert "\n    " in show  # nested tree

    tag = cli("--role", "coder", "tag", "add", "NK-2026-116", "Yodok", "--segment", "1",
              "--chars", "3:8", "--confidence", "high", check=True).stdout.strip()
    audio = cli("--role", "coder", "tag", "add", "NK-2026-116", "고문", "--at", "10:19",
                check=True).stdout.strip()
    listed = json.loads(cli("tag", "list", "NK-2026-116", "--json", check=True).stdout)
    by_id = {t["id"]: t for t in listed}
    assert by_id[tag]["text"] == "요덕수용소" and by_id[tag]["created_by"] == "coder"
    assert by_id[audio]["anchor"] == "audio" and by_id[audio]["audio_end_s"] == 19.0
    assert "Kwanliso No. 15 Yodok" in cli("tag", "list", "NK-2026-116", check=True).stdout

    bad = cli("tag", "add", "NK-2026-116", "Yodok", "--segment", "1", "--chars", "3-8")
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "START:END" in bad.stderr
    bad = cli("tag", "add", "NK-2026-116", "Kaechon")
    assert bad.returncode == 2 and "detention.kwanliso.14" in bad.stderr

    event = cli("--role", "coder", "event", "add", "NK-2026-116", "--act", "torture", "--victim",
                "witness", "--perpetrator", "Bowibu", "--involvement", "direct", "--place",
                "요덕", "--date", "1997년 여름", "--relation", "experienced", "--tag", tag,
                check=True).stdout.strip()
    events = json.loads(cli("event", "list", "NK-2026-116", "--json", check=True).stdout)
    assert [(e["id"], e["date"], e["place_term"], e["tags"]) for e in events] == [
        (event, "1997-summer", "detention.kwanliso.15", [tag])]
    assert "1997-summer | Torture" in cli("event", "list", "NK-2026-116", check=True).stdout
    bad = cli("event", "add", "NK-2026-116", "--act", "torture", "--date", "someday")
    assert bad.returncode == 2 and "Cannot read the date 'someday'" in bad.stderr

    found = json.loads(cli("search", "Camp 15", "--json", check=True).stdout)
    assert "요덕" in found["variants"]
    assert [(h["interview_code"], h["segment_idx"]) for h in found["hits"]] == [("NK-2026-116", 0)]
    text = cli("search", "요덕", "--facility", "Yodok", "--from", "1990s", check=True).stdout
    assert "NK-2026-116" in text and "[요덕]" in text and "0:00:00" in text
    assert "No matches." in cli("search", "요덕", "--consent", "court", check=True).stdout
    assert "0:00:10" in cli("search", "때렸", "--tag", "torture", check=True).stdout

    report = cli("report", check=True).stdout
    assert "FACILITY" in report and "Kwanliso No. 15 Yodok" in report and "1997" in report
    data = json.loads(cli("report", "--json", check=True).stdout)
    assert data["violation"][0]["key"] == "violation.cah.torture"
    assert (data["violation"][0]["tags"], data["violation"][0]["events"]) == (1, 1)


def test_cli_taxonomy_import_and_refusal(cli, tmp_path) -> None:
    header = {"format": "testimony-taxonomy", "format_version": 1, "name": "acme",
              "version": "1"}
    good = tmp_path / "acme.jsonl"
    good.write_text(json.dumps(header) + "\n" + json.dumps(
        {"id": "detention.kwanliso.99", "parent": "detention.kwanliso",
         "label": {"en": "Camp 99", "ko": "99호 관리소"}}) + "\n", encoding="utf-8")
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(header | {"version": "2"}) + "\n"
                   + json.dumps({"id": "x", "parent": "nowhere",
                                 "label": {"en": "X", "ko": "엑스"}}) + "\n", encoding="utf-8")

    refused = cli("--role", "supervisor", "taxonomy", "import", str(bad))
    assert refused.returncode == 2
    assert refused.stderr == ("testimony: Taxonomy file refused, line 2: term x has parent "
                              "nowhere, which is not defined in the file nor in the taxonomy it "
                              "extends; nothing was changed, fix the file and import it again.\n")
    versions = json.loads(cli("taxonomy", "versions", "--json", check=True).stdout)
    assert [v["id"] for v in versions] == ["nk-hr@2026.1"]

    out = cli("--role", "supervisor", "taxonomy", "import", str(good), check=True).stdout
    assert "acme@1" in out and "1 added" in out
    assert "Camp 99" in cli("taxonomy", "show", check=True).stdout
    versions = json.loads(cli("taxonomy", "versions", "--json", check=True).stdout)
    assert [(v["id"], v["active"]) for v in versions] == [("nk-hr@2026.1", False),
                                                         ("acme@1", True)]
    exported = tmp_path / "exported.jsonl"
    exported.write_text(cli("taxonomy", "export", check=True).stdout, encoding="utf-8")
    again = cli("--role", "supervisor", "taxonomy", "import", "--replace", str(exported),
                check=True).stdout
    assert "acme@1 was already in this vault" in again
    missing = cli("taxonomy", "import", str(tmp_path / "nope.jsonl"))
    assert missing.returncode == 2 and "Cannot read the taxonomy file" in missing.stderr
