#!/usr/bin/env bash
# Build the one-folder Testimony Vault, self-test it headless, write SHA256SUMS, sign it in
# minisign format, verify, and report the size.  Usage: packaging/build.sh
# Works on Linux, macOS and Windows (Git Bash); see packaging/README.md.
#
# Environment:
#   TESTIMONY_BUILD_PYTHON          a Python with the project and its [packaging] extra installed
#                                   (default: create or refresh .venv-build/ at the repo root)
#   TESTIMONY_RELEASE_KEY, ..._PASSWORD, ..._PUBKEY  the release key: see packaging/sign.sh,
#                                   which build.sh runs last (it can also run on its own, e.g. on
#                                   an offline signing machine)
#   TESTIMONY_DIST_DIR, TESTIMONY_WORK_DIR  where the folder and PyInstaller's work files go
#                                   (default: packaging/dist and packaging/build)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=${TESTIMONY_DIST_DIR:-$ROOT/packaging/dist}
WORK=${TESTIMONY_WORK_DIR:-$ROOT/packaging/build}
APP=$OUT/TestimonyVault
say() { printf '\n== %s\n' "$*"; }
t0=$(date +%s)

if [ -n "${TESTIMONY_BUILD_PYTHON:-}" ]; then
  PY=$TESTIMONY_BUILD_PYTHON
else
  say "Preparing the build environment (.venv-build)"
  [ -d .venv-build ] || python3 -m venv .venv-build
  PY=.venv-build/bin/python
  [ -x "$PY" ] || PY=.venv-build/Scripts/python.exe   # Windows
  # The locked libraries (with hashes: every build of one commit ships the same ones), then
  # the project itself from this checkout.
  "$PY" -m pip install -q --require-hashes -r requirements.lock
  "$PY" -m pip install -q --no-deps --no-build-isolation -e .
fi
VERSION=$("$PY" -c 'import app; print(app.__version__)')

say "Building Testimony Vault $VERSION (PyInstaller, one folder)"
rm -rf "$APP"
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$OUT" --workpath "$WORK" packaging/testimony.spec
t1=$(date +%s)
EXE=testimony
[ -f "$APP/testimony.exe" ] && EXE=testimony.exe

say "Self-test of the built app (headless, outside the source tree)"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
run_app() {
  (cd "$scratch" && env -u PYTHONPATH -u PYTHONHOME QT_QPA_PLATFORM=offscreen \
     TESTIMONY_STATE_DIR="$scratch/state" TMPDIR="$scratch" "$APP/$EXE" "$@")
}
run_app self-test
# Nothing may be left behind: no temp files, no caches, not even the app's state folder.
leftover=$(cd "$scratch" && find . -mindepth 1 | head -5)
if [ -n "$leftover" ]; then
  echo "The self-test left files behind in its temporary folder: $leftover" >&2
  exit 1
fi
run_app --help > "$scratch/help.txt"
"$PY" - "$WORK/testimony/testimony-build.json" "$scratch/help.txt" <<'PYEOF'
import json, sys
manifest = json.load(open(sys.argv[1], encoding="utf-8"))
help_text = open(sys.argv[2], encoding="utf-8").read()
missing = [c for c in manifest["subcommands"] if c not in help_text]
if missing:
    sys.exit(f"testimony --help in the built app does not list: {', '.join(missing)}")
print(f"testimony --help lists all {len(manifest['subcommands'])} commands.")
PYEOF
t2=$(date +%s)

TESTIMONY_BUILD_PYTHON="$PY" bash packaging/sign.sh "$APP"
t3=$(date +%s)

echo
echo "Built $APP"
echo "Times: build $((t1 - t0)) s, self-test $((t2 - t1)) s, total $((t3 - t0)) s."
