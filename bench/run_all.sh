#!/usr/bin/env bash
# Run every benchmark; results land in bench/results/*.json.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
for script in bench/bench_*.py; do
  echo "== $script"
  "$PY" "$script"
done
