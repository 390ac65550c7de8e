"""`check` and `todo` through a real Jupyter client: a passing check is a ✓ line on
stdout and status ok; a failing one is an error reply (status error, ename CheckError)
with expected, got, difference and hint, and the same error on iopub. Numbers are
checked against numpy."""
import numpy as np

from conftest import run_cell

SETUP = """tensor x = [0.1, 0.2]
layer hidden = dense(2 -> 2, sigmoid, bias: false, weights: [[0.30, 0.40], [0.25, 0.35]])
forward x;"""

H = 1 / (1 + np.exp(-(np.array([0.1, 0.2]) @ np.array([[0.30, 0.40], [0.25, 0.35]]))))


def streams(messages, name="stdout"):
    return "".join(m["content"]["text"] for m in messages
                   if m["msg_type"] == "stream" and m["content"]["name"] == name)


def errors(messages):
    return [m["content"] for m in messages if m["msg_type"] == "error"]


def test_a_passing_check_prints_a_tick_line(kernel):
    _, kc = kernel
    assert run_cell(kc, SETUP)[0]["content"]["status"] == "ok"
    reply, messages = run_cell(kc, 'check hidden.a[1,1] ≈ 0.5200 (tol: 1e-4), "h1 is sigmoid(z1); what is z1?"')
    assert reply["content"]["status"] == "ok"
    assert streams(messages) == f"✓ hidden.a[1,1] ≈ 0.5200 (got {H[0]:.5f})\n"
    assert errors(messages) == []


def test_a_failing_check_is_an_error_reply_named_check_error(kernel):
    _, kc = kernel
    run_cell(kc, SETUP)
    reply, messages = run_cell(kc, 'check hidden.a[1,1] ~= 0.6, "h1 is sigmoid(z1); what is z1?"\nprint "not reached"')
    content = reply["content"]
    assert content["status"] == "error"
    assert content["ename"] == "CheckError"
    expected_value = (f"line 1, column 7: check failed: got {H[0]:.5f}, expected 0.6 within 0.0001 "
                      f"(difference {H[0] - 0.6:.5f}) — h1 is sigmoid(z1); what is z1?")
    assert content["evalue"] == expected_value
    # The traceback shows the line and a caret under the checked expression.
    assert content["traceback"][-2:] == ['  check hidden.a[1,1] ~= 0.6, "h1 is sigmoid(z1); what is z1?"',
                                         "        ^^^^^^^^^^^^^"]
    [published] = errors(messages)
    assert published["ename"] == "CheckError" and published["evalue"] == expected_value
    assert "not reached" not in streams(messages)
    # The kernel goes on, the session unchanged.
    assert run_cell(kc, "check hidden.a > 0.5")[0]["content"]["status"] == "ok"


def test_a_tensor_check_names_the_worst_value(kernel):
    _, kc = kernel
    run_cell(kc, SETUP)
    reply, _ = run_cell(kc, "check hidden.a ≈ [[0.52, 0.525]] (tol: 1e-3)")
    assert reply["content"]["ename"] == "CheckError"
    difference = H[1] - 0.525
    assert reply["content"]["evalue"] == (
        f"line 1, column 7: check failed: 1 of 2 values differ; it is at [1, 2]: "
        f"got {H[1]:.4f}, expected 0.525 within 0.001 (difference {difference:.4f})")


def test_todo_is_not_answered_yet(kernel):
    _, kc = kernel
    reply, _ = run_cell(kc, 'todo "compute z1 = x @ hidden.W"')
    assert reply["content"]["status"] == "error"
    assert reply["content"]["ename"] == "CheckError"
    assert reply["content"]["evalue"] == ("line 1, column 1: not answered yet: compute z1 = x @ hidden.W"
                                          " — replace todo with your answer")
