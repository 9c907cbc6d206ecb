#!/usr/bin/env bash
# Rokin Help developer script: install the build dependencies, build, then
#   run   — launch the app from the build tree
#   test  — run every test (core, CLI, data, UI under Xvfb)
#   deps  — only install the dependencies
#   deb   — build the Debian package (./rokin-help_*.deb) and check it with lintian
# Works on a fresh Debian 12 as root or as a user with sudo.
set -euo pipefail

cd "$(dirname "$0")/.."
BUILD=${BUILD:-_build}

DEPS=(
  gcc pkg-config meson ninja-build gettext
  libglib2.0-dev libgtk-4-dev libadwaita-1-dev libjson-glib-dev libsoup-3.0-dev
  desktop-file-utils appstream
  xvfb xauth fonts-noto-cjk
  xdotool dbus-daemon
  libsqlite3-dev nginx-light
  libical-dev
  # typing Japanese through a real input method (tests/test-window-ime.c)
  ibus ibus-anthy ibus-gtk4
  libxtst-dev   # bench/bench-typing (XTest key events)
  # the calculator as a screen reader sees it (tests/check-atspi.py)
  openbox at-spi2-core python3-pyatspi
  # the search's morphological analyser and the benchmark's Groonga
  libmecab-dev mecab-ipadic-utf8
  groonga-bin groonga-tokenizer-mecab
)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_deps() {
  local missing=()
  for p in "${DEPS[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

# The Debian package: its Build-Depends from debian/control (mk-build-deps),
# dpkg-buildpackage (the test suite runs unless DEB_BUILD_OPTIONS=nocheck),
# the results moved here from the parent directory, then lintian.
DEB_TOOLS=(dpkg-dev debhelper devscripts equivs lintian)

build_deb() {
  local missing=() version arch
  for p in "${DEB_TOOLS[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
  as_root env DEBIAN_FRONTEND=noninteractive mk-build-deps -i -r \
    -t 'apt-get -y -qq --no-install-recommends' debian/control
  rm -f rokin-help-build-deps_*
  version=$(dpkg-parsechangelog -S Version)
  arch=$(dpkg --print-architecture)
  dpkg-buildpackage -b -us -uc
  for f in ../rokin-help_"$version"_"$arch".{deb,changes,buildinfo} ../rokin-help-dbgsym_"$version"_"$arch".deb; do
    [ ! -e "$f" ] || mv -f "$f" .
  done
  lintian --fail-on error,warning --info rokin-help_"$version"_"$arch".changes
  echo "built ./rokin-help_${version}_${arch}.deb — install it with: sudo apt install ./rokin-help_${version}_${arch}.deb"
}

build() {
  if [ ! -f "$BUILD/build.ninja" ]; then
    meson setup "$BUILD" -Dwerror=true
  fi
  meson compile -C "$BUILD"
}

run_tests() {
  local rc=0
  meson test -C "$BUILD" --print-errorlogs --num-processes 2 "$@" || rc=$?
  # One closing line a person (and CI) can read; a skipped test is not a pass.
  python3 - "$BUILD/meson-logs/testlog.json" "$rc" <<'PY'
import json, sys
ok = fail = skip = xfail = 0
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)["result"]
    if r == "OK": ok += 1
    elif r == "SKIP": skip += 1
    elif r == "EXPECTEDFAIL": xfail += 1  # should_fail in tests/meson.build says why
    else: fail += 1
print(f"{ok} passed, {fail} failed, {skip} skipped" + (f", {xfail} failed as expected" if xfail else ""))
if skip:
    print("error: skipped tests do not count as passing (is Xvfb installed?)", file=sys.stderr)
    sys.exit(1)
sys.exit(1 if fail or int(sys.argv[2]) else 0)
PY
}

case "${1:-run}" in
  deps)
    install_deps ;;
  run)
    install_deps
    build
    export GSETTINGS_SCHEMA_DIR="$PWD/$BUILD/data"
    export ROKIN_HELP_LOCALEDIR="$PWD/$BUILD/po"
    exec "$BUILD/src/rokin-help" "${@:2}" ;;
  test)
    install_deps
    build
    run_tests "${@:2}" ;;
  deb)
    build_deb ;;
  *)
    echo "usage: $0 [run|test|deps|deb]" >&2
    exit 2 ;;
esac
