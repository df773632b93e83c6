#!/usr/bin/env bash
# The quick loop before every commit: lint, types, layer contracts and the fast tests (every
# test not marked slow), in under 3 minutes on 2 cores. The whole suite (scripts/test.sh, what
# CI runs) adds the slow ones: real Whisper models, the audio device, the frozen build, the
# kill-at-every-step tests.
#   scripts/check.sh [pytest args...]      e.g. scripts/check.sh -k vault
# Needs .venv (scripts/venv.sh); installs nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then
  echo "check.sh: no .venv here; run scripts/venv.sh first." >&2
  exit 2
fi
export QT_QPA_PLATFORM=offscreen HF_HUB_OFFLINE=1 PYTHONDONTWRITEBYTECODE=1
step() { printf '== %s\n' "$*"; }
step "ruff"
.venv/bin/python -m ruff check app cli qtaudio crypto errors storage transcription ui tests bench packaging
step "mypy"
.venv/bin/python -m mypy
.venv/bin/python -m mypy --strict packaging/datafiles.py packaging/release.py
step "import-linter"
.venv/bin/lint-imports
step "fast tests (-m 'not slow')"
exec .venv/bin/python -m pytest -q -m "not slow" "$@"
