# check_util.py: what the Python checks of the workbooks share: TAP output,
# the Swedish environment the binary runs in, gnumeric's recomputation
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import subprocess

import openpyxl

_n = 0
_failed = 0


def check(what, condition, detail=""):
    """One TAP result; @detail is printed as a comment when it fails."""
    global _n, _failed
    _n += 1
    if condition:
        print(f"ok {_n} - {what}")
    else:
        _failed += 1
        print(f"not ok {_n} - {what}")
        if detail:
            for line in str(detail).splitlines():
                print(f"# {line}")


def done():
    """Prints the plan; returns the exit status (1 when a check failed)."""
    print(f"1..{_n}")
    return 1 if _failed else 0


def swedish_env(localedir):
    """The environment for running samplan in Swedish, with no display."""
    env = dict(os.environ, SAMPLAN_LOCALEDIR=localedir, LANG="sv_SE.UTF-8", LANGUAGE="sv", LC_ALL="")
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    return env


def plain(text):
    """Text with the spaces of numbers (no-break, narrow, thin) made plain."""
    if text is None:
        return None
    for space in ("\u202f", "\u00a0", "\u2009", "\u2007"):
        text = text.replace(space, " ")
    return text


def digits(text):
    """@text with the thousands separators inside numbers taken out: FIXED()
    groups digits as the recalculating program's locale says ("400 000",
    "400,000"), the cached text as Samplan's ("400 000")."""
    return re.sub(r"(?<=\d)[ ,.](?=\d{3}\b)", "", text)


def recalc(path, workdir, change=None):
    """The workbook with every cached value removed (and @change applied to
    its openpyxl workbook first), recomputed by gnumeric."""
    base = os.path.splitext(os.path.basename(path))[0]
    stripped = os.path.join(workdir, base + ".stripped.xlsx")
    computed = os.path.join(workdir, base + ".recalc.xlsx")
    wb = openpyxl.load_workbook(path)  # formulas only: saving drops cached values
    if change is not None:
        change(wb)
    wb.save(stripped)
    subprocess.run(["ssconvert", "--recalc", stripped, computed],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return openpyxl.load_workbook(computed, data_only=True)
