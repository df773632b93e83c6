"""Imported Whisper models as the vault knows them: their hashes, and each model's speed here.

Model files are not secret (public weights), so they live in the app's state folder
(``models_dir()``, shared by every vault on this laptop); what matters is their integrity. The
SHA-256 of every file of an imported model is kept inside the encrypted vault (table
``imported_model``, migration 52), and the files are verified against that record before every
load: whoever can write the state folder can replace a model's files, but not the record, so a
swapped model is refused. Earlier versions kept the hashes in ``registry.json`` beside the
files; ``adopt_legacy_registry`` (run at unlock) moves them into the vault once and removes the
file.

``record_speed`` keeps, per model, the speed of the last transcription job on this laptop
(audio seconds per wall-clock second, model load included), so the model chooser can say
"3.1x real time" after a model's first run.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app import paths
from storage.migrations.m0052_models import PENDING_KEY
from storage.vault import Vault
from transcription import models
from transcription.errors import ModelRejected


def models_dir() -> Path:
    """Where imported models' files live (app state, not the vault: weights are not testimony;
    their hashes are in the vault)."""
    return paths.models_dir()


def records(vault: Vault) -> dict[str, dict[str, Any]]:
    """The vault's record of every imported model, as ``transcription.models`` expects it."""
    rows = vault.conn.execute(
        "SELECT name, multilingual, description, files, size_bytes, n_mels, vocabulary_size, "
        "imported_at FROM imported_model ORDER BY name").fetchall()
    return {r[0]: {"multilingual": bool(r[1]), "description": r[2], "files": json.loads(r[3]),
                   "size_bytes": int(r[4]), "n_mels": int(r[5]), "vocabulary_size": int(r[6]),
                   "imported_at": r[7]} for r in rows}


def list_models(vault: Vault | None) -> list[models.ModelInfo]:
    """Built-in models, then the vault's imported ones (only built-ins without a vault)."""
    return models.list_models(models_dir(), records(vault) if vault is not None else None)


def get_model(vault: Vault | None, name: str) -> models.ModelInfo:
    return models.get_model(name, models_dir(), records(vault) if vault is not None else None)


def record_for(vault: Vault | None, name: str) -> dict[str, Any] | None:
    """An imported model's record (its hashes) to hand to the engine; None for a built-in."""
    if vault is None:
        return None
    return records(vault).get(name)


def load_spec(vault: Vault | None, name: str) -> models.LoadSpec:
    """Verify a model against the vault's record (built-ins: the packaged hashes) for loading."""
    return models.load_spec(name, models_dir(),
                            records(vault) if vault is not None else None)


def _insert(vault: Vault, name: str, record: dict[str, Any], role: str) -> None:
    vault.conn.execute(
        "INSERT INTO imported_model(name, multilingual, description, files, size_bytes, n_mels, "
        "vocabulary_size, imported_at, imported_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (name, int(bool(record.get("multilingual"))), str(record.get("description", "imported")),
         json.dumps(record["files"], sort_keys=True), int(record.get("size_bytes") or 0),
         int(record.get("n_mels") or 80), int(record.get("vocabulary_size") or 0),
         str(record.get("imported_at") or dt.datetime.now(dt.UTC).isoformat()), role))


def import_model(vault: Vault, folder: Path, *, name: str | None = None,
                 role: str = "system") -> models.ModelInfo:
    """Validate and copy a CTranslate2 Whisper folder, then record its hashes in the vault.

    Raises ModelRejected (one sentence) and changes nothing in the vault if the folder is
    refused. The import is audited (name and hashes; no testimony is involved)."""
    known = records(vault)
    record = models.import_model(folder, models_dir(), name=name, taken=known)
    chosen = str(record["name"])
    try:
        with vault.transaction():
            _insert(vault, chosen, record, role)
            vault.audit("model-imported", "model", chosen, role=role,
                        details={"files": record["files"], "n_mels": record["n_mels"],
                                 "multilingual": record["multilingual"]})
    except BaseException:
        # Files without a record are never loaded; remove them so nothing is left half-done.
        shutil.rmtree(models_dir() / chosen, ignore_errors=True)
        raise
    return get_model(vault, chosen)


def adopt_legacy_registry(vault: Vault, folder: Path | None = None) -> list[str]:
    """Move the hashes of ``registry.json`` (where earlier versions kept them, unprotected) into the vault, once.

    Runs at unlock. Only a vault that migration 52 marked (it held transcripts, so an earlier
    version was used with it) adopts the file, at its first unlock after the upgrade; the file
    is then removed. Any other vault never reads a registry.json (it could have been planted
    together with swapped model files). Entries whose names the vault already knows, or that
    name a built-in model, are skipped. Returns the adopted names."""
    if vault.readonly or vault.conn.execute("SELECT 1 FROM meta WHERE key = ?",
                                            (PENDING_KEY,)).fetchone() is None:
        return []
    folder = folder or models_dir()
    try:
        legacy = models.read_legacy_registry(folder)
    except ModelRejected:  # unreadable: nothing to adopt; its models must be imported again
        legacy = {}
    known = set(records(vault)) | {m.name for m in models.list_models(None)}
    adopted: list[str] = []
    with vault.transaction():
        for name, entry in sorted(legacy.items()):
            if name in known or not models.valid_name(name) or not models.valid_record(entry):
                continue
            record = dict(entry)
            record.setdefault("size_bytes", sum(
                (folder / name / f).stat().st_size for f in entry["files"]
                if (folder / name / f).is_file()))
            _insert(vault, name, record, "system")
            adopted.append(name)
        if adopted:
            vault.audit("model-registry-adopted", "model", None, role="system",
                        details={"models": adopted})
        vault.conn.execute("DELETE FROM meta WHERE key = ?", (PENDING_KEY,))
    (folder / models.LEGACY_REGISTRY_NAME).unlink(missing_ok=True)
    return adopted


# ------------------------------------------------------------------ speed on this laptop
@dataclass(frozen=True)
class Speed:
    audio_s: float
    wall_s: float
    jobs: int
    measured_at: str

    @property
    def realtime_factor(self) -> float:
        """How many seconds of audio one second of work transcribes (2.0: twice real time)."""
        return self.audio_s / self.wall_s if self.wall_s > 0 else 0.0


def record_speed(vault: Vault, name: str, audio_s: float, wall_s: float) -> None:
    """Keep the speed of a finished transcription job (called by app.transcripts.transcribe).

    Jobs shorter than a second of audio say nothing useful and are not recorded."""
    if vault.readonly or audio_s < 1.0 or wall_s <= 0:
        return
    with vault.transaction():
        vault.conn.execute(
            "INSERT INTO model_speed(name, audio_s, wall_s, jobs, measured_at) "
            "VALUES (?, ?, ?, 1, ?) ON CONFLICT(name) DO UPDATE SET audio_s = excluded.audio_s, "
            "wall_s = excluded.wall_s, jobs = model_speed.jobs + 1, "
            "measured_at = excluded.measured_at",
            (name, float(audio_s), float(wall_s), dt.datetime.now(dt.UTC).isoformat()))


def speeds(vault: Vault) -> dict[str, Speed]:
    rows = vault.conn.execute(
        "SELECT name, audio_s, wall_s, jobs, measured_at FROM model_speed").fetchall()
    return {r[0]: Speed(float(r[1]), float(r[2]), int(r[3]), r[4]) for r in rows}


# ------------------------------------------------------------------ what the chooser shows
@dataclass(frozen=True)
class ModelChoice:
    """One line of the model chooser (GUI and ``models list``)."""

    name: str
    source: str
    multilingual: bool
    languages: str
    size_bytes: int
    speed: Speed | None

    @property
    def size_text(self) -> str:
        mib = self.size_bytes / (1 << 20)
        return f"{mib / 1024:.1f} GB" if mib >= 1024 else f"{mib:.0f} MB"

    @property
    def speed_text(self) -> str:
        if self.speed is None:
            return "speed not measured yet"
        return f"{self.speed.realtime_factor:.1f}x real time on this laptop"


def catalogue(vault: Vault | None) -> list[ModelChoice]:
    """Every usable model with its size, languages and measured speed (if any)."""
    measured = speeds(vault) if vault is not None else {}
    return [ModelChoice(m.name, m.source, m.multilingual, m.languages, m.size_bytes,
                        measured.get(m.name)) for m in list_models(vault)]
