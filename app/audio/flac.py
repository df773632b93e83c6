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
which is not lossless). Float samples, and formats whose block would be more than FFmpeg reads
back (``MAX_BLOCK_BYTES``), stay in the streaming WAV of ``app.audio.pcm``.
"""

from __future__ import annotations

from typing import Any, BinaryIO

from app.audio.pcm import PcmFormat

CONTAINER = "flac"
CODEC = "flac"
FLAC_SAMPLE_FORMATS = ("s16", "s32")
#: FFmpeg's FLAC demuxer cannot read back frames whose block holds more PCM than this (it
#: decodes nothing), so a format whose encoder block would exceed it (e.g. 192 kHz with 7-8
#: channels, 96 kHz 32-bit with 7-8) keeps the streaming WAV. Every format up to it
#: round-trips, incompressible noise included (tested).
MAX_BLOCK_BYTES = 192 * 1024
STREAMINFO_SIZE = 34
_LAST_STREAMINFO = bytes([0x80, 0, 0, STREAMINFO_SIZE])  # last metadata block, type 0, 34 bytes


def can_store(fmt: PcmFormat) -> bool:
    """Whether ``fmt``'s samples can be FLAC at all: integers, not float."""
    return fmt.sample_format in FLAC_SAMPLE_FORMATS


def encoder_for(fmt: PcmFormat) -> FlacStreamEncoder | None:
    """A FLAC encoder for ``fmt``, or None when ``fmt`` is kept as WAV (float samples, or
    blocks too large to read back)."""
    if not can_store(fmt):
        return None
    try:
        return FlacStreamEncoder(fmt)
    except BlockTooLarge:
        return None


class BlockTooLarge(ValueError):
    """The encoder's block for this format is more PCM than FFmpeg reads back as FLAC."""


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
        if self.block_frames * fmt.bytes_per_frame > MAX_BLOCK_BYTES:
            raise BlockTooLarge(f"FLAC blocks of {fmt} would not read back")
        self._dtype = "<i2" if fmt.sample_format == "s16" else "<i4"
        self._held = b""
        self.frames_in = 0  # PCM frames given to encode()
        self.frames_out = 0  # PCM frames already turned into FLAC bytes
        self._pts = 0  # PCM frames handed to FFmpeg
        self._finished = False

    def header(self) -> bytes:
        """``fLaC`` and STREAMINFO (length unknown, MD5 unset): the first bytes of the stream."""
        return b"fLaC" + _LAST_STREAMINFO + self._streaminfo


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
        out += self._emitted(self._ctx.encode(None))  # FFmpeg hands a short block over here
        self._finished = True
        return out

    def _encode_block(self, block: bytes) -> bytes:
        import numpy as np

        samples = np.frombuffer(block, dtype=self._dtype).reshape(1, -1)
        frame = self._av.AudioFrame.from_ndarray(samples, format=self.fmt.sample_format,
                                                 layout=self._layout)
        frame.sample_rate = self.fmt.sample_rate
        frame.pts = self._pts
        self._pts += len(block) // self.fmt.bytes_per_frame
        return self._emitted(self._ctx.encode(frame))

    def _emitted(self, packets: Any) -> bytes:
        """The bytes of encoded FLAC frames; ``frames_out`` counts the samples they hold."""
        packets = [p for p in packets if p.size]
        self.frames_out += sum(int(p.duration or 0) for p in packets)
        return b"".join(bytes(p) for p in packets)


def count_frames(source: BinaryIO) -> int:
    """PCM frames (samples per channel) in a FLAC stream, complete or cut off; 0 if none.

    Only frames whose CRC-16 holds count, so a frame torn by the cut is not counted. For the
    fixed-block-size streams recordings are, the answer comes from the last whole frame's
    header (its frame number), reading only the last few frames of the stream: settling a
    recording cut off after hours takes milliseconds. Other streams are demuxed to the end.
    """
    source.seek(0)
    head = source.read(8 + STREAMINFO_SIZE)
    if len(head) < 8 + STREAMINFO_SIZE or head[:4] != b"fLaC":
        return 0
    info = head[8:]
    min_block = int.from_bytes(info[0:2], "big")
    max_block = int.from_bytes(info[2:4], "big")
    max_frame = int.from_bytes(info[7:10], "big")
    size = source.seek(0, 2)
    if size <= 8 + STREAMINFO_SIZE:
        return 0
    if min_block == max_block and max_frame and not head[4] & 0x7F:  # only STREAMINFO
        first = 8 + STREAMINFO_SIZE
        window = 3 * max_frame + 64
        start = max(first, size - window)
        source.seek(start)
        tail = source.read(size - start)
        counted = _count_from_tail(tail, max_block)
        if counted is not None:
            return counted
    return _count_by_demux(source)


def _count_from_tail(tail: bytes, block_frames: int) -> int | None:
    """Frames up to the end of the last whole frame in ``tail`` (a fixed-block-size stream's
    end), or None when ``tail`` holds no whole frame."""
    syncs = _sync_offsets(tail)
    ends = _candidate_ends(tail, syncs)
    for begin in reversed(syncs):
        header = _frame_header(tail, begin)
        if header is not None and _whole_frame(tail, begin, ends):
            number, frames = header
            return number * block_frames + frames
    return None


def _candidate_ends(data: bytes, syncs: list[int]) -> list[int]:
    """Where a frame in ``data`` may end: where the next one starts, at a later sync code
    (whose header may itself be torn, or be a chance match inside the frame's data, so every
    one is tried), at a lone first byte of a sync code, or at the end."""
    ends = [*syncs, len(data)]
    if data.endswith(b"\xff"):
        ends.insert(-1, len(data) - 1)
    return ends


def _whole_frame(data: bytes, begin: int, ends: list[int]) -> bool:
    """Whether a frame starting at ``begin`` ends at one of ``ends`` with its CRC-16 intact."""
    return any(end - begin > 4 and _crc16(data[begin:end - 2]) == int.from_bytes(
        data[end - 2:end], "big") for end in ends if end > begin)


def _sync_offsets(data: bytes) -> list[int]:
    out = []
    i = data.find(b"\xff\xf8")
    while i >= 0:
        out.append(i)
        i = data.find(b"\xff\xf8", i + 1)
    return out


_BLOCK_SIZES = {1: 192, **{c: 576 << (c - 2) for c in range(2, 6)},
                **{c: 256 << (c - 8) for c in range(8, 16)}}


def _frame_header(data: bytes, at: int) -> tuple[int, int] | None:
    """(frame number, block size) of a fixed-block-size frame header at ``at`` whose CRC-8
    holds, else None."""
    pos = at + 4
    if pos > len(data):
        return None
    block_code, rate_code = data[at + 2] >> 4, data[at + 2] & 0x0F
    if block_code == 0 or rate_code == 15 or data[at + 3] & 1 or data[at + 3] >> 4 > 10:
        return None
    if pos >= len(data):
        return None
    lead = data[pos]
    length = next((n for n in range(7) if not lead & (0x80 >> n)), 7)
    if length == 1 or length > 6:  # a continuation byte, or more than 31 bits
        return None
    length = max(length, 1)
    if pos + length > len(data):
        return None
    number = lead & (0x7F >> length) if length > 1 else lead
    for byte in data[pos + 1:pos + length]:
        if byte & 0xC0 != 0x80:
            return None
        number = (number << 6) | (byte & 0x3F)
    pos += length
    extra = {6: 1, 7: 2}.get(block_code, 0)
    if pos + extra > len(data):
        return None
    frames = (int.from_bytes(data[pos:pos + extra], "big") + 1) if extra else \
        _BLOCK_SIZES[block_code]
    pos += extra + {12: 1, 13: 2, 14: 2}.get(rate_code, 0)
    if pos >= len(data) or _crc8(data[at:pos]) != data[pos]:
        return None
    return number, frames


def _crc8(data: bytes) -> int:
    crc = 0
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = ((crc << 1) ^ 0x07) & 0xFF if crc & 0x80 else (crc << 1) & 0xFF
    return crc


def _count_by_demux(source: BinaryIO) -> int:
    """Frames counted by FFmpeg's FLAC parser, the last frame only if its CRC-16 holds (the
    parser may hand a torn frame's first bytes over with the frame before it)."""
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
        if last and not _whole_frame(last, 0, _candidate_ends(last, _sync_offsets(last))):
            total -= last_frames  # torn by the cut
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
