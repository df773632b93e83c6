"""Shared bundle constants and small helpers (manifest fields, entry names, digests)."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from app.bundles.tables import Table, rows_for
from storage.db import Connection
from storage.jsonutil import canonical_json

FORMAT = "testimony-bundle"
FORMAT_VERSION = 1
PROFILES = ("archive", "share")
PURPOSES = ("archive", "un", "court", "publication")
DEVICE_PUB = "device.pub"
MANIFEST = "manifest.json"
SIGNATURE = "manifest.json.minisig"
SUMS = "SHA256SUMS"
AUDIT = "audit/audit_log.jsonl"
AUDIT_CHAIN = "audit/chain.txt"  # every audit entry hash of the device, one per line (anchor.py)
VAULT_LEVEL = "vault"  # object_type of the vault-level audit events every bundle carries
ERASURES = frozenset({("interview", "delete"), ("interview", "purge")})  # carried as well
REDACTED = "[REDACTED]"
WITHHELD_KIND = "withheld-audio"  # blob kind of the empty audio placeholder in 'share' bundles

MAX_MANIFEST = 16 * 1024 * 1024
MAX_DEVICE_PUB = 1024
MAX_FILES = 100_000
MAX_TOTAL = 256 * 1024 ** 3
MAX_LINE = 64 * 1024 * 1024
MAX_AUDIT_CHAIN = 2_000_000  # audit entries per device a bundle may list (65 bytes each)


def trusted_comment(manifest: dict[str, Any]) -> str:
    """The minisign trusted comment of a bundle, derived from its manifest. The exporter signs
    exactly this and the reader requires exactly this, so the authenticated line that stock
    ``minisign -V`` prints always says the same as the manifest it vouches for."""
    return (f"{FORMAT} v{manifest['format_version']} bundle={manifest['bundle_id']} "
            f"device={manifest['device']['id']} seq={manifest['sequence']} "
            f"created={manifest['created_at']} sums={manifest['files'][1]['sha256']}")


def audio_name(blob_id: str) -> str:
    return f"audio/{blob_id}.bin"


def table_name(table: str) -> str:
    return f"tables/{table}.jsonl"


def sums_text(files: list[dict[str, Any]]) -> bytes:
    """``sha256sum -c`` input for every listed file except SHA256SUMS itself."""
    return "".join(f"{f['sha256']}  {f['name']}\n" for f in files
                   if f["name"] != SUMS).encode("ascii")


def jsonl(rows: list[dict[str, Any]]) -> bytes:
    return b"".join(canonical_json(r) + b"\n" for r in rows)


def interview_digest(conn: Connection, tables: dict[str, Table], interview_id: str) -> str:
    """A digest of everything an interview holds now (rows of every table, audio hashes).

    Used by --since-last (what changed) and by purge (only delete what the supervisor confirmed
    receiving, unchanged since)."""
    h = hashlib.sha256()
    for name in sorted(tables):
        h.update(name.encode() + b"\0")
        for row in rows_for(conn, tables, name, interview_id):
            h.update(canonical_json(row) + b"\n")
    for (sha,) in conn.execute(
            "SELECT b.sha256 FROM audio_asset a JOIN blob b ON b.id = a.blob_id "
            "WHERE a.interview_id = ? ORDER BY b.id", (interview_id,)):
        h.update(str(sha).encode() + b"\n")
    return h.hexdigest()


def reaches_supervisor(object_type: str, action: str) -> bool:
    """Audit events every bundle carries whatever it exports (see anchor.py): vault-level ones
    (creation, passphrase and recovery-key changes, failed unlocks, rekeying) and the erasure
    of interviews. Their details hold counts and ids, never testimony."""
    return object_type == VAULT_LEVEL or (object_type, action) in ERASURES


def consent_of(conn: Connection, interview_id: str) -> tuple[list[str], bool]:
    """(scopes, withdrawn) for an interview; no consent row means no scopes."""
    row = conn.execute("SELECT scopes, withdrawn_at FROM consent WHERE interview_id = ?",
                       (interview_id,)).fetchone()
    if row is None:
        return [], False
    try:
        scopes = json.loads(row[0])
    except ValueError:
        scopes = []
    return [s for s in scopes if isinstance(s, str)], row[1] is not None
