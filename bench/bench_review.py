"""Bench for issue 12 (reviewer aids): are the confidence marks and term suggestions any use
on real speech?

    .venv/bin/python bench/bench_review.py [--dev ../shared/speech-dev] [--model base]
                                           [--threads 2] [--limit N]

Transcribes the Korean clips of the real-speech development set with faster-whisper alone
(same model files as the app, int8, beam 5, VAD, word timestamps, language ko, no prompt) and
compares every recognised word with the reference (characters aligned after removing spaces
and punctuation, as the set's README prescribes; a word is *wrong* if any of its characters is
substituted or inserted). Reports, for several word-probability thresholds, how many words
would be marked and how many of the marked words are wrong (precision) and how many wrong words
are marked (recall); the same for whole segments by mean word probability (with the CER of the
marked and unmarked ones); and every term suggestion the matcher makes on this output (the set
contains no taxonomy terms, so each suggestion is a false alarm a reviewer would have to
dismiss). Prints markdown tables and writes bench/results/review.json. Accuracy, not time.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("TESTIMONY_STATE_DIR", tempfile.mkdtemp(prefix="bench-state-"))
os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")

from app.coding import nearmiss, taxonomy  # noqa: E402
from app.transcripts import confidence  # noqa: E402
from bench.common import save  # noqa: E402
from transcription import models  # noqa: E402

WORD_THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
SEGMENT_THRESHOLDS = (0.6, 0.7, 0.8, 0.9)


def norm(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    return "".join(c for c in text if not (c.isspace() or unicodedata.category(c)[0] in "PS"))


def wrong_chars(ref: str, hyp: str) -> tuple[list[bool], int]:
    """Per hypothesis character: substituted or inserted? And the edit count (for CER)."""
    n, m = len(ref), len(hyp)
    d = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        d[i][0] = i
    for j in range(m + 1):
        d[0][j] = j
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1,
                          d[i - 1][j - 1] + (ref[i - 1] != hyp[j - 1]))
    wrong = [False] * m
    i, j = n, m
    while i > 0 or j > 0:
        if i > 0 and j > 0 and d[i][j] == d[i - 1][j - 1] + (ref[i - 1] != hyp[j - 1]):
            wrong[j - 1] = ref[i - 1] != hyp[j - 1]
            i, j = i - 1, j - 1
        elif j > 0 and d[i][j] == d[i][j - 1] + 1:
            wrong[j - 1] = True
            j -= 1
        else:
            i -= 1
    return wrong, d[n][m]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dev", default=None, help="speech-dev folder (default: as the tests find it)")
    ap.add_argument("--model", default="base")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    from tests.speech_dev import speech_dev_dir

    found = Path(args.dev) if args.dev else speech_dev_dir()
    if found is None or not (found / "manifest.tsv").is_file():
        sys.exit("speech-dev not found: pass --dev or set TESTIMONY_SPEECH_DEV")
    dev = found
    with open(dev / "manifest.tsv", encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
                if r["language"] == "ko"]
    if args.limit:
        rows = rows[:args.limit]

    from faster_whisper import WhisperModel

    spec = models.load_spec(args.model)
    model = WhisperModel(spec.path, device="cpu", compute_type="int8",
                         cpu_threads=args.threads, local_files_only=True,
                         files=dict(spec.files) if spec.files else None)
    index = nearmiss.NameIndex(taxonomy.builtin().terms.values())

    words: list[tuple[float, bool]] = []  # (probability, wrong)
    segments: list[tuple[float, int, int]] = []  # (mean probability, edits, reference chars)
    suggestions: list[dict[str, Any]] = []
    total_edits = total_chars = 0
    for row in rows:
        ref = norm(row["transcript"])
        segs, _info = model.transcribe(str(dev / row["file"]), language="ko", beam_size=5,
                                       vad_filter=True, word_timestamps=True)
        clip_words: list[dict[str, Any]] = []
        texts = []
        for seg in segs:
            w = [{"word": x.word, "probability": float(x.probability)} for x in seg.words or []]
            clip_words += w
            text = "".join(x["word"] for x in w).strip()
            texts.append(text)
            spans = confidence.word_spans(text, w) or []
            for miss in index.near_misses(text, [(s.start, s.end, s.probability)
                                                  for s in spans]):
                suggestions.append({"clip": row["file"], "heard": miss.heard,
                                    "suggested": miss.name, "terms": list(miss.term_ids),
                                    "probability": miss.probability,
                                    "in_reference": norm(miss.name) in ref})
        hyp_pieces = [norm(x["word"]) for x in clip_words]
        wrong, edits = wrong_chars(ref, "".join(hyp_pieces))
        total_edits += edits
        total_chars += len(ref)
        pos = 0
        for piece, x in zip(hyp_pieces, clip_words, strict=True):
            if piece:
                words.append((x["probability"], any(wrong[pos:pos + len(piece)])))
            pos += len(piece)
        mean = confidence.segment_confidence(clip_words)
        if mean is not None:
            segments.append((mean, edits, len(ref)))
        print(f"{row['file']}: {' '.join(texts)}", file=sys.stderr)

    n_wrong = sum(1 for _, bad in words if bad)
    word_rows = []
    for t in WORD_THRESHOLDS:
        marked = [bad for p, bad in words if p < t]
        hits = sum(marked)
        word_rows.append({"threshold": t, "marked_share": len(marked) / len(words),
                          "precision": hits / len(marked) if marked else None,
                          "recall": hits / n_wrong if n_wrong else None})
    seg_rows = []
    for t in SEGMENT_THRESHOLDS:
        low = [(e, c) for p, e, c in segments if p < t]
        high = [(e, c) for p, e, c in segments if p >= t]

        def cer(group: list[tuple[int, int]]) -> float | None:
            chars = sum(c for _, c in group)
            return sum(e for e, _ in group) / chars if chars else None

        seg_rows.append({"threshold": t, "marked": len(low), "of": len(segments),
                         "cer_marked": cer(low), "cer_unmarked": cer(high)})
    results = {"model": args.model, "clips": len(rows), "words": len(words),
               "wrong_words": n_wrong, "cer": total_edits / total_chars,
               "word_marks": word_rows, "segment_marks": seg_rows,
               "suggestions": suggestions}
    path = save("review", results)

    def pct(x: float | None) -> str:
        return "-" if x is None else f"{100 * x:.0f}%"

    print(f"\n{len(rows)} Korean clips, {len(words)} words, {n_wrong} wrong "
          f"(CER {results['cer']:.3f}); model {args.model}\n")
    print("| word probability below | words marked | marked that are wrong | wrong that are marked |")
    print("|---|---|---|---|")
    for r in word_rows:
        print(f"| {r['threshold']:.1f} | {pct(r['marked_share'])} | {pct(r['precision'])} | "
              f"{pct(r['recall'])} |")
    print("\n| clip mean probability below | clips marked | CER marked | CER unmarked |")
    print("|---|---|---|---|")
    for r in seg_rows:
        print(f"| {r['threshold']:.1f} | {r['marked']} of {r['of']} | {pct(r['cer_marked'])} | "
              f"{pct(r['cer_unmarked'])} |")
    print(f"\nTerm suggestions: {len(suggestions)} "
          f"({sum(1 for s in suggestions if not s['in_reference'])} false alarms)")
    for s in suggestions:
        print(f"  {s['clip']}: {s['heard']} -> {s['suggested']} ({s['probability']})")
    print(f"\nwrote {path}")


if __name__ == "__main__":
    main()
