#!/usr/bin/env python3
"""Grammar-aware cell fuzzer for NetBook (fuzz/README.md).

Writes notebooks of random cells in the language of /work/shared/DSL.md (statements with
hostile numbers: nan, inf, 1e308, -0, 2^63, huge and mismatched shapes; lines of the lesson
notebooks, whole or cut short), runs each batch through `nb-run --keep-going -` and watches
for deaths: an exit by signal, an exit status other than 0/1/2/3 (ok, a cell failed, usage
or file error, check mismatch), or a batch that outlives its timeout. A death is minimised
(delta debugging over cells, then lines, then characters) to a short reproducer, saved in
fuzz/crashes-open/ for triage.

    python3 fuzz/cellgen.py --nb-run .build/debug/nb-run --seconds 600
"""
import argparse
import hashlib
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OK_STATUSES = {0, 1, 2, 3}

# Numbers a user can type that stress every conversion: non-finite, extreme, negative zero,
# past Int's range, tiny, fractional counts.
HOSTILE = ["0/0", "1/0", "-1/0", "1e308", "-1e308", "1e309", "-0", "0", "-1", "2^63", "2^64", "-2^63",
           "9223372036854775807", "9223372036854775808", "1e-320", "0.5", "2.5", "1e19", "3", "1e9",
           "4294967296", "-2^1023*2", "(0/0)*0", "sqrt(-1)", "log(0)", "exp(1000)"]
SMALL = ["1", "2", "3", "4", "0", "-1"]
NAMES = ["x", "t", "y", "W", "a", "b", "h", "o", "hidden", "output", "data", "z", "L", "p"]
ACTS = ["sigmoid", "relu", "tanh", "softmax", "identity", "step", "leaky_relu"]
LOSSES = ["mse", "sse", "half_sse", "cross_entropy", "bce"]
FUNCS1 = ["sigmoid", "relu", "tanh", "softmax", "identity", "step", "leaky_relu", "exp", "log", "sqrt", "abs",
          "sum", "mean", "max", "min", "argmax"]
KINDS = ["xor", "circle", "spiral", "gaussian", "moons"]
# CSV files for `load` statements, in fuzz/data/, named as `fuzz/data/NAME.csv`: nb-run finds
# them from the package root (where the corpus replay runs) and from the generator's working
# directory (which links `fuzz` to the package's), so a saved reproducer runs anywhere.
CSV_FILES = sorted(p.name for p in (ROOT / "fuzz/data").glob("*.csv"))
# Session files (valid and damaged) to restore before the statements that use them.
ARCHIVES = sorted(p.name for p in (ROOT / "fuzz/corpus/archive").glob("*.json"))


# The share of hostile numbers, set per batch: low, so statements get far enough to build a
# network and data that later hostile statements reach; high, for the validation paths.
hostility = 0.5


def number(r):
    return r.choice(HOSTILE) if r.random() < hostility else r.choice(SMALL)


def matrix(r, rows=None, cols=None):
    rows = rows or r.randint(1, 4)
    cols = cols or r.randint(1, 4)
    if rows == 1 and r.random() < 0.5:
        return "[" + ", ".join(number(r) for _ in range(cols)) + "]"
    return "[" + ", ".join("[" + ", ".join(number(r) for _ in range(cols)) + "]" for _ in range(rows)) + "]"


def expression(r, depth=0):
    if depth > 2 or r.random() < 0.3:
        choice = r.random()
        if choice < 0.3:
            return r.choice(NAMES)
        if choice < 0.6:
            return number(r)
        return matrix(r)
    forms = [
        lambda: f"{expression(r, depth + 1)} {r.choice(['+', '-', '*', '/', '@', '^', '==', '<', '>='])} {expression(r, depth + 1)}",
        lambda: f"{r.choice(FUNCS1)}({expression(r, depth + 1)})",
        lambda: f"{r.choice(['sum', 'mean', 'max', 'min'])}({expression(r, depth + 1)}, {r.choice(['rows', 'cols'])})",
        lambda: f"{r.choice(['zeros', 'ones', 'rand', 'randn'])}({number(r)}, {number(r)})",
        lambda: f"eye({number(r)})",
        lambda: f"linspace({number(r)}, {number(r)}, {number(r)})",
        lambda: f"onehot({matrix(r, 1)}, {number(r)})",
        lambda: f"{r.choice(LOSSES)}({expression(r, depth + 1)}, {expression(r, depth + 1)})",
        lambda: f"accuracy({expression(r, depth + 1)}, {expression(r, depth + 1)})",
        lambda: f"({expression(r, depth + 1)}).T",
        lambda: f"{r.choice(NAMES)}[{number(r)}, {number(r)}]",
        lambda: f"{r.choice(NAMES)}[{number(r)}:{number(r)}, :]",
        lambda: f"grad({r.choice(NAMES)})",
        lambda: f"{r.choice(['hidden', 'output', 'h', 'o'])}.{r.choice(['W', 'b', 'z', 'a'])}",
        lambda: "2" + "^2" * r.choice([3, 50, 3000]),
        lambda: (lambda n: "(" * n + "1" + ")" * n)(r.choice([5, 200, 3000])),
        lambda: "-" * r.choice([10, 5000]) + "1",
    ]
    return r.choice(forms)()


def statement(r):
    forms = [
        lambda: f"tensor {r.choice(NAMES)} = {expression(r)}",
        lambda: f"tensor {r.choice(NAMES)} = {matrix(r)}",
        lambda: f"layer {r.choice(['hidden', 'output', 'h', 'o'])} = dense({r.choice(SMALL + HOSTILE[:12])} -> "
                f"{r.choice(SMALL + HOSTILE[:12])}, {r.choice(ACTS)}"
                + r.choice(["", ", bias: false", f", init: {r.choice(['xavier', 'he', 'uniform', 'normal', 'zeros'])}",
                            f", weights: {matrix(r)}", f", biases: {matrix(r, 1)}"]) + ")",
        lambda: f"loss {r.choice(LOSSES)}",
        lambda: r.choice([f"optimizer sgd(lr: {number(r)})", f"optimizer momentum(lr: {number(r)}, beta: {number(r)})",
                          f"optimizer adam(lr: {number(r)}, beta1: {number(r)}, beta2: {number(r)}, eps: {number(r)})"]),
        lambda: f"forward {expression(r)}" + (f", {expression(r)}" if r.random() < 0.6 else ""),
        lambda: r.choice(["backward", f"backward {r.choice(NAMES)}"]),
        lambda: r.choice(["step", f"step lr: {number(r)}"]),
        lambda: f"train {r.choice(NAMES + ['data.x'])}, {r.choice(NAMES + ['data.y'])}, epochs: "
                f"{r.choice(['1', '3', '10', '0', '-1', '0/0', '1e308', '2.5', '2^63'])}"
                + r.choice(["", f", batch: {number(r)}", f", lr: {number(r)}", ", shuffle: true"]),
        lambda: f"show {r.choice(NAMES + ['network', 'params', 'grads', 'history', 'graph ' + r.choice(NAMES), 'data.x'])}",
        lambda: f"plot {r.choice(['loss', 'decision', r.choice(NAMES), 'hidden', 'data.x'])}",
        lambda: f"plot {r.choice(ACTS)}, {r.choice(ACTS)} from {number(r)} to {number(r)}",
        lambda: f"explain {r.choice(['output', 'hidden', 'o', 'h'])}.{r.choice(['W', 'b'])}[{number(r)}, {number(r)}]",
        lambda: "gradcheck",
        lambda: f"print {expression(r)}, \"{r.choice(['loss:', 'x', chr(27) + '[31m', chr(7), chr(13)])}\"",
        lambda: f"seed {number(r)}",
        lambda: f"precision {number(r)}",
        lambda: f"style {r.choice(['ascii', 'unicode'])}",
        lambda: f"dataset data = {r.choice(KINDS)}(" + ", ".join(
            r.sample([f"n: {number(r)}", f"noise: {number(r)}", f"classes: {number(r)}"], r.randint(0, 3))) + ")",
        lambda: f"load data = csv(\"fuzz/data/{r.choice(CSV_FILES)}\"" + r.choice(["", ", label: \"label\"", f", label: {number(r)}"]) + ")",
        lambda: f"save \"s{r.randint(0, 2)}.json\"",
        lambda: f"restore \"s{r.randint(0, 2)}.json\"",
        lambda: f"restore \"fuzz/corpus/archive/{r.choice(ARCHIVES)}\"",
        lambda: r.choice(["reset", "reset network", "help", f"help {r.choice(['train', 'tensor', 'plot'])}"]),
    ]
    return r.choice(forms)()


def lesson_cells():
    """The code cells of the lesson notebooks (percent format)."""
    cells = []
    for path in sorted((ROOT / "notebooks").glob("*.txt")):
        for block in re.split(r"^# %%.*$", path.read_text(encoding="utf-8"), flags=re.M)[1:]:
            code = "\n".join(line for line in block.splitlines() if line.strip() and not line.startswith("#"))
            if code:
                cells.append(code)
    return cells


def use_lesson_names(cells):
    """Adds the names the lessons define (tensors, layers, data sets) to NAMES, so that
    generated statements reach what a lesson cell set up."""
    for code in cells:
        for name in re.findall(r"^(?:tensor|layer|dataset|load)\s+(\w+)", code, flags=re.M):
            if name not in NAMES:
                NAMES.append(name)


def cell(r, lessons):
    """One cell: a whole lesson cell (context for the next ones), a lesson line cut short
    on its own (a syntax error stops a whole cell before it runs, so it gets a cell of its
    own), or a few statements, generated or lesson lines."""
    roll = r.random()
    if roll < 0.15:
        return r.choice(lessons)
    if roll < 0.25:
        line = r.choice(r.choice(lessons).split("\n"))
        return line[:r.randint(0, len(line))]
    out = []
    for _ in range(r.randint(1, 5)):
        out.append(statement(r) if r.random() < 0.8 else r.choice(r.choice(lessons).split("\n")))
    return "\n".join(out)


def as_notebook(cells):
    return "".join(f"# %%\n{c}\n\n" for c in cells)


class Runner:
    def __init__(self, nb_run, workdir, cell_timeout):
        self.nb_run, self.workdir = nb_run, workdir
        self.cell_timeout = cell_timeout
        self.failed_cells = 0  # cells that stopped at an error (the rest ran every statement)
        # Swift's crash backtracer takes seconds per death; the exit signal is all we need.
        self.env = dict(os.environ, SWIFT_BACKTRACE="enable=no")

    def death(self, cells):
        """None if nb-run survived, else a short description of how it died."""
        text = as_notebook(cells)
        try:
            p = subprocess.run([self.nb_run, "--keep-going", "--color", "never", "--timeout", str(self.cell_timeout), "-"],
                               input=text.encode("utf-8", "surrogateescape"), cwd=self.workdir, env=self.env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               # Room for every cell's own timeout plus nb-run's grace, and start-up.
                               timeout=len(cells) * (self.cell_timeout + 6) + 10)
        except subprocess.TimeoutExpired:
            return "timeout"
        self.failed_cells += len(re.findall(rb"^\w+Error: line \d+", p.stdout, flags=re.M))
        if p.returncode < 0:
            return signal.Signals(-p.returncode).name
        if p.returncode not in OK_STATUSES:
            tail = p.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
            return f"exit {p.returncode}: {tail[0][:120]}"
        return None


def ddmin(items, fails):
    """Zeller's delta debugging: a 1-minimal sublist of items for which fails() holds."""
    n = 2
    while len(items) >= 2:
        chunk = max(1, len(items) // n)
        subsets = [items[i:i + chunk] for i in range(0, len(items), chunk)]
        reduced = False
        for i, subset in enumerate(subsets):
            complement = [x for j, s in enumerate(subsets) if j != i for x in s]
            if fails(subset):
                items, n, reduced = subset, 2, True
                break
            if len(subsets) > 2 and fails(complement):
                items, n, reduced = complement, max(n - 1, 2), True
                break
        if not reduced:
            if n >= len(items):
                break
            n = min(len(items), n * 2)
    return items


def minimise(runner, cells, how, seconds=300):
    """Cells, then lines, then characters, each reduced while the same death happens;
    after `seconds` (a hang costs a timeout per try) the smallest so far is kept."""
    deadline = time.time() + seconds
    same = lambda cs: time.time() < deadline and runner.death(cs) == how
    cells = ddmin(cells, same)
    lines = [(i, line) for i, c in enumerate(cells) for line in c.split("\n")]

    def rebuild(kept):
        return ["\n".join(line for j, line in kept if j == i) for i in range(len(cells)) if any(j == i for j, _ in kept)]

    lines = ddmin(lines, lambda kept: same(rebuild(kept)))
    cells = rebuild(lines)
    if len(cells) == 1:
        chars = ddmin(list(cells[0]), lambda cs: same(["".join(cs)]))
        cells = ["".join(chars)]
    return cells


def death_class(how):
    return {"SIGILL": "trap", "SIGTRAP": "trap", "SIGABRT": "abort", "SIGSEGV": "segv", "SIGBUS": "segv",
            "SIGKILL": "killed", "timeout": "timeout"}.get(how, "exit")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--nb-run", default=str(ROOT / ".build/debug/nb-run"))
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--seed", type=int, default=int(time.time()))
    ap.add_argument("--cells-per-batch", type=int, default=30)
    ap.add_argument("--cell-timeout", type=float, default=3)
    ap.add_argument("--out", default=str(ROOT / "fuzz/crashes-open/cells"))
    args = ap.parse_args()

    r = random.Random(args.seed)
    lessons = lesson_cells()
    use_lesson_names(lessons)
    workdir = tempfile.mkdtemp(prefix="nb-cellgen-")
    os.symlink(ROOT / "fuzz", Path(workdir, "fuzz"))
    # A private copy of the binary: a rebuild during a long run must not pull it away.
    nb_run = str(Path(workdir, "nb-run"))
    shutil.copy2(args.nb_run, nb_run)
    runner = Runner(nb_run, workdir, args.cell_timeout)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    start, batches, cells_run, deaths, seen = time.time(), 0, 0, [], set()
    while time.time() - start < args.seconds:
        global hostility
        hostility = r.choice([0.1, 0.3, 0.6])
        cells = [cell(r, lessons) for _ in range(args.cells_per_batch)]
        how = runner.death(cells)
        batches += 1
        cells_run += len(cells)
        if how is None:
            continue
        small = minimise(runner, cells, how)
        text = as_notebook(small) if len(small) > 1 else small[0] + "\n"
        digest = hashlib.sha1(text.encode("utf-8", "surrogateescape")).hexdigest()[:10]
        name = f"cellgen-{death_class(how)}-{digest}.txt"
        (out / name).write_text(text, encoding="utf-8", errors="surrogateescape")
        first = small[0].split("\n")[0] if small else ""
        deaths.append((name, how, first))
        print(f"DEATH {how}: {name}: {text.strip()[:200]!r}", flush=True)
    elapsed = time.time() - start
    print(f"cellgen: seed {args.seed}, {batches} batches, {cells_run} cells in {elapsed:.0f} s "
          f"({runner.failed_cells} stopped at an error, the rest ran through), {len(deaths)} deaths", flush=True)
    for name, how, first in deaths:
        print(f"  {how}: {name}")
    shutil.rmtree(workdir, ignore_errors=True)
    return 0  # deaths are findings to triage, reported above, not a failed run


if __name__ == "__main__":
    sys.exit(main())
