"""Schema version 52: imported Whisper models' hashes and each model's measured speed.

``imported_model`` keeps what earlier versions wrote to ``registry.json`` in the unprotected
state folder: the SHA-256 of every file of a model imported from a USB stick, checked
before every load. Inside the vault an attacker with the disk cannot swap a model's files and
their recorded hashes together. ``model_speed`` is the speed each model last reached on this
laptop (audio seconds per wall-clock second of a transcription job, model load included), shown
where a model is chosen.

A vault that already holds transcripts was used by a version that kept the hashes in
``registry.json``: it is marked so that its next unlock moves that file's entries in (once; see
app.model_store). A new vault is not marked, so a registry.json planted in the state folder is
never trusted by it.
"""

from __future__ import annotations

from storage.db import Connection

VERSION = 52
NAME = "models"

SCHEMA = """
CREATE TABLE imported_model (
    name TEXT PRIMARY KEY,
    multilingual INTEGER NOT NULL,
    description TEXT NOT NULL,
    files TEXT NOT NULL,
    size_bytes INTEGER NOT NULL,
    n_mels INTEGER NOT NULL DEFAULT 80,
    vocabulary_size INTEGER NOT NULL DEFAULT 0,
    imported_at TEXT NOT NULL,
    imported_by TEXT NOT NULL
);

CREATE TABLE model_speed (
    name TEXT PRIMARY KEY,
    audio_s REAL NOT NULL,
    wall_s REAL NOT NULL,
    jobs INTEGER NOT NULL,
    measured_at TEXT NOT NULL
);
"""


PENDING_KEY = "legacy_model_registry_pending"


def apply(conn: Connection) -> None:
    for statement in SCHEMA.split(";"):
        if statement.strip():
            conn.execute(statement)
    conn.execute("INSERT INTO meta(key, value) SELECT ?, '1' WHERE EXISTS "
                 "(SELECT 1 FROM transcript)", (PENDING_KEY,))
