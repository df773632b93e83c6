"""Reading a bundle as hostile input: decrypt, parse the container strictly, verify, stream.

Order of checks: the age layer caps its header and authenticates every 64 KiB chunk; the tar
reader accepts only canonical headers for fixed names; the device key file and the exact manifest
bytes are checked against the minisign signature before the manifest is parsed; the manifest is
parsed strictly and fixes every later entry's name, size and SHA-256, which are checked as the
data streams past. Nothing read before the age layer has finished authenticating the whole file
may be committed: callers treat any exception as "refuse and roll back".
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from app.bundles import container
from app.bundles.errors import BundleRejected
from app.bundles.keys import DevicePublic
from app.bundles.manifest import HEX64 as _HEX64
from app.bundles.manifest import UUID as _UUID
from app.bundles.manifest import (
    AudioEntry,
    FileEntry,
    ManifestBody,
    parse_manifest,
    rejected,
)
from app.bundles.manifest import require as _require
from app.bundles.model import (
    AUDIT,
    AUDIT_CHAIN,
    DEVICE_PUB,
    MANIFEST,
    MAX_DEVICE_PUB,
    MAX_FILES,
    MAX_LINE,
    MAX_MANIFEST,
    MAX_TOTAL,
    SIGNATURE,
    SUMS,
    sums_text,
    trusted_comment,
)
from app.bundles.streams import Pipeline, Progressing
from app.bundles.strictjson import StrictJsonError
from app.bundles.strictjson import loads as strict_loads
from app.errors import AppError, UsageError
from app.tasks import CancelToken
from crypto import minisign
from crypto.agefile import AGE_MAGIC, AgeError, decrypt_stream
from crypto.errors import BadSignature
from errors import Message
from storage.jsonutil import canonical_json

_AUDIT_KEYS = {"seq", "id", "at", "role", "action", "object_type", "object_id", "details",
               "prev_hash", "hash"}
READ_CHUNK = 1024 * 1024


class Sink(Protocol):
    """Receives verified-so-far content (import); must not commit before the read completes."""

    def audio_begin(self, blob_id: str, size: int, sha256: str, meta: AudioEntry) -> None: ...
    def audio_data(self, chunk: bytes) -> None: ...
    def audio_end(self) -> None: ...
    def table_row(self, table: str, row: dict[str, Any]) -> None: ...
    def audit_row(self, entry: dict[str, Any]) -> None: ...


@dataclass
class Manifest:
    """A bundle's signed manifest: its exact bytes, their SHA-256, the parsed ``body`` and the
    device key that signed it."""

    raw: bytes
    sha256: str
    body: ManifestBody
    trusted_comment: str
    device: DevicePublic
    # Filled in as the bundle is read (see anchor.py): the audit chain as raw 32-byte hashes,
    # and (seq, prev_hash, hash) of every audit entry the bundle carries.
    audit_chain: bytes = b""
    audit_seen: list[tuple[int, str, str]] = field(default_factory=list)

    @property
    def bundle_id(self) -> str:
        return self.body.bundle_id

    @property
    def sequence(self) -> int:
        return self.body.sequence

    @property
    def files(self) -> tuple[FileEntry, ...]:
        return self.body.files

    @property
    def interview_ids(self) -> set[str]:
        return self.body.interview_ids


class _Handler:
    """The container callback: enforces order, caps and hashes; forwards content to a sink."""

    def __init__(self, *, on_manifest: Callable[[Manifest], None], sink: Sink | None,
                 expect_manifest_sha: str | None) -> None:
        self.on_manifest = on_manifest
        self.sink = sink
        self.expect_manifest_sha = expect_manifest_sha
        self.index = 0
        self.name = ""
        self.size = 0
        self.buffer = bytearray()
        self.line = bytearray()
        self.hash = hashlib.sha256()
        self.device_pub = b""
        self.manifest_raw = b""
        self.manifest: Manifest | None = None
        self.audio_meta: dict[str, AudioEntry] = {}
        self.checked: list[FileEntry] = []
        self.audit_chain = bytearray()
        self.audit_seen: list[tuple[int, str, str]] = []

    # The first three entries are fixed; the manifest fixes all the others.
    def begin(self, name: str, size: int) -> None:
        fixed = {0: (DEVICE_PUB, MAX_DEVICE_PUB), 1: (MANIFEST, MAX_MANIFEST),
                 2: (SIGNATURE, minisign.MAX_SIGNATURE_FILE)}
        if self.index in fixed:
            want, cap = fixed[self.index]
            _require(name == want, "bundle.entries_out_order")
            _require(size <= cap, "bundle.oversized", want=want)
        else:
            assert self.manifest is not None
            files = self.manifest.files
            pos = self.index - 2  # files[0] is device.pub, already read
            _require(pos < len(files), "bundle.holds_more_files_than")
            _require(files[pos].name == name, "bundle.entries_match_manifest_s")
            _require(files[pos].size == size, "bundle.entry_s_size_differs")
            if name.startswith("audio/") and self.sink is not None:
                blob_id = name[len("audio/"):-len(".bin")]
                self.sink.audio_begin(blob_id, size, files[pos].sha256,
                                      self.audio_meta[blob_id])
        self.name, self.size = name, size
        self.buffer.clear()
        self.line.clear()
        self.hash = hashlib.sha256()

    def data(self, chunk: bytes) -> None:
        if self.index < 3 or self.name == SUMS:
            self.buffer += chunk
            return
        self.hash.update(chunk)
        if self.name.startswith("audio/"):
            if self.sink is not None:
                self.sink.audio_data(chunk)
            return
        self._lines(chunk)

    def _lines(self, chunk: bytes) -> None:
        start = 0
        while True:
            nl = chunk.find(b"\n", start)
            if nl < 0:
                self.line += chunk[start:]
                _require(len(self.line) <= MAX_LINE, "bundle.record_oversized")
                return
            self.line += chunk[start:nl]
            self._record(bytes(self.line))
            self.line.clear()
            start = nl + 1

    def _record(self, line: bytes) -> None:
        if self.name == AUDIT_CHAIN:
            text = line.decode("ascii", "replace")
            _require(bool(_HEX64.fullmatch(text)), "bundle.audit_chain_malformed")
            self.audit_chain += bytes.fromhex(text)
            return
        try:
            value = strict_loads(line, allow_floats=True)
        except StrictJsonError as exc:
            raise rejected("bundle.record_valid", exc=exc) from None
        _require(isinstance(value, dict), "bundle.record_object")
        if self.name == AUDIT:
            self._audit(value)
            if self.sink is not None:
                self.sink.audit_row(value)
            return
        table = self.name[len("tables/"):-len(".jsonl")]
        for v in value.values():
            _require(v is None or isinstance(v, str | int | float)
                     or (isinstance(v, dict) and set(v) == {"$bytes"}), "bundle.record_odd_values")
        assert self.manifest is not None
        ids = self.manifest.interview_ids
        owner = value.get("id") if table == "interview" else value.get("interview_id", None)
        if table == "interview" or "interview_id" in value:
            _require(owner in ids, "bundle.record_belongs_interview_manifest")
        if self.sink is not None:
            self.sink.table_row(table, value)

    def _audit(self, entry: dict[str, Any]) -> None:
        _require(set(entry) == _AUDIT_KEYS, "bundle.audit_entry_malformed")
        _require(isinstance(entry["seq"], int) and isinstance(entry["details"], dict)
                 and all(isinstance(entry[k], str) for k in ("id", "at", "role", "action",
                                                             "object_type"))
                 and (entry["object_id"] is None or isinstance(entry["object_id"], str)),
                 "bundle.audit_entry_malformed")
        body = {k: entry[k] for k in _AUDIT_KEYS - {"prev_hash", "hash"}}
        prev = entry["prev_hash"]
        _require(isinstance(prev, str) and isinstance(entry["hash"], str), "bundle.audit_entry_malformed")
        digest = hashlib.sha256(prev.encode("ascii", "replace") + b"\n"
                                + canonical_json(body)).hexdigest()
        _require(digest == entry["hash"], "bundle.audit_entry_match_hash")
        self.audit_seen.append((entry["seq"], prev, entry["hash"]))

    def end(self) -> None:
        if self.index == 0:
            self.device_pub = bytes(self.buffer)
        elif self.index == 1:
            self.manifest_raw = bytes(self.buffer)
        elif self.index == 2:
            self._check_manifest(bytes(self.buffer))
        else:
            assert self.manifest is not None
            entry = self.manifest.files[self.index - 2]
            if self.name == SUMS:
                _require(bytes(self.buffer) == sums_text(
                    [{"name": f.name, "sha256": f.sha256} for f in self.manifest.files]),
                         "bundle.sha_sums_differs_from")
                digest = hashlib.sha256(self.buffer).hexdigest()
            else:
                _require(not self.line, "bundle.record_file_end_newline")
                digest = self.hash.hexdigest()
                if self.name.startswith("audio/") and self.sink is not None:
                    self.sink.audio_end()
            _require(digest == entry.sha256, "bundle.file_altered", name=self.name)
            self.checked.append(entry)
        self.buffer.clear()
        self.index += 1

    def _check_manifest(self, signature: bytes) -> None:
        try:
            device_key = minisign.parse_public_key_file(self.device_pub)
        except (UnicodeDecodeError, ValueError):
            raise rejected("bundle.device_key_file_damaged") from None
        try:
            verified = minisign.verify_file(device_key, self.manifest_raw, signature)
        except BadSignature:
            raise rejected("bundle.signature_match_manifest_altered") from None
        sha = hashlib.sha256(self.manifest_raw).hexdigest()
        if self.expect_manifest_sha is not None and sha != self.expect_manifest_sha:
            raise rejected("bundle.file_changed_while_being")
        try:
            data = strict_loads(self.manifest_raw)
        except StrictJsonError as exc:
            raise rejected("bundle.manifest_strict_json", exc=exc) from None
        body = parse_manifest(data)
        _require(verified.trusted_comment == trusted_comment(data),
                 "bundle.signed_trusted_comment_match")
        _require(bool(_UUID.fullmatch(body.device.id))
                 and body.device.minisign == minisign.public_key_line(device_key),
                 "bundle.manifest_names_different_device")
        device = DevicePublic(body.device.id, device_key, body.device.age_recipient)
        first = body.files[0]
        _require(first.sha256 == hashlib.sha256(self.device_pub).hexdigest()
                 and first.size == len(self.device_pub), "bundle.device_key_file_altered")
        self.checked.append(first)
        self.audio_meta = {a.blob_id: a for a in body.audio}
        self.manifest = Manifest(self.manifest_raw, sha, body, verified.trusted_comment, device)
        self.on_manifest(self.manifest)

    def finish(self) -> Manifest:
        _require(self.manifest is not None, "bundle.incomplete")
        assert self.manifest is not None
        _require(self.index - 2 == len(self.manifest.files), "bundle.incomplete")
        self.manifest.audit_chain = bytes(self.audit_chain)
        self.manifest.audit_seen = self.audit_seen
        return self.manifest


def is_encrypted(fh: BinaryIO) -> bool:
    start = fh.tell()
    head = fh.read(len(AGE_MAGIC))
    fh.seek(start)
    return head == AGE_MAGIC


def read_bundle(path: Path, identity: str | None, *, on_manifest: Callable[[Manifest], None],
                sink: Sink | None = None, expect_manifest_sha: str | None = None,
                on_encrypted: Callable[[bool], None] = lambda _e: None,
                progress: Callable[[float], None] = lambda _f: None,
                cancel: CancelToken | None = None) -> tuple[Manifest, bool]:
    """Stream one bundle through every check. Returns (manifest, was_encrypted).

    Raises BundleRejected for anything wrong with the bundle, UsageError for a missing key.
    """
    handler = _Handler(on_manifest=on_manifest, sink=sink, expect_manifest_sha=expect_manifest_sha)
    reader = container.StrictTarReader(handler, max_entries=MAX_FILES + 2,
                                       max_total=MAX_TOTAL + MAX_MANIFEST + 8192)
    try:
        raw = open(path, "rb")  # noqa: SIM115 - closed below
        total = os.fstat(raw.fileno()).st_size
    except OSError as exc:
        raise UsageError("bundle.read_bundle_check_path", path=path, strerror=exc.strerror) from exc
    fh = Progressing(raw, total, progress, cancel)
    try:
        _require(total <= MAX_TOTAL + MAX_MANIFEST + (1 << 30), "bundle.larger_than_any_bundle")
        encrypted = is_encrypted(raw)
        on_encrypted(encrypted)
        if encrypted:
            if identity is None:
                raise UsageError("bundle.encrypted_needs_identity")
            pipeline = Pipeline(reader)
            try:
                decrypt_stream(fh, pipeline, identity)  # type: ignore[arg-type]
            except AgeError:
                pipeline.abort()
                raise rejected("bundle.decrypted_key_damaged_cut") from None
            except BaseException:
                pipeline.abort()
                raise
            pipeline.close()
        else:
            while chunk := fh.read(READ_CHUNK):
                reader.write(chunk)
        reader.close()
        manifest = handler.finish()
    except (AppError, BundleRejected):
        raise
    except (ValueError, KeyError, TypeError, UnicodeError, IndexError, binascii.Error):
        raise rejected("bundle.malformed") from None
    finally:
        raw.close()
    return manifest, encrypted


def check_recipients(manifest: Manifest, encrypted: bool, my_recipient: str | None) -> None:
    """The signed manifest must name us (stops forwarding a re-encrypted bundle) and must
    agree with how the file is actually protected."""
    named = [r.age_recipient for r in manifest.body.recipients]
    if encrypted != manifest.body.encrypted:
        raise rejected("bundle.encryption_match_what_sender")
    if encrypted and my_recipient not in named:
        raise rejected("bundle.addressed_someone_else_forwarded")


@dataclass
class FileCheck:
    name: str
    size: int
    sha256: str


@dataclass
class Report:
    """What a complete verification found. The front ends word it: cli/bundle_report.py for
    the terminal, ui/supervisor_view.py in the window."""

    manifest: Manifest
    encrypted: bool
    pinned: bool | None
    # the bundle's place in its device's chain (a bundle_chain.* message); None: no vault
    chain: Message | None
    files: list[FileCheck] = field(default_factory=list)
    warnings: list[Message] = field(default_factory=list)  # bundle_warning.* messages
    anchor: str | None = None  # what the origin was checked against: "vault", "signer" or None

    @property
    def origin_checked(self) -> bool:
        """True only if the signing key matched a trust anchor (a pinned key or a signer file).
        Integrity alone is not validity: anyone can make a key and claim any device id."""
        return self.pinned is True and self.anchor is not None


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
