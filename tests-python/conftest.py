"""Shared helpers for the protocol tests: the NetBook kernel is started through its
installed kernelspec ("netbook", installed into the test venv by `make test-python`),
exactly as Jupyter front ends start it."""
import os
import pathlib
import time
from queue import Empty

import pytest
from jupyter_client.manager import start_new_kernel

ROOT = pathlib.Path(__file__).resolve().parent.parent
KERNEL_NAME = os.environ.get("NETBOOK_KERNEL_NAME", "netbook")

# The lessons: notebooks/ in English (the default) and notebooks/ko/, the Korean lessons
# 01–05 (test_korean_lessons.py). Every test that reads or runs the stored notebooks
# takes both, named by their path under notebooks/ ("ko/03-backprop-by-hand.ipynb").
NOTEBOOK_DIRS = [ROOT / "notebooks", ROOT / "notebooks" / "ko"]


def lesson_files(pattern):
    """The files of every lesson directory matching `pattern`, English first."""
    return [path for directory in NOTEBOOK_DIRS for path in sorted(directory.glob(pattern))]


def lesson_id(path):
    """A test id that tells an English lesson from its Korean twin."""
    return str(path.relative_to(ROOT / "notebooks"))

# A cell that runs until interrupted: `train` stops at the next step boundary.
LONG_TRAIN_CELL = """seed 1
dataset spiral = spiral(n: 300, classes: 3)
layer hidden = dense(2 -> 64, relu)
layer out = dense(64 -> 3, softmax)
loss cross_entropy
optimizer adam(lr: 0.01)
train spiral.x, spiral.y, epochs: 1000000, batch: 10"""


@pytest.fixture
def kernel():
    """A fresh kernel and a started blocking client; shut down afterwards."""
    km, kc = start_new_kernel(kernel_name=KERNEL_NAME, startup_timeout=30)
    try:
        yield km, kc
    finally:
        kc.stop_channels()
        if km.is_alive():
            km.shutdown_kernel(now=False)


def collect_iopub(kc, parent_id, timeout=10):
    """The iopub messages of one request, up to and including its status idle."""
    messages = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            msg = kc.get_iopub_msg(timeout=0.5)
        except Empty:
            continue
        if msg["parent_header"].get("msg_id") != parent_id:
            continue
        messages.append(msg)
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return messages
    raise AssertionError(f"no idle status for {parent_id}; got {[m['msg_type'] for m in messages]}")


def run_cell(kc, code, timeout=20, **options):
    """Executes code; returns (reply, iopub messages of the request)."""
    msg_id = kc.execute(code, **options)
    reply = shell_reply(kc, msg_id, timeout)
    return reply, collect_iopub(kc, msg_id, timeout)


def shell_reply(kc, msg_id, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            msg = kc.get_shell_msg(timeout=0.5)
        except Empty:
            continue
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg
    raise AssertionError(f"no reply to {msg_id} within {timeout} s")


def wait_for_training(kc, parent_id, timeout=20):
    """Waits until the running request shows train's live progress display."""
    return wait_for_output(kc, parent_id, "display_data", timeout,
                           lambda m: "display_id" in m["content"].get("transient", {}))


def wait_for_output(kc, parent_id, msg_type, timeout=20, accept=lambda m: True):
    """Waits until the running request publishes a message of msg_type."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            msg = kc.get_iopub_msg(timeout=0.5)
        except Empty:
            continue
        if msg["parent_header"].get("msg_id") == parent_id and msg["msg_type"] == msg_type and accept(msg):
            return msg
    raise AssertionError(f"no {msg_type} from {parent_id}")
