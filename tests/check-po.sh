#!/bin/sh
# Every translatable string of the sources is translated in po/LANG.po:
# no untranslated or fuzzy message, no message missing from the catalogue.
set -eu
srcdir=$1
lang=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cd "$srcdir"
xgettext --package-name=rokin-help -f po/POTFILES.in -D . -o "$tmp/all.pot" \
  --from-code=UTF-8 --add-comments --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
  --keyword=NC_:1c,2 --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 \
  --keyword=g_dpgettext2:2c,3

stats=$(msgfmt --check --statistics -o /dev/null "po/$lang.po" 2>&1)
echo "$stats"
case "$stats" in
  *untranslated*|*fuzzy*) echo "po/$lang.po is not complete" >&2; exit 1 ;;
esac

# msgcmp fails when a msgid of the sources has no translation in the .po.
msgcmp "po/$lang.po" "$tmp/all.pot"
echo "po/$lang.po: every message of the sources is translated"
