#!/usr/bin/python3
# sie-hostile.py: writes hostile SIE files, for test-sie-hostile.c and the fuzz corpus
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: sie-hostile.py OUTDIR
#
# Starts from small valid books of a samordningsförbund (a fiscal year, accounts,
# #RES and vouchers) and spoils one record at a time: every record kind with a
# field missing, all fields missing, an extra field, a huge field, a negative
# field, a non-numeric field, an unterminated quote or brace, and a NUL byte
# in a field. The files take turns over the line ends (LF, CR LF, CR, LF CR)
# and the encodings (CP437, Latin-1, UTF-8), and each of the valid books is
# written in every line end and encoding as well. The names say what was done:
# NNNN-LABEL-MUTATION-ENDS-ENCODING.se.

import os
import sys

LINE_ENDS = [('lf', '\n'), ('crlf', '\r\n'), ('cr', '\r'), ('lfcr', '\n\r')]
ENCODINGS = ['cp437', 'latin-1', 'utf-8']

HEAD = [
    '#FLAGGA 0',
    '#PROGRAM "Testprogram" 1.0',
    '#FORMAT PC8',
    '#GEN 20250110',
    '#SIETYP 4',
    '#KPTYP BAS2008',
    '#FNAMN "Samordningsförbundet Övre Ådalen"',
    '#ORGNR 222000-1479',
    '#RAR 0 20240101 20241231',
    '#RAR -1 20230101 20231231',
    '#KONTO 1930 "Bank"',
    '#KONTO 3510 "Bidrag från staten"',
    '#KONTO 4600 "Köp av tjänster"',
    '#KONTO 7900 "Övriga kostnader"',
    '#KTYP 3510 I',
    '#DIM 6 "Projekt"',
    '#UNDERDIM 20 "Delprojekt" 6',
    '#OBJEKT 6 "47" "Kuggen"',
    '#IB 0 1930 10000.00',
    '#UB 0 1930 12500.00',
    '#PSALDO 0 202401 4600 {} 100.00',
    '#PBUDGET 0 202401 4600 {} 200.00',
    '#RES -1 3510 -900.00',
]
VOUCHERS = [
    '#VER A 1 20240115 "Bidrag från staten"',
    '{',
    '#TRANS 1930 {} 1000.00',
    '#TRANS 3510 {} -1000.00',
    '}',
    '#VER A 2 20240301 "Tjänster åt Kuggen"',
    '{',
    '#TRANS 4600 {6 "47"} 300.50 20240301 "Kuggen"',
    '#RTRANS 7900 {} 20.00',
    '#TRANS 7900 {} 20.00',
    '#BTRANS 7900 {} 5.00',
    '#TRANS 1930 {} -320.50',
    '}',
]

# A record of each kind as it may stand in a file; rows are placed inside a voucher.
RECORDS = {
    '#FLAGGA': '#FLAGGA 0',
    '#FORMAT': '#FORMAT PC8',
    '#SIETYP': '#SIETYP 4',
    '#PROGRAM': '#PROGRAM "Testprogram" 1.0',
    '#GEN': '#GEN 20250110',
    '#FNAMN': '#FNAMN "Samordningsförbundet Övre Ådalen"',
    '#ORGNR': '#ORGNR 222000-1479',
    '#KPTYP': '#KPTYP BAS2008',
    '#RAR': '#RAR -2 20220101 20221231',
    '#KONTO': '#KONTO 6110 "Kontorsmaterial"',
    '#KTYP': '#KTYP 4600 K',
    '#DIM': '#DIM 1 "Kostnadsställe"',
    '#UNDERDIM': '#UNDERDIM 21 "Del" 1',
    '#OBJEKT': '#OBJEKT 1 "10" "Kansli"',
    '#IB': '#IB 0 1930 10000.00',
    '#UB': '#UB 0 1930 12500.00',
    '#RES': '#RES 0 6110 250.00',
    '#PSALDO': '#PSALDO 0 202402 4600 {6 "47"} 100.00',
    '#PBUDGET': '#PBUDGET 0 202402 4600 {} 200.00',
    '#VER': '#VER B 1 20240601 "Material"',
    '#TRANS': '#TRANS 7900 {} 12.00 20240301 "Rad"',
    '#RTRANS': '#RTRANS 7900 {} 12.00',
    '#BTRANS': '#BTRANS 7900 {} 12.00',
    '#KSUMMA': '#KSUMMA 12345',
}
ROWS = {'#TRANS', '#RTRANS', '#BTRANS'}


def split(record):
    """The label and the fields of a record, quotes and braces kept."""
    out, i = [], 0
    while i < len(record):
        if record[i] == ' ':
            i += 1
            continue
        j = i
        if record[i] == '"':
            j = record.index('"', i + 1) + 1
        elif record[i] == '{':
            j = record.index('}', i) + 1
        else:
            while j < len(record) and record[j] != ' ':
                j += 1
        out.append(record[i:j])
        i = j
    return out


def mutations(record):
    """(name, spoilt record) for every way of spoiling @record."""
    f = split(record)
    label, rest = f[0], f[1:]
    last = len(rest) - 1
    yield 'missing-last', ' '.join([label] + rest[:-1])
    yield 'missing-all', label
    yield 'extra', record + ' 1 "extra" {1 "x"} 99'
    for i in range(len(rest)):
        yield 'huge-%d' % i, ' '.join([label] + rest[:i] + ['9' * 4000] + rest[i + 1:])
        yield 'negative-%d' % i, ' '.join([label] + rest[:i] + ['-' + rest[i].strip('"')] + rest[i + 1:])
        yield 'nonnumeric-%d' % i, ' '.join([label] + rest[:i] + ['1x2,5'] + rest[i + 1:])
        yield 'nul-%d' % i, ' '.join([label] + rest[:i] + [rest[i][:1] + '\0' + rest[i][1:]] + rest[i + 1:])
    yield 'unterminated-quote', record + ' "no end'
    yield 'unterminated-brace', ' '.join([label] + [('{' + x.strip('{}')) if x.startswith('{') else x for x in rest]) \
        if any(x.startswith('{') for x in rest) else record + ' {1 "x"'
    yield 'huge-amount', ' '.join([label] + rest[:last] + ['99999999999999.99']) if last >= 0 else record
    yield 'overflow-amount', ' '.join([label] + rest[:last] + ['-9223372036854775808']) if last >= 0 else record


def books(extra=None, label=None):
    """The valid books, with @extra put where a record of @label stands."""
    head, vouchers = list(HEAD), list(VOUCHERS)
    if extra is not None:
        if label in ROWS:
            vouchers.insert(3, extra)
        elif label == '#VER':
            vouchers[5:5] = [extra, '{', '#TRANS 7900 {} 1.00', '#TRANS 1930 {} -1.00', '}']
        elif label == '#KSUMMA':
            head.insert(0, '#KSUMMA')
            vouchers.append(extra)
        else:
            head.append(extra)
    return head + vouchers


def encode(text, encoding):
    return text.encode(encoding, errors='replace')


def write(outdir, name, lines, ends, encoding):
    with open(os.path.join(outdir, name), 'wb') as f:
        f.write(encode(ends.join(lines) + ends, encoding))


def main(outdir):
    os.makedirs(outdir, exist_ok=True)
    n = 0
    for ends_name, ends in LINE_ENDS:
        for encoding in ENCODINGS:
            write(outdir, '%04d-valid-%s-%s.se' % (n, ends_name, encoding), books(), ends, encoding)
            n += 1
    for label, record in RECORDS.items():
        for mutation, spoilt in mutations(record):
            ends_name, ends = LINE_ENDS[n % len(LINE_ENDS)]
            encoding = ENCODINGS[(n // len(LINE_ENDS)) % len(ENCODINGS)]
            name = '%04d-%s-%s-%s-%s.se' % (n, label[1:].lower(), mutation, ends_name, encoding)
            write(outdir, name, books(spoilt, label), ends, encoding)
            n += 1
    # A file cut off in a voucher, and one with only a byte-order mark and a NUL.
    write(outdir, '%04d-cut-off-lf-utf-8.se' % n, books()[:-3], '\n', 'utf-8')
    with open(os.path.join(outdir, '%04d-bom-nul.se' % (n + 1)), 'wb') as f:
        f.write(b'\xef\xbb\xbf#FLAGGA 0\n\0')
    print(n + 2)


if __name__ == '__main__':
    main(sys.argv[1])
