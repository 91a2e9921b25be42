#!/usr/bin/python3
# check-export.py: the exported workbooks, read back by real spreadsheet programs
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-export.py TEST_EXPORT_BINARY [--keep DIR]
#
# Runs `test-export --write-to DIR`, which exports the example förbund (with
# hostile names) and writes DIR/expected.json with the core's figures in öre.
# Then reads every workbook with openpyxl (sheets, cells, formulas, number
# formats, print setup, tables, properties, text that looks like a formula)
# and recomputes it with gnumeric (`ssconvert --recalc`) after removing every
# cached value, so that the totals checked are computed from the formulas
# alone. Prints TAP.

import datetime
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import warnings
import zipfile

import openpyxl

warnings.filterwarnings("ignore", category=UserWarning)

ASSOCIATION = "Norra Västmanlands samordningsförbund"
TREASURER_SHEETS = ["Sammanfattning", "Budget", "Medlemsavgifter", "Projektportfölj", "Mål"]
MEMBER_SHEETS = ["Översikt", "Budget", "Medlemsavgifter", "Projekt"]
LANDSCAPE = {"Budget", "Medlemsavgifter", "Projektportfölj", "Projekt", "Mål"}
FROZEN = {"Budget": "C5", "Medlemsavgifter": "B5", "Projektportfölj": "B5", "Projekt": "B5", "Mål": "A5"}
# Budget sheet columns C..G hold the SpBudgetColumn indexes 3, 4, 0, 1, 2.
BUDGET_COLUMNS = {"C": 3, "D": 4, "E": 0, "F": 1, "G": 2}
HOSTILE = ["=Fagersta/Norberg: kommun", "+Studiebesök -och @temadagar", "=1+1", "@SUM(A1:A2)"]

n = 0
failed = 0


def check(what, condition, detail=""):
    global n, failed
    n += 1
    if condition:
        print(f"ok {n} - {what}")
    else:
        failed += 1
        print(f"not ok {n} - {what}")
        if detail:
            for line in str(detail).splitlines():
                print(f"# {line}")


def ore(value):
    """A cell's kronor in öre, or None; exact to the öre or it fails."""
    if value is None:
        return None
    cents = round(float(value) * 100)
    if abs(float(value) * 100 - cents) > 1e-6:
        return f"not whole öre: {value!r}"
    return cents


def recalc(path, workdir):
    """The workbook with every cached value removed, recomputed by gnumeric."""
    base = os.path.splitext(os.path.basename(path))[0]
    stripped = os.path.join(workdir, base + ".stripped.xlsx")
    computed = os.path.join(workdir, base + ".recalc.xlsx")
    wb = openpyxl.load_workbook(path)  # formulas only: saving drops cached values
    wb.save(stripped)
    subprocess.run(["ssconvert", "--recalc", stripped, computed],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return openpyxl.load_workbook(computed, data_only=True)


def find_row(ws, col, text):
    for row in range(1, ws.max_row + 1):
        if ws[f"{col}{row}"].value == text:
            return row
    return None


def check_common(ws, label, tkr=False):
    setup = ws.page_setup
    check(f"{label}: A4 paper", str(setup.paperSize) == "9", setup.paperSize)
    want = "landscape" if ws.title in LANDSCAPE else "portrait"
    check(f"{label}: {want}", setup.orientation == want, setup.orientation)
    fit = ws.sheet_properties.pageSetUpPr
    check(f"{label}: fit to one page wide",
          fit is not None and fit.fitToPage and setup.fitToWidth in (None, 1, "1")
          and str(setup.fitToHeight) == "0", (setup.fitToWidth, setup.fitToHeight))
    header = ws.oddHeader
    check(f"{label}: page header names the förbund and the year",
          header.left.text == ASSOCIATION and "2009" in (header.right.text or ""),
          (header.left.text, header.right.text))
    check(f"{label}: page footer Sida &P av &N", ws.oddFooter.right.text == "Sida &P av &N",
          ws.oddFooter.right.text)
    if ws.title in FROZEN:
        check(f"{label}: frozen head row", ws.freeze_panes == FROZEN[ws.title], ws.freeze_panes)
        check(f"{label}: head row repeated on every page", ws.print_title_rows == "$4:$4",
              ws.print_title_rows)
    widths = [ws.column_dimensions[c].width for c in "AB"]
    check(f"{label}: column widths set", all(w and w > 8 for w in widths), widths)
    money = "#,##0," if tkr else "#,##0"
    formats = {c.number_format for row in ws.iter_rows() for c in row
               if isinstance(c.value, (int, float)) and c.number_format not in
               ("0", "0%", "0.00%", "yyyy-mm-dd")}
    if ws.title not in ("Mål", "Sammanfattning", "Översikt"):
        check(f"{label}: money in {money}", formats <= {money, "#,##0"} and money in formats, formats)
    strings_as_formulas = [c.coordinate for row in ws.iter_rows() for c in row
                           if c.data_type == "f" and not str(c.value).startswith(
                               ("=SUM", "=SUBTOTAL", "='", "=SUMIF", "=0")) and
                           not re.fullmatch(r"=\$?[A-Z]+\$?\d+[-/]\$?[A-Z]+\$?\d+", str(c.value))]
    check(f"{label}: no text became a formula", not strings_as_formulas, strings_as_formulas)


def check_raw_strings(path, label):
    """Hostile names are shared strings in the XML, never <f> formulas."""
    with zipfile.ZipFile(path) as z:
        sheets = [z.read(name).decode() for name in z.namelist()
                  if name.startswith("xl/worksheets/sheet")]
        shared = z.read("xl/sharedStrings.xml").decode()
    formulas = " ".join(re.findall(r"<f>(.*?)</f>", " ".join(sheets)))
    present = [h for h in HOSTILE if h.replace("&", "&amp;") in shared]
    leaked = [h for h in HOSTILE if h.lstrip("=+@") in formulas]
    check(f"{label}: text starting with = + - @ is stored as text", present and not leaked,
          (present, leaked))
    numbers = re.findall(r"<v>([^<]*)</v>", " ".join(sheets))
    check(f"{label}: numbers written with a decimal point, whatever the locale",
          all(re.fullmatch(r"-?[0-9.E+-]+|[0-9]+", v) for v in numbers),
          [v for v in numbers if "," in v][:5])


def check_treasurer(path, expected, workdir):
    label = "treasurer"
    wb = openpyxl.load_workbook(path)
    check(f"{label}: sheet names", wb.sheetnames == TREASURER_SHEETS, wb.sheetnames)
    props = wb.properties
    check(f"{label}: title, author and creation date",
          ASSOCIATION in (props.title or "") and "2009" in props.title and props.creator == ASSOCIATION
          and props.created == datetime.datetime(2009, 1, 1), (props.title, props.creator, props.created))
    with zipfile.ZipFile(path) as z:
        app = z.read("docProps/app.xml").decode()
    check(f"{label}: company", f"<Company>{ASSOCIATION}</Company>" in app, app[:300])
    for ws in wb:
        check_common(ws, f"{label} {ws.title}")
    check_raw_strings(path, label)

    # Budget: subtotals and totals are SUM formulas, the result revenue − costs.
    ws = wb["Budget"]
    rev = find_row(ws, "A", "Summa intäkter")
    cost = find_row(ws, "A", "Summa kostnader")
    result = find_row(ws, "A", "Resultat (intäkter − kostnader)")
    check("budget: total rows found", None not in (rev, cost, result), (rev, cost, result))
    sums = [ws[f"{c}{r}"].value for r in range(5, cost + 1) for c in "CDEFG"
            if str(ws[f"B{r}"].value or ws[f"A{r}"].value or "").startswith("Summa")]
    check("budget: every subtotal and total is a SUM formula",
          sums and all(str(s).startswith("=SUM(") for s in sums), sums[:6])
    check("budget: result = revenue − costs as a formula",
          all(ws[f"{c}{result}"].value == f"={c}{rev}-{c}{cost}" for c in "CDEFG"),
          [ws[f"{c}{result}"].value for c in "CDEFG"])
    check("budget: the account is a number", ws["A8"].value == 3510 and ws["A8"].number_format == "0",
          (ws["A8"].value, ws["A8"].number_format))
    # A group without areas: its lines follow its heading, without an area
    # heading, and its subtotal is a SUM of exactly those lines.
    group = [r for r in range(5, cost + 1) if ws[f"B{r}"].value == "Uppföljning/utvärdering"]
    check("budget: a group without areas is headed once", len(group) == 1, group)
    if len(group) == 1:
        g = group[0]
        check("budget: its lines follow the group's heading",
              [ws[f"A{g + 1}"].value, ws[f"A{g + 2}"].value] == [7010, 5810]
              and [ws[f"B{g + 1}"].value, ws[f"B{g + 2}"].value] == ["Extern utvärdering", "Uppföljningsdag"],
              [ws[f"A{g + 1}"].value, ws[f"B{g + 1}"].value, ws[f"A{g + 2}"].value, ws[f"B{g + 2}"].value])
        check("budget: the group's subtotal sums its two lines",
              ws[f"B{g + 3}"].value == "Summa Uppföljning/utvärdering"
              and ws[f"E{g + 3}"].value == f"=SUM(E{g + 1}:E{g + 2})",
              (ws[f"B{g + 3}"].value, ws[f"E{g + 3}"].value))

    ws = wb["Medlemsavgifter"]
    total = find_row(ws, "A", "Summa")
    n_members = len(expected["contributions"])
    check("contributions: the parts' total is a SUM formula",
          [ws[f"{c}{total}"].value for c in "EFG"] == [f"=SUM({c}5:{c}{4 + n_members})" for c in "EFG"],
          [ws[f"{c}{total}"].value for c in "EFG"])
    check("contributions: the difference from the frame is a formula",
          ws[f"E{total + 2}"].value == f"=E{total}-E{total + 1}", ws[f"E{total + 2}"].value)
    values = [[ore(ws[f"{c}{5 + i}"].value) for c in "EFG"] for i in range(n_members)]
    check("contributions: each member's amount is the core's allocation",
          values == [c["amount"] for c in expected["contributions"]], values)

    ws = wb["Projektportfölj"]
    table = ws.tables.get("Projektportfolj")
    n_projects = expected["active_projects"]
    check("portfolio: an Excel table over the head, the projects and the totals",
          table is not None and table.ref == f"A4:P{5 + n_projects}", table.ref if table else None)
    check("portfolio: the table has an autofilter and a total row",
          table is not None and table.autoFilter is not None and table.totalsRowCount == 1,
          (table.autoFilter, table.totalsRowCount) if table else None)
    check("portfolio: dates are real dates",
          isinstance(ws["F5"].value, datetime.datetime) and ws["F5"].number_format == "yyyy-mm-dd",
          (ws["F5"].value, ws["F5"].number_format))
    check("portfolio: totals are formulas over the table's rows",
          ws[f"I{5 + n_projects}"].value == f"=SUBTOTAL(9,I5:I{4 + n_projects})", ws[f"I{5 + n_projects}"].value)

    # Recomputed by gnumeric from the formulas alone.
    calc = recalc(path, workdir)
    ws = calc["Budget"]
    for name, row in (("revenue", rev), ("costs", cost), ("result", result)):
        got = {c: ore(ws[f"{c}{row}"].value) for c in "CDEFG"}
        want = {c: expected[name][i] for c, i in BUDGET_COLUMNS.items()}
        check(f"recomputed budget: total {name} equals the core's, to the öre", got == want, (got, want))
    areas = {}
    section = None
    for r in range(5, ws.max_row + 1):
        a, b = ws[f"A{r}"].value, ws[f"B{r}"].value
        if a in ("Intäkter", "Kostnader"):
            section = "revenue" if a == "Intäkter" else "costs"
        if isinstance(b, str) and b.startswith("Summa ") and section:
            areas.setdefault(b[6:], {})[section] = [ore(ws[f"{c}{r}"].value) for c in "CDEFG"]
    bad = []
    for area in expected["areas"]:
        got = areas.get(area["name"], {})
        for section in ("revenue", "costs"):
            want = [area[section][i] for i in BUDGET_COLUMNS.values()]
            if section in got and got[section] != want:
                bad.append((area["name"], section, got[section], want))
            if section not in got and any(want):
                bad.append((area["name"], section, "missing", want))
    check("recomputed budget: every area's subtotal equals the core's", not bad, bad)

    ws = calc["Medlemsavgifter"]
    check("recomputed contributions: the total equals the frame",
          [ore(ws[f"{c}{total}"].value) for c in "EFG"] == expected["frame"],
          [ws[f"{c}{total}"].value for c in "EFG"])
    check("recomputed contributions: no difference from the frame",
          [ore(ws[f"{c}{total + 2}"].value) for c in "EFG"] == [0, 0, 0])
    parts = [[ore(ws[f"{c}{total + 5 + k}"].value) for c in "EFG"] for k in range(3)]
    check("recomputed contributions: the state half, the region and the municipalities a quarter each",
          parts == [[f // 2 for f in expected["frame"]], [f // 4 for f in expected["frame"]],
                    [f // 4 for f in expected["frame"]]], parts)

    ws = calc["Sammanfattning"]
    frame_row = find_row(ws, "A", "Budgetram")
    got = [[ore(ws[f"{c}{frame_row + 1 + i}"].value) for c in "BCD"] for i in range(n_members)]
    check("recomputed summary: each member's contribution", got == [c["amount"] for c in expected["contributions"]], got)
    row = find_row(ws, "A", "Summa medlemsavgifter")
    check("recomputed summary: contributions add up to the frame",
          [ore(ws[f"{c}{row}"].value) for c in "BCD"] == expected["frame"])
    for label_text, key in (("Summa intäkter", "revenue"), ("Summa kostnader", "costs"),
                            ("Resultat (intäkter − kostnader)", "result")):
        row = find_row(ws, "A", label_text)
        check(f"recomputed summary: {key}",
              [ore(ws[f"{c}{row}"].value) for c in "BCD"] == expected[key][:3],
              [ws[f"{c}{row}"].value for c in "BCD"])
    row = find_row(ws, "A", "Eget kapital som tas i anspråk")
    check("recomputed summary: equity used", ore(ws[f"B{row}"].value) == expected["equity_used"])

    ws = calc["Projektportfölj"]
    total_row = 5 + n_projects
    check("recomputed portfolio: granted per year",
          [ore(ws[f"{c}{total_row}"].value) for c in "IJK"] == expected["granted"],
          [ws[f"{c}{total_row}"].value for c in "IJK"])
    check("recomputed portfolio: participants women and men",
          [ws[f"{c}{total_row}"].value for c in "MN"] == [expected["women"], expected["men"]],
          [ws[f"{c}{total_row}"].value for c in "MN"])


def check_member(path, expected, workdir, amounts):
    name = os.path.basename(path)
    label = "member " + name.split(" – ", 1)[1][:-5]
    wb = openpyxl.load_workbook(path)
    check(f"{label}: sheet names", wb.sheetnames == MEMBER_SHEETS, wb.sheetnames)
    cover = wb["Översikt"]
    member = cover["A1"].value[len("Till "):] if str(cover["A1"].value).startswith("Till ") else None
    want = next((c for c in expected["contributions"] if c["name"] == member), None)
    check(f"{label}: the cover is addressed to the member", want is not None, cover["A1"].value)
    check(f"{label}: title names the member", member is not None and member in (wb.properties.title or ""),
          wb.properties.title)
    for ws in wb:
        check_common(ws, f"{label} {ws.title}")
    calc = recalc(path, workdir)
    got = [ore(calc["Översikt"][f"{c}5"].value) for c in "BCD"]
    check(f"{label}: its contribution, recomputed, equals the core's allocation",
          want is not None and got == want["amount"], (got, want))
    amounts.append(got)
    table = wb["Projekt"].tables.get("Projekt")
    check(f"{label}: its projects as a table", table is not None, list(wb["Projekt"].tables.keys()))


def main():
    binary = sys.argv[1]
    keep = sys.argv[sys.argv.index("--keep") + 1] if "--keep" in sys.argv else None
    out = keep or tempfile.mkdtemp(prefix="samplan-export-")
    work = tempfile.mkdtemp(prefix="samplan-recalc-")
    try:
        os.makedirs(out, exist_ok=True)
        run = subprocess.run([binary, "--write-to", out], capture_output=True, text=True)
        check("test-export --write-to wrote the workbooks", run.returncode == 0, run.stderr)
        if run.returncode != 0:
            return
        with open(os.path.join(out, "expected.json"), encoding="utf-8") as f:
            expected = json.load(f)
        files = expected["files"]
        check("one workbook for the treasurer and one per member",
              len(files) == 1 + len(expected["contributions"]) and files[0].endswith("– Kassör.xlsx"), files)
        check("file names are made safe",
              f"{ASSOCIATION} 2009 – =Fagersta_Norberg_ kommun.xlsx" in files, files)
        check("nothing but the workbooks in the folder",
              sorted(os.listdir(out)) == sorted(files + ["expected.json", "tkr"]), os.listdir(out))
        check_treasurer(os.path.join(out, files[0]), expected, work)
        amounts = []
        for name in files[1:]:
            check_member(os.path.join(out, name), expected, work, amounts)
        check("the members' recomputed contributions add up to the frame",
              [sum(a[i] for a in amounts) for i in range(3)] == expected["frame"], amounts)

        tkr = openpyxl.load_workbook(os.path.join(out, "tkr", files[0]))
        for ws in tkr:
            check_common(ws, f"tkr {ws.title}", tkr=True)
        check("tkr: values stay in kronor", tkr["Budget"]["E8"].value == 2000000, tkr["Budget"]["E8"].value)
    finally:
        shutil.rmtree(work, ignore_errors=True)
        if keep is None:
            shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    if shutil.which("ssconvert") is None:
        print("1..0 # SKIP ssconvert (gnumeric) is not installed")
        sys.exit(0)
    main()
    print(f"1..{n}")
    sys.exit(1 if failed else 0)
