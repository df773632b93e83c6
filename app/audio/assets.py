"""Audio service: import, list, export, and settling recordings cut off by a crash.

One function per user intention, shared by the CLI, the GUI and the tests. The original bytes
of every recording and import are kept unchanged inside the vault (a blob); the asset row and
the audit log record their SHA-256, which ``export_asset`` checks while writing them out.
Recording itself lives in ``app.audio.recording``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import sqlcipher3

from app.audio import flac
from app.audio.pcm import WAV_HEADER_SIZE, PcmFormat
from app.audio.probe import AudioInfo, BadAudio, probe
from app.changes import Change, Kind, publish
from app.errors import IntegrityFailure, NotFound, UsageError
from app.interviews import resolve_id
from app.tasks import CancelToken, ProgressFn, no_progress
from storage import audit, blobs
from storage.backend import Store
from storage.db import Connection, transaction
from storage.errors import DiskFull
from storage.vault import Vault

READ_SIZE = 1024 * 1024

_ASSET_COLUMNS = ("a.id, a.interview_id, a.source, a.original_name, a.container, a.codec,"
                  " a.sample_rate, a.channels, a.duration_s, a.sha256, b.size, a.state,"
                  " a.end_reason, a.created_at, a.created_by, a.blob_id")


@dataclass(frozen=True)
class AudioAsset:
    """One stored recording or imported file (metadata only; the bytes stay in the vault)."""

    id: str
    interview_id: str
    source: str
    original_name: str | None
    container: str | None
    codec: str | None
    sample_rate: int | None
    channels: int | None
    duration_s: float | None
    sha256: str | None
    size: int | None
    state: str
    end_reason: str | None
    created_at: str
    created_by: str
    blob_id: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _iso(now: dt.datetime | None) -> str:
    return (now or dt.datetime.now(dt.UTC)).isoformat()


# ---------------------------------------------------------------------------- crash recovery
def settle_interrupted(conn: Connection, *, end_reason: str = "crash") -> list[str]:
    """Mark recordings whose writer died as ``interrupted``; returns their asset ids.

    After ``blobs.recover_interrupted`` (run when a vault is opened) has kept the blob of a dead
    recording, its asset row still says ``recording``. This fills in what the recording would
    have recorded when sealed: SHA-256 of the stored bytes and the duration they hold (for a
    WAV from its size; for FLAC from the last whole frame stored, read from the end of the
    blob, so settling does not grow with the recording's length).
    """
    rows = conn.execute(
        "SELECT a.id, a.interview_id, a.container, a.codec, a.sample_rate, a.channels, b.size,"
        " b.sha256, a.blob_id FROM audio_asset a JOIN blob b ON b.id = a.blob_id"
        " WHERE a.state = 'recording' AND b.state != 'writing'").fetchall()
    settled: list[str] = []
    for asset_id, interview_id, container, codec, rate, channels, size, digest, blob_id in rows:
        if container == flac.CONTAINER:
            with io.BufferedReader(blobs.BlobReader(conn, blob_id),
                                   buffer_size=READ_SIZE) as reader:
                duration = flac.count_frames(reader) / int(rate)
        else:
            fmt = PcmFormat.from_codec(codec, int(rate), int(channels))
            duration = fmt.duration_of(int(size or 0) - WAV_HEADER_SIZE)
        with transaction(conn):
            conn.execute(
                "UPDATE audio_asset SET state = 'interrupted', end_reason = ?, duration_s = ?,"
                " sha256 = ? WHERE id = ? AND state = 'recording'",
                (end_reason, duration, digest, asset_id))
            audit.append(conn, action="record-interrupted", object_type="audio_asset",
                         object_id=asset_id, role="system",
                         details={"interview_id": interview_id, "sha256": digest,
                                  "size": size, "duration_s": round(duration, 3),
                                  "end_reason": end_reason})
        settled.append(asset_id)
    return settled


# ---------------------------------------------------------------------------- listing
def list_assets(vault: Store, interview: str) -> list[AudioAsset]:
    """Every recording and import of an interview, oldest first (in a vault or the archive)."""
    # A recording this vault's recorder left unsealed is settled first; a read-only vault is
    # listed as it is, and so is the archive, whose recordings arrive sealed in bundles.
    if isinstance(vault, Vault) and not vault.readonly:
        settle_interrupted(vault.conn)
    interview_id = resolve_id(vault, interview)
    rows = vault.conn.execute(
        f"SELECT {_ASSET_COLUMNS} FROM audio_asset a JOIN blob b ON b.id = a.blob_id"  # noqa: S608 - constant
        " WHERE a.interview_id = ? ORDER BY a.created_at, a.id", (interview_id,)).fetchall()
    return [AudioAsset(*row) for row in rows]


def get_asset(vault: Vault, interview: str, asset: str) -> AudioAsset:
    """One asset of an interview by id (or a unique prefix of at least 6 characters)."""
    matches = [a for a in list_assets(vault, interview)
               if a.id == asset or (len(asset) >= 6 and a.id.startswith(asset))]
    if len(matches) != 1:
        raise NotFound("audio.single_audio_interview_see", asset=asset, interview=interview)
    return matches[0]


# ---------------------------------------------------------------------------- import
def import_audio(vault: Vault, interview: str, path: Path, *, role: str,
                 progress: ProgressFn = no_progress, cancel: CancelToken | None = None,
                 now: dt.datetime | None = None) -> AudioAsset:
    """Store a file's original bytes as an audio asset after checking it is decodable audio.

    The file is streamed into a blob (``on_crash='discard'``) and then checked by decoding the
    stored copy, so what was checked is exactly what is kept. Any failure, cancellation or crash
    leaves nothing stored.
    """
    interview_id = resolve_id(vault, interview)
    path = Path(path)
    name = path.name
    try:
        source = open(path, "rb")  # noqa: SIM115 - closed below
    except FileNotFoundError as exc:
        raise NotFound("audio.there_file_check_path", path=path) from exc
    except IsADirectoryError as exc:
        raise UsageError("audio.folder_give_path_audio", path=path) from exc
    except OSError as exc:
        raise UsageError("audio.read_check_permissions", path=path, strerror=exc.strerror) from exc
    with source:
        size = os.fstat(source.fileno()).st_size
        if size == 0:
            raise BadAudio("audio.empty_bytes_nothing_stored", name=name)
        writer = vault.blob_writer(kind="audio", on_crash="discard")
        try:
            info, writer_digest = _store_and_check(vault, writer, source, name, size, progress,
                                                   cancel)
            asset_id = str(uuid.uuid4())

            def register(conn: Connection) -> None:
                conn.execute(
                    "INSERT INTO audio_asset(id, interview_id, blob_id, source, original_name,"
                    " container, codec, sample_rate, channels, duration_s, sha256, state,"
                    " end_reason, created_at, created_by)"
                    " VALUES (?, ?, ?, 'import', ?, ?, ?, ?, ?, ?, ?, 'complete', NULL, ?, ?)",
                    (asset_id, interview_id, writer.id, name, info.container, info.codec,
                     info.sample_rate, info.channels, info.duration_s,
                     writer_digest, _iso(now), role))
                audit.append(conn, action="import", object_type="audio_asset",
                             object_id=asset_id, role=role, now=now,
                             details={"interview_id": interview_id, "sha256": writer_digest,
                                      "size": writer.size, "codec": info.codec,
                                      "duration_s": round(info.duration_s, 3)})

            writer.finish(then=register)
        except BaseException as exc:
            _discard(writer)
            if isinstance(exc, DiskFull) or (isinstance(exc, sqlcipher3.OperationalError)
                                             and blobs.is_disk_full(exc)):
                raise DiskFull("audio.disk_full_import_stopped") from exc
            raise
    publish(vault, Change(Kind.AUDIO_IMPORTED, interview_id))
    progress(1.0, "imported")
    return get_asset(vault, interview_id, asset_id)


def _store_and_check(vault: Vault, writer: blobs.BlobWriter, source: Any, name: str, size: int,
                     progress: ProgressFn, cancel: CancelToken | None) -> tuple[AudioInfo, str]:
    """Stream the file into the blob, then decode the stored copy (never a temporary file).

    Returns the audio's description and the SHA-256 of the stored bytes.
    """
    digest = hashlib.sha256()
    copied = 0
    while chunk := source.read(READ_SIZE):
        if cancel is not None:
            cancel.raise_if_cancelled("audio.import_cancelled")
        writer.write(chunk)
        digest.update(chunk)
        copied += len(chunk)
        progress(0.5 * copied / size, "storing")
    writer.commit()
    reader = io.BufferedReader(vault.blob_reader(writer.id), buffer_size=256 * 1024)

    def half(fraction: float, label: str) -> None:
        progress(0.5 + 0.5 * fraction, label)

    info = probe(reader, name=name, size=copied, progress=half, cancel=cancel)
    return info, digest.hexdigest()


def _discard(writer: blobs.BlobWriter) -> None:
    try:
        writer.abort()
    except Exception:  # noqa: BLE001 - e.g. disk full: the next unlock discards it instead
        writer.release()


# ---------------------------------------------------------------------------- export
def export_asset(vault: Vault, interview: str, asset: str, dest: Path, *, role: str,
                 force: bool = False, now: dt.datetime | None = None) -> AudioAsset:
    """Write an asset's original bytes to ``dest``, checking them against the recorded SHA-256.

    The bytes go to a hidden partial file beside ``dest`` that is renamed into place only when
    the hash matches; an existing ``dest`` is replaced only with ``force``.
    """
    item = get_asset(vault, interview, asset)
    if item.state == "recording":
        raise UsageError("audio.recording_still_progress_stop")
    dest = Path(dest)
    if dest.is_dir():
        raise UsageError("audio.folder_give_file_name", dest=dest)
    if dest.exists() and not force:
        raise UsageError("audio.export_target_exists", dest=dest)
    if not dest.parent.is_dir():
        raise UsageError("audio.folder_exist_create_first", parent=dest.parent)
    partial = dest.parent / f".{dest.name}.{uuid.uuid4().hex[:8]}.partial"
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as out:
            _size, digest = blobs.copy_to(vault.conn, item.blob_id, out)
            out.flush()
            os.fsync(out.fileno())
        if digest != item.sha256:
            raise IntegrityFailure(
                "audio.stored_audio_match_sha")
        if not force and dest.exists():
            raise UsageError("audio.export_target_exists", dest=dest)
        os.replace(partial, dest)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    with vault.transaction():
        vault.audit("export", "audio_asset", item.id, role=role, now=now,
                    details={"interview_id": item.interview_id, "sha256": item.sha256,
                             "size": item.size})
    return item
