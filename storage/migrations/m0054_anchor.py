"""Schema version 54: device receipt keys pinned with devices; per-device audit-chain anchors.

Supervisor side. ``trusted_device.age_recipient`` is the X25519 (age) key a field laptop's
receipts are encrypted to: pinned from ``device show`` output, or learned from the first signed
manifest of an already pinned device. ``audit_anchor`` holds, per device, every audit entry hash
the device's bundles have shown so far (32 raw bytes each, in order), so a later bundle whose
chain does not extend it (entries removed and re-chained on the laptop) is refused.
``audit_anchor_bundle`` records how long the chain was in each imported bundle, so a newer
bundle may not carry a shorter (truncated) chain than an older one.
"""

from __future__ import annotations

from storage.db import Connection

VERSION = 54
NAME = "anchor"

SCHEMA = """
ALTER TABLE trusted_device ADD COLUMN age_recipient TEXT;

CREATE TABLE audit_anchor (
    device_id TEXT PRIMARY KEY,
    entries INTEGER NOT NULL CHECK (entries >= 0),
    hashes BLOB NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (length(hashes) = 32 * entries)
);

CREATE TABLE audit_anchor_bundle (
    device_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    entries INTEGER NOT NULL,
    manifest_sha256 TEXT NOT NULL,
    PRIMARY KEY (device_id, seq)
)
"""


def apply(conn: Connection) -> None:
    for statement in SCHEMA.split(";"):
        if statement.strip():
            conn.execute(statement)
