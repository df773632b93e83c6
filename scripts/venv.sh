#!/usr/bin/env bash
# Create .venv (if needed) and install the project into it.
#   scripts/venv.sh [extras]
# Every dependency, of the app and of its test and packaging extras, comes from
# requirements.lock with --require-hashes: two machines at one commit hold the same libraries,
# byte for byte. (The extras argument is accepted for older callers; the lock holds them all.)
# The project itself is installed from this checkout (editable) without resolving anything.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --require-hashes -r requirements.lock
.venv/bin/python -m pip install -q --no-deps --no-build-isolation -e .
