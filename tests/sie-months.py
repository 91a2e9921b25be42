#!/usr/bin/python3
# sie-months.py: an independent computation of an SIE file's monthly actuals, for test-sie-months.c
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Separate from src/core/sie/ (the parser and sp-sie-months.c): a regular expression for
# the fields, Decimal for the amounts. Follows the rule of HACKING.md "SIE files" for the
# fiscal year 0 (a calendar year): a month's total is the account's #PSALDO with an empty
# object list, else its voucher rows' sum; the month is split by the voucher rows when
# they add up to the total, else by the #PSALDO rows naming one object. Prints, one per
# line, tab-separated, in the file's sign (debit positive):
#   part  MONTH  ACCOUNT  AREA-OBJECT|-  PROJECT-OBJECT|-  ÖRE
#   rest  MONTH  ACCOUNT  ÖRE        what no object of dimension 1 or 6 takes
# An object no choice maps stays in the rest: the test does that part.

import re
import sys
from decimal import Decimal

FIELD = re.compile(r'\{[^}]*\}|"(?:[^"\\]|\\.)*"|[^\s]+')


def fields(line):
    return FIELD.findall(line)


def unquote(text):
    return text[1:-1] if len(text) > 1 and text.startswith('"') else text


def objects(field):
    items = [unquote(i) for i in FIELD.findall(field[1:-1])]
    return dict(zip(items[0::2], items[1::2])), len(items)


def ore(text):
    return int(Decimal(text) * 100)


def main(path):
    with open(path, 'rb') as f:
        lines = f.read().decode('latin-1').splitlines()
    year = None
    totals = {}        # (account, month) -> öre from #PSALDO {}
    psaldo_parts = {}  # (account, month) -> [(area, project, öre)]
    vouchers = {}      # (account, month) -> öre
    voucher_parts = {}
    voucher_date = None
    for line in lines:
        f = fields(line.strip())
        if not f:
            continue
        label = f[0].upper()
        if label == '#RAR' and f[1] == '0':
            year = int(f[2][:4])
        elif label == '#PSALDO' and f[1] == '0':
            month = int(f[2][4:])
            objs, n = objects(f[4])
            key = (f[3], month)
            if n == 0:
                totals.setdefault(key, ore(f[5]))
            elif n == 2 and ('1' in objs or '6' in objs):
                psaldo_parts.setdefault(key, []).append((objs.get('1', '-'), objs.get('6', '-'), ore(f[5])))
        elif label == '#VER':
            voucher_date = f[3]
        elif label == '#TRANS':
            date = f[4] if len(f) > 4 and f[4][:4] == str(year) else voucher_date
            key = (f[1], int(date[4:6]))
            vouchers[key] = vouchers.get(key, 0) + ore(f[3])
            objs, n = objects(f[2])
            if '1' in objs or '6' in objs:
                voucher_parts.setdefault(key, []).append((objs.get('1', '-'), objs.get('6', '-'), ore(f[3])))
    with_periods = {account for (account, month) in totals}
    keys = set(totals) | {k for k in vouchers if k[0] not in with_periods}
    for key in sorted(keys):
        account, month = key
        if int(account) < 3000 or int(account) >= 9000:
            continue
        total = totals[key] if account in with_periods else vouchers[key]
        parts = voucher_parts.get(key, []) if vouchers.get(key) == total else psaldo_parts.get(key, [])
        rest = total
        for (area, project, amount) in parts:
            print('part\t%d\t%s\t%s\t%s\t%d' % (month, account, area, project, amount))
            rest -= amount
        print('rest\t%d\t%s\t%d' % (month, account, rest))


if __name__ == '__main__':
    main(sys.argv[1])
