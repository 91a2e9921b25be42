#!/usr/bin/python3
# bench-export-peer.py: the export's peer, Python xlsxwriter writing the
# same cells as the export (and its floor) of build-aux/bench-export.c.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   bench-export-peer.py RECORD OUTDIR [RUNS]
#
# RECORD is written by `bench-export --dump RECORD`: the export's workbooks,
# sheets, formats, cells and tables. It is read into memory before the clock
# starts, as the floor's is; then every workbook is written RUNS times.
# Prints "RESULT peer=<median s> peer_min=… peer_max=… runs=N".
import datetime
import os
import re
import statistics
import sys
import time

import xlsxwriter

STYLE_TYPES = {0: "Medium", 1: "Light", 2: "Medium", 3: "Dark"}
UNESCAPE = re.compile(r"\\(.)")


def unescape(text):
    return UNESCAPE.sub(lambda m: {"t": "\t", "n": "\n", "r": "\r"}.get(m.group(1), m.group(1)), text)


def load(path):
    """The record as a list of workbooks, each a list of operations."""
    books = []
    with open(path, encoding="utf-8") as f:
        for raw in f:
            r = raw.rstrip("\n").split("\t")
            kind = r[0]
            if kind == "B":
                books.append([])
            elif kind == "S":
                books[-1].append(("S", unescape(r[1])))
            elif kind == "F":
                props = {"font_size": float(r[2]), "bold": r[3] == "1", "italic": r[4] == "1",
                         "indent": int(r[7]), "text_wrap": r[8] == "1", "top": int(r[9]), "bottom": int(r[10])}
                if int(r[5]):
                    props["font_color"] = "#%06X" % int(r[5])
                if int(r[6]):
                    props["bg_color"] = "#%06X" % int(r[6])
                if r[11]:
                    props["num_format"] = unescape(r[11])
                if r[12]:
                    props["font_name"] = unescape(r[12])
                books[-1].append(("F", int(r[1]), props))
            elif kind in "snbfd":
                sheet, row, col, fmt, number = int(r[1]), int(r[2]), int(r[3]), int(r[4]), float(r[5])
                if kind == "d":
                    y, m, d = (int(x) for x in r[6].split("-"))
                    value = datetime.datetime(y, m, d)
                else:
                    value = unescape(r[6])
                if kind == "f" and number.is_integer():
                    number = int(number)  # the cached result as C writes it: "12", not "12.0"
                books[-1].append((kind, sheet, row, col, fmt, number, value))
            elif kind == "T":
                sheet, row, col, last_row, last_col = (int(x) for x in r[1:6])
                total_row, style_type, style_number = r[6] == "1", int(r[7]), int(r[8])
                heads = [int(x) for x in r[9].split(",")] if r[9] else []
                name = unescape(r[10])
                strings = [unescape(x) for x in r[11:]]
                books[-1].append(("T", sheet, row, col, last_row, last_col, total_row, style_type, style_number,
                                  heads, name, strings))
    return books


def write(ops, path):
    wb = xlsxwriter.Workbook(path)
    sheets, formats = [], {0: None}
    for op in ops:
        kind = op[0]
        if kind in "snbfd":
            _, sheet, row, col, fmt, number, value = op
            ws, fmt = sheets[sheet], formats[fmt]
            if kind == "s":
                ws.write_string(row, col, value, fmt)
            elif kind == "n":
                ws.write_number(row, col, number, fmt)
            elif kind == "b":
                ws.write_blank(row, col, None, fmt)
            elif kind == "f":
                ws.write_formula(row, col, value, fmt, number)
            else:
                ws.write_datetime(row, col, value, fmt)
        elif kind == "S":
            ws = wb.add_worksheet(op[1])
            ws.set_paper(9)
            ws.set_landscape()
            ws.fit_to_pages(1, 0)
            ws.set_margins(0.5, 0.5, 0.75, 0.75)
            ws.repeat_rows(3, 3)
            ws.freeze_panes(4, 1)
            ws.set_header("&LFörbundet&RVerksamhetsplan och budget 2009")
            ws.set_footer("&LMottagare&RSida &P av &N")
            sheets.append(ws)
        elif kind == "F":
            formats[op[1]] = wb.add_format(op[2])
        elif kind == "T":
            _, sheet, row, col, last_row, last_col, total_row, style_type, style_number, heads, name, strings = op
            columns = []
            for c in range(len(strings) // 2):
                column = {"header": strings[2 * c]}
                if strings[2 * c + 1]:
                    column["total_string"] = strings[2 * c + 1]
                if c < len(heads) and heads[c]:
                    column["header_format"] = formats[heads[c]]
                columns.append(column)
            options = {"columns": columns, "total_row": total_row}
            if name:
                options["name"] = name
            if style_number:
                options["style"] = "Table Style %s %d" % (STYLE_TYPES.get(style_type, "Medium"), style_number)
            sheets[sheet].add_table(row, col, last_row, last_col, options)
    wb.close()


def main():
    record, out = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    books = load(record)
    os.makedirs(out, exist_ok=True)
    times = []
    for _ in range(runs):
        start = time.monotonic()
        for i, ops in enumerate(books):
            write(ops, os.path.join(out, "%d.xlsx" % i))
        times.append(time.monotonic() - start)
    print("RESULT peer=%.4f peer_min=%.4f peer_max=%.4f runs=%d"
          % (statistics.median(times), min(times), max(times), runs))


if __name__ == "__main__":
    main()
