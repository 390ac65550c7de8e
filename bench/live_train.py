"""Training in the kernel against the same cell in nb-run: what the live display costs.

For each epoch count, the XOR lesson's `train` cell (notebooks/06-xor.txt, 2-4-1 sigmoid,
MSE, SGD lr 2) runs
- in nb-kernel, started as a front end starts it and driven by jupyter_client, which reads
  every iopub message as a front end does: the time from execute_request to execute_reply;
  then one more, untimed, pair of cells with a raw SUB socket beside the client counts and
  weighs the train cell's iopub messages (all frames, as they cross the wire);
- in nb-run, with stdout and stderr not a terminal (no progress line): the time from the
  setup cell's transcript to the train cell's on the pipe (nb-run writes a cell's
  transcript, `In [N]: …` and its outputs, unbuffered as soon as it has run).
Each side runs the setup cell and then the train cell, as the lesson does, in `rounds`
rounds that alternate: kernel cell, nb-run cell, kernel cell, … (100 of each at 1e4
epochs). The ratio is the median over the rounds of (kernel cell ÷ the nb-run cell right
after it); the times shown are each side's median cell, and the ratio of the means is
given beside. Why pairs and medians: on this shared 2-core machine the same cell runs
at one speed for a while and at up to twice the time for a while (8.8 ms, then 15 ms for
a few hundred ms, on either side alike; measured in the kernel by the iopub timestamps,
the difference is inside the training loop, not in messaging). Best-of or the mean of a
few batches swung the 1e4 ratio between 0.6× and 2×; a cell against its neighbour in
time sees the same machine.
A cell still running after --cell-timeout seconds is interrupted (SIGINT, the
kernelspec's interrupt mode) and compared per step.

    .venv/bin/python bench/live_train.py --bin .build/release [--epochs 10000 100000 1000000] [--rounds N] [--json]

`make bench` (bench/run_bench.py) reads the --json line."""
import argparse
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import zmq
from jupyter_client import BlockingKernelClient, write_connection_file

SETUP = """seed 1
precision 4
dataset xor = xor()
reset network
layer hidden = dense(2 -> 4, sigmoid, init: normal)
layer output = dense(4 -> 1, sigmoid, init: normal)
loss mse
optimizer sgd(lr: 2)"""


def train_cell(epochs):
    return f"train xor.x, xor.y, epochs: {epochs}"


def rounds(epochs):
    """Rounds of (kernel cell, nb-run cell): 100 at 1e4 epochs, 40 at 1e5, 9 at 1e6. The
    same 1e5-epoch cell takes 75 or 130 ms on this machine from one moment to the next, on
    either side, so single pairs read 0.6x to 1.7x: the median of 20 read 1.00x-1.23x over
    five runs of one build, and of 30, 1.01x."""
    return min(100, max(9, 4_000_000 // epochs))


class IOPubMeter:
    """Every iopub message, by parent msg_id: type, size on the wire (all frames), and
    the kernel's send time (header date), read by a raw SUB socket in its own thread."""

    def __init__(self, url):
        self.socket = zmq.Context.instance().socket(zmq.SUB)
        self.socket.linger = 0
        self.socket.setsockopt(zmq.SUBSCRIBE, b"")
        self.socket.connect(url)
        self.by_parent = {}
        self.lock = threading.Lock()
        self.running = True
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self):
        while self.running:
            if not self.socket.poll(100):
                continue
            frames = self.socket.recv_multipart()
            i = frames.index(b"<IDS|MSG>")
            header, parent = json.loads(frames[i + 2]), json.loads(frames[i + 3])
            entry = {"type": header["msg_type"], "bytes": sum(len(f) for f in frames),
                     "content": frames[i + 5]}
            with self.lock:
                self.by_parent.setdefault(parent.get("msg_id"), []).append(entry)

    def messages(self, parent_id, until_idle=True, timeout=600):
        deadline = time.monotonic() + timeout
        while True:
            with self.lock:
                got = list(self.by_parent.get(parent_id, []))
            if not until_idle or any(m["type"] == "status" and b'"idle"' in m["content"] for m in got):
                return got
            if time.monotonic() > deadline:
                raise RuntimeError(f"no idle status for {parent_id}")
            time.sleep(0.01)

    def close(self):
        self.running = False
        self.thread.join()
        self.socket.close()


def final_loss(outputs):
    """The train summary's final loss and, for an interrupted run, the steps done, from
    (msg_type, content) pairs."""
    for msg_type, content in outputs:
        if msg_type in ("execute_result", "display_data"):
            text = content.get("data", {}).get("text/plain", "")
            if text.startswith("train"):
                stopped = re.search(r"interrupted at step (\d+) of (\d+)", text)
                return text, (int(stopped.group(1)) if stopped else None)
    return None, None


class KernelSide:
    """One nb-kernel for the whole run, started as a front end starts it, with one client
    that reads every iopub message, as a front end does. (A client that leaves iopub unread
    fills its queue after ~1000 messages and the kernel's XPUB then holds, which slowed the
    later cells of earlier versions of this script; a second subscriber doubles what the
    kernel sends, so the meter listens only during `metered`.)"""

    def __init__(self, binary, cell_timeout):
        self.run_dir = tempfile.TemporaryDirectory()
        connection_file = os.path.join(self.run_dir.name, "kernel.json")
        write_connection_file(connection_file, key=os.urandom(16).hex().encode())
        self.kc = BlockingKernelClient(connection_file=connection_file)
        self.kc.load_connection_file()
        self.kc.start_channels()
        self.process = subprocess.Popen([binary, "-f", connection_file], stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL)
        self.cell_timeout = cell_timeout
        self.kc.wait_for_ready(timeout=60)

    def reply(self, msg_id, timeout):
        """Wait for the request's execute_reply; False if `timeout` passed first."""
        deadline = time.perf_counter() + timeout
        while True:
            try:
                reply = self.kc.get_shell_msg(timeout=max(0.01, deadline - time.perf_counter()))
            except Exception:
                return False
            if reply["parent_header"].get("msg_id") == msg_id:
                return True

    def outputs(self, msg_id):
        """The request's iopub messages up to its idle status, as (msg_type, content)."""
        got = []
        while True:
            m = self.kc.get_iopub_msg(timeout=60)
            if m["parent_header"].get("msg_id") != msg_id:
                continue
            got.append((m["msg_type"], m["content"]))
            if m["msg_type"] == "status" and m["content"].get("execution_state") == "idle":
                return got

    def run(self, code, timeout=60):
        """Seconds from execute_request to execute_reply, whether the cell was interrupted
        (SIGINT, as the kernelspec says, after `timeout`), and its outputs (read after the
        reply, untimed)."""
        t0 = time.perf_counter()
        msg_id = self.kc.execute(code)
        interrupted = not self.reply(msg_id, timeout)
        if interrupted:
            self.process.send_signal(signal.SIGINT)
            self.reply(msg_id, 60)
        seconds = time.perf_counter() - t0
        return seconds, interrupted, self.outputs(msg_id), msg_id

    def cell(self, epochs):
        """The setup cell, then the train cell: the train cell's seconds, whether it was
        interrupted, the steps it did, and its summary."""
        self.run(SETUP)
        seconds, interrupted, outputs, _ = self.run(train_cell(epochs), self.cell_timeout)
        summary, steps = final_loss(outputs)
        return seconds, {"steps": steps if interrupted else epochs, "interrupted": interrupted, "summary": summary}

    def metered(self, epochs):
        """One more (setup, train) pair, untimed, with a raw SUB socket beside the client:
        the train cell's iopub messages and bytes as they cross the wire."""
        meter = IOPubMeter(f"{self.kc.transport}://{self.kc.ip}:{self.kc.iopub_port}")
        try:
            time.sleep(0.2)   # the meter's subscription is live
            self.run(SETUP)
            _, _, _, msg_id = self.run(train_cell(epochs), self.cell_timeout)
            messages = meter.messages(msg_id)
        finally:
            meter.close()
        updates = [m for m in messages if m["type"] == "update_display_data"]
        return {"iopub_messages": len(messages), "iopub_bytes": sum(m["bytes"] for m in messages),
                "updates": len(updates), "max_update_bytes": max((m["bytes"] for m in updates), default=0)}

    def close(self):
        try:
            self.kc.shutdown()
            self.process.wait(timeout=10)
        finally:
            self.kc.stop_channels()
            if self.process.poll() is None:
                self.process.kill()
            self.run_dir.cleanup()


def nb_run_cell(binary, epochs):
    """nb-run on a notebook of the setup cell and the train cell: the train cell's seconds,
    from the setup cell's `In [1]:` line on the pipe to the train cell's `In [2]:` (nb-run
    writes a cell's transcript unbuffered right after running it; the pipe is read
    unbuffered, so each line is stamped when it arrives; nb-run's start-up is not in it),
    and the text it printed."""
    with tempfile.TemporaryDirectory() as run_dir:
        path = Path(run_dir) / "cells.txt"
        path.write_text(f"# %%\n{SETUP}\n\n# %%\n{train_cell(epochs)}\n")
        process = subprocess.Popen([binary, str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, bufsize=0)
        prompt = re.compile(rb"(?:^|\n)In \[")
        stamps, data, scanned = [], b"", 0
        while chunk := os.read(process.stdout.fileno(), 1 << 16):
            now = time.perf_counter()
            data += chunk
            found = list(prompt.finditer(data, scanned))
            stamps += [now] * len(found)
            if found:
                scanned = found[-1].end()
            scanned = max(scanned, len(data) - 5)   # a prompt split between reads is found next time
        errors = process.stderr.read()
        if process.wait() != 0 or len(stamps) != 2:
            raise RuntimeError(f"nb-run failed: {errors.decode(errors='replace')}")
        return stamps[1] - stamps[0], data.decode()


def measure(bin_dir, epoch_counts, cell_timeout, round_count=None):
    """For each epoch count, `rounds` (or `round_count`) rounds of (kernel cell, nb-run
    cell): each side's seconds per round, the last kernel cell's iopub record and the last
    nb-run text. An interrupted kernel cell ends the rounds (one says enough)."""
    kernel = KernelSide(str(bin_dir / "nb-kernel"), cell_timeout)
    results = {}
    try:
        for epochs in epoch_counts:
            k_cells, n_cells, record, output = [], [], None, ""
            for _ in range(round_count or rounds(epochs)):
                seconds, record = kernel.cell(epochs)
                n_seconds, output = nb_run_cell(str(bin_dir / "nb-run"), epochs)
                k_cells.append(seconds)
                n_cells.append(n_seconds)
                if record["interrupted"]:
                    break
            if not record["interrupted"]:
                record.update(kernel.metered(epochs))
            else:
                record.update(iopub_messages=0, iopub_bytes=0, updates=0, max_update_bytes=0)
            results[epochs] = (k_cells, n_cells, record, output)
    finally:
        kernel.close()
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", required=True, help="directory with nb-kernel and nb-run")
    parser.add_argument("--epochs", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--rounds", type=int, help="interleaved rounds (default: 20 at 1e4 and 1e5 epochs, 5 at 1e6)")
    parser.add_argument("--cell-timeout", type=float, default=60)
    parser.add_argument("--json", action="store_true", help="print one JSON line at the end")
    args = parser.parse_args()
    bin_dir = Path(args.bin).resolve()
    measured = measure(bin_dir, args.epochs, args.cell_timeout, args.rounds)
    rows = []
    print("seconds per train cell, the median cell of each side\n"
          f"{'epochs':>9} {'nb-run':>9} {'kernel':>9} {'kernel/nb-run':>14} {'(means)':>8} {'iopub msgs':>11} "
          f"{'iopub bytes':>12} {'updates':>8} {'max update':>11} {'same final loss':>16}")
    for epochs in args.epochs:
        k_cells, n_cells, k, output = measured[epochs]
        k_seconds, n_seconds = statistics.median(k_cells), statistics.median(n_cells)
        if k["interrupted"]:   # per step, so that an interrupted kernel cell still compares
            ratio = k_cells[-1] / k["steps"] * epochs / n_cells[-1] if k["steps"] else None
            k_seconds, n_seconds, mean_ratio = k_cells[-1], n_cells[-1], None
        else:   # each round's kernel cell against the nb-run cell right after it
            ratio = statistics.median(kc / nc for kc, nc in zip(k_cells, n_cells))
            mean_ratio = statistics.mean(k_cells) / statistics.mean(n_cells)
        loss_line = lambda text: re.findall(r"^\s*\d.*$", text or "", re.M)[-1:] if text else []
        same = bool(k["summary"]) and not k["interrupted"] and \
            loss_line(k["summary"]) and loss_line(k["summary"])[0] in output
        row = {"epochs": epochs, "nb_run_s": n_seconds, "kernel_s": k_seconds, "kernel_steps": k["steps"],
               "rounds": len(k_cells), "mean_ratio": mean_ratio,
               "interrupted": k["interrupted"], "ratio": ratio, "iopub_messages": k["iopub_messages"],
               "iopub_bytes": k["iopub_bytes"], "updates": k["updates"], "max_update_bytes": k["max_update_bytes"],
               "same_final_loss": same}
        rows.append(row)
        kernel_text = f"{k_seconds:.4f}" + (f" ({k['steps']} steps)" if k["interrupted"] else "")
        print(f"{epochs:>9} {n_seconds:>9.4f} {kernel_text:>9} {ratio or 0:>13.2f}× {f'{mean_ratio:.2f}×' if mean_ratio else '—':>8} {k['iopub_messages']:>11} "
              f"{k['iopub_bytes']:>12} {k['updates']:>8} {k['max_update_bytes']:>11} {str(same):>16}")
    if args.json:
        print(json.dumps(rows))


if __name__ == "__main__":
    sys.exit(main())
