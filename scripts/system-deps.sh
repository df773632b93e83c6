#!/usr/bin/env bash
# Debian packages the tests use: a PulseAudio virtual microphone, speech fixtures, a real X
# screen for screenshots, stock age/minisign for independent bundle checks, Korean fonts,
# binutils (PyInstaller reads binaries with objdump; the build test uses readelf), LibreOffice
# Writer without a GUI (evidence briefs must convert headless), PostgreSQL (the archive's tests
# start a real server; pg_trgm is in postgresql-contrib).
# Installs only when running as root (CI, or a fresh machine); otherwise prints what is missing.
set -euo pipefail
PKGS=(pulseaudio pulseaudio-utils libpulse0 espeak-ng sox libsox-fmt-base xvfb xauth age minisign
      fonts-noto-cjk libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libdbus-1-3 libfontconfig1
      libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-randr0 libxcb-render-util0
      libxcb-image0 libxcb-xinerama0 libglib2.0-0 imagemagick binutils libreoffice-writer-nogui
      postgresql postgresql-contrib)
missing=()
for p in "${PKGS[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "Missing Debian packages (install them as root): ${missing[*]}" >&2
fi
