#!/bin/sh
# The README's story, driven by X key events only (xdotool) against the real
# binary under Xvfb, in Japanese: type ぱそこん, ↓ ↓ Enter to open the IB
# PC-change entry, Ctrl+3 for 一般ユーザ, Space/Tab to tick the steps, Ctrl+P
# for the print dialog, Ctrl+D and a payday for the 財形 deadline. A
# screenshot of the screen after each step goes to data/screenshots/walkthrough-*.png.
#
# The app is launched the way the README's first command does it
# (build-aux/dev.sh run), with its settings kept in memory.
#
# Usage: build-aux/keyboard-walkthrough.sh [BUILD-DIR]   (a directory inside the source tree;
#        needs xvfb-run, xdotool, imagemagick)
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$src/_build"}

if [ "${RH_WALK_IN_XVFB:-}" != 1 ]; then
  meson compile -C "$build" src/rokin-help >/dev/null
  exec env RH_WALK_IN_XVFB=1 xvfb-run -a -s '-screen 0 1280x800x24' "$0" "$build"
fi

export GDK_BACKEND=x11 GSK_RENDERER=cairo GDK_DEBUG=gl-disable:default-settings \
  GTK_A11Y=none ADW_DISABLE_PORTAL=1 DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent \
  GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data" LC_ALL=C.UTF-8 LANGUAGE=ja \
  ROKIN_HELP_LOCALEDIR="$build/po"

out="$src/data/screenshots"
mkdir -p "$out"

# dev.sh execs the app, so $! is the app's pid.
rel=${build#"$src"/}
sh -c 'cd "$1" && BUILD="$2" exec build-aux/dev.sh run' sh "$src" "$rel" >/dev/null &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT

wid=$(xdotool search --sync --onlyvisible --pid "$pid" | head -n 1)
xdotool windowfocus --sync "$wid"

shot () {
  sleep 0.6
  import -window root "$out/walkthrough-$1.png"
  echo "walkthrough-$1.png"
}

# 1. Type anywhere: the search box takes the keys.
xdotool type --delay 60 'ぱそこん'
shot 1-search

# 2. ↓ into the results, ↓ to the IB entry, Enter opens it (focus on its first step).
xdotool key --delay 200 Down Down Return
# 3. Ctrl+3: steps for 一般ユーザ only.
xdotool key ctrl+3
# 4. Tick the first two steps.
sleep 0.3
xdotool key --delay 150 space Tab space
shot 2-entry

# 5. Ctrl+P: the print dialog (cancelled with Escape).
xdotool key ctrl+p
shot 3-print
xdotool key Escape
sleep 0.5

# 6. Ctrl+D: the calculator opens on the 財形 page with the keyboard in the payday field.
xdotool windowfocus --sync "$wid" 2>/dev/null || true
xdotool key ctrl+d
sleep 0.5
xdotool type --delay 60 '12/25'
shot 4-calculator
xdotool key Escape
