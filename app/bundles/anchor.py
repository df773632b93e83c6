"""The audit-chain anchor: every bundle carries its device's whole audit chain, and the
supervisor's vault checks that each device's chain only ever grows.

Why: the audit log is hash-chained, but whoever knows the passphrase can delete an entry and
re-chain the rest, and ``audit verify`` on the laptop still passes. A supervisor who has seen
the chain is an anchor outside the laptop: once a bundle has shown entry hashes 1..n, every
later bundle from that device must list the same n hashes first, in the same order.

What a bundle carries (all covered by the signed manifest and SHA256SUMS):

* ``audit/chain.txt``: the SHA-256 of every audit entry of the device, oldest first, one
  lowercase hex hash per line (hashes only: no content, 65 bytes per entry);
* the manifest's ``audit_chain``: ``{"entries": n, "head": last hash or 64 zeros}``;
* in ``audit/audit_log.jsonl``, besides the entries about the bundled interviews, every
  vault-level event (object type ``vault``: creation, passphrase and recovery-key changes,
  failed unlock attempts, rekeying) and every interview deletion or purge
  (``model.reaches_supervisor``), so these reach the supervisor.

``check_bundle`` ties the list to the bundle's own entries and head; ``check_device`` compares
it with what the supervisor's vault has seen from that device (and the pinned receipt key);
``record`` stores the longer chain. A mismatch refuses the whole bundle with one sentence.

A bundle that importer.sequence_status calls *suspicious* (not anchored to bundle 1 and not
following what was seen before, e.g. a stolen key skipping a number) is still checked against
the anchor but cannot move it, nor count in the length comparisons: otherwise a stolen signing
key could show a made-up chain first and get the laptop's genuine bundles refused as "rewritten
history" (nothing genuine may be discarded because something forged came first).
"""

from __future__ import annotations

from typing import Any

from app.bundles.manifest import rejected
from app.bundles.reader import Manifest
from storage.audit import GENESIS
from storage.db import Connection

HASH_BYTES = 32


def chain_of(snap: Connection) -> tuple[bytes, dict[str, Any]]:
    """(``audit/chain.txt`` bytes, the manifest's ``audit_chain`` field) for the whole log."""
    hashes = [str(r[0]) for r in snap.execute("SELECT hash FROM audit_log ORDER BY seq")]
    text = "".join(h + "\n" for h in hashes).encode("ascii")
    return text, {"entries": len(hashes), "head": hashes[-1] if hashes else GENESIS}


def entries_of(manifest: Manifest) -> int:
    return manifest.body.audit_chain.entries


def _hash_at(chain: bytes, position: int) -> str:
    """The hex hash of entry ``position`` (1-based); GENESIS for position 0."""
    if position == 0:
        return GENESIS
    return chain[(position - 1) * HASH_BYTES:position * HASH_BYTES].hex()


def check_bundle(manifest: Manifest) -> None:
    """The bundle's chain agrees with its manifest head and with every audit entry it carries."""
    chain, n = manifest.audit_chain, entries_of(manifest)
    altered = "bundle.audit_history_altered"
    if len(chain) != n * HASH_BYTES or _hash_at(chain, n) != manifest.body.audit_chain.head:
        raise rejected(altered)
    source_head = manifest.body.source_audit_head
    if source_head is not None and n and source_head != f"{n}:{_hash_at(chain, n)}":
        raise rejected(altered)
    for seq, prev_hash, entry_hash in manifest.audit_seen:
        if not 1 <= seq <= n or _hash_at(chain, seq) != entry_hash \
                or _hash_at(chain, seq - 1) != prev_hash:
            raise rejected(altered)


def check_device(conn: Connection, manifest: Manifest) -> None:
    """Refuse a bundle whose chain does not extend (or, if older, is not a prefix of) what this
    vault has seen from the device in trusted bundles, or whose receipt key differs from the
    pinned one."""
    device_id = manifest.device.device_id
    pinned = conn.execute("SELECT age_recipient FROM trusted_device WHERE device_id = ?",
                          (device_id,)).fetchone()
    if pinned is not None and pinned[0] and pinned[0] != manifest.body.device.age_recipient:
        raise rejected("bundle.receipt_key_age_recipient")
    chain, n = manifest.audit_chain, entries_of(manifest)
    row = conn.execute("SELECT entries, hashes FROM audit_anchor WHERE device_id = ?",
                       (device_id,)).fetchone()
    if row is not None:
        seen = bytes(row[1])
        common = min(n, int(row[0])) * HASH_BYTES
        if chain[:common] != seen[:common]:
            first = next(i for i in range(0, common, HASH_BYTES)
                         if chain[i:i + HASH_BYTES] != seen[i:i + HASH_BYTES])
            raise rejected("bundle.laptop_s_audit_history", value=first // HASH_BYTES + 1)
    seq = manifest.sequence
    for other_seq, other_n in conn.execute(
            "SELECT seq, entries FROM audit_anchor_bundle WHERE device_id = ? AND seq != ?",
            (device_id, seq)):
        if (other_seq < seq and other_n >= n) or (other_seq > seq and other_n <= n):
            raise rejected("bundle.audit_history_entries_longer", n=n, min=min(seq, other_seq),
                           value=other_n if other_seq < seq else n)


def record(conn: Connection, manifest: Manifest, stamp: str, *, trusted: bool = True) -> None:
    """Inside the import transaction: learn the device's receipt key from its signed manifest if
    it was pinned without one; for a ``trusted`` (not suspicious) bundle also keep the longest
    chain seen and this bundle's chain length."""
    device_id = manifest.device.device_id
    chain, n = manifest.audit_chain, entries_of(manifest)
    conn.execute("UPDATE trusted_device SET age_recipient = ? WHERE device_id = ? AND "
                 "age_recipient IS NULL", (manifest.body.device.age_recipient, device_id))
    if not trusted:
        return
    conn.execute(
        "INSERT INTO audit_anchor(device_id, entries, hashes, updated_at) VALUES (?,?,?,?) "
        "ON CONFLICT(device_id) DO UPDATE SET entries = excluded.entries, "
        "hashes = excluded.hashes, updated_at = excluded.updated_at "
        "WHERE excluded.entries > audit_anchor.entries", (device_id, n, chain, stamp))
    conn.execute("INSERT OR IGNORE INTO audit_anchor_bundle(device_id, seq, entries, "
                 "manifest_sha256) VALUES (?,?,?,?)",
                 (device_id, manifest.sequence, n, manifest.sha256))
