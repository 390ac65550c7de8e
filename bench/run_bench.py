"""`make bench`: NetBook beside numpy, PyTorch and ipykernel, measured in one run.

Each peer runs as its own process with the same thread count (OPENBLAS_NUM_THREADS,
OMP_NUM_THREADS, MKL_NUM_THREADS), one after another, and every row of the table
is measured in this run. Prints one Markdown table: NetBook's figure, each peer's,
and the ratio "NetBook vs peer": how many times better NetBook is (peer time /
NetBook time; NetBook GFLOP/s / peer GFLOP/s; peer memory / NetBook memory), so
above 1 always means NetBook wins.

    python bench/run_bench.py --bin .build/release

The last rows put `train` in the kernel beside the same cell in nb-run (bench/live_train.py):
what the live display costs; the goal is a ratio kernel ÷ nb-run ≤ 1.2 at any epoch count,
taken as the median over rounds of (kernel cell ÷ the nb-run cell run right after it).
"""
import argparse
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
import workloads as wl  # noqa: E402


def run_json(cmd, threads):
    env = dict(os.environ)
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        env[var] = str(threads)
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=HERE)
    if out.returncode != 0:
        return {"error": (out.stderr or out.stdout).strip().splitlines()[-1:] or ["failed"]}
    return json.loads(out.stdout.strip().splitlines()[-1])


def have(module):
    return importlib.util.find_spec(module) is not None


def fmt(value, unit):
    if value is None:
        return "—"
    if unit == "µs":
        return f"{value * 1e6:.2f} µs"
    if unit == "ms":
        return f"{value * 1e3:.2f} ms"
    return f"{value:.2f} {unit}"


def ratio(peer, ours):
    if peer is None or ours is None or ours == 0:
        return "—"
    return f"{peer / ours:.2f}×"


def best_of(results):
    """Per workload, the lowest time over rounds (the machine may be shared: the
    fastest round is the one least disturbed by other processes)."""
    out = {}
    for r in results:
        for key, value in r.items():
            if isinstance(value, float):
                out[key] = min(out.get(key, value), value)
            elif key not in out:
                out[key] = value
    return out


def training_rows(bin_dir, quick, rounds):
    rows = []
    plan = [(["W1", "W2"], 1), (["W3", "W4"], 1), (["W3", "W4"], 2)]
    peers = [("numpy", [sys.executable, str(HERE / "peer_numpy.py")])]
    if have("torch"):
        peers.append(("PyTorch", [sys.executable, str(HERE / "peer_torch.py")]))
    extra = ["--min-seconds", "0.1", "--repeats", "3"] if quick else []
    for names, threads in plan:
        # Rounds interleave the peers (NetBook, numpy, PyTorch, NetBook, ...) so that a
        # burst of load elsewhere does not fall on one of them only.
        ours_runs, theirs_runs = [], {label: [] for label, _ in peers}
        for _ in range(rounds):
            ours_runs.append(run_json([str(bin_dir / "nb-bench"), *names, *extra], threads))
            for label, cmd in peers:
                theirs_runs[label].append(run_json(cmd + names, threads))
        ours = best_of(ours_runs)
        theirs = {label: best_of(runs) for label, runs in theirs_runs.items()}
        for name in names:
            unit = "µs" if name in ("W1", "W2") else "ms"
            row = {"what": f"{name} step ({threads} thread{'s' if threads > 1 else ''})",
                   "NetBook": (ours.get(name), unit)}
            for label, _ in peers:
                row[label] = (theirs[label].get(name), unit)
            rows.append(row)
            if name in wl.MLP:
                sizes, batch = wl.MLP[name]
                flops = wl.mlp_flops(sizes, batch)
                gf = lambda s: flops / s / 1e9 if s else None
                row = {"what": f"{name} GFLOP/s ({threads} thread{'s' if threads > 1 else ''})",
                       "NetBook": (gf(ours.get(name)), "GFLOP/s"), "higher": True}
                for label, _ in peers:
                    row[label] = (gf(theirs[label].get(name)), "GFLOP/s")
                rows.append(row)
        for label, result in [("NetBook", ours), *theirs.items()]:
            if "error" in result:
                print(f"warning: {label} failed on {names}: {result['error']}", file=sys.stderr)
    return rows, [label for label, _ in peers]


def kernel_rows(bin_dir):
    """Start-up, round trip and idle memory of nb-kernel and ipykernel, measured by
    tests-python/measure_kernel.py (the kernel engineer's script), when present."""
    script = ROOT / "tests-python" / "measure_kernel.py"
    if not script.exists():
        print("note: tests-python/measure_kernel.py not found; kernel rows skipped", file=sys.stderr)
        return []
    out = subprocess.run([sys.executable, str(script), "--json", "--nb-kernel", str(bin_dir / "nb-kernel")],
                         capture_output=True, text=True, cwd=ROOT)
    if out.returncode != 0:
        print("warning: measure_kernel.py failed:\n" + out.stderr, file=sys.stderr)
        return []
    data = json.loads(out.stdout.strip().splitlines()[-1])
    ours, peer = data.get("nb-kernel", {}), data.get("ipykernel", {})
    rows = []
    for key, what, unit in [("start_s", "kernel start → kernel_info_reply", "ms"),
                            ("roundtrip_p50_s", "trivial cell round trip p50", "ms"),
                            ("roundtrip_p99_s", "trivial cell round trip p99", "ms"),
                            ("idle_rss_mb", "idle resident memory", "MB")]:
        rows.append({"what": what, "NetBook": (ours.get(key), unit), "ipykernel": (peer.get(key), unit)})
    return rows


def live_train_rows(bin_dir):
    """The XOR lesson's `train` cell in nb-kernel (live display on, driven by jupyter_client)
    against the same cell in nb-run, at 1e4, 1e5 and 1e6 epochs (bench/live_train.py), and a
    line per epoch count with the ratio and what went over iopub."""
    out = subprocess.run([sys.executable, str(HERE / "live_train.py"), "--bin", str(bin_dir), "--json"],
                         capture_output=True, text=True, cwd=ROOT)
    if out.returncode != 0:
        print("warning: live_train.py failed:\n" + out.stderr, file=sys.stderr)
        return [], []
    rows, notes = [], []
    for r in json.loads(out.stdout.strip().splitlines()[-1]):
        steps = f"{r['kernel_steps']} of {r['epochs']} steps (interrupted)" if r["interrupted"] else f"{r['epochs']:.0e} epochs"
        rows.append({"what": f"XOR train cell, {steps}, in the kernel (vs nb-run)",
                     "NetBook": (r["kernel_s"], "ms"), "nb-run": (r["nb_run_s"], "ms"),
                     # The pairs' median, not a ratio of the two medians shown (live_train.py).
                     "ratios": {"nb-run": 1 / r["ratio"] if r["ratio"] else None}})
        means = f"; ratio of the means {r['mean_ratio']:.2f}×" if r.get("mean_ratio") else ""
        notes.append(f"- {r['epochs']:.0e} epochs: kernel ÷ nb-run {r['ratio']:.2f}× (goal ≤ 1.2×; the median of "
                     f"{r['rounds']} cell pairs{means}); iopub "
                     f"{r['iopub_messages']} messages, {r['iopub_bytes'] / 1e6:.2f} MB, {r['updates']} live updates, "
                     f"largest {r['max_update_bytes'] / 1e3:.1f} kB; same final loss as nb-run: {r['same_final_loss']}")
    return rows, notes


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", default=str(ROOT / ".build" / "release"))
    parser.add_argument("--quick", action="store_true", help="shorter timing blocks, one round")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds; the best counts")
    args = parser.parse_args()
    bin_dir = Path(args.bin)
    rows, peers = training_rows(bin_dir, args.quick, 1 if args.quick else args.rounds)
    krows = kernel_rows(bin_dir)
    lrows, live_notes = live_train_rows(bin_dir)
    columns = ["NetBook", *peers, "ipykernel"] if krows else ["NetBook", *peers]
    if lrows:
        columns.append("nb-run")
    head = ["measure", "NetBook"]
    for p in columns[1:]:
        head += [p, f"NetBook vs {p}"]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for row in rows + krows + lrows:
        ours = row["NetBook"][0]
        cells = [row["what"], fmt(*row["NetBook"])]
        for p in columns[1:]:
            value, unit = row.get(p, (None, ""))
            if p in row.get("ratios", {}):
                given = row["ratios"][p]
                cells += [fmt(value, unit), f"{given:.2f}×" if given else "—"]
            elif row.get("higher"):   # GFLOP/s: higher is better
                cells += [fmt(value, unit), ratio(ours, value)]
            else:
                cells += [fmt(value, unit), ratio(value, ours)]
        print("| " + " | ".join(cells) + " |")
    print("\nratio > 1: NetBook is faster (smaller time, larger GFLOP/s, less memory).")
    if live_notes:
        print("Training in the kernel (live progress on) against the same cell in nb-run (no terminal):")
        print("\n".join(live_notes))
    import platform
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs; "
          f"python {platform.python_version()}")


if __name__ == "__main__":
    main()
