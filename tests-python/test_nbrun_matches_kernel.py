"""nb-run and the kernel compute a lesson to the last bit.

The stored outputs of notebooks/*.ipynb are written by nb-run and compared by nbval with
what the kernel computes, in every MIME type, the full-precision
application/vnd.netbook+json included. OpenBLAS's kernel sets round differently (with
FMA or without), so nb-run must run the kernels nb-kernel switches to (BLASKernels): when
it did not (before), lessons 08 and 09 differed in the last digits of their losses and
weights, and regenerating the notebooks could not make nbval pass.

Here both run the same lessons fresh (not against the stored file, which nbval checks),
so a difference in how the two pick their BLAS kernels fails at once."""
import json
import subprocess

import nbformat
import pytest
from nbclient import NotebookClient

from conftest import KERNEL_NAME, ROOT
from test_nbrun_ipynb import nb_run_binary

MIME = "application/vnd.netbook+json"
# The lessons whose products are large enough for OpenBLAS (MatrixProduct.blasThreshold).
LESSONS = ["08-digits", "09-optimizers"]


def full_precision(notebook):
    """Every code cell's application/vnd.netbook+json outputs, in order."""
    return [[o["data"][MIME] for o in cell.get("outputs", []) if MIME in o.get("data", {})]
            for cell in notebook["cells"] if cell["cell_type"] == "code"]


@pytest.mark.parametrize("lesson", LESSONS)
def test_nb_run_and_the_kernel_give_the_same_full_precision_numbers(lesson, tmp_path):
    source = ROOT / "notebooks" / f"{lesson}.txt"
    written = tmp_path / f"{lesson}.ipynb"
    run = subprocess.run([nb_run_binary(), "--to", "ipynb", "-o", str(written), str(source)],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    by_nb_run = json.loads(written.read_text())

    in_kernel = nbformat.read(written, as_version=4)
    NotebookClient(in_kernel, kernel_name=KERNEL_NAME, timeout=300,
                   resources={"metadata": {"path": str(source.parent)}}).execute()

    want, got = full_precision(by_nb_run), full_precision(in_kernel)
    assert sum(map(len, want)) > 0, "the lesson shows no numbers"
    for number, (a, b) in enumerate(zip(want, got), start=1):
        assert a == b, f"{lesson}: code cell {number}: nb-run and the kernel differ"
