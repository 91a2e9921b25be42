#!/usr/bin/python3
# check-export-follow-up.py: the treasurer's sheet "Uppföljning", read back and recomputed
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-export-follow-up.py SAMPLAN_BINARY PO_BUILD_DIR [--keep DIR]
#
# The example förbund with six months of actuals by month, account and
# activity area (as the SIE import stores them, some without an area or on
# accounts no line takes), a line spread over chosen months, one whose
# budget has öre and whose period falls on half an öre, one with no month in
# the period, and typed forecasts. Exported with `samplan --export-xlsx
# --through 4`, the sheet is read with openpyxl: every figure against a
# computation made here from the database, formulas where figures follow
# from others. Then every cached value is removed and gnumeric recomputes
# (`ssconvert --recalc`): the same figures. Then a budget cell on the Budget
# sheet is changed, as a treasurer would in Excel: the period's budget, the
# deviations, the forecast not typed and the totals follow. Last, a year
# without actuals (the columns empty, a note says why), a period past the
# last month with actuals, tkr, and the members' workbooks (no such sheet).
# Prints TAP.

import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import warnings

import openpyxl

from check_util import check, done, swedish_env, plain, recalc

warnings.filterwarnings("ignore", category=UserWarning)

ASSOCIATION = "Norra Västmanlands samordningsförbund"
TREASURER = f"{ASSOCIATION} 2009 – Kassör.xlsx"
MEMBER = f"{ASSOCIATION} 2009 – Fagersta kommun.xlsx"
SHEET = "Uppföljning"
HEAD_ROW = 4
YEAR = 2009
THROUGH = 4
TOLERANCE = 0.0005

# The contributions derived from the frame of 4 000 000: the payers' rows.
DERIVED = {
    (3510, "Försäkringskassan"): 200000000,
    (3520, "Landstinget Västmanland"): 100000000,
    (3530, "Kommunerna"): 100000000,
}







def share(budget, months, through):
    """The core's period budget, in öre: rounded half away from zero."""
    mask = 0xFFF if through >= 12 else (1 << through) - 1
    k, total = bin(months & mask).count("1"), bin(months).count("1")
    if total == 0 or k == 0:
        return 0
    q = (abs(budget) * 2 * k + total) // (2 * total)
    return q if budget >= 0 else -q


def deviation(kind, budget, actual):
    return actual - budget if kind == "revenue" else budget - actual


def setup(db):
    """Actuals, spreads and forecasts in the example; returns nothing."""
    with sqlite3.connect(db) as c:
        lines = c.execute("SELECT id, account, area_id, budget FROM budget_line WHERE year = ?", (YEAR,)).fetchall()
        for line_id, account, area_id, budget in lines:
            for m in range(1, 7):
                amount = budget // 12 + ((line_id * 7 + m * 3) % 11 - 5) * 1000 + line_id
                c.execute("INSERT INTO actual_month (year, month, account, area_id, amount) VALUES (?, ?, ?, ?, ?)",
                          (YEAR, m, account, area_id, amount))
        rows = [
            # The contributions, invoiced in January (no area: the only line on the account).
            (1, 3510, None, 100000000), (1, 3520, None, 50000000), (1, 3530, None, 50000000),
            # Interest: no line takes it.
            (2, 3810, None, 12345),
            # Material: no line; March in, May after the period.
            (3, 6410, None, 250050), (5, 6410, None, 100000),
            # Consultants without an area: two lines have 7010, so neither takes it.
            (2, 7010, None, 500000),
        ]
        c.executemany("INSERT INTO actual_month (year, month, account, area_id, amount) VALUES (?, ?, ?, ?, ?)",
                      [(YEAR, m, a, area, amount) for m, a, area, amount in rows])
        # 7900: 20 000,01 kr in January and December: January–April is half, 10 000,005 → 10 000,01.
        c.execute("UPDATE budget_line SET budget = 2000001 WHERE id = 2")
        c.execute("INSERT INTO budget_line_follow_up (line_id, months) VALUES (2, 2049)")
        # 7310: January, February and September: two thirds.
        c.execute("INSERT INTO budget_line_follow_up (line_id, months) VALUES (6, 259)")
        # 5810: September to December: nothing in January–April.
        c.execute("INSERT INTO budget_line_follow_up (line_id, months) VALUES (9, 3840)")
        # Typed forecasts.
        c.execute("INSERT INTO budget_line_follow_up (line_id, forecast) VALUES (3, 54000000)")
        c.execute("INSERT INTO budget_line_follow_up (line_id, forecast) VALUES (10, 270000000)")


def expected_figures(db, through):
    """{(account, text): {column: öre}} for every line row, and the totals
    {'revenue'|'costs'|'result': {column: öre}}, computed from the database."""
    with sqlite3.connect(db) as c:
        lines = c.execute(
            "SELECT l.id, l.account, l.area_id, coalesce (l.budget, 0), l.text, a.kind, a.name,"
            " coalesce (f.months, 4095), f.forecast FROM budget_line l JOIN account a ON a.number = l.account"
            " LEFT JOIN budget_line_follow_up f ON f.line_id = l.id WHERE l.year = ? ORDER BY l.id", (YEAR,)).fetchall()
        actuals = c.execute("SELECT m.month, m.account, m.area_id, m.amount, a.kind FROM actual_month m"
                            " JOIN account a ON a.number = m.account WHERE m.year = ?", (YEAR,)).fetchall()
        names = dict(c.execute("SELECT number, name FROM account"))
    rows = {}
    order = []  # (account, area, key) for allocating actuals
    for (account, text), budget in DERIVED.items():
        key = (account, text)
        rows[key] = {"kind": "revenue", "year": budget, "period": share(budget, 0xFFF, through), "actual": 0,
                     "forecast": budget, "months": 0xFFF}
        order.append((account, None, key))
    for line_id, account, area, budget, text, kind, name, months, forecast in lines:
        key = (account, text or name)
        check(f"the line {key} is one of its kind", key not in rows)
        rows[key] = {"kind": kind, "year": budget, "period": share(budget, months, through), "actual": 0,
                     "forecast": budget if forecast is None else forecast, "months": months}
        order.append((account, area, key))
    for month, account, area, amount, kind in actuals:
        if month > through:
            continue
        on_account = [o for o in order if o[0] == account]
        key = next((o[2] for o in on_account if area is not None and o[1] == area), None)
        if key is None and len(on_account) == 1:
            key = on_account[0][2]
        if key is None:
            key = (account, names[account])
            rows.setdefault(key, {"kind": kind, "year": None, "period": None, "actual": 0, "forecast": None,
                                  "months": None})
        rows[key]["actual"] += amount
    totals = {}
    for what in ("revenue", "costs"):
        kind = "revenue" if what == "revenue" else "cost"
        totals[what] = {col: sum(r[col] or 0 for r in rows.values() if r["kind"] == kind)
                        for col in ("year", "period", "actual", "forecast")}
    totals["result"] = {col: totals["revenue"][col] - totals["costs"][col] for col in totals["revenue"]}
    return rows, totals


def kr(ore):
    return None if ore is None else ore / 100


def near(value, expected):
    if expected is None:
        return value is None
    return isinstance(value, (int, float)) and abs(value - expected) < TOLERANCE


def sheet_rows(ws):
    """{(account, text): row} of the line rows, and {label: row} of the others."""
    lines, labels = {}, {}
    for row in range(HEAD_ROW + 1, ws.max_row + 1):
        account, text = ws.cell(row, 1).value, ws.cell(row, 2).value
        if isinstance(account, (int, float)) and text is not None:
            lines[(int(account), text)] = row
        elif isinstance(account, str):
            labels[account] = row
        elif isinstance(text, str):
            labels.setdefault(text, row)
    return lines, labels


def check_figures(name, ws, rows, totals, has_actuals=True):
    lines, labels = sheet_rows(ws)
    check(f"{name}: a row for every line and every account with actuals only", set(lines) == set(rows),
          f"sheet {sorted(lines)}\nexpected {sorted(rows)}")
    for key, r in rows.items():
        row = lines.get(key)
        if row is None:
            continue
        got = [ws.cell(row, c).value for c in range(3, 10)]
        dev = deviation(r["kind"], r["period"] or 0, r["actual"]) if has_actuals else None
        want = [kr(r["year"]), kr(r["period"]), kr(r["actual"]) if has_actuals else None, kr(dev),
                None, kr(r["forecast"]),
                kr(deviation(r["kind"], r["year"], r["forecast"])) if r["year"] is not None else None]
        ok = all(near(g, w) for i, (g, w) in enumerate(zip(got, want)) if i != 4)
        if has_actuals and r["period"]:
            ok = ok and near(got[4], dev / r["period"])
        else:
            ok = ok and got[4] in (None, "")
        check(f"{name}: {key[0]} {key[1]}", ok, f"got  {got}\nwant {want}")
    for label, what in (("Summa intäkter", "revenue"), ("Summa kostnader", "costs"),
                        ("Resultat (intäkter − kostnader)", "result")):
        row = labels.get(label)
        if row is None:
            check(f"{name}: the row {label}", False, sorted(labels))
            continue
        t = totals[what]
        got = [ws.cell(row, c).value for c in (3, 4, 5, 8)]
        want = [kr(t["year"]), kr(t["period"]), kr(t["actual"]) if has_actuals else None, kr(t["forecast"])]
        check(f"{name}: {label}", all(near(g, w) for g, w in zip(got, want)), f"got  {got}\nwant {want}")
    # Every subtotal adds up the line rows under its heading.
    for label, row in labels.items():
        if not label.startswith("Summa ") or label in ("Summa intäkter", "Summa kostnader"):
            continue
        first = row - 1
        if not isinstance(ws.cell(first, 1).value, (int, float)):
            continue  # a group's total over its areas' totals
        while first > HEAD_ROW and isinstance(ws.cell(first - 1, 1).value, (int, float)):
            first -= 1
        for col in (3, 4, 5, 8):
            parts = [ws.cell(r, col).value or 0 for r in range(first, row)]
            got = ws.cell(row, col).value
            if col == 5 and not has_actuals:
                check(f"{name}: {label}, no actuals: empty", got is None, got)
                break
            check(f"{name}: {label}, column {col}: the sum of its lines", near(got, sum(parts)), (got, parts))


def export(samplan, env, db, out, *extra):
    os.makedirs(out)
    result = subprocess.run([samplan, "--export-xlsx", out, "--year", str(YEAR), "--allow-failed-checks", *extra, db],
                            env=env, capture_output=True, text=True)
    check(f"{os.path.basename(db)} exports with {' '.join(extra)}", result.returncode == 0, result.stderr)
    return os.path.join(out, TREASURER)




def budget_row(ws, account, text):
    for row in range(1, ws.max_row + 1):
        if ws.cell(row, 1).value == account and ws.cell(row, 2).value == text:
            return row
    return None


def main():
    samplan, localedir = sys.argv[1], sys.argv[2]
    keep = sys.argv[4] if len(sys.argv) > 4 and sys.argv[3] == "--keep" else None
    work = tempfile.mkdtemp()
    env = swedish_env(localedir)
    try:
        example = os.path.join(work, "exempel.db")
        subprocess.run([samplan, "--create-example", example], env=env, check=True, capture_output=True)
        bare = os.path.join(work, "utan-utfall.db")
        setup(example)
        shutil.copy(example, bare)
        with sqlite3.connect(bare) as c:
            c.execute("DELETE FROM actual_month")
        rows, totals = expected_figures(example, THROUGH)

        path = export(samplan, env, example, os.path.join(work, "ut"), "--through", str(THROUGH))
        formulas = openpyxl.load_workbook(path)
        check("the sheet Uppföljning follows the Budget sheet",
              formulas.sheetnames[1:3] == ["Budget", SHEET], formulas.sheetnames)
        ws = formulas[SHEET]
        budget_sheet = openpyxl.load_workbook(path, data_only=True)["Budget"]
        check("the title says the period in Swedish",
              plain(ws["A2"].value) == "Uppföljning januari–april 2009 · belopp i kr", ws["A2"].value)
        check("no note on actuals: they reach past the period", ws["A3"].value is None, ws["A3"].value)
        head = [ws.cell(HEAD_ROW, c).value for c in range(1, 11)]
        check("the heads", head == ["Konto", "Budgetpost", "Budget 2009", "Budget jan–apr", "Utfall jan–apr",
                                    "Avvikelse kr", "Avvikelse %", "Prognos helår", "Prognos mot budget",
                                    "Månader"], head)
        lines, labels = sheet_rows(ws)

        # Formulas where figures follow from others; values where they are typed.
        for key, row in lines.items():
            r = rows.get(key, {})
            year_formula, period = ws.cell(row, 3).value, ws.cell(row, 4).value
            if r.get("year") is None:
                check(f"{key}: no budget, no budget cells", year_formula is None and period is None,
                      (year_formula, period))
                continue
            m = re.fullmatch(r"='Budget'!\$E\$(\d+)", str(year_formula))
            check(f"{key}: the year's budget is the Budget sheet's cell", m is not None, year_formula)
            if m is None:
                continue
            target = int(m.group(1))
            check(f"{key}: that cell is the line's, of its account",
                  budget_sheet.cell(target, 1).value == key[0] and near(budget_sheet.cell(target, 5).value or 0,
                                                                       kr(r["year"])),
                  (target, budget_sheet.cell(target, 1).value, budget_sheet.cell(target, 5).value))
            cell = f"'Budget'!$E${target}"
            months = r["months"]
            k, total = bin(months & 0xF).count("1"), bin(months).count("1")
            want = 0 if k == 0 else f"={cell}" if k == total else f"=ROUND({cell}*{k}/{total},2)"
            check(f"{key}: the period's budget is {want}", period == want, period)
            forecast = ws.cell(row, 8).value
            typed = r["forecast"] != r["year"]
            check(f"{key}: the forecast is {'typed, a value' if typed else 'the year budget, by formula'}",
                  (isinstance(forecast, (int, float)) if typed else forecast == f"=C{row}"), forecast)
            for col in (6, 7, 9):
                check(f"{key}: column {col} is a formula", str(ws.cell(row, col).value).startswith("="),
                      ws.cell(row, col).value)
            check(f"{key}: the actual is a value", isinstance(ws.cell(row, 5).value, (int, float)),
                  ws.cell(row, 5).value)
        spread = {lines.get((7900, "Studiebesök och temadagar")): "jan, dec",
                  lines.get((7310, "Ekonomitjänster")): "jan, feb, sep",
                  lines.get((5810, "Gemensamma utbildningar")): "4 månader",
                  lines.get((5010, "Arvoden till styrelsen")): "Jämnt"}
        for row, label in spread.items():
            check(f"the months of row {row}: {label}", row is not None and ws.cell(row, 10).value == label,
                  row and ws.cell(row, 10).value)
        totals_formulas = [ws.cell(labels[label], c).value for label in ("Summa intäkter", "Summa kostnader",
                                                                           "Resultat (intäkter − kostnader)")
                           for c in range(3, 10) if label in labels]
        check("the totals and the result are formulas",
              len(totals_formulas) == 21 and all(str(f).startswith("=") for f in totals_formulas), totals_formulas)
        check("the actuals without a budget line have a heading", "Utfall utan budgetrad" in labels, sorted(labels))

        cached = openpyxl.load_workbook(path, data_only=True)[SHEET]
        check_figures("cached", cached, rows, totals)
        half = cached.cell(lines[(7900, "Studiebesök och temadagar")], 4).value
        check("half an öre rounds away from zero, as the core: 10 000,01", near(half, 10000.01), half)

        computed = recalc(path, work)[SHEET]
        check_figures("recomputed", computed, rows, totals)
        mismatches = [(r, c, cached.cell(r, c).value, computed.cell(r, c).value)
                      for r in range(HEAD_ROW + 1, cached.max_row + 1) for c in range(3, 10)
                      if isinstance(cached.cell(r, c).value, (int, float))
                      and not near(computed.cell(r, c).value, cached.cell(r, c).value)]
        check("every recomputed figure is the cached one", not mismatches, mismatches[:10])

        # The treasurer raises a budget line and the state's contribution on the Budget sheet.
        def raise_budget(book):
            sheet = book["Budget"]
            sheet.cell(budget_row(sheet, 5010, "Arvoden till styrelsen"), 5).value = 300000
            sheet.cell(budget_row(sheet, 3510, "Försäkringskassan"), 5).value = 2400000
            sheet.cell(budget_row(sheet, 7310, "Ekonomitjänster"), 5).value = 90000

        changed_rows = {k: dict(v) for k, v in rows.items()}
        for key, budget in (((5010, "Arvoden till styrelsen"), 30000000), ((3510, "Försäkringskassan"), 240000000),
                            ((7310, "Ekonomitjänster"), 9000000)):
            r = changed_rows[key]
            r["year"], r["period"] = budget, share(budget, r["months"], THROUGH)
            if r["forecast"] == rows[key]["year"]:
                r["forecast"] = budget
        changed_totals = {}
        for what, kind in (("revenue", "revenue"), ("costs", "cost")):
            changed_totals[what] = {col: sum(r[col] or 0 for r in changed_rows.values() if r["kind"] == kind)
                                    for col in ("year", "period", "actual", "forecast")}
        changed_totals["result"] = {col: changed_totals["revenue"][col] - changed_totals["costs"][col]
                                    for col in changed_totals["revenue"]}
        check_figures("budget changed in Excel", recalc(path, work, raise_budget)[SHEET], changed_rows, changed_totals)

        # The members get no follow-up.
        member = openpyxl.load_workbook(os.path.join(work, "ut", MEMBER))
        check("a member's workbook has no follow-up sheet", SHEET not in member.sheetnames, member.sheetnames)

        # Without --through: no sheet.
        path = export(samplan, env, example, os.path.join(work, "ut-utan"))
        check("without --through, no follow-up sheet", SHEET not in openpyxl.load_workbook(path).sheetnames)

        # Through August, with actuals through June: a note says so.
        path = export(samplan, env, example, os.path.join(work, "ut-aug"), "--through", "8")
        book = openpyxl.load_workbook(path, data_only=True)
        check("through August: the title", plain(book[SHEET]["A2"].value).startswith("Uppföljning januari–augusti 2009"),
              book[SHEET]["A2"].value)
        check("through August: a note says the accounts reach June",
              book[SHEET]["A3"].value == "Bokföringen har bara gett utfall till och med juni.", book[SHEET]["A3"].value)
        rows8, totals8 = expected_figures(example, 8)
        check_figures("through August", book[SHEET], rows8, totals8)

        # No actuals: the columns are empty, the budget is there, a note says why.
        rows0, totals0 = expected_figures(bare, THROUGH)
        path = export(samplan, env, bare, os.path.join(work, "ut-tom"), "--through", str(THROUGH))
        for name, book in (("no actuals, cached", openpyxl.load_workbook(path, data_only=True)),
                           ("no actuals, recomputed", recalc(path, work))):
            sheet = book[SHEET]
            check(f"{name}: the note", plain(sheet["A3"].value or "").startswith("Inget utfall är importerat för 2009"),
                  sheet["A3"].value)
            filled = [(r, c, sheet.cell(r, c).value) for r in range(HEAD_ROW + 1, sheet.max_row + 1)
                      for c in (5, 6, 7) if sheet.cell(r, c).value not in (None, "")]
            check(f"{name}: no actual or deviation anywhere, not even 0", not filled, filled[:10])
            check_figures(name, sheet, rows0, totals0, has_actuals=False)

        # tkr: the figures stay in kronor, shown in thousands, and the sheet says they are rounded.
        path = export(samplan, env, example, os.path.join(work, "ut-tkr"), "--through", str(THROUGH), "--tkr")
        book = openpyxl.load_workbook(path, data_only=True)
        sheet = book[SHEET]
        check("tkr: the subtitle says the amounts are rounded",
              "tkr, vart och ett avrundat" in plain(sheet["A2"].value), sheet["A2"].value)
        row = sheet_rows(sheet)[0][(5010, "Arvoden till styrelsen")]
        check("tkr: shown in thousands", sheet.cell(row, 4).number_format == "#,##0,", sheet.cell(row, 4).number_format)
        check_figures("tkr", sheet, rows, totals)
    finally:
        if keep:
            shutil.copytree(work, keep, dirs_exist_ok=True)
        shutil.rmtree(work, ignore_errors=True)
    return done()


if __name__ == "__main__":
    sys.exit(main())
