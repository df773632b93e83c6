"""Generated archives of coded interviews at scale, for bench/bench_scale.py.

An interview here has what a supervisor's vault holds for one real interview, at a size the
caller chooses: consent and interviewee rows, one or two audio assets (each a blob with one
chunk of stand-in bytes, its SHA-256 computed over those bytes, and the recorded duration of a
1-3 hour interview), one transcript per asset and layer, ``segments`` original segments of
generated Korean (the first ones name the facilities, commodities, enterprises and ports of the
interview's events, as in tests/connect_archive.py), English translations of a share of the
interviews, one to three events with their supporting tags, and a few more tags.

The vocabulary, the sentences and the INSERT statements are those of tests/connect_archive.py
and bench/bench_search.py. Rows are generated from ``seed`` and the interview's number alone, so
any range of interviews can be added later (the bench grows one vault 1k -> 10k -> 100k) and the
same numbers give the same rows.

The inserts run in a helper process (``python -m bench.scale_archive``, the job on stdin)
without SQLCipher's memory security, in batches inside one transaction per ``commit_every``
interviews: with memory security on, each of SQLite's allocations locks and wipes memory and a
bulk load takes many times longer (bench/bench_search.py measures by how much).
"""

from __future__ import annotations

import hashlib
import json
import random
import subprocess
import sys
import time
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from app.coding import dates
from app.coding import taxonomy as tx
from bench.bench_search import sentence
from storage.vault import Vault
from tests.connect_archive import (
    CAMP22,
    COMMODITIES,
    CONSENTS,
    ENTERPRISES,
    EXTENSION,
    FACILITIES,
    INSERT_SQL,
    INTERPRETERS,
    INTERVIEWERS,
    PORTS,
    PROVINCES,
    RELATIONS,
    STAMP,
    _label,
)

ROOT = Path(__file__).resolve().parents[1]
SEGMENT_S = 8.0  # a typical Whisper segment of speech
EXTRA_SQL = {
    "blob_chunk": "INSERT INTO blob_chunk(blob_id, seq, offset, data) VALUES (?,?,?,?)",
    "transcript": "INSERT INTO transcript(id, interview_id, asset_id, layer, source_transcript_id,"
                  " task, language, machine_draft, model_name, model_hashes, parameters,"
                  " engine_version, state, duration_s, started_at, updated_at, completed_at,"
                  " created_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
}
# Parents before children: foreign keys stay on during the load.
ORDER = ("interview", "consent", "interviewee", "blob", "blob_chunk", "audio_asset", "transcript",
         "segment", "tag", "event", "event_tag")
SQL = {**INSERT_SQL, **EXTRA_SQL}


@dataclass(frozen=True)
class Profile:
    """How big one generated interview is."""

    segments: int = 60          # original segments per interview
    translated: float = 0.6     # share of interviews with an English translation layer
    audio_bytes: int = 4096     # stand-in bytes per audio asset (real audio: ~1 GB per hour)
    extra_tags: int = 4         # tags beyond those supporting the events


def setup_taxonomy(vault: Vault) -> str:
    """The built-in taxonomy plus the organisation's extension; returns the active version."""
    tx.ensure_taxonomy(vault, role="supervisor")
    if "enterprise.kangsong" not in tx.ensure_taxonomy(vault).terms:
        tx.import_taxonomy(vault, EXTENSION.encode("utf-8"), role="supervisor")
    return tx.ensure_taxonomy(vault).version_id


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _event_text(fac: str, commodity: str | None, enterprise: str | None,
                port: str | None) -> tuple[str, list[tuple[str, int, int]]]:
    """The sentence of an event's first segment and the (term, start, end) spans it supports."""
    fac_ko = FACILITIES[fac][0]
    text = fac_ko + "에서" + (f" {COMMODITIES[commodity][0]}을 생산했습니다" if commodity
                            else " 매를 맞았습니다")
    if enterprise:
        text += f", {ENTERPRISES[enterprise][0]}가 가져갔습니다"
    if port:
        text += f", {PORTS[port][0]}으로 실어 갔습니다"
    spans = [(fac, 0, len(fac_ko))]
    for term, table in ((commodity, COMMODITIES), (enterprise, ENTERPRISES), (port, PORTS)):
        if term:
            word = table[term][0]  # type: ignore[index]
            at = text.index(word)
            spans.append((term, at, at + len(word)))
    return text, spans


def interview_rows(n: int, *, seed: int, prefix: str, profile: Profile, version: str,
                   field: bool = False) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of interview number ``n``, by table. ``field``: consent never withdrawn and
    always covering the archive (so a field laptop can export it)."""
    rng = random.Random(f"{seed}:{prefix}:{n}")
    rows: dict[str, list[tuple[Any, ...]]] = {t: [] for t in ORDER}
    names = {**FACILITIES, **COMMODITIES, **ENTERPRISES, **PORTS}
    iid = _uuid(rng)
    rows["interview"].append((iid, f"{prefix}-{n:06d}", rng.choice(INTERVIEWERS),
                              rng.choice(INTERPRETERS), "[]", "2024-05-01T10:00:00+09:00",
                              '["ko"]', "", "reviewed", STAMP, STAMP, "interviewer"))
    scopes, withdrawn, _ = rng.choices(CONSENTS, weights=[c[2] for c in CONSENTS])[0]
    if field:
        withdrawn = False
    rows["consent"].append((iid, json.dumps(sorted(scopes)), "written", "2024-05-01",
                            STAMP if withdrawn else None, STAMP, "interviewer"))
    home = f"{rng.choice(PROVINCES)}, county {rng.randint(1, 30)}"
    rows["interviewee"].append((iid, rng.randint(1940, 2000), home, rng.randint(1995, 2020),
                                STAMP, "interviewer"))
    hours = rng.uniform(1.0, 3.0)
    n_assets = 2 if rng.random() < 0.25 else 1
    translated = rng.random() < profile.translated
    assets = []
    for a in range(n_assets):
        blob_id, asset_id = _uuid(rng), _uuid(rng)
        data = rng.randbytes(profile.audio_bytes)
        sha = hashlib.sha256(data).hexdigest()
        rows["blob"].append((blob_id, "audio", "complete", "keep", len(data), sha, STAMP, STAMP))
        rows["blob_chunk"].append((blob_id, 0, 0, data))
        rows["audio_asset"].append((asset_id, iid, blob_id, "import", "wav", "pcm_s16le", 48000,
                                    2, hours * 3600 / n_assets, sha, "complete", STAMP,
                                    "interviewer"))
        layers = {"original": _uuid(rng)}
        if translated:
            layers["translation"] = _uuid(rng)
        for layer, tid in layers.items():
            rows["transcript"].append((
                tid, iid, asset_id, layer, layers["original"] if layer == "translation" else None,
                "transcribe" if layer == "original" else "translate",
                "ko" if layer == "original" else "en", 1, "base", "{}", "{}", "bench",
                "complete", hours * 3600 / n_assets, STAMP, STAMP, STAMP, "interviewer"))
        assets.append((asset_id, layers))
    # Events first: each names a facility (and what was produced, for whom) in a segment.
    events = []
    facilities = list(FACILITIES)
    for k in range(rng.choice((1, 1, 1, 2, 2, 3))):
        fac = rng.choice(facilities)
        if fac == CAMP22:
            y0 = rng.randint(1990, 2008)
            years = (y0, min(y0 + rng.randint(0, 3), 2011))
        else:
            y0 = rng.randint(1990, 2014)
            years = (y0, y0 + rng.randint(0, 4))
        labour = k == 0 or rng.random() < 0.7
        commodity = rng.choice(list(COMMODITIES)) if labour else None
        enterprise = rng.choice(list(ENTERPRISES)) if labour and rng.random() < 0.15 else None
        port = rng.choice(list(PORTS)) if enterprise else None
        events.append((_uuid(rng), fac, years, commodity, enterprise, port,
                       "violation.cah.enslavement" if labour else "violation.cah.torture"))
    segments = max(profile.segments, 2 * len(events))
    per_asset = -(-segments // n_assets)
    originals: list[tuple[str, str, str]] = []  # (segment id, text, asset id)
    for s in range(segments):
        asset_id, layers = assets[min(s // per_asset, n_assets - 1)]
        idx = s % per_asset
        if s < 2 * len(events) and s % 2 == 0:
            text, _ = _event_text(*events[s // 2][1:2], *events[s // 2][3:6])
        else:
            text = sentence(rng, True)
        sid = _uuid(rng)
        t0 = idx * SEGMENT_S
        rows["segment"].append((sid, iid, asset_id, idx, t0, t0 + SEGMENT_S - 0.5, "witness",
                                text, STAMP, "transcriber", None, "original", "reviewed",
                                layers["original"]))
        originals.append((sid, text, asset_id))
        if translated:
            rows["segment"].append((_uuid(rng), iid, asset_id, idx, t0, t0 + SEGMENT_S - 0.5,
                                    "witness", sentence(rng, False), STAMP, "translator", sid,
                                    "translation", "reviewed" if rng.random() < 0.7 else "draft",
                                    layers["translation"]))
    for k, (eid, fac, years, commodity, enterprise, port, act) in enumerate(events):
        seg, text, _ = originals[2 * k]
        _, spans = _event_text(fac, commodity, enterprise, port)
        tags = []
        for term, a, b in spans:
            tags.append(_uuid(rng))
            rows["tag"].append((tags[-1], iid, term, seg, a, b, None, None, None, None, "",
                                STAMP, "coder", version, _label(names, term), "ok", STAMP,
                                "coder"))
        seg2, text2, _ = originals[2 * k + 1]
        if act == "violation.cah.enslavement":
            tags.append(_uuid(rng))
            rows["tag"].append((tags[-1], iid, "forced_labour.setting.detention", seg2, 0,
                                len(text2), None, None, None, None, "", STAMP, "coder", version,
                                "{}", "ok", STAMP, "coder"))
        when = dates.parse(f"{years[0]}..{years[1]}" if years[0] != years[1] else str(years[0]))
        low, high = when.interval()
        assert low is not None and high is not None
        rows["event"].append((eid, iid, act, "witness", None, None, None, fac, "facility",
                              when.text(), json.dumps(when.to_json()), low.isoformat(),
                              high.isoformat(), rng.choice(RELATIONS), "", version, STAMP,
                              "coder", STAMP, "coder"))
        rows["event_tag"] += [(_uuid(rng), eid, tag) for tag in tags]
    for _ in range(profile.extra_tags):
        seg, text, _ = rng.choice(originals)
        rows["tag"].append((_uuid(rng), iid, "forced_labour.setting.detention", seg, 0,
                            len(text), None, None, None, None, "", STAMP, "coder", version, "{}",
                            "ok", STAMP, "coder"))
    return rows


@dataclass
class Job:
    db: str
    key: str
    start: int
    count: int
    seed: int
    prefix: str
    version: str
    profile: dict[str, Any]
    field: bool = False
    commit_every: int = 10_000


def fill(vault: Vault, start: int, count: int, *, profile: Profile, version: str,
         seed: int = 17, prefix: str = "NK-S", field: bool = False) -> dict[str, Any]:
    """Add interviews ``start`` .. ``start + count - 1`` to ``vault`` (helper process).
    Returns the helper's report: wall and CPU seconds, rows inserted by table."""
    job = Job(str(vault.path / "vault.db"), vault._key().hex(), start, count, seed, prefix,
              version, asdict(profile), field)
    out = subprocess.run([sys.executable, "-m", "bench.scale_archive"],
                         input=json.dumps(asdict(job)), text=True, check=True, cwd=ROOT,
                         capture_output=True)
    return json.loads(out.stdout)  # type: ignore[no-any-return]


def _fill_child() -> None:
    import sqlcipher3

    job = Job(**json.loads(sys.stdin.read()))
    profile = Profile(**job.profile)
    conn = sqlcipher3.connect(job.db, isolation_level=None, timeout=60)
    conn.execute(f"PRAGMA key = \"x'{job.key}'\"")
    conn.execute("PRAGMA cipher_compatibility = 4")
    for pragma in ("foreign_keys = ON", "trusted_schema = OFF", "temp_store = MEMORY",
                   "journal_mode = WAL", "cache_size = -262144"):
        conn.execute(f"PRAGMA {pragma}")
    counts = dict.fromkeys(ORDER, 0)
    start_t, start_cpu = time.perf_counter(), time.process_time()
    end = job.start + job.count
    for first in range(job.start, end, job.commit_every):
        conn.execute("BEGIN IMMEDIATE")
        for batch in range(first, min(first + job.commit_every, end), 500):
            rows: dict[str, list[tuple[Any, ...]]] = {t: [] for t in ORDER}
            for n in range(batch, min(batch + 500, first + job.commit_every, end)):
                for table, values in interview_rows(n, seed=job.seed, prefix=job.prefix,
                                                    profile=profile, version=job.version,
                                                    field=job.field).items():
                    rows[table] += values
            for table in ORDER:
                conn.executemany(SQL[table], rows[table])
                counts[table] += len(rows[table])
        conn.execute("COMMIT")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    seconds, cpu = time.perf_counter() - start_t, time.process_time() - start_cpu
    conn.close()
    print(json.dumps({"seconds": seconds, "cpu_seconds": cpu, "rows": counts}))


if __name__ == "__main__":
    _fill_child()
