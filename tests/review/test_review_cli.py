"""Term suggestions and confidence marks through the real `testimony` command on a real
SQLCipher vault: listing, accepting (revision, reason, who, audit), refusals that change
nothing, `transcript show --needs-review --mark-confidence`."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from app.transcripts import confidence
from app.transcripts import store as transcripts
from storage.vault import Vault
from tests.cli_runner import Cli
from tests.common import PASSPHRASE
from tests.review_helpers import scripted_interview
from tests.transcribe_helpers import FIXTURES, add_asset

REASON = ("term suggestion: 보이부 -> 보위부 (taxonomy perpetrator.mss, vocabulary version "
          "nk-hr@2026.1)")


def _prepared(cli: Cli) -> str:
    with Vault.open(cli.vault, PASSPHRASE) as vault:
        iid, _ = scripted_interview(vault)
    return iid


def _fingerprint(vault: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(vault.iterdir()) if p.is_file()}


def _one_sentence(text: str) -> None:
    lines = [line for line in text.strip().splitlines() if line]
    assert len(lines) == 1 and "Traceback" not in text, text


def test_list_and_accept_a_suggestion(cli: Cli) -> None:
    iid = _prepared(cli)
    listed = cli("transcript", "suggestions", "NK-2026-100", check=True).stdout
    assert "segment 1: 보이부 -> 보위부" in listed and "perpetrator.mss" in listed
    assert "요덕" not in listed  # right words get no suggestion
    (item,) = json.loads(cli("transcript", "suggestions", iid, "--json", check=True).stdout)
    assert (item["segment"], item["heard"], item["suggested"]) == (1, "보이부", "보위부")
    assert item["probability"] == 0.31 and item["vocabulary"] == "nk-hr@2026.1"
    assert json.loads(cli("transcript", "suggestions", iid, "--segment", "2", "--json",
                          check=True).stdout) == []

    r = cli("--role", "translator", "transcript", "edit", iid, "1", "--accept", item["id"],
            check=True)
    assert "'보이부' replaced by '보위부'" in r.stdout
    with Vault.open(cli.vault, PASSPHRASE) as vault:
        seg = transcripts.segments(vault, iid, with_revisions=True)[0]
        assert seg.text == "저는 보위부에서 조사를 받았습니다."
        engine, accepted = seg.revisions
        assert engine.kind == "engine" and engine.text == "저는 보이부에서 조사를 받았습니다."
        assert (accepted.kind, accepted.reason, accepted.created_by) == ("edit", REASON,
                                                                         "translator")
        assert accepted.created_at
        entry = vault.conn.execute(
            "SELECT details FROM audit_log WHERE action = 'edit' AND object_id = ? ",
            (seg.id,)).fetchone()
        details = json.loads(entry[0])
        assert details["how"] == "term-suggestion" and details["terms"] == ["perpetrator.mss"]
        assert "보위부" not in entry[0] and "보이부" not in entry[0]  # ids, never words
    cli("audit", "verify", check=True)
    assert cli("transcript", "suggestions", iid, check=True).stdout.strip() == (
        "No term suggestions.")


def test_stale_unknown_and_malformed_acceptances_change_nothing(cli: Cli) -> None:
    iid = _prepared(cli)
    (item,) = json.loads(cli("transcript", "suggestions", iid, "--json", check=True).stdout)
    # the text changes after the suggestion was listed: the old id no longer applies
    cli("transcript", "edit", iid, "1", "--text", "저는 보이부에서 조사를 또 받았습니다.",
        check=True)
    before = _fingerprint(cli.vault)
    for ref, sid in (("1", item["id"]), ("1", "deadbeef"), ("2", item["id"]),
                     ("1", "\n; DROP TABLE segment")):
        r = cli("transcript", "edit", iid, ref, "--accept", sid)
        assert r.returncode == 1, r.stderr
        _one_sentence(r.stderr)
        assert "has no suggestion" in r.stderr and "nothing was changed" in r.stderr
        assert "DROP TABLE segment\n" not in r.stderr
    r = cli("transcript", "edit", iid, "1", "--accept", item["id"], "--reason", "mine")
    assert r.returncode == 2
    _one_sentence(r.stderr)
    r = cli("transcript", "edit", iid, "1", "--accept", item["id"], "--text", "x")
    assert r.returncode == 2  # one or the other
    assert _fingerprint(cli.vault) == before
    # the suggestion listed for the new text is a different one, and it works
    (fresh,) = json.loads(cli("transcript", "suggestions", iid, "--json", check=True).stdout)
    assert fresh["id"] != item["id"] and fresh["heard"] == "보이부"
    cli("transcript", "edit", iid, "1", "--accept", fresh["id"], check=True)


def test_show_marks_confidence_and_lists_the_least_certain_first(cli: Cli) -> None:
    iid = _prepared(cli)
    marked = cli("transcript", "show", iid, "--mark-confidence", check=True).stdout
    assert "Marks: [?word?] = the engine was unsure of this word" in marked
    assert "저는 [?보이부에서?] 조사를 받았습니다." in marked
    assert "요덕 관리소에서 삼 년 있었습니다." in marked  # nothing to mark
    assert "[?그?] [?사람이?] [?뭐라고?] [?했는지?] [?몰라요.?]" in marked
    heads = [line for line in marked.splitlines() if line.startswith("[")
             and "confidence" in line]
    assert len(heads) == 3
    assert heads[2].endswith("LOW") and not heads[1].endswith("LOW")
    plain = cli("transcript", "show", iid, check=True).stdout
    assert "[?" not in plain and "confidence" not in plain  # only when asked

    cli("transcript", "review", iid, "2", "--status", "reviewed", check=True)
    queue = cli("transcript", "show", iid, "--needs-review", check=True).stdout
    assert "Segments not yet reviewed, least certain first." in queue
    numbers = [line.split("]")[0] for line in queue.splitlines() if line.startswith("[")]
    assert numbers == ["[3", "[1"]  # 0.40 mean before 0.81; reviewed segment 2 left out

    # after a person's edit the engine's words no longer describe the text: no word marks
    cli("transcript", "edit", iid, "3", "--text", "그 사람이 뭐라 했는지 몰라요.", check=True)
    marked = cli("transcript", "show", iid, "--mark-confidence", check=True).stdout
    assert "그 사람이 뭐라 했는지 몰라요." in marked and "[?그?]" not in marked

    for fmt in ("srt", "json"):
        r = cli("transcript", "show", iid, "--format", fmt, "--mark-confidence")
        assert r.returncode == 2
        _one_sentence(r.stderr)
        assert "--format txt" in r.stderr


@pytest.mark.slow
def test_real_whisper_output_is_marked_and_its_suggestions_apply(cli: Cli) -> None:
    """The real engine (base, Korean) and the real child process: its stored words line up
    with its text, so every segment gets a confidence and word marks can be placed; whatever
    it suggests is a real near miss and accepting it works."""
    iid = cli("interview", "add", "--code", "NK-2026-170", check=True).stdout.strip()
    with Vault.open(cli.vault, PASSPHRASE) as vault:
        add_asset(vault, iid, (FIXTURES / "ko_yodok.flac").read_bytes(), container="flac",
                  sample_rate=None, channels=None)
    cli("transcribe", iid, "--language", "ko", check=True)
    with Vault.open(cli.vault, PASSPHRASE) as vault:
        segs = transcripts.segments(vault, iid)
        assert segs
        for seg in segs:
            spans = confidence.word_spans(seg.text, seg.words)
            assert spans, seg.text  # the engine's words, joined, are the segment's text
            assert all(0.0 <= s.probability <= 1.0 for s in spans)
            assert seg.confidence is not None
    marked = cli("transcript", "show", iid, "--mark-confidence", check=True).stdout
    assert sum(1 for line in marked.splitlines() if "  confidence " in line) == len(segs)
    found = json.loads(cli("transcript", "suggestions", iid, "--json", check=True).stdout)
    assert all(f["heard"] != f["suggested"] for f in found)
    if found:
        first = found[0]
        cli("transcript", "edit", iid, str(first["segment"]), "--accept", first["id"],
            check=True)
        with Vault.open(cli.vault, PASSPHRASE) as vault:
            seg = transcripts.segments(vault, iid, with_revisions=True)[first["segment"] - 1]
            assert first["suggested"] in seg.text
            assert seg.revisions[-1].reason.startswith("term suggestion: ")
