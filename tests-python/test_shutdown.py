"""Shutdown and restart never hang: in every state (idle, running a cell, inside a large
OpenBLAS product) shutdown_request is answered and the process exits at once. The
kernel used to end with exit(), whose OpenBLAS destructor joins the BLAS threads while
the worker is inside a product; restart then waited until the front end killed it.

Times are printed (pytest -s), not asserted: the bound (5 s) only catches a hang; it is
jupyter_client's own wait before it kills a kernel."""
import time
from queue import Empty

import pytest

from conftest import LONG_TRAIN_CELL, shell_reply, wait_for_training

HANG = 5   # seconds: jupyter_client's shutdown_wait_time, after which it kills the kernel
# About a second per 2000×2000 product on two cores: the worker is inside OpenBLAS
# nearly all the time this cell runs.
BLAS_CHAIN = "tensor product = " + " @ ".join(["big"] * 30) + ";"


def openblas_mapped(pid):
    with open(f"/proc/{pid}/maps") as maps:
        return any("openblas" in line for line in maps)


def wait_for_input(kc, msg_id, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            msg = kc.get_iopub_msg(timeout=0.5)
        except Empty:
            continue
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "execute_input":
            return
    raise AssertionError("the cell did not start")


def enter_state(km, kc, state):
    """Leaves the kernel idle, running a train cell, or inside a large OpenBLAS product."""
    if state == "running a cell":
        wait_for_training(kc, kc.execute(LONG_TRAIN_CELL))
    elif state == "inside BLAS":
        setup = kc.execute("tensor big = randn(2000, 2000);")
        assert kc.get_shell_msg(timeout=60)["parent_header"]["msg_id"] == setup
        wait_for_input(kc, kc.execute(BLAS_CHAIN))
        time.sleep(0.5)
        assert openblas_mapped(km.provisioner.process.pid)


STATES = ["idle", "running a cell", "inside BLAS"]


@pytest.mark.parametrize("restart", [False, True], ids=["shutdown", "shutdown-restart"])
@pytest.mark.parametrize("state", STATES)
def test_shutdown_request_is_answered_and_the_kernel_exits(kernel, state, restart):
    km, kc = kernel
    process = km.provisioner.process
    enter_state(km, kc, state)
    started = time.monotonic()
    msg_id = kc.shutdown(restart=restart)
    reply = kc.control_channel.get_msg(timeout=HANG)
    status = process.wait(timeout=HANG)
    print(f"{state}, restart={restart}: replied and exited in {time.monotonic() - started:.3f} s")
    assert reply["parent_header"]["msg_id"] == msg_id
    assert reply["content"] == {"status": "ok", "restart": restart}
    assert status == 0


@pytest.mark.parametrize("state", STATES)
def test_restart_replaces_the_kernel_without_waiting_for_a_kill(kernel, state):
    km, kc = kernel
    old = km.provisioner.process
    enter_state(km, kc, state)
    started = time.monotonic()
    km.restart_kernel(now=False)   # shutdown_request(restart=True), waits for the exit, starts anew
    elapsed = time.monotonic() - started
    print(f"{state}: restarted in {elapsed:.3f} s")
    # Exited by itself with status 0: jupyter_client's kill would leave -SIGKILL.
    assert old.wait(timeout=HANG) == 0
    assert elapsed < HANG
    kc.wait_for_ready(timeout=30)
    assert shell_reply(kc, kc.execute("tensor after = [1, 2]\nafter"))["content"]["status"] == "ok"
    assert km.provisioner.process is not old
