"""Rules written once in app/ and used by both front ends: consent, the passphrase policy,
markers (live and afterwards)."""

from __future__ import annotations

import pytest

from app import consent, interviews, passphrase
from app.audio import markers
from app.audio.markers import MAX_MARKER_NOTE
from app.errors import UsageError
from app.vault_setup import create_vault
from crypto.kdf import weak_test_params
from storage.vault import Vault, is_vault


@pytest.mark.parametrize(("scopes", "withdrawn", "purpose", "expected"), [
    (["archive", "un"], False, "un", None),
    (["archive"], False, "un", "not-covered"),
    ([], False, "archive", "not-covered"),
    (["archive", "un"], True, "un", "withdrawn"),
    ([], True, "un", "withdrawn"),
])
def test_consent_rule(scopes: list[str], withdrawn: bool, purpose: str,
                      expected: str | None) -> None:
    assert consent.refusal(scopes, withdrawn, purpose) == expected
    assert consent.allows(scopes, withdrawn, purpose) is (expected is None)


def test_domain_consent_uses_the_rule(vault: Vault) -> None:
    iid = interviews.add_interview(vault, code="NK-2026-128", role="interviewer")
    interviews.set_consent(vault, iid, role="interviewer", scopes=["archive"])
    c = interviews.get_interview(vault, iid).consent
    assert c.covers("archive") and not c.covers("un")
    interviews.withdraw_consent(vault, iid, role="interviewer", note="asked")
    assert not interviews.get_interview(vault, iid).consent.covers("archive")


def test_passphrase_policy_counts_characters_not_bytes() -> None:
    assert not passphrase.long_enough("seven c")
    assert passphrase.long_enough("eight ch")
    # Three Hangul syllables are nine UTF-8 bytes but three characters: too short either way.
    with pytest.raises(UsageError, match="at least 8 characters"):
        passphrase.check_new("비밀번".encode())
    passphrase.check_new("조용한 강 다리 아래".encode())
    assert passphrase.assess("short")[0] == 0


def test_create_vault_refuses_a_short_passphrase_and_writes_nothing(tmp_path) -> None:
    target = tmp_path / "new"
    with pytest.raises(UsageError, match="too short"):
        create_vault(target, bytearray(b"short"), with_recovery=False, role="interviewer",
                     kdf=weak_test_params(), allow_weak_kdf=True)
    assert not target.exists() and not is_vault(target)
    made = create_vault(target, bytearray(b"a long enough passphrase"), with_recovery=True,
                        role="interviewer", kdf=weak_test_params(), allow_weak_kdf=True)
    try:
        assert made.recovery_code and made.fingerprint == made.vault.device().fingerprint
    finally:
        made.vault.lock()


def test_markers_one_rule_for_notes_and_times(vault: Vault) -> None:
    iid = interviews.add_interview(vault, code="NK-2026-152", role="interviewer")
    with pytest.raises(UsageError, match=f"at most {MAX_MARKER_NOTE} characters"):
        markers.add_marker(vault, iid, 1.0, "x" * (MAX_MARKER_NOTE + 1), role="interviewer")
    with pytest.raises(UsageError, match="cannot be negative"):
        markers.add_marker(vault, iid, -0.5, role="interviewer")
    assert markers.list_markers(vault, iid) == []
    mid = markers.add_marker(vault, iid, 2.5, "  door slams  ", role="interviewer")
    (m,) = markers.list_markers(vault, iid)
    assert (m.id, m.at_s, m.note, m.asset_id) == (mid, 2.5, "door slams", None)
