#!/usr/bin/env bash
# The quick loop before every commit: lint, types, layer contracts and the fast tests (every
# test not marked slow, on every core); the target is under 3 minutes on 2 cores (1 min 42 s measured). The whole
# suite (scripts/test.sh, what CI runs) adds the slow ones: real Whisper models, the audio
# device, the frozen build, the kill-at-every-step tests.
#   scripts/check.sh [pytest args...]      e.g. scripts/check.sh -k vault
# Needs .venv (scripts/venv.sh); installs nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then
  echo "check.sh: no .venv here; run scripts/venv.sh first." >&2
  exit 2
fi
export QT_QPA_PLATFORM=offscreen HF_HUB_OFFLINE=1
# Compiled bytecode goes to one git-ignored folder (.pycache/), never beside the sources:
# each run, and each Python child a test starts (the CLI, the engine child), then reuses
# the compiled modules and pytest's rewritten test modules instead of compiling them again.
unset PYTHONDONTWRITEBYTECODE
export PYTHONPYCACHEPREFIX=${PYTHONPYCACHEPREFIX:-$PWD/.pycache}
# Each step says how long the one before it took, so a slow step is seen where it starts.
last=$SECONDS
step() {
  if [ -n "${current:-}" ]; then printf '   (%s: %ss)\n' "$current" "$((SECONDS - last))"; fi
  current="$*" last=$SECONDS
  printf '== %s\n' "$*"
}
step "ruff"
.venv/bin/python -m ruff check app cli qtaudio crypto errors storage transcription ui tests bench packaging
# mypy and import-linter keep caches (.mypy_cache, .import_linter_cache; both git-ignored): a
# run after a small change re-checks only what changed (seconds instead of tens of seconds).
step "mypy (incremental)"
.venv/bin/python -m mypy --incremental --cache-dir .mypy_cache
.venv/bin/python -m mypy --incremental --cache-dir .mypy_cache --strict packaging/datafiles.py packaging/release.py
step "import-linter"
.venv/bin/lint-imports
step "fast tests (-m 'not slow')"
status=0
# On every core (pytest-xdist; a file's tests stay in one worker, so module fixtures are made
# once): the fast tests are unit-level and independent. CHECK_WORKERS=0 runs them in-process.
.venv/bin/python -m pytest -q -m "not slow" -n "${CHECK_WORKERS:-auto}" --dist loadfile "$@" \
  || status=$?
printf '   (%s: %ss)\ncheck.sh: %ss in all\n' "$current" "$((SECONDS - last))" "$SECONDS"
exit "$status"
