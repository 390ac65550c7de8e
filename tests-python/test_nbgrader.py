"""nbgrader end to end with NetBook notebooks, with the real nbgrader CLI in a fresh course
directory and no NetBook settings in its config (the code stub comes with netbook_jupyter):
generate_assignment from a teacher's notebook with a solution region and hidden checks,
autograde a right, a wrong and an untouched submission (full, zero and zero marks), and
feedback that says what was wrong. `nb-run --student` makes the same student version."""
import csv
import html
import json
import os
import pathlib
import re
import subprocess
import sys

import nbformat
import numpy as np
import pytest

from conftest import KERNEL_NAME
from test_nbrun_ipynb import nb_run_binary

pytest.importorskip("nbgrader")

ASSIGNMENT = "ps1"
POINTS = 2
W = [[0.30, 0.40], [0.25, 0.35]]
X = [0.1, 0.2]
# The teacher's answer, computed independently of NetBook; the hidden check holds it.
Z1 = (np.array([X]) @ np.array(W))[0]
HINT = "z1 = x @ hidden.W: row i of W holds the weights leaving input i"

SETUP = f"""precision 4
tensor x = {X}
layer hidden = dense(2 -> 2, sigmoid, bias: false, weights: {W})"""
SOLUTION = """# The weighted inputs of the hidden layer, before the sigmoid:
### BEGIN SOLUTION
tensor z1 = x @ hidden.W
### END SOLUTION"""
TESTS = f"""check sum(z1) > 0, "z1 adds positive inputs times positive weights"
### BEGIN HIDDEN TESTS
check z1 ≈ [{float(Z1[0])!r}, {float(Z1[1])!r}] (tol: 1e-9), "{HINT}"
### END HIDDEN TESTS"""
ANSWERS = {
    "right": "tensor z1 = x @ hidden.W",
    "wrong": "tensor z1 = x @ hidden.W.T",     # the classic slip: W read as OUT×IN
    "untouched": None,                         # handed in as it was handed out
}


def nbgrader_metadata(grade_id, **flags):
    return {"nbgrader": {"grade_id": grade_id, "schema_version": 3, "locked": False,
                         "solution": False, "grade": False, **flags}}


def teacher_notebook():
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": KERNEL_NAME, "display_name": "NetBook", "language": "netbook"}
    nb.cells = [
        nbformat.v4.new_markdown_cell("## Exercise: the hidden layer's weighted inputs z1"),
        nbformat.v4.new_code_cell(SETUP, metadata=nbgrader_metadata("setup", locked=True)),
        nbformat.v4.new_code_cell(SOLUTION, metadata=nbgrader_metadata("z1", solution=True)),
        nbformat.v4.new_code_cell(TESTS, metadata=nbgrader_metadata("check_z1", grade=True, locked=True,
                                                                    points=POINTS)),
    ]
    return nb


def nbgrader(course, *args):
    """The nbgrader CLI of this Python, run in the course directory. nbgrader starts
    `alembic` from PATH, so the environment's bin directory goes first."""
    env = dict(os.environ, PATH=f"{pathlib.Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
               JUPYTER_CONFIG_DIR=str(course / ".jupyter"))
    run = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=course, env=env,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, f"nbgrader {' '.join(args)} failed:\n{run.stdout}\n{run.stderr}"
    return run


def new_course(root, config="c.CourseDirectory.course_id = 'netbook101'\n"):
    root.mkdir()
    (root / "nbgrader_config.py").write_text("c = get_config()\n" + config)
    (root / "source" / ASSIGNMENT).mkdir(parents=True)
    nbformat.write(teacher_notebook(), root / "source" / ASSIGNMENT / "exercise.ipynb")
    return root


def visible_text(page):
    """What a student reads in an HTML page: no tags, scripts or styles, entities decoded."""
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page)))


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """One course taken through the whole nbgrader cycle; the tests look at its results."""
    root = new_course(tmp_path_factory.mktemp("nbgrader") / "course")
    validated = nbgrader(root, "validate", f"source/{ASSIGNMENT}/exercise.ipynb")
    assert "Success! Your notebook passes all the tests." in validated.stdout, validated.stdout
    nbgrader(root, "generate_assignment", ASSIGNMENT)
    released = root / "release" / ASSIGNMENT / "exercise.ipynb"
    for student, answer in ANSWERS.items():
        nb = nbformat.read(released, as_version=4)
        if answer is not None:
            nb.cells[2].source = answer
        (root / "submitted" / student / ASSIGNMENT).mkdir(parents=True)
        nbformat.write(nb, root / "submitted" / student / ASSIGNMENT / "exercise.ipynb")
    nbgrader(root, "autograde", ASSIGNMENT, "--create")
    nbgrader(root, "generate_feedback", ASSIGNMENT)
    nbgrader(root, "export", "--to", str(root / "grades.csv"))
    return root


def test_generate_assignment_replaces_the_solution_by_todo_and_hides_the_tests(course):
    cells = nbformat.read(course / "release" / ASSIGNMENT / "exercise.ipynb", as_version=4).cells
    assert cells[1].source == SETUP
    assert cells[2].source == "# The weighted inputs of the hidden layer, before the sigmoid:\n# YOUR CODE HERE\ntodo"
    assert cells[3].source == 'check sum(z1) > 0, "z1 adds positive inputs times positive weights"'
    assert all(not c.get("outputs") for c in cells)


def test_autograde_gives_full_zero_and_zero_marks(course):
    with open(course / "grades.csv", newline="") as f:
        scores = {row["student_id"]: (float(row["raw_score"]), float(row["max_score"])) for row in csv.DictReader(f)}
    assert scores == {"right": (POINTS, POINTS), "wrong": (0, POINTS), "untouched": (0, POINTS)}


def autograded_errors(course, student):
    nb = nbformat.read(course / "autograded" / student / ASSIGNMENT / "exercise.ipynb", as_version=4)
    return [[(o.ename, o.evalue) for o in c.outputs if o.output_type == "error"]
            for c in nb.cells if c.cell_type == "code"]


def test_the_kernel_reports_each_failure_as_nbgrader_reads_errors(course):
    assert autograded_errors(course, "right") == [[], [], []]
    setup, answer, tests = autograded_errors(course, "wrong")
    assert (setup, answer) == ([], [])
    [(ename, evalue)] = tests
    assert ename == "CheckError"
    wrong = (np.array([X]) @ np.array(W).T)[0]
    assert f"got {wrong[0]:g}, expected {Z1[0]:g}" in evalue and HINT in evalue
    setup, answer, tests = autograded_errors(course, "untouched")
    assert answer == [("CheckError", "line 3, column 1: not answered yet — replace todo with your answer")]
    assert tests == [("NameError", "line 1, column 11: unknown name 'z1'")]


def test_feedback_says_what_was_wrong(course):
    pages = {s: visible_text((course / "feedback" / s / ASSIGNMENT / "exercise.html").read_text())
             for s in ANSWERS}
    assert f"exercise (Score: {POINTS:.1f} / {POINTS:.1f})" in pages["right"]
    assert "CheckError" not in pages["right"]
    assert f"exercise (Score: 0.0 / {POINTS:.1f})" in pages["wrong"]
    # The hidden check is back in the feedback: line 3 of the test cell, after the visible one.
    wrong = (np.array([X]) @ np.array(W).T)[0]
    assert "CheckError: line 3, column 7: check failed" in pages["wrong"]
    assert f"got {wrong[0]:g}, expected {Z1[0]:g}" in pages["wrong"] and HINT in pages["wrong"]
    assert "not answered yet" in pages["untouched"]
    for page in pages.values():
        assert "IndexError" not in page and "Traceback" not in page and "out of range" not in page


def test_nb_run_student_writes_what_nbgrader_releases(course, tmp_path):
    student = tmp_path / "student.ipynb"
    run = subprocess.run([nb_run_binary(), "--student", str(course / "source" / ASSIGNMENT / "exercise.ipynb"),
                          "-o", str(student)], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert "1 solution replaced by a stub, 1 hidden test region removed" in run.stderr
    ours = nbformat.read(student, as_version=4)
    nbformat.validate(ours)
    released = nbformat.read(course / "release" / ASSIGNMENT / "exercise.ipynb", as_version=4)
    assert [c.source for c in ours.cells] == [c.source for c in released.cells]
    assert [c.get("outputs") for c in ours.cells] == [c.get("outputs") for c in released.cells]


def test_the_stub_nbgrader_gets_is_the_one_nb_run_writes():
    """netbook_jupyter's CODE_STUB, installed as nbgrader_config.json, and nb-run's stub."""
    from netbook_jupyter.nbgrader_support import CODE_STUB
    run = subprocess.run([nb_run_binary(), "--student", "-"], input="### BEGIN SOLUTION\nx\n### END SOLUTION\n",
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout == CODE_STUB + "\n"


def stubs_nbgrader_uses(config):
    """ClearSolutions.code_stub as nbgrader's preprocessor reads it from `config`."""
    from nbgrader.preprocessors import ClearSolutions
    return ClearSolutions(config=config).code_stub


NBGRADER_DEFAULT_STUBS = {
    "python": "# YOUR CODE HERE\nraise NotImplementedError()", "R": "# YOUR CODE HERE\nfail()",
    "matlab": "% YOUR CODE HERE\nerror('No Answer Given!')", "octave": "% YOUR CODE HERE\nerror('No Answer Given!')",
    "sas": "/* YOUR CODE HERE */\n %notImplemented;", "java": "// YOUR CODE HERE",
}


def test_the_installed_config_adds_netbook_to_nbgrader_s_stubs():
    """The environment's nbgrader_config.py, as nbgrader loads it: NetBook's stub beside
    nbgrader's own for every other language (nbgrader 0.9's, written out here)."""
    from traitlets.config.loader import PyFileConfigLoader
    config = PyFileConfigLoader("nbgrader_config.py", path=str(pathlib.Path(sys.prefix) / "etc" / "jupyter")).load_config()
    assert stubs_nbgrader_uses(config) == {**NBGRADER_DEFAULT_STUBS, "netbook": "# YOUR CODE HERE\ntodo"}


def test_configure_keeps_the_stubs_a_course_set_in_every_form_nbgrader_accepts():
    from traitlets.config import Config
    from netbook_jupyter.nbgrader_support import configure
    netbook = {"netbook": "# YOUR CODE HERE\ntodo"}
    c = Config()
    c.ClearSolutions.code_stub = {"python": "pass  # yours"}
    assert stubs_nbgrader_uses(configure(c)) == {"python": "pass  # yours", **netbook}
    c = Config()
    c.ClearSolutions.code_stub = "pass  # yours"            # nbgrader's old single-stub form
    assert stubs_nbgrader_uses(configure(c)) == {"python": "pass  # yours", **netbook}
    c = Config()
    c.ClearSolutions.code_stub.update({"julia": "# YOUR CODE HERE"})   # a lazy update
    assert stubs_nbgrader_uses(configure(c)) == {**NBGRADER_DEFAULT_STUBS, "julia": "# YOUR CODE HERE", **netbook}


def test_a_course_config_with_its_own_stubs_keeps_netbook_s_with_configure(tmp_path):
    own = "c.ClearSolutions.code_stub = {'python': '# YOUR CODE HERE\\nraise NotImplementedError()'}\n"
    course = new_course(tmp_path / "course", "c.CourseDirectory.course_id = 'x'\n" + own +
                        "from netbook_jupyter.nbgrader_support import configure\nconfigure(c)\n")
    nbgrader(course, "generate_assignment", ASSIGNMENT)
    cells = nbformat.read(course / "release" / ASSIGNMENT / "exercise.ipynb", as_version=4).cells
    assert cells[2].source.endswith("# YOUR CODE HERE\ntodo")


def test_the_readme_shows_these_commands_and_this_feedback(tmp_path):
    """README "Grading with nbgrader": the commands are the ones run above, and its example
    cells give the CheckError it shows (run with nb-run, as the kernel runs them)."""
    from test_readme import code_blocks, section
    blocks = code_blocks(section("Grading with nbgrader"))
    commands = [line.split("#")[0].split() for line in blocks[0].splitlines() if line.startswith("nbgrader ")]
    assert commands == [["nbgrader", "validate", "source/ps1/exercise.ipynb"],
                        ["nbgrader", "generate_assignment", "ps1"], ["nbgrader", "autograde", "ps1", "--create"],
                        ["nbgrader", "generate_feedback", "ps1"], ["nbgrader", "export"]]
    answer, tests, feedback = blocks[1], blocks[2], blocks[3]
    wrong = answer.replace("tensor z1 = x @ hidden.W\n", "tensor z1 = x @ hidden.W.T\n")
    assert wrong != answer
    for version, status in ((answer, 0), (wrong, 1)):
        path = tmp_path / "exercise.txt"
        path.write_text(f"{SETUP}\n# %%\n{version}# %%\n{tests}")
        run = subprocess.run([nb_run_binary(), str(path)], capture_output=True, text=True, timeout=60)
        assert run.returncode == status, run.stdout + run.stderr
    assert feedback.strip() in run.stdout
