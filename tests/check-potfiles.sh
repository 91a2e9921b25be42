#!/bin/bash
# Fails when a file with translatable strings is missing from po/POTFILES.in,
# or when POTFILES.in names a file that does not exist.
set -euo pipefail
top=${1:-$(dirname "$0")/..}
cd "$top"

listed=$(grep -v '^#' po/POTFILES.in | sed '/^$/d' | sort -u)
status=0

for f in $listed; do
  if [ ! -f "$f" ]; then
    echo "po/POTFILES.in names $f, which does not exist"
    status=1
  fi
done

# C sources that call _(), N_(), C_() or NC_(); .ui files with translatable="yes";
# schemas with <summary>; the desktop and metainfo templates.
found=$( {
  grep -rlE '(^|[^A-Za-z0-9_])(N?C?_)\(' --include='*.c' src || true
  grep -rl 'translatable="yes"' --include='*.ui' ui src || true
  find data -name '*.desktop.in*' -o -name '*.metainfo.xml.in*' -o -name '*.gschema.xml' | grep -v '/build' || true
} | sort -u)

for f in $found; do
  if ! grep -qxF "$f" <<< "$listed"; then
    echo "$f has translatable strings but is missing from po/POTFILES.in"
    status=1
  fi
done

[ $status -eq 0 ] && echo "po/POTFILES.in lists all $(wc -w <<< "$found") files with translatable strings"
exit $status
