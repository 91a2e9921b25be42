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

# A frame raised over typed revenue lines, as files from before the revenue
# was derived from the frame have them (issue 18): the checks fail, and the
# export writes nothing without --allow-failed-checks, saying on standard
# error what fails and by how much (amounts with no-break spaces, made plain).
plain() { sed 's/\xe2\x80\xaf/ /g; s/\xc2\xa0/ /g'; }
cp "$dir/exempel.db" "$dir/ram.db"
sqlite3 "$dir/ram.db" "INSERT INTO area (group_id, position, name) SELECT id, 0, 'Medlemsbidrag' FROM area_group WHERE year = 2009 AND position = 1;
  INSERT INTO budget_line (year, area_id, account, position, text, budget, plan1, plan2)
    SELECT 2009, a.id, v.account, v.account - 3500, 'Bidrag', v.amount, v.amount, v.amount
    FROM area a, (SELECT 3510 AS account, 200000000 AS amount UNION ALL SELECT 3520, 100000000
                  UNION ALL SELECT 3530, 100000000) v WHERE a.name = 'Medlemsbidrag';
  UPDATE plan_year SET frame = 480000000 WHERE year = 2009;"
mkdir "$dir/ut5"
"$samplan" --export-xlsx "$dir/ut5" --year 2009 "$dir/ram.db" 2>"$dir/err" >/dev/null; status=$?
err=$(plain < "$dir/err")
check "a budget that does not add up is not exported (exit 1)" test $status -eq 1
check "and nothing is written" test "$(ls -A "$dir/ut5" | wc -l)" -eq 0
check "standard error says so, in Swedish" grep -q "^samplan: Budgeten för 2009 stämmer inte:$" <<< "$err"
check "with each failed check, what and by how much" test "$(grep -c "^  – 2009: .* betalar .* kr i medlemsavgift, men intäktsraderna på konto 35[123]0 blir .* kr, .* kr mindre\.$" <<< "$err")" -eq 3
check "the state's exactly" grep -q "staten betalar 2 400 000 kr i medlemsavgift, men intäktsraderna på konto 3510 blir 2 000 000 kr, 400 000 kr mindre." <<< "$err"
check "and names the way out" grep -q -- "--allow-failed-checks" <<< "$err"
out=$("$samplan" --export-xlsx "$dir/ut5" --year 2009 --allow-failed-checks "$dir/ram.db" 2>/dev/null); status=$?
err=$("$samplan" --export-xlsx "$dir/ut5" --year 2009 --allow-failed-checks "$dir/ram.db" 2>&1 >/dev/null | plain)
check "--allow-failed-checks exports all the same (exit 0)" test $status -eq 0 -a "$(ls "$dir/ut5" | wc -l)" -eq 7
check "printing the written files on standard output" test "$(wc -l <<< "$out")" -eq 7
check "and the failed checks on standard error" grep -q "kommunerna betalar 1 200 000 kr" <<< "$err"

# A full disk: a 32 KiB tmpfs, mounted in a user and mount namespace of our
# own where the system allows one (no root needed); the mount ends with it.
mkdir "$dir/full"
if unshare -rm true 2>/dev/null; then
  out=$(unshare -rm sh -c 'mount -t tmpfs -o size=32k none "$1" && exec "$2" --export-xlsx "$1" --year 2009 "$3"' \
        sh "$dir/full" "$samplan" "$dir/exempel.db" 2>&1); status=$?
  check "a full disk ends the export with exit 1" test $status -eq 1
  check "and says that the disk is full, in Swedish" grep -q "kunde inte skrivas: disken är full" <<< "$out"
  check "it says that no workbook was written" grep -q "^Ingen arbetsbok skrevs" <<< "$out"
  check "and names them all, the treasurer's and the members'" \
    test "$(sed -n '/^Ingen arbetsbok skrevs/,$p' <<< "$out" | grep -c '^– .*\.xlsx$')" -eq 7
  check "no English from the Excel library" test "$(grep -ci 'zip\|error' <<< "$out")" -eq 0
else
  n=$((n + 1)); echo "ok $n # SKIP no user namespace for a small tmpfs"
fi

out=$("$samplan" --export-pdf "$dir/plan.pdf" --year 2009 "$dir/exempel.db" 2>&1); status=$?
check "--export-pdf writes the plan and exits 0" test $status -eq 0
check "it is a PDF" test "$(head -c 5 "$dir/plan.pdf")" = "%PDF-"
check "and says where" grep -q "plan.pdf" <<< "$out"
text=$(pdftotext -layout "$dir/plan.pdf" - 2>/dev/null)
check "its title is the year's plan, in Swedish" grep -q "Verksamhetsplan och budget 2009" <<< "$text"
check "a draft says so" grep -q "Utkast" <<< "$text"
out=$("$samplan" --export-pdf "$dir/plan.pdf" --year 2009 --tkr "$dir/exempel.db" 2>&1); status=$?
check "an earlier PDF is replaced, --tkr shows tkr" test $status -eq 0 -a -n "$(pdftotext "$dir/plan.pdf" - | grep 'belopp i tkr')"
printf 'Viktigt brev\n' > "$dir/brev.pdf"
sum=$(sha256sum < "$dir/brev.pdf")
out=$("$samplan" --export-pdf "$dir/brev.pdf" --year 2009 "$dir/exempel.db" 2>&1); status=$?
check "a file that is not a PDF is refused (exit 1)" test $status -eq 1
check "the refusal is in Swedish" grep -q "inte en PDF-fil" <<< "$out"
check "and the file is untouched" test "$(sha256sum < "$dir/brev.pdf")" = "$sum"
out=$("$samplan" --export-pdf "$dir/plan2031.pdf" --year 2031 "$dir/exempel.db" 2>&1); status=$?
check "--export-pdf of an unknown year exits 1 and writes nothing" test $status -eq 1 -a ! -e "$dir/plan2031.pdf"
check "and says so in Swedish" grep -q "Det finns ingen plan för 2031" <<< "$out"
out=$("$samplan" --export-pdf "$dir/plan.pdf" "$dir/exempel.db" 2>&1); status=$?
check "--export-pdf without --year is a usage error (2)" test $status -eq 2
check "explained in Swedish" grep -q "behöver --year" <<< "$out"
out=$("$samplan" --export-pdf "$dir/ingen/mapp/plan.pdf" --year 2009 "$dir/exempel.db" 2>&1); status=$?
check "a folder that does not exist is an error" test $status -eq 1
check "named in Swedish" grep -q "Kunde inte skriva" <<< "$out"

# The follow-up documents: --document and --through.
out=$("$samplan" --export-pdf "$dir/vb.pdf" --year 2009 --document verksamhetsberattelse "$dir/exempel.db" 2>&1); status=$?
check "--document verksamhetsberattelse writes the annual report" test $status -eq 0
check "its title is the year's, in Swedish" grep -q "Verksamhetsberättelse 2009" <<< "$(pdftotext "$dir/vb.pdf" - 2>/dev/null)"
out=$("$samplan" --export-pdf "$dir/dr.pdf" --year 2009 --document delarsrapport "$dir/exempel.db" 2>&1); status=$?
check "an interim report without actuals and without --through exits 1 and writes nothing" test $status -eq 1 -a ! -e "$dir/dr.pdf"
check "and says why in Swedish" grep -q "Det finns inga utfall för 2009" <<< "$out"
out=$("$samplan" --export-pdf "$dir/dr.pdf" --year 2009 --document delarsrapport --through 4 "$dir/exempel.db" 2>&1); status=$?
check "--through 4 writes the interim report of January–April" test $status -eq 0
check "titled so" grep -q "Delårsrapport januari–april 2009" <<< "$(pdftotext "$dir/dr.pdf" - 2>/dev/null)"
sqlite3 "$dir/exempel.db" "INSERT INTO actual_month (year, month, account, area_id, amount) VALUES (2009, 1, 5110, 2, 4100000), (2009, 6, 5110, 2, 4300000)"
out=$("$samplan" --export-pdf "$dir/dr.pdf" --year 2009 --document delarsrapport "$dir/exempel.db" 2>&1); status=$?
check "without --through, through the last month with actuals" test $status -eq 0
check "(June)" grep -q "Delårsrapport januari–juni 2009" <<< "$(pdftotext "$dir/dr.pdf" - 2>/dev/null)"
sum=$(sha256sum < "$dir/dr.pdf")
for bad in "--document budget" "--document delarsrapport --through 13" "--document delarsrapport --through 0" \
           "--document delarsrapport --through augusti" "--through 4" "--document verksamhetsberattelse --through 12"; do
  out=$("$samplan" --export-pdf "$dir/dr.pdf" --year 2009 $bad "$dir/exempel.db" 2>&1); status=$?
  check "$bad is a usage error (2)" test $status -eq 2
  check "$bad is explained in Swedish" grep -q "är inget dokument\|delårsrapport" <<< "$out"
done
check "and the earlier PDF is untouched" test "$(sha256sum < "$dir/dr.pdf")" = "$sum"

# The treasurer's workbook with the follow-up sheet: --export-xlsx --through.
sheets() { /usr/bin/python3 -c 'import re, sys, zipfile; print(" ".join(re.findall(r"<sheet name=\"([^\"]+)\"", zipfile.ZipFile(sys.argv[1]).read("xl/workbook.xml").decode())))' "$1"; }
mkdir "$dir/ut6"
out=$("$samplan" --export-xlsx "$dir/ut6" --year 2009 --through 4 "$dir/exempel.db" 2>&1); status=$?
check "--export-xlsx --through 4 writes the workbooks" test $status -eq 0 -a "$(ls "$dir/ut6" | wc -l)" -eq 7
check "the treasurer's has the sheet Uppföljning after Budget" \
  grep -q "Budget Uppföljning" <<< "$(sheets "$dir/ut6/Norra Västmanlands samordningsförbund 2009 – Kassör.xlsx")"
check "a member's has none" test -z "$(sheets "$dir/ut6/Norra Västmanlands samordningsförbund 2009 – Fagersta kommun.xlsx" | grep Uppföljning)"
mkdir "$dir/ut7"
for bad in "--through 13" "--through 0" "--through april" "--through 4 --member Försäkringskassan"; do
  out=$("$samplan" --export-xlsx "$dir/ut7" --year 2009 $bad "$dir/exempel.db" 2>&1); status=$?
  check "--export-xlsx $bad is a usage error (2)" test $status -eq 2
  check "$bad is explained in Swedish" grep -q "uppföljningsbladet" <<< "$out"
done
check "and nothing is written" test "$(ls "$dir/ut7" | wc -l)" -eq 0

sie=$(dirname "$0")/fixtures/sie/Sie4.se
sum=$(sha256sum < "$dir/exempel.db")
out=$("$samplan" --import-sie "$sie" --year 2014 --dry-run "$dir/exempel.db" 2>&1); status=$?
check "--import-sie --dry-run shows the summary in Swedish" grep -q "Räkenskapsår: 2014-01-01" <<< "$out"
check "and names the other organisation" grep -q "556654-7898" <<< "$out"
check "a dry run of another organisation's file fails as the import would (exit 1)" test $status -eq 1
check "and still ends with its line" test "$(tail -n 1 <<< "$out")" = "Provkörning: inget skrevs."
out=$("$samplan" --import-sie "$sie" --year 2014 "$dir/exempel.db" 2>&1); status=$?
check "another organisation's file is not imported (exit 1)" test $status -eq 1
check "the database is unchanged by both" test "$(sha256sum < "$dir/exempel.db")" = "$sum"
printf 'Detta är ingen SIE-fil\n' > "$dir/fel.se"
out=$("$samplan" --import-sie "$dir/fel.se" --year 2009 "$dir/exempel.db" 2>&1); status=$?
check "a file that is not SIE is refused" test $status -ne 0
out=$("$samplan" --import-sie "$sie" "$dir/exempel.db" 2>&1); status=$?
check "--import-sie without --year is a usage error (2)" test $status -eq 2

# Books of 2009 that only name 2008 (#RAR -1): importing 2008 would empty its actuals.
books='#FLAGGA 0\n#SIETYP 4\n#FNAMN "Test"\n#RAR 0 20090101 20091231\n#RAR -1 20080101 20081231\n'
printf "$books"'#VER A 1 20090105 "x"\n{\n#TRANS 1930 {} 10.00\n#TRANS 3510 {} -10.00\n}\n' > "$dir/bara2009.se"
sum=$(sha256sum < "$dir/exempel.db")
out=$("$samplan" --import-sie "$dir/bara2009.se" --year 2008 "$dir/exempel.db" 2>&1); status=$?
check "a year the file only names is refused (exit 1)" test $status -eq 1
check "and says why in Swedish" grep -q "varken resultat (#RES) eller verifikationer för 2008" <<< "$out"
check "the database is unchanged" test "$(sha256sum < "$dir/exempel.db")" = "$sum"

printf "$books"'#VER A 1 20090105 "x"\n{\n#TRANS 1930 {} 10.00\n#TRANS 3510 {} -12.00\n}\n' > "$dir/obalans.se"
out=$("$samplan" --import-sie "$dir/obalans.se" --year 2009 "$dir/exempel.db" 2>&1); status=$?
check "unbalanced vouchers are not imported without --allow-unbalanced (exit 1)" test $status -eq 1
check "which the refusal names, in Swedish" grep -q "balanserar inte; inget lästes in.*--allow-unbalanced" <<< "$out"
check "the database is unchanged" test "$(sha256sum < "$dir/exempel.db")" = "$sum"
out=$("$samplan" --import-sie "$dir/obalans.se" --year 2009 --dry-run "$dir/exempel.db" 2>&1); status=$?
check "the dry run counts them" grep -q "Verifikationer som inte balanserar: 1" <<< "$out"
check "and ends with its line" test "$(tail -n 1 <<< "$out")" = "Provkörning: inget skrevs."
out=$("$samplan" --import-sie "$dir/obalans.se" --year 2009 --allow-unbalanced "$dir/exempel.db" 2>&1); status=$?
check "--allow-unbalanced imports them" test $status -eq 0
out=$("$samplan" --import-sie "$dir/obalans.se" --year 2009 --allow-failed-checks "$dir/exempel.db" 2>&1); status=$?
check "--allow-failed-checks lets them in as --allow-unbalanced does" test $status -eq 0
check "the actuals are stored" test "$(sqlite3 "$dir/exempel.db" 'SELECT amount FROM actual WHERE year = 2009 AND account = 3510')" = 1200

# A year month by month (issue 19): the dry run names the months and the objects to map.
out=$("$samplan" --import-sie "$(dirname "$0")/fixtures/sie/follow-up-2024.se" --year 2024 --dry-run "$dir/exempel.db" 2>&1); status=$?
check "--import-sie names the months the file covers" grep -q "Månader: januari–december 2024 (ur periodsaldona, #PSALDO)" <<< "$out"
check "and the objects without an area or a project" grep -q "dimension 6, objekt P2 Vidare" <<< "$out"

# A total beyond the database's limit is refused by the dry run already.
printf "$books"'#RES 0 3510 -9000000000.00\n#RES 0 3520 -9000000000.00\n' > "$dir/stor.se"
sum=$(sha256sum < "$dir/exempel.db")
out=$("$samplan" --import-sie "$dir/stor.se" --year 2009 --dry-run "$dir/exempel.db" 2>&1); status=$?
check "a sum beyond the limit fails the dry run (exit 1)" test $status -eq 1
check "in Swedish, with the limit" grep -q "största belopp Samplan sparar" <<< "$out"
check "the database is unchanged" test "$(sha256sum < "$dir/exempel.db")" = "$sum"

# Damaged, empty and read-only places (issue 17): refused in Swedish and left
# as they were, or exported without a trace beside the file.
cp "$dir/exempel.db" "$dir/negativ.db"
printf '\x80' | dd of="$dir/negativ.db" bs=1 seek=60 conv=notrunc status=none
sum=$(sha256sum < "$dir/negativ.db")
mkdir "$dir/ut3"
out=$("$samplan" --export-xlsx "$dir/ut3" --year 2009 "$dir/negativ.db" 2>&1); status=$?
check "a negative user_version is refused, not aborted (exit 1)" test $status -eq 1
check "as damaged, in Swedish" grep -q "skadad" <<< "$out"
check "and the file stays as it was, with nothing beside it" \
  test "$(sha256sum < "$dir/negativ.db")" = "$sum" -a ! -e "$dir/negativ.db-wal" -a ! -e "$dir/negativ.db-shm"
: > "$dir/tom.db"
out=$("$samplan" --export-xlsx "$dir/ut3" --year 2009 "$dir/tom.db" 2>&1); status=$?
check "an empty file is refused, in Swedish" test $status -eq 1 -a -n "$(grep "är tom" <<< "$out")"
check "and stays empty" test ! -s "$dir/tom.db"
mkdir "$dir/usb"
cp "$dir/exempel.db" "$dir/usb/förbund.db"
chmod 0555 "$dir/usb"
out=$("$samplan" --export-xlsx "$dir/ut3" --year 2009 "$dir/usb/förbund.db" 2>&1); status=$?
check "a database in a read-only folder exports (exit 0)" test $status -eq 0 -a "$(ls "$dir/ut3" | wc -l)" -eq 7
check "and leaves no -wal or -shm beside it" test "$(ls -A "$dir/usb")" = "förbund.db"
chmod 0755 "$dir/usb"

# Another Samplan, on another computer, has the file open: writing commands
# refuse with who and where, reading ones go on.
lock="$dir/.~samplan-lock.exempel.db#"
printf '[Samplan]\nUser=berit\nRealName=Berit Ek\nHost=kansli-pc\nPid=4242\nProgram=samplan\nSince=2026-12-05T14:30:00Z\n' > "$lock"
sum=$(sha256sum < "$dir/exempel.db")
out=$("$samplan" --import-sie "$sie" --year 2014 "$dir/exempel.db" 2>&1); status=$?
check "--import-sie refuses a file open elsewhere (exit 1)" test $status -eq 1
check "and says who, where and since when, in Swedish" \
  grep -q "är öppen i Samplan för Berit Ek (berit) på datorn ”kansli-pc” sedan 5 december 2026" <<< "$out"
check "the database and the other one's presence are untouched" \
  test "$(sha256sum < "$dir/exempel.db")" = "$sum" -a "$(grep -c kansli-pc "$lock")" -eq 1
mkdir "$dir/ut4"
out=$("$samplan" --export-xlsx "$dir/ut4" --year 2009 "$dir/exempel.db" 2>&1); status=$?
check "--export-xlsx still reads a file open elsewhere" test $status -eq 0 -a "$(ls "$dir/ut4" | wc -l)" -eq 7
rm -f "$lock"

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
