"""The recording session: PCM in, encrypted and committed to the vault at least twice a second.

Testable without Qt: any producer (the Qt adapter in ``qtaudio/capture.py``, a test, the bench)
pushes raw interleaved PCM into ``RecordingSession.write``. The session

- stores integer PCM (16- or 32-bit) as a FLAC stream, encoded in memory as it arrives
  (``app.audio.flac``: lossless, about half the size of PCM for speech, decodable wherever it
  is cut off), and float PCM as a streaming WAV (``app.audio.pcm``); either way into a blob
  (``on_crash='keep'``) on its own database connection, so recording never waits for the
  GUI's connection. The bytes committed are the original: they are hashed as they are
  committed and never rewritten;
- commits whenever ``commit_interval`` (default 0.5 s) of wall-clock time has passed or that
  much audio is uncommitted, and on pause and stop, so a crash, kill or power cut loses at most
  about half a second (FLAC: plus the part of one block, about 0.1 s, not yet encoded);
- creates the ``audio_asset`` row (state ``recording``) before the first sample is committed,
  so a recording cut off by a crash is always found and marked ``interrupted`` at the next
  unlock (see ``app.audio.assets.settle_interrupted``);
- tracks elapsed (recorded) time and the input level, pauses and resumes, and stores markers;
- on a full disk stops cleanly, keeps everything committed, and raises one sentence.

Thread-safety: every public method takes the session's lock, so a GUI thread may add markers
or pause while an audio thread writes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import sqlcipher3

from app.audio import flac, markers
from app.audio.assets import settle_interrupted
from app.audio.pcm import DeviceSampleFormat, PcmFormat, device_codec, level, wav_header
from app.changes import Change, Kind, publish
from app.errors import NotFound, UsageError
from errors import Message
from storage import audit, blobs
from storage.db import Connection, transaction
from storage.errors import DiskFull
from storage.vault import Vault

SessionState = Literal["recording", "paused", "stopped"]
Container = Literal["flac", "wav"]
EndReason = Literal["stopped", "disk-full", "device-lost", "error"]

# Said by the recorder (qtaudio) when the device went away; the window translates it.
DEVICE_LOST = Message("recording.device_lost")


@dataclass(frozen=True)
class RecordingResult:
    """What a finished recording left in the vault."""

    asset_id: str
    duration_s: float
    sha256: str | None
    state: str
    end_reason: str


class RecordingSession:
    """One recording into one interview. Create, ``write`` PCM, then ``stop``."""

    def __init__(
        self,
        vault: Vault,
        interview: str,
        fmt: PcmFormat,
        *,
        role: str,
        conn: Connection | None = None,
        commit_interval: float = 0.5,
        clock: Callable[[], float] = time.monotonic,
        device: str | None = None,
        limit_s: float | None = None,
        now: Callable[[], dt.datetime] | None = None,
        container: Container | None = None,
        device_format: DeviceSampleFormat | None = None,
    ) -> None:
        """Start recording. ``conn`` defaults to a new connection owned by the session.

        ``container`` defaults to FLAC when ``fmt`` can be FLAC (integer samples; see
        ``flac.encoder_for``), else WAV; asking for FLAC when it cannot be raises ValueError.
        ``device_format`` is the sample format the device itself preferred (``fmt`` is the
        one it was asked for, ``app.audio.pcm.capture_sample_format``); both go into the
        ``record-start`` audit entry.

        With ``limit_s``, audio beyond that many seconds is not stored (``limit_reached``
        turns true), so a timed recording lasts exactly that long. ``now`` gives the wall-clock
        time stamped on rows and audit entries (tests make it deterministic).
        """
        if commit_interval > 1.0:
            raise ValueError("commit_interval must be at most one second")
        self._encoder = None if container == "wav" else flac.encoder_for(fmt)
        if container == "flac" and self._encoder is None:
            raise ValueError(f"recordings in {fmt} cannot be stored as FLAC")
        self.container: Container = "flac" if self._encoder is not None else "wav"
        self.vault = vault
        self.fmt = fmt
        self.role = role
        self._own_conn = conn is None
        self.conn: Connection = conn if conn is not None else vault.new_connection()
        try:
            # On the session's own connection: the session may live in an audio thread.
            row = self.conn.execute("SELECT id FROM interview WHERE id = ? OR code = ?",
                                    (interview, interview)).fetchone()
        except BaseException:
            self._close_conn()
            raise
        if row is None:
            self._close_conn()
            raise NotFound("recording.interview_vault_see_testimony", interview=interview)
        self.interview_id: str = row[0]
        self._clock = clock
        self._now = now or (lambda: dt.datetime.now(dt.UTC))
        self._commit_interval = commit_interval
        self._lock = threading.RLock()
        self._remainder = b""
        self._last_commit = clock()
        self._frames = 0
        self._limit_frames = None if limit_s is None else max(0, round(limit_s * fmt.sample_rate))
        self._committed_bytes = 0
        self._stored_frames = 0  # frames whose bytes went to the blob writer
        self._committed_frames = 0  # ... and of those, the ones committed
        self._pending_hash_bytes: list[bytes] = []
        self._committed_hash = hashlib.sha256()
        self.state: SessionState = "recording"
        self.level: tuple[float, float] = (0.0, 0.0)
        self.error: str | None = None
        self.result: RecordingResult | None = None
        try:
            self._writer = vault.blob_writer(kind="audio", on_crash="keep", conn=self.conn)
        except BaseException:
            self._close_conn()
            raise
        self.asset_id = str(uuid.uuid4())
        try:
            with transaction(self.conn):
                self.conn.execute(
                    "INSERT INTO audio_asset(id, interview_id, blob_id, source, container, codec,"
                    " sample_rate, channels, duration_s, state, created_at, created_by)"
                    " VALUES (?, ?, ?, 'recording', ?, ?, ?, ?, 0, 'recording', ?, ?)",
                    (self.asset_id, self.interview_id, self._writer.id, self.container,
                     flac.CODEC if self._encoder else fmt.codec,
                     fmt.sample_rate, fmt.channels, self._now().isoformat(), role))
                audit.append(self.conn, now=self._now(), action="record-start",
                             object_type="audio_asset",
                             object_id=self.asset_id, role=role,
                             details={"interview_id": self.interview_id,
                                      "sample_rate": fmt.sample_rate, "channels": fmt.channels,
                                      "codec": fmt.codec, "container": self.container,
                                      "device": device,
                                      "device_format": None if device_format is None
                                      else device_codec(device_format)})
            self._append(self._encoder.header() if self._encoder else wav_header(fmt))
            self._commit()
            publish(vault, Change(Kind.RECORDING_PROGRESS, self.interview_id))
        except DiskFull:
            raise  # already stopped and settled by _fail_disk_full
        except BaseException:
            # Nothing was recorded yet: leave no orphan blob (the next unlock would keep it).
            try:
                self._writer.abort()
            except Exception:  # noqa: BLE001 - then recovery at the next unlock settles it
                self._writer.release()
            self._close_conn()
            raise

    # ------------------------------------------------------------------ properties
    @property
    def elapsed_s(self) -> float:
        """Seconds of audio recorded so far (pauses excluded)."""
        return self._frames / self.fmt.sample_rate

    @property
    def limit_reached(self) -> bool:
        return self._limit_frames is not None and self._frames >= self._limit_frames

    @property
    def committed_s(self) -> float:
        """Seconds of audio already durable in the vault."""
        return self._committed_frames / self.fmt.sample_rate

    # ------------------------------------------------------------------ producer side
    def write(self, data: bytes | bytearray | memoryview) -> None:
        """Push PCM. Dropped (but metered) while paused; ignored once stopped.

        Raises ``DiskFull`` (after stopping and keeping everything committed) when the disk
        is full.
        """
        with self._lock:
            if self.state == "stopped":
                return
            data = self._remainder + bytes(data)
            whole = len(data) - len(data) % self.fmt.bytes_per_frame
            block, self._remainder = data[:whole], data[whole:]
            if block:
                self.level = level(block, self.fmt)
            if self._limit_frames is not None:
                room = max(0, self._limit_frames - self._frames) * self.fmt.bytes_per_frame
                block = block[:room]
            if self.state == "recording" and block:
                self._store(block)
                self._frames += len(block) // self.fmt.bytes_per_frame
            self._tick_locked()

    def _store(self, block: bytes) -> None:
        """Hand whole PCM frames to the blob writer, encoded if the recording is FLAC."""
        if self._encoder is None:
            self._append(block)
            self._stored_frames += len(block) // self.fmt.bytes_per_frame
            return
        encoded = self._encoder.encode(block)
        if encoded:
            self._append(encoded)
        self._stored_frames = self._encoder.frames_out

    def tick(self) -> None:
        """Commit if the commit interval has passed; call periodically even without data."""
        with self._lock:
            if self.state != "stopped":
                self._tick_locked()

    def _tick_locked(self) -> None:
        # By wall-clock time, and by audio time too: a device that delivers a burst after a
        # stall (a starved process, a loaded machine) must not leave more than the interval's
        # worth of audio uncommitted.
        # Audio time counts every frame received, so a FLAC block still being filled is part
        # of what must be committed soon (it is, as soon as the block is whole).
        if (self._clock() - self._last_commit >= self._commit_interval
                or (self._stored_frames > self._committed_frames
                    and self._frames - self._committed_frames
                    >= self._commit_interval * self.fmt.sample_rate)):
            self._commit()

    def _append(self, block: bytes) -> None:
        try:
            self._writer.write(block)
        except DiskFull:
            self._fail_disk_full()
        self._pending_hash_bytes.append(block)

    def _commit(self) -> None:
        try:
            self._writer.commit()
        except DiskFull:
            self._fail_disk_full()
        for block in self._pending_hash_bytes:
            self._committed_hash.update(block)
            self._committed_bytes += len(block)
        self._pending_hash_bytes.clear()
        self._committed_frames = self._stored_frames
        self._last_commit = self._clock()

    def _fail_disk_full(self) -> None:
        """Stop on a full disk: keep every committed byte and seal what can be sealed."""
        self.state = "stopped"
        error = DiskFull("recording.disk_full")
        self.error = str(error)
        self._writer.release()
        duration = self.committed_s
        # The same path as after a crash: settle the blob from what is really stored. If even
        # that cannot be written, the next unlock settles it; the committed audio is safe.
        with contextlib.suppress(Exception):
            blobs.recover_interrupted(self.conn, self.vault.lock_folder)
            settle_interrupted(self.conn, end_reason="disk-full")
        self.result = RecordingResult(self.asset_id, duration, None, "interrupted", "disk-full")
        self._close_conn()
        raise error

    # ------------------------------------------------------------------ controls
    def pause(self) -> None:
        """Stop storing sound (the meter keeps working) and commit what was recorded."""
        with self._lock:
            if self.state != "recording":
                return
            self._commit()
            self.state = "paused"
            self._audit("record-pause", {"at_s": round(self.elapsed_s, 3)})

    def resume(self) -> None:
        with self._lock:
            if self.state != "paused":
                return
            self.state = "recording"
            self._audit("record-resume", {"at_s": round(self.elapsed_s, 3)})

    def add_marker(self, note: str = "", *, at_s: float | None = None) -> str:
        """Flag the current moment (or ``at_s``) with a short note; returns the marker id."""
        note = markers.check_note(note)
        with self._lock:
            if self.state == "stopped":
                raise UsageError("recording.recording_ended_add_markers")
            at = self.elapsed_s if at_s is None else at_s
            marker_id = markers.insert(self.conn, interview_id=self.interview_id,
                                       asset_id=self.asset_id, at_s=at, note=note,
                                       role=self.role, now=self._now())
            publish(self.vault, Change(Kind.MARKER_ADDED, self.interview_id))
            return marker_id

    def _audit(self, action: str, details: dict[str, object]) -> None:
        with transaction(self.conn):
            audit.append(self.conn, now=self._now(), action=action,
                         object_type="audio_asset",
                         object_id=self.asset_id, role=self.role, details=details)

    def stop(self, reason: EndReason = "stopped") -> RecordingResult:
        """Commit, seal the recording (hash, duration, state) and close. Idempotent."""
        with self._lock:
            if self.result is not None:
                return self.result
            if self._encoder is not None:
                last = self._encoder.finish()  # the last, shorter block
                if last:
                    self._append(last)
                self._stored_frames = self._encoder.frames_out
            self._commit()
            self.state = "stopped"
            state = "complete" if reason == "stopped" else "interrupted"
            if reason == "device-lost":
                self.error = str(DEVICE_LOST)
            duration = self.elapsed_s

            def seal(conn: Connection) -> None:
                conn.execute(
                    "UPDATE audio_asset SET state = ?, end_reason = ?, duration_s = ?,"
                    " sha256 = (SELECT sha256 FROM blob WHERE id = audio_asset.blob_id)"
                    " WHERE id = ?", (state, reason, duration, self.asset_id))
                audit.append(conn, now=self._now(), action="record",
                             object_type="audio_asset",
                             object_id=self.asset_id, role=self.role,
                             details={"interview_id": self.interview_id,
                                      "sha256": self._committed_hash.hexdigest(),
                                      "size": self._committed_bytes,
                                      "duration_s": round(duration, 3), "end_reason": reason})

            try:
                _, _, digest = self._writer.finish(then=seal)
            except DiskFull:
                self._fail_disk_full()
            except sqlcipher3.OperationalError as exc:
                if not blobs.is_disk_full(exc):
                    raise
                self._fail_disk_full()
            self.result = RecordingResult(self.asset_id, duration, digest, state, reason)
            self._close_conn()
            publish(self.vault, Change(Kind.RECORDING_COMMITTED, self.interview_id))
            return self.result

    def _close_conn(self) -> None:
        if self._own_conn:
            with contextlib.suppress(Exception):  # closing must not hide the real outcome
                self.conn.close()
