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

from check_util import check, done, recalc

warnings.filterwarnings("ignore", category=UserWarning)

ASSOCIATION = "Norra Västmanlands samordningsförbund"
TREASURER_SHEETS = ["Sammanfattning", "Budget", "Medlemsavgifter", "Fakturaunderlag", "Projektportfölj", "Mål",
                    "Kontroller"]
MEMBER_SHEETS = ["Översikt", "Budget", "Medlemsavgifter", "Projekt"]
LANDSCAPE = {"Budget", "Medlemsavgifter", "Fakturaunderlag", "Projektportfölj", "Projekt", "Mål", "Kontroller"}
FROZEN = {"Budget": "C5", "Medlemsavgifter": "B5", "Projektportfölj": "B5", "Projekt": "B5", "Mål": "A5",
          "Kontroller": "B5"}
# Budget sheet columns C..G hold the SpBudgetColumn indexes 3, 4, 0, 1, 2.
BUDGET_COLUMNS = {"C": 3, "D": 4, "E": 0, "F": 1, "G": 2}
HOSTILE = ["=Fagersta/Norberg: kommun", "+Studiebesök -och @temadagar", "=1+1", "@SUM(A1:A2)"]





def ore(value):
    """A cell's kronor in öre, or None; exact to the öre or it fails."""
    if value is None:
        return None
    cents = round(float(value) * 100)
    if abs(float(value) * 100 - cents) > 1e-6:
        return f"not whole öre: {value!r}"
    return cents




def find_row(ws, col, text):
    for row in range(1, ws.max_row + 1):
        if ws[f"{col}{row}"].value == text:
            return row
    return None


# Whether the exported year is adopted (expected.json says).
ADOPTED = None


def check_common(ws, label, tkr=False):
    setup = ws.page_setup
    check(f"{label}: A4 paper", str(setup.paperSize) == "9", setup.paperSize)
    want = "landscape" if ws.title in LANDSCAPE else "portrait"
    check(f"{label}: {want}", setup.orientation == want, setup.orientation)
    fit = ws.sheet_properties.pageSetUpPr
    # The portfolio goes over two pages wide, at a readable size, with the
    # project's name repeated on each; the budget is printed at a fixed
    # scale that makes it one page wide (it carries page breaks, which a
    # sheet fitted to the page would ignore); the other sheets fit one page wide.
    wide = ws.title in ("Projektportfölj", "Projekt")
    if ws.title in ("Budget",):
        # A4 landscape less half-inch margins, in points; a column's width
        # in Calibri's digits, 5.58 points each (LibreOffice's reckoning,
        # a little wider than Excel's).
        width = sum((ws.column_dimensions[openpyxl.utils.get_column_letter(c)].width or 8.43) * 5.58
                    for c in range(1, ws.max_column + 1))
        scale = int(setup.scale or 100)
        check(f"{label}: a fixed scale that makes it one page wide",
              not (fit is not None and fit.fitToPage) and width * scale / 100 <= (11.69 - 1.0) * 72
              and width * (scale + 2) / 100 > (11.69 - 1.0) * 72 * 0.95, (scale, width))
    else:
        check(f"{label}: fit to {'two pages' if wide else 'one page'} wide",
              fit is not None and fit.fitToPage and setup.fitToWidth in ((2, "2") if wide else (None, 1, "1"))
              and str(setup.fitToHeight) == "0", (setup.fitToWidth, setup.fitToHeight))
    if wide:
        check(f"{label}: the project's name on every page", ws.print_title_cols in ("A:A", "$A:$A"), ws.print_title_cols)
        check(f"{label}: the head row as high as its wrapped heads",
              (ws.row_dimensions[4].height or 0) >= 45, ws.row_dimensions[4].height)
    header = ws.oddHeader
    check(f"{label}: page header names the förbund",
          header.left.text == ASSOCIATION, header.left.text)
    right = header.right.text or ""
    check(f"{label}: every page says the export date, and UTKAST on a draft",
          "exporterad 2009-01-01" in right and ("UTKAST" in right) == (not ADOPTED), right)
    check(f"{label}: the header has no middle part to run into the others", header.center.text is None,
          header.center.text)
    footer = ws.oddFooter
    check(f"{label}: page footer names the document and the year",
          "Verksamhetsplan och budget 2009" in (footer.left.text or ""), footer.left.text)
    check(f"{label}: page footer Sida &P av &N", footer.right.text == "Sida &P av &N", footer.right.text)
    if ws.title in FROZEN:
        check(f"{label}: frozen head row", ws.freeze_panes == FROZEN[ws.title], ws.freeze_panes)
        check(f"{label}: head row repeated on every page", ws.print_title_rows == "$4:$4",
              ws.print_title_rows)
    widths = [ws.column_dimensions[c].width for c in "AB"]
    check(f"{label}: column widths set", all(w and w > 8 for w in widths), widths)
    # An invoice basis is never in tkr.
    money = "#,##0," if tkr and ws.title != "Fakturaunderlag" else "#,##0"
    formats = {c.number_format for row in ws.iter_rows() for c in row
               if isinstance(c.value, (int, float)) and c.number_format not in
               ("0", "0%", "0.00%", "yyyy-mm-dd")}
    empty = any(c.value == "Inga projekt" for c in ws["A"])
    if ws.title not in ("Mål", "Sammanfattning", "Översikt") and not empty:
        check(f"{label}: money in {money}", formats <= {money, "#,##0"} and money in formats, formats)
    elif empty:
        check(f"{label}: no money where there are no projects", formats == set(), formats)
    # The control rows (check-export-checks.py reads them) and the first
    # sheet's word on them are IF and ROUND formulas of our own.
    ours = ("=IF(", "=ROUND(") if ws.title == "Kontroller" else ()
    strings_as_formulas = [c.coordinate for row in ws.iter_rows() for c in row
                           if c.data_type == "f" and not str(c.value).startswith(
                               ("=SUM", "=SUBTOTAL", "='", "=SUMIF", "=0") + ours) and
                           not (ws.title == "Sammanfattning" and c.coordinate == "A3" and
                                str(c.value).startswith("=IF(COUNTIF('Kontroller'!")) and
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
    # Formulas whose value is text (the control rows' verdicts) aside.
    numbers = re.findall(r"<v>([^<]*)</v>", re.sub(r'<c [^>]*t="str"[^>]*>.*?</c>', "", " ".join(sheets)))
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
    check("budget: every subtotal and total is a SUM formula or empty",
          sums and all(s is None or str(s).startswith("=SUM(") for s in sums), sums[:6])
    # The example has no plan for 2008: "Budget 2008" (C) has costs but no
    # revenue, so its revenue sums and its result are empty, not 0 and −costs;
    # the other columns keep their live formulas.
    check("budget: no revenue in Budget 2008, its sums empty",
          ws[f"C{rev}"].value is None and ws["C10"].value is None and ws[f"C{result}"].value is None,
          (ws[f"C{rev}"].value, ws["C10"].value, ws[f"C{result}"].value))
    check("budget: the costs of Budget 2008 a SUM formula",
          str(ws[f"C{cost}"].value).startswith("=SUM("), ws[f"C{cost}"].value)
    check("budget: result = revenue − costs as a formula",
          all(ws[f"{c}{result}"].value == f"={c}{rev}-{c}{cost}" for c in "EFG")
          and all(ws[f"{c}{result}"].value in (None, f"={c}{rev}-{c}{cost}") for c in "CD"),
          [ws[f"{c}{result}"].value for c in "CDEFG"])
    check("budget: a result wherever there is revenue, none where there is none",
          all((ws[f"{c}{rev}"].value is None) == (ws[f"{c}{result}"].value is None) for c in "CDEFG"),
          [(ws[f"{c}{rev}"].value, ws[f"{c}{result}"].value) for c in "CDEFG"])
    # The members' contributions head the revenue, derived per payer, on the
    # förbund's accounts, with a SUM of their own; none of them is typed.
    derived = [r for r in range(5, rev) if ws[f"A{r}"].value in (3510, 3520, 3530)]
    check("budget: the contributions head the revenue, one line per payer",
          ws["A5"].value == "Intäkter" and ws["B6"].value == "Medlemsavgifter enligt budgetramen" and derived == [7, 8, 9]
          and [ws[f"A{r}"].value for r in derived] == [3510, 3520, 3530]
          and [ws[f"B{r}"].value for r in derived] == ["Försäkringskassan", "Landstinget Västmanland", "Kommunerna"],
          [(ws[f"A{r}"].value, ws[f"B{r}"].value) for r in range(5, 11)])
    check("budget: the account is a number", ws["A7"].value == 3510 and ws["A7"].number_format == "0",
          (ws["A7"].value, ws["A7"].number_format))
    check("budget: the contributions' subtotal is a SUM of their lines",
          ws["B10"].value == "Summa medlemsavgifter" and ws["E10"].value == "=SUM(E7:E9)",
          (ws["B10"].value, ws["E10"].value))
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
          table is not None and table.ref == f"A4:Q{5 + n_projects}", table.ref if table else None)
    check("portfolio: the table has an autofilter and a total row",
          table is not None and table.autoFilter is not None and table.totalsRowCount == 1,
          (table.autoFilter, table.totalsRowCount) if table else None)
    check("portfolio: dates are real dates",
          isinstance(ws["F5"].value, datetime.datetime) and ws["F5"].number_format == "yyyy-mm-dd",
          (ws["F5"].value, ws["F5"].number_format))
    # The owner as shown (the förbund's name for its own project) and the
    # latest decision: its date, § and what it said.
    heads = [ws.cell(4, c).value for c in range(1, 18)]
    check("portfolio: the latest decision's columns",
          heads[14:17] == ["Senaste styrelsebeslut", "§", "Beslutet"], heads[14:17])
    bad = []
    for r in range(5, 5 + n_projects):
        name = ws[f"A{r}"].value
        if ws[f"C{r}"].value != expected["owners"].get(name):
            bad.append((name, ws[f"C{r}"].value, expected["owners"].get(name)))
        want = expected["latest_decisions"].get(name)
        date = ws[f"O{r}"].value
        got = [date.strftime("%Y-%m-%d") if isinstance(date, datetime.datetime) else date,
               ws[f"P{r}"].value, ws[f"Q{r}"].value]
        if want is None and any(got) or want is not None and got != want:
            bad.append((name, got, want))
    check("portfolio: each project's owner and latest decision (date, §, what)", not bad, bad)
    check("portfolio: the förbund's own project shows its name",
          ASSOCIATION in [ws[f"C{r}"].value for r in range(5, 5 + n_projects)])
    check("portfolio: an extension is the latest decision, with its text",
          any(ws[f"P{r}"].value == "§ 40" and "förlängs ett år, till 2011-12-31" in (ws[f"Q{r}"].value or "")
              for r in range(5, 5 + n_projects)))

    check("portfolio: totals are formulas over the table's rows",
          ws[f"I{5 + n_projects}"].value == f"=SUBTOTAL(9,I5:I{4 + n_projects})", ws[f"I{5 + n_projects}"].value)

    # The goals: the follow-up status and comment beside the outcome; the
    # first goal is partly achieved, the others not yet assessed.
    ws = wb["Mål"]
    head = [c.value for c in ws[4]]
    check("goals: Status and Kommentar after Utfall", head[6:9] == ["Utfall", "Status", "Kommentar"], head)
    statuses = [ws.cell(r, 8).value for r in range(5, ws.max_row + 1) if ws.cell(r, 2).value]
    check("goals: each goal's status in Swedish",
          statuses[:1] == ["delvis uppnått"] and len(statuses) > 1 and set(statuses[1:]) == {"ej bedömt"}, statuses)
    check("goals: the comment as text", ws["I5"].value == "-2 deltagare kvar" and ws["I5"].data_type == "s",
          (ws["I5"].value, ws["I5"].data_type))

    # Recomputed by gnumeric from the formulas alone.
    calc = recalc(path, workdir)
    ws = calc["Budget"]
    # Empty (None) exactly where the core leaves the sum empty (null).
    for name, row in (("revenue", rev), ("costs", cost), ("result", result)):
        got = {c: ore(ws[f"{c}{row}"].value) for c in "CDEFG"}
        want = {c: expected[name][i] for c, i in BUDGET_COLUMNS.items()}
        check(f"recomputed budget: total {name} equals the core's, to the öre", got == want, (got, want))
    check("recomputed budget: Budget 2008 has costs but neither revenue nor result",
          ws[f"C{rev}"].value is None and ws[f"C{result}"].value is None and ore(ws[f"C{cost}"].value),
          (ws[f"C{rev}"].value, ws[f"C{result}"].value, ws[f"C{cost}"].value))
    check("recomputed budget: the contributions' lines add up to the frame",
          [ore(ws[f"{c}10"].value) for c in "EFG"] == expected["frame"],
          [ws[f"{c}10"].value for c in "EFG"])
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

    # The invoice basis: every paying member's contribution, in instalments
    # that add up to it (recomputed), in whole kronor.
    ws = calc["Fakturaunderlag"]
    head = find_row(ws, "A", "Medlem")
    rows = {}
    for r in range(head + 1, ws.max_row + 1):
        if ws[f"A{r}"].value:
            rows[ws[f"A{r}"].value] = r
    paying = [c for c in expected["contributions"] if c["amount"][0]]
    check("invoice basis: a row for every paying member", len(rows) == len(paying), list(rows))
    heads = [ws.cell(head, c).value for c in range(1, ws.max_column + 1)]
    n_parts = sum(1 for h in heads if str(h).startswith("Delbetalning"))
    bad = []
    for c in paying:
        r = next((row for name, row in rows.items() if name.startswith(c["name"])), None)
        if r is None:
            bad.append((c["name"], "missing"))
            continue
        parts = [ore(ws.cell(r, 5 + i).value) for i in range(n_parts)]
        total = ore(ws.cell(r, 5 + n_parts).value)
        if ore(ws[f"B{r}"].value) != c["amount"][0] or sum(parts) != c["amount"][0] or total != c["amount"][0] \
                or any(p % 100 for p in parts) or max(parts) - min(parts) > 100:
            bad.append((c["name"], ws[f"B{r}"].value, parts, total))
    check("invoice basis: instalments in whole kronor that make each contribution", not bad, bad)
    check("invoice basis: quarterly, with due dates", n_parts == 4 and "förfaller 2009-04-30" in str(heads), heads)


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
    ws = wb["Projekt"]
    table = ws.tables.get("Projekt")
    check(f"{label}: the whole portfolio as a table", table is not None, list(ws.tables.keys()))
    if table is not None:
        min_col, min_row, max_col, max_row = openpyxl.utils.range_boundaries(table.ref)
        # The head row, the projects, then the total row.
        rows = list(ws.iter_rows(min_row=min_row + 1, max_row=max_row - 1, min_col=min_col, max_col=max_col))
        check(f"{label}: every project of the year, as the member pays for all",
              len(rows) == expected["active_projects"], len(rows))
        head = [c.value for c in ws[min_row]]
        owned = [r[-1].value for r in rows].count("Projektägare")
        check(f"{label}: its own projects marked", head[-1] == "Er roll" and want is not None
              and owned == want["projects"], (head[-1], owned, want and want["projects"]))
        # Its own co-funding, money and in kind apart; empty where it gives none.
        cash_col = head.index("Er medfinansiering 2009, pengar") if "Er medfinansiering 2009, pengar" in head else None
        check(f"{label}: its own co-funding in two columns, money then in kind",
              cash_col is not None and head[cash_col + 1] == "Er medfinansiering 2009, som insats", head)
        if cash_col is not None and want is not None:
            own = {name: [cash, kind] for name, cash, kind in want["cofunding"]}
            got = {}
            for r in rows:
                cells = [ore(r[cash_col].value), ore(r[cash_col + 1].value)]
                if cells != [None, None]:
                    got[r[0].value] = cells
            check(f"{label}: each project's co-funding is its own, money and in kind apart", got == own, (got, own))
            formulas = [ws.cell(max_row, min_col + cash_col + k).value for k in (0, 1)]
            check(f"{label}: its co-funding totals are formulas",
                  all(str(f).startswith("=SUBTOTAL(9,") for f in formulas), formulas)
            calc_ws = calc["Projekt"]
            sums = [ore(calc_ws.cell(max_row, min_col + cash_col + k).value) or 0 for k in (0, 1)]
            check(f"{label}: its co-funding totals, recomputed",
                  sums == [sum(c or 0 for _, c, _k in want["cofunding"]), sum(k or 0 for _, _c, k in want["cofunding"])],
                  (sums, want["cofunding"]))
    if want is not None:
        check_cover_cofunding(label, cover, calc["Översikt"], want["cofunding"])


def check_cover_cofunding(label, cover, calc, cofunding):
    """The cover's "Er medfinansiering 2009": money and in kind apart (empty
    where none) and their sum as a formula, or "Ingen medfinansiering"."""
    row = find_row(cover, "A", "Er medfinansiering 2009")
    check(f"{label}: the cover has its own co-funding", row is not None, [c.value for c in cover["A"]])
    if row is None:
        return
    if not cofunding:
        check(f"{label}: the cover says it gives no co-funding",
              cover[f"A{row + 1}"].value == "Ingen medfinansiering" and cover[f"B{row + 1}"].value is None
              and cover[f"A{row + 2}"].value != "I pengar", cover[f"A{row + 1}"].value)
        return
    cash = [c for _, c, _k in cofunding if c is not None]
    kind = [k for _, _c, k in cofunding if k is not None]
    labels = [cover[f"A{row + i}"].value for i in (1, 2, 3)]
    got = [ore(cover[f"B{row + i}"].value) for i in (1, 2)]
    check(f"{label}: the cover's co-funding, money and in kind apart",
          labels == ["I pengar", "I form av insats", "Summa"]
          and got == [sum(cash) if cash else None, sum(kind) if kind else None], (labels, got, cofunding))
    total = cover[f"B{row + 3}"].value
    check(f"{label}: the cover's co-funding total is a formula", str(total).startswith("=SUM("), total)
    check(f"{label}: the cover's co-funding total, recomputed",
          ore(calc[f"B{row + 3}"].value) == sum(cash) + sum(kind), (calc[f"B{row + 3}"].value, cofunding))


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
        global ADOPTED
        ADOPTED = expected["adopted"]
        check("one workbook for the treasurer and one per member",
              len(files) == 1 + len(expected["contributions"]) and files[0].endswith("– Kassör.xlsx"), files)
        check("file names are made safe",
              f"{ASSOCIATION} 2009 – =Fagersta_Norberg_ kommun.xlsx" in files, files)
        check("nothing but the workbooks in the folder",
              sorted(os.listdir(out)) == sorted(files + ["expected.json", "tkr", "next"]), os.listdir(out))
        check_treasurer(os.path.join(out, files[0]), expected, work)
        amounts = []
        for name in files[1:]:
            check_member(os.path.join(out, name), expected, work, amounts)
        check("the members' recomputed contributions add up to the frame",
              [sum(a[i] or 0 for a in amounts) for i in range(3)] == expected["frame"], amounts)

        tkr = openpyxl.load_workbook(os.path.join(out, "tkr", files[0]))
        for ws in tkr:
            check_common(ws, f"tkr {ws.title}", tkr=True)
        check("tkr: values stay in kronor", tkr["Budget"]["E7"].value == 2000000, tkr["Budget"]["E7"].value)
        # The next year before this year's actuals: its "Utfall 2009" column
        # is empty from top to bottom, sums included; the others are not.
        name = next(n for n in os.listdir(os.path.join(out, "next")) if n.endswith("Kassör.xlsx"))
        ws = openpyxl.load_workbook(os.path.join(out, "next", name))["Budget"]
        head = [c.value for c in ws[4]]
        col = head.index("Utfall 2009") + 1 if "Utfall 2009" in head else None
        values = [ws.cell(r, col).value for r in range(5, ws.max_row + 1)] if col else None
        check("an actuals column without figures is empty, not 0",
              values is not None and all(v is None for v in values), (head, values))
        budget_col = head.index("Budget 2010") + 1 if "Budget 2010" in head else None
        check("beside it, the budget year's column has its figures and sums",
              budget_col is not None and any(isinstance(ws.cell(r, budget_col).value, (int, float)) for r in range(5, ws.max_row + 1))
              and any(str(ws.cell(r, budget_col).value).startswith("=") for r in range(5, ws.max_row + 1)), head)
        for ws in tkr:
            if ws.title == "Mål":
                continue  # no amounts
            if ws.title == "Fakturaunderlag":
                check("tkr Fakturaunderlag: in kronor even so", "belopp i kr" in str(ws["A2"].value), ws["A2"].value)
                continue
            subtitle = next((c.value for row in ws.iter_rows() for c in row
                             if isinstance(c.value, str) and "tkr" in c.value), None)
            check(f"tkr {ws.title}: says that its amounts are rounded",
                  subtitle is not None and "avrundat" in subtitle, subtitle)
        # A member's cover in tkr: what it is invoiced stays in whole kronor.
        for name in files[1:]:
            cover = openpyxl.load_workbook(os.path.join(out, "tkr", name))["Översikt"]
            want = next(c for c in expected["contributions"] if cover["A5"].value.startswith(c["name"]))
            cells = [cover[f"{c}5"] for c in "BCD"]
            check(f"tkr member {name}: its contribution shown in whole kronor",
                  all(c.number_format == "#,##0" for c in cells if c.value is not None) and
                  any("faktureras" in str(c.value) for c in cover["A"]),
                  ([c.number_format for c in cells], want["amount"]))
    finally:
        shutil.rmtree(work, ignore_errors=True)
        if keep is None:
            shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    if shutil.which("ssconvert") is None:
        print("1..0 # SKIP ssconvert (gnumeric) is not installed")
        sys.exit(0)
    main()
    sys.exit(done())
