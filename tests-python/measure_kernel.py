"""Closing figures for a kernel, measured through jupyter_client the way a front end
talks to it: launch → first kernel_info_reply, a trivial cell's round trip (p50, p99),
idle resident memory (and the private part of it). NetBook and ipykernel are measured in the same run.

    .venv/bin/python tests-python/measure_kernel.py [--nb-kernel PATH] [--json] [--cells N]

`make bench` (bench/run_bench.py) reads the --json line."""
import argparse
import json
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

import zmq
from jupyter_client import BlockingKernelClient, write_connection_file
from jupyter_client.kernelspec import KernelSpecManager

ROOT = pathlib.Path(__file__).resolve().parent.parent


def default_nb_kernel():
    bin_dir = subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, check=True,
                             capture_output=True, text=True).stdout.strip()
    return str(pathlib.Path(bin_dir) / "nb-kernel")


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return None


def uss_mb(pid):
    """Memory only this process holds (private pages): what one more kernel costs a
    server, since the Swift runtime's or Python's shared library pages are shared."""
    total = 0
    with open(f"/proc/{pid}/smaps_rollup") as rollup:
        for line in rollup:
            if line.startswith(("Private_Clean:", "Private_Dirty:")):
                total += int(line.split()[1])
    return total / 1024


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def measure(argv, cell, cells):
    """Figures for the kernel started by argv ("{connection_file}" is filled in)."""
    with tempfile.TemporaryDirectory() as run_dir:
        connection_file = os.path.join(run_dir, "kernel.json")
        write_connection_file(connection_file, key=os.urandom(16).hex().encode())
        kc = BlockingKernelClient(connection_file=connection_file)
        kc.load_connection_file()
        # The client is connected and retrying every millisecond before the kernel exists,
        # so the figure is the kernel's start, not the client's or ZeroMQ's back-off.
        kc.context.setsockopt(zmq.RECONNECT_IVL, 1)
        kc.start_channels()
        msg_id = kc.kernel_info()
        started = time.perf_counter()
        process = subprocess.Popen([a.replace("{connection_file}", connection_file) for a in argv],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            while kc.get_shell_msg(timeout=60)["parent_header"].get("msg_id") != msg_id:
                pass
            start_s = time.perf_counter() - started
            kc.wait_for_ready(timeout=60)
            times = []
            for i in range(cells + 20):
                t0 = time.perf_counter()
                msg_id = kc.execute(cell)
                while kc.get_shell_msg(timeout=30)["parent_header"].get("msg_id") != msg_id:
                    pass
                elapsed = time.perf_counter() - t0
                while True:   # the request's iopub traffic, up to its idle, outside the timing
                    msg = kc.get_iopub_msg(timeout=30)
                    if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status" \
                            and msg["content"]["execution_state"] == "idle":
                        break
                if i >= 20:   # warm-up excluded
                    times.append(elapsed)
            time.sleep(1.0)
            memory, private = rss_mb(process.pid), uss_mb(process.pid)
            kc.shutdown()
            process.wait(timeout=10)
        finally:
            kc.stop_channels()
            if process.poll() is None:
                process.kill()
    return {"start_s": start_s, "roundtrip_p50_s": statistics.median(times),
            "roundtrip_p99_s": percentile(times, 0.99), "idle_rss_mb": memory,
            "idle_private_mb": private}


def ipykernel_argv():
    """The python3 kernelspec's command, with "python" meaning this interpreter (as
    jupyter_client's KernelManager reads it)."""
    argv = KernelSpecManager().get_kernel_spec("python3").argv
    return [sys.executable if argv[0] in ("python", "python3") else argv[0], *argv[1:]]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nb-kernel", default=None, help="the nb-kernel binary (default: this build's)")
    parser.add_argument("--cells", type=int, default=300)
    parser.add_argument("--json", action="store_true", help="print one JSON line at the end")
    args = parser.parse_args()
    binary = os.path.abspath(args.nb_kernel or default_nb_kernel())

    results = {"nb-kernel": measure([binary, "-f", "{connection_file}"], "1", args.cells),
               "ipykernel": measure(ipykernel_argv(), "1", args.cells)}

    print(f"{'':38} {'NetBook':>10} {'ipykernel':>10}")
    for key, what, scale, unit in [("start_s", "launch -> first kernel_info_reply", 1e3, "ms"),
                                   ("roundtrip_p50_s", "trivial cell round trip p50", 1e3, "ms"),
                                   ("roundtrip_p99_s", "trivial cell round trip p99", 1e3, "ms"),
                                   ("idle_rss_mb", "idle resident memory", 1, "MB"),
                                   ("idle_private_mb", "idle private memory (USS)", 1, "MB")]:
        ours, peer = results["nb-kernel"][key], results["ipykernel"][key]
        print(f"{what + ' (' + unit + ')':38} {ours * scale:10.3f} {peer * scale:10.3f}")
    if args.json:
        print(json.dumps(results))


if __name__ == "__main__":
    sys.exit(main())
