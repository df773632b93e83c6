"""Speaker labels proposed from a two-channel recording (interviewer on their own microphone).

For each original segment the mean power of each channel over the segment's span is compared:
clearly louder on the interviewer's channel -> 'interviewer', clearly louder on the other ->
'witness'; too close to call -> left unlabelled for a person to decide.
"""

from __future__ import annotations

import datetime as dt

from app.errors import UsageError
from app.interviews import resolve_id
from app.transcripts.store import apply_labels, segments
from storage.vault import Vault
from transcription import decode

MARGIN_DB = 6.0  # a channel must be this much louder to decide


def propose_from_channels(vault: Vault, interview_id: str, *, interviewer_channel: int = 0,
                          role: str, apply: bool = False,
                          now: dt.datetime | None = None) -> dict[str, str]:
    """Return {original segment id: label}; with ``apply`` also store them (audited)."""
    interview_id = resolve_id(vault, interview_id)
    segs = segments(vault, interview_id, "original")
    if not segs:
        raise UsageError("speaker.interview_transcript_yet_run")
    labels: dict[str, str] = {}
    for asset_id in dict.fromkeys(s.asset_id for s in segs):
        row = vault.conn.execute(
            "SELECT blob_id, container, codec, sample_rate, channels FROM audio_asset "
            "WHERE id = ?", (asset_id,)).fetchone()
        raw = decode.raw_format_for(row[1], row[2], row[3], row[4])
        mine = [s for s in segs if s.asset_id == asset_id]
        with vault.blob_reader(row[0]) as fh:
            if decode.probe(fh, raw).channels != 2:
                raise UsageError("speaker.channel_based_labels_need")
            powers = decode.channel_energy(fh, [(s.start, s.end) for s in mine], raw)
        for seg, power in zip(mine, powers, strict=True):
            if len(power) != 2:
                continue
            diff = decode.to_db(power[interviewer_channel]) - decode.to_db(
                power[1 - interviewer_channel])
            if diff >= MARGIN_DB:
                labels[seg.id] = "interviewer"
            elif diff <= -MARGIN_DB:
                labels[seg.id] = "witness"
    if apply and labels:
        apply_labels(vault, interview_id, labels, role=role, now=now, how="channels")
    return labels
