"""The exercises at the end of each lesson (notebooks/0N-*.txt, "연습 문제"): the teacher's
version passes every check; `nb-run --student` makes a version that stops exactly at
the `todo` stubs; a wrong answer (the classmate's buggy line, a wrong prediction) fails
its check with the hint; and the numbers the checks expect are recomputed with numpy
or taken from the seed lessons (../shared/seeds/README.md)."""
import json
import os
import pathlib
import re
import subprocess

import numpy as np
import pytest

from test_nbrun_ipynb import nb_run_binary

ROOT = pathlib.Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
LESSONS = sorted(p.stem for p in NOTEBOOKS.glob("[0-9][0-9]-*.txt"))
SOLUTION = re.compile(r"### BEGIN SOLUTION\n(.*?)### END SOLUTION\n", re.S)

# One wrong answer per exercise, in order: the classmate's line for "find the bug",
# a plausible wrong number for "predict". Each must fail the exercise's check.
WRONG_ANSWERS = {
    "01-forward-propagation": ["tensor y_predicted = 0",
                               "tensor z_by_hand = 5 * 0.2827 + 6 * 0.2923",
                               "tensor y_fixed = sigmoid(X @ hidden.W @ output.W)"],
    "02-computational-graph": ["tensor dapple_predicted = 2",
                               "tensor dnum_predicted = 220",
                               "tensor price_b = apple_price + orange_price * tax"],
    "03-backprop-by-hand": ["tensor dW5_predicted = 0.02592286",
                            "tensor W6_new = 0.40 - 0.5 * 0.20944600 * 0.23802157 * 0.52747230",
                            "tensor W5_fixed = 0.45 + 0.5 * 0.02592286"],
    "04-layers-and-softmax": ["tensor dx_predicted = [[5, 5], [0, 5]]",
                              "tensor dscores_predicted = [0.1, 0.7, 0.2]",
                              "tensor dW_fixed = X @ dY"],
    "05-activations-and-loss": ["tensor w_predicted = 0.53 + 0.5 * 2.92 / 5",
                                "tensor slope_predicted = 0.25",
                                "layer w = dense(1 -> 1, sigmoid, bias: false, weights: [[0.53]])"],
    "06-xor": ["tensor loss_predicted = 0",
               "layer hidden = dense(2 -> 4, identity, init: normal)"],
    "07-spiral": ["tensor accuracy_predicted = 0.54",
                  "layer h1 = dense(2 -> 24, relu, init: zeros)\nlayer h2 = dense(24 -> 24, relu, init: zeros)"],
    "08-digits": ["tensor total_predicted = 100",
                  "tensor accuracy_from_table = sum(confusion * eye(10))"],
    "09-optimizers": ["tensor loss_predicted = 0.0031",
                      "tensor w_after_2 = 0.8 - 0.1 * 2 * 0.8",
                      "tensor adam_predicted = 1 - 0.01 * 2"],
}


def source(lesson):
    return (NOTEBOOKS / f"{lesson}.txt").read_text()


def answers(lesson):
    """The teacher's answers, the lines of each solution region, in order."""
    return [m.group(1).strip() for m in SOLUTION.finditer(source(lesson))]


def number(answer):
    """The value of an answer written as arithmetic: `tensor z = 5 * 0.2827 + 6 * 0.9234`."""
    expression = answer.split("=", 1)[1].strip()
    assert re.fullmatch(r"[-+*/(). 0-9e\[\],]+", expression), answer
    return np.array(eval(expression, {"__builtins__": {}}), dtype=float)


def run_json(path, *options):
    """nb-run's JSON report of a notebook, and its exit status."""
    result = subprocess.run([nb_run_binary(), "--to", "json", *options, str(path)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout), result.returncode


def code_cells(report):
    return [c for c in report["cells"] if "outputs" in c]


def errors(cell):
    return [o for o in cell["outputs"] if o["type"] == "error"]


def with_data(tmp_path, text, lesson):
    """A copy of a lesson in tmp_path, where `load` finds data/ as beside the original."""
    (tmp_path / "data").symlink_to(NOTEBOOKS / "data")
    path = tmp_path / f"{lesson}.txt"
    path.write_text(text)
    return path


@pytest.mark.parametrize("lesson", LESSONS)
def test_every_lesson_has_two_to_four_exercises_each_with_its_check(lesson):
    cells = re.split(r"^# %%.*$", source(lesson), flags=re.M)
    exercises = [c for c in cells if "### BEGIN SOLUTION" in c]
    assert 2 <= len(exercises) <= 4 and len(exercises) == len(WRONG_ANSWERS[lesson])
    for cell in exercises:
        after = cell.split("### END SOLUTION", 1)[1]
        assert re.search(r'^check .*, ".+"$', after, re.M), cell   # a check with a hint follows


@pytest.mark.parametrize("lesson", LESSONS)
def test_the_teachers_version_passes_every_check(lesson):
    report, status = run_json(NOTEBOOKS / f"{lesson}.txt")
    assert status == 0 and report["ok"]
    assert [e for c in code_cells(report) for e in errors(c)] == []
    ticks = "".join(o["text"] for c in code_cells(report) for o in c["outputs"]
                    if o["type"] == "stream").count("✓ ")
    assert ticks == len(re.findall(r"^check ", source(lesson), re.M))


@pytest.mark.parametrize("lesson", LESSONS)
def test_the_students_version_stops_exactly_at_the_todos(lesson, tmp_path):
    student = tmp_path / f"{lesson}.txt"
    made = subprocess.run([nb_run_binary(), "--student", str(NOTEBOOKS / f"{lesson}.txt"), "-o", str(student)],
                          capture_output=True, text=True, timeout=60)
    assert made.returncode == 0, made.stderr
    text = student.read_text()
    assert text == SOLUTION.sub("# YOUR CODE HERE\ntodo\n", source(lesson))   # nothing else changed
    (tmp_path / "run").mkdir()
    report, status = run_json(with_data(tmp_path / "run", text, lesson), "--keep-going")
    assert status == 1
    failed = [c for c in code_cells(report) if errors(c)]
    with_todo = [c for c in code_cells(report) if re.search(r"^todo$", c["source"], re.M)]
    assert [c["index"] for c in failed] == [c["index"] for c in with_todo]
    assert len(failed) == len(answers(lesson))
    for cell in failed:
        [error] = errors(cell)
        assert error["ename"] == "CheckError"
        # The kernel's form (one CellRunner for both): where, then what.
        assert re.fullmatch(r"line \d+, column \d+: not answered yet — replace todo with your answer", error["evalue"]), error


@pytest.mark.parametrize("lesson", LESSONS)
def test_a_wrong_answer_fails_its_check_and_says_why(lesson, tmp_path):
    wrong = iter(WRONG_ANSWERS[lesson])
    text = SOLUTION.sub(lambda m: next(wrong) + "\n", source(lesson))
    report, status = run_json(with_data(tmp_path, text, lesson), "--keep-going")
    assert status == 1
    hints = set(re.findall(r'^check .*, "(.+)"$', source(lesson), re.M))
    failed = [c for c in code_cells(report) if errors(c)]
    assert len(failed) == len(answers(lesson))
    for cell in failed:
        [error] = errors(cell)
        assert error["ename"] == "CheckError", error
        assert "check failed" in error["evalue"] and error["evalue"].split(" — ")[-1] in hints, error


def test_nbgrader_hands_out_what_nb_run_student_writes(tmp_path):
    """Real nbgrader makes the same student version of every lesson's .ipynb. The lessons'
    cells carry no nbgrader metadata (they are written from the .txt), so nbgrader is told
    not to require it; grading them needs the cells marked (README, "Grading with nbgrader")."""
    pytest.importorskip("nbgrader")
    from test_nbgrader import nbgrader
    course = tmp_path / "course"
    (course / "source" / "lessons").mkdir(parents=True)
    (course / "nbgrader_config.py").write_text("c = get_config()\nc.CourseDirectory.course_id = 'netbook101'\n")
    for lesson in LESSONS:
        (course / "source" / "lessons" / f"{lesson}.ipynb").write_bytes((NOTEBOOKS / f"{lesson}.ipynb").read_bytes())
    nbgrader(course, "generate_assignment", "lessons", "--ClearSolutions.enforce_metadata=False")
    for lesson in LESSONS:
        ours = tmp_path / f"{lesson}.ipynb"
        subprocess.run([nb_run_binary(), "--student", str(NOTEBOOKS / f"{lesson}.ipynb"), "-o", str(ours)],
                       check=True, capture_output=True, timeout=60)
        released = course / "release" / "lessons" / f"{lesson}.ipynb"
        ours_sources, released_sources = (["".join(c["source"]) for c in json.loads(path.read_text())["cells"]]
                                          for path in (ours, released))
        assert ours_sources == released_sources, lesson
        assert sum(s.count("# YOUR CODE HERE\ntodo") for s in ours_sources) == len(answers(lesson))


# ---- the numbers the checks expect, recomputed ------------------------------------------

def sigmoid(z):
    return 1 / (1 + np.exp(-z))


# Lesson 002's R stream (set.seed(1234); runif), from ../shared/seeds/README.md.
R_STREAM = [0.11370341130532324, 0.6222994048148394, 0.6092747328802943, 0.6233794416766614,
            0.8609153835568577, 0.6403106052894145, 0.009495756356045604, 0.23255050601437688,
            0.6660837582312524, 0.5142511413432658, 0.6935912917833775, 0.5449748355895281,
            0.28273358359001577, 0.9234334842767566, 0.2923158402554691, 0.8372956281527877,
            0.2862232846673578, 0.2668207800015807, 0.18672278965823352, 0.23222591052763164,
            0.31661245482973754]


def test_lesson_01_numbers():
    X = np.array([[1, 2], [3, 4], [5, 6]], dtype=float)
    beta = np.array(R_STREAM[12:18]).reshape(3, 2).T      # drawn column by column
    gamma = np.array(R_STREAM[18:21]).reshape(3, 1)
    y_hat = sigmoid(sigmoid(X @ beta) @ gamma)
    assert np.round(y_hat.ravel(), 4).tolist() == [0.6435, 0.6660, 0.6727]   # the lesson's figures
    predicted, by_hand, _ = answers("01-forward-propagation")
    assert number(predicted) == sigmoid(sigmoid(X @ np.zeros((2, 3))) @ np.zeros((3, 1)))[0, 0] == 0.5
    assert abs(number(by_hand) - (X @ beta)[2, 0]) <= 1e-3                    # the check's tol
    classmate = sigmoid(X @ beta @ gamma)                                      # no hidden σ
    assert np.max(np.abs(classmate - y_hat)) > 1e-4
    assert "y_classmate (3×1)\n" + "".join(f"  {v:.4f}\n" for v in classmate.ravel()) in \
        (NOTEBOOKS / "01-forward-propagation.out").read_text()


def test_lesson_02_numbers():
    apple, apple_num, orange, orange_num, tax = 100, 2, 150, 3, 1.1
    d_apple_20, d_num_4, _ = answers("02-computational-graph")
    assert number(d_apple_20) == pytest.approx(1.2 * apple_num)                # ∂price/∂apple = tax × apple_num
    assert number(d_num_4) == pytest.approx(orange * tax)                      # orange_num is not in it
    assert (apple * apple_num + orange * orange_num) * tax == pytest.approx(715)   # the lesson's price
    assert apple * apple_num + orange * orange_num * tax == pytest.approx(695)      # the classmate's
    # Without brackets ∂price/∂apple is apple_num (2), with them tax × apple_num (2.2).


def lesson_000(t=(0.4, 0.6)):
    """Document 000's 2-2-2 network: error, ∂E/∂(output.W) and ∂E/∂W (IN×OUT)."""
    x, t = np.array([0.1, 0.2]), np.array(t)
    W1, W2 = np.array([[0.30, 0.40], [0.25, 0.35]]), np.array([[0.45, 0.70], [0.40, 0.60]])
    h = sigmoid(x @ W1)
    o = sigmoid(h @ W2)
    delta = (o - t) * o * (1 - o)
    return 0.5 * np.sum((t - o) ** 2), np.outer(h, delta), o, W2


def test_lesson_03_numbers():
    error, dW2, o, W2 = lesson_000()
    assert error == pytest.approx(0.023971900751730026, abs=1e-15)           # the seed's figure
    dW5_if_right, W6_at_lr_1, W5_fixed = answers("03-backprop-by-hand")
    assert lesson_000(t=(o[0], 0.6))[1][0, 0] == number(dW5_if_right) == 0
    assert abs(number(W6_at_lr_1) - (W2[1, 0] - 1 * dW2[1, 0])) <= 1e-4
    assert abs(number(W5_fixed) - (W2[0, 0] - 0.5 * dW2[0, 0])) <= 1e-8
    assert "check W5_fixed ≈ 0.43703857," in source("03-backprop-by-hand")
    assert abs(0.43703857 - (W2[0, 0] - 0.5 * dW2[0, 0])) <= 1e-8


def test_lesson_04_numbers():
    relu_dx, dscores, _ = answers("04-layers-and-softmax")
    xr = np.array([[0, 2], [-1, 0.5]])
    assert (number(relu_dx) == 5 * (xr > 0)).all()                            # the mask is x > 0
    y, t = np.array([0.1, 0.7, 0.2]), np.array([0, 1, 0])
    softmax = np.exp(np.log(y)) / np.sum(np.exp(np.log(y)))
    assert np.allclose(number(dscores), softmax - t, atol=1e-12)
    X, dY = np.array([[1, 2], [3, 4]]), np.array([[1, 0, -1], [2, 1, 0]])
    # ∂/∂W of sum((X @ W + B) * dY) is Xᵀ @ dY; the classmate's X @ dY has its shape only.
    W = np.array([[0.1, 0.3, 0.5], [0.2, 0.4, 0.6]])

    def L(W):
        return np.sum((X @ W + 0.1) * dY)

    grad = np.zeros_like(W)                                                  # central differences
    for i, j in np.ndindex(W.shape):
        E = np.zeros_like(W)
        E[i, j] = 1e-6
        grad[i, j] = (L(W + E) - L(W - E)) / 2e-6
    assert np.allclose(grad, X.T @ dY, atol=1e-6) and not np.allclose(grad, X @ dY, atol=1e-2)


def test_lesson_05_numbers():
    lr_half, tanh_slope, _ = answers("05-activations-and-loss")
    w, target = 0.53, 3.45
    assert number(lr_half) == pytest.approx(w - 0.5 * 2 * (w - target))      # lands on 3.45
    assert number(tanh_slope) == 1 - np.tanh(0) ** 2
    identity, sig = 0.53, 0.53
    for _ in range(20):                                                      # loss (y − 3.45)², lr 0.1
        identity -= 0.1 * 2 * (identity - target)
        y = sigmoid(sig)
        sig -= 0.1 * 2 * (y - target) * y * (1 - y)
    assert (identity - target) ** 2 == pytest.approx(8.5264 * 0.64 ** 20) and (identity - target) ** 2 < 0.01
    assert (sigmoid(sig) - target) ** 2 > 6                                  # "stays above 6"


def test_lesson_06_numbers():
    x = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
    xnor = 1 - np.array([0, 1, 1, 0], dtype=float)
    [loss_predicted, _] = answers("06-xor")
    # A single sigmoid unit trained on XNOR (MSE, lr 2, 2000 steps) from several starts.
    rng = np.random.default_rng(1)
    for _ in range(5):
        w, b = rng.normal(size=2), rng.normal()
        for _ in range(2000):
            y = sigmoid(x @ w + b)
            g = 2 * (y - xnor) / 4 * y * (1 - y)
            w, b = w - 2 * x.T @ g, b - 2 * np.sum(g)
        assert abs(np.mean((sigmoid(x @ w + b) - xnor) ** 2) - number(loss_predicted)) <= 1e-3
    # An identity hidden layer is linear: hidden then output is one unit's weighted sum.
    W1, b1, W2, b2 = rng.normal(size=(2, 4)), rng.normal(size=4), rng.normal(size=(4, 1)), rng.normal(size=1)
    assert np.allclose((x @ W1 + b1) @ W2 + b2, x @ (W1 @ W2) + (b1 @ W2 + b2))


def test_lesson_07_numbers():
    [accuracy_predicted, _] = answers("07-spiral")
    assert abs(number(accuracy_predicted) - 100 / 300) <= 1e-4
    # All weights 0: every hidden z is 0, ReLU's slope there is 0, and no weight but the
    # output's bias gets a gradient (softmax with cross-entropy: dz = y − t).
    rng = np.random.default_rng(3)
    x, t = rng.normal(size=(30, 2)), np.eye(3)[rng.integers(0, 3, 30)]
    W1, W2, W3, b3 = np.zeros((2, 24)), np.zeros((24, 24)), rng.normal(size=(24, 3)), np.zeros(3)
    a1 = np.maximum(0, x @ W1)
    a2 = np.maximum(0, a1 @ W2)
    y = np.exp(a2 @ W3 + b3) / np.sum(np.exp(a2 @ W3 + b3), axis=1, keepdims=True)
    dz3 = (y - t) / 30
    dz2 = dz3 @ W3.T * (a1 @ W2 > 0)                                         # ReLU's slope: 1 where z > 0
    dz1 = dz2 @ W2.T * (x @ W1 > 0)
    assert not (a2.T @ dz3).any() and not (a1.T @ dz2).any() and not (x.T @ dz1).any()
    assert not dz2.any() and not dz1.any()                                   # nor do the hidden biases
    assert np.abs(dz3.sum(axis=0)).max() > 0                                  # the output's bias does


def test_lesson_08_numbers():
    total, _ = answers("08-digits")
    stored = (NOTEBOOKS / "08-digits.out").read_text()
    assert number(total) == int(re.search(r"test digits: (\d+)", stored).group(1))
    test_accuracy = float(re.search(r"test accuracy: ([0-9.]+)", stored).group(1))
    # The table counts each digit once; its diagonal over its total is the accuracy.
    rng = np.random.default_rng(8)
    truth, said = rng.integers(0, 10, 357), rng.integers(0, 10, 357)
    confusion = np.eye(10)[truth].T @ np.eye(10)[said]
    assert confusion.sum() == 357 and np.trace(confusion) / confusion.sum() == np.mean(truth == said)
    assert "accuracy_from_table (1×1) = " + f"{test_accuracy:.4f}" in stored
    # The pictures name each digit as the file writes it (0–9), and so does the table.
    with open(NOTEBOOKS / "data" / "digits.csv") as f:
        labels = [int(line.rsplit(",", 1)[1]) for line in f.read().splitlines()[1:6]]
    for row, label in enumerate(labels, start=1):
        assert f"row {row}: label {label}" in stored, (row, label)
    assert "true \\ predicted   0   1   2   3   4   5   6   7   8   9\n" in stored


def test_lesson_09_numbers():
    beta_0, momentum_by_hand, adam_first = answers("09-optimizers")
    stored = (NOTEBOOKS / "09-optimizers.out").read_text()
    assert number(beta_0) == float(re.search(r"step 300 — sgd: ([0-9.]+)", stored).group(1))   # the lesson's sgd loss
    # momentum with β = 0 takes SGD's steps exactly (here on a random quadratic).
    rng = np.random.default_rng(9)
    A, p_sgd = rng.normal(size=(3, 3)), rng.normal(size=3)
    p_mom, v = p_sgd.copy(), np.zeros(3)
    def gradient(p):
        return A.T @ (A @ p) / 10

    for _ in range(300):
        p_sgd = p_sgd - 0.1 * gradient(p_sgd)
        v = 0 * v + gradient(p_mom)
        p_mom = p_mom - 0.1 * v
    assert (p_sgd == p_mom).all()
    # One weight, loss (w − 0)², g = 2w: momentum(lr 0.1, β 0.9) twice, Adam(lr 0.01) once.
    w, v = 1.0, 0.0
    for _ in range(2):
        v = 0.9 * v + 2 * w
        w -= 0.1 * v
    assert number(momentum_by_hand) == pytest.approx(w) == pytest.approx(0.46)
    g = 2.0
    m_hat, v_hat = (0.1 * g) / (1 - 0.9), (0.001 * g * g) / (1 - 0.999)
    assert abs(number(adam_first) - (1 - 0.01 * m_hat / (np.sqrt(v_hat) + 1e-8))) <= 1e-4
