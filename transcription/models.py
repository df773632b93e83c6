"""The model registry: Whisper models shipped as pip packages, and models imported from a folder.

Built-in models are located with importlib.resources and their files checked against the SHA-256
values in ``model_hashes.json`` before every load; the multilingual base model is split in two
package files that are joined in memory and handed to CTranslate2 (no joined copy on disk).
Imported models (small, medium, large-v3, turbo brought on a USB stick) are copied into the
app's models folder with their hashes recorded in ``registry.json`` there, and verified again
before every load. Nothing is ever downloaded.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.util
import json
import os
import re
import shutil
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from transcription.errors import ModelNotFound, ModelRejected

DEFAULT_MODEL = "base"
REGISTRY_NAME = "registry.json"
_CHUNK = 1 << 20
_NAME_RE = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")
# Files a CTranslate2 Whisper folder must (or may) have.
_REQUIRED = ("model.bin", "config.json", "tokenizer.json")
_VOCABULARY = ("vocabulary.json", "vocabulary.txt")
_OPTIONAL = ("preprocessor_config.json",)
# Multilingual Whisper vocabularies have 51865 (large-v3: 51866) tokens; .en models 51864.
_MULTILINGUAL_VOCAB = 51865


@dataclass(frozen=True)
class ModelInfo:
    """What is known about one usable model (no file contents)."""

    name: str
    multilingual: bool
    source: str  # 'builtin' | 'imported'
    description: str
    file_hashes: dict[str, str] = field(default_factory=dict)  # file or part name -> sha256

    @property
    def languages(self) -> str:
        return "multilingual (ko, en, zh, ... and translation to English)" if self.multilingual \
            else "English only"


@dataclass
class LoadSpec:
    """How to hand a verified model to CTranslate2: a folder path, or files held in memory."""

    info: ModelInfo
    path: str
    files: dict[str, bytes] | None = None


def _hash_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _builtin_table() -> dict[str, Any]:
    text = resources.files("transcription").joinpath("model_hashes.json").read_text("utf-8")
    models: dict[str, Any] = json.loads(text)["models"]
    return models


def _part_path(package: str, rel: str) -> Path:
    try:
        root = resources.files(package)
    except ModuleNotFoundError as exc:
        raise ModelNotFound(
            f"The model package {package} is not installed; reinstall Testimony Vault."
        ) from exc
    return Path(str(root.joinpath(rel)))


def _altered(name: str) -> ModelRejected:
    return ModelRejected(
        f"The model '{name}' does not match its recorded checksums (altered or damaged), so it "
        "was not used; reinstall it or import a good copy."
    )


# ------------------------------------------------------------------ registry (imported models)
def _read_registry(models_dir: Path | None) -> dict[str, Any]:
    if models_dir is None:
        return {}
    path = models_dir / REGISTRY_NAME
    if not path.is_file():
        return {}
    try:
        data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelRejected(
            f"The model registry {path} is unreadable; remove it and import the models again."
        ) from exc
    return data


def _write_registry(models_dir: Path, data: dict[str, Any]) -> None:
    models_dir.mkdir(parents=True, exist_ok=True)
    tmp = models_dir / (REGISTRY_NAME + ".tmp")
    tmp.write_text(json.dumps(data, indent=2, sort_keys=True), "utf-8")
    os.replace(tmp, models_dir / REGISTRY_NAME)


def _installed(entry: dict[str, Any]) -> bool:
    """Whether every package holding a built-in model's parts is present (the frozen app ships
    only the default model, the test set-up has more)."""
    packages = {part[0] for spec in entry["files"].values() for part in spec["parts"]}
    return all(importlib.util.find_spec(p) is not None for p in packages)


def list_models(models_dir: Path | None = None) -> list[ModelInfo]:
    """Built-in models whose packages are installed first, then imported ones (by name)."""
    found = []
    for name, entry in _builtin_table().items():
        if not _installed(entry):
            continue
        hashes = {part[1].split("/")[-1]: part[2] for spec in entry["files"].values()
                  for part in spec["parts"]}
        found.append(ModelInfo(name, bool(entry["multilingual"]), "builtin",
                               str(entry["description"]), hashes))
    for name, entry in sorted(_read_registry(models_dir).items()):
        found.append(ModelInfo(name, bool(entry["multilingual"]), "imported",
                               str(entry.get("description", "imported")), dict(entry["files"])))
    return found


def get_model(name: str, models_dir: Path | None = None) -> ModelInfo:
    for info in list_models(models_dir):
        if info.name == name:
            return info
    names = ", ".join(m.name for m in list_models(models_dir))
    raise ModelNotFound(f"There is no model named '{name}'; choose one of: {names}.")


def load_spec(name: str, models_dir: Path | None = None) -> LoadSpec:
    """Verify a model's files against their recorded hashes and say how to load it.

    Raises ModelRejected (one sentence) if any file is missing or differs.
    """
    info = get_model(name, models_dir)
    if info.source == "builtin":
        return _builtin_spec(info)
    assert models_dir is not None
    folder = models_dir / name
    for fname, expected in info.file_hashes.items():
        path = folder / fname
        if not path.is_file() or _hash_file(path) != expected:
            raise _altered(name)
    return LoadSpec(info, str(folder))


def _builtin_spec(info: ModelInfo) -> LoadSpec:
    entry = _builtin_table()[info.name]
    specs: dict[str, list[list[str]]] = {k: v["parts"] for k, v in entry["files"].items()}
    if all(len(parts) == 1 for parts in specs.values()):
        # One package folder holds every file: verify on disk, load by path.
        folder = None
        for parts in specs.values():
            path = _part_path(parts[0][0], parts[0][1])
            if not path.is_file() or _hash_file(path) != parts[0][2]:
                raise _altered(info.name)
            folder = path.parent
        assert folder is not None
        return LoadSpec(info, str(folder))
    # Split model: read each part once, verify it, join in memory.
    files: dict[str, bytes] = {}
    for fname, parts in specs.items():
        pieces = []
        for package, rel, expected in parts:
            path = _part_path(package, rel)
            try:
                data = path.read_bytes()
            except OSError as exc:
                raise _altered(info.name) from exc
            if hashlib.sha256(data).hexdigest() != expected:
                raise _altered(info.name)
            pieces.append(data)
        files[fname] = pieces[0] if len(pieces) == 1 else b"".join(pieces)
        del pieces
    return LoadSpec(info, f"builtin:{info.name}", files)


# ------------------------------------------------------------------ import
def inspect_folder(folder: Path) -> tuple[bool, list[str]]:
    """Validate a CTranslate2 Whisper folder; return (multilingual, files to copy).

    Raises ModelRejected with one sentence naming what is wrong.
    """
    if not folder.is_dir():
        raise ModelRejected(f"{folder} is not a folder; give the folder that holds model.bin.")
    missing = [f for f in _REQUIRED if not (folder / f).is_file()]
    vocab = [f for f in _VOCABULARY if (folder / f).is_file()]
    if not vocab:
        missing.append("vocabulary.json or vocabulary.txt")
    if missing:
        raise ModelRejected(
            f"The model folder is incomplete (missing {', '.join(missing)}); copy the whole "
            "CTranslate2 Whisper folder again."
        )
    try:
        config = json.loads((folder / "config.json").read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelRejected("The model's config.json is not valid JSON; copy the folder again.") \
            from exc
    if not isinstance(config, dict) or not all(
            isinstance(config.get(k), list) and config.get(k)
            for k in ("alignment_heads", "suppress_ids")):
        raise ModelRejected(
            "The model's config.json is not a CTranslate2 Whisper configuration; convert the "
            "model with ct2-transformers-converter first."
        )
    size = _vocabulary_size(folder / vocab[0])
    if size < 51000:
        raise ModelRejected("The model's vocabulary is not a Whisper vocabulary; copy it again.")
    if (folder / "model.bin").stat().st_size < 1_000_000:
        raise ModelRejected("The model's model.bin is truncated; copy the folder again.")
    files = [*_REQUIRED, vocab[0], *[f for f in _OPTIONAL if (folder / f).is_file()]]
    _check_manifest(folder, files)
    return size >= _MULTILINGUAL_VOCAB, files


def _vocabulary_size(path: Path) -> int:
    try:
        if path.suffix == ".json":
            return len(json.loads(path.read_text("utf-8")))
        with open(path, encoding="utf-8") as fh:
            return sum(1 for _ in fh)
    except (OSError, ValueError) as exc:
        raise ModelRejected("The model's vocabulary file is unreadable; copy it again.") from exc


def _check_manifest(folder: Path, files: list[str]) -> None:
    """If the folder carries a SHA256SUMS file (as organisations should), every file must match."""
    manifest = folder / "SHA256SUMS"
    if not manifest.is_file():
        return
    expected: dict[str, str] = {}
    for line in manifest.read_text("utf-8").splitlines():
        parts = line.split()
        if len(parts) == 2:
            expected[parts[1].lstrip("*")] = parts[0].lower()
    for fname in files:
        if fname in expected and _hash_file(folder / fname) != expected[fname]:
            raise ModelRejected(
                f"The model file {fname} does not match the folder's SHA256SUMS (altered or "
                "damaged); it was not imported."
            )


def _trial_load(folder: Path) -> None:
    """Load the copied model once: catches a model.bin that is not a CTranslate2 Whisper model."""
    import ctranslate2

    try:
        model = ctranslate2.models.Whisper(str(folder), device="cpu", compute_type="int8")
    except (RuntimeError, ValueError, OSError) as exc:
        raise ModelRejected(
            "The folder's model.bin could not be loaded as a CTranslate2 Whisper model; it is "
            "damaged or of another kind, and was not imported."
        ) from exc
    del model


def import_model(folder: Path, models_dir: Path, *, name: str | None = None,
                 now: dt.datetime | None = None) -> ModelInfo:
    """Validate ``folder``, copy its files into ``models_dir/NAME`` and register their hashes.

    The copy is hashed again after copying, so a stick pulled out mid-copy cannot register a
    damaged model. Nothing changes if validation fails.
    """
    folder = Path(folder)
    name = (name or folder.name).strip().lower()
    if not _NAME_RE.fullmatch(name):
        raise ModelRejected(
            f"'{name}' is not a usable model name; use letters, digits, '.', '-' or '_'."
        )
    if name in _builtin_table() or name in _read_registry(models_dir):
        raise ModelRejected(f"A model named '{name}' already exists; choose another --name.")
    multilingual, files = inspect_folder(folder)
    source_hashes = {f: _hash_file(folder / f) for f in files}
    target = models_dir / name
    tmp = models_dir / f".{name}.importing"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    try:
        for fname in files:
            shutil.copyfile(folder / fname, tmp / fname)
            if _hash_file(tmp / fname) != source_hashes[fname]:
                raise ModelRejected(
                    f"Copying {fname} gave different bytes (failing disk or stick); the model "
                    "was not imported."
                )
        _trial_load(tmp)
        os.replace(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    registry = _read_registry(models_dir)
    registry[name] = {
        "multilingual": multilingual,
        "description": f"imported from {folder.name}",
        "files": source_hashes,
        "imported_at": (now or dt.datetime.now(dt.UTC)).isoformat(),
    }
    _write_registry(models_dir, registry)
    return get_model(name, models_dir)
