"""The recording session without Qt: synthetic PCM in, a sealed, playable WAV in the vault.

Tests that check stored bytes against a WAV ask for ``container="wav"`` (what float samples
always get); the FLAC path has its own tests in test_audio_flac_recording.py.
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import av
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import interviews
from app.audio import assets as audio
from app.audio import markers
from app.audio.pcm import WAV_HEADER_SIZE, PcmFormat, level, wav_header
from app.audio.recording import RecordingSession
from app.errors import UsageError
from storage import blobs
from storage.audit import verify as verify_audit
from storage.errors import DiskFull
from storage.vault import Vault
from tests.audio_helpers import FakeClock, feed, record_in_pieces
from tests.common import PASSPHRASE


def tone(seconds: float, rate: int, channels: int, fmt: str = "s16", freq: float = 440.0) -> bytes:
    t = np.arange(int(seconds * rate)) / rate
    mono = 0.5 * np.sin(2 * np.pi * freq * t)
    frames = np.repeat(mono[:, None], channels, axis=1)
    if fmt == "s16":
        return (frames * 32767).astype("<i2").tobytes()
    if fmt == "s32":
        return (frames * 2147483647).astype("<i4").tobytes()
    return frames.astype("<f4").tobytes()


def decode(vault: Vault, blob_id: str) -> tuple[np.ndarray, int, int]:
    with av.open(io.BufferedReader(vault.blob_reader(blob_id))) as c:
        stream = c.streams.audio[0]
        frames = [f.to_ndarray() for f in c.decode(stream)]
        return np.concatenate(frames, axis=1), stream.codec_context.sample_rate, \
            stream.codec_context.layout.nb_channels


@pytest.fixture
def interview(vault: Vault) -> str:
    return interviews.add_interview(vault, code="NK-2026-175", role="interviewer")


def test_wav_header_says_unknown_length_and_is_readable() -> None:
    fmt = PcmFormat(48000, 2, "f32")
    header = wav_header(fmt)
    assert len(header) == WAV_HEADER_SIZE
    assert header[4:8] == b"\xff\xff\xff\xff" and header[40:44] == b"\xff\xff\xff\xff"
    data = header + tone(0.5, 48000, 2, "f32")
    with av.open(io.BytesIO(data)) as c:
        n = sum(f.samples for f in c.decode(audio=0))
    assert n == 24000


@pytest.mark.parametrize("sample_format,channels,rate",
                         [("s16", 1, 16000), ("s32", 2, 96000), ("f32", 2, 44100)])
def test_recording_is_sealed_playable_and_matches_input(vault: Vault, interview: str,
                                                        sample_format: str, channels: int,
                                                        rate: int) -> None:
    clock = FakeClock()
    fmt = PcmFormat(rate, channels, sample_format)  # type: ignore[arg-type]
    session = RecordingSession(vault, "NK-2026-175", fmt, role="interviewer", clock=clock,
                               container="wav")
    pcm = tone(2.0, rate, channels, sample_format)
    feed(session, pcm, clock, block=1001)  # odd block size: frames split across writes
    assert session.elapsed_s == pytest.approx(2.0)
    result = session.stop()
    assert result.state == "complete" and result.end_reason == "stopped"
    assert result.duration_s == pytest.approx(2.0)
    (asset,) = audio.list_assets(vault, interview)
    assert asset.state == "complete" and asset.source == "recording"
    assert asset.sample_rate == rate and asset.channels == channels
    stored = b"".join(blobs.iter_chunks(vault.conn, asset.blob_id))
    assert stored == wav_header(fmt) + pcm
    assert asset.sha256 == hashlib.sha256(stored).hexdigest() == result.sha256
    samples, got_rate, got_channels = decode(vault, asset.blob_id)
    assert (got_rate, got_channels) == (rate, channels)
    assert samples.shape[-1] in (int(2.0 * rate), int(2.0 * rate) * channels)
    # A reader that trusts the header gets back exactly the samples that went in.
    dtype = {"s16": "<i2", "s32": "<i4", "f32": "<f4"}[sample_format]
    assert samples.dtype == np.dtype(dtype).newbyteorder("=")
    assert samples.reshape(-1).tobytes() == np.frombuffer(pcm, dtype).astype(
        samples.dtype).tobytes()
    assert verify_audit(vault.conn) >= 3  # the chain stays intact (verify raises if not)
    actions = [r[0] for r in vault.conn.execute(
        "SELECT action FROM audit_log WHERE object_id = ? ORDER BY seq", (asset.id,))]
    assert actions == ["record-start", "record"]


def test_commits_at_least_twice_a_second_of_wall_time(vault: Vault, interview: str) -> None:
    clock = FakeClock()
    fmt = PcmFormat(16000, 1, "s16")
    session = RecordingSession(vault, interview, fmt, role="interviewer", clock=clock,
                               container="wav")
    pcm = tone(3.0, 16000, 1)
    committed_lag = []
    for i in range(0, len(pcm), 640):  # 20 ms blocks delivered in real time
        session.write(pcm[i:i + 640])
        clock.t += 0.02
        committed_lag.append(session.elapsed_s - session.committed_s)
    assert max(committed_lag) <= 0.52  # never more than the commit interval uncommitted
    # What is committed is really in the database (read on another connection).
    other = vault.new_connection()
    try:
        size = other.execute("SELECT SUM(length(data)) FROM blob_chunk").fetchone()[0]
    finally:
        other.close()
    assert size - WAV_HEADER_SIZE >= (3.0 - 0.52) * 32000
    # tick() commits even when no sound arrives.
    before = session.committed_s
    clock.t += 0.6
    session.tick()
    assert session.committed_s == pytest.approx(session.elapsed_s) and session.committed_s >= before
    session.stop()


def test_pause_resume_markers_level_and_limit(vault: Vault, interview: str) -> None:
    clock = FakeClock()
    fmt = PcmFormat(16000, 1, "s16")
    session = RecordingSession(vault, interview, fmt, role="interviewer", clock=clock,
                               limit_s=2.5)
    feed(session, tone(1.0, 16000, 1), clock)
    assert session.level[1] == pytest.approx(0.5, abs=0.01)
    assert session.level[0] == pytest.approx(0.5 / np.sqrt(2), abs=0.01)
    session.pause()
    assert session.state == "paused"
    feed(session, tone(1.0, 16000, 1, freq=1000), clock)  # dropped, but still metered
    assert session.elapsed_s == pytest.approx(1.0)
    assert session.level[1] > 0.4
    session.resume()
    marker = session.add_marker("  witness shows scar  ")
    with pytest.raises(UsageError):
        session.add_marker("x" * 501)
    feed(session, tone(3.0, 16000, 1), clock)
    assert session.limit_reached and session.elapsed_s == pytest.approx(2.5)
    session.stop()
    (m,) = markers.list_markers(vault, interview)
    assert m.id == marker and m.at_s == pytest.approx(1.0) and m.note == "witness shows scar"
    (asset,) = audio.list_assets(vault, interview)
    assert asset.duration_s == pytest.approx(2.5) and m.asset_id == asset.id
    actions = [r[0] for r in vault.conn.execute(
        "SELECT action FROM audit_log WHERE object_id = ? ORDER BY seq", (asset.id,))]
    assert actions == ["record-start", "record-pause", "record-resume", "record"]
    with pytest.raises(UsageError):
        session.add_marker("too late")


def test_level_of_silence_and_full_scale() -> None:
    fmt = PcmFormat(16000, 1, "f32")
    assert level(np.zeros(100, "<f4").tobytes(), fmt) == (0.0, 0.0)
    assert level(np.ones(100, "<f4").tobytes(), fmt) == (1.0, 1.0)


def test_asset_row_exists_from_the_first_commit(vault: Vault, interview: str) -> None:
    session = RecordingSession(vault, interview, PcmFormat(16000, 1), role="interviewer")
    other = vault.new_connection()
    try:
        row = other.execute("SELECT state FROM audio_asset").fetchone()
    finally:
        other.close()
    assert row == ("recording",)
    session.stop()


def test_crash_leaves_playable_interrupted_recording(tmp_path: Path, vault: Vault,
                                                     interview: str) -> None:
    """A writer that dies (lock released, nothing sealed) is settled at the next open."""
    clock = FakeClock()
    fmt = PcmFormat(16000, 1, "s16")
    session = RecordingSession(vault, interview, fmt, role="interviewer", clock=clock)
    feed(session, tone(2.0, 16000, 1), clock)
    committed = session.committed_s
    session.write(tone(0.3, 16000, 1))  # not yet committed: lost in the "crash"
    session._writer.release()  # what a kill leaves: the lock is free, nothing sealed
    session.conn.close()
    vault.lock()
    reopened = Vault.open(vault.path, PASSPHRASE, allow_weak_kdf=True)
    try:
        (asset,) = audio.list_assets(reopened, interview)
        assert asset.state == "interrupted" and asset.end_reason == "crash"
        assert asset.duration_s == pytest.approx(committed)
        assert asset.duration_s >= 2.0 - 0.5
        samples, rate, _ = decode(reopened, asset.blob_id)
        assert samples.shape[-1] == round(committed * 16000) and rate == 16000
        # The transcription area's decoder (playback, engine) reads it too, seeking by time.
        from transcription.decode import iter_blocks

        blocks = list(iter_blocks(reopened.blob_reader(asset.blob_id), rate=16000))
        assert sum(len(b) for b in blocks) == round(committed * 16000)
        tail = list(iter_blocks(reopened.blob_reader(asset.blob_id), rate=16000, start_s=1.0))
        assert sum(len(b) for b in tail) == round((committed - 1.0) * 16000)
        out = tmp_path / "out.wav"
        audio.export_asset(reopened, interview, asset.id, out, role="supervisor")
        assert hashlib.sha256(out.read_bytes()).hexdigest() == asset.sha256
    finally:
        reopened.lock()


def test_disk_full_stops_cleanly_and_keeps_what_was_committed(
        vault: Vault, interview: str, monkeypatch: pytest.MonkeyPatch) -> None:
    clock = FakeClock()
    fmt = PcmFormat(16000, 1, "s16")
    session = RecordingSession(vault, interview, fmt, role="interviewer", clock=clock)
    feed(session, tone(1.5, 16000, 1), clock)
    committed = session.committed_s
    assert committed > 1.0

    def full(self: blobs.BlobWriter) -> None:
        raise DiskFull("blob.disk_full_writing_stopped")

    monkeypatch.setattr(blobs.BlobWriter, "commit", full)
    with pytest.raises(DiskFull) as err:
        feed(session, tone(1.0, 16000, 1), clock)
    assert "disk is full" in str(err.value) and str(err.value).count(".") == 1
    assert session.state == "stopped" and session.error == str(err.value)
    session.write(b"\0" * 100)  # ignored once stopped, never raises again
    monkeypatch.undo()
    (asset,) = audio.list_assets(vault, interview)
    assert asset.state == "interrupted" and asset.end_reason == "disk-full"
    assert asset.duration_s == pytest.approx(committed)
    stored = b"".join(blobs.iter_chunks(vault.conn, asset.blob_id))
    assert hashlib.sha256(stored).hexdigest() == asset.sha256


def test_unknown_interview_is_refused_and_nothing_is_stored(vault: Vault) -> None:
    from app.errors import NotFound

    with pytest.raises(NotFound):
        RecordingSession(vault, "nope", PcmFormat(16000, 1), role="interviewer")
    assert vault.conn.execute("SELECT COUNT(*) FROM blob").fetchone() == (0,)


def test_formats_below_archival_quality_are_refused() -> None:
    with pytest.raises(ValueError):
        PcmFormat(8000, 1)
    with pytest.raises(ValueError):
        PcmFormat(16000, 1, "u8")  # type: ignore[arg-type]


def test_a_session_that_cannot_start_leaves_no_orphan_blob(
        vault: Vault, interview: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import app.audio.recording

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("audit unavailable")

    monkeypatch.setattr(app.audio.recording.audit, "append", broken)
    with pytest.raises(RuntimeError):
        RecordingSession(vault, interview, PcmFormat(16000, 1), role="interviewer")
    assert vault.conn.execute("SELECT COUNT(*) FROM blob").fetchone() == (0,)
    assert vault.conn.execute("SELECT COUNT(*) FROM audio_asset").fetchone() == (0,)
    assert list(vault.lock_folder.glob("*.lock")) == []


def test_a_burst_after_a_stall_is_committed_at_once(vault: Vault, interview: str) -> None:
    """Audio time bounds what is uncommitted, even when the wall clock has not moved."""
    clock = FakeClock()
    session = RecordingSession(vault, interview, PcmFormat(16000, 1), role="interviewer",
                               clock=clock, container="wav")
    session.write(tone(3.0, 16000, 1))  # three seconds arrive in one go
    assert session.committed_s == pytest.approx(3.0)
    for _ in range(40):  # then 20 ms blocks with the clock frozen
        session.write(tone(0.02, 16000, 1))
        assert session.elapsed_s - session.committed_s <= 0.5 + 1e-9
    session.stop()


def test_time_stamps_come_from_the_injected_clock(vault: Vault, interview: str) -> None:
    import datetime as dt

    fixed = dt.datetime(2026, 3, 2, 1, 0, tzinfo=dt.UTC)
    session = RecordingSession(vault, interview, PcmFormat(16000, 1), role="interviewer",
                               now=lambda: fixed)
    session.add_marker("x")
    session.stop()
    (asset,) = audio.list_assets(vault, interview)
    assert asset.created_at == fixed.isoformat()
    stamps = {r[0] for r in vault.conn.execute(
        "SELECT at FROM audit_log WHERE object_id = ? OR action = 'create' AND object_type = "
        "'marker'", (asset.id,))}
    assert stamps == {fixed.isoformat()}


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sizes=st.lists(st.integers(min_value=0, max_value=70_000), min_size=1, max_size=12),
       sample_format=st.sampled_from(["s16", "s32", "f32"]),
       channels=st.integers(min_value=1, max_value=3))
def test_any_block_sizes_store_exactly_the_whole_frames(vault: Vault, interview: str,
                                                        sizes: list[int], sample_format: str,
                                                        channels: int) -> None:
    """Blocks split anywhere (mid-frame, across 256 KiB chunks) store the input byte for byte."""
    fmt = PcmFormat(16000, channels, sample_format)  # type: ignore[arg-type]
    result, whole, stored = record_in_pieces(vault, interview, fmt, sizes, container="wav")
    assert stored == wav_header(fmt) + whole
    assert result.duration_s == pytest.approx(len(whole) / fmt.bytes_per_frame / 16000)
    assert result.sha256 == hashlib.sha256(stored).hexdigest()
