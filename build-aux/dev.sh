#!/usr/bin/env bash
# Rokin Help developer script: install the build dependencies, build, then
#   run   — launch the app from the build tree
#   test  — run every test (core, CLI, data, UI under Xvfb)
#   deps  — only install the dependencies
# Works on a fresh Debian 12 as root or as a user with sudo.
set -euo pipefail

cd "$(dirname "$0")/.."
BUILD=${BUILD:-_build}

DEPS=(
  gcc pkg-config meson ninja-build gettext
  libglib2.0-dev libgtk-4-dev libadwaita-1-dev libjson-glib-dev libsoup-3.0-dev
  desktop-file-utils appstream
  xvfb xauth fonts-noto-cjk
  libsqlite3-dev nginx-light
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
ok = fail = skip = 0
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)["result"]
    if r == "OK": ok += 1
    elif r == "SKIP": skip += 1
    else: fail += 1
print(f"{ok} passed, {fail} failed, {skip} skipped")
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
  *)
    echo "usage: $0 [run|test|deps]" >&2
    exit 2 ;;
esac
