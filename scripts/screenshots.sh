#!/usr/bin/env bash
# Refresh docs/screenshots/*.png: run the real window under Xvfb on a throw-away demo vault.
#   scripts/screenshots.sh            (uses .venv, else python3)
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-}"
if [ -z "$PY" ]; then
  if [ -x .venv/bin/python ]; then PY=.venv/bin/python; else PY=python3; fi
fi
unset QT_QPA_PLATFORM
export HF_HUB_OFFLINE=1 PYTHONDONTWRITEBYTECODE=1 QT_SCALE_FACTOR=1
exec xvfb-run -a -s "-screen 0 1280x800x24 -dpi 96" "$PY" -m ui.screenshots "$@"
