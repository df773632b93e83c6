"""Recordings stored as FLAC: lossless, hashed as committed, decodable wherever a crash cuts them.

Real parts: the real recording session and SQLCipher vault, FFmpeg's FLAC encoder and decoder
(PyAV), a real SIGKILL of a recording process, and the real tiny.en model for transcription.
PCM comes in through the capture seam (``RecordingSession.write``), as the Qt adapter delivers
it; the real virtual microphones are in test_audio_flac_device.py and test_audio_float_mic.py.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import signal
import time
from pathlib import Path

import jiwer
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import interviews
from app.audio import assets as audio
from app.audio import flac
from app.audio.pcm import PcmFormat
from app.audio.playback import decode_for_playback
from app.audio.recording import RecordingSession
from app.transcripts import store as transcripts
from app.transcripts import transcribe
from app.unlock import unlock
from storage import blobs
from storage.audit import verify as verify_audit
from storage.vault import Vault
from tests.audio_helpers import FakeClock, decoded_pcm, feed, record_in_pieces, speechlike
from tests.common import PASSPHRASE
from tests.transcribe_helpers import EN_FIXTURES, cached_engine, fixture_pcm
from transcription.decode import iter_blocks

_DTYPE = {"s16": "<i2", "s32": "<i4"}


def words(text: str) -> list[str]:
    return re.findall(r"[a-z]+", text.lower())


def stored(conn: object, blob_id: str) -> bytes:
    return b"".join(blobs.iter_chunks(conn, blob_id))  # type: ignore[arg-type]


@pytest.fixture
def interview(vault: Vault) -> str:
    return interviews.add_interview(vault, code="NK-2026-962", role="interviewer")


@pytest.mark.parametrize("sample_format,channels,rate",
                         [("s16", 1, 16000), ("s16", 2, 48000), ("s32", 2, 44100)])
def test_recording_is_flac_and_decodes_to_exactly_the_captured_pcm(
        vault: Vault, interview: str, sample_format: str, channels: int, rate: int) -> None:
    clock = FakeClock()
    fmt = PcmFormat(rate, channels, sample_format)  # type: ignore[arg-type]
    session = RecordingSession(vault, interview, fmt, role="interviewer", clock=clock)
    assert session.container == "flac"
    pcm = speechlike(2.3, fmt)
    feed(session, pcm, clock, block=1001)  # odd sizes: frames split across writes
    result = session.stop()
    assert result.state == "complete" and result.duration_s == pytest.approx(2.3)
    (asset,) = audio.list_assets(vault, interview)
    assert (asset.container, asset.codec) == ("flac", "flac")
    assert (asset.sample_rate, asset.channels) == (rate, channels)
    data = stored(vault.conn, asset.blob_id)
    # Streaming header, never rewritten: total samples unknown (0), MD5 not computed (zeros).
    assert data[:4] == b"fLaC" and data[4] == 0x80 and data[5:8] == b"\0\0\x22"
    streaminfo = data[8:42]
    assert int.from_bytes(streaminfo[13:18], "big") & 0xFFFFFFFFF == 0
    assert streaminfo[18:34] == bytes(16)
    # Lossless: the decoder gives back every captured sample, bit for bit.
    samples, got_rate, got_channels, decoded_format = decoded_pcm(data)
    assert (got_rate, got_channels) == (rate, channels)
    assert decoded_format == sample_format
    assert samples == pcm
    # Hashed as before: the stored bytes are the original.
    digest = hashlib.sha256(data).hexdigest()
    assert asset.sha256 == result.sha256 == digest
    (details,) = [r[0] for r in vault.conn.execute(
        "SELECT details FROM audit_log WHERE action = 'record' AND object_id = ?", (asset.id,))]
    record = json.loads(details)
    assert (record["sha256"], record["size"]) == (digest, len(data))
    assert verify_audit(vault.conn) >= 2


def test_flac_is_smaller_than_the_pcm_it_holds(vault: Vault, interview: str) -> None:
    clock = FakeClock()
    fmt = PcmFormat(16000, 1, "s16")
    session = RecordingSession(vault, interview, fmt, role="interviewer", clock=clock)
    speech = fixture_pcm("en_brother.flac")
    pcm = (speech * 32767).astype("<i2").tobytes()
    feed(session, pcm, clock)
    result = session.stop()
    size = vault.conn.execute("SELECT b.size FROM audio_asset a JOIN blob b ON b.id = a.blob_id"
                              " WHERE a.id = ?", (result.asset_id,)).fetchone()[0]
    assert size < 0.8 * len(pcm)


def test_float_samples_stay_wav_and_flac_cannot_be_forced_on_them(vault: Vault,
                                                                   interview: str) -> None:
    session = RecordingSession(vault, interview, PcmFormat(16000, 1, "f32"), role="interviewer")
    assert session.container == "wav"
    session.stop()
    (asset,) = audio.list_assets(vault, interview)
    assert asset.container == "wav" and asset.codec == "pcm_f32le"
    with pytest.raises(ValueError):
        RecordingSession(vault, interview, PcmFormat(16000, 1, "f32"), role="interviewer",
                         container="flac")
    assert len(audio.list_assets(vault, interview)) == 1


def test_every_commit_leaves_a_decodable_prefix_of_the_capture(vault: Vault,
                                                                interview: str) -> None:
    """What another connection sees after each commit (what a crash there would leave) is a
    valid FLAC stream holding exactly the committed audio, and never less than all but the
    last half second plus one block."""
    clock = FakeClock()
    fmt = PcmFormat(48000, 2, "s16")
    session = RecordingSession(vault, interview, fmt, role="interviewer", clock=clock)
    pcm = speechlike(3.0, fmt, seed=3)
    other = vault.new_connection()
    seen: set[float] = set()
    try:
        for i in range(0, len(pcm), 3840):  # 20 ms blocks delivered in real time
            session.write(pcm[i:i + 3840])
            clock.t += 0.02
            lag = session.elapsed_s - session.committed_s
            assert lag <= 0.5 + 1e-9
            if session.committed_s in seen:
                continue
            seen.add(session.committed_s)
            data = stored(other, session._writer.id)
            samples, *_ = decoded_pcm(data)
            assert samples == pcm[:len(samples)]
            assert len(samples) == round(session.committed_s * fmt.sample_rate) * 4
        assert len(seen) >= 6  # committed at least twice a second
    finally:
        other.close()
    session.stop()


def test_a_burst_after_a_stall_leaves_at_most_half_a_second_uncommitted(
        vault: Vault, interview: str) -> None:
    clock = FakeClock()
    fmt = PcmFormat(16000, 1, "s16")
    session = RecordingSession(vault, interview, fmt, role="interviewer", clock=clock)
    session.write(speechlike(3.0, fmt))  # three seconds arrive in one go
    block_s = 1152 / 16000  # FFmpeg's FLAC block at 16 kHz
    assert 3.0 - block_s <= session.committed_s <= 3.0
    for _ in range(40):  # then 20 ms blocks with the clock frozen
        session.write(speechlike(0.02, fmt))
        assert session.elapsed_s - session.committed_s <= 0.5 + 1e-9
    assert session.stop().duration_s == pytest.approx(3.8)


def test_pause_keeps_the_stream_continuous(vault: Vault, interview: str) -> None:
    clock = FakeClock()
    fmt = PcmFormat(16000, 1, "s16")
    session = RecordingSession(vault, interview, fmt, role="interviewer", clock=clock)
    first, dropped, second = (speechlike(1.03, fmt, 1), speechlike(0.5, fmt, 2),
                              speechlike(0.77, fmt, 4))
    feed(session, first, clock)
    session.pause()
    feed(session, dropped, clock)
    session.resume()
    feed(session, second, clock)
    result = session.stop()
    assert result.duration_s == pytest.approx(1.8)
    (asset,) = audio.list_assets(vault, interview)
    samples, *_ = decoded_pcm(stored(vault.conn, asset.blob_id))
    assert samples == first + second


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sizes=st.lists(st.integers(min_value=0, max_value=40_000), min_size=1, max_size=10),
       channels=st.integers(min_value=1, max_value=3))
def test_any_block_sizes_decode_to_exactly_the_whole_frames(vault: Vault, interview: str,
                                                            sizes: list[int],
                                                            channels: int) -> None:
    fmt = PcmFormat(16000, channels, "s16")
    result, whole, raw = record_in_pieces(vault, interview, fmt, sizes)
    samples = decoded_pcm(raw)[0] if whole else b""
    assert samples == whole
    assert flac.count_frames(io.BytesIO(raw)) == len(whole) // fmt.bytes_per_frame
    assert result.duration_s == pytest.approx(len(whole) / fmt.bytes_per_frame / 16000)
    assert result.sha256 == hashlib.sha256(raw).hexdigest()


def test_crash_leaves_an_interrupted_flac_that_plays_transcribes_and_exports(
        tmp_path: Path, vault: Vault, interview: str) -> None:
    """A writer that dies is settled at the next open with the duration of what it holds."""
    clock = FakeClock()
    fmt = PcmFormat(48000, 2, "s16")
    session = RecordingSession(vault, interview, fmt, role="interviewer", clock=clock)
    pcm = speechlike(2.5, fmt, seed=5)
    feed(session, pcm, clock)
    committed = session.committed_s
    session.write(speechlike(0.3, fmt))  # not yet committed: lost in the "crash"
    session._writer.release()  # what a kill leaves: the lock is free, nothing sealed
    session.conn.close()
    vault.lock()
    reopened = unlock(vault.path, PASSPHRASE, state_dir=tmp_path / "state",
                      allow_weak_kdf=True).vault
    try:
        # Settled by the unlock itself, with the length of the whole frames stored.
        assert reopened.conn.execute(
            "SELECT state, end_reason, duration_s FROM audio_asset").fetchone() == (
            "interrupted", "crash", committed)
        (asset,) = audio.list_assets(reopened, interview)
        assert asset.state == "interrupted" and asset.end_reason == "crash"
        assert asset.duration_s == pytest.approx(committed) and committed >= 2.0
        data = stored(reopened.conn, asset.blob_id)
        assert asset.sha256 == hashlib.sha256(data).hexdigest()
        samples, *_ = decoded_pcm(data)
        assert samples == pcm[:round(committed * 48000) * 4]
        # The app's decoder (transcription, waveform) reads it, also from a point in time.
        with reopened.blob_reader(asset.blob_id) as src:
            full = np.concatenate(list(iter_blocks(src, rate=16000)))
        with reopened.blob_reader(asset.blob_id) as src:
            tail = np.concatenate(list(iter_blocks(src, rate=16000, start_s=1.0)))
        assert len(full) == round(committed * 16000)
        assert len(tail) == round((committed - 1.0) * 16000)
        assert np.allclose(tail[1000:-1000], full[17000:-1000], atol=1e-3)
        # The player decodes it at its own quality.
        heard = decode_for_playback(reopened, asset.id)
        assert (heard.sample_rate, heard.channels) == (48000, 2)
        assert heard.duration_s == pytest.approx(committed)
        # Exported byte for byte, checked against the recorded hash.
        out = tmp_path / "out.flac"
        audio.export_asset(reopened, interview, asset.id, out, role="supervisor")
        assert out.read_bytes() == data
    finally:
        reopened.lock()


def _record_until_killed(path: Path, interview: str, pcm: bytes, out: int) -> None:
    """The child: record ``pcm`` in real time, reporting the committed seconds after each
    write (written to the pipe only once they are committed)."""
    vault = Vault.open(path, PASSPHRASE, allow_weak_kdf=True)
    fmt = PcmFormat(48000, 2, "s16")
    session = RecordingSession(vault, interview, fmt, role="interviewer")
    step = 960 * fmt.bytes_per_frame  # 20 ms
    for i in range(0, len(pcm), step):
        session.write(pcm[i:i + step])
        os.write(out, f"{session.committed_s:.6f}\n".encode())
        time.sleep(0.02)
    while True:  # keep the session open until the kill
        time.sleep(1)


def test_sigkill_mid_recording_keeps_a_valid_flac_of_all_but_the_last_second(
        tmp_path: Path, vault: Vault, interview: str) -> None:
    fmt = PcmFormat(48000, 2, "s16")
    pcm = speechlike(20.0, fmt, seed=7)
    path = vault.path
    vault.lock()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child never returns into pytest
        try:
            os.close(read_end)
            _record_until_killed(path, interview, pcm, write_end)
        finally:
            os._exit(1)
    os.close(write_end)
    reported = 0.0
    buffer = b""
    try:
        deadline = time.monotonic() + 60
        while reported < 1.8 and time.monotonic() < deadline:
            buffer += os.read(read_end, 4096)
            lines = buffer.split(b"\n")
            buffer = lines[-1]
            if len(lines) > 1:
                reported = float(lines[-2])
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(read_end)
    assert reported >= 1.8
    reopened = Vault.open(path, PASSPHRASE, allow_weak_kdf=True)
    try:
        assert reopened.integrity_check() == []
        (asset,) = audio.list_assets(reopened, interview)
        assert asset.state == "interrupted" and asset.end_reason == "crash"
        # Everything reported committed is there; anything more is what was committed between
        # the report and the kill (at most about a second).
        assert reported <= asset.duration_s <= reported + 1.5
        data = stored(reopened.conn, asset.blob_id)
        assert asset.sha256 == hashlib.sha256(data).hexdigest()
        samples, *_ = decoded_pcm(data)
        assert samples == pcm[:round(asset.duration_s * 48000) * 4]
    finally:
        reopened.lock()


@pytest.mark.slow  # the real model
@pytest.mark.parametrize("container", ["flac", "wav"])
def test_recorded_speech_is_transcribed_from_flac_and_from_old_wav(
        vault: Vault, interview: str, container: str) -> None:
    """FLAC recordings, and WAV recordings made before FLAC, both reach the real engine."""
    name = "en_brother.flac"
    speech = fixture_pcm(name)
    fmt = PcmFormat(16000, 1, "s16")
    clock = FakeClock()
    session = RecordingSession(vault, interview, fmt, role="interviewer", clock=clock,
                               container=container)  # type: ignore[arg-type]
    feed(session, (speech * 32767).astype("<i2").tobytes(), clock)
    session.stop()
    (asset,) = audio.list_assets(vault, interview)
    assert asset.container == container
    transcribe.transcribe_interview(vault, interview, role="interviewer", model="tiny.en",
                                    language="en", engine_factory=cached_engine)
    heard = " ".join(s.text for s in transcripts.segments(vault, interview))
    assert jiwer.wer(" ".join(words(EN_FIXTURES[name])), " ".join(words(heard))) <= 0.3, heard


@pytest.mark.parametrize("fmt", [PcmFormat(16000, 1, "s16"), PcmFormat(48000, 2, "s16"),
                                 PcmFormat(44100, 2, "s32")], ids=str)
def test_frames_are_counted_at_any_cut_from_the_last_whole_frame(fmt: PcmFormat) -> None:
    """Settling reads the end of the stream only; at every cut (at, just before and inside
    frame boundaries) it counts exactly the whole frames, as a full demux does."""
    encoder = flac.FlacStreamEncoder(fmt)
    pcm = speechlike(1.0, fmt, seed=9)
    data = encoder.header()
    bounds = [(len(data), 0)]  # (bytes, frames) after each whole frame
    step = encoder.block_frames * fmt.bytes_per_frame
    for i in range(0, len(pcm), step):
        data += encoder.encode(pcm[i:i + step])
        if len(pcm) - i < step:  # a short remainder: held until the stream is finished
            data += encoder.finish()
        bounds.append((len(data), encoder.frames_out))
    assert bounds[-1][1] == round(fmt.sample_rate)
    for (end, frames), (next_end, _) in zip(bounds, bounds[1:]):
        for cut, expected in ((end, frames), (end + 1, frames), ((end + next_end) // 2, frames),
                              (next_end - 1, frames)):
            assert flac.count_frames(io.BytesIO(data[:cut])) == expected, cut
    assert flac.count_frames(io.BytesIO(data)) == bounds[-1][1]
    assert flac._count_by_demux(io.BytesIO(data[:bounds[3][0] + 5])) == bounds[3][1]
    assert flac.count_frames(io.BytesIO(b"")) == 0
    assert flac.count_frames(io.BytesIO(b"RIFF" + bytes(60))) == 0


@pytest.mark.parametrize("fmt", [PcmFormat(22050, 1, "s16"), PcmFormat(44100, 4, "s16"),
                                 PcmFormat(96000, 6, "s32"), PcmFormat(192000, 6, "s16"),
                                 PcmFormat(192000, 3, "s32")], ids=str)
def test_every_flac_format_round_trips_even_incompressible_noise(fmt: PcmFormat) -> None:
    encoder = flac.encoder_for(fmt)
    assert encoder is not None
    frames = encoder.block_frames * 2 + 5
    info = np.iinfo(_DTYPE[fmt.sample_format])
    pcm = np.random.default_rng(11).integers(info.min, info.max, frames * fmt.channels,
                                              dtype=_DTYPE[fmt.sample_format]).tobytes()
    data = encoder.header() + encoder.encode(pcm) + encoder.finish()
    assert decoded_pcm(data)[0] == pcm
    assert flac.count_frames(io.BytesIO(data)) == frames


@pytest.mark.parametrize("fmt", [PcmFormat(48000, 2, "f32"), PcmFormat(192000, 8, "s16"),
                                 PcmFormat(192000, 4, "s32"), PcmFormat(384000, 4, "s16")],
                         ids=str)
def test_formats_flac_cannot_hold_or_read_back_stay_wav(vault: Vault, interview: str,
                                                         fmt: PcmFormat) -> None:
    assert flac.encoder_for(fmt) is None
    session = RecordingSession(vault, interview, fmt, role="interviewer")
    assert session.container == "wav"
    session.stop()
    with pytest.raises(ValueError):
        RecordingSession(vault, interview, fmt, role="interviewer", container="flac")


def test_an_interrupted_flac_recording_travels_in_a_bundle_and_imports_as_a_file(
        tmp_path: Path) -> None:
    """Bundle export, verify and import carry the FLAC original unchanged; the supervisor
    plays it; and an exported copy is accepted by the import check (probe) as a file."""
    from app.bundles.importer import import_bundle, verify_bundle
    from tests.bundle_helpers import make_world, open_vault

    world = make_world(tmp_path)
    iid = interviews.add_interview(world.field, code="NK-2026-963", role="interviewer",
                                  consent_scopes=["archive"])
    clock = FakeClock()
    fmt = PcmFormat(16000, 1, "s16")
    session = RecordingSession(world.field, iid, fmt, role="interviewer", clock=clock)
    pcm = speechlike(2.0, fmt, seed=13)
    feed(session, pcm, clock)
    session._writer.release()  # cut off: settled as interrupted at the next unlock
    session.conn.close()
    world.field.lock()
    world.field = open_vault(world.field.path)
    (asset,) = audio.list_assets(world.field, iid)
    assert asset.state == "interrupted" and asset.container == "flac"
    original = stored(world.field.conn, asset.blob_id)

    result = world.export(iid)
    verify_bundle(result.path, world.identity, vault=world.sup)
    import_bundle(world.sup, result.path, world.identity, role="supervisor")
    (arrived,) = audio.list_assets(world.sup, iid)
    assert (arrived.container, arrived.codec, arrived.sha256) == ("flac", "flac", asset.sha256)
    assert stored(world.sup.conn, arrived.blob_id) == original
    heard = decode_for_playback(world.sup, arrived.id)
    assert heard.duration_s == pytest.approx(asset.duration_s)

    out = tmp_path / "copy.flac"
    audio.export_asset(world.sup, iid, arrived.id, out, role="supervisor")
    other = interviews.add_interview(world.sup, code="NK-2026-964", role="supervisor")
    imported = audio.import_audio(world.sup, other, out, role="supervisor")
    assert (imported.container, imported.codec) == ("flac", "flac")
    assert imported.sha256 == asset.sha256
    assert imported.duration_s == pytest.approx(asset.duration_s)
