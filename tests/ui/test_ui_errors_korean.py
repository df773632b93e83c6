"""The window in Korean says its errors in Korean: a wrong passphrase, an empty interview code,
a corrupt audio import and a refused bundle, each rendered from the error's code through the
Qt translation, with its parameters filled in after translating."""

from __future__ import annotations

import re

from app import interviews
from tests.common import PASSPHRASE
from tests.ui_support import make_window, unlock, window_on

HANGUL = re.compile(r"[\uac00-\ud7a3]")
# An English sentence of the catalogue would show as a run of several Latin words.
ENGLISH_WORDS = re.compile(r"\b[A-Za-z]{2,}(?: [A-Za-z]{2,}){3,}\b")


def _is_korean(text: str) -> bool:
    return bool(HANGUL.search(text)) and not ENGLISH_WORDS.search(text)


def test_wrong_passphrase_in_korean(qtbot, vault, tmp_path, korean):
    path = vault.path
    vault.lock()
    state = tmp_path / "state"
    state.mkdir()
    w = make_window(qtbot, path, state)
    unlock(w, b"not the passphrase")
    text = w.unlock_screen.message.text()
    assert text.startswith("암호가 틀렸습니다"), text
    assert _is_korean(text)
    assert w.stack.currentWidget() is w.unlock_screen


def test_empty_interview_code_in_korean(qtbot, vault, tmp_path, korean):
    w = window_on(qtbot, vault, tmp_path)
    lst = w.workspace.list
    lst.create("   ")
    assert lst.message.text() == "면담에는 가명 코드가 필요합니다."
    assert lst.visible_codes() == []


def test_corrupt_audio_import_in_korean(qtbot, vault, tmp_path, korean):
    from ui.recording_view import RecordingView

    iid = interviews.add_interview(vault, code="SYN-2026-199", role="interviewer")
    w = window_on(qtbot, vault, tmp_path, iid)
    rv = next(v for v in w.workspace.page.views if isinstance(v, RecordingView))
    corrupt = tmp_path / "recording.wav"
    corrupt.write_bytes(b"RIFF\x10\x00\x00\x00WAVEjunk" + bytes(range(256)) * 8)
    rv.import_file(corrupt)
    qtbot.waitUntil(lambda: "recording.wav" in rv.message.text(), timeout=10_000)
    text = rv.message.text()
    # the file name is a parameter, filled in after translating
    assert text.startswith("recording.wav"), text
    assert "아무것도 저장하지 않았습니다" in text and "원본 녹음을 고르거나" in text
    assert _is_korean(text)
    assert rv.assets.rowCount() == 0


def test_refused_bundle_in_korean(qtbot, tmp_path, korean):
    from crypto.kdf import weak_test_params
    from storage.vault import Vault
    from ui.supervisor_view import SupervisorView

    sup, _ = Vault.create(tmp_path / "sup", PASSPHRASE, kdf=weak_test_params(),
                          allow_weak_kdf=True)
    sup.lock()
    state = tmp_path / "state"
    state.mkdir()
    s = make_window(qtbot, tmp_path / "sup", state, role="supervisor")
    unlock(s, PASSPHRASE)
    sv = next(v for v in s.workspace.extra if isinstance(v, SupervisorView))
    junk = tmp_path / "junk.bundle"
    junk.write_bytes(b"\x00" * 4096)
    sv.open_bundle(junk)
    qtbot.waitUntil(lambda: bool(sv.verdict.text()), timeout=10_000)
    text = sv.verdict.text()
    assert "번들이 거부되었습니다" in text, text
    assert _is_korean(text) and not sv.import_button.isEnabled()
