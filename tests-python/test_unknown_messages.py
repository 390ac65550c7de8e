"""What the kernel does with what it does not know, as ipykernel does it
(ipykernel/kernelbase.py, ipykernel/comm/manager.py): an unknown message type on shell
or control is logged and gets no reply, only busy and idle on iopub; a comm_open to a
target that does not exist is closed again with comm_close; a connection file without a
key (no signing) starts the kernel with a warning on stderr."""
import json
import subprocess
import time
from queue import Empty

from jupyter_client.blocking import BlockingKernelClient
from jupyter_client.connect import write_connection_file

from conftest import collect_iopub, shell_reply
from test_stdio import nb_kernel_binary


def no_message(get, seconds=0.5):
    try:
        return get(timeout=seconds)
    except Empty:
        return None


def states(messages):
    return [m["content"]["execution_state"] for m in messages if m["msg_type"] == "status"]


def assert_alive(kc):
    assert shell_reply(kc, kc.kernel_info(), timeout=5)["msg_type"] == "kernel_info_reply"


def test_unknown_control_message_is_logged_and_not_answered(kernel):
    _, kc = kernel
    msg = kc.session.msg("no_such_control_request", {})
    kc.control_channel.send(msg)
    assert no_message(kc.control_channel.get_msg) is None
    assert states(collect_iopub(kc, msg["header"]["msg_id"])) == ["busy", "idle"]
    assert_alive(kc)


def test_unknown_shell_message_is_logged_and_not_answered(kernel):
    _, kc = kernel
    msg = kc.session.msg("no_such_request", {})
    kc.shell_channel.send(msg)
    assert no_message(kc.get_shell_msg) is None
    assert states(collect_iopub(kc, msg["header"]["msg_id"])) == ["busy", "idle"]
    assert_alive(kc)


def test_comm_open_to_an_unknown_target_is_closed_again(kernel):
    _, kc = kernel
    msg = kc.session.msg("comm_open", {"comm_id": "c0ffee", "target_name": "no.such.target", "data": {}})
    kc.shell_channel.send(msg)
    messages = collect_iopub(kc, msg["header"]["msg_id"])
    closes = [m for m in messages if m["msg_type"] == "comm_close"]
    assert [c["content"] for c in closes] == [{"comm_id": "c0ffee", "data": {}}]
    assert no_message(kc.get_shell_msg) is None   # comm messages get no reply
    assert_alive(kc)


def test_a_connection_file_without_key_warns(tmp_path):
    connection_file = str(tmp_path / "kernel.json")
    write_connection_file(connection_file, key=b"")
    assert json.load(open(connection_file))["key"] == ""
    kernel = subprocess.Popen([nb_kernel_binary(), "-f", connection_file],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    kc = BlockingKernelClient(connection_file=connection_file)
    kc.load_connection_file()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=30)   # unsigned messages both ways
        kc.shutdown()
        assert kernel.wait(timeout=10) == 0
    finally:
        kc.stop_channels()
        if kernel.poll() is None:
            kernel.kill()
    assert "message signing is disabled" in kernel.stderr.read()
