#!/bin/bash
# Fails when a message in the sources is not translated in po/sv.po, or is fuzzy.
# The messages are extracted afresh (as meson's update-po would), so a string
# added to the code without a translation is caught even before sv.po is updated.
set -euo pipefail
top=${1:-$(dirname "$0")/..}
cd "$top"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

grep -v '^#' po/POTFILES.in | sed '/^$/d' > "$work/files"

# The same keywords as meson's i18n preset 'glib'.
xgettext --from-code=UTF-8 --add-comments --package-name=samplan \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
  --flag=g_markup_printf_escaped:1:c-format \
  --files-from="$work/files" --output="$work/samplan.pot"

msgmerge --quiet --no-fuzzy-matching --output-file="$work/sv.po" po/sv.po "$work/samplan.pot"

status=0
stats=$(LC_ALL=C msgfmt --check --statistics --output-file=/dev/null "$work/sv.po" 2>&1) || status=1
echo "sv.po: $stats"
if [[ $stats == *untranslated* || $stats == *fuzzy* ]]; then
  echo "Messages without a Swedish translation:"
  msgattrib --untranslated --no-wrap "$work/sv.po" | grep '^msgid ' | sed 1d || true
  msgattrib --only-fuzzy --no-wrap "$work/sv.po" | grep '^msgid ' | sed 1d || true
  status=1
fi

# Messages in sv.po that the sources no longer use are harmless but stale.
obsolete=$(msgattrib --only-obsolete --no-wrap "$work/sv.po" | grep -c '^#~ msgid' || true)
if [ "$obsolete" -gt 0 ]; then
  echo "note: $obsolete message(s) in po/sv.po are no longer used"
fi

# The committed file itself must compile cleanly too.
LC_ALL=C msgfmt --check --output-file=/dev/null po/sv.po || status=1
exit $status
