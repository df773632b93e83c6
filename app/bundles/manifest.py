"""The bundle manifest as a typed, frozen value, parsed from (signature-verified) strict JSON.

``parse_manifest`` makes every structural check the reader relies on (same order, same one
sentence) and returns a ``ManifestBody`` whose fields later code reads by name, so no code after
the parse indexes a hostile dict. Fields the format carries for people rather than for checks
(``app_version``, the redaction list, a recipient's fingerprint) are read leniently: a missing
or odd value shows as unknown instead of failing a bundle that verified.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from app.bundles import container
from app.bundles.errors import BundleRejected
from app.bundles.model import (
    AUDIT_CHAIN,
    DEVICE_PUB,
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    MAX_AUDIT_CHAIN,
    MAX_FILES,
    MAX_TOTAL,
    PROFILES,
    PURPOSES,
    SIGNATURE,
    SUMS,
)
from crypto.agefile import AgeError, check_recipient
from errors import Message

HEX64 = re.compile(r"[0-9a-f]{64}")
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_BAD = "bundle.manifest_unexpected_form"


def rejected(code: str, /, **params: object) -> BundleRejected:
    """A refusal whose reason is ``code`` (a lower-case clause of errors.catalog)."""
    return BundleRejected("bundle.refused", reason=Message(code, params))


def require(cond: bool, code: str, /, **params: object) -> None:
    if not cond:
        raise rejected(code, **params)


def _is_str(v: Any) -> bool:
    return isinstance(v, str) and len(v) < 4096


@dataclass(frozen=True)
class FileEntry:
    name: str
    size: int
    sha256: str


@dataclass(frozen=True)
class InterviewEntry:
    id: str
    code: str
    digest: str


@dataclass(frozen=True)
class AudioEntry:
    blob_id: str
    kind: str
    state: str
    created_at: str | None
    completed_at: str | None


@dataclass(frozen=True)
class RecipientEntry:
    age_recipient: str
    fingerprint: str | None


@dataclass(frozen=True)
class DeviceEntry:
    id: str
    minisign: str
    age_recipient: str


@dataclass(frozen=True)
class AuditChainEntry:
    entries: int
    head: str


@dataclass(frozen=True)
class ManifestBody:
    format_version: int
    bundle_id: str
    created_at: str
    profile: str
    purpose: str
    sequence: int
    previous_manifest_sha256: str | None
    encrypted: bool
    device: DeviceEntry
    recipients: tuple[RecipientEntry, ...]
    interviews: tuple[InterviewEntry, ...]
    audio: tuple[AudioEntry, ...]
    files: tuple[FileEntry, ...]
    audit_chain: AuditChainEntry
    # Compared with the chain when present (see anchor.py); any other value fails that check.
    source_audit_head: object
    app_version: str | None
    redaction_count: int

    @property
    def interview_ids(self) -> set[str]:
        return {i.id for i in self.interviews}


def _optional_str(v: Any) -> str | None:
    return v if _is_str(v) else None


def parse_manifest(data: Any) -> ManifestBody:
    """Structural checks on a (signature-verified) manifest; raises BundleRejected."""
    require(isinstance(data, dict), _BAD)
    require(data.get("format") == FORMAT, "bundle.testimony_vault_bundle")
    require(data.get("format_version") == FORMAT_VERSION,
            "bundle.made_incompatible_version_testimony")
    for key in ("bundle_id", "created_at", "profile", "purpose"):
        require(_is_str(data.get(key)), _BAD)
    require(bool(UUID.fullmatch(data["bundle_id"])), _BAD)
    require(data["profile"] in PROFILES and data["purpose"] in PURPOSES, _BAD)
    seq = data.get("sequence")
    require(isinstance(seq, int) and not isinstance(seq, bool) and seq >= 1, _BAD)
    prev = data.get("previous_manifest_sha256")
    require(prev is None or (isinstance(prev, str) and bool(HEX64.fullmatch(prev))), _BAD)
    require(isinstance(data.get("encrypted"), bool), _BAD)
    dev = data.get("device")
    require(isinstance(dev, dict) and _is_str(dev.get("id")) and _is_str(dev.get("minisign")),
            _BAD)
    recips = data.get("recipients")
    require(isinstance(recips, list) and len(recips) <= 32, _BAD)
    for r in recips:
        require(isinstance(r, dict) and _is_str(r.get("age_recipient")), _BAD)
    interviews = data.get("interviews")
    require(isinstance(interviews, list) and len(interviews) <= MAX_FILES, _BAD)
    for i in interviews:
        require(isinstance(i, dict) and _is_str(i.get("id")) and _is_str(i.get("digest"))
                and _is_str(i.get("code")), _BAD)
    audio = data.get("audio")
    require(isinstance(audio, list), _BAD)
    for a in audio:
        require(isinstance(a, dict) and _is_str(a.get("blob_id"))
                and a.get("state") in ("complete", "interrupted") and _is_str(a.get("kind")),
                _BAD)
    files = _parse_files(data.get("files"))
    chain, recipient = _parse_anchor(data, files)
    blob_names = {f"audio/{a['blob_id']}.bin" for a in audio}
    require(blob_names == {f.name for f in files if f.name.startswith("audio/")},
            "bundle.audio_list_match_files")
    redactions = data.get("redactions")
    return ManifestBody(
        format_version=FORMAT_VERSION, bundle_id=data["bundle_id"],
        created_at=data["created_at"], profile=data["profile"], purpose=data["purpose"],
        sequence=seq, previous_manifest_sha256=prev, encrypted=data["encrypted"],
        device=DeviceEntry(dev["id"], dev["minisign"], recipient),
        recipients=tuple(RecipientEntry(r["age_recipient"], _optional_str(r.get("fingerprint")))
                         for r in recips),
        interviews=tuple(InterviewEntry(i["id"], i["code"], i["digest"]) for i in interviews),
        audio=tuple(AudioEntry(a["blob_id"], a["kind"], a["state"],
                               _optional_str(a.get("created_at")),
                               _optional_str(a.get("completed_at"))) for a in audio),
        files=files, audit_chain=chain, source_audit_head=data.get("source_audit_head"),
        app_version=_optional_str(data.get("app_version")),
        redaction_count=len(redactions) if isinstance(redactions, list) else 0)


def _parse_files(files: Any) -> tuple[FileEntry, ...]:
    require(isinstance(files, list), _BAD)
    require(2 <= len(files) <= MAX_FILES, "bundle.declares_too_many_files")
    names: set[str] = set()
    total = 0
    out: list[FileEntry] = []
    for f in files:
        require(isinstance(f, dict) and set(f) == {"name", "size", "sha256"}, _BAD)
        name, size, sha = f["name"], f["size"], f["sha256"]
        require(isinstance(name, str) and container.name_allowed(name)
                and name not in (MANIFEST, SIGNATURE), "bundle.names_file_allowed")
        require(name not in names, "bundle.lists_file_twice")
        names.add(name)
        require(isinstance(size, int) and not isinstance(size, bool)
                and 0 <= size <= container.MAX_ENTRY_SIZE, "bundle.declares_oversized_file")
        total += size
        require(isinstance(sha, str) and bool(HEX64.fullmatch(sha)), _BAD)
        out.append(FileEntry(name, size, sha))
    require(total <= MAX_TOTAL, "bundle.declared_size_over_limit")
    require(out[0].name == DEVICE_PUB and out[1].name == SUMS, _BAD)
    require(out[1].size <= 200 * len(out), "bundle.declares_oversized_sha_sums")
    return tuple(out)


def _parse_anchor(data: dict[str, Any], files: tuple[FileEntry, ...]) -> tuple[AuditChainEntry, str]:
    """The device's receipt key and audit chain (anchor.py) are present and well formed."""
    chain = data.get("audit_chain")
    recipient = data["device"].get("age_recipient")
    if not isinstance(chain, dict) or recipient is None:
        raise rejected("bundle.lacks_device_s_audit")
    try:
        require(_is_str(recipient) and bool(check_recipient(recipient)), _BAD)
    except AgeError:
        raise rejected(_BAD) from None
    require(set(chain) == {"entries", "head"}, _BAD)
    n = chain["entries"]
    require(isinstance(n, int) and not isinstance(n, bool) and 0 <= n <= MAX_AUDIT_CHAIN
            and isinstance(chain["head"], str) and bool(HEX64.fullmatch(chain["head"])), _BAD)
    sizes = [f.size for f in files if f.name == AUDIT_CHAIN]
    require(sizes == [65 * n], _BAD)
    return AuditChainEntry(n, chain["head"]), recipient
