"""One path from a cell to its outputs: the kernel and nb-run give the same outputs.

Both run cells through the CellRunner library (Sources/CellRunner), so every lesson run
in the kernel by nbclient and run by `nb-run --to ipynb` must store the same outputs:
the same output types in the same order, the same MIME types with the same contents
(text/plain, HTML, SVG, Markdown and the full-precision JSON), the same stream text on
the same stream, and the same errors (ename, evalue, traceback). Each lesson runs twice:
as the teacher's version (no errors) and as the student's (`nb-run --student`: every
exercise stops at a `todo`, which fails with a CheckError), so errors are compared too.

Only what must differ is normalised, each for a reason given where it is done."""
import copy
import pathlib

import nbformat
import pytest
import subprocess
from nbclient import NotebookClient

from conftest import KERNEL_NAME, ROOT
from test_nbrun_ipynb import nb_run_binary

NOTEBOOKS = ROOT / "notebooks"
LESSONS = sorted(p.stem for p in NOTEBOOKS.glob("*.ipynb"))


def text(value):
    """nbformat stores multi-line text as a list of lines or as one string; both are one text."""
    return "".join(value) if isinstance(value, list) else value


def comparable(outputs):
    """A cell's outputs as a reader sees them, whichever tool ran the cell."""
    result = []
    for output in outputs:
        kind = output["output_type"]
        # A live display (train's progress) opens empty and is emptied again when it ends
        # (KernelOutputs.swift says why); nbclient keeps the empty display_data, nb-run
        # keeps nothing of it. Either way it shows nothing.
        if kind == "display_data" and not output.get("data"):
            continue
        if kind == "stream":
            item = (kind, output["name"], text(output["text"]))
            # The kernel sends each print as its own stream message and nbclient stores one
            # output per message; JupyterLab (and nb-run) show and save consecutive pieces
            # of one stream as one output.
            if result and result[-1][:2] == item[:2]:
                item = (kind, output["name"], result.pop()[2] + item[2])
        elif kind == "error":
            item = (kind, output["ename"], output["evalue"], tuple(output["traceback"]))
        else:
            # execution_count is left out: the kernel counts every request of its life,
            # nb-run the notebook's code cells; it says when a cell ran, not what it showed.
            data = {mime: text(value) if isinstance(value, (str, list)) and mime.startswith(("text/", "image/svg"))
                    else value for mime, value in output.get("data", {}).items()}
            item = (kind, data)
        result.append(item)
    return result


def nb_run(*arguments):
    return subprocess.run([nb_run_binary(), *arguments], capture_output=True, text=True, timeout=300)


def in_kernel(path, directory):
    """The notebook at `path` run by nbclient in the NetBook kernel, in `directory`."""
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    NotebookClient(notebook, kernel_name=KERNEL_NAME, timeout=300, allow_errors=True,
                   resources={"metadata": {"path": str(directory)}}).execute()
    return notebook


def assert_same_outputs(by_nb_run, by_kernel, name):
    pairs = [(a, b) for a, b in zip(by_nb_run.cells, by_kernel.cells) if a.cell_type == "code"]
    assert pairs and len(by_nb_run.cells) == len(by_kernel.cells)
    for number, (want, got) in enumerate(pairs, start=1):
        assert comparable(want.outputs) == comparable(got.outputs), \
            f"{name}: code cell {number} differs between nb-run (left) and the kernel (right):\n{want.source}"


@pytest.mark.parametrize("lesson", LESSONS)
def test_a_lesson_gives_the_same_outputs_in_nb_run_and_the_kernel(lesson, tmp_path):
    written = tmp_path / f"{lesson}.ipynb"
    run = nb_run("--to", "ipynb", "-o", str(written), str(NOTEBOOKS / f"{lesson}.ipynb"))
    assert run.returncode == 0, run.stderr
    by_nb_run = nbformat.read(written, as_version=4)
    assert any(cell.get("outputs") for cell in by_nb_run.cells), "nb-run stored no outputs"
    assert_same_outputs(by_nb_run, in_kernel(written, NOTEBOOKS), lesson)


@pytest.mark.parametrize("lesson", LESSONS)
def test_a_students_lesson_fails_the_same_way_in_nb_run_and_the_kernel(lesson, tmp_path):
    (tmp_path / "data").symlink_to(NOTEBOOKS / "data")
    student = tmp_path / f"{lesson}.txt"
    made = nb_run("--student", str(NOTEBOOKS / f"{lesson}.txt"), "-o", str(student))
    assert made.returncode == 0, made.stderr
    written = tmp_path / f"{lesson}.ipynb"
    run = nb_run("--to", "ipynb", "--keep-going", "-o", str(written), str(student))
    by_nb_run = nbformat.read(written, as_version=4)
    errors = [o for cell in by_nb_run.cells for o in cell.get("outputs", []) if o.output_type == "error"]
    if not errors:
        pytest.skip(f"{lesson} has no exercise")
    assert run.returncode == 1, run.stderr
    assert {e.ename for e in errors} == {"CheckError"}
    assert_same_outputs(by_nb_run, in_kernel(written, tmp_path), f"{lesson} (student)")


def test_a_difference_is_found():
    """The comparison itself sees a changed evalue, a stream on the other stream and a
    missing MIME type (so the tests above can fail)."""
    outputs = [nbformat.v4.new_output("stream", name="stdout", text="1\n"),
               nbformat.v4.new_output("display_data", data={"text/plain": "x", "text/html": "<b>x</b>"}),
               nbformat.v4.new_output("error", ename="CheckError", evalue="line 1, column 1: no", traceback=["no"])]
    for change in [lambda o: o[2].update(evalue="no"), lambda o: o[0].update(name="stderr"),
                   lambda o: o[1]["data"].pop("text/html")]:
        changed = copy.deepcopy(outputs)
        change(changed)
        assert comparable(changed) != comparable(outputs)
    split = [nbformat.v4.new_output("stream", name="stdout", text="1\n"),
             nbformat.v4.new_output("stream", name="stdout", text="2\n")]
    assert comparable(split) == [("stream", "stdout", "1\n2\n")]
