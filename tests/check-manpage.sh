#!/bin/sh
# The manual page stays true to the program: every option that
# "rokin-help --help-all" lists and every key of the GSettings schema is
# described in it, and man renders it without a warning.
set -eu
bin=$1
page=$2
schema=$3
status=0

options=$(LC_ALL=C.UTF-8 LANGUAGE= "$bin" --help-all | sed -n 's/^ *\(-[a-z], \)\{0,1\}--\([a-z-]*\).*/\2/p')
[ -n "$options" ] || { echo "no options read from $bin --help-all" >&2; exit 1; }
for opt in $options; do
  escaped=$(printf '%s' "$opt" | sed 's/-/\\\\-/g')
  grep -q -- "\\\\-\\\\-$escaped" "$page" || { echo "option --$opt is not in $page" >&2; status=1; }
done

keys=$(sed -n 's/.*<key name="\([a-z-]*\)".*/\1/p' "$schema")
[ -n "$keys" ] || { echo "no keys read from $schema" >&2; exit 1; }
for key in $keys; do
  escaped=$(printf '%s' "$key" | sed 's/-/\\\\-/g')
  grep -q -- "$escaped" "$page" || { echo "setting $key is not in $page" >&2; status=1; }
done

warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l "$page" 2>&1 >/dev/null || true)
if [ -n "$warnings" ]; then
  echo "man reports: $warnings" >&2
  status=1
fi

echo "$(echo "$options" | wc -w) options and $(echo "$keys" | wc -w) settings described"
exit $status
