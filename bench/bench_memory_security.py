"""Cost of SQLCipher's cipher_memory_security (ON in the vault), measured in two subprocesses
because the setting is process-wide: insert 20,000 interview rows and 2,000 transcript-sized
segments (with the search index triggers) into a fresh vault, ON vs OFF.

    python bench/bench_memory_security.py
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import machine, save  # noqa: E402

CHILD = r"""
import json, sys, tempfile, time, uuid
from pathlib import Path
import storage.db as d
d.MEMORY_SECURITY = sys.argv[1]
from crypto.kdf import weak_test_params
from storage.vault import Vault
from app import interviews
v, _ = Vault.create(Path(tempfile.mkdtemp()) / "v", b"pw", kdf=weak_test_params(), allow_weak_kdf=True)
iid = interviews.add_interview(v, code="NK-2026-103", role="interviewer")
t = time.perf_counter()
with v.transaction() as c:
    c.executemany("INSERT INTO interview(id, code, notes, created_at, updated_at, created_by)"
                  " VALUES (?, ?, ?, 'now', 'now', 'bench')",
                  [(str(uuid.uuid4()), f"c{i}", "note text " * 20) for i in range(20000)])
rows = time.perf_counter() - t
t = time.perf_counter()
with v.transaction() as c:
    c.executemany("INSERT INTO segment(id, interview_id, idx, start_s, end_s, text, created_at,"
                  " created_by) VALUES (?, ?, ?, 0, 1, ?, 'now', 'bench')",
                  [(str(uuid.uuid4()), iid, i, "저는 요덕 관리소에서 삼 년 동안 일했습니다 " * 3)
                   for i in range(2000)])
segs = time.perf_counter() - t
print(json.dumps({"rows_s": rows, "segments_s": segs}))
"""


def run(mode: str) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", CHILD, mode], capture_output=True, text=True,
                         cwd=ROOT, check=True, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin"})
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    on, off = run("ON"), run("OFF")
    results = {f"{k}_on": v for k, v in on.items()} | {f"{k}_off": v for k, v in off.items()}
    results["rows_on_vs_off"] = on["rows_s"] / off["rows_s"]
    results["segments_on_vs_off"] = on["segments_s"] / off["segments_s"]
    print(machine())
    for k, v in results.items():
        print(f"{k:22s} {v:10.3f}")
    print(f"saved {save('memory_security', results)}")


if __name__ == "__main__":
    main()
