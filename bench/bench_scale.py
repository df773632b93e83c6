"""One supervisor vault as the archive grows: 1k, 10k, 100k interviews, measured to show where
one vault stops being practical.

One SQLCipher supervisor vault is grown in place from 0 to each size in turn by
bench/scale_archive.py (generated coded interviews, bulk inserts in a helper process through
the app's own schema; see that module for what one interview holds). At each size:

- import throughput: real signed, encrypted bundles (one interview each, exported from a
  field vault by the real export code) through the real ``import_bundle``, one after another,
  in this process (SQLCipher memory security on, as in the app);
- two supervisors importing at once: two processes, each importing another laptop's bundles
  into the same vault at the same moment, then both importing the same bundle at the same
  moment (exactly one may win); what fails, how long each waits, rows and chains afterwards;
- search p95 (a facility's name, a facility filter, a Korean mid-word substring, an alias that
  expands) and corroboration p95 (app.connect: one facility with and without quotes, the
  facility x commodity matrix);
- vault size on disk; time to open (unlock without the Argon2id step + the first query the
  window runs, the interview list), with the vault's pages dropped from the OS cache first
  (``posix_fadvise DONTNEED``), and warm; Argon2id at the floor parameters is a constant,
  measured once and reported apart;
- the integrity check ``testimony check`` runs (``PRAGMA cipher_integrity_check`` +
  ``integrity_check``), cold.

Audio stand-ins are 4 KiB per asset (one or two assets per interview, real SHA-256 over their
bytes); real recordings are 0.7-1.4 GB per hour and are the subject of other benchmarks. Text
is scaled down too: ``--segments`` original segments per interview (default 30 = 4 minutes of
speech) where a 1-3 hour interview has about 450-1,350; the report gives segment counts so the
text volume at each size is plain.

Results go to bench/results/scale.json after each size (a run cut short keeps what it measured).

``--backend archive`` measures the PostgreSQL archive instead, on a server the bench starts
(tests/pg_support.py), grown in bulk by bench/scale_pg.py: search (storage/pg/search.py) and
corroboration p95, one importer, four importers at once, and at the first size a bundle and
its fork imported at the same moment (exactly one may be accepted); results in
bench/results/scale_archive.json.

The default sizes are small (minutes); the issue's sizes take hours and are asked for:

    PYTHONPATH=. nice -n 10 .venv/bin/python bench/bench_scale.py [--sizes 1000,10000,100000]
    PYTHONPATH=. nice -n 10 .venv/bin/python bench/bench_scale.py --backend archive \
        --sizes 10000,100000
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.bundles import keys  # noqa: E402
from app.bundles.export import export_bundle  # noqa: E402
from app.bundles.importer import import_bundle  # noqa: E402
from app.coding import search  # noqa: E402
from app.connect import corroborate as co  # noqa: E402
from app.interviews import update_interview  # noqa: E402
from app.overview import interview_summaries  # noqa: E402
from bench.bench_search import cpu_model  # noqa: E402
from bench.scale_archive import Profile, fill, setup_taxonomy  # noqa: E402
from crypto.kdf import derive_key, floor_params, weak_test_params  # noqa: E402
from storage import audit  # noqa: E402
from storage.pg import search as pg_search  # noqa: E402
from storage.pg.archive import Archive  # noqa: E402
from storage.vault import Vault  # noqa: E402
from tests.connect_archive import YODOK  # noqa: E402

PASS = b"bench passphrase for scale"
SEARCH_MS = 200.0   # the search target of the coding work, and what a user waits for
ARCHIVE_MS = 50.0   # the archive server's search target: a facility or Korean substring query
SEARCHES: list[tuple[str, str, dict[str, Any]]] = [
    ("facility name 요덕", "요덕", {"expand_aliases": False}),
    ("facility filter + word", "배급", {"facility": YODOK, "expand_aliases": False}),
    ("Korean mid-word substring", "생산했", {"expand_aliases": False}),
    ("alias Yodok (expands)", "Yodok", {"expand_aliases": True}),
    ("no match", "평양냉면집", {"expand_aliases": False}),
]


def p95(times: list[float]) -> float:
    times = sorted(times)
    return times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)]


MIN_RUNS = 5


def runs_of(fn: Callable[[], Any], runs: int, budget_s: float) -> dict[str, Any]:
    """``runs`` timed calls after one warm-up, fewer (at least ``MIN_RUNS``, ``--min-runs``)
    if they exceed ``budget_s``."""
    fn()
    wall: list[float] = []
    cpu: list[float] = []
    spent = 0.0
    while len(wall) < runs and (len(wall) < MIN_RUNS or spent < budget_s):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
        spent += wall[-1] / 1000
    return {"runs": len(wall), "median_ms": statistics.median(wall), "p95_ms": p95(wall),
            "cpu_median_ms": statistics.median(cpu), "cpu_p95_ms": p95(cpu)}


def drop_from_cache(vault_dir: Path) -> None:
    """Ask the kernel to forget the vault's cached pages (works without root for clean pages)."""
    for path in vault_dir.iterdir():
        if path.is_file():
            fd = os.open(path, os.O_RDONLY)
            try:
                os.fsync(fd)
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)


def open_vault(path: Path) -> Vault:
    return Vault.open(path, PASS, allow_weak_kdf=True)


# ----------------------------------------------------------------------------- preparation
class Fleet:
    """The supervisor's vault and key, and three field laptops with their bundles."""

    def __init__(self, work: Path, per_size: int, sizes: int, profile: Profile,
                 sup: Any = None, laptops: tuple[str, ...] = ("A", "B", "C", "D")) -> None:
        self.work = work
        if sup is None:
            sup, _ = Vault.create(work / "sup", PASS, kdf=weak_test_params(),
                                  allow_weak_kdf=True)
        self.sup = sup
        self.version = setup_taxonomy(self.sup)
        text, self.identity = keys.new_supervisor_key()
        self.key_file = work / "supervisor.key"
        self.key_file.write_text(text)
        self.bundles: dict[str, list[Path]] = {}
        # A: one supervisor alone; B and C (E, F): at once; D: one bundle both import at once
        # (and, on the archive, a fork of it: the same bundle number from a copy of D).
        for name in laptops:
            field, _ = Vault.create(work / f"field-{name}", PASS, kdf=weak_test_params(),
                                    allow_weak_kdf=True)
            keys.trust_supervisor(field, self.identity.public, role="interviewer")
            dev = field.device()
            keys.trust_device(self.sup, keys.DevicePublic(dev.id, dev.public_key),
                              role="supervisor")
            fill(field, 0, 1 if name == "D" else per_size * sizes, profile=profile,
                 version=setup_taxonomy(field), prefix=f"NK-{name}", field=True)
            ids = [r[0] for r in field.conn.execute("SELECT id FROM interview ORDER BY code")]
            if name == "D" and not isinstance(self.sup, Vault):
                # A fork: a copy of the laptop taken before its bundle 1, which then exports
                # its own bundle 1 of the same interview with other history.
                field.lock()
                shutil.copytree(work / "field-D", work / "field-D2")
                field = Vault.open(work / "field-D", PASS, allow_weak_kdf=True)
                copy = Vault.open(work / "field-D2", PASS, allow_weak_kdf=True)
                update_interview(copy, ids[0], role="interviewer", notes="other history")
                self.fork = work / "D-fork.age"
                export_bundle(copy, [ids[0]], recipients=[self.identity.public],
                              out=self.fork, role="interviewer")
                copy.lock()
            paths = []
            for i, iid in enumerate(ids):
                paths.append(work / f"{name}-{i:04d}.age")
                export_bundle(field, [iid], recipients=[self.identity.public], out=paths[-1],
                              role="interviewer")
            self.bundles[name] = paths
            field.lock()


def import_child() -> None:
    """Helper process: one supervisor importing a list of bundles (job on stdin)."""
    job = json.loads(sys.stdin.read())
    identity = keys.load_identity(Path(job["key"]))
    vault: Any = Archive.open(job["archive"]) if job.get("archive") else open_vault(
        Path(job["vault"]))
    go = Path(job["go"])
    while not go.exists():  # both supervisors start at the same moment
        time.sleep(0.001)
    out = []
    for path in job["bundles"]:
        start, cpu = time.time(), time.process_time()
        try:
            r = import_bundle(vault, Path(path), identity, role="supervisor")
            out.append({"bundle": Path(path).name, "start": start, "end": time.time(),
                        "cpu_s": time.process_time() - cpu,
                        "replay": r.replay, "inserted": r.inserted, "error": None})
        except Exception as exc:  # noqa: BLE001 - what a second supervisor meets is measured
            out.append({"bundle": Path(path).name, "start": start, "end": time.time(),
                        "cpu_s": time.process_time() - cpu, "replay": None, "inserted": 0, "error": f"{type(exc).__name__}: {exc}"})
    vault.lock()
    print(json.dumps(out))


def two_supervisors(fleet: Fleet, vault: Any, lists: list[list[Path]]) -> list[list[dict]]:
    """Each list imported by its own process (a supervisor), all starting at one moment."""
    go = fleet.work / "go"
    go.unlink(missing_ok=True)
    procs = [subprocess.Popen([sys.executable, __file__, "--import-child"], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, cwd=ROOT)
             for _ in lists]
    for proc, paths in zip(procs, lists, strict=True):
        assert proc.stdin is not None
        where = {"archive": vault.url} if isinstance(vault, Archive) else {
            "vault": str(vault.path)}
        proc.stdin.write(json.dumps({**where, "key": str(fleet.key_file),
                                     "go": str(go), "bundles": [str(p) for p in paths]}))
        proc.stdin.close()
    time.sleep(2.0)  # both have unlocked and wait
    go.touch()
    results = []
    for proc in procs:
        assert proc.stdout is not None
        results.append(json.loads(proc.stdout.read()))
        proc.wait()
    return results


# ----------------------------------------------------------------------------- measurements
def pair_summary(wall: float, tried: int, failed: int, single_per_s: float) -> dict[str, Any]:
    """Two supervisors' throughput: only bundles that were imported count."""
    done = tried - failed
    return {"seconds": wall, "tried": tried, "imported": done,
            "bundles_per_min": done / wall * 60, "vs_single": (done / wall) / single_per_s}


def measure_imports(fleet: Fleet, vault: Vault, k: int, step: int) -> dict[str, Any]:
    one = fleet.bundles["A"][step * k:(step + 1) * k]
    before = vault.conn.execute("SELECT count(*) FROM interview").fetchone()[0]
    times, cpu = [], []
    start = time.perf_counter()
    for path in one:
        t0, c0 = time.perf_counter(), time.process_time()
        r = import_bundle(vault, path, fleet.identity, role="supervisor")
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)  # every thread of this process
        assert not r.replay and r.inserted > 0
    single_s = time.perf_counter() - start
    # Two supervisors, two laptops' bundles, at once.
    b = fleet.bundles["B"][step * k:(step + 1) * k]
    c = fleet.bundles["C"][step * k:(step + 1) * k]
    pair = two_supervisors(fleet, vault, [b, c])
    flat = [r for side in pair for r in side]
    wall = max(r["end"] for r in flat) - min(r["start"] for r in flat)
    errors = [r["error"] for r in flat if r["error"]]
    # The same bundle, by both, at the same moment: exactly one may insert it.
    same = fleet.bundles["D"][0] if step == 0 else None
    race = two_supervisors(fleet, vault, [[same], [same]]) if same else None
    after = vault.conn.execute("SELECT count(*) FROM interview").fetchone()[0]
    imported = {r[0] for r in vault.conn.execute("SELECT bundle_id FROM bundle_import")}
    states = dict(vault.conn.execute("SELECT device_id, last_seq FROM bundle_import_state"))
    entries = audit.verify(vault.conn)
    result: dict[str, Any] = {
        "bundles": k,
        "single": {"seconds": single_s, "bundles_per_min": k / single_s * 60,
                   "median_s": statistics.median(times), "max_s": max(times),
                   "cpu_median_s": statistics.median(cpu)},
        "two_supervisors": pair_summary(wall, 2 * k, len(errors), k / single_s) | {
            "errors": errors,
            "per_bundle_s": [round(r["end"] - r["start"], 3) for r in flat],
            "per_bundle_cpu_s": [round(r["cpu_s"], 3) for r in flat],
            "max_s": max(r["end"] - r["start"] for r in flat)},
        "interviews_added": after - before,
        "expected_added": 3 * k + (1 if race else 0),
        "bundle_imports_recorded": len(imported),
        "devices_with_state": len(states),
        "audit_entries_verified": entries,
    }
    if race is not None:
        outcomes = [r for side in race for r in side]
        result["same_bundle_race"] = {
            "inserted_by": sum(1 for r in outcomes if r["error"] is None and not r["replay"]),
            "replays": sum(1 for r in outcomes if r["replay"]),
            "errors": [r["error"] for r in outcomes if r["error"]]}
    return result


def measure_size(fleet: Fleet, vault: Vault, size: int, step: int, args: argparse.Namespace,
                 weak_kdf: tuple[float, float]) -> tuple[Vault, dict[str, Any]]:
    conn = vault.conn
    counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # noqa: S608
              for t in ("interview", "segment", "tag", "event", "audio_asset")}
    subject = co.subject_for(vault, facility=YODOK)
    row: dict[str, Any] = {"interviews": size, "counts": counts}
    row["search"] = []
    for label, query, kw in SEARCHES:
        hits = len(search.search(vault, query, **kw).hits)
        r = runs_of(lambda q=query, k=kw: search.search(vault, q, **k), args.runs, 60)
        row["search"].append({"query": label, "hits": hits, **r})
    row["corroboration"] = []
    for label, fn in [
            ("corroborate Yodok (with quotes)", lambda: co.corroborate(vault, subject)),
            ("corroborate Yodok (counts, conflicts)",
             lambda: co.corroborate(vault, subject, with_quotes=False)),
            ("facility x commodity matrix", lambda: co.matrix(vault))]:
        row["corroboration"].append({"case": label, **runs_of(fn, args.runs, 120)})
    c = co.corroborate(vault, subject, with_quotes=False)
    row["yodok"] = {"testimonies": c.testimonies, "witnesses": c.independent_witnesses}
    row["imports"] = measure_imports(fleet, vault, args.bundles, step)
    # Size, open, integrity: with the vault locked and its pages out of the OS cache.
    path = vault.path
    vault.lock()
    row["bytes_on_disk"] = sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    keys_ = ("unlock_db_s", "unlock_db_cpu_s", "first_query_s", "first_query_cpu_s")
    opens: dict[str, dict[str, list[float]]] = {k: {m: [] for m in keys_}
                                                for k in ("cold", "warm")}
    for kind in ("cold", "warm", "cold", "warm"):
        if kind == "cold":
            drop_from_cache(path)
        t0, c0 = time.perf_counter(), time.process_time()
        v = open_vault(path)
        t1, c1 = time.perf_counter(), time.process_time()
        n = len(interview_summaries(v))
        t2, c2 = time.perf_counter(), time.process_time()
        assert n == counts["interview"] + row["imports"]["interviews_added"]
        for m, value in zip(keys_, (t1 - t0 - weak_kdf[0], c1 - c0 - weak_kdf[1], t2 - t1,
                                    c2 - c1), strict=True):
            opens[kind][m].append(value)
        v.lock()
    row["open"] = {kind: {m: min(v_) for m, v_ in ms.items()} for kind, ms in opens.items()}
    drop_from_cache(path)
    v = open_vault(path)
    t0, c0 = time.perf_counter(), time.process_time()
    problems = v.integrity_check() if size <= args.check_up_to else None
    row["integrity_check_s"] = time.perf_counter() - t0 if problems is not None else None
    row["integrity_check_cpu_s"] = time.process_time() - c0 if problems is not None else None
    row["integrity_problems"] = problems
    return v, row


ARCHIVE_SEARCHES = [("facility name 요덕", "요덕"), ("Korean mid-word substring", "생산했"),
                    ("alias Yodok (expands)", "Yodok"), ("no match", "평양냉면집")]
IMPORTERS = ("B", "C", "E", "F")


def measure_archive_imports(fleet: Fleet, archive: Archive, k: int, step: int
                            ) -> dict[str, Any]:
    """One supervisor alone, then four at once (four laptops), then a fork race."""
    conn = archive.conn
    before = conn.execute("SELECT count(*) FROM interview").fetchone()[0]
    times, cpu = [], []
    start = time.perf_counter()
    for path in fleet.bundles["A"][step * k:(step + 1) * k]:
        t0, c0 = time.perf_counter(), time.process_time()
        r = import_bundle(archive, path, fleet.identity, role="supervisor")
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
        assert not r.replay and r.inserted > 0
    single_s = time.perf_counter() - start
    lists = [fleet.bundles[n][step * k:(step + 1) * k] for n in IMPORTERS]
    four = [r for side in two_supervisors(fleet, archive, lists) for r in side]
    wall = max(r["end"] for r in four) - min(r["start"] for r in four)
    errors = [r["error"] for r in four if r["error"]]
    race = None
    if step == 0:  # bundle 1 of laptop D, and a fork of it, imported at the same moment
        outcomes = [r for side in two_supervisors(
            fleet, archive, [[fleet.bundles["D"][0]], [fleet.fork]]) for r in side]
        race = {"accepted": sum(1 for r in outcomes if r["error"] is None and not r["replay"]),
                "refused": [r["error"] for r in outcomes if r["error"]]}
    after = conn.execute("SELECT count(*) FROM interview").fetchone()[0]
    result: dict[str, Any] = {
        "bundles": k,
        "single": {"seconds": single_s, "bundles_per_min": k / single_s * 60,
                   "median_s": statistics.median(times), "max_s": max(times),
                   "cpu_median_s": statistics.median(cpu)},
        "four_supervisors": pair_summary(wall, 4 * k, len(errors), k / single_s) | {
            "errors": errors, "max_s": max(r["end"] - r["start"] for r in four),
            "per_bundle_s": [round(r["end"] - r["start"], 3) for r in four]},
        "interviews_added": after - before,
        "expected_added": 5 * k + (1 if race else 0),
        "bundle_imports_recorded": conn.execute(
            "SELECT count(*) FROM bundle_import").fetchone()[0],
        "audit_entries_verified": audit.verify(conn),
    }
    if race is not None:
        result["fork_race"] = race
    return result


def measure_archive_size(fleet: Fleet, archive: Archive, size: int, step: int,
                         args: argparse.Namespace) -> dict[str, Any]:
    conn = archive.conn
    counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # noqa: S608
              for t in ("interview", "segment", "tag", "event", "audio_asset")}
    row: dict[str, Any] = {"interviews": size, "counts": counts, "search": [],
                           "corroboration": []}
    for label, query in ARCHIVE_SEARCHES:
        hits = len(pg_search.search(conn, query))
        r = runs_of(lambda q=query: pg_search.search(conn, q), args.runs, 60)
        row["search"].append({"query": label, "hits": hits, **r})
    subject = co.subject_for(archive, facility=YODOK)  # type: ignore[arg-type]
    cases: list[tuple[str, Callable[[], Any]]] = [
        ("corroborate Yodok (with quotes)", lambda: co.corroborate(archive, subject)),  # type: ignore[arg-type]
        ("corroborate Yodok (counts, conflicts)",
         lambda: co.corroborate(archive, subject, with_quotes=False))]  # type: ignore[arg-type]
    for label, fn in cases:
        row["corroboration"].append({"case": label, **runs_of(fn, args.runs, 120)})
    c = co.corroborate(archive, subject, with_quotes=False)  # type: ignore[arg-type]
    row["yodok"] = {"testimonies": c.testimonies, "witnesses": c.independent_witnesses,
                    "conflicts": c.conflict_counts,
                    "open_flags": c.unresolved_duplicates_total}
    row["imports"] = measure_archive_imports(fleet, archive, args.bundles, step)
    row["bytes_on_disk"] = conn.execute_pg(
        "SELECT pg_database_size(current_database())").fetchone()[0]
    return row


def run_archive(args: argparse.Namespace, sizes: list[int], profile: Profile,
                result: dict[str, Any]) -> None:
    """The PostgreSQL archive grown to each size (bench/scale_pg.py), measured at each.

    With ``--snapshot DIR`` the generated archive outlives the run: the first run saves the
    server's data folder as it stands after generating the largest size, before anything is
    measured (DIR/data, DIR/objects, DIR/snapshot.json); a later run measures a fresh copy of
    it (``--sizes`` then names that size), so code changed since can be measured at 100,000
    interviews without half an hour of generation. Changes the archive's schema needs are
    made by opening it, as for any archive an older version made."""
    from bench.scale_pg import fill_archive
    from tests.pg_support import running_server

    snap: Path | None = args.snapshot
    meta_file = snap / "snapshot.json" if snap else None
    saved = json.loads(meta_file.read_text()) if meta_file and meta_file.exists() else None
    if saved and sizes != [saved["interviews"]]:
        raise SystemExit(f"the snapshot holds {saved['interviews']} interviews: "
                         f"run with --sizes {saved['interviews']}")
    with tempfile.TemporaryDirectory(prefix="bench-scale-pg-") as tmp, \
            running_server(data_from=snap / "data" if saved and snap else None) as server:
        if saved:
            url = server.url(saved["database"])
            # What an administrator does after installing a newer version (run as the owner).
            result["upgrade"] = asdict(Archive.upgrade(url))
            archive = Archive.open(url)
            grown = saved["interviews"]
            result["snapshot"] = {"folder": str(snap), **saved}
        else:
            server.admin('CREATE DATABASE "bench"')
            url = server.url("bench")
            objects = (snap or Path(tmp)) / "objects"
            archive = Archive.init(url, objects, Path(tmp) / "archive.key")
            grown = 0
        start = time.perf_counter()
        fleet = Fleet(Path(tmp), args.bundles, len(sizes), profile, sup=archive,
                      laptops=("A", *IMPORTERS, "D"))
        result["fleet_prepare_s"] = time.perf_counter() - start
        result["server"] = archive.conn.execute_pg("SHOW server_version").fetchone()[0]
        for step, size in enumerate(sizes):
            gen: dict[str, Any] = {"rows": {"interview": 0}, "seconds": 0.0}
            if size > grown:
                gen = fill_archive(url, grown, size - grown, profile=profile,
                                   version=fleet.version, template=args.template)
            grown = size
            if snap and not saved and step == len(sizes) - 1:
                archive.lock()
                save_snapshot(server, snap, size, args.segments)
                archive = Archive.open(url)
                fleet.sup = archive
            row = measure_archive_size(fleet, archive, size, step, args)
            row["generate"] = {"interviews": gen["rows"]["interview"], **{
                k: v for k, v in gen.items() if k != "rows"}}
            row["load_average_after"] = os.getloadavg()
            result["sizes"].append(row)
            args.out.parent.mkdir(parents=True, exist_ok=True)
            args.out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
            show_archive(row)
        archive.lock()


def save_snapshot(server: Any, snap: Path, interviews: int, segments: int) -> None:
    """Keep a copy of the stopped server's data folder in ``snap`` (see run_archive)."""
    server.stop()
    try:
        subprocess.run(["cp", "-a", str(server.data), str(snap / "data")], check=True)
    finally:
        server.start()
    (snap / "snapshot.json").write_text(json.dumps({
        "interviews": interviews, "segments_per_interview": segments, "database": "bench",
        "made": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}, indent=2) + "\n")


def show_archive(row: dict[str, Any]) -> None:
    c = row["counts"]
    print(f"\n== archive, {row['interviews']} interviews: {c['segment']} segments, "
          f"{c['tag']} tags, {c['event']} events, {row['bytes_on_disk'] / 1e6:.0f} MB; generated "
          f"in {row['generate']['seconds']:.0f} s")
    for s in row["search"] + row["corroboration"]:
        print(f"  {s.get('query') or s.get('case'):40s} p95 {s['p95_ms']:8.1f} ms "
              f"(median {s['median_ms']:8.1f}, cpu p95 {s['cpu_p95_ms']:8.1f}, {s['runs']} runs)"
              + (f" {s['hits']} hits" if "hits" in s else ""))
    im = row["imports"]
    print(f"  import: {im['single']['bundles_per_min']:.1f} bundles/min alone, "
          f"{im['four_supervisors']['bundles_per_min']:.1f} with four "
          f"({im['four_supervisors']['vs_single']:.2f}x), errors "
          f"{im['four_supervisors']['errors']}, fork race {im.get('fork_race')}, added "
          f"{im['interviews_added']} of {im['expected_added']}", flush=True)


def show(row: dict[str, Any], argon2_s: float) -> None:
    c = row["counts"]
    print(f"\n== {row['interviews']} interviews: {c['segment']} segments, {c['tag']} tags, "
          f"{c['event']} events, {row['bytes_on_disk'] / 1e6:.0f} MB on disk; generated in "
          f"{row['generate']['seconds']:.0f} s (CPU {row['generate']['cpu_seconds']:.0f} s)")
    for s in row["search"] + row["corroboration"]:
        print(f"  {s.get('query') or s.get('case'):40s} p95 {s['p95_ms']:8.1f} ms "
              f"(median {s['median_ms']:8.1f}, cpu p95 {s['cpu_p95_ms']:8.1f}, {s['runs']} runs)"
              + (f" {s['hits']} hits" if "hits" in s else ""))
    im = row["imports"]
    print(f"  import: {im['single']['bundles_per_min']:.1f} bundles/min alone, "
          f"{im['two_supervisors']['bundles_per_min']:.1f} with two supervisors "
          f"({im['two_supervisors']['vs_single']:.2f}x), errors {im['two_supervisors']['errors']}"
          f", race {im.get('same_bundle_race')}")
    print(f"  open: {row['open']} (+ Argon2id {argon2_s:.2f} s); integrity check "
          f"{row['integrity_check_s']} s (CPU {row['integrity_check_cpu_s']}), problems "
          f"{row['integrity_problems']}", flush=True)


def main() -> None:
    global MIN_RUNS  # noqa: PLW0603 - one setting for every case of the run
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,3000",
                        help="interviews at each step (the issue's: 1000,10000,100000; "
                             "hours at that size)")
    parser.add_argument("--backend", choices=("vault", "archive"), default="vault",
                        help="a SQLCipher vault, or the PostgreSQL archive on a temporary "
                             "server (bench/scale_pg.py loads it in bulk)")
    parser.add_argument("--template", type=int, default=1000,
                        help="archive: interviews generated in Python; the rest are copies")
    parser.add_argument("--segments", type=int, default=30,
                        help="original segments per interview")
    parser.add_argument("--bundles", type=int, default=6,
                        help="bundles per importer at each size")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--min-runs", type=int, default=MIN_RUNS,
                        help="timed calls made even past a case's time budget (default 5; "
                             "fewer keeps the 100k vault's slow cases within hours)")
    parser.add_argument("--check-up-to", type=int, default=10**9,
                        help="skip the integrity check above this many interviews")
    parser.add_argument("--out", type=Path, default=None,
                        help="default bench/results/scale.json (archive: scale_archive.json)")
    parser.add_argument("--snapshot", type=Path, default=None,
                        help="archive: keep the generated archive in this folder, or measure "
                             "a copy of the one kept there (see run_archive)")
    parser.add_argument("--import-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    MIN_RUNS = max(1, args.min_runs)
    if args.import_child:
        import_child()
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    profile = Profile(segments=args.segments)
    if args.out is None:
        args.out = ROOT / "bench/results" / (
            "scale.json" if args.backend == "vault" else "scale_archive.json")
    if args.backend == "archive":
        run_archive(args, sizes, profile, {
            "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "cpu": cpu_model(),
            "cores": os.cpu_count(), "load_average_at_start": os.getloadavg(),
            "backend": "archive", "profile": profile.__dict__, "template": args.template,
            "bundle": "one interview per bundle, same profile, from one of six field vaults",
            "sizes": []})
        return
    argon2 = [timed_s(lambda: derive_key(PASS, floor_params())) for _ in range(2)]
    argon2_s = min(a[0] for a in argon2)
    weak = [timed_s(lambda: derive_key(PASS, weak_test_params(), allow_weak=True))
            for _ in range(5)]
    weak_kdf = (statistics.median(w[0] for w in weak), statistics.median(w[1] for w in weak))
    result: dict[str, Any] = {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "cpu": cpu_model(),
        "cores": os.cpu_count(), "load_average_at_start": os.getloadavg(),
        "profile": profile.__dict__, "argon2id_floor_s": argon2_s,
        "argon2id_floor_cpu_s": min(a[1] for a in argon2),
        "bundle": "one interview per bundle, same profile, from one of three field vaults",
        "sizes": []}
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        start = time.perf_counter()
        fleet = Fleet(Path(tmp), args.bundles, len(sizes), profile)
        result["fleet_prepare_s"] = time.perf_counter() - start
        vault = fleet.sup
        grown = 0
        for step, size in enumerate(sizes):
            gen = fill(vault, grown, size - grown, profile=profile, version=fleet.version)
            grown = size
            vault, row = measure_size(fleet, vault, size, step, args, weak_kdf)
            row["generate"] = {"interviews": size - (sizes[step - 1] if step else 0),
                               "seconds": gen["seconds"], "cpu_seconds": gen["cpu_seconds"]}
            row["load_average_after"] = os.getloadavg()
            result["sizes"].append(row)
            args.out.parent.mkdir(parents=True, exist_ok=True)
            args.out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
            show(row, argon2_s)
        vault.lock()


def timed_s(fn: Callable[[], Any]) -> tuple[float, float]:
    """(wall, CPU) seconds of one call."""
    start, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - start, time.process_time() - cpu


if __name__ == "__main__":
    main()
