"""Every notebooks/*.ipynb executed by nbclient in the NetBook kernel (as `jupyter
nbconvert --execute` and papermill do) gives the outputs stored in the notebook."""
import copy
import pathlib

import nbformat
import pytest
from nbclient import NotebookClient

from conftest import KERNEL_NAME, lesson_files, lesson_id

NOTEBOOKS = lesson_files("*.ipynb")


def comparable(output):
    """What a reader sees of an output: its kind, stream text, and each form's text."""
    kind = output["output_type"]
    if kind == "stream":
        return (kind, output["name"], output["text"])
    if kind == "error":
        return (kind, output["ename"], output["evalue"])
    data = output.get("data", {})
    return (kind, sorted(data), data.get("text/plain"))


def test_there_are_notebooks_to_run():
    if not NOTEBOOKS:
        pytest.skip("no notebooks/*.ipynb yet")


def merged(outputs):
    """Consecutive stream outputs of one stream as one, as front ends show them (and
    nbconvert's coalesce_streams stores them): a kernel may send print output in pieces.
    A display with no data shows nothing and is left out: a `train` longer than 0.1 s
    leaves its live display empty (nb-kernel's NetBookInterpreter says why), nb-run none."""
    result = []
    for output in map(comparable, (o for o in outputs if o["output_type"] != "display_data" or o.get("data"))):
        if result and output[0] == "stream" and result[-1][:2] == output[:2]:
            result[-1] = (*output[:2], result[-1][2] + output[2])
        else:
            result.append(output)
    return result


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lesson_id)
def test_notebook_outputs_match_stored(path: pathlib.Path):
    stored = nbformat.read(path, as_version=4)
    executed = copy.deepcopy(stored)
    NotebookClient(executed, kernel_name=KERNEL_NAME, timeout=120,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    code_cells = [(a, b) for a, b in zip(stored.cells, executed.cells) if a.cell_type == "code"]
    assert code_cells, "a notebook without code cells"
    for number, (want, got) in enumerate(code_cells, start=1):
        assert merged(got.outputs) == merged(want.outputs), \
            f"{path.name}: code cell {number} differs:\n{want.source}"
