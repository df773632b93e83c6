"""Bench for issue 6: export and verify throughput on a bundle with N MB of audio, against stock
``age`` encrypting and decrypting the same bytes in the same run; peak memory at two sizes.

    python bench/bench_bundles.py [--mb 1024] [--small-mb 128] [--repeat 3]
    (results: bench/results/bundles.json)

Each measured step runs in its own subprocess so its peak RSS (ru_maxrss) is its own. The audio
is random bytes (incompressible, like encoded audio). Plaintext of this synthetic data is written
to the bench's temp folder only for the age baseline.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _rss() -> int:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


class _Sampler(threading.Thread):
    """Samples this process's resident memory every 5 ms while an operation runs."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak = _rss()
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.wait(0.005):
            self.peak = max(self.peak, _rss())


def _child(args: argparse.Namespace) -> None:
    import hashlib

    from app.bundles import keys
    from app.bundles.export import export_bundle
    from app.bundles.importer import verify_bundle
    from storage import blobs
    from tests.bundle_helpers import open_vault

    work = Path(args.work)
    identity = keys.load_identity(work / "sup.key")
    vault = open_vault(work / "field")
    before = _rss()
    sampler = _Sampler()
    sampler.start()
    start = time.perf_counter()
    if args.child == "export":
        export_bundle(vault, [], recipients=[identity.public], out=work / args.bundle,
                      role="interviewer")
    elif args.child == "vault-read":
        blob_id = vault.conn.execute("SELECT id FROM blob").fetchone()[0]
        digest = hashlib.sha256()
        for chunk in blobs.iter_chunks(vault.conn, blob_id):
            digest.update(chunk)
    else:
        verify_bundle(work / args.bundle, identity, vault=None)
    elapsed = time.perf_counter() - start
    sampler.stop.set()
    sampler.join()
    vault.lock()
    print(json.dumps({"seconds": elapsed, "rss_before": before, "rss_peak": sampler.peak}))


def _prepare(work: Path, mb: int) -> Path:
    """A field vault with one interview holding ``mb`` MB of audio; the same bytes as a file."""
    from app.bundles import keys
    from app.interviews import add_interview
    from tests.bundle_helpers import new_vault

    field = new_vault(work / "field")
    text, identity = keys.new_supervisor_key()
    (work / "sup.key").write_text(text)
    keys.trust_supervisor(field, identity.public, role="interviewer")
    iid = add_interview(field, code="BENCH", role="interviewer", consent_scopes=["archive"])
    raw = work / "audio.raw"
    writer = field.blob_writer(kind="audio", on_crash="keep")
    with open(raw, "wb") as fh:
        for _ in range(mb):
            block = os.urandom(1 << 20)
            writer.write(block)
            fh.write(block)

    def link(conn: object) -> None:
        conn.execute(  # type: ignore[attr-defined]
            "INSERT INTO audio_asset(id, interview_id, blob_id, source, created_at, created_by)"
            " VALUES ('a', ?, ?, 'import', 'now', 'interviewer')", (iid, writer.id))

    writer.finish(then=link)
    field.lock()
    (work / "recipient.txt").write_text(identity.public.age_recipient)
    return raw


def _run_child(work: Path, which: str, bundle: str) -> dict[str, float]:
    out = subprocess.run([sys.executable, __file__, "--child", which, "--work", str(work),
                          "--bundle", bundle], capture_output=True, text=True, check=True,
                         cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def _timed(cmd: list[str], **kw: object) -> tuple[float, int]:
    start = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    subprocess.run(cmd, check=True, **kw)  # type: ignore[call-overload]
    elapsed = time.perf_counter() - start
    return elapsed, max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) * 1024


def measure(mb: int, repeat: int) -> dict[str, float]:
    """Median of ``repeat`` alternating runs of each step (the machine is shared and noisy)."""
    work = Path(tempfile.mkdtemp(prefix="bench-bundles-"))
    try:
        raw = _prepare(work, mb)
        recipient = (work / "recipient.txt").read_text()
        runs: dict[str, list[float]] = {}
        peaks: dict[str, list[float]] = {}
        for i in range(repeat):
            (work / "raw.age").unlink(missing_ok=True)
            runs.setdefault("age_enc", []).append(
                _timed(["age", "-r", recipient, "-o", str(work / "raw.age"), str(raw)])[0])
            with open(os.devnull, "wb") as null:
                runs.setdefault("age_dec", []).append(_timed(
                    ["age", "-d", "-i", str(work / "sup.key"), str(work / "raw.age")],
                    stdout=null)[0])
            read = _run_child(work, "vault-read", "")
            exp = _run_child(work, "export", f"b{i}.age")
            ver = _run_child(work, "verify", f"b{i}.age")
            for name, r in (("read", read), ("export", exp), ("verify", ver)):
                runs.setdefault(name, []).append(r["seconds"])
                peaks.setdefault(f"{name}_before", []).append(r["rss_before"])
                peaks.setdefault(f"{name}_peak", []).append(r["rss_peak"])
        t = {k: statistics.median(v) for k, v in runs.items()}
        size = mb * (1 << 20)
        return {
            "audio_mb": mb,
            "repeat": repeat,
            "bundle_bytes": (work / "b0.age").stat().st_size,
            "age_encrypt_mb_s": size / t["age_enc"] / 1e6,
            "age_decrypt_mb_s": size / t["age_dec"] / 1e6,
            "vault_read_sha256_mb_s": size / t["read"] / 1e6,
            "export_mb_s": size / t["export"] / 1e6,
            "verify_mb_s": size / t["verify"] / 1e6,
            "export_vs_age_encrypt": t["age_enc"] / t["export"],
            "verify_vs_age_decrypt": t["age_dec"] / t["verify"],
            "export_vs_vault_read": t["read"] / t["export"],
            "export_rss_before_mb": max(peaks["export_before"]) / 1e6,
            "export_rss_peak_mb": max(peaks["export_peak"]) / 1e6,
            "verify_rss_before_mb": max(peaks["verify_before"]) / 1e6,
            "verify_rss_peak_mb": max(peaks["verify_peak"]) / 1e6,
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=int, default=1024)
    parser.add_argument("--small-mb", type=int, default=128)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", choices=["export", "verify", "vault-read"])
    parser.add_argument("--work")
    parser.add_argument("--bundle")
    args = parser.parse_args()
    if args.child:
        _child(args)
        return
    from bench.common import save

    results = {"runs": [measure(args.small_mb, args.repeat), measure(args.mb, args.repeat)]}
    path = save("bundles", results)
    print(json.dumps(results, indent=2))
    print(f"saved {path}")


if __name__ == "__main__":
    main()
