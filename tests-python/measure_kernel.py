"""Closing figures for a kernel, measured through jupyter_client the way a front end
talks to it: launch → first kernel_info_reply, a trivial cell's round trip (p50, p99),
idle resident memory (and the private part of it). NetBook and ipykernel are measured in the same run.

    .venv/bin/python tests-python/measure_kernel.py [--nb-kernel PATH] [--json] [--cells N]

`make bench` (bench/run_bench.py) reads the --json line."""
import argparse
import hashlib
import hmac
import json
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time
import uuid

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


def rss_by_mapping(pid):
    """Idle resident kB per mapped file (anonymous memory, heap and stacks as "[anon]"),
    largest first: where a kernel's memory goes."""
    totals, name = {}, "[anon]"
    with open(f"/proc/{pid}/smaps") as smaps:
        for line in smaps:
            fields = line.split()
            if "-" in fields[0] and len(fields) >= 5 and ":" in fields[3]:   # a mapping's header line
                path = fields[5] if len(fields) > 5 else ""
                name = os.path.basename(path) if path.startswith("/") else "[anon]"
            elif fields[0] == "Rss:":
                totals[name] = totals.get(name, 0) + int(fields[1])
    return sorted(((kb, n) for n, kb in totals.items() if kb), reverse=True)


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def raw_roundtrip_times(connection_file, cell, cells):
    """Round trips of execute_request -> execute_reply through a bare pyzmq DEALER: the
    request is signed with hmac and the reply recognised by its parent's msg_id, nothing
    parsed. What is left is the kernel's own time plus ZeroMQ over loopback; the difference
    to jupyter_client's figure is that client's cost."""
    with open(connection_file) as f:
        info = json.load(f)
    key = info["key"].encode()
    socket = zmq.Context.instance().socket(zmq.DEALER)
    socket.connect(f"{info['transport']}://{info['ip']}:{info['shell_port']}")
    times = []
    try:
        for i in range(cells + 20):
            msg_id = uuid.uuid4().hex
            header = json.dumps({"msg_id": msg_id, "msg_type": "execute_request", "session": "raw",
                                 "username": "raw", "date": "2026-01-01T00:00:00.000000Z", "version": "5.3"})
            content = json.dumps({"code": cell, "silent": False, "store_history": True,
                                  "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
            parts = [header.encode(), b"{}", b"{}", content.encode()]
            signature = hmac.new(key, b"".join(parts), hashlib.sha256).hexdigest().encode()
            t0 = time.perf_counter()
            socket.send_multipart([b"<IDS|MSG>", signature, *parts])
            while msg_id.encode() not in socket.recv_multipart()[3]:   # [delim, sig, header, parent, …]
                pass
            if i >= 20:
                times.append(time.perf_counter() - t0)
    finally:
        socket.close(linger=0)
    return times


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
            breakdown = rss_by_mapping(process.pid)
            threads = len(os.listdir(f"/proc/{process.pid}/task"))
            raw = raw_roundtrip_times(connection_file, cell, cells)
            kc.shutdown()
            process.wait(timeout=10)
        finally:
            kc.stop_channels()
            if process.poll() is None:
                process.kill()
    return {"start_s": start_s, "roundtrip_p50_s": statistics.median(times),
            "roundtrip_p99_s": percentile(times, 0.99), "idle_rss_mb": memory,
            "idle_private_mb": private,
            "raw_roundtrip_p50_s": statistics.median(raw), "raw_roundtrip_p99_s": percentile(raw, 0.99),
            "threads": threads, "rss_kb_by_mapping": breakdown}


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
    parser.add_argument("--breakdown", action="store_true", help="also print NetBook's idle RSS per mapped file")
    args = parser.parse_args()
    binary = os.path.abspath(args.nb_kernel or default_nb_kernel())

    echo = [sys.executable, str(ROOT / "tests-python" / "echo_kernel.py"), "-f", "{connection_file}"]
    results = {"nb-kernel": measure([binary, "-f", "{connection_file}"], "1", args.cells),
               "ipykernel": measure(ipykernel_argv(), "1", args.cells),
               "echo": measure(echo, "1", args.cells)}

    # The echo kernel answers without interpreting anything: its round trip is mostly
    # jupyter_client's own cost, the floor under every kernel's figure here.
    print(f"{'':38} {'NetBook':>10} {'ipykernel':>10} {'echo (floor)':>13}")
    for key, what, scale, unit in [("start_s", "launch -> first kernel_info_reply", 1e3, "ms"),
                                   ("roundtrip_p50_s", "trivial cell round trip p50", 1e3, "ms"),
                                   ("roundtrip_p99_s", "trivial cell round trip p99", 1e3, "ms"),
                                   ("raw_roundtrip_p50_s", "same, bare pyzmq client, p50", 1e3, "ms"),
                                   ("raw_roundtrip_p99_s", "same, bare pyzmq client, p99", 1e3, "ms"),
                                   ("idle_rss_mb", "idle resident memory", 1, "MB"),
                                   ("idle_private_mb", "idle private memory (USS)", 1, "MB")]:
        ours, peer, floor = results["nb-kernel"][key], results["ipykernel"][key], results["echo"][key]
        print(f"{what + ' (' + unit + ')':38} {ours * scale:10.3f} {peer * scale:10.3f} {floor * scale:13.3f}")
    print(f"{'threads at idle':38} " + " ".join(f"{results[k]['threads']:10d}" for k in ("nb-kernel", "ipykernel")))
    if args.breakdown:
        print("NetBook idle RSS by mapping (kB):")
        for kb, name in results["nb-kernel"]["rss_kb_by_mapping"]:
            print(f"  {kb:8d}  {name}")
    if args.json:
        print(json.dumps(results))


if __name__ == "__main__":
    sys.exit(main())
