"""The bundle container: a deterministic ustar writer and a strict streaming reader.

Why our own: archive readers are a recurring hole (path traversal, links, bombs). The reader
accepts only what the writer produces: regular files, names matching fixed patterns, every
header byte equal to the canonical header for that name and size, sizes capped, no duplicates,
then exactly two zero blocks and nothing after. It never derives a filesystem path from bundle
data; file contents are handed to a callback as they stream past.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Protocol

from app.bundles.errors import BundleRejected
from errors import Message

BLOCK = 512
MAX_ENTRY_SIZE = 8 ** 11 - 1  # what 11 octal digits can state (8 GiB - 1)
NAME_PATTERNS = (
    re.compile(r"manifest\.json"),
    re.compile(r"manifest\.json\.minisig"),
    re.compile(r"device\.pub"),
    re.compile(r"SHA256SUMS"),
    re.compile(r"audio/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.bin"),
    re.compile(r"tables/[a-z][a-z0-9_]{0,62}\.jsonl"),
    re.compile(r"audit/audit_log\.jsonl"),
    re.compile(r"audit/chain\.txt"),
)


def name_allowed(name: str) -> bool:
    """True if ``name`` matches one of the fixed entry-name patterns."""
    return any(p.fullmatch(name) for p in NAME_PATTERNS)


def _octal(value: int, width: int) -> bytes:
    return f"{value:0{width - 1}o}".encode("ascii") + b"\0"


def header(name: str, size: int) -> bytes:
    """The canonical ustar header for a regular file (mode 0644, owner 0, mtime 0)."""
    if not name_allowed(name):
        raise ValueError(f"entry name not allowed: {name!r}")
    if not 0 <= size <= MAX_ENTRY_SIZE:
        raise ValueError("entry too large for ustar")
    raw = bytearray(BLOCK)
    raw[0:len(name)] = name.encode("ascii")
    raw[100:108] = _octal(0o644, 8)
    raw[108:116] = _octal(0, 8)
    raw[116:124] = _octal(0, 8)
    raw[124:136] = _octal(size, 12)
    raw[136:148] = _octal(0, 12)
    raw[148:156] = b" " * 8
    raw[156:157] = b"0"
    raw[257:263] = b"ustar\0"
    raw[263:265] = b"00"
    raw[329:337] = _octal(0, 8)
    raw[337:345] = _octal(0, 8)
    checksum = sum(raw)
    raw[148:156] = f"{checksum:06o}".encode("ascii") + b"\0 "
    return bytes(raw)


def padding(size: int) -> bytes:
    return b"\0" * (-size % BLOCK)


END_OF_ARCHIVE = b"\0" * (2 * BLOCK)


def entry_stream(name: str, size: int, chunks: Iterator[bytes]) -> Iterator[bytes]:
    """Yield the header, the data chunks and the padding of one entry, checking the size."""
    yield header(name, size)
    written = 0
    for chunk in chunks:
        written += len(chunk)
        if written > size:
            raise ValueError("entry data longer than declared")
        yield chunk
    if written != size:
        raise ValueError("entry data shorter than declared")
    yield padding(size)


class EntryHandler(Protocol):
    """Receives a parsed archive as it streams. ``begin`` may refuse a name or size (raise)."""

    def begin(self, name: str, size: int) -> None: ...
    def data(self, chunk: bytes) -> None: ...
    def end(self) -> None: ...


def _reject(code: str, /, **params: object) -> BundleRejected:
    """A refusal whose reason is ``code`` (a lower-case clause of errors.catalog)."""
    return BundleRejected("bundle.container_malformed", reason=Message(code, params))


class StrictTarReader:
    """A push parser: call ``write(bytes)`` as data arrives, then ``close()``.

    ``max_entries`` and ``max_total`` cap the archive before entry data is read.
    """

    def __init__(self, handler: EntryHandler, *, max_entries: int, max_total: int) -> None:
        self.handler = handler
        self.max_entries = max_entries
        self.max_total = max_total
        self._buf = bytearray()
        self._state = "header"  # header | data | pad | end1 | done
        self._remaining = 0
        self._pad = 0
        self._entries = 0
        self._total = 0
        self._names: set[str] = set()

    def write(self, data: bytes) -> int:
        view = memoryview(data)
        n = len(view)
        while len(view):
            if self._state == "data":
                take = min(self._remaining, len(view))
                self.handler.data(bytes(view[:take]))
                self._remaining -= take
                view = view[take:]
                if self._remaining == 0:
                    self.handler.end()
                    self._state = "pad" if self._pad else "header"
                continue
            need = self._pad if self._state == "pad" else BLOCK
            if self._state == "done":
                raise _reject("bundle.data_after_end_archive")
            take = min(need - len(self._buf), len(view))
            self._buf += view[:take]
            view = view[take:]
            if len(self._buf) < need:
                break
            block = bytes(self._buf)
            self._buf.clear()
            self._block(block)
        return n

    def _block(self, block: bytes) -> None:
        if self._state == "pad":
            if block.count(0) != len(block):
                raise _reject("bundle.non_zero_padding")
            self._state = "header"
            return
        if self._state == "end1":
            if block.count(0) != BLOCK:
                raise _reject("bundle.entry_after_end_marker")
            self._state = "done"
            return
        if block.count(0) == BLOCK:
            self._state = "end1"
            return
        name, size = self._parse_header(block)
        self._entries += 1
        self._total += size
        if self._entries > self.max_entries:
            raise _reject("bundle.too_many_entries")
        if self._total > self.max_total:
            raise _reject("bundle.declared_sizes_exceed_limit")
        self._names.add(name)
        self.handler.begin(name, size)
        self._remaining = size
        self._pad = -size % BLOCK
        if size == 0:
            self.handler.end()
            self._state = "header"
        else:
            self._state = "data"

    def _parse_header(self, block: bytes) -> tuple[str, int]:
        raw_name = block[:100]
        nul = raw_name.find(b"\0")
        if nul <= 0:
            raise _reject("bundle.entry_name_empty_too")
        try:
            name = raw_name[:nul].decode("ascii")
        except UnicodeDecodeError:
            raise _reject("bundle.entry_name_plain_ascii") from None
        if not name_allowed(name):
            raise _reject("bundle.entry_name_allowed")
        if name in self._names:
            raise _reject("bundle.duplicated_entry")
        size_field = block[124:136]
        if size_field[11:] != b"\0" or not re.fullmatch(rb"[0-7]{11}", size_field[:11]):
            raise _reject("bundle.bad_size_field")
        size = int(size_field[:11], 8)
        if block != header(name, size):
            raise _reject("bundle.non_canonical_entry_header")
        return name, size

    def close(self) -> None:
        """Call at end of input: raises unless the archive ended exactly after its end marker."""
        if self._state != "done" or self._buf:
            raise _reject("bundle.truncated")
