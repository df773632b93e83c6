"""The scale benchmark's generator and plumbing (bench/scale_archive.py, bench/bench_scale.py):
what it writes is what it says, in a real vault, and its interviews travel through the real
export and import code."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from app.bundles.importer import import_bundle
from app.coding import search
from app.connect import corroborate as co
from bench import scale_archive as sa
from bench.bench_scale import drop_from_cache, p95, pair_summary, runs_of
from storage import blobs
from tests.bundle_helpers import make_world, new_vault
from tests.connect_archive import YODOK

PROFILE = sa.Profile(segments=6, translated=0.5, audio_bytes=1000, extra_tags=2)


def _count(vault: object, table: str) -> int:
    return vault.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # type: ignore[attr-defined]  # noqa: S608


def test_rows_depend_only_on_seed_prefix_and_number() -> None:
    one = sa.interview_rows(7, seed=3, prefix="NK-S", profile=PROFILE, version="v")
    again = sa.interview_rows(7, seed=3, prefix="NK-S", profile=PROFILE, version="v")
    other = sa.interview_rows(7, seed=3, prefix="NK-F", profile=PROFILE, version="v")
    assert one == again
    assert one["interview"][0][0] != other["interview"][0][0]  # laptops never collide
    assert one["interview"][0][1] == "NK-S-000007"
    originals = [r for r in one["segment"] if r[11] == "original"]
    assert len(originals) >= PROFILE.segments
    for blob, chunk in zip(one["blob"], one["blob_chunk"], strict=True):
        assert blob[5] == hashlib.sha256(chunk[3]).hexdigest() and blob[4] == len(chunk[3])


def test_field_interviews_can_always_be_exported() -> None:
    for n in range(60):
        consent = sa.interview_rows(n, seed=1, prefix="F", profile=PROFILE, version="v",
                                    field=True)["consent"][0]
        assert consent[4] is None and "archive" in json.loads(consent[1])


def test_fill_writes_what_it_reports_and_grows_in_steps(tmp_path: Path) -> None:
    vault = new_vault(tmp_path / "v")
    version = sa.setup_taxonomy(vault)
    first = sa.fill(vault, 0, 8, profile=PROFILE, version=version)
    second = sa.fill(vault, 8, 4, profile=PROFILE, version=version)
    for table in sa.ORDER:
        assert _count(vault, table) == first["rows"][table] + second["rows"][table]
    assert _count(vault, "interview") == 12
    codes = [r[0] for r in vault.conn.execute("SELECT code FROM interview ORDER BY code")]
    assert codes == [f"NK-S-{n:06d}" for n in range(12)]
    # the same rows as one fill of all twelve would write
    expected = {sa.interview_rows(n, seed=17, prefix="NK-S", profile=PROFILE,
                                  version=version)["interview"][0][0] for n in range(12)}
    assert {r[0] for r in vault.conn.execute("SELECT id FROM interview")} == expected
    # every audio stand-in is stored whole and hashes to what its rows say
    for blob_id, sha in vault.conn.execute("SELECT blob_id, sha256 FROM audio_asset"):
        data = b"".join(blobs.iter_chunks(vault.conn, blob_id))
        assert hashlib.sha256(data).hexdigest() == sha
    # the search index and the connect queries see the generated coding
    yodok = {r[0] for r in vault.conn.execute(
        "SELECT DISTINCT interview_id FROM event WHERE place_term = ?", (YODOK,))}
    result = co.corroborate(vault, co.subject_for(vault, facility=YODOK), with_quotes=False)
    assert result.testimonies == len(yodok)
    hits = search.search(vault, "요덕", expand_aliases=False).hits
    assert {h.interview_id for h in hits} >= yodok
    assert vault.integrity_check() == []
    vault.lock()


def test_a_generated_interview_travels_through_export_and_import(tmp_path: Path) -> None:
    world = make_world(tmp_path)
    sa.fill(world.field, 0, 1, profile=PROFILE, version=sa.setup_taxonomy(world.field),
            prefix="NK-F", field=True)
    sa.setup_taxonomy(world.sup)
    iid = world.field.conn.execute("SELECT id FROM interview").fetchone()[0]
    bundle = world.export(iid)
    result = import_bundle(world.sup, bundle.path, world.identity, role="supervisor")
    assert not result.replay and result.inserted > 0
    for table in ("segment", "tag", "event", "audio_asset"):
        assert _count(world.sup, table) == _count(world.field, table)
    drop_from_cache(world.sup.path)  # the bench's cold-open step leaves the vault usable
    assert _count(world.sup, "interview") == 1


def test_p95_and_runs() -> None:
    assert p95([float(x) for x in range(1, 101)]) == 95.0
    assert p95([3.0]) == 3.0
    calls = []
    r = runs_of(lambda: calls.append(1), 7, 60)
    assert r["runs"] == 7 and len(calls) == 8  # one warm-up
    with pytest.raises(ZeroDivisionError):
        runs_of(lambda: 1 / 0, 3, 1)


def test_failed_imports_are_not_throughput() -> None:
    pair = pair_summary(60.0, 12, 4, single_per_s=0.1)
    assert pair["imported"] == 8 and pair["bundles_per_min"] == 8.0
    assert pair["vs_single"] == pytest.approx((8 / 60) / 0.1)


def test_archive_bulk_load_copies_the_template(pg_url: str, tmp_path: Path) -> None:
    from bench.scale_pg import TABLES, fill_archive
    from storage.pg.archive import Archive

    archive = Archive.init(pg_url, tmp_path / "objects", tmp_path / "archive.key")
    try:
        version = sa.setup_taxonomy(archive)  # type: ignore[arg-type]
        first = fill_archive(pg_url, 0, 3, profile=PROFILE, version=version, template=3)
        more = fill_archive(pg_url, 3, 6, profile=PROFILE, version=version, template=3)
        conn = archive.conn
        for table in TABLES:
            assert _count(archive, table) == 3 * first["rows"][table]
            assert more["rows"][table] == 2 * first["rows"][table]
        codes = [r[0] for r in conn.execute("SELECT code FROM interview ORDER BY code")]
        assert codes == [f"NK-S-{n:06d}" for n in range(9)]
        # copy 0 is the generator's own rows; copies have their own ids and interviewees
        rows = [sa.interview_rows(n, seed=17, prefix="NK-S", profile=PROFILE, version=version)
                for n in range(3)]
        ids = {r[0] for r in conn.execute("SELECT id FROM interview")}
        assert {r["interview"][0][0] for r in rows} <= ids and len(ids) == 9
        people = conn.execute("SELECT birth_year, home_province, defection_year FROM interviewee"
                              " i JOIN interview v ON v.id = i.interview_id WHERE v.code >= ?",
                              ("NK-S-000003",)).fetchall()
        assert len(people) == 6
        assert all(1940 <= b <= 2000 and ", county " in h and 1995 <= d <= 2020
                   for b, h, d in people)
        # every reference resolves (the load ran without foreign-key triggers)
        for child, col, parent in (("segment", "interview_id", "interview"),
                                   ("segment", "transcript_id", "transcript"),
                                   ("tag", "segment_id", "segment"),
                                   ("event_tag", "tag_id", "tag"),
                                   ("event_tag", "event_id", "event"),
                                   ("audio_asset", "blob_id", "blob")):
            orphans = conn.execute(
                f"SELECT count(*) FROM {child} c LEFT JOIN {parent} p ON p.id = c.{col}"  # noqa: S608
                f" WHERE c.{col} IS NOT NULL AND p.id IS NULL").fetchone()[0]
            assert orphans == 0, (child, col)
        result = co.corroborate(archive, co.subject_for(archive, facility=YODOK),  # type: ignore[arg-type]
                                with_quotes=False)
        yodok = {r[0] for r in conn.execute(
            "SELECT DISTINCT interview_id FROM event WHERE place_term = ?", (YODOK,))}
        assert result.testimonies == len(yodok)
    finally:
        archive.lock()


def test_archive_bench_runs_and_checks_concurrent_imports(pg_server: object,
                                                         tmp_path: Path) -> None:
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    snap = tmp_path / "snap"  # --snapshot: kept after generation, measured again below
    snap.mkdir()
    rows = []
    for run in ("first", "again"):
        out = tmp_path / f"{run}.json"
        subprocess.run([sys.executable, "bench/bench_scale.py", "--backend", "archive",
                        "--sizes", "3", "--template", "3", "--bundles", "1", "--runs", "1",
                        "--segments", "2", "--snapshot", str(snap), "--out", str(out)],
                       cwd=root, check=True, capture_output=True)
        rows.append(json.loads(out.read_text())["sizes"][0])
    # The second run measured a fresh copy of the kept archive without generating again: it
    # holds the generated interviews only (not the first run's imports) and takes imports too.
    assert json.loads((snap / "snapshot.json").read_text())["interviews"] == 3
    assert rows[0]["generate"]["interviews"] == 3 and rows[1]["generate"]["interviews"] == 0
    assert rows[1]["counts"]["interview"] == 3
    assert rows[1]["imports"]["interviews_added"] == rows[1]["imports"]["expected_added"] == 6
    row = rows[0]
    assert row["counts"]["interview"] == 3
    imports = row["imports"]
    assert imports["interviews_added"] == imports["expected_added"] == 6  # 1 + 4 + 1, none lost
    assert imports["four_supervisors"]["errors"] == []
    assert imports["fork_race"]["accepted"] == 1  # of bundle 1 and its fork, exactly one
    assert "fork" in imports["fork_race"]["refused"][0]
    assert {s["query"] for s in row["search"]} >= {"facility name 요덕",
                                                   "Korean mid-word substring"}
    assert [c["case"] for c in row["corroboration"]] == [
        "corroborate Yodok (with quotes)", "corroborate Yodok (counts, conflicts)"]

