"""Interrupting long work that is not a train: a chain of large matrix products and a big
CSV load. The client interrupts as Jupyter front ends do (KernelManager.interrupt_kernel,
which follows the kernelspec's interrupt_mode, and SIGINT); the cell ends with a
KeyboardInterrupt error reply, the session keeps the values from before the interrupted
statement, and the next cell runs.

The latency is printed (run pytest with -s to see it), not asserted: timings on a shared
machine are flaky. The 5 s bound only detects a kernel that does not stop at all."""
import os
import signal
import time

import numpy as np
import pytest

from conftest import collect_iopub, run_cell, shell_reply, wait_for_output

# a @ a = a for this a (every entry 1/2000): the chain is many seconds of work.
CHAIN = "tensor b = " + " @ ".join(["a"] * 30)


def tensor_value(kc, expression):
    """The full-precision value of a tensor expression, from its JSON form."""
    reply, outputs = run_cell(kc, expression)
    assert reply["content"]["status"] == "ok", reply["content"]
    result = next(m for m in outputs if m["msg_type"] == "execute_result")
    return np.array(result["content"]["data"]["application/vnd.netbook+json"]["data"], dtype=float)


def interrupt_while_running(km, kc, code, interrupt, delay=0.5):
    """Starts code, interrupts it after delay seconds; returns (reply, latency in s)."""
    msg_id = kc.execute(code)
    wait_for_output(kc, msg_id, "status", accept=lambda m: m["content"]["execution_state"] == "busy")
    time.sleep(delay)
    started = time.monotonic()
    interrupt()
    reply = shell_reply(kc, msg_id, timeout=5)
    latency = time.monotonic() - started
    collect_iopub(kc, msg_id)
    print(f"\ninterrupt latency ({code.splitlines()[-1][:40]}...): {latency * 1000:.0f} ms")
    return reply, latency


def interrupter(km, how):
    if how == "kernelspec":
        # jupyter_client reads interrupt_mode from the kernelspec ("message" for NetBook)
        # and sends an interrupt_request on the control channel.
        assert km.kernel_spec.interrupt_mode == "message"
        return km.interrupt_kernel
    pid = km.provisioner.process.pid
    return lambda: os.kill(pid, signal.SIGINT)


@pytest.mark.parametrize("how", ["kernelspec", "sigint"])
def test_interrupt_stops_a_chain_of_large_products(kernel, how):
    km, kc = kernel
    reply, _ = run_cell(kc, "tensor a = ones(2000, 2000) / 2000;\ntensor b = [7]")
    assert reply["content"]["status"] == "ok"
    reply, _ = interrupt_while_running(km, kc, CHAIN, interrupter(km, how))
    assert reply["content"]["status"] == "error"
    assert reply["content"]["ename"] == "KeyboardInterrupt"
    assert "the session is as it was before this statement" in reply["content"]["evalue"]
    # No half-assigned tensor, and the next cell computes as before.
    assert tensor_value(kc, "b").tolist() == [[7.0]]
    assert tensor_value(kc, "(a @ a)[1:2, 1:2]") == pytest.approx(np.full((2, 2), 1 / 2000), rel=1e-12)


def test_interrupt_stops_a_big_csv_load(kernel, tmp_path):
    km, kc = kernel
    small = tmp_path / "small.csv"
    small.write_text("a,b,label\n1,2,0\n3,4,1\n")
    rng = np.random.default_rng(1)
    rows = 600_000
    values = rng.random((rows, 8))
    labels = rng.integers(0, 10, rows)
    big = tmp_path / "big.csv"
    np.savetxt(big, np.column_stack([values, labels]), delimiter=",", fmt=["%.6f"] * 8 + ["%d"],
               header="a,b,c,d,e,f,g,h,label", comments="")

    reply, _ = run_cell(kc, f'load d = csv("{small}", label: "label")')
    assert reply["content"]["status"] == "ok", reply["content"]
    reply, _ = interrupt_while_running(km, kc, f'load d = csv("{big}", label: "label")', km.interrupt_kernel,
                                       delay=0.3)
    assert reply["content"]["status"] == "error"
    assert reply["content"]["ename"] == "KeyboardInterrupt"
    # The data set is still the small one, and the session goes on.
    assert tensor_value(kc, "d.x").tolist() == [[1.0, 2.0], [3.0, 4.0]]
    assert tensor_value(kc, "sum(d.y)").tolist() == [[3.0]]


def test_interrupt_stops_a_big_save_and_keeps_the_old_file(kernel, tmp_path):
    """save of 2 million numbers is seconds of JSON coding: the interrupt stops it, the
    file saved before is byte for byte as it was, no temporary file is left, and the next
    cell saves."""
    km, kc = kernel
    target = tmp_path / "s.json"
    reply, _ = run_cell(kc, f'tensor small = [1, 2]\nsave "{target}"')
    assert reply["content"]["status"] == "ok", reply["content"]
    before = target.read_bytes()
    reply, _ = run_cell(kc, "seed 1\ntensor big = randn(2000, 1000);")
    assert reply["content"]["status"] == "ok"
    reply, _ = interrupt_while_running(km, kc, f'save "{target}"', km.interrupt_kernel, delay=0.3)
    assert reply["content"]["status"] == "error"
    assert reply["content"]["ename"] == "KeyboardInterrupt"
    assert "the session is as it was before this statement" in reply["content"]["evalue"]
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.json"], "no temporary file"
    # The next cell runs: a small save goes through and reads back.
    reply, _ = run_cell(kc, f'tensor big = [3]\nsave "{target}"\ntensor big = [4]\nrestore "{target}"')
    assert reply["content"]["status"] == "ok", reply["content"]
    assert tensor_value(kc, "big").tolist() == [[3.0]]


def test_interrupt_stops_a_big_show_full(kernel):
    """show x full of 100 000 values renders text, HTML and JSON (seconds in a debug
    build): the interrupt stops the rendering, nothing of it is published, the reply is a
    KeyboardInterrupt, and the next cell shows the same tensor's values."""
    km, kc = kernel
    reply, _ = run_cell(kc, "seed 2\ntensor x = randn(100000, 1);")
    assert reply["content"]["status"] == "ok"
    msg_id = kc.execute("show x full")
    wait_for_output(kc, msg_id, "status", accept=lambda m: m["content"]["execution_state"] == "busy")
    time.sleep(0.3)
    started = time.monotonic()
    km.interrupt_kernel()
    reply = shell_reply(kc, msg_id, timeout=5)
    print(f"\ninterrupt latency (show x full, 100000 values): {(time.monotonic() - started) * 1000:.0f} ms")
    published = [m["msg_type"] for m in collect_iopub(kc, msg_id)]
    assert reply["content"]["status"] == "error"
    assert reply["content"]["ename"] == "KeyboardInterrupt"
    assert "interrupted while showing this statement's output" in reply["content"]["evalue"]
    assert "execute_result" not in published and "display_data" not in published, published
    # The tensor is intact: its first rows as the next cell shows them, against numpy's
    # reading of the same values' JSON.
    head = tensor_value(kc, "x[1:3, :]")
    assert head.shape == (3, 1)
    assert tensor_value(kc, "sum(x[1:3, :])")[0, 0] == pytest.approx(head.sum(), rel=1e-12)
