"""papermill parameterises NetBook notebooks with the real papermill CLI: the injected cell
is NetBook (`tensor NAME = VALUE`), the run uses the new values (a loss checked against
numpy), and a value NetBook cannot hold is refused with a message naming the parameter."""
import pathlib
import subprocess
import sys

import nbformat
import numpy as np
import pytest

from conftest import KERNEL_NAME

PAPERMILL = [sys.executable, "-m", "papermill", "--kernel", KERNEL_NAME]

PARAMETERS = "tensor lr = 0.5    # learning rate\ntensor w1 = [[0.30, 0.40], [0.25, 0.35]]"
# The classroom example of DSL.md: one step of a 2-2-2 sigmoid network, then the loss.
LESSON = """precision 12
tensor x = [0.1, 0.2]
tensor t = [0.4, 0.6]
layer hidden = dense(2 -> 2, sigmoid, bias: false, weights: w1)
layer output = dense(2 -> 2, sigmoid, bias: false, weights: [[0.45, 0.70], [0.40, 0.60]])
loss half_sse
forward x, t;
backward;
step lr: lr;
forward x, t;
print half_sse(output.a, t)"""


def loss_after_one_step(lr, w1):
    """The same network in numpy: forward, backprop of ½Σ(t−y)², one SGD step, forward."""
    sigmoid = lambda z: 1 / (1 + np.exp(-z))
    x, t = np.array([[0.1, 0.2]]), np.array([[0.4, 0.6]])
    w1, w2 = np.array(w1, float), np.array([[0.45, 0.70], [0.40, 0.60]])
    h = sigmoid(x @ w1)
    y = sigmoid(h @ w2)
    dz2 = (y - t) * y * (1 - y)
    dz1 = (dz2 @ w2.T) * h * (1 - h)
    w1, w2 = w1 - lr * x.T @ dz1, w2 - lr * h.T @ dz2
    y = sigmoid(sigmoid(x @ w1) @ w2)
    return 0.5 * np.sum((t - y) ** 2)


@pytest.fixture
def notebook(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "netbook", "display_name": "NetBook", "language": "netbook"}
    nb.cells = [nbformat.v4.new_code_cell(PARAMETERS, metadata={"tags": ["parameters"]}),
                nbformat.v4.new_code_cell(LESSON)]
    path = tmp_path / "lesson.ipynb"
    nbformat.write(nb, path)
    return path


def papermill(*args):
    return subprocess.run([*PAPERMILL, *map(str, args)], capture_output=True, text=True, timeout=120)


def printed_loss(cell):
    text = "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")
    return float(text.strip())


def test_the_parameters_cell_is_injected_as_netbook(notebook, tmp_path):
    out = tmp_path / "out.ipynb"
    run = papermill(notebook, out, "-p", "lr", "0.1", "-y", "w1: [[0.5, -1], [2, 1.0e-3]]")
    assert run.returncode == 0, run.stderr
    cells = nbformat.read(out, as_version=4).cells
    injected = cells[1]
    assert injected.metadata.tags == ["injected-parameters"]
    assert injected.source == "# Parameters\ntensor w1 = [[0.5, -1], [2, 0.001]]\ntensor lr = 0.1\n"
    assert not [o for o in injected.outputs if o.output_type == "error"]
    assert printed_loss(cells[2]) == pytest.approx(loss_after_one_step(0.1, [[0.5, -1], [2, 1e-3]]),
                                                   rel=1e-9)


def test_the_notebook_defaults_apply_without_parameters(notebook, tmp_path):
    out = tmp_path / "out.ipynb"
    run = papermill(notebook, out)
    assert run.returncode == 0, run.stderr
    cells = nbformat.read(out, as_version=4).cells
    assert printed_loss(cells[1]) == pytest.approx(
        loss_after_one_step(0.5, [[0.30, 0.40], [0.25, 0.35]]), rel=1e-9)


def test_a_value_netbook_cannot_hold_is_refused_by_name(notebook, tmp_path):
    run = papermill(notebook, tmp_path / "out.ipynb", "-p", "lr", "fast")
    assert run.returncode != 0
    assert "parameter 'lr' is a string ('fast')" in run.stderr
    assert not (tmp_path / "out.ipynb").exists() or "tensor lr" not in (tmp_path / "out.ipynb").read_text()


def test_help_notebook_lists_the_parameters(notebook):
    run = papermill("--help-notebook", notebook)
    assert run.returncode == 0, run.stderr
    assert "lr: tensor (default 0.5)" in run.stdout and "learning rate" in run.stdout
    assert "w1: tensor (default [[0.30, 0.40], [0.25, 0.35]])" in run.stdout


def test_a_yaml_exponent_read_as_text_gets_a_hint(notebook, tmp_path):
    run = papermill(notebook, tmp_path / "out.ipynb", "-y", "w1: [[1e-3, 0], [0, 1]]")
    assert run.returncode != 0
    assert "parameter 'w1' is a list holding a string ('1e-3')" in run.stderr
    assert "1.0e-3" in run.stderr


def test_every_value_papermill_can_pass_reads_back_in_netbook(tmp_path):
    """Numbers at the edges (nan, ±inf, 1e308, 5e-324, 2^63), booleans and a matrix, as
    the translator writes them, read back by nb-run to the same float64 values."""
    from papermill.translators import translate_parameters
    from test_nbrun_ipynb import nb_run_binary
    values = {"a": float("nan"), "b": float("inf"), "c": -float("inf"), "d": 1e308, "e": 5e-324,
              "f": 2 ** 63, "g": True, "h": False, "k": -0.25, "m": [[1, 2.5], [3, -4]]}
    cell = translate_parameters("netbook", "netbook", values)
    source = tmp_path / "params.txt"
    scalars_of_m = ["m[1, 1]", "m[1, 2]", "m[2, 1]", "m[2, 2]"]
    shown = [n for n in values if n != "m"] + scalars_of_m
    source.write_text(cell + "precision 17\n" + "".join(f"print {n}\n" for n in shown))
    run = subprocess.run([nb_run_binary(), str(source)], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stdout + run.stderr
    printed = [line for line in run.stdout.splitlines() if line.strip() and not line.startswith(("In [", "   ..."))]
    read_back = np.array([float(line) for line in printed[-len(shown):]])
    expected = np.array([float(v) for n, v in values.items() if n != "m"] + [1, 2.5, 3, -4])
    assert np.array_equal(read_back, expected, equal_nan=True), printed


def test_names_and_types_netbook_cannot_hold_are_refused():
    from papermill.translators import translate_parameters
    cases = {"lr": None, "cfg": {"a": 1}, "w": [], "r": [[1], [1, 2]], "x": [1, [2]], "big": 10 ** 400}
    for name, value in cases.items():
        with pytest.raises(Exception, match=f"parameter '{name}' is "):
            translate_parameters("netbook", "netbook", {name: value})
    with pytest.raises(Exception, match="'hidden.W' is not a NetBook name"):
        translate_parameters("netbook", "netbook", {"hidden.W": 1})
