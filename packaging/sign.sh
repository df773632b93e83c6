#!/usr/bin/env bash
# Write SHA256SUMS of a built Testimony Vault folder, sign it in minisign format, verify, and
# report the size.  Usage: packaging/sign.sh FOLDER      (build.sh runs it after the build)
# It can run on its own, e.g. on the offline machine that holds the release key: it needs only
# bash and a Python with 'cryptography' (plus stock minisign/sha256sum, if present, to verify).
#
# Environment:
#   TESTIMONY_BUILD_PYTHON          the Python to use (default: python3)
#   TESTIMONY_RELEASE_KEY           the organisation's minisign SECRET key file; without it a
#                                   throw-away key is generated (signature for testing only)
#   TESTIMONY_RELEASE_KEY_PASSWORD  that key's password, if it is encrypted
#   TESTIMONY_RELEASE_PUBKEY        the published public key file to verify against (default:
#                                   the public half of the secret key, written next to FOLDER)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
APP=$(cd "${1:?usage: packaging/sign.sh FOLDER}" && pwd)
OUT=$(dirname "$APP")
PY=${TESTIMONY_BUILD_PYTHON:-python3}
RELEASE=("$PY" "$HERE/release.py")
say() { printf '\n== %s\n' "$*"; }

MANIFEST=$APP/_internal/testimony-build.json
[ -f "$MANIFEST" ] || { echo "$APP is not a built Testimony Vault folder (no $MANIFEST)." >&2; exit 1; }
# What the folder is, as the build recorded it: version, source commit, platform.
DESCRIPTION=$("$PY" -c 'import json, sys; m = json.load(open(sys.argv[1], encoding="utf-8"))
print(m["version"], m.get("source", "unknown"), m.get("platform", "unknown"), "built", m.get("built", "?"))' "$MANIFEST")
# The trusted comment is covered by the signature, so an older or a different build cannot be
# passed off as this one.
COMMENT="testimony-vault $DESCRIPTION SHA256SUMS"

say "Writing SHA256SUMS and signing it"
"${RELEASE[@]}" sums "$APP"
if [ -n "${TESTIMONY_RELEASE_KEY:-}" ]; then
  KEY=$TESTIMONY_RELEASE_KEY
  PUB=${TESTIMONY_RELEASE_PUBKEY:-$OUT/testimony-release.pub}
  [ -n "${TESTIMONY_RELEASE_PUBKEY:-}" ] || "${RELEASE[@]}" pubkey "$KEY" "$PUB"
else
  KEY=$OUT/THROWAWAY-TEST-KEY.sec
  PUB=$OUT/THROWAWAY-TEST-KEY.pub
  "${RELEASE[@]}" keygen "$KEY" "$PUB"
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
"${RELEASE[@]}" sign "$KEY" "$APP/SHA256SUMS" "$COMMENT"

say "Verifying"
"${RELEASE[@]}" verify "$PUB" "$APP/SHA256SUMS"
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
"${RELEASE[@]}" check "$APP" && echo "No file missing, changed or unlisted."

say "Size"
"${RELEASE[@]}" size "$APP"
echo
echo "Public key to verify with: $PUB"
