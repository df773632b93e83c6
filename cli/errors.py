"""How the command line says an error: an exit code per kind, and flag hints per code.

The core's sentences never name a flag (the window has none); the command line appends, per
error code, the flag that does what the sentence asks. A hint is a template over the error's own
parameters and is inserted before the sentence's final full stop, so
"An interview needs a pseudonym code." becomes
"An interview needs a pseudonym code, for example --code NK-2026-014."

Exit codes are the documented contract (docs/cli.md): 0 ok, 1 failure, 2 usage, 3 wrong
passphrase or locked, 4 integrity or verification failure.
"""

from __future__ import annotations

from app.errors import describe, kind_of
from errors import Kind, Message

EXIT_CODES: dict[Kind, int] = {
    Kind.FAILURE: 1,
    Kind.USAGE: 2,
    Kind.LOCKED: 3,
    Kind.INTEGRITY: 4,
}

# code -> text inserted before the final full stop (filled in with the error's parameters).
HINTS: dict[str, str] = {
    "keys.no_supervisor_key": " (--identity KEYFILE)",
    "keys.several_supervisor_keys": " (--identity KEYFILE)",
    "connect.brief_folder_missing": " (--out)",
    "connect.brief_target_exists": " (--out)",
    "connect.entity_needs_names": " (--en and --ko)",
    "connect.entity_wrong_kind": " (--{field})",
    "connect.format_must_be_one": " (--format)",
    "connect.format_unknown_from_name": " (--format)",
    "connect.kind_must_be_one": " (--kind)",
    "connect.kind_needed": " (--kind)",
    "connect.link_needs_tags": " (--tag TAGID)",
    "connect.needs_a_date": " (--{field})",
    "connect.no_parent_branch": " (--parent)",
    "connect.not_an_entity": " (--{field})",
    "connect.one_subject": " (--facility, --commodity, --enterprise or --link)",
    "connect.only_supervisor_decides": " (run it with --role supervisor)",
    "connect.period_ends_before_start": " (--active-from and --active-to)",
    "connect.period_filter": " (--period)",
    "connect.purpose_must_be_one": " (--purpose)",
    "connect.range_needs_dates": " (--from and --to)",
    "connect.relation_must_be_one": " (--relation)",
    "audio.export_target_exists": ", or add --force to replace it",
    "bundle.encrypted_needs_identity": " (pass it with --identity)",
    "coding.term_not_under_branch": " (--{field})",
    "connect.limit_not_negative": " (--limit)",
    "event.involvement_describes_perpetrator_give": " (--involvement needs --perpetrator)",
    "event.victim_must_witness_pseudonym": " (--victim)",
    "export.name_least_one_recipient": " with --recipient",
    "interview.code_empty": ", for example --code NK-2026-014",
    "model.model_named_already_exists": " with --name",
    "redaction.give_reason_redaction_example": " with --reason",
    "search.date_range_ends_before": " (--from and --to)",
    "search.limit_must_least": " (--limit)",
    "tag.anchor_tag_either_words": " (--segment/--chars or --at)",
    "tag.chars_needs_segment_n": " (--chars needs --segment N)",
    "tag.moment_audio_seconds_start": " (--at)",
    "tag.segment_exists_recordings_interview": " with --asset ID",
    "tag.tag_anchored_segment_chars": " (--chars)",
    "transcribe.english_only_model_cannot_translate": " (--model {default_model})",
    "transcribe.model_understands_english_only": " (--model {default_model})",
    "transcribe.recording_transcribed_model_continue": ": --model {model} (or leave --model out)",
    "transcript.needs_review_mark_confidence": " (--needs-review and --mark-confidence need "
                                               "--format txt)",
    "transcript.new_text_empty_give": " with --text",
    "transcript.no_translation_yet": " (add --translate)",
    "vault.not_found": " or pass --vault",
}


def exit_code_for(exc: BaseException) -> int:
    """The exit code for any exception, from its kind."""
    return EXIT_CODES[kind_of(exc)]


def _with_hint(message: Message, sentence: str) -> str:
    hint = HINTS.get(message.code)
    if hint is None:
        return sentence
    values = {k: v.render() if isinstance(v, Message) else v for k, v in message.params.items()}
    try:
        text = hint.format(**values)
    except (KeyError, IndexError, ValueError):
        return sentence
    if sentence.endswith("."):
        return f"{sentence[:-1]}{text}."
    return f"{sentence}{text}"


def sentence_for(exc: BaseException) -> str:
    """The one sentence the command line prints for ``exc``, with its flag hint if any."""
    message = describe(exc)
    return _with_hint(message, message.render())
