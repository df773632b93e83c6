"""Bench for issue 12: the app's stored transcripts vs faster-whisper alone on real speech.

    .venv/bin/python bench/bench_accuracy.py [--model base] [--threads 2] [--only pfo,pfp]
                                             [--prompt] [--json NAME]

For every clip of speech-dev (tests/speech_dev.py says where it is): faster-whisper alone on the
clip's samples (same model object, same language, beam 5, its own defaults otherwise) and the
whole app pipeline (the clip stored as an encrypted blob in a vault, decoded in windows,
engine, guards, stored segments; the engine in this process so both share one loaded model).
The two alternate clip by clip, so the shared machine's load hits both alike.

Reports per group (Korean standard / Gyeongsang / Jeolla speakers, English): corpus CER for
Korean (NFC, punctuation and whitespace removed), WER for English, the number of taxonomy
names in the hypothesis that the reference lacks (invented terms), and seconds of work per
minute of audio. ``--prompt`` adds a third column: faster-whisper alone given the glossary
prompt the app used to build (to show what the prompt does on its own).
Writes bench/results/<json>.json: per clip edits, invented terms, flags and times; with
``--texts`` also the reference and every hypothesis, for reading the errors (the Korean
transcripts are CC BY-NC-SA: keep such a file out of the repository).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("TESTIMONY_STATE_DIR", tempfile.mkdtemp(prefix="bench-state-"))
os.environ["HF_HUB_OFFLINE"] = "1"

from app.interviews import add_interview  # noqa: E402
from app.transcripts import store as transcripts  # noqa: E402
from app.transcripts import transcribe  # noqa: E402
from bench.common import machine, save  # noqa: E402
from crypto.kdf import weak_test_params  # noqa: E402
from storage.vault import Vault  # noqa: E402
from tests import speech_dev  # noqa: E402
from tests.transcribe_helpers import add_asset  # noqa: E402
from transcription import models  # noqa: E402
from transcription.engine import FasterWhisperEngine  # noqa: E402


def _old_glossary_prompt(engine: FasterWhisperEngine, language: str) -> str | None:
    """The prompt the app built before issue 12 (taxonomy glossary, 120 tokens)."""
    from app.coding import taxonomy
    from transcription.engine import MAX_GLOSSARY_TOKENS, glossary_for_language, glossary_prompt

    tax = taxonomy.builtin()
    terms = glossary_for_language(taxonomy._glossary_from(tax.terms.values(), tax.root_of),
                                  language)
    tokenizer = engine._model.hf_tokenizer
    return glossary_prompt(terms, language, size=lambda t: len(tokenizer.encode(t).ids),
                           budget=MAX_GLOSSARY_TOKENS) if terms else None


def run(model: str, threads: int, only: list[str], prompt: bool,
        texts: bool = False) -> dict[str, Any]:
    folder = speech_dev.speech_dev_dir()
    if folder is None:
        raise SystemExit("speech-dev not found: set TESTIMONY_SPEECH_DEV to its folder.")
    engine = FasterWhisperEngine(models.load_spec(model), cpu_threads=threads)
    fw = engine._model
    work = Path(tempfile.mkdtemp(prefix="bench-acc-"))
    vault, _ = Vault.create(work / "vault", b"bench", kdf=weak_test_params(), allow_weak_kdf=True)
    systems = ["faster-whisper alone", "app pipeline"] + (["faster-whisper + old prompt"]
                                                          if prompt else [])
    rows = []
    for n, clip in enumerate(speech_dev.clips(folder)):
        if only and not any(o in clip.file for o in only):
            continue
        pcm = speech_dev.clip_pcm(folder, clip)
        hyp: dict[str, str] = {}
        secs: dict[str, float] = {}
        flags: list[str] = []

        def alone(initial_prompt: str | None = None) -> str:
            segs, _info = fw.transcribe(pcm, language=clip.language, beam_size=5,
                                        initial_prompt=initial_prompt)
            return " ".join(s.text.strip() for s in segs)

        def pipeline() -> str:
            iid = add_interview(vault, code=f"CLIP-2026-{n + 1:03d}", role="interviewer")
            # The clip's own file, as a user would import it: the app decodes exactly the
            # samples faster-whisper alone gets. (Re-quantising ``pcm`` to 16-bit PCM changed
            # the text of some clips, e.g. "block books" became "blockbooks", which made the
            # app look worse than faster-whisper for a reason that is not the app's.)
            add_asset(vault, iid, (folder / clip.file).read_bytes(), duration_s=len(pcm) / 16000)
            transcribe.transcribe_interview(vault, iid, role="interviewer", model=model,
                                            language=clip.language,
                                            engine_factory=lambda _name: engine)
            segs = transcripts.segments(vault, iid)
            for (raw,) in vault.conn.execute(
                    "SELECT engine_flags FROM segment WHERE interview_id = ? AND "
                    "engine_flags IS NOT NULL", (iid,)).fetchall() if _has_flags(vault) else []:
                flags.extend(json.loads(raw))
            return " ".join(s.text for s in segs)

        order = [("faster-whisper alone", alone), ("app pipeline", pipeline)]
        if n % 2:
            order.reverse()  # alternate who goes first
        if prompt:
            order.append(("faster-whisper + old prompt",
                          lambda: alone(_old_glossary_prompt(engine, clip.language))))
        for name, fn in order:
            t = time.perf_counter()
            hyp[name] = fn()
            secs[name] = time.perf_counter() - t
        row = {"clip": clip.name, "group": clip.group, "duration_s": clip.duration_s,
               "flags": flags, "systems": {}}
        if texts:
            row["reference"] = clip.reference
        for name in systems:
            e, length = speech_dev.errors(clip, hyp[name])
            row["systems"][name] = {**({"text": hyp[name]} if texts else {}),
                                    "edits": e, "ref_len": length,
                                    "seconds": secs[name],
                                    "invented": speech_dev.invented_terms(clip.reference,
                                                                          hyp[name])}
        rows.append(row)
        print(clip.name, " | ".join(f"{k}: {v['edits']}/{v['ref_len']} {v['seconds']:.1f}s"
                                    f"{' INVENTED ' + ','.join(v['invented']) if v['invented'] else ''}"
                                    for k, v in row["systems"].items()), flush=True)
    vault.lock()
    return {"model": model, "threads": threads, "systems": systems, "clips": rows,
            "groups": summarise(rows, systems)}


def _has_flags(vault: Vault) -> bool:
    cols = [r[1] for r in vault.conn.execute("PRAGMA table_info(segment)").fetchall()]
    return "engine_flags" in cols


def summarise(rows: list[dict[str, Any]], systems: list[str]) -> dict[str, Any]:
    groups: dict[str, Any] = {}
    for key in sorted({r["group"] for r in rows}) + ["all Korean"]:
        members = [r for r in rows if r["group"] == key or (key == "all Korean"
                                                            and r["group"].startswith("ko"))]
        if not members:
            continue
        audio = sum(r["duration_s"] for r in members)
        groups[key] = {"clips": len(members), "audio_s": audio,
                       "flagged_segments": sum(len(r["flags"]) for r in members)}
        for name in systems:
            e = sum(r["systems"][name]["edits"] for r in members)
            n = sum(r["systems"][name]["ref_len"] for r in members)
            groups[key][name] = {
                "error_rate": e / n, "invented": sum(len(r["systems"][name]["invented"])
                                                     for r in members),
                "s_per_audio_min": 60 * sum(r["systems"][name]["seconds"] for r in members)
                / audio}
    return groups


def table(result: dict[str, Any]) -> str:
    systems = result["systems"]
    head = "| group | clips | metric | " + " | ".join(systems) + " |"
    lines = [head, "|" + "---|" * (3 + len(systems))]
    for key, g in result["groups"].items():
        metric = "WER" if key.startswith("en") else "CER"
        cells = [f"{g[s]['error_rate']:.3f}; {g[s]['invented']} invented; "
                 f"{g[s]['s_per_audio_min']:.1f} s/min" for s in systems]
        lines.append(f"| {key} | {g['clips']} | {metric} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default="base")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--only", default="", help="comma-separated parts of clip names")
    parser.add_argument("--prompt", action="store_true",
                        help="also faster-whisper alone with the old glossary prompt")
    parser.add_argument("--json", default="accuracy", help="name of the results file")
    parser.add_argument("--texts", action="store_true",
                        help="also write references and hypotheses into the results file")
    args = parser.parse_args()
    result = run(args.model, args.threads, [o for o in args.only.split(",") if o], args.prompt,
                 args.texts)
    m = machine()
    print(f"\nMachine: {m['cpu']}, {m['cores']} cores, {args.threads} threads; {m['date']}; "
          f"model {args.model}\n")
    print(table(result))
    print("\nwritten:", save(args.json, result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
