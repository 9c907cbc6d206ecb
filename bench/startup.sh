#!/bin/sh
# Start-up benchmark: time from exec to the main window's MapNotify, and RSS
# (and its anonymous part, RssAnon: heap and private allocations, without
# mapped files such as libraries and fonts) 0.5 s later, for rokin-help and GNOME Calculator in the same Xvfb, runs
# interleaved; prints the medians side by side.
#
# Usage: bench/startup.sh [BUILD-DIR] [RUNS]     (defaults: _build, 7)
# Needs: xvfb-run, libx11 (bench/mapwait), gnome-calculator for the comparison
# (apt-get install --no-install-recommends gnome-calculator).
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$src/_build"}
runs=${2:-7}

meson compile -C "$build" bench/mapwait src/rokin-help >/dev/null

if [ "${RH_BENCH_IN_XVFB:-}" != 1 ]; then
  exec env RH_BENCH_IN_XVFB=1 xvfb-run -a -s '-screen 0 1280x800x24' "$0" "$build" "$runs"
fi

# The same environment for both programs: X11, no GL, no portal, no session
# bus, settings in memory (see shared/TESTING.md).
export GDK_BACKEND=x11 GSK_RENDERER=cairo GDK_DEBUG=gl-disable:default-settings \
  GTK_A11Y=none ADW_DISABLE_PORTAL=1 DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent \
  GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data" LC_ALL=C.UTF-8 LANGUAGE=ja \
  ROKIN_HELP_LOCALEDIR="$build/po"

mapwait="$build/bench/mapwait"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

calc=$(command -v gnome-calculator || true)
if [ -z "$calc" ]; then
  echo "gnome-calculator is not installed: measuring rokin-help only" >&2
  echo "(apt-get install -y --no-install-recommends gnome-calculator)" >&2
fi

# One warm-up each (page cache, font cache), not counted.
"$mapwait" "$build/src/rokin-help" >/dev/null
[ -n "$calc" ] && "$mapwait" "$calc" >/dev/null 2>&1

i=1
while [ "$i" -le "$runs" ]; do
  "$mapwait" "$build/src/rokin-help" >>"$tmp/rh"
  [ -n "$calc" ] && "$mapwait" "$calc" >>"$tmp/calc" 2>/dev/null
  i=$((i + 1))
done

median () {   # column file
  sort -n -k"$1" "$2" | awk -v c="$1" '{ v[NR] = $c } END {
    if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

row () {   # name file
  printf '%-20s %10s %10.1f %14.1f\n' "$1" "$(median 1 "$2")" \
    "$(echo "$(median 2 "$2") / 1024" | bc -l)" "$(echo "$(median 3 "$2") / 1024" | bc -l)"
}

echo "medians of $runs runs (after one warm-up each):"
printf '%-20s %10s %10s %14s\n' "program" "map (ms)" "RSS (MiB)" "RssAnon (MiB)"
row rokin-help "$tmp/rh"
[ -n "$calc" ] && row gnome-calculator "$tmp/calc"
echo "all runs (ms, RSS KiB, RssAnon KiB):"; echo " rokin-help:"; sed 's/^/  /' "$tmp/rh"
[ -n "$calc" ] && { echo " gnome-calculator:"; sed 's/^/  /' "$tmp/calc"; }
exit 0
