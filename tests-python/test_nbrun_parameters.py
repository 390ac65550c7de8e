"""`nb-run -p NAME VALUE` and `papermill -p NAME VALUE` give the same notebook: the same
injected cell, to the character, and the same outputs for a lesson with a parameters cell.

papermill here is the real CLI with NetBook's translator (python/netbook_jupyter); its way
of reading a -p value (papermill.cli._resolve_type) and of writing it (translate_parameters)
are the reference nb-run is held to."""
import json
import random
import subprocess
import sys

import nbformat
import pytest
from papermill.cli import _resolve_type
from papermill.translators import translate_parameters

from conftest import KERNEL_NAME, ROOT
from test_nbrun_ipynb import nb_run_binary
from test_notebooks_nbclient import merged

MIME = "application/vnd.netbook+json"


def nb_run(*args, **kwargs):
    return subprocess.run([nb_run_binary(), *map(str, args)], capture_output=True, text=True, timeout=300, **kwargs)


def papermill(*args):
    return subprocess.run([sys.executable, "-m", "papermill", "--kernel", KERNEL_NAME, *map(str, args)],
                          capture_output=True, text=True, timeout=300)


def raw_values():
    """What people type after -p: decimals, exponents, integers with zeros and underscores,
    the edges of float64 (5e-324, 1.8e308, 2^53, 2^63), inf/nan, booleans, and 600 random
    doubles over the whole exponent range, written as repr, %.17g, %.3e and %.0f would."""
    fixed = ["0.1", "-0.5", "1e-5", "1E5", "1e16", "1e15", "9999999999999998", "1e-4", "0.0001", "1e-05",
             ".5", "5.", "007", "-0", "-0.0", "+3", "1_000", "1_000.5", "5e-324", "2.2250738585072014e-308",
             "1.7976931348623157e308", str(2 ** 53 + 1), str(2 ** 63), "-" + str(10 ** 300), "inf", "-Infinity",
             "NaN", "True", "False", "  42  ", "123456789.123456789"]
    rng = random.Random(12)
    drawn = []
    for _ in range(150):
        x = rng.choice([-1, 1]) * 10 ** rng.uniform(-320, 308)
        drawn += [repr(x), f"{x:.17g}", f"{x:.3e}", f"{abs(x) % 1e6:.0f}"]
    return fixed + drawn


def test_every_value_is_written_as_papermills_translator_writes_it(tmp_path):
    values = raw_values()
    names = [f"v{i}" for i in range(len(values))]
    expected = translate_parameters("netbook", "netbook",
                                    {n: _resolve_type(v) for n, v in zip(names, values)},
                                    "Parameters")
    notebook = tmp_path / "p.txt"
    notebook.write_text('# %% tags=["parameters"]\n# %%\nprint 1\n')
    out = tmp_path / "out.ipynb"
    args = [a for n, v in zip(names, values) for a in ("-p", n, v)]
    run = nb_run(*args, "--to", "ipynb", "-o", out, notebook)
    assert run.returncode == 0, run.stderr[-2000:]
    injected = nbformat.read(out, as_version=4).cells[1]
    assert injected.metadata.tags == ["injected-parameters"]
    for got, want, raw in zip(injected.source.splitlines(), expected.splitlines(), ["(heading)"] + values):
        assert got == want, f"-p {raw!r}"
    assert injected.source == expected


@pytest.mark.parametrize("value", ["fast", "None", "[1, 2]x"])
def test_a_value_netbook_cannot_hold_gets_the_translators_words(value, tmp_path):
    run = nb_run("-p", "lr", value, ROOT / "notebooks" / "06-xor.txt")
    assert run.returncode == 2
    with pytest.raises(Exception) as refused:
        translate_parameters("netbook", "netbook", {"lr": _resolve_type(value)}, "Parameters")
    if value != "[1, 2]x":
        # The same sentence up to the value's quoting (Python's repr of None has none).
        assert str(refused.value).split(" (")[0] in run.stderr, run.stderr
    else:
        assert "parameter 'lr' is not a list NetBook can read" in run.stderr


def lesson_with_parameters(tmp_path):
    """Lesson 06 (XOR) with its learning rate in a cell tagged `parameters`, as a teacher
    would write it: `tensor lr = 2`, and `sgd(lr: lr)` where the lesson had `sgd(lr: 2)`."""
    text = (ROOT / "notebooks" / "06-xor.txt").read_text()
    # The lesson without its exercises: their checks expect the numbers of lr 2.
    text = text[:text.index("# %% [markdown]\n# ## 연습 문제 (exercises)")]
    assert text.count("optimizer sgd(lr: 2)") == 2
    text = text.replace("optimizer sgd(lr: 2)", "optimizer sgd(lr: lr)")
    first_code = text.index("# %%\nseed 1")
    text = text[:first_code] + '# %% tags=["parameters"]\ntensor lr = 2    # learning rate\n\n' + text[first_code:]
    source = tmp_path / "xor.txt"
    source.write_text(text)
    (tmp_path / "data").symlink_to(ROOT / "notebooks" / "data")
    ipynb = tmp_path / "xor.ipynb"
    run = nb_run("--to", "ipynb", "-o", ipynb, source)
    assert run.returncode == 0, run.stderr
    return source, ipynb


def outputs(notebook):
    """Per code cell: what a reader sees (test_notebooks_nbclient.merged) and the
    full-precision numbers of every non-empty display."""
    return [(merged(cell.outputs), [o["data"][MIME] for o in cell.outputs if MIME in o.get("data", {})])
            for cell in notebook.cells if cell.cell_type == "code"]


def test_nb_run_and_papermill_give_the_same_outputs_for_a_lesson(tmp_path):
    source, ipynb = lesson_with_parameters(tmp_path)
    by_papermill = tmp_path / "papermill.ipynb"
    run = papermill(ipynb, by_papermill, "-p", "lr", "0.1", "--cwd", tmp_path)
    assert run.returncode == 0, run.stderr
    by_nb_run_from_txt, by_nb_run_from_ipynb = tmp_path / "nb-run-txt.ipynb", tmp_path / "nb-run-ipynb.ipynb"
    for notebook, out in [(source, by_nb_run_from_txt), (ipynb, by_nb_run_from_ipynb)]:
        run = nb_run("-p", "lr", "0.1", "--to", "ipynb", "-o", out, notebook)
        assert run.returncode == 0, run.stderr

    papermill_cells = nbformat.read(by_papermill, as_version=4).cells
    for out in (by_nb_run_from_txt, by_nb_run_from_ipynb):
        cells = nbformat.read(out, as_version=4).cells
        assert [c.source for c in cells] == [c.source for c in papermill_cells]
        assert [c.metadata.get("tags") or [] for c in cells] == [c.metadata.get("tags") or [] for c in papermill_cells]
        assert outputs(nbformat.read(out, as_version=4)) == outputs(nbformat.read(by_papermill, as_version=4))

    injected = papermill_cells[2]
    assert injected.source == "# Parameters\ntensor lr = 0.1\n"
    # The new rate reached the optimizer: its settings say so, and the training went
    # otherwise than with the lesson's lr = 2 (the two-layer network's final loss).
    shown = "".join(o.get("data", {}).get("text/plain", "") for c in papermill_cells for o in c.get("outputs", []))
    assert "sgd(lr: 0.1)" in shown and "sgd(lr: 2)" not in shown

    default = tmp_path / "default.ipynb"
    assert nb_run("--to", "ipynb", "-o", default, source).returncode == 0
    assert outputs(nbformat.read(default, as_version=4))[-2] != outputs(nbformat.read(by_nb_run_from_txt, as_version=4))[-2]
