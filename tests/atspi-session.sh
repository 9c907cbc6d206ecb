#!/bin/sh
# Runs tests/check-atspi.py against the real app as a screen reader sees it:
# a private Xvfb with a window manager (openbox: on X11 the window manager
# activates windows and gives them the keyboard), a private D-Bus session
# with the AT-SPI bus (at-spi2-core), GTK's AT-SPI backend (GTK_A11Y unset).
# Fails (exit 1), never skips, when a tool is missing.
#   tests/atspi-session.sh APP
set -eu

fail () { echo "atspi-session: $*" >&2; exit 1; }

# Debian's python3 with gi and pyatspi, not one first on the developer's PATH.
PATH=/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin
export PATH
for tool in Xvfb openbox xdotool dbus-run-session python3; do
  command -v "$tool" >/dev/null 2>&1 ||
    fail "$tool is missing (apt install xvfb openbox xdotool dbus-daemon python3-pyatspi at-spi2-core)"
done
python3 -c 'import pyatspi' 2>/dev/null || fail "pyatspi is missing (apt install python3-pyatspi)"
[ -e /usr/share/dbus-1/services/org.a11y.Bus.service ] || fail "the AT-SPI bus is missing (apt install at-spi2-core)"

dir=$(mktemp -d "${TMPDIR:-/tmp}/rh-atspi.XXXXXX")
xvfb_pid=
cleanup () {
  [ -z "$xvfb_pid" ] || kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$dir"
}
trap cleanup EXIT INT TERM

export HOME="$dir/home" XDG_CONFIG_HOME="$dir/config" XDG_CACHE_HOME="$dir/cache" XDG_RUNTIME_DIR="$dir/run"
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"

exec 3>"$dir/display"
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp >"$dir/xvfb.log" 2>&1 &
xvfb_pid=$!
for i in $(seq 100); do [ -s "$dir/display" ] && break; sleep 0.05; done
[ -s "$dir/display" ] || fail "Xvfb did not start: $(cat "$dir/xvfb.log")"
DISPLAY=":$(head -n1 "$dir/display")"
export DISPLAY

# GTK's AT-SPI backend, on the session bus started here.
unset GTK_A11Y DBUS_SESSION_BUS_ADDRESS
# The test's G_DEBUG=fatal-warnings is for the app, not for the tools.
RH_APP_G_DEBUG=${G_DEBUG-}
unset G_DEBUG
export RH_APP_G_DEBUG

here=$(cd "$(dirname "$0")" && pwd)
# Only the check's TAP on stdout (fd 4): the AT-SPI registry daemon, started
# by the bus, prints on the bus's stdout.
exec 4>&1
# The window manager runs before the app maps its window, so that it
# manages and activates that window from its first map.
dbus-run-session -- sh -c '
  openbox --sm-disable >"$1/openbox.log" 2>&1 &
  for i in $(seq 200); do xdotool get_num_desktops >/dev/null 2>&1 && break; sleep 0.05; done
  xdotool get_num_desktops >/dev/null 2>&1 || { echo "openbox did not start: $(cat "$1/openbox.log")"; exit 1; }
  python3 "$2/check-atspi.py" "$3" >&4
' sh "$dir" "$here" "$1" >&2
