"""The model registry: Whisper models shipped as pip packages, and models imported from a folder.

Built-in models are located with importlib.resources and their files checked against the SHA-256
values in ``model_hashes.json`` before every load; the multilingual base model is split in two
package files that are joined in memory and handed to CTranslate2 (no joined copy on disk).
Imported models (tiny ... large-v3, large-v3-turbo brought on a USB stick, CTranslate2 format)
are copied into the app's models folder; their hashes are kept INSIDE the encrypted vault (the
caller, app.model_store, stores the record ``import_model`` returns and hands it back to
``load_spec``), and every file is verified against that record before every load. This module
never reads or writes a record on disk. Nothing is ever downloaded.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import importlib.util
import json
import os
import re
import shutil
import struct
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from transcription.errors import ModelNotFound, ModelRejected

DEFAULT_MODEL = "base"
# Where versions before issue 13 kept imported models' hashes (beside the files, unprotected).
LEGACY_REGISTRY_NAME = "registry.json"
_CHUNK = 1 << 20
_NAME_RE = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")
# Files a CTranslate2 Whisper folder must (or may) have.
_REQUIRED = ("model.bin", "config.json", "tokenizer.json")
_VOCABULARY = ("vocabulary.json", "vocabulary.txt")
_OPTIONAL = ("preprocessor_config.json",)
# Multilingual Whisper vocabularies have 51766 tokens plus one per language: 51865 (99
# languages, tiny ... large-v2) or 51866 (100, large-v3 and turbo); .en models have 51864.
_MULTILINGUAL_VOCAB = 51865
_VOCAB_BEFORE_LANGUAGES = 51766
_LARGE_V3_MELS = 128  # large-v3 and large-v3-turbo; every other size has 80
# The smallest Whisper (tiny, int8) is about 40 MB: anything under 1 MB is certainly cut off.
_MIN_MODEL_BYTES = 1_000_000


@dataclass(frozen=True)
class ModelInfo:
    """What is known about one usable model (no file contents)."""

    name: str
    multilingual: bool
    source: str  # 'builtin' | 'imported'
    description: str
    file_hashes: dict[str, str] = field(default_factory=dict)  # file or part name -> sha256
    size_bytes: int = 0
    n_mels: int = 80

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
            "model.model_package_installed_reinstall", package=package
        ) from exc
    return Path(str(root.joinpath(rel)))


def _altered(name: str) -> ModelRejected:
    return ModelRejected(
        "model.model_match_recorded_checksums", name=name
    )


# ------------------------------------------------------------------ imported models
# An imported model's record: what ``import_model`` returns and the vault keeps (issue 13: the
# hashes live inside the encrypted vault, never beside the files, so whoever can write the
# models folder cannot swap a model file and its recorded hash together). Keys: 'name',
# 'multilingual', 'description', 'files' (file name -> sha256), 'size_bytes', 'n_mels',
# 'vocabulary_size', 'imported_at'.
Registry = Mapping[str, Mapping[str, Any]]


def read_legacy_registry(models_dir: Path) -> dict[str, Any]:
    """The ``registry.json`` that earlier versions kept in the models folder (to be moved into
    the vault and then removed); {} if there is none."""
    path = models_dir / LEGACY_REGISTRY_NAME
    if path.is_symlink() or not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelRejected(
            "model.old_model_registry_unreadable", path=path
        ) from exc
    if not isinstance(data, dict):
        raise ModelRejected(
            "model.old_model_registry_registry", path=path
        )
    return data


def valid_name(name: Any) -> bool:
    """Whether ``name`` can name an imported model (and its folder: no path separators)."""
    return isinstance(name, str) and _NAME_RE.fullmatch(name) is not None


def valid_record(record: Any) -> bool:
    """Whether a stored record has the shape ``load_spec`` relies on."""
    if not isinstance(record, Mapping):
        return False
    files = record.get("files")
    return (isinstance(files, Mapping) and bool(files)
            and all(isinstance(k, str) and "/" not in k and not k.startswith(".")
                    and isinstance(v, str) and re.fullmatch(r"[0-9a-f]{64}", v)
                    for k, v in files.items()))


def _installed(entry: dict[str, Any]) -> bool:
    """Whether every package holding a built-in model's parts is present (the frozen app ships
    only the default model, the test set-up has more)."""
    packages = {part[0] for spec in entry["files"].values() for part in spec["parts"]}
    return all(importlib.util.find_spec(p) is not None for p in packages)


def _builtin_size(entry: dict[str, Any]) -> int:
    size = 0
    for spec in entry["files"].values():
        for package, rel, _ in spec["parts"]:
            with contextlib.suppress(OSError, ModelNotFound):
                size += _part_path(package, rel).stat().st_size
    return size


def list_models(models_dir: Path | None = None, imported: Registry | None = None
                ) -> list[ModelInfo]:
    """Built-in models whose packages are installed first, then imported ones (by name).

    ``imported`` is the vault's record of imported models (see app.model_store); without it
    only the built-in models are known."""
    del models_dir  # where imported files live; their records come from the vault
    found = []
    for name, entry in _builtin_table().items():
        if not _installed(entry):
            continue
        hashes = {part[1].split("/")[-1]: part[2] for spec in entry["files"].values()
                  for part in spec["parts"]}
        found.append(ModelInfo(name, bool(entry["multilingual"]), "builtin",
                               str(entry["description"]), hashes, _builtin_size(entry)))
    for name, entry in sorted((imported or {}).items()):
        if not valid_name(name) or not valid_record(entry):
            continue
        found.append(ModelInfo(name, bool(entry.get("multilingual")), "imported",
                               str(entry.get("description", "imported")), dict(entry["files"]),
                               int(entry.get("size_bytes") or 0),
                               int(entry.get("n_mels") or 80)))
    return found


def get_model(name: str, models_dir: Path | None = None, imported: Registry | None = None
              ) -> ModelInfo:
    for info in list_models(models_dir, imported):
        if info.name == name:
            return info
    names = ", ".join(m.name for m in list_models(models_dir, imported))
    raise ModelNotFound("model.there_model_named_choose", name=name, names=names)


def load_spec(name: str, models_dir: Path | None = None, imported: Registry | None = None
              ) -> LoadSpec:
    """Verify a model's files against their recorded hashes and say how to load it.

    An imported model is checked against ``imported`` (the vault's record, handed over by the
    caller) right before the load. Raises ModelRejected (one sentence) if any file is missing,
    a symbolic link, or differs.
    """
    info = get_model(name, models_dir, imported)
    if info.source == "builtin":
        return _builtin_spec(info)
    if models_dir is None:
        raise ModelNotFound("model.model_imported_but_models", name=name)
    folder = models_dir / name
    if folder.is_symlink():
        raise _altered(name)
    for fname, expected in info.file_hashes.items():
        path = folder / fname
        if path.is_symlink() or not path.is_file() or _hash_file(path) != expected:
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
@dataclass(frozen=True)
class FolderCheck:
    """What ``inspect_folder`` found: the files to copy and the vocabulary's facts."""

    files: list[str]
    vocabulary_size: int
    language_ids: int
    shape: ModelShape


@dataclass(frozen=True)
class ModelShape:
    """What a CTranslate2 Whisper model.bin says about itself (read from its header only)."""

    vocabulary_size: int
    n_mels: int
    decoder_layers: int
    decoder_heads: int


_MAX_VARIABLES = 100_000


def read_model_shape(path: Path) -> ModelShape:
    """Walk model.bin's variable headers (seeking over the weights) to learn its sizes.

    The sizes tie the small files to the weights: the decoder's embedding rows are the
    vocabulary size, the first convolution's input channels the mel bins (80, or 128 for
    large-v3 and turbo), and alignment heads must name an existing decoder layer and head.
    A file cut short (a partial download or copy) ends inside a variable and is refused.
    """
    def cut() -> ModelRejected:
        return ModelRejected("model.model_s_model_bin")

    total = path.stat().st_size
    with open(path, "rb") as fh:
        def read(fmt: str) -> int:
            raw = fh.read(struct.calcsize(fmt))
            if len(raw) != struct.calcsize(fmt):
                raise cut()
            value: int = struct.unpack(fmt, raw)[0]
            return value

        def text() -> str:
            length = read("<H")
            raw = fh.read(length)
            if len(raw) != length:
                raise cut()
            return raw.rstrip(b"\0").decode("utf-8", "replace")

        version = read("<I")
        if not 2 <= version <= 64:
            raise cut()
        spec = text()
        read("<I")  # spec revision
        if spec != "WhisperSpec":
            raise ModelRejected("model.model_bin_holds_model", value=spec[:40] or 'unnamed')
        count = read("<I")
        if count > _MAX_VARIABLES:
            raise cut()
        vocab = mels = heads = 0
        layers: set[int] = set()
        for _ in range(count):
            name = text()
            rank = read("<B")
            if rank > 8:
                raise cut()
            dims = [read("<I") for _ in range(rank)]
            if version >= 4:
                read("<B")  # data type
            size = read("<I")
            start = fh.tell()
            if start + size > total:
                raise cut()
            if name == "decoder/embeddings/weight" and dims:
                vocab = dims[0]
            elif name == "encoder/conv1/weight" and len(dims) == 3:
                mels = dims[1]
            elif name == "decoder/num_heads" and size in (1, 2, 4):
                heads = int.from_bytes(fh.read(size), "little")
            elif name.startswith("decoder/layer_"):
                with contextlib.suppress(ValueError):
                    layers.add(int(name.split("/")[1][len("layer_"):]))
            fh.seek(start + size)
    if not (vocab and mels and heads and layers):
        raise cut()
    return ModelShape(vocab, mels, max(layers) + 1, heads)


def inspect_folder(folder: Path) -> FolderCheck:
    """Validate a CTranslate2 Whisper folder of any size (tiny ... large-v3, turbo).

    Raises ModelRejected with one sentence naming what is wrong. Reads only the small files;
    model.bin is checked by loading the copy (``_trial_load``).
    """
    if not folder.is_dir():
        raise ModelRejected("model.folder_give_folder_holds", folder=folder)
    names = [*_REQUIRED, *_VOCABULARY, *_OPTIONAL]
    linked = [f for f in names if (folder / f).is_symlink()]
    if linked:
        raise ModelRejected(
            "model.model_folder_s_symbolic", value=linked[0]
        )
    missing = [f for f in _REQUIRED if not (folder / f).is_file()]
    vocab = [f for f in _VOCABULARY if (folder / f).is_file()]
    if not vocab:
        missing.append("vocabulary.json or vocabulary.txt")
    if missing:
        raise ModelRejected(
            "model.model_folder_incomplete_missing", choices=', '.join(missing)
        )
    config = _json_file(folder / "config.json")
    if not isinstance(config, dict) or not all(
            isinstance(config.get(k), list) and config.get(k)
            for k in ("alignment_heads", "suppress_ids")) or not all(
            isinstance(h, list) and len(h) == 2
            and all(isinstance(x, int) and not isinstance(x, bool) and x >= 0 for x in h)
            for h in config["alignment_heads"]):
        raise ModelRejected(
            "model.model_s_config_json"
        )
    lang_ids = config.get("lang_ids") or []
    if not isinstance(lang_ids, list):
        raise ModelRejected("model.model_s_config_json_2")
    size = _vocabulary_size(folder / vocab[0])
    if size < 51000:
        raise ModelRejected("model.model_s_vocabulary_whisper")
    if size >= _MULTILINGUAL_VOCAB and size != _VOCAB_BEFORE_LANGUAGES + len(lang_ids):
        # Multilingual Whisper vocabularies are 51766 tokens plus one per language (99, or 100
        # from large-v3 on): a vocabulary from another size shifts every special token.
        raise ModelRejected(
            "model.model_s_vocabulary_tokens", size=size, count=len(lang_ids)
        )
    if (folder / "model.bin").stat().st_size < _MIN_MODEL_BYTES:
        raise ModelRejected("model.model_s_model_bin_2")
    shape = read_model_shape(folder / "model.bin")
    if shape.vocabulary_size != size:
        raise ModelRejected(
            "model.model_s_vocabulary_tokens_2", size=size, vocabulary_size=shape.vocabulary_size
        )
    if any(layer >= shape.decoder_layers or head >= shape.decoder_heads
           for layer, head in config["alignment_heads"]):
        raise ModelRejected("model.config_json_s_alignment", decoder_layers=shape.decoder_layers,
                            decoder_heads=shape.decoder_heads)
    preprocessor = folder / "preprocessor_config.json"
    if preprocessor.is_file():
        pre = _json_file(preprocessor)
        if not isinstance(pre, dict) or not isinstance(pre.get("feature_size", 80), int):
            raise ModelRejected("model.model_s_preprocessor_config")
    files = [*_REQUIRED, vocab[0], *[f for f in _OPTIONAL if (folder / f).is_file()]]
    return FolderCheck(files, size, len(lang_ids), shape)


def _json_file(path: Path) -> Any:
    try:
        return json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelRejected("model.model_s_valid_json", name=path.name) from exc


def _vocabulary_size(path: Path) -> int:
    try:
        if path.suffix == ".json":
            return len(json.loads(path.read_text("utf-8")))
        with open(path, encoding="utf-8") as fh:
            return sum(1 for _ in fh)
    except (OSError, ValueError, TypeError) as exc:
        raise ModelRejected("model.model_s_vocabulary_file") from exc


def _read_manifest(folder: Path) -> dict[str, str]:
    """The folder's SHA256SUMS (as organisations should ship), file name -> sha256; {} if none."""
    manifest = folder / "SHA256SUMS"
    if manifest.is_symlink() or not manifest.is_file():
        return {}
    expected: dict[str, str] = {}
    try:
        text = manifest.read_text("utf-8")
    except (OSError, ValueError) as exc:
        raise ModelRejected("model.model_folder_s_sha") \
            from exc
    for line in text.splitlines():
        parts = line.split()
        if len(parts) == 2:
            expected[parts[1].lstrip("*")] = parts[0].lower()
    return expected


def _copy_hashing(src: Path, dst: Path) -> str:
    """Copy one file without following a symbolic link; return the SHA-256 of the bytes read."""
    digest = hashlib.sha256()
    try:
        fd = os.open(src, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError as exc:
        raise ModelRejected(
            "model.model_file_could_read", name=src.name, strerror=exc.strerror
        ) from exc
    with os.fdopen(fd, "rb") as fin, open(dst, "xb") as fout:
        while chunk := fin.read(_CHUNK):
            digest.update(chunk)
            fout.write(chunk)
        fout.flush()
        os.fsync(fout.fileno())
    return digest.hexdigest()


def _trial_load(folder: Path) -> tuple[int, bool]:
    """Load the copied model once: catches a model.bin that is not a CTranslate2 Whisper model
    (a truncated or partial file). Returns (mel bins, multilingual) as CTranslate2 sees them."""
    import ctranslate2

    try:
        model = ctranslate2.models.Whisper(str(folder), device="cpu", compute_type="int8")
        n_mels, multilingual = int(model.n_mels), bool(model.is_multilingual)
    except (RuntimeError, ValueError, OSError) as exc:
        raise ModelRejected(
            "model.folder_s_model_bin"
        ) from exc
    del model
    return n_mels, multilingual


def _feature_size(folder: Path) -> int | None:
    path = folder / "preprocessor_config.json"
    if not path.is_file():
        return None
    size = _json_file(path).get("feature_size", 80)
    return int(size)


def import_model(folder: Path, models_dir: Path, *, name: str | None = None,
                 taken: Iterable[str] = (), now: dt.datetime | None = None) -> dict[str, Any]:
    """Validate ``folder``, copy its files into ``models_dir/NAME`` and return the record to keep.

    The caller (app.model_store) stores the record, hashes included, inside the vault; nothing
    about the model is written beside its files. Every file is hashed while it is copied and the
    copy hashed again, so a stick pulled out mid-copy cannot register a damaged model; the copy
    is then loaded once. A 128-mel model (large-v3, large-v3-turbo) without a
    preprocessor_config.json gets one saying so (faster-whisper otherwise computes 80 mel bins
    and the model fails on the first window). ``taken`` are names already in use. Nothing
    changes if validation fails.
    """
    folder = Path(folder)
    name = (name or folder.name).strip().lower()
    if not _NAME_RE.fullmatch(name):
        raise ModelRejected(
            "model.usable_model_name_use", name=name
        )
    if name in _builtin_table() or name in set(taken):
        raise ModelRejected("model.model_named_already_exists", name=name)
    check = inspect_folder(folder)
    manifest = _read_manifest(folder)
    models_dir.mkdir(parents=True, exist_ok=True)
    target = models_dir / name
    tmp = models_dir / f".{name}.importing"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    try:
        hashes: dict[str, str] = {}
        for fname in check.files:
            hashes[fname] = _copy_hashing(folder / fname, tmp / fname)
            if fname in manifest and hashes[fname] != manifest[fname]:
                raise ModelRejected(
                    "model.model_file_match_folder", fname=fname
                )
            if _hash_file(tmp / fname) != hashes[fname]:
                raise ModelRejected(
                    "model.copying_gave_different_bytes", fname=fname
                )
        n_mels, multilingual = _trial_load(tmp)
        if multilingual != (check.vocabulary_size >= _MULTILINGUAL_VOCAB):
            raise ModelRejected("model.model_s_vocabulary_fit")
        if multilingual and (n_mels == _LARGE_V3_MELS) != (check.language_ids == 100):
            raise ModelRejected(
                "model.model_bin_mel_bins", n_mels=n_mels, language_ids=check.language_ids
            )
        declared = _feature_size(tmp)
        if declared is not None and declared != n_mels:
            raise ModelRejected(
                "model.model_s_preprocessor_config_2", declared=declared, n_mels=n_mels
            )
        if declared is None and n_mels != 80:
            pre = tmp / "preprocessor_config.json"
            pre.write_text(json.dumps({"feature_size": n_mels, "sampling_rate": 16000,
                                       "hop_length": 160, "n_fft": 400, "chunk_length": 30}),
                           "utf-8")
            hashes[pre.name] = _hash_file(pre)
        old = models_dir / f".{name}.replaced"
        if target.exists() or target.is_symlink():
            # Files left by an earlier import that this vault does not know (another vault on
            # the same laptop, or a removed model): the fresh, verified copy replaces them.
            shutil.rmtree(old, ignore_errors=True)
            os.replace(target, old)
        os.replace(tmp, target)
        if old.is_symlink():  # a planted link: remove the link, never what it points to
            old.unlink()
        shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return {
        "name": name,
        "multilingual": multilingual,
        "description": f"imported from {folder.name}",
        "files": hashes,
        "size_bytes": sum((target / f).stat().st_size for f in hashes),
        "n_mels": n_mels,
        "vocabulary_size": check.vocabulary_size,
        "imported_at": (now or dt.datetime.now(dt.UTC)).isoformat(),
    }
