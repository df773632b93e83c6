"""Packaging (issue 8): build time, frozen start-up and self-test time, folder size.

Baselines measured in the same run: the same commands run from source with the build's Python
(start-up and self-test), and the size of that Python's site-packages (what a pip install of
the app and its dependencies occupies) for the folder's size.

Needs PyInstaller: run it with a Python that has the ``packaging`` extra, or name one in
TESTIMONY_BUILD_PYTHON. Takes a few minutes (one full build).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.common import save, timed  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def run(cmd: list[str], env: dict[str, str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    python = os.environ.get("TESTIMONY_BUILD_PYTHON", sys.executable)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        env = dict(os.environ, TESTIMONY_BUILD_PYTHON=python, TESTIMONY_DIST_DIR=str(tmp / "dist"),
                   TESTIMONY_WORK_DIR=str(tmp / "work"))
        env.pop("TESTIMONY_RELEASE_KEY", None)
        start = time.perf_counter()
        out = subprocess.run(["bash", str(ROOT / "packaging" / "build.sh")], env=env, cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout
        total = time.perf_counter() - start
        times = re.search(r"Times: build (\d+) s, self-test (\d+) s, total (\d+) s", out)
        assert times, "build.sh did not report its times"
        app = tmp / "dist" / "TestimonyVault"

        run_env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
        run_env.update(QT_QPA_PLATFORM="offscreen", TESTIMONY_STATE_DIR=str(tmp / "state"))
        src_env = dict(run_env, PYTHONPATH=str(ROOT))
        frozen_start = timed(lambda: run([str(app / "testimony"), "--version"], run_env, tmp), 5)
        source_start = timed(lambda: run([python, "-m", "cli", "--version"], src_env, ROOT), 5)
        frozen_help = timed(lambda: run([str(app / "testimony"), "--help"], run_env, tmp), 3)
        source_help = timed(lambda: run([python, "-m", "cli", "--help"], src_env, ROOT), 3)
        frozen_test = run([str(app / "testimony"), "self-test"], run_env, tmp)
        source_test = run([python, "-m", "cli", "self-test"], src_env, ROOT)

        size = folder_bytes(app)
        purelib = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()"
                                  "['purelib'])"], capture_output=True, text=True,
                                 check=True).stdout.strip()
        installed = folder_bytes(Path(purelib))

    results = {
        "build_sh_total_s": round(total, 1),
        "pyinstaller_build_s": int(times.group(1)),
        "build_sh_selftest_s": int(times.group(2)),
        "startup_version_frozen_s": round(frozen_start, 3),
        "startup_version_source_s": round(source_start, 3),
        "startup_ratio": round(frozen_start / source_start, 2),
        "help_frozen_s": round(frozen_help, 3),
        "help_source_s": round(source_help, 3),
        "help_ratio": round(frozen_help / source_help, 2),
        "selftest_frozen_s": round(frozen_test, 1),
        "selftest_source_s": round(source_test, 1),
        "selftest_ratio": round(frozen_test / source_test, 2),
        "folder_mib": round(size / 2**20),
        "site_packages_mib": round(installed / 2**20),
        "size_ratio": round(size / installed, 2),
        "python": sysconfig.get_python_version(),
    }
    for key, value in results.items():
        print(f"{key:28s} {value}")
    print(save("packaging", results))


if __name__ == "__main__":
    main()
