"""No testimony leaves the vault through the desktop client: type a unique marker into the
window (notes, consent withdrawal note, a new interview's segment text edited in place), lock,
and search every file under the vault, the state folder, the temp folder and the XDG cache,
config and data folders for it in UTF-8 and UTF-16."""

from __future__ import annotations

import tempfile

import app.transcripts.store as transcripts
from tests.common import PASSPHRASE
from tests.forensic import encodings_of, find_marker
from tests.transcribe_helpers import FakeEngine, interview_with_audio, tone_bursts
from tests.ui_support import make_window, unlock

MARKER = "QXZV-GUI-FORENSIC-증언-MARKER"


def test_marker_never_leaves_the_vault(qtbot, tmp_path, vault, monkeypatch):
    for name in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "TMPDIR", "HOME"):
        folder = tmp_path / name.lower()
        folder.mkdir()
        monkeypatch.setenv(name, str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmpdir"))
    iid, _aid = interview_with_audio(vault, tone_bursts(4.0, [(0.5, 2.0)]), code="SYN-2026-195")
    path = vault.path
    vault.lock()
    state = tmp_path / "state"
    state.mkdir()
    w = make_window(qtbot, path, state)
    w.show()
    unlock(w, PASSPHRASE)
    w.workspace.open_interview(iid)
    d = w.workspace.page.details
    d.notes.setPlainText(f"notes {MARKER}")
    d.save_button.click()
    views = {type(v).__name__: v for v in w.workspace.page.views}
    views["RecordingView"].transcribe(engine_factory=lambda name: FakeEngine(name))
    w.workspace.open_interview(iid)
    tv = views["TranscriptView"]
    tv.table.item(0, tv.text_col).setText(f"edited {MARKER}")
    assert MARKER in transcripts.segments(w.session.vault, iid)[0].text
    w.workspace.list.search.setText(MARKER)
    w.workspace.list.search_words()
    d.withdraw_confirm.setChecked(True)
    d.withdraw_note.setText(MARKER)
    d.withdraw_button.click()
    w.lock("panic")
    w.close()
    assert find_marker([tmp_path], encodings_of(MARKER)) == []
    # and it is really in the vault (so the search above could have found a leak)
    from storage.vault import Vault

    with Vault.open(path, PASSPHRASE, allow_weak_kdf=True) as v:
        assert MARKER in transcripts.segments(v, iid)[0].text
