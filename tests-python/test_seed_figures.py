"""Every number the seed lessons write is in the lessons' stored outputs (issue 13, item 5).
Each figure is recomputed here with numpy from the seed's own inputs (../shared/seeds,
README there), then looked for in notebooks/NN-*.out exactly as the lesson prints it;
the .ipynb carries the same text (nb-run --check compares both)."""
import pathlib

import numpy as np
import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"


def stored(lesson):
    return (NOTEBOOKS / f"{lesson}.out").read_text()


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def softmax(z):
    e = np.exp(z - np.max(z))
    return e / e.sum()


def lesson_000_network():
    """Document 000's 2-2-2 network: x, t, hidden.W, output.W (IN×OUT)."""
    return (np.array([0.1, 0.2]), np.array([0.4, 0.6]),
            np.array([[0.30, 0.40], [0.25, 0.35]]), np.array([[0.45, 0.70], [0.40, 0.60]]))


def test_03_error_of_each_output_before_and_after_the_step():
    x, t, W1, W2 = lesson_000_network()
    h = sigmoid(x @ W1)
    o = sigmoid(h @ W2)
    E = 0.5 * (t - o) ** 2
    assert np.round(E, 8).tolist() == [0.02193381, 0.00203809]              # the seed's E_o1, E_o2
    delta = (o - t) * o * (1 - o)                                            # ∂E/∂z3, ∂E/∂z4
    parts = delta * W2[0]                                                    # through o1 and o2, times W5, W7
    assert np.round(parts, 8).tolist() == [0.02243370, 0.00997311]          # ∂E_o1/∂h1, ∂E_o2/∂h1
    dW2 = np.outer(h, delta)
    dW1 = np.outer(x, (delta @ W2.T) * h * (1 - h))
    h = sigmoid(x @ (W1 - 0.5 * dW1))
    o = sigmoid(h @ (W2 - 0.5 * dW2))
    after = 0.5 * (t - o) ** 2
    assert np.round(after, 8).tolist() == [0.02125445, 0.00198189]          # after one step at lr 0.5
    out = stored("03-backprop-by-hand")
    for name, value in [("E_o1", E[0]), ("E_o2", E[1]), ("dEo1_dh1", parts[0]), ("dEo2_dh1", parts[1]),
                        ("E_o1", after[0]), ("E_o2", after[1])]:
        assert f"{name} (1×1) = {value:.8f}\n" in out, name
    assert f"half_sse  {after.sum():.8f}" in out


def test_02_apples_only_and_the_chain_rule_of_x_plus_y_squared():
    out = stored("02-computational-graph")
    assert round(100 * 2 * 1.1, 9) == 220                                    # the seed's answer
    assert f"price (1×1) = {100 * 2 * 1.1:.1f}\n" in out
    x, y = 1.0, 2.0
    h = 1e-6                                                                 # central differences
    dz_dx = ((x + h + y) ** 2 - (x - h + y) ** 2) / (2 * h)
    assert dz_dx == pytest.approx(2 * (x + y))
    assert f"z (1×1) = {(x + y) ** 2:.1f}\n" in out
    assert f"x         1.0           {dz_dx:.1f}\n" in out                     # the backward table's row for x


def test_04_second_softmax_with_loss_example():
    t = np.array([0, 1, 0])
    with np.errstate(divide="ignore"):
        y = softmax(np.log(np.array([0.01, 0.99, 0.0])))
    assert np.allclose(y - t, [0.01, -0.01, 0], atol=1e-15)                  # the seed's [0.01 -0.01 0]
    out = stored("04-layers-and-softmax")
    assert "o − t:\n" + "  ".join(f"{v:.4f}" for v in y - t) + "\n" in out
    assert f"E_right (1×1) = {-np.log(0.99):.4f}\n" in out


def test_05_identity_with_half_sse_sends_back_o_minus_t():
    y, t = np.array([1.5, 0.3]), np.array([3.45, 5.67])

    def loss(z):
        return 0.5 * np.sum((z - t) ** 2)                                    # identity, then ½ Σ (y − t)²

    h = 1e-6
    grad = np.array([(loss(y + h * e) - loss(y - h * e)) / (2 * h) for e in np.eye(2)])
    assert np.allclose(grad, y - t, atol=1e-6)
    out = stored("05-activations-and-loss")
    assert "dE/dz:\n" + "  ".join(f"{v:.4f}" for v in y - t) + "\n" in out


def test_05_stable_softmax_shows_one_number_format_per_row():
    p = softmax(np.array([1010.0, 1000.0, 990.0]))
    # numpy's own text at 10 digits: one format for the row (scientific: the values span
    # more than a factor 1000), as NetBook shows a tensor.
    row = "  ".join(np.array2string(p, precision=10, floatmode="fixed").strip("[]").split())
    assert f"stable (1×3)\n  {row}\n" in stored("05-activations-and-loss")


def test_01_batch_figures_of_the_seed():
    from test_exercises import R_STREAM
    X = np.array([[1, 2], [3, 4], [5, 6]], dtype=float)
    beta = np.array(R_STREAM[12:18]).reshape(3, 2).T                         # drawn column by column
    z2 = X @ beta
    assert np.round(z2[0], 4).tolist() == [2.1296, 1.9669, 0.8199]           # the seed's first row
    out = stored("01-forward-propagation")
    for row in z2:
        assert "  ".join(f"{v:.4f}" for v in row) in out                     # the seed's z₂, 3×3
    assert "✓ hidden.z ≈ [[2.1296, 1.9669, 0.8199]" in out
