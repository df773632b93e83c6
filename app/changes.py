"""One change-notification path: services say what changed, front ends follow.

Every service that changes what a screen shows publishes a typed ``Change`` on the vault it
changed, after the change is committed: an interview created, renamed, edited or deleted; a
recording committed or imported; segments arriving during transcription and the transcription
finishing; a segment edited or reviewed; tags and events; bundles exported or imported;
receipts. A front end subscribes to the vault it opened (the GUI's session turns each change
into a Qt signal on the GUI thread, and each view reloads what it shows of the open interview),
so no screen needs a Refresh button and none goes stale.

A change carries no testimony: only its kind, the interview it belongs to (``None`` when it may
touch any interview, such as a bundle import) and, for segments, the layer. Listeners run on
the thread that made the change and must not raise: a failing listener is dropped from that
one notification rather than undoing committed work.
"""

from __future__ import annotations

import logging
import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from storage.backend import Store

log = logging.getLogger(__name__)


class Kind(StrEnum):
    INTERVIEW_CREATED = "interview-created"
    INTERVIEW_RENAMED = "interview-renamed"
    INTERVIEW_EDITED = "interview-edited"
    INTERVIEW_DELETED = "interview-deleted"
    RECORDING_PROGRESS = "recording-progress"
    RECORDING_COMMITTED = "recording-committed"
    AUDIO_IMPORTED = "audio-imported"
    MARKER_ADDED = "marker-added"
    SEGMENTS_ARRIVED = "segments-arrived"
    TRANSCRIPTION_FINISHED = "transcription-finished"
    SEGMENT_EDITED = "segment-edited"
    SEGMENT_REVIEWED = "segment-reviewed"
    SPEAKERS_CHANGED = "speakers-changed"
    TAGS_CHANGED = "tags-changed"
    BUNDLE_EXPORTED = "bundle-exported"
    BUNDLE_IMPORTED = "bundle-imported"
    RECEIPT_APPLIED = "receipt-applied"
    SETTINGS_CHANGED = "settings-changed"


#: Kinds that change the words of a transcript or translation.
TEXT_KINDS = frozenset({Kind.SEGMENTS_ARRIVED, Kind.TRANSCRIPTION_FINISHED, Kind.SEGMENT_EDITED,
                        Kind.SEGMENT_REVIEWED, Kind.SPEAKERS_CHANGED, Kind.MARKER_ADDED,
                        Kind.BUNDLE_IMPORTED})


@dataclass(frozen=True)
class Change:
    kind: Kind
    interview_id: str | None = None  # None: any interview may be affected
    layer: str | None = None  # 'original' or 'translation' for segment changes

    def concerns(self, interview_id: str | None) -> bool:
        """True if a view showing ``interview_id`` may have to reload."""
        return interview_id is not None and self.interview_id in (None, interview_id)


Listener = Callable[[Change], None]

_lock = threading.Lock()
_listeners: weakref.WeakKeyDictionary[Store, list[Listener]] = weakref.WeakKeyDictionary()


def subscribe(vault: Store, listener: Listener) -> Callable[[], None]:
    """Call ``listener`` for every change published on ``vault``; returns an unsubscribe."""
    with _lock:
        _listeners.setdefault(vault, []).append(listener)

    def unsubscribe() -> None:
        with _lock:
            found = _listeners.get(vault, [])
            if listener in found:
                found.remove(listener)

    return unsubscribe


def publish(vault: Store, change: Change) -> None:
    """Tell every subscriber of ``vault``; call after the change is committed."""
    with _lock:
        listeners = list(_listeners.get(vault, []))
    for listener in listeners:
        try:
            listener(change)
        except Exception:  # noqa: BLE001 - committed work stands; the listener is at fault
            log.exception("a change listener failed on %s", change.kind)
