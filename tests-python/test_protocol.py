"""The kernel's side of the wire protocol, driven with jupyter_client and raw pyzmq:
signatures, replays, malformed frames, heartbeat, interrupt, shutdown, iopub_welcome,
execution counting and stop_on_error."""
import os
import signal
import time
from queue import Empty

import zmq
from jupyter_client.session import Session

from conftest import LONG_TRAIN_CELL, collect_iopub, run_cell, shell_reply, wait_for_training


def raw_shell(km):
    """A DEALER connected to the kernel's shell port, plus a session with the right key."""
    info = km.get_connection_info()
    sock = zmq.Context.instance().socket(zmq.DEALER)
    sock.linger = 0
    sock.connect(f"tcp://{info['ip']}:{info['shell_port']}")
    session = Session(key=info["key"], signature_scheme=info["signature_scheme"])
    return sock, session


def replies(sock, seconds):
    """Every message the kernel sends on this DEALER within `seconds`, as frames."""
    got = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if sock.poll(50):
            got.append(sock.recv_multipart())
    return got


def assert_alive(kc):
    msg_id = kc.kernel_info()
    assert shell_reply(kc, msg_id, timeout=5)["msg_type"] == "kernel_info_reply"


def tensor_exists(kc, name):
    reply, _ = run_cell(kc, f"show {name}", store_history=False)
    return reply["content"]["status"] == "ok"


def test_wrongly_signed_message_is_not_executed(kernel):
    km, kc = kernel
    sock, _ = raw_shell(km)
    forger = Session(key=b"not-the-key")
    forger.send(sock, "execute_request", {"code": "tensor forged = 1", "silent": False})
    assert replies(sock, 0.5) == []
    assert_alive(kc)
    assert not tensor_exists(kc, "forged")


def test_replayed_message_is_executed_once(kernel):
    km, kc = kernel
    sock, session = raw_shell(km)
    msg = session.msg("execute_request", {"code": "tensor once = 1", "silent": False, "store_history": True})
    frames = session.serialize(msg)
    sock.send_multipart(frames)
    first = replies(sock, 1.0)
    sock.send_multipart(frames)
    second = replies(sock, 0.5)
    assert len(first) == 1
    _, reply_frames = session.feed_identities(first[0])
    assert session.deserialize(reply_frames)["content"]["status"] == "ok"
    assert second == []
    assert_alive(kc)


def test_malformed_frames_leave_the_kernel_alive(kernel):
    km, kc = kernel
    sock, session = raw_shell(km)
    key = km.get_connection_info()["key"]

    def signed(parts):
        """Correctly signed frames, so the kernel gets past the signature to the content."""
        return [b"<IDS|MSG>", session.sign(parts), *parts]

    good_header = session.pack(session.msg_header("kernel_info_request"))
    cases = {
        "no delimiter": [b"just", b"garbage"],
        "too few frames": [b"<IDS|MSG>", b"sig", b"{}"],
        "bad JSON": signed([b"{not json", b"{}", b"{}", b"{}"]),
        "header without msg_type": signed([session.pack({"msg_id": "x1", "session": "s", "username": "u",
                                                          "date": "2026-01-01T00:00:00Z", "version": "5.3"}),
                                           b"{}", b"{}", b"{}"]),
        "signature of the wrong length": [b"<IDS|MSG>", b"abc", good_header, b"{}", b"{}", b"{}"],
        "content not an object": signed([session.pack(session.msg_header("execute_request")), b"{}", b"{}", b"[1, 2]"]),
    }
    assert key  # the test kernel signs
    for name, frames in cases.items():
        sock.send_multipart(frames)
        assert replies(sock, 0.3) == [], name
        assert_alive(kc)

    # An unknown message type is answered with busy/idle only, as ipykernel does.
    unknown = session.send(sock, "no_such_request", {})
    assert replies(sock, 0.5) == []
    states = [m["content"]["execution_state"] for m in collect_iopub(kc, unknown["header"]["msg_id"])]
    assert states == ["busy", "idle"]
    assert_alive(kc)


def test_iopub_welcome_on_subscription(kernel):
    km, _ = kernel
    info = km.get_connection_info()
    sub = zmq.Context.instance().socket(zmq.SUB)
    sub.linger = 0
    sub.subscribe(b"")
    sub.connect(f"tcp://{info['ip']}:{info['iopub_port']}")
    session = Session(key=info["key"])
    assert sub.poll(5000), "no iopub_welcome"
    idents, frames = session.feed_identities(sub.recv_multipart())
    welcome = session.deserialize(frames)
    assert welcome["msg_type"] == "iopub_welcome"
    assert welcome["content"] == {"subscription": ""}


def test_heartbeat_answers_while_a_cell_runs(kernel):
    km, kc = kernel
    msg_id = kc.execute(LONG_TRAIN_CELL)
    wait_for_training(kc, msg_id)
    info = km.get_connection_info()
    hb = zmq.Context.instance().socket(zmq.REQ)
    hb.linger = 0
    hb.connect(f"tcp://{info['ip']}:{info['hb_port']}")
    for ping in (b"ping-1", b"ping-2"):
        hb.send(ping)
        assert hb.poll(1000), "heartbeat did not answer during the cell"
        assert hb.recv() == ping
    km.interrupt_kernel()
    assert shell_reply(kc, msg_id)["content"]["ename"] == "KeyboardInterrupt"


def check_interrupt(kc, interrupt):
    msg_id = kc.execute(LONG_TRAIN_CELL)
    wait_for_training(kc, msg_id)
    time.sleep(0.3)
    started = time.monotonic()
    interrupt()
    reply = shell_reply(kc, msg_id, timeout=10)
    assert time.monotonic() - started < 2
    assert reply["content"]["status"] == "error"
    assert reply["content"]["ename"] == "KeyboardInterrupt"
    # The session is consistent: the network trained up to the last completed step runs
    # forward, and the recorded loss history holds the completed epochs.
    after, outputs = run_cell(kc, "forward spiral.x, spiral.y")
    assert after["content"]["status"] == "ok", after["content"]
    assert any(m["msg_type"] == "execute_result" for m in outputs)


def test_interrupt_request_stops_a_long_train(kernel):
    km, kc = kernel
    check_interrupt(kc, km.interrupt_kernel)   # interrupt_mode "message": on control


def test_sigint_stops_a_long_train(kernel):
    km, kc = kernel
    pid = km.provisioner.process.pid
    check_interrupt(kc, lambda: os.kill(pid, signal.SIGINT))


def test_interrupt_request_on_shell_is_answered(kernel):
    km, kc = kernel
    msg = kc.session.msg("interrupt_request", {})
    kc.shell_channel.send(msg)
    assert shell_reply(kc, msg["header"]["msg_id"])["content"]["status"] == "ok"


def test_shutdown_exits_cleanly(kernel):
    km, kc = kernel
    process = km.provisioner.process
    run_cell(kc, "tensor x = 1")
    msg_id = kc.shutdown(restart=False)
    reply = kc.control_channel.get_msg(timeout=5)
    assert reply["parent_header"]["msg_id"] == msg_id
    assert reply["content"] == {"status": "ok", "restart": False}
    assert process.wait(timeout=5) == 0


def test_shutdown_during_a_running_cell(kernel):
    km, kc = kernel
    process = km.provisioner.process
    msg_id = kc.execute(LONG_TRAIN_CELL)
    wait_for_training(kc, msg_id)
    kc.shutdown()
    assert process.wait(timeout=5) == 0


def test_restart_gives_a_fresh_session(kernel):
    km, kc = kernel
    run_cell(kc, "tensor before_restart = 1")
    old = km.provisioner.process
    km.restart_kernel(now=False)
    assert old.wait(timeout=5) == 0
    kc.wait_for_ready(timeout=30)
    assert not tensor_exists(kc, "before_restart")


def test_execution_count_counts_stored_executions_only(kernel):
    _, kc = kernel
    first, _ = run_cell(kc, "tensor a = 1")
    silent, outputs = run_cell(kc, "tensor b = 2", silent=True)
    unstored, _ = run_cell(kc, "tensor c = 3", store_history=False)
    second, _ = run_cell(kc, "tensor d = 4")
    assert first["content"]["execution_count"] == 1
    assert second["content"]["execution_count"] == 2
    assert silent["content"]["status"] == unstored["content"]["status"] == "ok"
    # A silent cell publishes neither its input nor its result.
    assert not [m for m in outputs if m["msg_type"] in ("execute_input", "execute_result")]


def test_stop_on_error_aborts_only_queued_executions(kernel):
    km, kc = kernel
    # A long cell keeps the next one waiting in the queue until the first one fails.
    failing = kc.execute(LONG_TRAIN_CELL)
    wait_for_training(kc, failing)
    queued = kc.execute("tensor after_error = 1")
    time.sleep(0.3)
    km.interrupt_kernel()
    failed, aborted = shell_reply(kc, failing), shell_reply(kc, queued)
    assert failed["content"]["status"] == "error"
    assert aborted["content"]["status"] == "error"
    assert aborted["content"]["ename"] == "Aborted"
    assert not tensor_exists(kc, "after_error")
    # With stop_on_error false the queued cell runs.
    failing = kc.execute(LONG_TRAIN_CELL, stop_on_error=False)
    wait_for_training(kc, failing)
    queued = kc.execute("tensor runs_anyway = 1")
    time.sleep(0.3)
    km.interrupt_kernel()
    assert shell_reply(kc, failing)["content"]["ename"] == "KeyboardInterrupt"
    assert shell_reply(kc, queued)["content"]["status"] == "ok"


def test_error_carries_name_value_and_caret(kernel):
    _, kc = kernel
    reply, outputs = run_cell(kc, "tensor x = [1, 2]\ntensor y = x @ hiden")
    errors = [m for m in outputs if m["msg_type"] == "error"]
    assert len(errors) == 1
    content = errors[0]["content"]
    assert content["ename"] == "NameError"
    assert "hiden" in content["evalue"] and "line 2" in content["evalue"]
    text = "\n".join(content["traceback"])
    assert "tensor y = x @ hiden" in text
    caret_line = [line for line in content["traceback"] if line.strip().startswith("^")][0]
    source_line = [line for line in content["traceback"] if "x @ hiden" in line][0]
    assert source_line[caret_line.index("^"):].startswith("hiden")
    assert reply["content"]["ename"] == "NameError"


def test_error_escapes_control_characters_a_terminal_would_obey(kernel):
    # A string with ESC (colour), BEL and an OSC title sequence, and a path with a CR:
    # the client sees them escaped as Python's repr writes them, never raw.
    _, kc = kernel
    _, outputs = run_cell(kc, 'print "\x1b[31mred\x07", nope')
    content = [m for m in outputs if m["msg_type"] == "error"][0]["content"]
    shown = content["evalue"] + "\n".join(content["traceback"])
    assert not any(ch in shown for ch in "\x1b\x07\r"), repr(shown)
    source_line = [line for line in content["traceback"] if line.startswith("  print")][0]
    assert source_line == '  print "' + repr("\x1b[31mred\x07")[1:-1] + '", nope'
    caret_line = [line for line in content["traceback"] if line.strip().startswith("^")][0]
    assert source_line[caret_line.index("^"):].startswith("nope")
    _, outputs = run_cell(kc, 'load d = csv("a\x1b]0;owned\x07\r.csv")')
    content = [m for m in outputs if m["msg_type"] == "error"][0]["content"]
    assert repr("a\x1b]0;owned\x07\r.csv")[1:-1] in content["evalue"], content["evalue"]
    assert not any(ch in content["evalue"] + "".join(content["traceback"]) for ch in "\x1b\x07\r")


def test_short_train_shows_its_curve_without_a_live_display(kernel):
    """A run under 0.1 s flashes no progress: the loss curve and the summary, nothing to update
    (long runs: test_live_train.py)."""
    _, kc = kernel
    reply, outputs = run_cell(kc, "seed 1\ndataset xor = xor()\nlayer h = dense(2 -> 4, tanh)\n"
                                  "layer o = dense(4 -> 1, sigmoid)\nloss mse\noptimizer sgd(lr: 0.5)\n"
                                  "train xor.x, xor.y, epochs: 200")
    assert reply["content"]["status"] == "ok"
    assert not [m for m in outputs if m["msg_type"] == "update_display_data"]
    shown = [m for m in outputs if m["msg_type"] in ("display_data", "execute_result")]
    assert not [m for m in shown if m["content"].get("transient", {}).get("display_id")]
    assert [m["content"]["data"]["application/vnd.netbook+json"].get("title") for m in shown[-2:]] == ["training loss", "train"]


def test_help_goes_to_the_pager(kernel):
    _, kc = kernel
    reply, outputs = run_cell(kc, "help forward")
    payload = reply["content"]["payload"]
    assert len(payload) == 1 and payload[0]["source"] == "page"
    assert "forward" in payload[0]["data"]["text/plain"]
    assert not [m for m in outputs if m["msg_type"] in ("execute_result", "display_data")]


# JupyterLab's renderers by rank (lower wins): its JSON tree viewer ranks 0, before
# text/html 50, text/markdown 60, image/svg+xml 80 and text/plain 120.
JUPYTERLAB_RANK = {"application/json": 0, "text/html": 50, "text/markdown": 60,
                   "image/svg+xml": 80, "text/plain": 120}


def test_jupyterlab_shows_tables_plots_and_derivations(kernel):
    """What JupyterLab picks from each bundle: the HTML table, the SVG plot, the Markdown
    derivation — never its JSON tree viewer; plots carry no text/html, which JupyterLab
    would prefer to the SVG and strip to bare labels in an untrusted notebook."""
    _, kc = kernel
    _, outputs = run_cell(kc, "tensor x = [[1, 2]]\nplot sigmoid from -5 to 5\n"
                              "layer o = dense(2 -> 1, sigmoid)\nloss mse\nforward x, [[1]]\n"
                              "backward\nexplain o.W[1, 1]")
    shown = []
    for msg in outputs:
        if msg["msg_type"] in ("display_data", "execute_result"):
            data = msg["content"]["data"]
            known = [m for m in data if m in JUPYTERLAB_RANK]
            shown.append(min(known, key=JUPYTERLAB_RANK.get))
            assert "application/json" not in data
            if "image/svg+xml" in data or "<table" in data.get("text/html", ""):
                assert "application/vnd.netbook+json" in data  # the numbers, for programs
            if "image/svg+xml" in data:
                assert "text/html" not in data
    assert shown[0] == "text/html" and "image/svg+xml" in shown and shown[-1] == "text/markdown", shown


def test_exit_asks_the_front_end_to_close(kernel):
    """`exit`/`quit` send IPython's ask_exit payload; the session itself is untouched."""
    _, kc = kernel
    run_cell(kc, "tensor x = [1, 2]")
    reply, _ = run_cell(kc, "quit")
    assert reply["content"]["status"] == "ok"
    assert reply["content"]["payload"] == [{"source": "ask_exit", "keepkernel": False}]
    reply, _ = run_cell(kc, "print x")
    assert reply["content"]["status"] == "ok"


def test_complete_cursor_counts_code_points(kernel):
    _, kc = kernel
    run_cell(kc, "tensor größe = 1")
    code = "tensor x = grö"
    msg_id = kc.complete(code, cursor_pos=len(code))   # Python's len counts code points
    reply = shell_reply(kc, msg_id)["content"]
    assert "größe" in reply["matches"]
    assert reply["cursor_start"] == len("tensor x = ") and reply["cursor_end"] == len(code)


def test_comm_info_and_history(kernel):
    _, kc = kernel
    msg_id = kc.comm_info()
    assert shell_reply(kc, msg_id)["content"] == {"status": "ok", "comms": {}}
    for code in ("tensor a = 1", "tensor b = 2", "tensor a = 1"):
        run_cell(kc, code)
    msg_id = kc.history(hist_access_type="range", session=0, start=2, stop=3, raw=True, output=False)
    assert shell_reply(kc, msg_id)["content"]["history"] == [[0, 2, "tensor b = 2"]]
    msg_id = kc.history(hist_access_type="search", pattern="tensor a*", unique=True, raw=True, output=False)
    assert shell_reply(kc, msg_id)["content"]["history"] == [[1, 3, "tensor a = 1"]]


def test_user_expressions_are_evaluated_after_the_cell(kernel):
    _, kc = kernel
    reply, _ = run_cell(kc, "tensor w = [[1, 2], [3, 4]]",
                        user_expressions={"total": "sum(w)", "broken": "sum(nothing_here)"})
    results = reply["content"]["user_expressions"]
    assert results["total"]["status"] == "ok"
    assert results["total"]["data"]["application/vnd.netbook+json"]["data"] == [[10]]   # 1 + 2 + 3 + 4
    assert results["broken"]["status"] == "error"
    assert results["broken"]["ename"] == "NameError"
