#!/usr/bin/env bash
# Set up everything on a fresh machine and run the whole test suite.
#   scripts/test.sh [pytest args...]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps.sh
bash scripts/venv.sh test
export QT_QPA_PLATFORM=offscreen HF_HUB_OFFLINE=1 PYTHONDONTWRITEBYTECODE=1
.venv/bin/python -m ruff check app crypto storage transcription ui tests bench
.venv/bin/python -m mypy
.venv/bin/lint-imports
exec .venv/bin/python -m pytest "$@"
