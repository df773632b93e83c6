"""Checking that a file really is decodable audio before it is accepted as evidence.

The whole audio track is demuxed and decoded once (in memory, chunk by chunk, from the file
object it is handed: the vault's BlobReader during an import, never a temporary copy). A file
is refused when it cannot be opened, has no audio track, decodes to nothing, has many decoding
errors, or decodes to clearly less than the length its container declares (truncation).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import BinaryIO

from app.errors import AppError
from app.tasks import CancelToken, ProgressFn, no_progress
from errors import Message

# FFmpeg logs warnings about damaged input on stderr; they could only confuse CLI users, who
# get one sentence instead.
logging.getLogger("libav").setLevel(logging.ERROR)

#: decoded audio may fall short of the declared length by this many seconds (codec delay,
#: padding, rounded header durations) before the file counts as truncated ...
TRUNCATION_SLACK_S = 0.25
#: ... or by this fraction of the declared length, whichever is larger.
TRUNCATION_SLACK_FRACTION = 0.002
#: packets that fail to decode, as a fraction of all packets, before the file counts as corrupt.
MAX_BAD_PACKET_FRACTION = 0.01


_HEAD_BYTES = 64 * 1024
_MP3_LENGTH_TAGS = (b"Xing", b"Info", b"VBRI")


def _wav_is_cut_short(head: bytes, total: int) -> bool:
    """Whether a RIFF/WAVE file's data chunk declares more bytes than the file holds.

    FFmpeg quietly clamps such a length to the file size, so truncation is checked here.
    Streaming headers (size 0 or 0xFFFFFFFF, as in our own recordings) declare nothing.
    """
    if len(head) < 12 or head[:4] != b"RIFF" or head[8:12] != b"WAVE":
        return False
    offset = 12
    while offset + 8 <= len(head):
        chunk_id = head[offset:offset + 4]
        chunk_size = int.from_bytes(head[offset + 4:offset + 8], "little")
        if chunk_id == b"data":
            if chunk_size in (0, 0xFFFFFFFF):
                return False
            return offset + 8 + chunk_size > total
        offset += 8 + chunk_size + (chunk_size & 1)
    return False


class BadAudio(AppError):
    """A file offered as audio cannot be accepted; ``str()`` is one sentence for the user."""


@dataclass(frozen=True)
class AudioInfo:
    container: str
    codec: str
    sample_rate: int
    channels: int
    duration_s: float
    declared_s: float | None


def probe(source: BinaryIO, *, name: str = "The file", size: int | None = None,
          progress: ProgressFn = no_progress, cancel: CancelToken | None = None) -> AudioInfo:
    """Decode the first audio track of ``source`` completely; raise ``BadAudio`` if unusable.

    ``name`` starts the user-facing sentences (e.g. "interview.mp3"); ``size`` (bytes) lets
    progress be reported as the fraction of the file read.
    """
    import av  # heavy; only needed when audio is actually checked

    fix = Message("audio.fix_reexport")
    head = source.read(_HEAD_BYTES)
    total = source.seek(0, 2)
    source.seek(0)
    if _wav_is_cut_short(head, total):
        raise BadAudio("audio.truncated_file_ends_before", name=name, fix=fix)
    try:
        container = av.open(source, mode="r")
    except (av.error.FFmpegError, ValueError, OSError) as exc:
        raise BadAudio("audio.readable_audio_video_file", name=name, fix=fix) from exc
    try:
        if not container.streams.audio:
            raise BadAudio("audio.audio_track_nothing_stored", name=name, fix=fix)
        stream = container.streams.audio[0]
        rate = int(stream.codec_context.sample_rate or stream.sample_rate or 0)
        declared: float | None = None
        if stream.duration and stream.time_base:
            declared = float(stream.duration * stream.time_base)
        elif container.duration:
            declared = container.duration / 1_000_000
        if container.format.name == "mp3" and not any(tag in head for tag in _MP3_LENGTH_TAGS):
            # Without a Xing/Info/VBRI header FFmpeg only estimates an MP3's length from its
            # bitrate, which is wrong for variable bitrates: do not call such files truncated.
            declared = None
        samples = packets = bad = 0
        try:
            for packet in container.demux(stream):
                packets += 1
                try:
                    for frame in packet.decode():
                        samples += frame.samples
                        rate = rate or int(frame.sample_rate)
                except av.error.FFmpegError:
                    bad += 1
                if packets % 256 == 0:
                    if cancel is not None:
                        cancel.raise_if_cancelled("audio.import_cancelled")
                    if size:
                        progress(min(1.0, source.tell() / size), "checking audio")
        except av.error.FFmpegError as exc:
            raise BadAudio("audio.damaged_audio_read_end", name=name, fix=fix) from exc
        duration = samples / rate if rate else 0.0
        if duration <= 0:
            raise BadAudio("audio.contains_sound_audio_track", name=name, fix=fix)
        if bad > max(2, packets * MAX_BAD_PACKET_FRACTION):
            raise BadAudio("audio.damaged_audio_blocks_decoded", name=name, bad=bad,
                           packets=packets, fix=fix)
        if declared and duration < declared - max(TRUNCATION_SLACK_S,
                                                  declared * TRUNCATION_SLACK_FRACTION):
            raise BadAudio("audio.damaged_truncated_holds_s", name=name, duration=duration,
                           declared=declared, fix=fix)
        channels = int(stream.codec_context.layout.nb_channels or 0)
        return AudioInfo(container=str(container.format.name),
                         codec=str(stream.codec_context.name), sample_rate=rate,
                         channels=channels, duration_s=duration, declared_s=declared)
    finally:
        container.close()
