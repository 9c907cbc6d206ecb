#!/bin/sh
# Screenshots of the real app under Xvfb, in Japanese, into data/screenshots/.
# Usage: build-aux/screenshots.sh [BUILD-DIR]   (default: _build)
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$src/_build"}
meson compile -C "$build" tests/rh-screenshots >/dev/null
run () {  # run [NAME=VALUE…]
  env GDK_BACKEND=x11 GSK_RENDERER=cairo GDK_DEBUG=gl-disable:default-settings \
  GTK_A11Y=none ADW_DISABLE_PORTAL=1 DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent \
  GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data" \
  LANGUAGE=ja LC_ALL=C.UTF-8 ROKIN_HELP_LOCALEDIR="$build/po" \
  "$@" xvfb-run -a -s '-screen 0 1400x900x24' "$build/tests/rh-screenshots" "$src/data/screenshots"
}
run
# The search again in high contrast (the main window only).
run ADW_DEBUG_HIGH_CONTRAST=1
