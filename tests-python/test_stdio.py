"""`nb-kernel --stdio`: the same kernel core, one JSON message per line, unsigned."""
import json
import os
import pathlib
import queue
import subprocess
import threading
import time

from conftest import LONG_TRAIN_CELL, ROOT


def nb_kernel_binary():
    if os.environ.get("NB_KERNEL"):
        return os.environ["NB_KERNEL"]
    bin_dir = subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, check=True,
                             capture_output=True, text=True).stdout.strip()
    return str(pathlib.Path(bin_dir) / "nb-kernel")


class StdioKernel:
    def __init__(self):
        self.process = subprocess.Popen([nb_kernel_binary(), "--stdio"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.lines = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.count = 0

    def _read(self):
        for line in self.process.stdout:
            self.lines.put(json.loads(line))

    def send(self, msg_type, content, channel="shell"):
        self.count += 1
        msg_id = f"req-{self.count}"
        line = {"channel": channel, "header": {"msg_id": msg_id, "msg_type": msg_type, "session": "t",
                                               "username": "test", "version": "5.3", "date": ""},
                "parent_header": {}, "metadata": {}, "content": content}
        self.process.stdin.write(json.dumps(line) + "\n")
        self.process.stdin.flush()
        return msg_id

    def until_idle(self, msg_id, timeout=20):
        got = []
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                msg = self.lines.get(timeout=0.5)
            except queue.Empty:
                continue
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            got.append(msg)
            if msg["header"]["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                return got
        raise AssertionError(f"no idle for {msg_id}: {[m['header']['msg_type'] for m in got]}")


def kinds(messages):
    return [(m["channel"], m["header"]["msg_type"]) for m in messages]


def test_stdio_session():
    k = StdioKernel()
    try:
        first = k.lines.get(timeout=10)
        assert (first["channel"], first["content"]) == ("iopub", {"execution_state": "starting"})

        info = k.until_idle(k.send("kernel_info_request", {}))
        assert kinds(info) == [("iopub", "status"), ("shell", "kernel_info_reply"), ("iopub", "status")]
        assert info[1]["content"]["language_info"]["name"] == "netbook"

        cell = k.until_idle(k.send("execute_request", {"code": 'tensor x = [1, 2]\nprint "hello"\nx * 2'}))
        assert kinds(cell) == [("iopub", "status"), ("iopub", "execute_input"), ("iopub", "display_data"),
                               ("iopub", "stream"), ("iopub", "execute_result"), ("shell", "execute_reply"),
                               ("iopub", "status")]
        assert cell[3]["content"] == {"name": "stdout", "text": "hello\n"}
        assert cell[4]["content"]["data"]["application/vnd.netbook+json"]["data"] == [[2, 4]]

        # A bad line is refused and the kernel goes on.
        k.process.stdin.write("this is not json\n")
        k.process.stdin.flush()

        # Control lines are served while a cell runs.
        running = k.send("execute_request", {"code": LONG_TRAIN_CELL})
        time.sleep(1.0)
        interrupt = k.send("interrupt_request", {}, channel="control")
        replies = k.until_idle(interrupt)
        assert ("control", "interrupt_reply") in kinds(replies)
        stopped = k.until_idle(running)
        reply = [m for m in stopped if m["header"]["msg_type"] == "execute_reply"][0]
        assert reply["content"]["ename"] == "KeyboardInterrupt"

        k.until_idle(k.send("shutdown_request", {"restart": False}, channel="control"))
        assert k.process.wait(timeout=5) == 0
    finally:
        if k.process.poll() is None:
            k.process.kill()


def test_stdio_end_of_input_runs_what_is_queued():
    lines = [json.dumps({"channel": "shell", "header": {"msg_id": f"m{i}", "msg_type": "execute_request"},
                         "content": {"code": f"print {i} * 10"}}) for i in range(1, 4)]
    out = subprocess.run([nb_kernel_binary(), "--stdio"], input="\n".join(lines) + "\n", capture_output=True,
                         text=True, timeout=20)
    assert out.returncode == 0
    streams = [json.loads(l)["content"]["text"] for l in out.stdout.splitlines()
               if json.loads(l)["header"]["msg_type"] == "stream"]
    assert streams == ["10.0000\n", "20.0000\n", "30.0000\n"]   # precision 4 by default


def test_exits_when_the_parent_named_by_jpy_parent_pid_dies():
    parent = subprocess.Popen(["sleep", "0.5"])
    env = dict(os.environ, JPY_PARENT_PID=str(parent.pid))
    kernel = subprocess.Popen([nb_kernel_binary(), "--stdio"], stdin=subprocess.PIPE,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    try:
        parent.wait()   # reaped, so the pid is really gone
        assert kernel.wait(timeout=5) == 0
    finally:
        if kernel.poll() is None:
            kernel.kill()
