#!/usr/bin/env bash
# Build the one-folder Testimony Vault, self-test it headless, write SHA256SUMS, sign it in
# minisign format, verify, and report the size.  Usage: packaging/build.sh
# Works on Linux, macOS and Windows (Git Bash); see packaging/README.md.
#
# Environment:
#   TESTIMONY_BUILD_PYTHON          a Python with the project and its [packaging] extra installed
#                                   (default: create or refresh .venv-build/ at the repo root)
#   TESTIMONY_RELEASE_KEY           the organisation's minisign SECRET key file; without it a
#                                   throw-away key is generated (signature for testing only)
#   TESTIMONY_RELEASE_KEY_PASSWORD  that key's password, if it is encrypted
#   TESTIMONY_RELEASE_PUBKEY        the published public key file to verify against (default:
#                                   the public half of the secret key)
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
  "$PY" -m pip install -q -e ".[packaging]"
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

say "Writing SHA256SUMS and signing it"
"$PY" packaging/release.py sums "$APP"
# The trusted comment is covered by the signature: version, source commit, platform and time,
# so an older or a different build cannot be passed off as this one.
SOURCE=unknown
if command -v git >/dev/null 2>&1 && git rev-parse --short=12 HEAD >/dev/null 2>&1; then
  SOURCE=git-$(git rev-parse --short=12 HEAD)
  [ -z "$(git status --porcelain --untracked-files=no)" ] || SOURCE="$SOURCE+uncommitted"
fi
COMMENT="testimony-vault $VERSION $SOURCE $(uname -s)-$(uname -m) built $(date -u +%Y-%m-%dT%H:%M:%SZ) SHA256SUMS"
if [ -n "${TESTIMONY_RELEASE_KEY:-}" ]; then
  KEY=$TESTIMONY_RELEASE_KEY
  PUB=${TESTIMONY_RELEASE_PUBKEY:-$OUT/testimony-release.pub}
  [ -n "${TESTIMONY_RELEASE_PUBKEY:-}" ] || "$PY" packaging/release.py pubkey "$KEY" "$PUB"
else
  KEY=$OUT/THROWAWAY-TEST-KEY.sec
  PUB=$OUT/THROWAWAY-TEST-KEY.pub
  "$PY" packaging/release.py keygen "$KEY" "$PUB"
  COMMENT="TEST ONLY, throw-away key: $COMMENT"
  cat >&2 <<WARN

  ********************************************************************************
  *  WARNING: TESTIMONY_RELEASE_KEY is not set, so SHA256SUMS was signed with a  *
  *  THROW-AWAY key generated just now. This signature is FOR TESTING ONLY and   *
  *  proves nothing about where the folder came from. Do NOT deliver this build  *
  *  to the field: sign releases with the organisation's release key.            *
  ********************************************************************************

WARN
fi
"$PY" packaging/release.py sign "$KEY" "$APP/SHA256SUMS" "$COMMENT"

say "Verifying"
"$PY" packaging/release.py verify "$PUB" "$APP/SHA256SUMS"
if command -v minisign >/dev/null 2>&1; then
  minisign -V -p "$PUB" -m "$APP/SHA256SUMS"
else
  echo "minisign is not installed here; verified with the built-in verifier only." >&2
fi
if command -v sha256sum >/dev/null 2>&1; then
  (cd "$APP" && sha256sum --quiet -c SHA256SUMS) && echo "sha256sum -c: every file matches."
elif command -v shasum >/dev/null 2>&1; then   # macOS
  (cd "$APP" && shasum -a 256 --quiet -c SHA256SUMS) && echo "shasum -c: every file matches."
fi
"$PY" packaging/release.py check "$APP" && echo "No file missing, changed or unlisted."
t3=$(date +%s)

say "Size"
"$PY" packaging/release.py size "$APP"
echo
echo "Built $APP"
echo "Public key to verify with: $PUB"
echo "Times: build $((t1 - t0)) s, self-test $((t2 - t1)) s, total $((t3 - t0)) s."
