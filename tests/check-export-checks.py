#!/usr/bin/python3
# check-export-checks.py: the treasurer's control rows, read back and recomputed
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-export-checks.py SAMPLAN_BINARY PO_BUILD_DIR [--keep DIR]
#
# Exports the example förbund, and copies of it that fail the checks (the
# frame raised to 4 800 000 kr, no frame at all), with `samplan --export-xlsx
# --allow-failed-checks`. Reads the "Kontroller" sheet and the first sheet
# of each treasurer's workbook with openpyxl: the figures the core computed
# (worked out here by hand), formulas in every figure and verdict. Then
# removes every cached value and recomputes with gnumeric (`ssconvert
# --recalc`): the formulas alone must give the same. Last, changes cells as
# a treasurer would in Excel (the revenue lines, a project's grant) and
# recomputes: the verdicts follow. Prints TAP.

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import warnings

import openpyxl

from check_util import check, done, swedish_env, plain, digits, recalc

warnings.filterwarnings("ignore", category=UserWarning)

ASSOCIATION = "Norra Västmanlands samordningsförbund"
TREASURER = f"{ASSOCIATION} 2009 – Kassör.xlsx"
CHECKS = "Kontroller"
FIRST_ROW = 5  # the first control row, under the head in row 4
OK = "OK"
FAILS = "Stämmer inte: "









def export(samplan, env, db, out):
    os.makedirs(out)
    result = subprocess.run([samplan, "--export-xlsx", out, "--year", "2009", "--allow-failed-checks", db],
                            env=env, capture_output=True, text=True)
    check(f"{os.path.basename(db)} exports with --allow-failed-checks", result.returncode == 0, result.stderr)
    return os.path.join(out, TREASURER), plain(result.stderr)




def rows(ws):
    """The control rows: {(label, year): (expected, actual, difference, verdict)}."""
    found = {}
    row = FIRST_ROW
    while ws.cell(row, 1).value and ws.cell(row, 2).value:
        key = (ws.cell(row, 1).value, int(ws.cell(row, 2).value))
        found[key] = tuple(ws.cell(row, c).value for c in range(3, 6)) + (plain(ws.cell(row, 6).value),)
        row += 1
    return found


def figures(values):
    return tuple(None if v is None else round(float(v)) for v in values[:3])


def check_rows(name, got, expected):
    """@expected: {(label, year): (should, is, verdict prefix or exact)}."""
    for key, (should, actual, verdict) in expected.items():
        row = got.get(key)
        if row is None:
            check(f"{name}: a row {key}", False, sorted(got))
            continue
        check(f"{name}: {key[0]} {key[1]}: {should} against {actual}",
              figures(row) == (should, actual, actual - should), row)
        check(f"{name}: {key[0]} {key[1]}: the verdict",
              row[3] is not None and digits(row[3]).startswith(digits(verdict)),
              f"{row[3]!r} does not start with {verdict!r}")


def find_row(ws, col, value):
    for row in range(1, ws.max_row + 1):
        if ws.cell(row, col).value == value:
            return row
    return None


STATE = "Statens avgifter mot konto 3510"
REGION = "Regionens avgifter mot konto 3520"
MUNICIPALITIES = "Kommunernas avgifter mot konto 3530"
FRAME = "Budgetram och medlemsavgifter"
PROJECTS = "Beviljade projektmedel mot budgetens projektrad"
BALANCE = "Intäkter − kostnader + använt eget kapital = 0"

# The example: frame 4 000 000 in all three years; revenue derived from it
# on 3510/3520/3530 at 2 000 000, 1 000 000 and 1 000 000; projects granted 2 800 000 in 2009
# (the line 2 800 000), 1 100 000 in 2010 (line 2 790 000), none in 2011
# (line 2 759 000); the budget balances in every year.
EXAMPLE = {
    (FRAME, 2009): (4000000, 4000000, OK),
    (STATE, 2009): (2000000, 2000000, OK),
    (REGION, 2009): (1000000, 1000000, OK),
    (MUNICIPALITIES, 2009): (1000000, 1000000, OK),
    (PROJECTS, 2009): (2800000, 2800000, OK),
    (BALANCE, 2009): (0, 0, OK),
    (PROJECTS, 2010): (1100000, 2790000, OK),
    (PROJECTS, 2011): (0, 2759000, OK),
    (STATE, 2011): (2000000, 2000000, OK),
    (BALANCE, 2011): (0, 0, OK),
}

# The frame of 2009 raised to 4 800 000: half, a quarter and a quarter.
RAISED = dict(EXAMPLE)
RAISED.update({
    (FRAME, 2009): (4800000, 4800000, OK),
    (STATE, 2009): (2400000, 2000000, FAILS + "intäktsraderna på konto 3510 är 400 000 kr mindre än avgifterna"),
    (REGION, 2009): (1200000, 1000000, FAILS + "intäktsraderna på konto 3520 är 200 000 kr mindre"),
    (MUNICIPALITIES, 2009): (1200000, 1000000, FAILS + "intäktsraderna på konto 3530 är 200 000 kr mindre"),
})


def main():
    samplan, localedir = sys.argv[1], sys.argv[2]
    keep = sys.argv[4] if len(sys.argv) > 4 and sys.argv[3] == "--keep" else None
    work = tempfile.mkdtemp()
    env = swedish_env(localedir)
    try:
        example = os.path.join(work, "exempel.db")
        subprocess.run([samplan, "--create-example", example], env=env, check=True, capture_output=True)
        raised = os.path.join(work, "ram.db")
        no_frame = os.path.join(work, "utan-ram.db")
        shutil.copy(example, raised)
        shutil.copy(example, no_frame)
        derived_raised = os.path.join(work, "ram-harledd.db")
        shutil.copy(example, derived_raised)
        with sqlite3.connect(derived_raised) as db:
            db.execute("UPDATE plan_year SET frame = 480000000 WHERE year = 2009")
        with sqlite3.connect(raised) as db:
            # Typed revenue lines on the payers' accounts, as files from before
            # the revenue was derived from the frame have them: they do not
            # follow the frame.
            db.execute("INSERT INTO area (group_id, position, name) SELECT id, 0, 'Medlemsbidrag' "
                       "FROM area_group WHERE year = 2009 AND position = 1")
            for position, (account, text, amount) in enumerate(
                    ((3510, "Bidrag från Försäkringskassan", 200000000),
                     (3520, "Bidrag från Landstinget Västmanland", 100000000),
                     (3530, "Bidrag från kommunerna", 100000000)), 1):
                db.execute("INSERT INTO budget_line (year, area_id, account, position, text, budget, plan1, plan2) "
                           "SELECT 2009, id, ?, ?, ?, ?, ?, ? FROM area WHERE name = 'Medlemsbidrag'",
                           (account, position, text, amount, amount, amount))
            db.execute("UPDATE plan_year SET frame = 480000000 WHERE year = 2009")
        with sqlite3.connect(no_frame) as db:
            db.execute("UPDATE plan_year SET frame = NULL WHERE year = 2009")
        later = os.path.join(work, "senare.db")
        shutil.copy(example, later)
        with sqlite3.connect(later) as db:
            # A project that starts in 2010, granted 500 000 for it: not in the
            # 2009 portfolio, but in the plan year's granted funds.
            db.execute("INSERT INTO project (id, name, short_name, kind, description, owner_id, contact, area_id, "
                       "priority, status, start_date, end_date, planned_participants, results, "
                       "self_evaluation_done, external_assessor) VALUES (9, 'Senare', 'Senare', 'project', '', "
                       "2, '', 6, 1, 'granted', '2010-01-01', '2010-12-31', 10, '', 0, '')")
            db.execute("INSERT INTO project_grant (project_id, year, amount) VALUES (9, 2010, 50000000)")

        # The example adds up: every verdict OK, and the first sheet says so.
        path, err = export(samplan, env, example, os.path.join(work, "ut"))
        check("the example prints no failed check", "stämmer inte" not in err, err)
        wb = openpyxl.load_workbook(path)
        check("the treasurer's workbook has the sheet Kontroller, last", wb.sheetnames[-1] == CHECKS, wb.sheetnames)
        ws = wb[CHECKS]
        check("its head", [ws.cell(4, c).value for c in range(1, 7)] ==
              ["Kontroll", "År", "Ska vara", "Är", "Skillnad", "Bedömning"],
              [ws.cell(4, c).value for c in range(1, 7)])
        formulas = [ws.cell(row, col).value for row in range(FIRST_ROW, FIRST_ROW + 18) for col in (4, 5, 6)]
        check("every figure and verdict of the 18 rows is a formula",
              all(isinstance(f, str) and f.startswith("=") for f in formulas), formulas)
        check("the payers' revenue is summed by account from the Budget sheet",
              any("SUMIF('Budget'!" in f for f in formulas), formulas)
        cached = rows(openpyxl.load_workbook(path, data_only=True)[CHECKS])
        check("three years of six checks", len(cached) == 18, sorted(cached))
        check_rows("example, cached", cached, EXAMPLE)
        check("every cached verdict is OK", all(r[3] == OK for r in cached.values()), cached)
        computed = recalc(path, work)
        check_rows("example, recomputed", rows(computed[CHECKS]), EXAMPLE)
        check("the first sheet says every check adds up",
              computed["Sammanfattning"]["A3"].value == "Alla kontroller stämmer (bladet Kontroller).",
              computed["Sammanfattning"]["A3"].value)

        # A treasurer raises a project's 2009 grant in the portfolio: the
        # project line no longer matches.
        def raise_grant(book):
            sheet = book["Projektportfölj"]
            row = find_row(sheet, 1, "Friskare Skinnskatteberg")
            sheet.cell(row, 9).value = 400000

        changed = rows(recalc(path, work, raise_grant)[CHECKS])
        check_rows("a grant changed in Excel", changed, {
            (PROJECTS, 2009): (2900000, 2800000, FAILS + "projektraden är 100 000 kr mindre än de beviljade medlen"),
            (BALANCE, 2009): (0, 0, OK),
        })

        # The frame raised where the revenue is derived from it: the payers'
        # revenue follows, and the budget has 800 000 more revenue than costs.
        path, err = export(samplan, env, derived_raised, os.path.join(work, "ut-ram-harledd"))
        for name, book in (("cached", openpyxl.load_workbook(path, data_only=True)),
                           ("recomputed", recalc(path, work))):
            check_rows(f"frame raised, revenue derived, {name}", rows(book[CHECKS]), {
                (FRAME, 2009): (4800000, 4800000, OK),
                (STATE, 2009): (2400000, 2400000, OK),
                (MUNICIPALITIES, 2009): (1200000, 1200000, OK),
                (BALANCE, 2009): (0, 800000, FAILS + "intäkterna och använt eget kapital är 800 000 kr mer än kostnaderna"),
            })

        # The frame raised over typed revenue lines: the payers fail, cached
        # and recomputed alike.
        path, err = export(samplan, env, raised, os.path.join(work, "ut-ram"))
        check("standard error lists the state's check",
              "staten betalar 2 400 000 kr i medlemsavgift, men intäktsraderna på konto 3510 blir 2 000 000 kr, "
              "400 000 kr mindre." in err, err)
        wb = openpyxl.load_workbook(path, data_only=True)
        check_rows("frame raised, cached", rows(wb[CHECKS]), RAISED)
        notice = plain(wb["Sammanfattning"]["A3"].value)
        expected_notice = ("Stämmer inte (se bladet Kontroller): Statens avgifter mot konto 3510 2009; "
                           "Regionens avgifter mot konto 3520 2009; Kommunernas avgifter mot konto 3530 2009; ")
        check("the first sheet names the failed checks", notice == expected_notice, notice)
        text = [plain(wb[CHECKS].cell(r, 1).value) for r in range(FIRST_ROW + 19, FIRST_ROW + 23)]
        check("under the rows: what failed at export, in the core's words",
              text[0] == "När arbetsboken skrevs stämde detta inte:" and
              text[1].startswith("2009: staten betalar 2 400 000 kr"), text)
        computed = recalc(path, work)
        check_rows("frame raised, recomputed", rows(computed[CHECKS]), RAISED)
        check("the recomputed first sheet names them too",
              plain(computed["Sammanfattning"]["A3"].value).replace(".0;", ";") == expected_notice,
              computed["Sammanfattning"]["A3"].value)

        # The treasurer types the revenue lines to match in Excel: the payers
        # add up, and the budget now has a surplus of 800 000.
        def type_revenue(book):
            sheet = book["Budget"]
            for account, amount in ((3510, 2400000), (3520, 1200000), (3530, 1200000)):
                sheet.cell(find_row(sheet, 1, account), 5).value = amount

        computed = recalc(path, work, type_revenue)
        check_rows("revenue typed in Excel", rows(computed[CHECKS]), {
            (STATE, 2009): (2400000, 2400000, OK),
            (REGION, 2009): (1200000, 1200000, OK),
            (MUNICIPALITIES, 2009): (1200000, 1200000, OK),
            (BALANCE, 2009): (0, 800000, FAILS + "intäkterna och använt eget kapital är 800 000 kr mer än kostnaderna"),
        })
        check("the first sheet follows",
              plain(computed["Sammanfattning"]["A3"].value) ==
              f"Stämmer inte (se bladet Kontroller): {BALANCE} 2009; ",
              computed["Sammanfattning"]["A3"].value)

        # A project that starts in a plan year counts there, listed or not.
        path, err = export(samplan, env, later, os.path.join(work, "ut-senare"))
        for name, book in (("cached", openpyxl.load_workbook(path, data_only=True)),
                           ("recomputed", recalc(path, work))):
            check_rows(f"a project from 2010, {name}", rows(book[CHECKS]), {
                (PROJECTS, 2009): (2800000, 2800000, OK),
                (PROJECTS, 2010): (1600000, 2790000, OK),
            })

        # No frame: its own reason, and no payers' rows for 2009.
        path, err = export(samplan, env, no_frame, os.path.join(work, "ut-utan-ram"))
        check("standard error says 2009 has no frame", "2009 har ingen budgetram" in err, err)
        for name, book in (("cached", openpyxl.load_workbook(path, data_only=True)),
                           ("recomputed", recalc(path, work))):
            got = rows(book[CHECKS])
            frame = got.get((FRAME, 2009))
            check(f"no frame, {name}: the frame row fails with its reason",
                  frame is not None and frame[3] == FAILS + "2009 har ingen budgetram", frame)
            check(f"no frame, {name}: no payer is checked for 2009", (STATE, 2009) not in got, sorted(got))
            check(f"no frame, {name}: the plan years still are", (STATE, 2010) in got, sorted(got))
    finally:
        if keep:
            shutil.copytree(work, keep, dirs_exist_ok=True)
        shutil.rmtree(work, ignore_errors=True)
    return done()


if __name__ == "__main__":
    sys.exit(main())
