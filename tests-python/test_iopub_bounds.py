"""iopub is bounded without losing anything for a client that reads (issue 10.4).

A subscriber that stopped reading (here: a process stopped with SIGSTOP, as a frozen
laptop) must not grow the kernel: with an unlimited queue it kept every message, 527 MB
in 300 cells. A client that reads, even one that pauses, must still get every message."""
import json
import os
import signal
import subprocess
import sys
import time
from queue import Empty

import pytest
import zmq

from conftest import run_cell, shell_reply

STUCK_SUBSCRIBER = """
import sys, zmq
sub = zmq.Context().socket(zmq.SUB)
sub.subscribe(b"")
sub.connect(sys.argv[1])
sub.recv_multipart()          # the iopub_welcome: subscribed
print("subscribed", flush=True)
sys.stdin.read()              # never reads iopub again
"""


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as status:
        kb = next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
    return kb / 1024


@pytest.fixture
def stuck_subscriber(kernel):
    km, _ = kernel
    info = km.get_connection_info()
    process = subprocess.Popen([sys.executable, "-c", STUCK_SUBSCRIBER, f"tcp://{info['ip']}:{info['iopub_port']}"],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "subscribed"
    os.kill(process.pid, signal.SIGSTOP)
    yield process
    os.kill(process.pid, signal.SIGCONT)
    process.kill()
    process.wait()


def test_a_stopped_subscriber_does_not_grow_the_kernel(kernel, stuck_subscriber):
    km, kc = kernel
    pid = km.provisioner.process.pid
    # A 30×30 table (below any summarising threshold) shown 20 times: 20 messages of 26 KB.
    run_cell(kc, "seed 1\ntensor a = randn(30, 30);")
    cell = "show a\n" * 20
    expected = [m["content"]["data"] for m in run_cell(kc, cell)[1] if m["msg_type"] == "display_data"]
    size = sum(len(json.dumps(data)) for data in expected)
    before = rss_mb(pid)
    published = 0
    for _ in range(100):
        reply, messages = run_cell(kc, cell)
        assert reply["content"]["status"] == "ok"
        # The reading client gets every output in full, all along.
        assert [m["content"]["data"] for m in messages if m["msg_type"] == "display_data"] == expected
        published += size
    growth = rss_mb(pid) - before
    print(f"published {published / 1e6:.0f} MB to the stopped subscriber; kernel grew {growth:.1f} MB")
    # Bounded by the high-water mark (32 messages, here ~1 MB), not by what was published.
    assert published > 40e6
    assert growth < 15, f"kernel grew {growth:.0f} MB for a subscriber that reads nothing"


def test_a_slow_reader_loses_nothing(kernel):
    """A client with small buffers that reads slowly while a cell shows a table 300 times,
    faster than it reads: the kernel waits for it (the cell slows down) instead of
    dropping what it cannot queue."""
    km, _ = kernel
    context = zmq.Context()
    context.setsockopt(zmq.RCVHWM, 10)
    context.setsockopt(zmq.RCVBUF, 4096)
    slow = km.client(context=context)
    slow.start_channels()
    try:
        slow.wait_for_ready(timeout=30)
        shows = 300
        setup = slow.execute("seed 1\ntensor a = randn(30, 30);")
        assert shell_reply(slow, setup)["content"]["status"] == "ok"
        msg_id = slow.execute("show a\n" * shows)
        shown = 0
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                msg = slow.get_iopub_msg(timeout=10)
            except Empty:
                break   # the idle was lost
            time.sleep(0.05)   # a slow reader: about four times slower than the kernel shows
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            shown += msg["msg_type"] in ("display_data", "execute_result")   # the last one is the result
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
        assert shown == shows
        assert shell_reply(slow, msg_id)["content"]["status"] == "ok"
    finally:
        slow.stop_channels()
        context.destroy(linger=0)
