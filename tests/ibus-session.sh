#!/bin/sh
# Runs a command inside a private X server, D-Bus session and ibus daemon with
# the Anthy engine selected, as a Japanese clerk's desktop has (TESTING.md,
# "Input methods"). Used by the input-method UI test; fails (exit 1), never
# skips, when ibus, ibus-anthy, Xvfb or xdotool is missing.
#   tests/ibus-session.sh COMMAND [ARG…]
set -eu
[ -z "${RH_IBUS_TRACE:-}" ] || set -x

fail () { echo "ibus-session: $*" >&2; exit 1; }

# ibus-anthy's engine is Python: it needs Debian's python3 with gi, not one
# first on the developer's PATH (pyenv…).
PATH=/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin
export PATH
for tool in Xvfb xdotool dbus-daemon ibus-daemon ibus; do
  command -v "$tool" >/dev/null 2>&1 || fail "$tool is missing (apt install xvfb xdotool dbus-daemon ibus ibus-anthy ibus-gtk4)"
done
[ -e /usr/share/ibus/component/anthy.xml ] || fail "ibus-anthy is missing (apt install ibus-anthy)"
# GTK 4's ibus module: without it GTK_IM_MODULE=ibus quietly types raw keys.
ls /usr/lib/*/gtk-4.0/4.0.0/immodules/libim-ibus.so >/dev/null 2>&1 ||
  fail "ibus's GTK 4 module is missing (apt install ibus-gtk4)"

# The test's own G_DEBUG=fatal-warnings is for the app, not for ibus's tools.
app_g_debug=${G_DEBUG-}
unset G_DEBUG

dir=$(mktemp -d "${TMPDIR:-/tmp}/rh-ibus.XXXXXX")
xvfb_pid= dbus_pid=
cleanup () {
  [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ] || ibus exit >/dev/null 2>&1 || true
  [ -z "$dbus_pid" ] || kill "$dbus_pid" 2>/dev/null || true
  [ -z "$xvfb_pid" ] || kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$dir"
}
trap cleanup EXIT INT TERM

# A private home: a stale ~/.cache/ibus can hold an empty engine list.
export HOME="$dir/home" XDG_CONFIG_HOME="$dir/config" XDG_CACHE_HOME="$dir/cache"
export XDG_DATA_HOME="${XDG_DATA_HOME:-$dir/data}" XDG_RUNTIME_DIR="$dir/run"
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"

# An X server of our own (-displayfd picks a free display number).
exec 3>"$dir/display"
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp >"$dir/xvfb.log" 2>&1 &
xvfb_pid=$!
for i in $(seq 100); do [ -s "$dir/display" ] && break; sleep 0.05; done
[ -s "$dir/display" ] || fail "Xvfb did not start: $(cat "$dir/xvfb.log")"
DISPLAY=":$(head -n1 "$dir/display")"
export DISPLAY

dbus-daemon --session --fork --nopidfile --print-address=4 --print-pid=5 \
  4>"$dir/bus" 5>"$dir/bus.pid"
DBUS_SESSION_BUS_ADDRESS=$(head -n1 "$dir/bus")
dbus_pid=$(head -n1 "$dir/bus.pid")
export DBUS_SESSION_BUS_ADDRESS

ibus-daemon --xim --daemonize --replace --panel=disable >"$dir/ibus.log" 2>&1
for i in $(seq 200); do
  ibus list-engine 2>/dev/null | grep -q '^ *anthy ' && break
  sleep 0.05
done
# "ibus engine NAME" exits 1 even when it worked (ibus 1.5.27): ask back.
ibus engine anthy >/dev/null 2>&1 || true
[ "$(ibus engine 2>/dev/null)" = anthy ] || fail "ibus did not select the Anthy engine: $(cat "$dir/ibus.log")"

export GTK_IM_MODULE=ibus
[ -z "$app_g_debug" ] || export G_DEBUG="$app_g_debug"
"$@"
