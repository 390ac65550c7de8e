"""The README's examples work as written: its first cell prints what the README shows,
its training snippet runs without an error, and its `make bench` table is the copy of
bench/RESULTS.md it says it is."""
import re
import subprocess

from test_nbrun_ipynb import ROOT, nb_run_binary

README = (ROOT / "README.md").read_text()


def code_blocks(text):
    """The fenced blocks of a markdown text, in order."""
    return re.findall(r"^```[^\n]*\n(.*?)^```", text, flags=re.S | re.M)


def section(title):
    start = README.index(f"## {title}")
    end = README.find("\n## ", start + 1)
    return README[start:end if end != -1 else len(README)]


def run_notebook(path):
    result = subprocess.run([nb_run_binary(), str(path)], capture_output=True, text=True, timeout=120)
    return result.returncode, result.stdout + result.stderr


def test_first_cell_prints_what_the_readme_shows(tmp_path):
    blocks = code_blocks(section("The first five minutes"))
    cell = next(b for b in blocks if b.startswith("tensor x"))
    shown = blocks[blocks.index(cell) + 1]
    (tmp_path / "first.txt").write_text(cell)
    status, printed = run_notebook(tmp_path / "first.txt")
    assert status == 0, printed
    outputs = [line for line in printed.splitlines() if not line.startswith(("In [1]:", "   ...:"))]
    assert "\n".join(outputs).strip() == shown.strip()
    # the lesson's own figures (lesson 000): ∂E/∂W5 and W5 after one step at lr 0.5
    assert "= 0.0259" in shown and "0.4500    0.0259  0.4370" in shown


def test_training_snippet_runs_as_written(tmp_path):
    snippet = next(b for b in code_blocks(section("Training, data and saving a session"))
                   if b.startswith("dataset"))
    (tmp_path / "data").symlink_to(ROOT / "notebooks" / "data")
    (tmp_path / "snippet.txt").write_text(snippet + 'restore "session.json"\n')
    status, printed = run_notebook(tmp_path / "snippet.txt")
    assert status == 0, printed
    assert "Error" not in printed
    assert (tmp_path / "session.json").exists()
    assert "restored session.json" in printed


def test_bench_table_is_the_copy_of_results_md():
    def table(text):
        return [line for line in text.splitlines() if line.startswith("| ")]
    results = (ROOT / "bench" / "RESULTS.md").read_text()
    assert table(section("Speed")) == table(results), \
        "README's Speed table must be the table of bench/RESULTS.md: copy it over"


def test_check_section_shows_what_nb_run_prints(tmp_path):
    blocks = code_blocks(section("Exercises that check themselves"))
    cell, passed, failed = blocks[0], blocks[1], blocks[2]
    (tmp_path / "exercise.txt").write_text(cell)
    status, printed = run_notebook(tmp_path / "exercise.txt")
    assert status == 0, printed
    assert printed.rstrip().endswith(passed.strip())
    # The failing example: the same cell with a wrong prediction, as the README shows it.
    wrong = cell.replace("≈ 0.5200 (tol", "≈ 0.6 (tol").replace(
        'check sum(hidden.a) > 1, "both hidden units are above one half"\n', "")
    (tmp_path / "wrong.txt").write_text(wrong)
    status, printed = run_notebook(tmp_path / "wrong.txt")
    assert status == 1
    assert failed.strip() in printed


def test_picture_snippet_shows_what_the_readme_shows(tmp_path):
    blocks = code_blocks(section("Pictures"))
    (tmp_path / "data").symlink_to(ROOT / "notebooks" / "data")
    (tmp_path / "picture.txt").write_text(blocks[0])
    status, printed = run_notebook(tmp_path / "picture.txt")
    assert status == 0, printed
    assert blocks[1].strip() in printed
    # The shades are the pixels of the first digit in the data file (a 0), 0 ' ' to 16 '@'.
    first = [int(v) for v in (ROOT / "notebooks" / "data" / "digits.csv").read_text().splitlines()[1].split(",")[:64]]
    ramp = " .:-=+*#%@"
    rows = blocks[1].strip().splitlines()[2:10]
    for r, row in enumerate(rows):
        assert row == "|" + "".join(2 * ramp[round(v / 16 * 9 + 1e-9)] for v in first[8 * r:8 * r + 8]) + "|"
