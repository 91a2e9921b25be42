#!/bin/bash
# The command line: samplan --create-example and samplan --version, without a window.
# Usage: test-cli.sh SAMPLAN_BINARY PO_BUILD_DIR
set -u
samplan=$1
export SAMPLAN_LOCALEDIR=$2 LANG=sv_SE.UTF-8 LANGUAGE=sv LC_ALL=
unset DISPLAY WAYLAND_DISPLAY
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
n=0 failed=0
check() { # check DESCRIPTION CONDITION…
  n=$((n + 1)); local what=$1; shift
  if "$@"; then echo "ok $n - $what"; else echo "not ok $n - $what"; failed=$((failed + 1)); fi
}

out=$("$samplan" --create-example "$dir/exempel.db" 2>&1); status=$?
check "creating the example exits 0" test $status -eq 0
check "says where, in Swedish" grep -q "Exempelförbundet skrevs till" <<< "$out"
check "the file is a Samplan database" test "$(head -c 15 "$dir/exempel.db")" = "SQLite format 3"
check "readable by its owner only" test "$(stat -c %a "$dir/exempel.db")" = 600
check "holds the six members" test "$(sqlite3 "$dir/exempel.db" 'SELECT count(*) FROM member')" = 6

sum=$(sha256sum < "$dir/exempel.db")
out=$("$samplan" --create-example "$dir/exempel.db" 2>&1); status=$?
check "an existing file is refused with exit 1" test $status -eq 1
check "the refusal is in Swedish" grep -q "finns redan" <<< "$out"
check "the existing file is untouched" test "$(sha256sum < "$dir/exempel.db")" = "$sum"

out=$("$samplan" --create-example "$dir/no/such/folder/x.db" 2>&1); status=$?
check "a folder that cannot be made is an error" test $status -ne 0 -o -f "$dir/no/such/folder/x.db"

mkdir "$dir/ut"
out=$("$samplan" --export-xlsx "$dir/ut" --year 2009 "$dir/exempel.db" 2>&1); status=$?
check "--export-xlsx writes the workbooks and exits 0" test $status -eq 0
check "one for the treasurer, in Swedish" test -f "$dir/ut/Norra Västmanlands samordningsförbund 2009 – Kassör.xlsx"
check "and one for each of the six members" test "$(ls "$dir/ut" | wc -l)" -eq 7
check "each is an Excel file (a zip)" test "$(head -c 2 "$dir/ut/Norra Västmanlands samordningsförbund 2009 – Fagersta kommun.xlsx")" = PK
out=$("$samplan" --export-xlsx "$dir/ut2" --year 2009 --member "Norbergs kommun" --tkr "$dir/exempel.db" 2>&1); status=$?
check "a folder that does not exist is refused" test $status -ne 0
mkdir "$dir/ut2"
out=$("$samplan" --export-xlsx "$dir/ut2" --year 2009 --member "Norbergs kommun" --tkr "$dir/exempel.db" 2>&1); status=$?
check "--member writes only that member's workbook" test $status -eq 0 -a "$(ls "$dir/ut2" | wc -l)" -eq 1
out=$("$samplan" --export-xlsx "$dir/ut2" --year 2031 "$dir/exempel.db" 2>&1); status=$?
check "an unknown year exits non-zero" test $status -ne 0
check "and says so in Swedish" grep -q "2031" <<< "$out"
out=$("$samplan" --export-xlsx "$dir/ut2" --year 2009 --member "Sala kommun" "$dir/exempel.db" 2>&1); status=$?
check "an unknown member exits non-zero" test $status -ne 0
out=$("$samplan" --export-xlsx "$dir/ut2" "$dir/exempel.db" 2>&1); status=$?
check "--export-xlsx without --year is a usage error (2)" test $status -eq 2
out=$("$samplan" --export-xlsx "$dir/ut2" --year 2009 "$dir/inget.db" 2>&1); status=$?
check "a database that does not exist is an error, and is not created" test $status -ne 0 -a ! -e "$dir/inget.db"

sie=$(dirname "$0")/fixtures/sie/Sie4.se
sum=$(sha256sum < "$dir/exempel.db")
out=$("$samplan" --import-sie "$sie" --year 2014 --dry-run "$dir/exempel.db" 2>&1); status=$?
check "--import-sie --dry-run shows the summary in Swedish" grep -q "Räkenskapsår: 2014-01-01" <<< "$out"
check "and names the other organisation" grep -q "556654-7898" <<< "$out"
out=$("$samplan" --import-sie "$sie" --year 2014 "$dir/exempel.db" 2>&1); status=$?
check "another organisation's file is not imported (exit 1)" test $status -eq 1
check "the database is unchanged by both" test "$(sha256sum < "$dir/exempel.db")" = "$sum"
printf 'Detta är ingen SIE-fil\n' > "$dir/fel.se"
out=$("$samplan" --import-sie "$dir/fel.se" --year 2009 "$dir/exempel.db" 2>&1); status=$?
check "a file that is not SIE is refused" test $status -ne 0
out=$("$samplan" --import-sie "$sie" "$dir/exempel.db" 2>&1); status=$?
check "--import-sie without --year is a usage error (2)" test $status -eq 2

printf 'Verksamhetsplan 2010\n\n# Inledning\n\nFörbundet *samlar* medlemmarna.\n\n# Mål\n\n- Ett mål\n- Ett till\n' > "$dir/plan.md"
sum=$(sha256sum < "$dir/exempel.db")
before=$(sqlite3 "$dir/exempel.db" 'SELECT count(*) FROM section WHERE year = 2009')
out=$("$samplan" --import-plan "$dir/plan.md" --year 2009 --dry-run "$dir/exempel.db" 2>&1); status=$?
check "--import-plan --dry-run lists the sections and exits 0" test $status -eq 0
check "with their titles and first words" grep -q "Inledning — Förbundet samlar medlemmarna." <<< "$out"
check "and writes nothing, in Swedish" grep -q "inget skrevs" <<< "$out"
check "the database is unchanged by the dry run" test "$(sha256sum < "$dir/exempel.db")" = "$sum"
out=$("$samplan" --import-plan "$dir/plan.md" --year 2009 "$dir/exempel.db" 2>&1); status=$?
check "--import-plan adds the sections and exits 0" test $status -eq 0
check "and says so in Swedish" grep -q "2 avsnitt lades till" <<< "$out"
check "two sections more, the body as CommonMark" test "$(sqlite3 "$dir/exempel.db" "SELECT count(*) FROM section WHERE year = 2009 AND title = 'Mål' AND body = '- Ett mål
- Ett till'")" = 1 -a "$(sqlite3 "$dir/exempel.db" 'SELECT count(*) FROM section WHERE year = 2009')" = $((before + 2))
out=$("$samplan" --import-plan "$dir/plan.md" "$dir/exempel.db" 2>&1); status=$?
check "--import-plan without --year is a usage error (2)" test $status -eq 2
out=$("$samplan" --import-plan "$dir/plan.md" --year 2031 "$dir/exempel.db" 2>&1); status=$?
check "a year without a plan is refused (exit 1), in Swedish" test $status -eq 1 -a -n "$(grep 2031 <<< "$out")"
out=$("$samplan" --import-plan "$dir/inget.md" --year 2009 "$dir/exempel.db" 2>&1); status=$?
check "a file that does not exist is refused" test $status -eq 1
printf 'PK\003\004\000\000' > "$dir/plan.docx"
out=$("$samplan" --import-plan "$dir/plan.docx" --year 2009 "$dir/exempel.db" 2>&1); status=$?
check "a Word file (not text) is refused, saying how to save it" test $status -eq 1 -a -n "$(grep -i "spara" <<< "$out")"

out=$("$samplan" --version 2>&1); status=$?
check "--version prints the version" grep -qE '^samplan [0-9]+\.[0-9]+' <<< "$out"

out=$("$samplan" --help 2>&1)
check "--help is in Swedish" grep -q "exempelförbundet" <<< "$out"

echo "1..$n"
[ $failed -eq 0 ]
