"""Bench for issue 13, part 6: what carrying the whole audit chain costs a bundle.

    python bench/bench_anchor.py [--entries 100000]
    (results: bench/results/anchor.json)

The same one-interview export (and its import into a supervisor vault) is measured twice in one
run: first with the few audit entries a fresh vault has (the baseline), then after ``--entries``
more audit entries (about an interview that is not exported) were appended to the laptop's
log. Reported: the bundle's size, the size of
``audit/chain.txt``, and export / import wall time, as ratios against the baseline.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import save  # noqa: E402

OTHER = "00000000-0000-4000-8000-000000000000"


def _round(world: Any, iid: str, name: str) -> dict[str, float]:
    from app.bundles.importer import import_bundle
    from app.bundles.model import AUDIT_CHAIN

    start = time.perf_counter()
    result = world.export(iid, name=name)
    exported = time.perf_counter() - start
    start = time.perf_counter()
    imported = import_bundle(world.sup, result.path, world.identity, role="supervisor")
    took = time.perf_counter() - start
    chain = next(f.size for f in imported.manifest.files if f.name == AUDIT_CHAIN)
    return {"entries": imported.manifest.body.audit_chain.entries,
            "bundle_bytes": result.path.stat().st_size, "chain_bytes": chain,
            "export_s": round(exported, 3), "import_s": round(took, 3)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=100_000)
    args = parser.parse_args()
    from storage import audit
    from tests.bundle_helpers import make_world, populate

    with tempfile.TemporaryDirectory() as tmp:
        world = make_world(Path(tmp))
        iid = populate(world.field)
        base = _round(world, iid, "base.age")
        start = time.perf_counter()
        with world.field.transaction() as conn:
            for i in range(args.entries):
                # about another interview, so only the chain (not the entries) travels
                audit.append(conn, action="edit", object_type="interview", object_id=OTHER,
                             role="interviewer", details={"fields": ["notes"], "n": i})
        appended = time.perf_counter() - start
        big = _round(world, iid, "big.age")
        world.field.lock()
        world.sup.lock()
    added = big["bundle_bytes"] - base["bundle_bytes"]
    results = {
        "baseline": base, "with_entries": big, "appended_entries": args.entries,
        "append_s": round(appended, 2),
        "bundle_growth_bytes_per_added_entry": round(added / args.entries, 1),
        "chain_bytes_per_entry": big["chain_bytes"] / big["entries"],
        "export_time_ratio": round(big["export_s"] / base["export_s"], 2),
        "import_time_ratio": round(big["import_s"] / base["import_s"], 2),
    }
    print(save("anchor", results))
    for key, value in results.items():
        print(f"{key}: {value}")


if __name__ == "__main__":
    main()
