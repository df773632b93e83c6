"""The archive's errors in Korean: a login refused, no server, an unreadable address, an account
in no archive role and a refusal by the database role, each one Korean sentence with its
parameters filled in; and the archive screen itself reports in Korean."""

from __future__ import annotations

import re
from typing import Any

from storage.errors import ArchiveError, ArchiveRefused
from tests.ui_support import make_window
from ui.errors import message_for

HANGUL = re.compile(r"[\uac00-\ud7a3]")
# An English sentence of the catalogue would show as a run of several Latin words.
ENGLISH_WORDS = re.compile(r"\b[A-Za-z]{2,}(?: [A-Za-z]{2,}){3,}\b")
WHERE = "database testimony on 10.0.0.5"


def _is_korean(text: str) -> bool:
    return bool(HANGUL.search(text)) and not ENGLISH_WORDS.search(text.replace(WHERE, ""))


def test_archive_errors_are_korean_sentences(korean: Any) -> None:
    cases = [
        (ArchiveError("archive.login_refused", where=WHERE), "아카이브 서버가 로그인을 거부했습니다"),
        (ArchiveError("archive.cannot_connect", where=WHERE), "연결할 수 없습니다"),
        (ArchiveError("archive.bad_address"), "아카이브 주소를 읽을 수 없습니다"),
        (ArchiveError("archive.no_role", login="lee"), "lee"),
        (ArchiveRefused("archive.refused", action="update segment"), "update segment"),
    ]
    for exc, part in cases:
        text = message_for(exc)
        assert part in text and _is_korean(text), text
        assert "{" not in text, text
    assert WHERE in message_for(cases[0][0])


def test_the_archive_screen_reports_in_korean(qtbot: Any, tmp_path: Any, korean: Any) -> None:
    state = tmp_path / "state"
    state.mkdir()
    w = make_window(qtbot, tmp_path / "no-vault", state, archive="not an address")
    assert w.stack.currentWidget() is w.archive_screen
    w.archive_screen.open_button.click()
    text = w.archive_screen.message.text()
    assert text.startswith("아카이브 주소를 읽을 수 없습니다"), text
    assert not w.session.is_unlocked
    w.archive_screen.address.setText("host=/nonexistent-socket-folder dbname=testimony")
    w.archive_screen.open_button.click()
    text = w.archive_screen.message.text()
    assert text.startswith("아카이브(database testimony on /nonexistent-socket-folder)에 연결할 수 "
                           "없습니다"), text


def test_gui_command_takes_an_archive_without_its_password(monkeypatch: Any,
                                                           tmp_path: Any) -> None:
    """``testimony gui --archive URL`` (or TESTIMONY_ARCHIVE) starts on the archive screen with
    that address; a password written into it is not carried over (the window asks)."""
    import ui.main
    from cli import main

    seen: list[Any] = []
    monkeypatch.setattr(ui.main, "run", lambda path, role, archive=None: seen.append(archive) or 0)
    monkeypatch.delenv("TESTIMONY_ARCHIVE", raising=False)
    assert main(["--vault", str(tmp_path / "v"), "gui"]) == 0
    assert main(["--vault", str(tmp_path / "v"), "gui", "--archive",
                 "postgresql://lee:secret@10.0.0.5/testimony"]) == 0
    monkeypatch.setenv("TESTIMONY_ARCHIVE", "host=10.0.0.5 dbname=testimony user=kim")
    monkeypatch.setenv("TESTIMONY_VAULT", str(tmp_path / "v"))
    assert main(["gui"]) == 0
    # A typed --vault wins over the environment's archive.
    assert main(["--vault", str(tmp_path / "v"), "gui"]) == 0
    assert main(["gui", "--vault", str(tmp_path / "v")]) == 0
    assert seen[0] is None
    assert "secret" not in seen[1] and "10.0.0.5" in seen[1] and "lee" in seen[1]
    assert seen[2] == "host=10.0.0.5 dbname=testimony user=kim"
    assert seen[3] is None and seen[4] is None
