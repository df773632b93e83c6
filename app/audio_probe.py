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

# FFmpeg logs warnings about damaged input on stderr; they could only confuse CLI users, who
# get one sentence instead.
logging.getLogger("libav").setLevel(logging.ERROR)

#: decoded audio may fall short of the declared length by this many seconds (codec delay,
#: padding, rounded header durations) before the file counts as truncated ...
TRUNCATION_SLACK_S = 0.5
#: ... or by this fraction of the declared length, whichever is larger.
TRUNCATION_SLACK_FRACTION = 0.01
#: packets that fail to decode, as a fraction of all packets, before the file counts as corrupt.
MAX_BAD_PACKET_FRACTION = 0.01


class BadAudio(AppError):
    """A file offered as audio cannot be accepted; ``str()`` is one sentence for the user."""

    exit_code = 1


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

    fix = "choose the original recording, or re-export it from the device."
    try:
        container = av.open(source, mode="r")
    except (av.error.FFmpegError, ValueError, OSError) as exc:
        raise BadAudio(f"{name} is not a readable audio or video file, so nothing was "
                       f"stored; {fix}") from exc
    try:
        if not container.streams.audio:
            raise BadAudio(f"{name} has no audio track, so nothing was stored; {fix}")
        stream = container.streams.audio[0]
        rate = int(stream.codec_context.sample_rate or stream.sample_rate or 0)
        declared: float | None = None
        if stream.duration and stream.time_base:
            declared = float(stream.duration * stream.time_base)
        elif container.duration:
            declared = container.duration / 1_000_000
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
                        cancel.raise_if_cancelled("Import cancelled; nothing was stored.")
                    if size:
                        progress(min(1.0, source.tell() / size), "checking audio")
        except av.error.FFmpegError as exc:
            raise BadAudio(f"{name} is damaged (its audio cannot be read to the end), so "
                           f"nothing was stored; {fix}") from exc
        duration = samples / rate if rate else 0.0
        if duration <= 0:
            raise BadAudio(f"{name} contains no sound (its audio track is empty), so nothing "
                           f"was stored; {fix}")
        if bad > max(2, packets * MAX_BAD_PACKET_FRACTION):
            raise BadAudio(f"{name} is damaged ({bad} of {packets} audio blocks cannot be "
                           f"decoded), so nothing was stored; {fix}")
        if declared and duration < declared - max(TRUNCATION_SLACK_S,
                                                  declared * TRUNCATION_SLACK_FRACTION):
            raise BadAudio(f"{name} is truncated (it holds {duration:.1f} s of the "
                           f"{declared:.1f} s it declares), so nothing was stored; {fix}")
        channels = int(stream.codec_context.layout.nb_channels or 0)
        return AudioInfo(container=str(container.format.name),
                         codec=str(stream.codec_context.name), sample_rate=rate,
                         channels=channels, duration_s=duration, declared_s=declared)
    finally:
        container.close()
