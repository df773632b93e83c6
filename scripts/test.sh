#!/usr/bin/env bash
# Set up everything on a fresh machine and run the whole test suite.
#   scripts/test.sh [pytest args...]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps.sh
# The packaging extra (PyInstaller) lets tests/packaging/test_packaging_build.py build the frozen app.
bash scripts/venv.sh test,packaging
export QT_QPA_PLATFORM=offscreen HF_HUB_OFFLINE=1
# Compiled bytecode goes to one git-ignored folder (.pycache/), never beside the sources:
# each run, and each Python child a test starts (the CLI, the engine child), then reuses
# the compiled modules and pytest's rewritten test modules instead of compiling them again.
unset PYTHONDONTWRITEBYTECODE
export PYTHONPYCACHEPREFIX=${PYTHONPYCACHEPREFIX:-$PWD/.pycache}
.venv/bin/python -m ruff check app cli qtaudio crypto errors storage transcription ui tests bench packaging
.venv/bin/python -m mypy
.venv/bin/python -m mypy --strict packaging/datafiles.py packaging/release.py
.venv/bin/lint-imports
# One worker per core (pytest-xdist), a file's tests kept together so its module fixtures are
# made once; each worker has its own PulseAudio daemon and PostgreSQL server (tests/conftest.py).
# TEST_WORKERS=0 runs everything in this one process.
# The tests marked `alone` (bounds on the GUI thread's latency) then run by themselves, with no
# other worker's tests beside them on the machine's cores (TEST_PHASE, tests/conftest.py).
# Exit status 5 is pytest's "nothing collected": a selection ("$@") may hold no test of a phase.
status=0
TEST_PHASE=shared .venv/bin/python -m pytest -n "${TEST_WORKERS:-auto}" --dist loadfile "$@" \
  || status=$?
alone=0
TEST_PHASE=alone .venv/bin/python -m pytest -n 0 "$@" || alone=$?
for s in "$status" "$alone"; do
  if [ "$s" -ne 0 ] && [ "$s" -ne 5 ]; then exit "$s"; fi
done
if [ "$status" -eq 5 ] && [ "$alone" -eq 5 ]; then exit 5; fi
