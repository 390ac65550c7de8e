"""A tensor's numbers choose fixed or scientific form together, by numpy's rule
(arrayprint.py, FloatingFormat): scientific for the whole array when its largest nonzero
magnitude is >= 1e8, its smallest < 1e-4, or the largest over the smallest > 1e3. The bug
this guards: `tensor w = [[1e20], [0.5]]` at precision 3 showed 0.5 as 0.000.

The expected text is numpy's own (np.array2string with floatmode='fixed', NetBook's
`precision N` being N digits after the point), compared value by value in the text
form, the HTML table and `print`."""
import html
import json
import math
import re
import subprocess

import numpy as np
import pytest

from test_nbrun_ipynb import nb_run_binary

# Mixed arrays, each a list of rows. None of them holds a value below 1e-12 of its
# largest (NetBook's one departure from numpy: such a value is rounding noise, shown 0).
ARRAYS = [
    [[1e20], [0.5]],                 # the bug: a huge value beside an ordinary one
    [[1e100, 0.5, -3.25]],           # three-digit exponents: numpy pads them all (e-001)
    [[5e-05, 0.5], [0.25, -1.5]],    # a small value switches the whole array
    [[1e9]],                         # max >= 1e8, one value
    [[0.001, 2.0]],                  # ratio 2000 > 1e3
    [[0.002, 1.5]],                  # ratio 750: fixed
    [[-1e8, 3.0, 0.25]],             # max >= 1e8 exactly
    [[1234.5, 2.5], [-7.75, 100.0]], # ratio < 1e3: fixed
    [[0.0, 1e-5]],                   # a zero in scientific form: 0.000e+00
    [[math.nan, 1e9, 0.5]],          # nan does not count, and reads nan
    [[-math.inf, 2.0, 3.0]],         # nor does inf: fixed
    [[12345678.0, 0.5]],             # below 1e8 but ratio > 1e3
]
PRECISIONS = [1, 3, 4, 6]


def literal(v: float) -> str:
    if math.isnan(v):
        return "0/0"
    if math.isinf(v):
        return "1/0" if v > 0 else "-1/0"
    return repr(v)


def numpy_values(rows, p: int) -> list:
    """numpy's text of each value, row by row, at p digits after the point, with NetBook's
    documented rule on top (test_number_format.py): in fixed form a nonzero value that
    would read as zero is written '%.*e' (2e-03 at precision 1, not 0.0)."""
    text = np.array2string(np.array(rows), precision=p, floatmode="fixed", threshold=10**6)
    values = text.replace("[", " ").replace("]", " ").split()
    if any("e" in v for v in values):
        return values
    flat = [v for row in rows for v in row]
    reads_zero = lambda t: not any(c in "123456789" for c in t)
    return ["%.*e" % (p, v) if v != 0 and math.isfinite(v) and reads_zero(t) else t
            for v, t in zip(flat, values)]


def cell(rows, p: int) -> str:
    tensor = ", ".join("[" + ", ".join(literal(v) for v in row) + "]" for row in rows)
    return f"precision {p}\ntensor t = [{tensor}]\nprint t\n"


@pytest.fixture(scope="module")
def outputs():
    """nb-run's outputs of one cell per array and precision."""
    cases = [(a, p) for a in range(len(ARRAYS)) for p in PRECISIONS]
    source = "".join("# %%\n" + cell(ARRAYS[a], p) for a, p in cases)
    result = subprocess.run([nb_run_binary(), "--to", "ipynb", "-"], input=source,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    code = [c for c in json.loads(result.stdout)["cells"] if c["cell_type"] == "code"]
    assert len(code) == len(cases)
    return dict(zip(cases, (c["outputs"] for c in code)))


def joined(text) -> str:
    return "".join(text) if isinstance(text, list) else text


@pytest.mark.parametrize("p", PRECISIONS)
@pytest.mark.parametrize("a", range(len(ARRAYS)))
def test_a_tensor_reads_as_numpy_prints_it(outputs, a, p):
    rows = ARRAYS[a]
    want = numpy_values(rows, p)
    shown = [o for o in outputs[(a, p)] if o["output_type"] in ("display_data", "execute_result")]
    data = shown[-1]["data"]
    plain = joined(data["text/plain"]).splitlines()
    # "t (1×1) = 1.000e+09", or a heading and one line per row.
    got = plain[0].split(" = ")[1].split() if len(plain) == 1 else " ".join(plain[1:]).split()
    assert got == want
    cells = re.findall(r"<td[^>]*>([^<]*)</td>", joined(data["text/html"]))
    assert [html.unescape(c) for c in cells] == want
    printed = "".join(joined(o["text"]) for o in outputs[(a, p)] if o["output_type"] == "stream")
    if np.array(rows).size == 1:
        # `print` writes a 1×1 value as one number, as Python prints a float.
        assert printed.split() == ["%.*f" % (p, rows[0][0])]
    else:
        assert printed.split() == want


def test_the_reported_case_shows_the_ordinary_value():
    """numpy's own words for the bug's array at precision 3."""
    assert numpy_values([[1e20], [0.5]], 3) == ["1.000e+20", "5.000e-01"]
