"""Warnings arrive on the stderr stream and clear_output as Jupyter's clear_output message,
in order among the cell's other outputs; nbclient (what nbconvert and papermill use)
keeps what JupyterLab keeps."""
import nbformat
from nbclient import NotebookClient

from conftest import KERNEL_NAME, run_cell

TWO_STEPS = """layer h = dense(1 -> 1, identity, weights: [[1]])
loss mse
forward [[1]], [[0]];
backward;
step;
step;
print "after\""""

WARNING = ("warning: step used the gradients of the last backward again (2 steps on them): they were computed "
           "for the parameters before the previous step — run forward X, T and backward before each step\n")


def outputs(messages):
    kinds = {"stream", "clear_output", "display_data", "execute_result", "error"}
    return [m for m in messages if m["msg_type"] in kinds]


def test_a_warning_is_a_stderr_stream_and_the_cell_succeeds(kernel):
    _, kc = kernel
    reply, messages = run_cell(kc, TWO_STEPS)
    assert reply["content"]["status"] == "ok"
    # The layer and loss tables are displayed first; the steps are silenced by `;`, not their warning.
    shown = [(m["msg_type"], m["content"].get("name"), m["content"].get("text")) for m in outputs(messages)]
    assert shown[-2:] == [("stream", "stderr", WARNING), ("stream", "stdout", "after\n")]
    assert [kind for kind, _, _ in shown[:-2]] == ["display_data", "display_data"]
    # W moved twice along the same gradient 2·(1·w − 0) = 2 at lr 0.1: 1 − 0.2 − 0.2.
    reply, messages = run_cell(kc, "print h.W")
    assert [m["content"]["text"] for m in outputs(messages)] == ["0.6000\n"]


def test_clear_output_is_sent_in_order_with_its_wait_flag(kernel):
    _, kc = kernel
    reply, messages = run_cell(kc, 'print "a"\nclear_output\nprint "b"\nclear_output wait: true\nprint "c"')
    assert reply["content"]["status"] == "ok"
    shown = [(m["msg_type"], m["content"].get("text", m["content"].get("wait"))) for m in outputs(messages)]
    assert shown == [("stream", "a\n"), ("clear_output", False), ("stream", "b\n"), ("clear_output", True), ("stream", "c\n")]


def test_nbclient_keeps_the_outputs_after_the_last_clear_and_the_warning():
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(TWO_STEPS),
                nbformat.v4.new_code_cell('print "gone"\nclear_output\nprint "kept"')]
    NotebookClient(nb, kernel_name=KERNEL_NAME, timeout=60).execute()
    first, second = nb.cells
    assert [(o["name"], o["text"]) for o in first.outputs if o["output_type"] == "stream"] == \
        [("stderr", WARNING), ("stdout", "after\n")]
    assert [(o["output_type"], o.get("text")) for o in second.outputs] == [("stream", "kept\n")]
