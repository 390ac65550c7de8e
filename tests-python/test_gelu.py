"""`gelu`, the activation added through NetCore's operation table alone (issue 11):
its values and derivative match an independent numpy computation, gradcheck passes
through a gelu layer, and `help` and completion know it without any other edit.

NetBook's gelu is the tanh approximation, PyTorch's gelu(approximate='tanh'):
    gelu(x) = ½x(1 + tanh(√(2/π)(x + 0.044715x³)))
torch is not in the test venv, so the reference is that formula in numpy; its
derivative is checked by numpy's central differences, not by the same formula twice."""
import math
import subprocess

import numpy as np

from conftest import run_cell, shell_reply
from test_nbrun_ipynb import nb_run_binary

Z = [-30.0, -6.0, -3.0, -1.5, -0.5, -1e-3, 0.0, 1e-3, 0.5, 1.0, 2.5, 6.0, 30.0]
# Far out z³ overflows: gelu must still be 0 on the left and z on the right, not NaN.
EXTREMES = [-1e308, 1e308]


def gelu_numpy(x):
    x = np.asarray(x, dtype=np.float64)
    return 0.5 * x * (1.0 + np.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * x ** 3)))


def run_cells(text):
    """The output lines of a NetBook file run by nb-run, from after `print "BEGIN"`."""
    done = subprocess.run([nb_run_binary(), "-"], input=text, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout.split("\nBEGIN\n", 1)[1].splitlines()


def column(values):
    return "[" + ", ".join(f"[{v!r}]" for v in values) + "]"


def numbers(lines, count):
    return np.array([float(line) for line in lines[:count]])


def test_gelu_values_and_derivative_match_numpy():
    lines = run_cells(f"""precision 17
tensor z = {column(Z)}
tensor far = {column(EXTREMES)}
print "BEGIN"
tensor s = sum(gelu(z));
backward s;
print gelu(z)
print grad(z)
tensor s2 = sum(gelu(far));
backward s2;
print gelu(far[1])
print gelu(far[2])
print grad(far)[1]
print grad(far)[2]
""")
    forward = numbers(lines, len(Z))
    derivative = numbers(lines[len(Z):], len(Z))
    # Printed with 17 decimals: equal to 1e-13 relative or the 1e-16 the text can carry.
    np.testing.assert_allclose(forward, gelu_numpy(Z), rtol=1e-13, atol=1e-16)
    # The derivative against central differences of the numpy forward (h scaled to z).
    z = np.array(Z)
    h = 1e-6 * np.maximum(1.0, np.abs(z))
    numerical = (gelu_numpy(z + h) - gelu_numpy(z - h)) / (2 * h)
    np.testing.assert_allclose(derivative, numerical, rtol=1e-7, atol=1e-9)
    # Far out gelu is relu: 0 with slope 0 on the left, z with slope 1 on the right.
    far = numbers(lines[2 * len(Z):], 4)
    assert list(far) == [0.0, 1e308, 0.0, 1.0]
    # The approximation stays within 0.0005 of the exact z·Φ(z).
    exact = [x * 0.5 * (1 + math.erf(x / math.sqrt(2))) for x in Z]
    assert max(abs(a - b) for a, b in zip(forward, exact)) < 5e-4


def test_gradcheck_passes_through_gelu_layers():
    lines = run_cells("""seed 3
layer h = dense(2 -> 4, gelu)
layer o = dense(4 -> 1, gelu)
loss mse
forward [[0.5, -1.2], [2, 0.3]], [[1], [0]];
print "BEGIN"
gradcheck
""")
    verdicts = [line.split()[-1] for line in lines if line.startswith(("h.", "o."))]
    assert verdicts == ["pass"] * 4, "\n".join(lines)


def test_help_and_completion_offer_gelu(kernel):
    _, kc = kernel
    texts = []
    for code in ["help gelu", "help activations"]:
        reply, _ = run_cell(kc, code)
        # help pages come in the reply's payload, as IPython's `?` does.
        texts.append(reply["content"]["payload"][0]["data"]["text/plain"])
    assert texts[0].startswith("help gelu\n\ngelu — ") and "0.044715" in texts[0]
    assert any(line.split()[0] == "gelu" for line in texts[1].splitlines()[1:] if line.strip())
    for code in ["layer h = dense(2 -> 3, ge", "plot ge", "tensor y = ge"]:
        matches = shell_reply(kc, kc.complete(code, len(code)))["content"]["matches"]
        assert "gelu" in matches, (code, matches)
