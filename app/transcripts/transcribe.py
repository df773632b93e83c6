"""Transcription jobs: audio from the vault -> windows -> engine -> segments in the vault.

One job per recording (audio asset) and layer. Audio is decrypted and decoded a window (about
five minutes, ``transcription.decode.WINDOW_S``) at a time, so memory does not grow with the
recording; a recording up to that long is one decode, as faster-whisper alone would make it.
Each segment is committed as soon as the engine produces it (progress moves with each one);
after each finished window the transcript's ``resume_at_s`` moves to the window's end. A
cancelled or killed job resumes from there: segments of the unfinished window are dropped and
that window is redone, which makes a resumed transcript identical to an uninterrupted one
(window cut points depend only on the audio after the resume point).

Translation (Whisper's translate task, English) runs on each original segment's own audio span,
so translation segment N always covers exactly the audio of original segment N: translators
compare line by line, tags and review work per segment, and exports align without guessing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from app import model_store
from app.changes import Change, Kind, publish
from app.errors import AppError, NotFound, UsageError
from app.interviews import resolve_id
from app.tasks import Cancelled, CancelToken, ProgressFn, no_progress
from storage.db import Connection
from storage.vault import Vault
from transcription import decode, models
from transcription.decode import SAMPLE_RATE, AudioWindow
from transcription.engine import Engine, FasterWhisperEngine, Segment
from transcription.errors import EngineCancelled
from transcription.process_engine import ProcessEngine, close_engine

LANGUAGES = ("ko", "en", "zh", "auto")
EngineFactory = Callable[[str], Engine]


def models_dir() -> Path:
    """Where imported models' files live (see app.model_store; their hashes are in the vault)."""
    return model_store.models_dir()


def default_engine_factory(cpu_threads: int = 0, *, in_process: bool = False,
                           cancel: CancelToken | None = None,
                           vault: Vault | None = None) -> EngineFactory:
    """Engines for ``transcribe_interview``: by default faster-whisper in a child process.

    The CLI and the desktop client both use the child process (one code path, tested by the
    frozen app's self-test); ``in_process=True`` keeps the model in this process (benchmarks
    and tests that compare the two). ``cancel`` (the job's token) also stops a model load.
    ``vault`` supplies imported models' recorded hashes (without it only built-ins load).
    """
    def make(name: str) -> Engine:
        if in_process:
            return FasterWhisperEngine(model_store.load_spec(vault, name),
                                       cpu_threads=cpu_threads)
        info = model_store.get_model(vault, name)
        return ProcessEngine(name, models_dir=models_dir(), multilingual=info.multilingual,
                             cpu_threads=cpu_threads, cancel=cancel,
                             record=model_store.record_for(vault, name))
    return make


class PrestartedEngines:
    """An engine factory whose child process starts loading a model *now*.

    Loading the model (starting Python, importing faster-whisper, verifying the hashes,
    building the model) takes seconds; the CLI starts it before unlocking the vault, so the
    load and the key derivation run side by side instead of one after the other. When the job
    asks for the prestarted model it gets that engine; another model (an unfinished job keeps
    its own) is started then, and the prestarted child is stopped. ``close()`` stops a child
    that was never used (nothing to transcribe, a wrong passphrase).

    Only a built-in model can be prestarted: an imported model's hashes are in the vault, which
    is still locked here, so ``get_model`` without them raises ``ModelNotFound`` (the caller
    then starts no child early). Set ``vault`` once it is unlocked: engines started after that
    (another model) get imported models' records from it.
    """

    def __init__(self, name: str, cpu_threads: int = 0, *,
                 cancel: CancelToken | None = None) -> None:
        self._threads, self._cancel = cpu_threads, cancel
        self.vault: Vault | None = None
        self._spare: ProcessEngine | None = None
        info = models.get_model(name, models_dir())
        self._spare = ProcessEngine(name, models_dir=models_dir(),
                                    multilingual=info.multilingual, cpu_threads=cpu_threads,
                                    cancel=cancel, wait=False)

    def __call__(self, name: str) -> Engine:
        spare, self._spare = self._spare, None
        if spare is not None and spare.name == name:
            return spare
        if spare is not None:
            spare.close()
        return default_engine_factory(self._threads, cancel=self._cancel, vault=self.vault)(name)

    def close(self) -> None:
        spare, self._spare = self._spare, None
        if spare is not None:
            spare.close()


@dataclass
class JobResult:
    asset_id: str
    transcript_id: str
    translation_id: str | None
    segments: int
    state: str
    already_done: bool = False  # nothing needed doing for this recording


@dataclass
class _Asset:
    id: str
    blob_id: str
    raw: decode.RawFormat | None
    duration_s: float | None
    state: str


def _now(now: dt.datetime | None) -> str:
    return (now or dt.datetime.now(dt.UTC)).isoformat()


def _assets(vault: Vault, interview_id: str, asset_id: str | None) -> list[_Asset]:
    rows = vault.conn.execute(
        "SELECT id, blob_id, container, codec, sample_rate, channels, duration_s, state "
        "FROM audio_asset WHERE interview_id = ? ORDER BY created_at, id",
        (interview_id,)).fetchall()
    items = [_Asset(r[0], r[1], decode.raw_format_for(r[2], r[3], r[4], r[5]), r[6], r[7])
             for r in rows if asset_id is None or r[0] == asset_id or r[0].startswith(asset_id)]
    if not items:
        if asset_id is None:
            raise NotFound("transcribe.no_audio")
        raise NotFound("transcribe.no_such_recording", asset_id=asset_id)
    return items


@dataclass(frozen=True)
class TranscriptRow:
    """A recording's transcript of one layer as a job finds it: finished, or where to resume."""

    id: str
    state: str
    resume_at_s: float
    model: str
    hashes: dict[str, str]
    language: str | None  # detected (or asked for) language of the original
    requested: str | None  # the language the job was started with; None: auto-detect

    @property
    def complete(self) -> bool:
        return self.state == "complete"


def _transcript_row(vault: Vault, asset_id: str, layer: str) -> TranscriptRow | None:
    row = vault.conn.execute(
        "SELECT id, state, resume_at_s, model_name, model_hashes, language, parameters "
        "FROM transcript WHERE asset_id = ? AND layer = ?", (asset_id, layer)).fetchone()
    if row is None:
        return None
    requested = json.loads(row[6]).get("language_requested", "auto")
    return TranscriptRow(id=str(row[0]), state=str(row[1]), resume_at_s=float(row[2]),
                         model=str(row[3]), hashes=json.loads(row[4]), language=row[5],
                         requested=None if requested == "auto" else str(requested))


def transcribe_interview(
    vault: Vault, interview_id: str, *, role: str, model: str | None = None,
    language: str | None = "auto", translate: bool = False, asset_id: str | None = None,
    engine_factory: EngineFactory | None = None, progress: ProgressFn = no_progress,
    cancel: CancelToken | None = None, now: Callable[[], dt.datetime] | None = None,
) -> list[JobResult]:
    """Transcribe (and optionally translate) every recording of an interview, resuming work.

    ``language`` is 'ko', 'en', 'zh' or 'auto'. Raises Cancelled when ``cancel`` fires (work so
    far is kept and resumable) and UsageError for requests the model cannot do.
    """
    if language not in LANGUAGES:
        raise UsageError("transcribe.language_must_one", choices=', '.join(LANGUAGES))
    lang = None if language == "auto" else language
    interview_id = resolve_id(vault, interview_id)
    cancel = cancel or CancelToken()
    clock = now or (lambda: dt.datetime.now(dt.UTC))
    assets = _assets(vault, interview_id, asset_id)
    chosen = _choose_model(vault, assets, model, translate)
    info = model_store.get_model(vault, chosen)
    if not info.multilingual and (translate or lang not in (None, "en")):
        if translate:
            raise UsageError("transcribe.english_only_model_cannot_translate", chosen=chosen,
                             default_model=models.DEFAULT_MODEL)
        raise UsageError("transcribe.model_understands_english_only", chosen=chosen,
                         default_model=models.DEFAULT_MODEL, value=lang)
    lang = "en" if not info.multilingual else lang
    factory = engine_factory or default_engine_factory(vault=vault)
    engine: Engine | None = None
    results = []
    total = sum(a.duration_s or 0.0 for a in assets) or 1.0
    done_before = 0.0
    try:
        for asset in assets:
            if asset.state not in ("complete", "interrupted"):
                raise UsageError("transcribe.recording_interview_still_being")
            original = _transcript_row(vault, asset.id, "original")
            translation = _transcript_row(vault, asset.id, "translation")
            need_orig = original is None or not original.complete
            need_trans = translate and (translation is None or not translation.complete)
            if need_orig or need_trans:
                started = time.monotonic()
                with _job_lock(vault, asset.id):
                    # Re-read under the lock: another job may have finished meanwhile.
                    original = _transcript_row(vault, asset.id, "original")
                    translation = _transcript_row(vault, asset.id, "translation")
                    if engine is None:
                        try:
                            # A started engine may still be loading its model: the job
                            # waits for it only once its first window is decoded.
                            engine = factory(chosen)
                        except EngineCancelled as exc:  # while the model was loading
                            raise Cancelled("transcribe.cancelled") from exc
                    results.append(_Job(vault, engine, asset, interview_id, role=role,
                                        language=lang, translate=translate,
                                        clock=clock, cancel=cancel,
                                        progress=_scaled(progress, done_before,
                                                         asset.duration_s or 0.0, total),
                                        ).run(original, translation))
                if (original is None and not translate and asset.duration_s
                        and results[-1].state == "complete"):
                    # A whole first transcription: its speed (model load included) is what
                    # the model chooser shows for this laptop.
                    model_store.record_speed(vault, chosen, asset.duration_s,
                                             time.monotonic() - started)
            else:
                results.append(JobResult(asset.id, original.id if original else "",
                                         translation.id if translation else None,
                                         _count(vault, original.id if original else ""),
                                         "complete", already_done=True))
            done_before += asset.duration_s or 0.0
    finally:
        # The engine may own a child process (ProcessEngine): stop it with the job.
        if engine is not None:
            close_engine(engine)
    progress(1.0, "done")
    return results


class JobBusy(AppError):
    """Another process is transcribing the same recording."""


@contextlib.contextmanager
def _job_lock(vault: Vault, asset_id: str) -> Iterator[None]:
    """One job per recording at a time (a second window or command would duplicate segments).

    An flock on a file in the vault's lock folder: released by the OS if the process dies, so a
    killed job never blocks the resume.
    """
    import fcntl

    folder = vault.lock_folder
    folder.mkdir(mode=0o700, exist_ok=True)
    path = folder / f"transcribe-{asset_id}.lock"
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise JobBusy("transcribe.recording_already_being_transcribed") from None
        yield
    finally:
        os.close(fd)


def _scaled(progress: ProgressFn, before: float, length: float, total: float) -> ProgressFn:
    """Progress of one recording as a share of all the interview's audio."""
    def report(fraction: float, label: str) -> None:
        progress(min(1.0, (before + fraction * length) / total), label)
    return report


def _count(vault: Vault, transcript_id: str) -> int:
    return int(vault.conn.execute("SELECT COUNT(*) FROM segment WHERE transcript_id = ?",
                                  (transcript_id,)).fetchone()[0])


def _choose_model(vault: Vault, assets: list[_Asset], model: str | None, translate: bool) -> str:
    """The model asked for; an unfinished job keeps its model so a resume matches its start."""
    for asset in assets:
        for layer in ("original", "translation"):
            row = _transcript_row(vault, asset.id, layer)
            if row is None or (layer == "translation" and not translate):
                continue
            if not row.complete:
                if model is not None and model != row.model:
                    raise UsageError(
                        "transcribe.recording_transcribed_model_continue", model=row.model
                    )
                return row.model
    return model or models.DEFAULT_MODEL


class _Job:
    """One recording: runs windows, writes segments, moves the resume point."""

    def __init__(self, vault: Vault, engine: Engine, asset: _Asset, interview_id: str, *,
                 role: str, language: str | None, translate: bool,
                 clock: Callable[[], dt.datetime], cancel: CancelToken,
                 progress: ProgressFn) -> None:
        self.vault, self.engine, self.asset = vault, engine, asset
        self.interview_id, self.role, self.language = interview_id, role, language
        self.translate, self.clock = translate, clock
        self.cancel, self.progress = cancel, progress
        self.duration = asset.duration_s

    # --------------------------------------------------------------- transcript rows
    def _start(self, row: TranscriptRow | None, layer: str, source_id: str | None) -> str:
        stamp = _now(self.clock())
        known = {m.name: m for m in model_store.list_models(self.vault)}
        hashes = known[self.engine.name].file_hashes if self.engine.name in known else {}
        with self.vault.transaction() as conn:
            if row is None:
                tid = str(uuid.uuid4())
                conn.execute(
                    "INSERT INTO transcript(id, interview_id, asset_id, layer, "
                    "source_transcript_id, task, language, machine_draft, model_name, "
                    "model_hashes, parameters, engine_version, glossary_sha256, glossary_terms, "
                    "state, resume_at_s, duration_s, started_at, updated_at, created_by) "
                    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (tid, self.interview_id, self.asset.id, layer, source_id,
                     "transcribe" if layer == "original" else "translate",
                     self.language if layer == "original" else "en", 1, self.engine.name,
                     json.dumps(hashes, sort_keys=True),
                     json.dumps({**self.engine.parameters(),
                                 "language_requested": self.language or "auto"},
                                sort_keys=True),
                     # No glossary reaches the decoder (on real speech it made
                     # Whisper invent taxonomy terms): no fingerprint, zero terms.
                     self.engine.version(), None, 0,
                     "running", 0.0, self.duration, stamp, stamp, self.role))
                action = "transcribe-start" if layer == "original" else "translate-start"
            else:
                tid = row.id
                self._drop_unfinished(conn, tid, layer, row.resume_at_s)
                conn.execute("UPDATE transcript SET state = 'running', updated_at = ? "
                             "WHERE id = ?", (stamp, tid))
                action = "transcribe-resume" if layer == "original" else "translate-resume"
            self.vault.audit(action, "transcript", tid, role=self.role, now=self.clock(),
                             details={"asset_id": self.asset.id, "model": self.engine.name,
                                      "layer": layer})
        return tid

    @staticmethod
    def _drop_unfinished(conn: Connection, tid: str, layer: str, resume_at: float) -> None:
        """Remove segments of the window that was being worked on when the job stopped."""
        if layer == "original":
            ids = [r[0] for r in conn.execute(
                "SELECT id FROM segment WHERE transcript_id = ? AND start_s >= ?",
                (tid, resume_at - 1e-6))]
        else:
            ids = [r[0] for r in conn.execute(
                "SELECT s.id FROM segment s JOIN segment o ON o.id = s.source_segment_id "
                "WHERE s.transcript_id = ? AND o.start_s >= ?", (tid, resume_at - 1e-6))]
        for seg_id in ids:
            conn.execute("DELETE FROM segment WHERE source_segment_id = ?", (seg_id,))
            conn.execute("DELETE FROM segment_revision WHERE segment_id = ?", (seg_id,))
            conn.execute("DELETE FROM segment WHERE id = ?", (seg_id,))

    def _finish(self, tid: str, state: str, resume_at: float | None = None) -> None:
        stamp = _now(self.clock())
        with self.vault.transaction() as conn:
            conn.execute(
                "UPDATE transcript SET state = ?, updated_at = ?, completed_at = ?, "
                "resume_at_s = COALESCE(?, resume_at_s), "
                "language = COALESCE(language, ?) WHERE id = ?",
                (state, stamp, stamp if state == "complete" else None, resume_at,
                 self.detected, tid))
            self.vault.audit(f"transcribe-{state}" if state != "complete" else "transcribe-done",
                             "transcript", tid, role=self.role, now=self.clock(),
                             details={"asset_id": self.asset.id,
                                      "segments": _count(self.vault, tid)})
        publish(self.vault, Change(Kind.TRANSCRIPTION_FINISHED, self.interview_id))

    def _checkpoint(self, tid: str, resume_at: float) -> None:
        with self.vault.transaction() as conn:
            conn.execute("UPDATE transcript SET resume_at_s = ?, updated_at = ?, "
                         "language = COALESCE(language, ?) WHERE id = ?",
                         (resume_at, _now(self.clock()), self.detected, tid))

    # --------------------------------------------------------------- segments
    def _insert(self, tid: str, layer: str, idx: int, seg: Segment,
                source_id: str | None = None, speaker: str | None = None) -> str:
        seg_id = str(uuid.uuid4())
        stamp = _now(self.clock())
        words = json.dumps([{"start": w.start, "end": w.end, "word": w.word,
                             "probability": w.probability} for w in seg.words],
                           ensure_ascii=False) if seg.words else None
        flags = json.dumps(list(seg.flags)) if seg.flags else None
        with self.vault.transaction() as conn:
            conn.execute(
                "INSERT INTO segment(id, interview_id, asset_id, idx, start_s, end_s, speaker, "
                "text, created_at, created_by, transcript_id, layer, review_status, words, "
                "source_segment_id, engine_flags) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (seg_id, self.interview_id, self.asset.id, idx, seg.start, seg.end, speaker,
                 seg.text, stamp, self.role, tid, layer, "draft", words, source_id, flags))
            conn.execute(
                "INSERT INTO segment_revision(id, segment_id, interview_id, rev, kind, text, "
                "reason, created_at, created_by) VALUES (?,?,?,0,'engine',?,NULL,?,?)",
                (str(uuid.uuid4()), seg_id, self.interview_id, seg.text, stamp, self.role))
        publish(self.vault, Change(Kind.SEGMENTS_ARRIVED, self.interview_id, layer))
        return seg_id

    # --------------------------------------------------------------- the run
    def run(self, original: TranscriptRow | None,
            translation: TranscriptRow | None) -> JobResult:
        with contextlib.ExitStack() as stack:
            return self._run(stack, original, translation)

    def _run(self, stack: contextlib.ExitStack, original: TranscriptRow | None,
             translation: TranscriptRow | None) -> JobResult:
        # Auto-detected language of the original, reused for translating its segments.
        self.detected: str | None = original.language if original else None
        orig_done = original is not None and original.complete
        if original is not None and not orig_done:
            # A resumed job keeps the language it was started with, like its model, so the
            # result matches an uninterrupted run.
            self.language = original.requested
        orig_at = 0.0 if original is None else original.resume_at_s
        if orig_done:
            orig_at = float("inf")
        trans_at = float("inf")
        if self.translate and not (translation is not None and translation.complete):
            trans_at = translation.resume_at_s if translation else 0.0
        start_at = min(orig_at, trans_at)
        if self.duration is None:
            with self.vault.blob_reader(self.asset.blob_id) as fh:
                self.duration = decode.probe(fh, self.asset.raw).duration_s
        # The first window is decrypted and decoded before the job waits for the engine, which
        # may still be loading its model in its own process: the two overlap.
        fh = stack.enter_context(self.vault.blob_reader(self.asset.blob_id))
        windows = decode.iter_windows(fh, start_s=start_at, raw=self.asset.raw)
        failed: Exception | None = None
        try:
            first = next(windows, None)
        except Exception as exc:  # noqa: BLE001 - raised below, where the failure is recorded
            first, failed = None, exc
        try:
            self.engine.version()
        except EngineCancelled as exc:  # while the model was loading
            raise Cancelled("transcribe.cancelled") from exc
        orig_id = original.id if orig_done and original else self._start(original, "original",
                                                                          None)
        trans_id: str | None = None
        if self.translate:
            if translation is not None and translation.complete:
                trans_id = translation.id
            else:
                trans_id = self._start(translation, "translation", orig_id)
        running = [t for t in (None if orig_done else orig_id, trans_id
                               if trans_at != float("inf") else None) if t]
        try:
            if failed is not None:
                raise failed
            window, first = first, None
            while window is not None:
                self.cancel.raise_if_cancelled("transcribe.cancelled")
                # Digital silence (e.g. a paused recorder) cannot hold speech: skip the engine.
                speech = not decode.is_silent(window.samples)
                if speech and window.offset_s >= orig_at - 1e-6:
                    self._transcribe_window(orig_id, window)
                if speech and trans_id and window.offset_s >= trans_at - 1e-6:
                    self._translate_window(trans_id, orig_id, window)
                end = window.end_s
                for tid in running:
                    self._checkpoint(tid, end)
                self.progress(min(1.0, end / self.duration) if self.duration else 0.0,
                              "transcribing")
                del window  # let it go before the next one is decoded (19 MB each)
                window = next(windows, None)
        except (Cancelled, EngineCancelled) as exc:
            for tid in running:
                self._finish(tid, "cancelled")
            raise Cancelled("transcribe.cancelled") from exc
        except BaseException:
            for tid in running:
                with contextlib.suppress(Exception):  # report the first error, not this one
                    self._finish(tid, "failed")
            raise
        for tid in running:
            self._finish(tid, "complete")
        return JobResult(self.asset.id, orig_id, trans_id, _count(self.vault, orig_id),
                         "complete")

    def _next_idx(self, tid: str) -> int:
        return int(self.vault.conn.execute(
            "SELECT COALESCE(MAX(idx), -1) + 1 FROM segment WHERE transcript_id = ?",
            (tid,)).fetchone()[0])

    def _transcribe_window(self, tid: str, window: AudioWindow) -> None:
        idx = self._next_idx(tid)

        def store(seg: Segment) -> None:
            nonlocal idx
            self._insert(tid, "original", idx, seg)
            idx += 1
            if self.duration:
                self.progress(min(1.0, seg.end / self.duration), "transcribing")

        info = self.engine.transcribe(window, language=self.language, task="transcribe",
                                      on_segment=store, cancel=self.cancel)
        if self.detected is None and info.language:
            self.detected = info.language

    def _translate_window(self, trans_id: str, orig_id: str, window: AudioWindow) -> None:
        rows = self.vault.conn.execute(
            "SELECT id, idx, start_s, end_s, speaker FROM segment WHERE transcript_id = ? AND "
            "start_s >= ? AND start_s < ? AND NOT EXISTS (SELECT 1 FROM segment t WHERE "
            "t.source_segment_id = segment.id) ORDER BY idx",
            (orig_id, window.offset_s - 1e-6, window.end_s - 1e-6)).fetchall()
        base = window.start_sample
        for seg_id, idx, start, end, speaker in rows:
            self.cancel.raise_if_cancelled("transcribe.cancelled")
            a = max(0, round(float(start) * SAMPLE_RATE) - base)
            b = min(len(window.samples), round(float(end) * SAMPLE_RATE) - base)
            span = AudioWindow(float(start), np.asarray(window.samples[a:b]), True)
            parts: list[Segment] = []
            self.engine.transcribe(span, language=self.language or self.detected,
                                   task="translate",
                                   on_segment=parts.append, cancel=self.cancel)
            text = " ".join(p.text for p in parts).strip() or "[no translation]"
            self._insert(trans_id, "translation", int(idx),
                         Segment(float(start), float(end), text), source_id=seg_id,
                         speaker=speaker)



