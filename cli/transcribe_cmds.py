"""Transcription commands: transcribe, transcript show/edit/review/speaker, models list/import."""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
from pathlib import Path
from typing import Any

from app import model_store
from app.errors import UsageError
from app.tasks import CancelToken
from app.transcripts import export as transcript_export
from app.transcripts import store as transcripts
from app.transcripts import suggestions, transcribe
from cli.context import Context, add_archive_option, vault_only
from cli.output import StderrProgress, print_json
from crypto import kdf
from transcription import models
from transcription.errors import TranscriptionError

# Why transcription, speaker labels and models refuse an archive (cli.context.vault_only).
TRANSCRIBE = ("transcribing reads the recording, which the archive keeps encrypted to its "
              "offline key; transcribe in a vault and bring the transcript in with a bundle")
SPEAKER = ("speaker labels come from the recording's channels and are set in a vault, before "
           "the bundle")
MODELS = "speech models are kept with a vault on this computer"


def register(sub: Any) -> None:
    p = sub.add_parser("transcribe", help="transcribe an interview's audio locally (Whisper)")
    p.add_argument("id", help="interview id or code")
    p.add_argument("--model", help=f"model name (default {models.DEFAULT_MODEL}; see 'models list')")
    p.add_argument("--language", choices=transcribe.LANGUAGES, default="auto")
    p.add_argument("--translate", action="store_true",
                   help="also make an English machine-draft translation of each segment")
    p.add_argument("--asset", help="only this recording (audio asset id or prefix)")
    p.add_argument("--threads", type=int, default=0, help="CPU threads (default: up to 4)")
    p.set_defaults(func=cmd_transcribe)
    vault_only(p, TRANSCRIBE)

    tr = sub.add_parser("transcript", help="show, correct and review transcripts")
    tsub = tr.add_subparsers(dest="transcript_command", metavar="ACTION")
    p = tsub.add_parser("show", help="print or export a transcript layer")
    p.add_argument("id")
    p.add_argument("--format", choices=transcript_export.FORMATS, default="txt")
    p.add_argument("--layer", choices=transcripts.LAYERS, default="original")
    p.add_argument("--out", metavar="FILE", help="write to FILE (required for docx)")
    p.add_argument("--needs-review", action="store_true",
                   help="txt: only segments not yet reviewed, least certain first")
    p.add_argument("--mark-confidence", action="store_true",
                   help="txt: mark words and segments the engine was unsure of")
    add_archive_option(p)
    p.set_defaults(func=cmd_show)

    p = tsub.add_parser("edit", help="correct a segment's text (kept as a new revision)")
    p.add_argument("id")
    p.add_argument("segment", help="segment number shown by 'transcript show', or segment id")
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--text", help="the corrected text")
    what.add_argument("--accept", metavar="SUGGESTION",
                      help="accept a term suggestion by the id 'transcript suggestions' lists")
    p.add_argument("--layer", choices=transcripts.LAYERS, default="original")
    p.add_argument("--reason", help="why the text was changed (kept with the revision)")
    add_archive_option(p)
    p.set_defaults(func=cmd_edit)

    p = tsub.add_parser("suggestions",
                        help="list taxonomy terms that recognised words nearly match")
    p.add_argument("id")
    p.add_argument("--segment", help="only this segment (number or id)")
    p.add_argument("--layer", choices=transcripts.LAYERS, default="original")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    add_archive_option(p)
    p.set_defaults(func=cmd_suggestions)

    p = tsub.add_parser("review", help="set a segment's review status")
    p.add_argument("id")
    p.add_argument("segment")
    p.add_argument("--status", required=True, choices=transcripts.REVIEW_STATUSES)
    p.add_argument("--layer", choices=transcripts.LAYERS, default="original")
    add_archive_option(p)
    p.set_defaults(func=cmd_review)

    p = tsub.add_parser("speaker", help="label who speaks in a segment, or in all of them")
    p.add_argument("id")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--segment", help="segment number or id")
    which.add_argument("--all", action="store_true", help="every segment")
    which.add_argument("--from-channels", action="store_true",
                       help="propose labels from a two-channel recording's channel energy")
    p.add_argument("--label", help="interviewer, witness, interpreter or another "
                                   "participant's pseudonym")
    p.add_argument("--interviewer-channel", type=int, choices=(1, 2), default=1,
                   help="with --from-channels: the channel carrying the interviewer's mic")
    p.add_argument("--layer", choices=transcripts.LAYERS, default="original")
    p.set_defaults(func=cmd_speaker)
    vault_only(p, SPEAKER)

    md = sub.add_parser("models", help="Whisper models available on this computer")
    msub = md.add_subparsers(dest="models_command", metavar="ACTION")
    p = msub.add_parser("list", help="list models")
    p.set_defaults(func=cmd_models_list)
    vault_only(p, MODELS)
    p = msub.add_parser("import", help="verify a CTranslate2 Whisper model folder (any size), "
                                       "copy it here and record its checksums in the vault")
    p.add_argument("dir")
    p.add_argument("--name", help="name to register it under (default: the folder's name)")
    p.set_defaults(func=cmd_models_import)
    vault_only(p, MODELS)


def cmd_transcribe(ctx: Context, args: argparse.Namespace) -> int:
    cancel = CancelToken()
    # The model starts loading in the engine's child process before the vault is unlocked, so
    # the key derivation and the model load overlap instead of adding up. A model name
    # the child cannot load is reported where it always was, by the job itself.
    engines: transcribe.PrestartedEngines | None = None
    with contextlib.suppress(TranscriptionError):
        engines = transcribe.PrestartedEngines(args.model or models.DEFAULT_MODEL, args.threads,
                                               cancel=cancel)
    try:
        # While the model loads, the key derivation leaves it a core: on two cores Argon2id's
        # two threads would otherwise hold both and the (lower-priority) load would wait.
        vault = ctx.vault(kdf_threads=kdf.threads_beside(1) if engines is not None else None)
        if engines is not None:
            engines.vault = vault  # an engine started later needs imported models' records
        # Ctrl-C asks the job to stop: the engine's child process is ended at once (also while
        # the model loads) and the vault stays consistent and resumable.
        previous = signal.signal(signal.SIGINT, lambda *_: cancel.cancel())
        try:
            results = transcribe.transcribe_interview(
                vault, args.id, role=ctx.role, model=args.model, language=args.language,
                translate=args.translate, asset_id=args.asset,
                engine_factory=engines or transcribe.default_engine_factory(
                    args.threads, cancel=cancel, vault=vault),
                progress=StderrProgress(force=os.environ.get("TESTIMONY_PROGRESS") == "1"),
                cancel=cancel)
        finally:
            signal.signal(signal.SIGINT, previous)
    finally:
        if engines is not None:
            engines.close()  # only a child the job did not use (the job closes its own)
    for r in results:
        extra = " with English draft" if r.translation_id else ""
        if r.already_done:
            print(f"Recording {r.asset_id[:8]}: already transcribed ({r.segments} segments"
                  f"{extra}); nothing to do.")
        else:
            print(f"Recording {r.asset_id[:8]}: {r.segments} segments transcribed{extra}.")
    return 0


def cmd_show(ctx: Context, args: argparse.Namespace) -> int:
    if args.format == "docx" and not args.out:
        raise UsageError.from_text("A DOCX export must be written to a file; add --out FILE.docx.")
    data = transcript_export.export(ctx.store(), args.id, fmt=args.format, layer=args.layer,
                                    needs_review=args.needs_review,
                                    mark_confidence=args.mark_confidence)
    if args.out:
        Path(args.out).write_bytes(data)
        sys.stderr.write(f"Wrote {args.out} (plaintext testimony: keep it on encrypted media).\n")
    else:
        sys.stdout.write(data.decode("utf-8"))
        if not data.endswith(b"\n"):
            sys.stdout.write("\n")
    return 0


def cmd_edit(ctx: Context, args: argparse.Namespace) -> int:
    if args.accept is not None:
        if args.reason:
            raise UsageError.from_text("Accepting a suggestion records its own reason; leave out --reason.")
        seg, chosen = suggestions.accept(ctx.store(), args.id, args.segment, args.accept,
                                         role=ctx.role, layer=args.layer)
        print(f"Segment {seg.number}: '{chosen.heard}' replaced by '{chosen.name}'; the earlier "
              "text is kept as a revision.")
        return 0
    seg = transcripts.edit_segment(ctx.store(), args.id, args.segment, text=args.text,
                                   role=ctx.role, layer=args.layer, reason=args.reason)
    print(f"Segment {seg.number} updated; the earlier text is kept as a revision.")
    return 0


def cmd_suggestions(ctx: Context, args: argparse.Namespace) -> int:
    found = suggestions.term_suggestions(ctx.store(), args.id, layer=args.layer,
                                         ref=args.segment)
    if args.json:
        print_json([{"id": s.id, "segment": s.segment_number, "segment_id": s.segment_id,
                     "start": s.start, "end": s.end, "heard": s.heard, "suggested": s.name,
                     "terms": list(s.term_ids), "distance": s.distance,
                     "probability": s.probability, "vocabulary": s.vocabulary}
                    for s in found])
        return 0
    if not found:
        print("No term suggestions.")
        return 0
    for s in found:
        unsure = f", engine {s.probability:.2f}" if s.probability is not None else ""
        print(f"{s.id}  segment {s.segment_number}: {s.heard} -> {s.name}  "
              f"({', '.join(s.term_ids)}{unsure})")
    print(f"Accept one with 'testimony transcript edit {args.id} SEGMENT --accept ID'.")
    return 0


def cmd_review(ctx: Context, args: argparse.Namespace) -> int:
    seg = transcripts.set_review_status(ctx.store(), args.id, args.segment, status=args.status,
                                        role=ctx.role, layer=args.layer)
    print(f"Segment {seg.number} marked {seg.review_status}.")
    return 0


def cmd_speaker(ctx: Context, args: argparse.Namespace) -> int:
    vault = ctx.vault()
    if args.from_channels:
        from app import speakers

        labels = speakers.propose_from_channels(
            vault, args.id, interviewer_channel=args.interviewer_channel - 1, role=ctx.role,
            apply=True)
        print(f"Labelled {len(labels)} segments from the recording's channels.")
        return 0
    if not args.label:
        raise UsageError.from_text("Give the speaker with --label, e.g. --label witness.")
    n = transcripts.set_speaker(vault, args.id, label=args.label, role=ctx.role,
                                ref=None if args.all else args.segment, layer=args.layer)
    print(f"Speaker set on {n} segment rows.")
    return 0


def cmd_models_list(ctx: Context, args: argparse.Namespace) -> int:
    # Imported models and the measured speeds are recorded in the vault, so this unlocks it.
    for m in model_store.catalogue(ctx.vault()):
        default = " (default)" if m.name == models.DEFAULT_MODEL else ""
        print(f"{m.name:16s} {m.source:9s} {m.size_text:>8s}  {m.languages}; "
              f"{m.speed_text}{default}")
    return 0


def cmd_models_import(ctx: Context, args: argparse.Namespace) -> int:
    info = model_store.import_model(ctx.vault(), Path(args.dir), name=args.name, role=ctx.role)
    print(f"Model '{info.name}' imported ({info.languages}, {info.n_mels} mel bins); its files "
          "were verified, copied to this laptop's models folder and their checksums recorded "
          "in the vault.")
    return 0
