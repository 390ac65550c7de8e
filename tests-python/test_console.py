"""`jupyter console --kernel netbook`: lesson 000 typed by hand at the real terminal
front end (driven through a pseudo-terminal with pexpect), as a student would.

The figures are the lesson's own (shared seeds README): total error 0.02397190 before
the update, 0.023236338872291772 after one step at lr 0.5, ∂E/∂W5 = 0.02592286.
"""
import json
import os
import pathlib
import sys

import pexpect
import pytest
from jupyter_client.kernelspec import KernelSpecManager

from conftest import KERNEL_NAME

VENV_BIN = pathlib.Path(sys.executable).parent
PROMPT = r"In \[\d+\]: "

LESSON_000 = [
    "precision 8",
    "tensor x = [0.1, 0.2]",
    "tensor t = [0.4, 0.6]",
    "layer hidden = dense(2 -> 2, sigmoid, bias: false, weights: [[0.30, 0.40], [0.25, 0.35]])",
    "layer output = dense(2 -> 2, sigmoid, bias: false, weights: [[0.45, 0.70], [0.40, 0.60]])",
    "loss half_sse",
    "optimizer sgd(lr: 0.5)",
]


@pytest.fixture
def console(tmp_path):
    yield from spawn_console(tmp_path, KERNEL_NAME)


@pytest.fixture
def slow_start_console(tmp_path):
    """The console with a kernel that binds its ports 0.6 s late, as on a loaded machine:
    the console's sockets are refused and retry, each after its own random delay, so its
    shell may be served before its iopub subscribes (test_iopub_subscription.py)."""
    kernel = KernelSpecManager().get_kernel_spec(KERNEL_NAME).argv[0]
    spec = tmp_path / "jupyter" / "kernels" / "netbook-slow-start"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": ["sh", "-c", 'sleep 0.6; exec "$0" -f "$1"', kernel, "{connection_file}"],
        "display_name": "NetBook (slow start)", "language": "netbook", "interrupt_mode": "message"}))
    yield from spawn_console(tmp_path, "netbook-slow-start", JUPYTER_PATH=str(tmp_path / "jupyter"))


def spawn_console(tmp_path, kernel_name, **environment):
    exe = VENV_BIN / "jupyter-console"
    if not exe.exists():
        pytest.skip("jupyter_console is not installed in the test environment")
    env = dict(os.environ, HOME=str(tmp_path), TERM="dumb", COLUMNS="200", **environment)
    child = pexpect.spawn(str(exe), ["--kernel", kernel_name, "--simple-prompt"],
                          encoding="utf-8", timeout=30, env=env, cwd=str(tmp_path),
                          dimensions=(50, 200))
    child.expect(PROMPT)
    yield child
    if child.isalive():
        try:
            child.sendeof()
            if child.expect([r"exit \(\[y\]/n\)\? ", pexpect.EOF], timeout=10) == 0:
                child.sendline("y")
                child.expect(pexpect.EOF, timeout=10)
        except pexpect.TIMEOUT:
            child.terminate(force=True)   # a hung console (the test has failed already)
        child.close()


def enter(child, line):
    """Types one line and returns what the console printed before the next prompt."""
    child.sendline(line)
    child.expect(PROMPT)
    return child.before


def test_lesson_000_by_hand(console):
    for line in LESSON_000:
        assert "Error" not in enter(console, line), line
    assert "0.02397190" in enter(console, "forward x, t")
    out = enter(console, "backward")
    assert "0.02592286" in out  # dE/d(output.W)[1, 1] = ∂E/∂W5
    out = enter(console, "explain output.W[1, 1]")
    assert "0.20944600 × 0.23802157 × 0.51998934" in out
    assert "0.43703857" in out  # W5 after the update the lesson makes
    enter(console, "step")
    assert "0.02323634" in enter(console, "forward x, t")


def test_mistake_is_located_and_session_survives(console):
    enter(console, "tensor x = [0.1, 0.2]")
    out = enter(console, "forwrd x")
    assert "column 1" in out and "did you mean 'forward'" in out
    assert "^^^^^^" in out
    assert "0.1000" in enter(console, "print x")


def test_help_opens_in_the_pager(console):
    out = enter(console, "help step")
    assert "one optimizer update of every parameter" in out


def check_exit_leaves(console):
    console.sendline("exit")
    console.expect(pexpect.EOF, timeout=15)
    assert "Shutting down kernel" in console.before
    console.close()
    assert console.exitstatus == 0


def test_exit_leaves_the_console(console):
    check_exit_leaves(console)


@pytest.mark.parametrize("attempt", range(3))
def test_exit_as_the_first_line_after_a_slow_kernel_start(slow_start_console, attempt):
    """Hung in about a third of the attempts before the kernel held shell for iopub."""
    check_exit_leaves(slow_start_console)
