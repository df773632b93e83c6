#!/usr/bin/env bash
# Check the README's first command from a fresh clone: clone this repository's HEAD into a temp
# folder, run scripts/run.sh under Xvfb (it creates .venv and installs the app), wait for the
# window, save a screenshot (default docs/screenshots/00-run-sh-fresh-clone.png), then close it.
#   scripts/check-run-from-clone.sh [OUT.png]
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="${1:-$ROOT/docs/screenshots/00-run-sh-fresh-clone.png}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
git clone -q "$ROOT" "$WORK/clone" && cd "$WORK/clone" || exit 1
export TESTIMONY_VAULT="$WORK/vault" TESTIMONY_STATE_DIR="$WORK/state"
unset QT_QPA_PLATFORM
DISPLAY_NUM=$(( 90 + RANDOM % 100 ))
Xvfb ":$DISPLAY_NUM" -screen 0 1100x720x24 >/dev/null 2>&1 &
XPID=$!
export DISPLAY=":$DISPLAY_NUM"
start=$(date +%s)
bash scripts/run.sh >"$WORK/run.log" 2>&1 &
RPID=$!
status=1
for _ in $(seq 1 1800); do
  if xwininfo -root -tree 2>/dev/null | grep -q '"Testimony Vault"'; then status=0; break; fi
  kill -0 "$RPID" 2>/dev/null || break
  sleep 1
done
if [ "$status" = 0 ]; then
  sleep 3
  import -window root "$OUT"
  echo "window opened after $(( $(date +%s) - start )) s; screenshot: $OUT"
else
  echo "the window did not open; last lines of the log:" >&2
  tail -20 "$WORK/run.log" >&2
fi
pkill -P "$RPID" 2>/dev/null; kill "$RPID" 2>/dev/null; wait "$RPID" 2>/dev/null
kill "$XPID" 2>/dev/null; wait "$XPID" 2>/dev/null
exit "$status"
