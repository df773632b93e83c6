"""Recordings stored as FLAC: lossless, streamed, and decodable wherever a crash cuts them off.

The stream is written front to back and never revisited, so every committed byte is final
(it is the original, hashed as it is committed):

- ``header()`` is ``fLaC`` and one STREAMINFO block, written before the first sample. Its
  total-samples field is 0 ("unknown") and its MD5 is all zeros ("not computed"), as the FLAC
  format allows for streams whose length is not known when they start; nothing is rewritten
  when the recording ends.
- ``encode()`` turns PCM into whole FLAC frames of a fixed block size (``block_frames``,
  about 0.1 s), each one independently decodable with its own header and CRCs. A remainder
  shorter than one block waits in memory for the next call; ``finish()`` encodes it as the
  (shorter) last frame, which the format allows in a fixed-block-size stream.

A stream cut off after any frame is therefore a valid FLAC file holding every frame before
the cut. The encoder is FFmpeg's (through PyAV, already installed for decoding), driven
codec-only: no muxer, no seeking, no temporary file; the bytes go straight into the vault.

Only integer samples can be FLAC: 16-bit samples as 16-bit FLAC, 32-bit samples as 32-bit
FLAC (FFmpeg's 32-bit mode, which it marks experimental; the default would keep only 24 bits,
which is not lossless). Float samples stay in the streaming WAV of ``app.audio.pcm``.
"""

from __future__ import annotations

from typing import Any, BinaryIO

from app.audio.pcm import PcmFormat

CONTAINER = "flac"
CODEC = "flac"
FLAC_SAMPLE_FORMATS = ("s16", "s32")
STREAMINFO_SIZE = 34
_LAST_STREAMINFO = bytes([0x80, 0, 0, STREAMINFO_SIZE])  # last metadata block, type 0, 34 bytes


def can_store(fmt: PcmFormat) -> bool:
    """Whether ``fmt``'s samples fit FLAC losslessly (integers, not float)."""
    return fmt.sample_format in FLAC_SAMPLE_FORMATS


class FlacStreamEncoder:
    """PCM in, FLAC bytes out, in order; the concatenated output is one FLAC stream."""

    def __init__(self, fmt: PcmFormat) -> None:
        if not can_store(fmt):
            raise ValueError(f"FLAC cannot hold {fmt.sample_format} samples losslessly")
        import av  # heavy; loaded when a recording starts, not when the CLI starts

        self.fmt = fmt
        self._av = av
        self._layout = {1: "mono", 2: "stereo"}.get(fmt.channels, f"{fmt.channels}c")
        ctx: Any = av.CodecContext.create(CODEC, "w")
        ctx.sample_rate = fmt.sample_rate
        ctx.layout = self._layout
        ctx.format = fmt.sample_format
        if fmt.sample_format == "s32":
            # Without this FFmpeg encodes s32 as 24-bit FLAC and drops the low byte.
            ctx.options = {"strict": "experimental"}
        ctx.open()
        self._ctx = ctx
        extradata = bytes(ctx.extradata or b"")
        if len(extradata) != STREAMINFO_SIZE:
            raise RuntimeError("the FLAC encoder did not describe its stream")
        self._streaminfo = extradata
        self.block_frames: int = int(ctx.frame_size)
        self._dtype = "<i2" if fmt.sample_format == "s16" else "<i4"
        self._held = b""
        self.frames_in = 0  # PCM frames given to encode()
        self.frames_out = 0  # PCM frames already turned into FLAC bytes
        self._finished = False

    def header(self) -> bytes:
        """``fLaC`` and STREAMINFO (length unknown, MD5 unset): the first bytes of the stream."""
        return b"fLaC" + _LAST_STREAMINFO + self._streaminfo

    @property
    def held_frames(self) -> int:
        """PCM frames waiting for a whole block (less than ``block_frames``)."""
        return self.frames_in - self.frames_out

    def encode(self, pcm: bytes) -> bytes:
        """Whole interleaved PCM frames in; the FLAC frames of every whole block so far out."""
        if self._finished:
            raise RuntimeError("the FLAC stream is already finished")
        if len(pcm) % self.fmt.bytes_per_frame:
            raise ValueError("PCM must be whole frames")
        self.frames_in += len(pcm) // self.fmt.bytes_per_frame
        data = self._held + pcm
        block_bytes = self.block_frames * self.fmt.bytes_per_frame
        whole = len(data) - len(data) % block_bytes
        self._held = data[whole:]
        return b"".join(self._encode_block(data[i:i + block_bytes])
                        for i in range(0, whole, block_bytes))

    def finish(self) -> bytes:
        """The last (possibly shorter) frame; the stream is complete after these bytes."""
        if self._finished:
            return b""
        out = self._encode_block(self._held) if self._held else b""
        self._held = b""
        out += b"".join(bytes(p) for p in self._ctx.encode(None) if p.size)
        self._finished = True
        return out

    def _encode_block(self, block: bytes) -> bytes:
        import numpy as np

        samples = np.frombuffer(block, dtype=self._dtype).reshape(1, -1)
        frame = self._av.AudioFrame.from_ndarray(samples, format=self.fmt.sample_format,
                                                 layout=self._layout)
        frame.sample_rate = self.fmt.sample_rate
        frame.pts = self.frames_out
        packets = self._ctx.encode(frame)
        self.frames_out += len(block) // self.fmt.bytes_per_frame
        return b"".join(bytes(p) for p in packets if p.size)


def count_frames(source: BinaryIO) -> int:
    """PCM frames (samples per channel) in a FLAC stream, complete or cut off; 0 if none.

    Demuxes without decoding (FFmpeg's FLAC parser finds each frame by its header); the last
    frame counts only if its CRC-16 holds, so a frame torn by the cut is not counted.
    """
    import av

    source.seek(0)
    try:
        container = av.open(source, mode="r", format="flac")
    except (av.error.FFmpegError, ValueError, OSError):
        return 0
    try:
        if not container.streams.audio:
            return 0
        stream = container.streams.audio[0]
        total = 0
        last = b""
        last_frames = 0
        try:
            for packet in container.demux(stream):
                if packet.size and packet.duration:
                    last, last_frames = bytes(packet), int(packet.duration)
                    total += last_frames
        except av.error.FFmpegError:
            pass  # damage after the last whole frame: keep what was counted
        if last and _crc16(last[:-2]) != int.from_bytes(last[-2:], "big"):
            total -= last_frames
        return total
    finally:
        container.close()


def _crc16_table() -> list[int]:
    table = []
    for byte in range(256):
        crc = byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x8005) if crc & 0x8000 else crc << 1
        table.append(crc & 0xFFFF)
    return table


_CRC16 = _crc16_table()


def _crc16(data: bytes) -> int:
    """FLAC's frame CRC-16 (polynomial 0x8005, initial 0) over ``data``."""
    crc = 0
    for byte in data:
        crc = ((crc << 8) & 0xFFFF) ^ _CRC16[(crc >> 8) ^ byte]
    return crc
