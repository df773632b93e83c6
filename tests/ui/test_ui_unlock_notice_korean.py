"""The failed-unlock warning is a message of the error model: the window words it in the
interface language, the command line keeps its English sentence."""

from __future__ import annotations

from pathlib import Path

from app.unlock import FailedAttempts, read_attempts
from tests.common import PASSPHRASE
from tests.ui_support import make_window, unlock


def test_the_english_sentence_is_unchanged() -> None:
    assert FailedAttempts(0, None, None).message() == ""
    assert FailedAttempts(0, None, None).notice() is None
    assert FailedAttempts(1, "2026-11-30T09:00:00+00:00", None).message() == (
        "1 failed unlock attempt since 2026-11-30T09:00:00+00:00.")
    assert FailedAttempts(3, "2026-11-30T09:00:00+00:00", None).message() == (
        "3 failed unlock attempts since 2026-11-30T09:00:00+00:00.")


def test_failed_attempts_are_reported_in_korean(qtbot, vault, tmp_path: Path, korean) -> None:
    path, vault_id = vault.path, vault.vault_id
    vault.lock()
    state = tmp_path / "state"
    state.mkdir()
    w = make_window(qtbot, path, state)
    unlock(w, b"wrong passphrase")
    unlock(w, b"wrong again")
    attempts = read_attempts(state, vault_id)
    assert attempts.count == 2
    korean_sentence = f"{attempts.since} 이후 잠금 해제에 2번 실패했습니다."
    assert w.unlock_screen.attempts.text() == korean_sentence
    unlock(w, PASSPHRASE)
    assert w.session.is_unlocked
    assert w.workspace.banner.text() == (
        f"경고: {korean_sentence} 누군가 이 보관함을 열려고 했을 수 있습니다.")
    w.lock()
