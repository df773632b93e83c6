#!/usr/bin/env bash
# Run every benchmark; results land in bench/results/*.json.
#
# The scale benchmark runs at small sizes here (minutes): the issue's sizes take hours and are
# asked for explicitly, e.g.
#   SCALE_SIZES=1000,10000,100000 ARCHIVE_SIZES=10000,100000 bench/run_all.sh
# (ARCHIVE_SIZES=none skips the PostgreSQL archive, which needs Debian's postgresql package.)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
for script in bench/bench_*.py; do
  echo "== $script"
  if [ "$script" = bench/bench_scale.py ]; then
    "$PY" "$script" --sizes "${SCALE_SIZES:-1000,3000}"
    if [ "${ARCHIVE_SIZES:-1000,3000}" != none ]; then
      echo "== $script --backend archive"
      "$PY" "$script" --backend archive --sizes "${ARCHIVE_SIZES:-1000,3000}"
    fi
  else
    "$PY" "$script"
  fi
done
