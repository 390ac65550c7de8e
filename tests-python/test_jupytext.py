"""The lessons' .txt files are Jupytext's percent format (`py:percent`; NetBook comments
start with `#` as Python's do): jupytext reads each into the cells of the stored .ipynb,
and writes them back to the same .txt, byte for byte."""
import json
import pathlib

import jupytext
import pytest

from conftest import lesson_files, lesson_id

LESSONS = lesson_files("[0-9][0-9]-*.txt")


def cells(notebook):
    return [(c["cell_type"], "".join(c["source"])) for c in notebook["cells"]]


@pytest.mark.parametrize("path", LESSONS, ids=lesson_id)
def test_jupytext_round_trips_every_lesson(path):
    text = path.read_text()
    notebook = jupytext.reads(text, fmt="py:percent")
    stored = json.loads(path.with_suffix(".ipynb").read_text())
    assert cells(notebook) == cells(stored)
    # No YAML header in the .txt: keep the notebook's metadata out of the text.
    notebook.metadata["jupytext"] = {"notebook_metadata_filter": "-all", "cell_metadata_filter": "-all"}
    assert jupytext.writes(notebook, fmt="py:percent") == text
