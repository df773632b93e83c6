"""Terminal wording for bundles: the verification report (``testimony verify``, as lines or as
JSON for scripts) and what an import brought, in the words people use. The core returns typed
results (``app.bundles.reader.Report``, ``app.bundles.importer.ImportResult``); the window
renders the same results in its own, translated words (ui/supervisor_view.py)."""

from __future__ import annotations

from typing import Any

from app.bundles.reader import Report
from crypto import minisign

# What the chain line says when verify had no vault to place the bundle in its device's chain.
CHAIN_NOT_CHECKED = "not checked (no --vault given)"

# table -> (singular, plural), in the order they are named
WORDS: tuple[tuple[str, str, str], ...] = (
    ("interview", "interview", "interviews"),
    ("segment", "passage", "passages"),
    ("audio_asset", "recording", "recordings"),
    ("marker", "marker", "markers"),
    ("tag", "tag", "tags"),
)


def in_words(by_table: dict[str, int]) -> str:
    """What an import brought ("2 interviews, 48 passages, 1 recording") rather than a count
    of database records: interviews, passages and recordings always; markers and tags when
    there are any."""
    parts = []
    for table, one, many in WORDS:
        n = by_table.get(table, 0)
        if n or table in ("interview", "segment", "audio_asset"):
            parts.append(f"{n} {one if n == 1 else many}")
    return ", ".join(parts)


def chain_text(report: Report) -> str:
    """The chain line in English (the core's message; the window translates the same one)."""
    return CHAIN_NOT_CHECKED if report.chain is None else str(report.chain)


def report_json(report: Report) -> dict[str, Any]:
    """The verification report for scripts (``testimony verify --json``)."""
    m = report.manifest.body
    return {
        "valid": report.origin_checked, "origin_checked": report.origin_checked,
        "integrity_checked": True, "anchor": report.anchor,
        "bundle_id": m.bundle_id, "profile": m.profile,
        "purpose": m.purpose, "created_at": m.created_at,
        "device_id": report.manifest.device.device_id,
        "device_fingerprint": report.manifest.device.fingerprint, "pinned": report.pinned,
        "sequence": m.sequence, "previous_manifest_sha256": m.previous_manifest_sha256,
        "chain": chain_text(report),
        "encrypted": report.encrypted,
        "recipients": [{"age_recipient": r.age_recipient, "fingerprint": r.fingerprint}
                       for r in m.recipients],
        "interviews": [{"id": i.id, "code": i.code} for i in m.interviews],
        "manifest_sha256": report.manifest.sha256,
        "files": [{"name": f.name, "size": f.size, "sha256": f.sha256} for f in report.files],
        "warnings": [str(w) for w in report.warnings],
    }


def report_lines(report: Report) -> list[str]:
    """The verification report for people at a terminal (``testimony verify``)."""
    m = report.manifest.body
    if report.anchor == "vault":
        trust = "pinned in this vault"
    elif report.anchor == "signer":
        trust = "matches the --signer key file"
    else:
        trust = ("ORIGIN NOT CHECKED (no --signer or --vault given; anyone can make a key "
                 "and claim this device id)")
    out = [
        f"Bundle {m.bundle_id} ({m.profile} profile, purpose {m.purpose})",
        f"Signed by device {m.device.id}",
        f"  fingerprint {report.manifest.device.fingerprint}: {trust}",
        f"  signature: valid (minisign, key id "
        f"{minisign.key_id_hex(report.manifest.device.public_key)})",
        f"Created {m.created_at} by app {m.app_version or '?'}",
        f"Sequence {m.sequence}; previous manifest "
        f"{m.previous_manifest_sha256 or '(none: first bundle)'}",
        f"Chain: {chain_text(report)}",
        "Encrypted to: " + ("; ".join(f"{r.fingerprint or '?'} ({r.age_recipient})"
                                      for r in m.recipients)
                            if report.encrypted else "NOBODY (unencrypted bundle)"),
        f"Trusted comment: {report.manifest.trusted_comment}",
        f"Interviews: {', '.join(i.code for i in m.interviews)}",
    ]
    if m.redaction_count:
        out.append(f"Redactions: {m.redaction_count} spans replaced")
    out.append(f"Files ({len(report.files)}), all SHA-256 verified:")
    out += [f"  {f.sha256}  {f.size:>12}  {f.name}" for f in report.files]
    out += [f"Warning: {w.render()}" for w in report.warnings]
    return out
