#!/bin/bash
# check-boundaries.sh: the layers of HACKING.md, checked.
#
# Fails, naming file and line, when
#  - SQLite is used outside src/core/ (its header or a sqlite3_ call);
#  - src/core/, src/export/ or src/report/ includes a GTK, GDK, GSK or
#    libadwaita header;
#  - a core-internal header (sp-edit.h, any *-private.h of src/core/) is
#    included outside src/core/;
#  - a folder includes from a folder above it: src/core from ui, export or
#    app or report; src/export from ui, app or report; src/report from ui,
#    export or app; src/ui from app;
#  - a .c file in src/ has more than 1 000 lines;
#  - the UI, the export, the report or the app writes a year limit as a number instead of
#    SP_YEAR_MIN/SP_YEAR_MAX (sp-limits.h), or a .ui file sets one;
#  - two files of src/ depend on each other (check-circles.py).
set -euo pipefail
top=${1:-$(dirname "$0")/..}
cd "$top"

max_lines=1000
status=0

fail() {
  echo "$*"
  status=1
}

# Source lines of the files of a folder, as FILE:LINE:TEXT, comments left out
# (a line that starts a comment or continues one).
code_lines() {
  grep -rnE --include='*.c' --include='*.h' '' "$@" 2>/dev/null |
    grep -vE '^[^:]+:[0-9]+:[[:space:]]*(/\*|\*|//)' || true
}

# The names of the headers in a folder, as an extended regular expression.
headers_of() {
  find "$@" -name '*.h' -printf '%f\n' 2>/dev/null | sed 's/[.]/[.]/g' | paste -sd'|' -
}

# 1. SQLite only in the core.
outside_core=$(find src -mindepth 1 -maxdepth 1 ! -name core -printf '%p\n' | sort)
while IFS= read -r hit; do
  [ -n "$hit" ] && fail "SQLite outside src/core/: $hit"
done < <(code_lines $outside_core | grep -E '#[[:space:]]*include[[:space:]]*[<"]sqlite3[.]h|(^|[^A-Za-z0-9_])sqlite3_[a-z]' || true)

# 2. No toolkit in the core and the export.
while IFS= read -r hit; do
  [ -n "$hit" ] && fail "a GTK header in a layer without a display: $hit"
done < <(code_lines src/core src/export src/report |
           grep -E '#[[:space:]]*include[[:space:]]*[<"](gtk|gdk|gsk|adwaita|libadwaita-1)[/.]' || true)

# 3. The core's internal headers stay in the core.
internal=$( { echo 'sp-edit[.]h'; headers_of src/core | tr '|' '\n' | grep -E -- '-private\[[.]\]h$' || true; } |
            sort -u | paste -sd'|' -)
while IFS= read -r hit; do
  [ -n "$hit" ] && fail "a core-internal header outside src/core/: $hit"
done < <(code_lines $outside_core | grep -E "#[[:space:]]*include[[:space:]]*[<\"]([^\">]*/)?($internal)[\">]" || true)

# 4. Data flows down: a folder includes only from the folders below it.
check_layer() {
  local folder=$1; shift
  local above pattern names
  for above in "$@"; do
    [ -d "src/$above" ] || continue
    names=$(headers_of "src/$above")
    pattern="\"$above/"
    [ -n "$names" ] && pattern="$pattern|\"($names)\""
    while IFS= read -r hit; do
      [ -n "$hit" ] && fail "src/$folder/ includes from src/$above/: $hit"
    done < <(code_lines "src/$folder" | grep -E "#[[:space:]]*include[[:space:]]*($pattern)" || true)
  done
}
check_layer core ui export app report
check_layer export ui app report
check_layer report ui export app
check_layer ui app

# 5. Files a newcomer can read.
while IFS= read -r file; do
  lines=$(wc -l < "$file")
  [ "$lines" -gt "$max_lines" ] && fail "$file has $lines lines, more than $max_lines"
done < <(find src -name '*.c' | sort)

# 6. The core's limits come from sp-limits.h, never as copies.
while IFS= read -r hit; do
  [ -n "$hit" ] && fail "a copy of a limit of the core (use sp-limits.h): $hit"
done < <( { code_lines src/ui src/export src/report src/app; grep -rnE '' --include='*.ui' ui 2>/dev/null || true; } |
           grep -E '(^|[^0-9])(1990|2100)([^0-9]|$)' || true)

# 7. No circles between files.
if ! circles=$(/usr/bin/python3 "$(dirname "$0")/check-circles.py" . 2>&1); then
  fail "$circles"
fi

[ $status -eq 0 ] && echo "the layers of HACKING.md hold in src/, and no .c file has more than $max_lines lines"
exit $status
