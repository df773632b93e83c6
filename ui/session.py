"""The unlocked-or-locked state of the one vault the window shows.

``Session.call(fn)`` is how a view asks for vault work: ``fn(vault, cancel, progress)`` runs on
the task helper's single worker. Locking bumps a generation counter so that results of work
started before the lock are dropped instead of repainting views that were just cleared.

``changed`` carries every ``app.changes.Change`` published on the open vault, on the GUI thread
(the worker or a recording thread may publish; the queued hand-over happens here), so each view
follows the open interview as things happen (see ``ui.follow``).

The session may instead hold the organisation's archive (``set_archive``): an
``storage.pg.archive.Archive`` implements the same storage interface, so the views call the same
services on it. ``archive_role`` and ``login`` then say who is working (read from PostgreSQL's
role membership), and what the views record as the editor is that login with its role.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal, Slot

from app import changes
from app.tasks import CancelToken, ProgressFn
from crypto.kdf import KdfParams
from storage.errors import VaultLocked
from storage.vault import Vault
from ui.settings import Settings
from ui.tasks import ErrorFn, ProgressCb, Runner, TaskHandle

T = TypeVar("T")
V = TypeVar("V")
# Generic in the result, like ui.tasks.TaskFn: ``on_done`` receives what ``fn`` returns.
VaultFn = Callable[[Vault, CancelToken, ProgressFn], T]


def _report(exc: BaseException) -> None:
    from ui.errors import report_error

    report_error(None, exc)


class Session(QObject):
    locked = Signal(str)  # reason: "manual", "idle", "panic"
    unlocked = Signal()
    # Work that must not be interrupted by the idle lock (a recording) holds it off.
    about_to_lock = Signal(str)
    idle_hold = Signal()
    idle_release = Signal()
    changed = Signal(object)  # app.changes.Change, always on the GUI thread
    _incoming = Signal(object, int)  # from any thread: change, generation

    def __init__(self, vault_path: Path, *, role: str, runner: Runner, settings: Settings,
                 state_dir: Path, allow_weak_kdf: bool = False,
                 kdf_factory: Callable[..., KdfParams] | None = None,
                 archive_url: str | None = None) -> None:
        super().__init__()
        self.vault_path = Path(vault_path)
        self.role = role
        self.vault_role = role
        # The archive address to offer (from the command line or the last one opened; never a
        # password), and, while an archive is open, where it is and who is connected.
        self.archive_url = archive_url or ""
        self.archive_where = ""
        self.archive_role = ""
        self.login = ""
        self.runner = runner
        self.settings = settings
        self.state_dir = state_dir
        # Tests only: lets a test vault use cheap key derivation. Nothing in the GUI sets it.
        self.allow_weak_kdf = allow_weak_kdf
        self.kdf_factory = kdf_factory
        self.vault: Vault | None = None
        self.generation = 0
        self.failed_attempts_message = ""
        self._unsubscribe: Callable[[], None] | None = None
        # Auto connection to a slot of this GUI-thread object: queued when emitted elsewhere.
        self._incoming.connect(self._deliver)

    @property
    def is_unlocked(self) -> bool:
        return self.vault is not None

    @property
    def is_archive(self) -> bool:
        """An archive (not a vault) is open."""
        return self.vault is not None and bool(self.archive_where)

    def set_archive(self, archive: Any, login: str, role: str) -> None:
        """Work on the organisation's archive as ``login`` with archive role ``role``."""
        self.archive_where = archive.where
        self.archive_role = role
        self.login = login
        # What the services record as the editor (revisions, audit entries): who, not only
        # which role, since many people share a role at an office.
        self.role = f"{role}:{login}"
        self.set_vault(archive)

    def set_vault(self, vault: Vault, failed_attempts_message: str = "") -> None:
        self.vault = vault
        self.failed_attempts_message = failed_attempts_message
        self.generation += 1
        generation = self.generation
        self._unsubscribe = changes.subscribe(
            vault, lambda change: self._incoming.emit(change, generation))
        self.unlocked.emit()

    @Slot(object, int)
    def _deliver(self, change: changes.Change, generation: int) -> None:
        if generation == self.generation and self.vault is not None:
            self.changed.emit(change)

    def call(self, fn: VaultFn[T], *, on_done: Callable[[T], None] | None = None,
             on_error: ErrorFn | None = None, on_progress: ProgressCb | None = None,
             name: str = "vault task") -> TaskHandle | None:
        """Run ``fn(vault, cancel, progress)`` on the worker; None if the vault is locked."""
        vault = self.vault
        if vault is None:
            if on_error is not None:
                on_error(VaultLocked("vault.locked"))
            return None
        generation = self.generation

        def current(cb: Callable[[V], None] | None) -> Callable[[V], None] | None:
            if cb is None:
                return None

            def wrapped(value: V) -> None:
                if self.generation == generation:
                    cb(value)
            return wrapped

        def progress_wrapped(fraction: float, label: str) -> None:
            if on_progress is not None and self.generation == generation:
                on_progress(fraction, label)

        return self.runner.run_task(
            lambda cancel, progress: fn(vault, cancel, progress),
            on_done=current(on_done) or (lambda _v: None),
            on_error=current(on_error or _report),
            on_progress=progress_wrapped if on_progress else None, name=name)

    def hold_idle(self) -> None:
        self.idle_hold.emit()

    def release_idle(self) -> None:
        self.idle_release.emit()

    def lock(self, reason: str = "manual") -> None:
        """Cancel running work, close the vault on the worker, tell every view to clear."""
        vault = self.vault
        self.runner.cancel_all()
        # Views clear first (a running recording is stopped and sealed while the vault is
        # still open), then the vault is closed.
        self.about_to_lock.emit(reason)
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self.vault = None
        self.archive_where = self.archive_role = self.login = ""
        self.role = self.vault_role
        self.generation += 1
        if vault is not None:
            # The worker owns the connection, so it closes it too (after the cancelled task).
            self.runner.run_task(lambda _c, _p: vault.lock(), on_done=lambda _v: None,
                                 on_error=lambda _e: None, name="lock")
        self.locked.emit(reason)
