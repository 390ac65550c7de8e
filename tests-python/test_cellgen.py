"""The grammar-aware cell generator (fuzz/cellgen.py): its cells are statements of the
language (nb-run parses them), and its minimiser finds the smallest input that fails."""
import os
import random
import re
import subprocess
import sys
from pathlib import Path

from test_nbrun_ipynb import nb_run_binary

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "fuzz"))
import cellgen  # noqa: E402


def test_ddmin_finds_the_two_items_that_fail_together():
    calls = []

    def fails(items):
        calls.append(len(items))
        return 13 in items and 57 in items

    assert cellgen.ddmin(list(range(100)), fails) == [13, 57]
    assert len(calls) < 200


def test_generated_statements_are_in_the_grammar(tmp_path):
    # A cell is parsed whole before it runs: behind a first line that fails at run time, a
    # generated statement is only parsed, so this measures the grammar, not the open crashes
    # (fuzz/crashes-open/) the hostile numbers would reach.
    r = random.Random(20261203)
    statements = [cellgen.statement(r) for _ in range(300)]
    cells = [f"tensor stop = not_defined_yet\n{s}" for s in statements]
    p = subprocess.run([nb_run_binary(), "--keep-going", "--color", "never", "-"],
                       input=cellgen.as_notebook(cells).encode(), capture_output=True, cwd=tmp_path,
                       env=dict(os.environ, SWIFT_BACKTRACE="enable=no"), timeout=600)
    assert p.returncode == 1, p.stderr.decode()[-2000:]
    errors = re.findall(r"^(\w+Error): line (\d+)", p.stdout.decode(), flags=re.M)
    assert len(errors) == len(cells)
    syntax = [line for line in p.stdout.decode().splitlines() if line.startswith("SyntaxError")]
    # A few on purpose (a label that is not a literal column number); no more than 2%.
    assert len(syntax) <= len(cells) // 50, syntax
    # Everything else stopped at the first line: parsed, not run (or refused by the parser's
    # nesting limit, a LimitError).
    assert {kind for kind, line in errors if line == "2"} <= {"SyntaxError", "LimitError"}


def test_well_formed_sessions_run_through(tmp_path):
    """A Scenario's cells use only names defined before them, with shapes that fit: with
    no hostile numbers most of them run every statement (random cells stop at their first
    error about 84% of the time), and every one is in the grammar."""
    r = random.Random(7)
    cellgen.hostility = 0.0
    cells = []
    for _ in range(4):
        scenario = cellgen.Scenario(r)
        cells += [scenario.prefix()] + [scenario.cell() for _ in range(15)] + ["reset"]
    p = subprocess.run([nb_run_binary(), "--keep-going", "--color", "never", "-"],
                       input=cellgen.as_notebook(cells).encode(), capture_output=True, cwd=tmp_path,
                       env=dict(os.environ, SWIFT_BACKTRACE="enable=no"), timeout=600)
    assert p.returncode in (0, 1), p.stderr.decode()[-2000:]
    runner = cellgen.Runner(nb_run_binary(), tmp_path, 3)
    runner.count(p.stdout)
    assert runner.cells == len(cells)
    assert not re.findall(r"^SyntaxError", p.stdout.decode(), flags=re.M)
    assert runner.failed_cells <= len(cells) // 5, p.stdout.decode()[-3000:]
    # The count of statements that ran: every line of a cell that ran through.
    assert runner.statements >= sum(len(c.splitlines()) for c in cells) * 3 // 4
