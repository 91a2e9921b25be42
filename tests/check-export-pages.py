#!/usr/bin/python3
# check-export-pages.py: a long budget on paper: no page ends on a heading
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-export-pages.py SAMPLAN_BINARY PO_BUILD_DIR [--keep DIR]
#
# Makes copies of the example förbund whose budget of 2009 runs over several
# printed pages: six more groups of three areas each, with one to five lines
# per area, the counts shifted from copy to copy so that the headings fall at
# every place of a page in one copy or another. Exports each with `samplan
# --export-xlsx --through 12`, then, for the Budget sheet and the follow-up
# sheet (Uppföljning), which has the same headings:
#   - reads the sheet with openpyxl: printed at a fixed scale (a sheet
#     fitted to the page's width ignores page breaks) and with page breaks,
#     none of them right under a heading;
#   - prints the workbook to PDF with LibreOffice (`soffice --convert-to
#     pdf`, with Carlito for Calibri as a Linux office has it) and reads each
#     page back with `pdftotext`: the budget takes as many pages as it has
#     breaks plus one (LibreOffice broke no page of its own: the estimate of a
#     page's height errs on the short side), every line and heading is
#     printed, and no page's last line is a heading.
# gnumeric is no judge here: its PDF repeats no head rows and runs a scaled
# sheet's body into the page footer, whatever the workbook says.
# Prints TAP.

import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import warnings
import zipfile

import openpyxl

from check_util import check, done, swedish_env

warnings.filterwarnings("ignore", category=UserWarning)

ASSOCIATION = "Norra Västmanlands samordningsförbund"
TREASURER = f"{ASSOCIATION} 2009 – Kassör.xlsx"
# The sheets, and how the first printed page of each (and of the sheet
# after it) is known.
SHEETS = (("Budget", "Budget 2009 · belopp", "Uppföljning januari–december 2009"),
          ("Uppföljning", "Uppföljning januari–december 2009", "Medlemsavgifter 2009 · belopp"))
GROUPS = 6
AREAS = 3
COPIES = 5  # an area has one to five lines: five shifts put every heading everywhere
# The headings of the example's own budget of 2009.
SECTIONS = ("Intäkter", "Kostnader", "Medlemsavgifter enligt budgetramen")





def grow(example, path, shift):
    """A copy of @example with more groups, areas and lines in 2009; returns
    the names of its headings and lines."""
    shutil.copy(example, path)
    headings, lines = set(SECTIONS), []
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA foreign_keys = ON")
        accounts = [r[0] for r in db.execute(
            "SELECT number FROM account WHERE number BETWEEN 4000 AND 7999 ORDER BY number LIMIT 6")]
        headings.update(r[0] for r in db.execute("SELECT name FROM area_group WHERE year = 2009"))
        headings.update(r[0] for r in db.execute(
            "SELECT a.name FROM area a JOIN area_group g ON g.id = a.group_id WHERE g.year = 2009"))
        position = 1000
        for g in range(GROUPS):
            name = f"Tillagd grupp {g + 1}"
            group = db.execute("INSERT INTO area_group (year, position, name) VALUES (2009, ?, ?)",
                               (position, name)).lastrowid
            headings.add(name)
            for a in range(AREAS):
                name = f"Tillagt område {g + 1}.{a + 1}"
                area = db.execute("INSERT INTO area (group_id, position, name) VALUES (?, ?, ?)",
                                  (group, a, name)).lastrowid
                headings.add(name)
                for k in range(1 + (g * AREAS + a + shift) % 5):
                    text = f"Tillagd rad {g + 1}.{a + 1}.{k + 1}"
                    db.execute("INSERT INTO budget_line (year, area_id, account, position, text, budget, comment)"
                               " VALUES (2009, ?, ?, ?, ?, ?, ?)",
                               (area, accounts[k % len(accounts)], position, text, 1000 * (k + 1),
                                "En lång kommentar som bryts över flera rader i kolumnen för kommentarer. " * (k % 3)))
                    lines.append(text)
                    position += 1
    return headings, lines


def sheet_pages(pdf, first_title, next_title):
    """The text of each printed page of a sheet, in order: from the page
    with its title to the one before the next sheet's title."""
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], check=True, capture_output=True,
                          text=True).stdout
    pages = text.split("\f")
    first = next((i for i, p in enumerate(pages) if first_title in p), None)
    end = next((i for i, p in enumerate(pages) if next_title in p), None)
    if first is None or end is None:
        return []
    return pages[first:end]


def body_lines(page):
    """A page's lines without its page header (the first line: the förbund,
    the draft mark, the date) and footer (the last: "Sida N av M")."""
    lines = [line.strip() for line in page.splitlines() if line.strip()]
    return [line for line in lines[1:] if not re.search(r"Sida \d+ av \d+", line)]


def overlapping_columns(path):
    """The sheets of @path whose column widths are given in ranges that
    overlap, which Excel takes for a damaged file."""
    found = []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if not re.fullmatch(r"xl/worksheets/sheet\d+\.xml", name):
                continue
            ranges = sorted((int(a), int(b)) for a, b in
                            re.findall(r'<col min="(\d+)" max="(\d+)"', z.read(name).decode()))
            if any(ranges[i + 1][0] <= ranges[i][1] for i in range(len(ranges) - 1)):
                found.append((name, ranges))
    return found


def check_pdf(label, pdf, headings, lines, n_breaks, first_title, next_title):
    pages = sheet_pages(pdf, first_title, next_title)
    check(f"{label}: {n_breaks + 1} pages, as planned (no page broken by the program itself)",
          len(pages) == n_breaks + 1, f"{len(pages)} pages")
    printed = [line for page in pages for line in body_lines(page)]
    missing = [t for t in lines if not any(re.search(rf"\b{re.escape(t)}\b", p) for p in printed)]
    check(f"{label}: every line printed", not missing, missing[:5])
    missing = [h for h in headings if h.startswith("Tillag") and h not in printed]
    check(f"{label}: every heading printed, on a line of its own", not missing, missing[:5])
    for i, page in enumerate(pages):
        body = body_lines(page)
        last = body[-1] if body else ""
        check(f"{label}: page {i + 1} does not end on a heading",
              last not in headings, f"it ends on {last!r}")


def main():
    samplan, localedir = sys.argv[1], sys.argv[2]
    keep = sys.argv[4] if len(sys.argv) > 4 and sys.argv[3] == "--keep" else None
    soffice = shutil.which("soffice")
    if soffice is None or shutil.which("pdftotext") is None:
        print("1..0 # SKIP LibreOffice (soffice) or pdftotext (poppler-utils) is not installed")
        return 0
    work = tempfile.mkdtemp()
    env = swedish_env(localedir)
    try:
        example = os.path.join(work, "exempel.db")
        subprocess.run([samplan, "--create-example", example], env=env, check=True, capture_output=True)
        copies = []
        for shift in range(COPIES):
            label = f"copy {shift + 1}"
            db = os.path.join(work, f"lang-{shift}.db")
            headings, lines = grow(example, db, shift)
            out = os.path.join(work, f"ut-{shift}")
            os.makedirs(out)
            result = subprocess.run([samplan, "--export-xlsx", out, "--year", "2009", "--through", "12",
                                     "--allow-failed-checks", db], env=env, capture_output=True, text=True)
            check(f"{label}: exported", result.returncode == 0, result.stderr)
            path = os.path.join(work, f"kassor-{shift}.xlsx")
            shutil.copy(os.path.join(out, TREASURER), path)
            overlaps = overlapping_columns(path)
            check(f"{label}: no sheet gives a column's width twice", not overlaps, overlaps)
            workbook = openpyxl.load_workbook(path)
            for name, first_title, next_title in SHEETS:
                ws = workbook[name]
                breaks = [b.id for b in ws.row_breaks.brk]
                check(f"{label} {name}: printed at a fixed scale, not fitted to the page (which ignores breaks)",
                      not ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.scale is not None
                      and 10 <= int(ws.page_setup.scale) < 100, (ws.sheet_properties.pageSetUpPr.fitToPage,
                                                                 ws.page_setup.scale))
                check(f"{label} {name}: the long sheet has page breaks", len(breaks) >= 2, breaks)
                # A break's id is the last row (1-based) of its page.
                under = [b for b in breaks if (ws.cell(b, 1).value or ws.cell(b, 2).value) in headings]
                check(f"{label} {name}: no page break right under a heading", not under,
                      [(b, ws.cell(b, 1).value, ws.cell(b, 2).value) for b in under])
                copies.append((f"{label} {name}", path, headings, lines, len(breaks), first_title, next_title))

        # All copies in one LibreOffice, with a profile of its own so that
        # another LibreOffice running does not take the job.
        subprocess.run([soffice, f"-env:UserInstallation=file://{work}/profil", "--headless",
                        "--convert-to", "pdf", "--outdir", work] + sorted({c[1] for c in copies}),
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=900)
        for label, path, headings, lines, n_breaks, first_title, next_title in copies:
            check_pdf(f"{label}, LibreOffice", os.path.splitext(path)[0] + ".pdf", headings, lines, n_breaks,
                      first_title, next_title)
    finally:
        if keep:
            shutil.copytree(work, keep, dirs_exist_ok=True)
        shutil.rmtree(work, ignore_errors=True)
    return done()


if __name__ == "__main__":
    sys.exit(main())
