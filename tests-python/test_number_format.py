"""One rounding rule for every number a person reads (issue 11): `print`, a tensor's text
and its HTML table show a value at `precision N` exactly as Python's '%.*f' (C printf,
numpy) does, rounding the exact binary value to nearest, ties to even: 0.125 at 2 is
0.12 (exactly 1/8, a tie), 2.675 at 2 is 2.67 (2.67499999... in binary), 2.5 at 0 is 2.
The expected text is computed here by Python, not copied from NetBook's output."""
import html
import json
import math
import re
import subprocess

import pytest

from conftest import run_cell
from test_nbrun_ipynb import nb_run_binary

# The half-way values of the issue, values just below a tie in binary, and the specials.
VALUES = [0.125, 0.375, 2.5, 3.5, -0.5, 2.675, 0.285, 1.005, 1e-5, -0.125, -0.0,
          math.nan, math.inf, -math.inf]
PRECISIONS = [0, 1, 2, 3, 5, 8, 17]
# The tensor's values: all but 1e-5, which (as in numpy) would turn the whole tensor
# scientific (smallest below 1e-4: test_array_number_form.py covers that rule).
TENSOR_VALUES = [v for v in VALUES if v != 1e-5]


def literal(v: float) -> str:
    """The NetBook expression for v (the DSL has no nan/inf literals)."""
    if math.isnan(v):
        return "0/0"
    if math.isinf(v):
        return "1/0" if v > 0 else "-1/0"
    return "-0.0" if v == 0 and math.copysign(1, v) < 0 else repr(v)


def expected(v: float, p: int) -> str:
    """Python's '%.*f', with NetBook's two documented presentation rules on top: a zero
    has no sign, and a nonzero value that would read as zero is written '%.*e'."""
    text = "%.*f" % (p, v)
    if math.isnan(v):
        return "nan"
    reads_zero = not any(c in "123456789" for c in text)
    if reads_zero and v != 0:
        return "%.*e" % (p, v)
    return text.lstrip("-") if reads_zero else text


def cell(p: int) -> str:
    """Print the values at precision p, then show them in full as a column tensor (`show
    t full`: the compact view would leave the middle rows out)."""
    row = ", ".join(literal(v) for v in VALUES)
    column = ", ".join(f"[{literal(v)}]" for v in TENSOR_VALUES)
    return f"precision {p}\nprint {row}\ntensor t = [{column}]\nshow t full\n"


@pytest.fixture(scope="module")
def outputs():
    """nb-run's outputs of one cell per precision."""
    cells = ["# %%\n" + cell(p) for p in PRECISIONS]
    result = subprocess.run([nb_run_binary(), "--to", "ipynb", "-"], input="".join(cells),
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    code = [c for c in json.loads(result.stdout)["cells"] if c["cell_type"] == "code"]
    assert len(code) == len(PRECISIONS)
    return dict(zip(PRECISIONS, (c["outputs"] for c in code)))


def joined(text) -> str:
    return "".join(text) if isinstance(text, list) else text


@pytest.mark.parametrize("p", PRECISIONS)
def test_print_rounds_as_printf(outputs, p):
    stream = joined(outputs[p][0]["text"])
    assert stream.split() == [expected(v, p) for v in VALUES]


@pytest.mark.parametrize("p", PRECISIONS)
def test_tensor_text_and_html_round_as_printf(outputs, p):
    data = outputs[p][-1]["data"]
    want = [expected(v, p) for v in TENSOR_VALUES]
    plain = joined(data["text/plain"]).splitlines()
    assert [line.strip() for line in plain[1:]] == want
    cells = re.findall(r"<td[^>]*>([^<]*)</td>", joined(data["text/html"]))
    assert [html.unescape(c) for c in cells] == want
    # The JSON form carries the Double itself, not the rounded text (null for nan/inf).
    json_column = [row[0] for row in data["application/vnd.netbook+json"]["data"]]
    assert json_column == [v if math.isfinite(v) else None for v in TENSOR_VALUES]


def test_the_kernel_shows_what_nb_run_shows(kernel, outputs):
    """The same formatter behind the kernel: its stream and tensor forms equal nb-run's."""
    _, kc = kernel
    for p in PRECISIONS:
        _, messages = run_cell(kc, cell(p))
        streams = [m["content"]["text"] for m in messages if m["msg_type"] == "stream"]
        shown = [m["content"]["data"] for m in messages if m["msg_type"] in ("display_data", "execute_result")]
        assert "".join(streams) == joined(outputs[p][0]["text"])
        nb_run = outputs[p][-1]["data"]
        assert shown[-1]["text/plain"] == joined(nb_run["text/plain"])
        assert shown[-1]["text/html"] == joined(nb_run["text/html"])
