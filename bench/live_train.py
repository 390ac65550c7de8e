"""Training in the kernel against the same cell in nb-run: what the live display costs.

For each epoch count, the XOR lesson's `train` cell (notebooks/06-xor.txt, 2-4-1 sigmoid,
MSE, SGD lr 2) runs
- in nb-kernel, started as a front end starts it and driven by jupyter_client: the time
  from execute_request to execute_reply, and every iopub message of the request counted
  and measured (all frames, as they cross the wire) by a raw SUB socket beside the client;
- in nb-run, with stdout and stderr not a terminal (no progress line): the process time of
  a notebook with the setup and the train cells, minus that of the setup cell alone.
Each side's figure is per train cell, over `cells_per_run` cells run back to back (20 at
1e4 epochs), so that a cell of a few milliseconds is not lost in the noise.
Best of --repeats for each, the two sides interleaved (kernel, nb-run, kernel, ...). A cell still running after --cell-timeout seconds is
interrupted (SIGINT, the kernelspec's interrupt mode) and its steps per second reported.

    .venv/bin/python bench/live_train.py --bin .build/release [--epochs 10000 100000 1000000] [--json]

`make bench` (bench/run_bench.py) reads the --json line."""
import argparse
import json
import os
import re
import signal
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


def cells_per_run(epochs):
    """Train cells run back to back and timed together, so that each side's figure is the
    mean of cells worth 0.2 s: a single 10 ms cell was within the noise of this shared
    machine's scheduling and of nb-run's start-up, which its figure subtracts (1e4 epochs
    read anywhere from 0.6x to 2x between runs). 20 cells at 1e4 epochs, 2 at 1e5, 1 at 1e6."""
    return max(1, 200_000 // epochs)


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


def final_loss(messages):
    """The train summary's final loss and, for an interrupted run, the steps done."""
    for m in messages:
        if m["type"] in ("execute_result", "display_data"):
            text = json.loads(m["content"]).get("data", {}).get("text/plain", "")
            if text.startswith("train"):
                stopped = re.search(r"interrupted at step (\d+) of (\d+)", text)
                return text, (int(stopped.group(1)) if stopped else None)
    return None, None


def kernel_runs(binary, epoch_counts, repeats, cell_timeout, between=lambda epochs: None):
    """Best of `repeats` kernel runs per epoch count; `between(epochs)` runs after each
    one (the nb-run side), so that a burst of load elsewhere falls on both sides alike."""
    results = {}
    with tempfile.TemporaryDirectory() as run_dir:
        connection_file = os.path.join(run_dir, "kernel.json")
        write_connection_file(connection_file, key=os.urandom(16).hex().encode())
        kc = BlockingKernelClient(connection_file=connection_file)
        kc.load_connection_file()
        kc.start_channels()
        process = subprocess.Popen([binary, "-f", connection_file], stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        meter = IOPubMeter(f"{kc.transport}://{kc.ip}:{kc.iopub_port}")
        try:
            kc.wait_for_ready(timeout=60)
            time.sleep(0.2)   # the meter's subscription is live
            for epochs in epoch_counts:
                best = None
                for _ in range(repeats):
                    setup_id = kc.execute(SETUP)
                    while kc.get_shell_msg(timeout=60)["parent_header"].get("msg_id") != setup_id:
                        pass
                    meter.messages(setup_id)
                    count = cells_per_run(epochs)
                    t0 = time.perf_counter()
                    interrupted = False
                    for _ in range(count):   # each cell waits for the last one's reply, as a user's run-all does
                        msg_id = kc.execute(train_cell(epochs))
                        while True:
                            left = cell_timeout - (time.perf_counter() - t0)
                            try:
                                reply = kc.get_shell_msg(timeout=max(0.1, left))
                            except Exception:
                                process.send_signal(signal.SIGINT)
                                interrupted = True
                                continue
                            if reply["parent_header"].get("msg_id") == msg_id:
                                break
                        if interrupted:
                            count = 1
                            break
                    seconds = (time.perf_counter() - t0) / count
                    messages = meter.messages(msg_id)   # the last cell's
                    summary, steps = final_loss(messages)
                    updates = [m for m in messages if m["type"] == "update_display_data"]
                    run = {"seconds": seconds, "steps": steps if interrupted else epochs,
                           "interrupted": interrupted,
                           "iopub_messages": len(messages), "iopub_bytes": sum(m["bytes"] for m in messages),
                           "updates": len(updates), "max_update_bytes": max((m["bytes"] for m in updates), default=0),
                           "summary": summary}
                    run["steps_per_second"] = run["steps"] / seconds if run["steps"] else None
                    if best is None or seconds < best["seconds"]:
                        best = run
                    between(epochs)
                    if interrupted:
                        break   # one slow run says enough
                results[epochs] = best
            kc.shutdown()
            process.wait(timeout=10)
        finally:
            meter.close()
            kc.stop_channels()
            if process.poll() is None:
                process.kill()
    return results


def nb_run_seconds(binary, cells, repeats):
    with tempfile.TemporaryDirectory() as run_dir:
        path = Path(run_dir) / "cells.txt"
        path.write_text("".join(f"# %%\n{cell}\n\n" for cell in cells))
        best, output = None, ""
        for _ in range(repeats):
            t0 = time.perf_counter()
            done = subprocess.run([binary, str(path)], capture_output=True, text=True)
            elapsed = time.perf_counter() - t0
            if done.returncode != 0:
                raise RuntimeError(f"nb-run failed: {done.stderr or done.stdout}")
            best = elapsed if best is None else min(best, elapsed)
            output = done.stdout
        return best, output


class NbRuns:
    """nb-run's time for the train cell: best (setup + train) minus best (setup alone),
    each measured once per call of `run`, best over the calls."""

    def __init__(self, binary):
        self.binary, self.setup, self.total, self.output = binary, None, {}, {}

    def run(self, epochs):
        setup, _ = nb_run_seconds(self.binary, [SETUP], 1)
        total, self.output[epochs] = nb_run_seconds(self.binary, [SETUP] + [train_cell(epochs)] * cells_per_run(epochs), 1)
        self.setup = setup if self.setup is None else min(self.setup, setup)
        self.total[epochs] = min(self.total.get(epochs, total), total)

    def results(self):
        """Seconds per train cell: (setup and the cells) minus setup alone, over the cells."""
        return {e: {"seconds": max(0.0, t - self.setup) / cells_per_run(e), "output": self.output[e]}
                for e, t in self.total.items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", required=True, help="directory with nb-kernel and nb-run")
    parser.add_argument("--epochs", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--cell-timeout", type=float, default=60)
    parser.add_argument("--json", action="store_true", help="print one JSON line at the end")
    args = parser.parse_args()
    bin_dir = Path(args.bin).resolve()
    nb = NbRuns(str(bin_dir / "nb-run"))
    kernel = kernel_runs(str(bin_dir / "nb-kernel"), args.epochs, args.repeats, args.cell_timeout, between=nb.run)
    for epochs in args.epochs:   # an interrupted kernel run stopped its repeats: nb-run gets its own
        for _ in range(args.repeats - 1):
            if kernel[epochs]["interrupted"]:
                nb.run(epochs)
    nbrun = nb.results()
    rows = []
    print(f"{'epochs':>9} {'nb-run':>9} {'kernel':>9} {'kernel/nb-run':>14} {'iopub msgs':>11} "
          f"{'iopub bytes':>12} {'updates':>8} {'max update':>11} {'same final loss':>16}")
    for epochs in args.epochs:
        k, n = kernel[epochs], nbrun[epochs]
        # Per step, so that an interrupted kernel run still compares.
        k_per_step = k["seconds"] / k["steps"] if k["steps"] else None
        ratio = k_per_step * epochs / n["seconds"] if k_per_step and n["seconds"] else None
        loss_line = lambda text: re.findall(r"^\s*\d.*$", text or "", re.M)[-1:] if text else []
        same = bool(k["summary"]) and not k["interrupted"] and \
            loss_line(k["summary"]) and loss_line(k["summary"])[0] in n["output"]
        row = {"epochs": epochs, "nb_run_s": n["seconds"], "kernel_s": k["seconds"], "kernel_steps": k["steps"],
               "interrupted": k["interrupted"], "ratio": ratio, "iopub_messages": k["iopub_messages"],
               "iopub_bytes": k["iopub_bytes"], "updates": k["updates"], "max_update_bytes": k["max_update_bytes"],
               "same_final_loss": same}
        rows.append(row)
        kernel_text = f"{k['seconds']:.3f}" + (f" ({k['steps']} steps)" if k["interrupted"] else "")
        print(f"{epochs:>9} {n['seconds']:>9.3f} {kernel_text:>9} {ratio or 0:>13.2f}× {k['iopub_messages']:>11} "
              f"{k['iopub_bytes']:>12} {k['updates']:>8} {k['max_update_bytes']:>11} {str(same):>16}")
    if args.json:
        print(json.dumps(rows))


if __name__ == "__main__":
    sys.exit(main())
