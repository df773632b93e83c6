#!/usr/bin/env bash
# Set up everything on a fresh machine and open Testimony Vault on the default vault location.
#   scripts/run.sh [testimony options...]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps.sh
bash scripts/venv.sh
exec .venv/bin/testimony gui "$@"
