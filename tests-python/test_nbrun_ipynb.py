"""nb-run's .ipynb output is a valid nbformat 4 notebook, as the real nbformat library
sees it: the stored notebooks, and a fresh `nb-run --to ipynb` of each one."""
import json
import os
import pathlib
import subprocess

import nbformat
import pytest

from conftest import lesson_files, lesson_id

ROOT = pathlib.Path(__file__).resolve().parent.parent
ENGLISH_LESSONS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.txt"))
# English and Korean (notebooks/ko/): each stored notebook is checked the same way.
LESSONS = lesson_files("[0-9][0-9]-*.txt")


def nb_run_binary() -> str:
    """$NB_RUN, or the nb-run of the current `swift build`."""
    if os.environ.get("NB_RUN"):
        return os.environ["NB_RUN"]
    bin_dir = subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, check=True,
                             capture_output=True, text=True).stdout.strip()
    return str(pathlib.Path(bin_dir) / "nb-run")


def test_every_notebook_is_stored_both_ways():
    """The README promises all nine as NAME.txt (with NAME.out) and as NAME.ipynb, and
    the Korean lessons in notebooks/ko/ the same way."""
    assert [p.stem[:2] for p in ENGLISH_LESSONS] == ["01", "02", "03", "04", "05", "06", "07", "08", "09"]
    for source in LESSONS:
        assert source.with_suffix(".out").exists(), source.name
        assert source.with_suffix(".ipynb").exists(), source.name


@pytest.mark.parametrize("source", LESSONS, ids=lesson_id)
def test_stored_ipynb_keeps_results_not_progress(source):
    """What JupyterLab shows of a stored notebook: plots as SVG, tables as HTML, and no
    live training progress (a display_id would make a front end expect updates)."""
    notebook = nbformat.read(source.with_suffix(".ipynb"), as_version=4)
    outputs = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]
    forms = {form for output in outputs for form in output.get("data", {})}
    assert {"text/plain", "text/html"} <= forms
    assert all("transient" not in output and "display_id" not in output.get("metadata", {})
               for output in outputs)
    if "plot" in source.read_text() or "train " in source.read_text():
        assert "image/svg+xml" in forms


@pytest.mark.parametrize("source", LESSONS, ids=lesson_id)
def test_stored_ipynb_is_valid(source):
    notebook = nbformat.read(source.with_suffix(".ipynb"), as_version=nbformat.NO_CONVERT)
    nbformat.validate(notebook)
    assert (notebook.nbformat, notebook.nbformat_minor) == (4, 5)
    assert notebook.metadata.kernelspec.name == "netbook"


@pytest.mark.parametrize("source", LESSONS, ids=lesson_id)
def test_fresh_ipynb_is_valid_and_has_outputs(source):
    result = subprocess.run([nb_run_binary(), "--to", "ipynb", str(source)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    notebook = nbformat.reads(result.stdout, as_version=nbformat.NO_CONVERT)
    nbformat.validate(notebook)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code and all(cell.execution_count == i + 1 for i, cell in enumerate(code))
    kinds = {output.output_type for cell in code for output in cell.outputs}
    assert "execute_result" in kinds and "display_data" in kinds
    ids = [cell.id for cell in notebook.cells]
    assert len(set(ids)) == len(ids)


def test_lesson_000_figures_in_the_ipynb():
    """The classroom example's total error before and after the update (lesson 000)."""
    notebook = nbformat.read(ROOT / "notebooks" / "03-backprop-by-hand.ipynb", as_version=4)
    text = "".join(output.get("data", {}).get("text/plain", "")
                   for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs)
    assert "0.02397190" in text and "0.02323634" in text


def test_to_ipynb_over_a_notebook_keeps_its_own_metadata(tmp_path):
    """`nb-run --to ipynb -o NAME.ipynb NAME.txt` (make update-notebooks) keeps what the
    notebook it overwrites says about itself (the ko lessons' "language": "ko", a title),
    as jupytext --update does; the kernelspec and language_info are always NetBook's."""
    source = tmp_path / "cell.txt"
    source.write_text("# %%\ntensor x = [1, 2]\n")
    target = tmp_path / "cell.ipynb"
    target.write_text(json.dumps({
        "nbformat": 4, "nbformat_minor": 5, "cells": [],
        "metadata": {"language": "ko", "title": "순전파", "authors": [{"name": "T"}],
                     "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
                     "language_info": {"name": "python"}}}))
    result = subprocess.run([nb_run_binary(), "--to", "ipynb", "-o", str(target), str(source)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    notebook = nbformat.read(target, as_version=nbformat.NO_CONVERT)
    nbformat.validate(notebook)
    assert (notebook.metadata.language, notebook.metadata.title) == ("ko", "순전파")
    assert notebook.metadata.authors == [{"name": "T"}]
    assert notebook.metadata.kernelspec.name == "netbook"
    assert notebook.metadata.language_info.name == "netbook"
    assert [cell.source for cell in notebook.cells] == ["tensor x = [1, 2]"]

    # A fresh file gets no language: English is the default.
    fresh = tmp_path / "fresh.ipynb"
    subprocess.run([nb_run_binary(), "--to", "ipynb", "-o", str(fresh), str(source)], check=True, timeout=60)
    assert "language" not in json.loads(fresh.read_text())["metadata"]
