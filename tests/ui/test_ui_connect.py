"""The Connections tab: the facility x commodity matrix, a facility's timeline and a
commodity's supply chain show what app.connect counts; every number opens the quotes behind
it, a quote plays its audio, and the brief for what is shown is written from the window.

Real window, real SQLCipher vault filled by the connect archive generator (small)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from app.audio import assets as audio
from app.connect import corroborate as corr
from storage.vault import Vault
from tests.audio_clips import make_clip
from tests.common import PASSPHRASE
from tests.connect_archive import YODOK, generate
from tests.ui_support import connect_view_on
from ui.connect_view import ConnectView

COAL = "commodity.product.coal"


@pytest.fixture
def archive(vault: Vault, tmp_path: Path) -> dict[str, object]:
    """A small generated archive, one of whose recordings is real audio; the service's own
    answers, computed before the window opens, for the view to match."""
    generate(vault, 60, n_duplicates=4, n_date_conflicts=2, n_place_conflicts=1,
             n_near_misses=2, n_after_closure=1)
    cell = corr.matrix(vault).cells[(YODOK, COAL)]
    result = corr.corroborate(vault, corr.Subject("link", None, cell.link))
    # Give the first quote's interview a real recording, and point its segments at it.
    first = result.accounts[0].quotes[0]
    clip = make_clip(tmp_path / "speech.wav", "wav", seconds=25.0)
    real = audio.import_audio(vault, first.interview_id, clip, role="interviewer")
    with vault.transaction():
        vault.conn.execute("UPDATE segment SET asset_id = ? WHERE asset_id = ?",
                           (real.id, first.asset_id))
    expected = {
        "matrix": corr.matrix(vault),
        "link": corr.corroborate(vault, corr.Subject("link", None, cell.link)),
        "timeline": corr.timeline(vault, corr.subject_for(vault, facility=YODOK)),
        "chain": corr.chain(vault, COAL),
        "asset": real.id,
    }
    return expected


def _view(qtbot, vault: Vault, tmp_path: Path, language: str = "en") -> ConnectView:
    return connect_view_on(qtbot, vault, tmp_path, language)


def test_matrix_shows_witness_counts_and_opens_the_quotes(qtbot, tmp_path, vault, archive):
    matrix = archive["matrix"]
    view = _view(qtbot, vault, tmp_path)
    table = view.matrix_table
    assert (table.rowCount(), table.columnCount()) == (len(matrix.rows), len(matrix.cols))
    shown = {(matrix.rows[i], matrix.cols[j]): table.item(i, j).text()
             for i in range(table.rowCount()) for j in range(table.columnCount())}
    assert shown == {key: str(matrix.cells[key].independent_witnesses) if key in matrix.cells
                     else "" for key in shown}
    assert table.verticalHeaderItem(matrix.rows.index(YODOK)).text() == \
        matrix.labels[YODOK]["en"] != matrix.labels[YODOK]["ko"]

    view._matrix_clicked(matrix.rows.index(YODOK), matrix.cols.index(COAL))
    link = archive["link"]
    assert f"{link.testimonies} testimonies from {link.independent_witnesses} independent " \
           "witnesses" in view.evidence_title.text()
    quotes = [(a.interview_code, q.text) for a in link.accounts for q in a.quotes]
    assert [(view.quotes.item(r, 0).text(), view.quotes.item(r, 3).text())
            for r in range(view.quotes.rowCount())] == quotes
    assert view.brief_button.isEnabled()


def test_a_quote_plays_its_own_recording_from_its_first_word(qtbot, tmp_path, vault, archive):
    view = _view(qtbot, vault, tmp_path)
    matrix = archive["matrix"]
    view._matrix_clicked(matrix.rows.index(YODOK), matrix.cols.index(COAL))
    first = archive["link"].accounts[0].quotes[0]
    with qtbot.waitSignal(view.play_requested) as asked:
        view.play_quote(0)
    assert asked.args == [archive["asset"], first.start_s]
    # The real recording was decoded into memory for the player (an audio output may be
    # missing here; that is one sentence, not a crash).
    assert view.loaded_asset == archive["asset"]
    assert view.player.audio is not None and view.player.duration_s == pytest.approx(25.0, 0.05)


def test_timeline_by_year_opens_that_years_accounts(qtbot, tmp_path, vault, archive):
    years = archive["timeline"]
    view = _view(qtbot, vault, tmp_path)
    combo = view.timeline_subject
    combo.setCurrentIndex(next(i for i in range(combo.count())
                               if combo.itemData(i).term_id == YODOK))
    view._load_timeline()
    table = view.timeline_table
    assert [int(table.item(r, 0).text()) for r in range(table.rowCount())] == \
        [y for y, _ in years]
    assert [int(table.item(r, 1).text()) for r in range(table.rowCount())] == \
        [len(accounts) for _, accounts in years]
    row = len(years) // 2
    view._year_clicked(row, 0)
    year, accounts = years[row]
    assert str(year) in view.evidence_title.text()
    assert view.quotes.rowCount() == sum(len(a.quotes) for a in accounts)


def test_supply_chain_lists_every_link_of_a_commodity(qtbot, tmp_path, vault, archive):
    cells = archive["chain"]
    view = _view(qtbot, vault, tmp_path)
    combo = view.chain_commodity
    combo.setCurrentIndex(next(i for i in range(combo.count())
                               if combo.itemData(i).term_id == COAL))
    view._load_chain()
    table = view.chain_table
    assert table.rowCount() == len(cells) > 0
    assert [(int(table.item(r, 3).text()), int(table.item(r, 4).text()))
            for r in range(table.rowCount())] == \
        [(c.testimonies, c.independent_witnesses) for c in cells]
    shipped = next(r for r, c in enumerate(cells) if c.link.relation == "shipped-through")
    assert table.item(shipped, 1).text() == "shipped through"
    view._chain_clicked(shipped, 0)
    assert "testimonies from" in view.evidence_title.text()


def test_korean_interface_labels_the_matrix_in_korean(qtbot, tmp_path, vault, archive):
    matrix = archive["matrix"]
    view = _view(qtbot, vault, tmp_path, language="ko")
    assert view.matrix_table.verticalHeaderItem(matrix.rows.index(YODOK)).text() == \
        matrix.labels[YODOK]["ko"]
    assert "요덕" in matrix.labels[YODOK]["ko"]


def test_brief_from_the_window_holds_the_quotes_of_consenting_witnesses(
        qtbot, tmp_path, vault, archive):
    view = _view(qtbot, vault, tmp_path)
    matrix = archive["matrix"]
    view._matrix_clicked(matrix.rows.index(YODOK), matrix.cols.index(COAL))
    view.purpose.setCurrentIndex(view.purpose.findData("court"))
    out = tmp_path / "brief.docx"
    view.write_brief(out)
    assert view.message.text().startswith("Brief written:")
    body = zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")
    link = archive["link"]
    court = {iid for iid, info in link.interviews.items() if info.consent_covers("court")}
    assert court and any(a.interview_code in body for a in link.accounts
                         if a.interview_id in court)
    assert not any(a.interview_code in body for a in link.accounts
                   if a.interview_id not in court)
    # Nothing but the file the supervisor named was written.
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".docx") == ["brief.docx"]
    # And the vault stays locked-capable: the window can lock with the view open.
    view.session.lock()
    assert view.quotes.rowCount() == 0 and view.player.audio is None
    assert Vault.open(vault.path, PASSPHRASE, allow_weak_kdf=True) is not None
