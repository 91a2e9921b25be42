#!/usr/bin/python3
# sie-totals.py: an independent computation of an SIE file's totals, for test-sie.c
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Deliberately naive and separate from src/core/sie/ (the parser): a regular expression
# for the fields, Decimal for the amounts. Prints, one per line, tab-separated:
#   trans  YEAR  ACCOUNT  ÖRE   the sum of the #TRANS rows of the vouchers dated
#                               in the fiscal year YEAR (#RAR index)
#   res    YEAR  ACCOUNT  ÖRE   each #RES record
#   vouchers YEAR N             how many vouchers are dated in the year
# #TRANS and #RTRANS rows count; a #TRANS that repeats the #RTRANS right before
# it (as the standard asks, for older readers) does not count again; #BTRANS
# is struck. Lines end at LF, CR LF or CR alone, as the parser splits them.

import re
import sys
from decimal import Decimal

FIELD = re.compile(r'\{[^}]*\}|"(?:[^"\\]|\\.)*"|[^\s]+')


def fields(line):
    return [f[1:-1] if f.startswith('"') and f.endswith('"') and len(f) > 1 else f
            for f in FIELD.findall(line)]


def ore(text):
    return int(Decimal(text) * 100)


def main(path):
    with open(path, 'rb') as f:
        text = f.read().decode('latin-1')
    years = {}
    vouchers = []          # (date, {account: öre})
    results = []
    current = None
    added = None           # (account, öre) of an #RTRANS waiting for its repeat
    for raw in re.split(r'\r\n|\r|\n', text):
        f = fields(raw.strip(' \t'))
        if not f:
            continue
        label = f[0].upper()
        repeat = added
        added = None
        if label == '#RAR' and len(f) >= 4:
            years.setdefault(int(f[1]), (int(f[2]), int(f[3])))
        elif label == '#RES':
            results.append((int(f[1]), f[2], ore(f[3])))
        elif label == '#VER':
            current = (int(f[3]), {})
            vouchers.append(current)
        elif label in ('#TRANS', '#RTRANS') and current is not None:
            row = (f[1], ore(f[3]))
            if label == '#TRANS' and row == repeat:
                continue
            if label == '#RTRANS':
                added = row
            sums = current[1]
            sums[f[1]] = sums.get(f[1], 0) + row[1]
    # No current year: the calendar year of the first voucher, unless another holds it.
    if 0 not in years and vouchers:
        y = vouchers[0][0] // 10000
        if not any(end // 10000 == y for start, end in years.values()):
            years[0] = (y * 10000 + 101, y * 10000 + 1231)
    totals = {}
    counts = {}
    for date, sums in vouchers:
        for index, (start, end) in years.items():
            if start <= date <= end:
                counts[index] = counts.get(index, 0) + 1
                for account, amount in sums.items():
                    key = (index, account)
                    totals[key] = totals.get(key, 0) + amount
                break
    for (index, account), amount in sorted(totals.items()):
        print('trans\t%d\t%s\t%d' % (index, account, amount))
    for index, account, amount in results:
        print('res\t%d\t%s\t%d' % (index, account, amount))
    for index, n in sorted(counts.items()):
        print('vouchers\t%d\t%d' % (index, n))


if __name__ == '__main__':
    main(sys.argv[1])
