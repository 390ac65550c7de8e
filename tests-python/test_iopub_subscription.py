"""A client's first request and its iopub subscription race: ZeroMQ connects each socket
in its own time (after a refused connect, 100 ms plus up to 100 ms of random jitter), so
a shell request can arrive before the same client's iopub subscription. The kernel holds
shell requests until iopub has a subscriber (for at most a couple of seconds), so the
first subscriber sees every message of that request: `jupyter console` waits for the
idle of its cell and hung when `exit` was its first line on a loaded machine
(test_console.py runs it against a kernel that starts slowly)."""
import time

import pytest
import zmq
from jupyter_client.manager import KernelManager
from jupyter_client.session import Session

from conftest import KERNEL_NAME


@pytest.fixture
def bare_kernel():
    """A kernel started with no client connected at all."""
    km = KernelManager(kernel_name=KERNEL_NAME)
    km.start_kernel()
    try:
        yield km
    finally:
        km.shutdown_kernel(now=True)


def connect(km, kind, port_name):
    info = km.get_connection_info()
    sock = zmq.Context.instance().socket(kind)
    sock.linger = 0
    if kind == zmq.SUB:
        sock.subscribe(b"")
    sock.connect(f"tcp://{info['ip']}:{info[port_name]}")
    return sock, Session(key=info["key"], signature_scheme=info["signature_scheme"])


def receive(sock, session, seconds, count=None):
    """The messages arriving on sock within `seconds` (or the first `count`), deserialized."""
    got = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and len(got) != count:
        if sock.poll(50):
            _, frames = session.feed_identities(sock.recv_multipart())
            got.append(session.deserialize(frames))
    return got


def test_a_request_sent_before_the_subscription_is_seen_by_the_subscriber(bare_kernel):
    shell, session = connect(bare_kernel, zmq.DEALER, "shell_port")
    request = session.send(shell, "execute_request", {"code": "tensor early = [1, 2]\nearly", "silent": False,
                                                      "store_history": True, "user_expressions": {},
                                                      "allow_stdin": False, "stop_on_error": True})
    time.sleep(0.5)   # the request waits in the kernel; the subscription comes late
    sub, _ = connect(bare_kernel, zmq.SUB, "iopub_port")
    published = receive(sub, session, 3)
    replies = receive(shell, session, 3, count=1)

    assert published[0]["msg_type"] == "iopub_welcome"
    of_request = [m for m in published if m["parent_header"].get("msg_id") == request["header"]["msg_id"]]
    kinds = [m["msg_type"] for m in of_request]
    assert of_request, f"the subscriber saw nothing of the request: {[m['msg_type'] for m in published]}"
    assert kinds[0] == "status" and of_request[0]["content"]["execution_state"] == "busy"
    assert "execute_input" in kinds and "execute_result" in kinds
    assert kinds[-1] == "status" and of_request[-1]["content"]["execution_state"] == "idle"
    assert [r["content"]["status"] for r in replies] == ["ok"]


def test_a_client_that_never_subscribes_is_still_answered(bare_kernel):
    shell, session = connect(bare_kernel, zmq.DEALER, "shell_port")
    session.send(shell, "kernel_info_request", {})
    replies = receive(shell, session, 10, count=1)   # after the kernel's patience (2 s)
    assert [r["msg_type"] for r in replies] == ["kernel_info_reply"]
