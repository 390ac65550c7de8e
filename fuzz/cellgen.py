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
ACTS = ["sigmoid", "relu", "tanh", "softmax", "identity", "step", "leaky_relu", "gelu"]
LOSSES = ["mse", "sse", "half_sse", "cross_entropy", "bce"]
FUNCS1 = ["sigmoid", "relu", "tanh", "softmax", "identity", "step", "leaky_relu", "gelu", "exp", "log", "sqrt", "abs",
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
        # The classroom and picture statements (check, todo, clear_output, show image/mistakes/
        # confusion/weights as images): hostile numbers in tolerances, shapes and ranges.
        lambda: f"check {expression(r)} " + r.choice([f"{r.choice(['≈', '~='])} {expression(r)}" + r.choice(["", f" (tol: {number(r)})"]),
                                                      f"{r.choice(['==', '!=', '<', '<=', '>', '>='])} {expression(r)}"])
                + r.choice(["", ", \"hint\"", f", \"{chr(27)}[2J\""]),
        lambda: r.choice(["todo", "clear_output", "clear_output wait: true", f"clear_output wait: {number(r)}"]),
        lambda: f"show image {expression(r)}" + r.choice(["", f", shape: [{number(r)}, {number(r)}]",
                                                          f", range: [{number(r)}, {number(r)}]"]),
        lambda: f"show mistakes {expression(r)}, {expression(r)}"
                + r.choice(["", f", first: {number(r)}", f", max: {number(r)}"]),
        lambda: f"show confusion {expression(r)}, {expression(r)}" + r.choice(["", f", first: {number(r)}"]),
        lambda: f"show weights {r.choice(['hidden', 'output', 'h', 'o', 'x'])} as images",
        # split, validation curves, the live decision region, a weight's chain-rule path.
        lambda: f"dataset {r.choice(['tr, va', 'a, b', 'data, data', 'x, y'])} = split({r.choice(['data', 'xor', 'x', 'nothing'])}, {number(r)}"
                + r.choice(["", ", shuffle: false", f", shuffle: {number(r)}"]) + ")",
        lambda: f"train {r.choice(NAMES + ['data.x', 'tr.x'])}, {r.choice(NAMES + ['data.y', 'tr.y'])}, epochs: {r.choice(['1', '3', '0/0'])}"
                + r.choice([f", validation: {r.choice(['va', 'data', 'x'])}", ", live: decision", f", validation: va, live: {r.choice(['decision', 'loss', 'x'])}"]),
        lambda: f"show network {r.choice(['hidden', 'output', 'h', 'o'])}.{r.choice(['W', 'b'])}[{number(r)}, {number(r)}]",
    ]
    return r.choice(forms)()


class Scenario:
    """A coherent session: names defined before use, with shapes that fit, so that the
    statements after it get past name and shape checks and reach the numeric paths.
    Random cells stop at their first error (a name never defined, a shape that does not
    fit) in most cases; a scenario's cells mostly run through, with hostile numbers only
    where the grammar takes a number (values, rates, ranges, counts)."""

    def __init__(self, r):
        self.r = r
        self.n = r.choice([1, 2, 3, 4, 8])
        self.sizes = [r.randint(1, 4) for _ in range(r.randint(2, 4))]  # inputs, hidden..., outputs
        self.layers = [f"l{i + 1}" for i in range(len(self.sizes) - 1)]
        self.tensors = {}  # name -> (rows, cols)

    def value(self):
        return number(self.r) if self.r.random() < hostility else f"{self.r.uniform(-2, 2):.3g}"

    def rate(self):
        return number(self.r) if self.r.random() < hostility else self.r.choice(["0.01", "0.1", "0.5", "0"])

    def count(self, *usual):
        return number(self.r) if self.r.random() < hostility else self.r.choice(usual)

    def values(self, rows, cols):
        return "[" + ", ".join("[" + ", ".join(self.value() for _ in range(cols)) + "]" for _ in range(rows)) + "]"

    def prefix(self):
        """The cell that defines everything: data, target, layers, loss and optimizer."""
        r, ins, outs = self.r, self.sizes[0], self.sizes[-1]
        self.tensors = {"x": (self.n, ins), "t": (self.n, outs)}
        lines = [f"seed {r.randint(0, 99)}", f"tensor x = {self.values(self.n, ins)}",
                 f"tensor t = {self.values(self.n, outs)}"]
        for i, name in enumerate(self.layers):
            act = "softmax" if i == len(self.layers) - 1 and r.random() < 0.2 else r.choice(ACTS)
            extra = r.choice(["", ", bias: false", f", init: {r.choice(['xavier', 'he', 'uniform', 'normal', 'zeros'])}",
                              f", weights: {self.values(self.sizes[i], self.sizes[i + 1])}"])
            lines.append(f"layer {name} = dense({self.sizes[i]} -> {self.sizes[i + 1]}, {act}{extra})")
        lines.append(f"loss {r.choice(['mse', 'sse', 'half_sse'])}")
        lines.append(r.choice(["optimizer sgd(lr: 0.1)", "optimizer momentum(lr: 0.1, beta: 0.9)", "optimizer adam(lr: 0.01)"]))
        return "\n".join(lines)

    def tensor_expr(self):
        """An expression over the defined tensors whose shapes fit, and its shape."""
        r = self.r
        name = r.choice(sorted(self.tensors))
        rows, cols = self.tensors[name]
        forms = [
            lambda: (f"{name} {r.choice(['+', '-', '*', '/'])} {self.value()}", (rows, cols)),
            lambda: (f"{r.choice(FUNCS1[:11])}({name})", (rows, cols)),
            lambda: (f"{name}.T", (cols, rows)),
            lambda: (f"{name} @ {name}.T", (rows, rows)),
            lambda: (f"sum({name}, cols)", (1, cols)),
            lambda: (f"mean({name}, rows)", (rows, 1)),
            lambda: (f"{name} ^ {r.choice(['2', '0.5', self.value()])}", (rows, cols)),
            lambda: (f"{name}[{r.randint(1, rows)}, :]", (1, cols)),
            lambda: (f"{name} * {self.values(1, cols)}", (rows, cols)),
            lambda: (f"{r.choice(['zeros', 'ones', 'rand', 'randn'])}({rows}, {cols})", (rows, cols)),
        ]
        return r.choice(forms)()

    def statement(self):
        r = self.r
        x, t = "x", "t"
        last = r.choice(self.layers)
        forms = [
            lambda: self.define(),
            lambda: f"forward {x}, {t}",
            lambda: f"forward {x}",
            lambda: f"forward {x}, {t}\nbackward",
            lambda: f"forward {x}, {t}\nbackward\nstep" + r.choice(["", f" lr: {self.rate()}"]),
            lambda: f"train {x}, {t}, epochs: {self.count('1', '5', '20')}"
                    + r.choice(["", f", batch: {self.count('1', '2', '3')}", f", lr: {self.rate()}", ", shuffle: true"]),
            lambda: f"show {r.choice(['network', 'params', 'grads', 'history', x, t, last + '.W'])}",
            lambda: f"show {r.choice(sorted(self.tensors))} full",
            lambda: f"plot {r.choice(['loss', last, x])}",
            lambda: f"plot {r.choice(ACTS)}, {r.choice(ACTS)} from {self.count('-5', '-1', '0')} to {self.count('1', '5', '10')}",
            lambda: f"forward {x}, {t}\nbackward\nexplain {self.weight()}",
            lambda: "forward x, t\nbackward\ngradcheck",
            lambda: f"print {self.tensor_expr()[0]}, \"value\"",
            lambda: f"precision {self.count('2', '4', '8')}",
            lambda: f"tensor s = sum({self.tensor_expr()[0]})\nbackward s",
            lambda: f"show graph {r.choice(sorted(self.tensors))}",
            lambda: f"save \"s{r.randint(0, 2)}.json\"",
            lambda: f"save \"s{r.randint(0, 2)}.json\"\nrestore \"s{r.randint(0, 2)}.json\"",
            lambda: r.choice([f"optimizer adam(lr: {self.rate()})", f"optimizer momentum(lr: {self.rate()}, beta: {self.count('0.9', '0.5')})",
                              f"loss {r.choice(['mse', 'sse', 'half_sse'])}"]),
            lambda: f"dataset d = {r.choice(KINDS)}(n: {self.count('8', '50')}, noise: {self.count('0.1', '0')})",
            lambda: f"forward {x}, {t}\ncheck sum({last}.a) "
                    + (f"{r.choice(['≈', '~=', '<=', '>'])} {self.value()} (tol: {self.rate()})" if r.random() < hostility
                       else r.choice(["≈ 0 (tol: 1e9)", "~= 0 (tol: 1e9)", "<= 1e9", "> -1e9"])) + ", \"hint\"",
            lambda: f"show image {x}[{r.randint(1, self.n)}, :], shape: [1, {self.sizes[0]}]"
                    + r.choice(["", ", range: [-3, 3]", f", range: [{self.value()}, {self.count('3', '1e300')}]"]),
            lambda: f"show weights {r.choice(self.layers)} as images",
            lambda: f"forward {x}, {t}\nshow network\nbackward\nshow network",
            lambda: r.choice(["clear_output", "clear_output wait: true"]),
            lambda: f"forward {x}, {t}\nbackward\nshow network {self.weight()}",
            lambda: self.split_and_validate(),
        ]
        return r.choice(forms)()

    def split_and_validate(self):
        """A data set split into training and validation parts, trained on with the
        validation curve (and the live decision region), when the network takes the data
        sets' two inputs and gives one output; else a weight's chain-rule path."""
        r = self.r
        if self.sizes[0] != 2 or self.sizes[-1] != 1:
            return f"forward x, t\nbackward\nshow network {self.weight()}"
        return (f"dataset d = {r.choice(KINDS)}(n: {self.count('8', '50')})\n"
                f"dataset tr, va = split(d, {self.count('0.8', '0.5')})\n"
                f"train tr.x, tr.y, epochs: {self.count('2', '5')}, validation: va" + r.choice(["", ", live: decision"])
                + "\nplot loss")

    def weight(self):
        """`LAYER.W[i, j]` inside the layer's weights."""
        i = self.r.randrange(len(self.layers))
        return f"{self.layers[i]}.W[{self.r.randint(1, self.sizes[i])}, {self.r.randint(1, self.sizes[i + 1])}]"

    def define(self):
        text, shape = self.tensor_expr()
        name = self.r.choice(["u", "v", "w"])
        self.tensors[name] = shape
        return f"tensor {name} = {text}"

    def cell(self):
        return "\n".join(self.statement() for _ in range(self.r.randint(1, 4)))


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
        self.cells = 0  # cells nb-run echoed (an empty cell is not run)
        self.statements = 0  # statement lines that ran: all of a cell's, or those before its error
        # Swift's crash backtracer takes seconds per death; the exit signal is all we need.
        self.env = dict(os.environ, SWIFT_BACKTRACE="enable=no")

    def count(self, stdout):
        """Counts from nb-run's transcript: each cell is echoed (`In [k]: line`, then
        `   ...: line`, aligned with the prompt); an error names its line, and the lines before it ran (a syntax
        error stops the whole cell before it runs)."""
        for block in re.split(rb"^(?=In \[\d+\]: )", stdout, flags=re.M)[1:]:
            lines = block.split(b"\n")
            # The continuation prompt is aligned with `In [k]: `, wider from cell 10 on.
            echoed = [lines[0]] + [line for line in lines[1:] if re.match(rb" +\.\.\.: ", line)]
            code = [line.split(b": ", 1)[1] if b": " in line else b"" for line in echoed]
            ran = sum(1 for c in code if c.strip() and not c.strip().startswith(b"#"))
            error = re.search(rb"^(\w+)Error: line (\d+)", block, flags=re.M)
            self.cells += 1
            if error:
                self.failed_cells += 1
                ran = 0 if error.group(1) == b"Syntax" else min(ran, int(error.group(2)) - 1)
            self.statements += ran

    def death(self, cells, count=True):
        """None if nb-run survived, else a short description of how it died; `count` adds
        the run to the counts (not the reruns of a minimisation)."""
        text = as_notebook(cells)
        try:
            p = subprocess.run([self.nb_run, "--keep-going", "--color", "never", "--timeout", str(self.cell_timeout), "-"],
                               input=text.encode("utf-8", "surrogateescape"), cwd=self.workdir, env=self.env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               # Room for every cell's own timeout plus nb-run's grace, and start-up.
                               timeout=len(cells) * (self.cell_timeout + 6) + 10)
        except subprocess.TimeoutExpired:
            return "timeout"
        if count:
            self.count(p.stdout)
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
    same = lambda cs: time.time() < deadline and runner.death(cs, count=False) == how
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


def run_batches(args, r, lessons, runner, out, deaths, start):
    """Batches until `args.seconds` have passed; returns (batches, cells). The counts so far
    are kept in `run_batches.counts` for a run stopped by a signal."""
    global hostility
    batches = cells_run = 0
    run_batches.counts = (0, 0)
    last_report = start
    while time.time() - start < args.seconds:
        if time.time() - last_report >= 300:
            # A running count, so that a long run stopped early still says what it did.
            last_report = time.time()
            print(f"cellgen: {last_report - start:.0f} s, {batches} batches, {runner.cells} cells run, "
                  f"{runner.failed_cells} stopped at an error, {runner.statements} statements ran, {len(deaths)} deaths", flush=True)
        hostility = r.choice([0.1, 0.3, 0.6])
        if r.random() < args.well_formed:
            # A well-formed session first, then its statements, with some random cells
            # (lesson cells, cut lines, random statements) among them.
            scenario = Scenario(r)
            cells = [scenario.prefix()] + [scenario.cell() if r.random() < 0.8 else cell(r, lessons)
                                           for _ in range(args.cells_per_batch - 1)]
        else:
            cells = [cell(r, lessons) for _ in range(args.cells_per_batch)]
        how = runner.death(cells)
        batches += 1
        cells_run += len(cells)
        run_batches.counts = (batches, cells_run)
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
    return batches, cells_run


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--nb-run", default=str(ROOT / ".build/debug/nb-run"))
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--seed", type=int, default=int(time.time()))
    ap.add_argument("--cells-per-batch", type=int, default=30)
    ap.add_argument("--cell-timeout", type=float, default=3)
    ap.add_argument("--well-formed", type=float, default=0.7,
                    help="share of batches that start with a well-formed session (Scenario)")
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

    start, deaths = time.time(), []

    def stop(signum, frame):
        raise KeyboardInterrupt
    # SIGTERM (kill) ends the run as Ctrl-C does: with the summary, and the working directory removed.
    signal.signal(signal.SIGTERM, stop)
    try:
        batches, cells_run = run_batches(args, r, lessons, runner, out, deaths, start)
    except KeyboardInterrupt:
        batches, cells_run = run_batches.counts
    elapsed = time.time() - start
    stopped = 100 * runner.failed_cells / max(runner.cells, 1)
    print(f"cellgen: seed {args.seed}, {batches} batches, {cells_run} cells in {elapsed:.0f} s; "
          f"{runner.cells} run, {runner.failed_cells} ({stopped:.0f}%) stopped at an error, "
          f"{runner.statements} statements ran; {len(deaths)} deaths", flush=True)
    for name, how, first in deaths:
        print(f"  {how}: {name}")
    shutil.rmtree(workdir, ignore_errors=True)
    return 0  # deaths are findings to triage, reported above, not a failed run


if __name__ == "__main__":
    sys.exit(main())
