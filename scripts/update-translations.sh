#!/usr/bin/env bash
# Refresh the Korean translation: extract strings from ui/*.py, and the error templates of
# errors/catalog.py (context "Errors"), into ui/i18n/testimony_ko.ts
# (existing translations are kept; edit new ones with pyside6-linguist), then compile the .qm
# that the app loads. Both tools come with the PySide6 wheel.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${PYSIDE_BIN:-$(dirname "$(command -v python3)")}"
if [ -x .venv/bin/pyside6-lupdate ]; then BIN=.venv/bin; fi
"$BIN/pyside6-lupdate" -no-obsolete ui/*.py errors/catalog.py -ts ui/i18n/testimony_ko.ts
"$BIN/pyside6-lrelease" ui/i18n/testimony_ko.ts -qm ui/i18n/testimony_ko.qm
