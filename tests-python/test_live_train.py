"""A long `train` in the kernel, as a Jupyter client sees it: the live display is cheap
(few, small, rate-limited updates), it starts and ends empty, and what stays is the loss
curve as a display_data and the summary, equal to what nb-run gives for the same cells
(and the final loss equal to numpy's on the trained weights). nbval, which keeps each
display's first content and ignores updates, passes on a notebook with such a cell."""
import datetime
import json
import subprocess
import sys
import time

import numpy as np
import pytest

from conftest import collect_iopub, run_cell, wait_for_output
# The nb-run of the build `make kernelspec-venv` copied the kernel from (the kernelspec's
# own nb-kernel is a copy, with no nb-run beside it).
from test_nbrun_ipynb import nb_run_binary

JSON = "application/vnd.netbook+json"
MAX_UPDATE_BYTES = 64 * 1024
MAX_CURVE_POINTS = 500
SETUP = """seed 1
dataset xor = xor()
layer hidden = dense(2 -> 4, sigmoid, init: normal)
layer output = dense(4 -> 1, sigmoid, init: normal)
loss mse
optimizer sgd(lr: 2)"""


def epochs_for(kc, seconds):
    """Epochs of the XOR cell that take about `seconds` on this build and machine (a
    debug build is 40× slower than a release one). Only sizes the run: the assertions
    hold for any length above the first update's 0.1 s."""
    run_cell(kc, SETUP + "\ntrain xor.x, xor.y, epochs: 2000;")   # warm-up
    t0 = time.perf_counter()
    reply, _ = run_cell(kc, "train xor.x, xor.y, epochs: 20000;", timeout=120)
    assert reply["content"]["status"] == "ok"
    per_epoch = (time.perf_counter() - t0) / 20000
    return int(min(5_000_000, max(20000, seconds / per_epoch)))


def wire_bytes(msg):
    """What a message's content weighs as JSON: every MIME type of its data together."""
    return len(json.dumps(msg["content"]).encode())


def stamp(msg):
    date = msg["header"]["date"]
    return date if isinstance(date, datetime.datetime) else datetime.datetime.fromisoformat(date)


def shown(msg):
    return msg["msg_type"] in ("display_data", "execute_result") and msg["content"]["data"]


def test_long_train_sends_few_small_updates_then_its_curve(kernel, tmp_path):
    km, kc = kernel
    epochs = epochs_for(kc, 1.5)
    run_cell(kc, "reset network\n" + SETUP)
    cell = f"train xor.x, xor.y, epochs: {epochs}"
    reply, outputs = run_cell(kc, cell, timeout=300)
    assert reply["content"]["status"] == "ok"

    live = [m for m in outputs if m["msg_type"] == "display_data" and m["content"].get("transient", {}).get("display_id")]
    updates = [m for m in outputs if m["msg_type"] == "update_display_data"]
    assert len(live) == 1, [m["msg_type"] for m in outputs]
    display_id = live[0]["content"]["transient"]["display_id"]
    # Empty at both ends: nbval keeps the first content, JupyterLab and nbclient the last.
    assert live[0]["content"]["data"] == {}
    assert updates and updates[-1]["content"]["data"] == {}
    progress = updates[:-1]
    assert progress, "a run of over a second shows live progress"
    assert all(m["content"]["transient"]["display_id"] == display_id for m in updates)

    # Bounded: every update small, with at most 500 points of this run's curve, in step order.
    assert max(wire_bytes(m) for m in progress) <= MAX_UPDATE_BYTES
    for m in progress:
        p = m["content"]["data"][JSON]
        assert len(p["history"]) == len(p["historySteps"]) <= MAX_CURVE_POINTS
        assert p["historySteps"][0] == 1 and p["historySteps"][-1] == p["step"]
        assert p["historySteps"] == sorted(set(p["historySteps"])), "the curve is drawn once"
    # Rate-limited: at most 10 a second. Consecutive updates are ≥ 0.1 s apart in the
    # kernel's loop; their send times can differ from that only by how long the first took
    # to render, so k updates span at least 0.1·(k − 1) − 0.1 s.
    span = (stamp(progress[-1]) - stamp(progress[0])).total_seconds()
    assert len(progress) <= 2 + span / 0.1, (len(progress), span)
    steps = [m["content"]["data"][JSON]["step"] for m in progress]
    assert steps == sorted(steps) and steps[-1] < epochs

    # What stays: the curve as a display_data after the live display closed, then the summary.
    kept = [m for m in outputs if shown(m)]
    assert [m["msg_type"] for m in kept] == ["display_data", "execute_result"]
    curve, summary = kept[0]["content"]["data"], kept[1]["content"]["data"]
    assert "image/svg+xml" in curve and curve[JSON]["series"][0]["label"] == "loss per step"
    assert outputs.index(updates[-1]) < outputs.index(kept[0])
    final_loss = summary[JSON]["rows"][0][summary[JSON]["columns"].index("final loss")]

    # The same cells in nb-run give the same outputs, to the last digit.
    notebook = tmp_path / "long.txt"
    notebook.write_text(f"# %%\n{SETUP}\n\n# %%\n{cell}\n")
    stored = tmp_path / "long.ipynb"
    subprocess.run([nb_run_binary(), "--to", "ipynb", "-o", str(stored), str(notebook)],
                   check=True, capture_output=True, timeout=300)
    nb_outputs = json.loads(stored.read_text())["cells"][-1]["outputs"]
    assert [o["output_type"] for o in nb_outputs] == ["display_data", "execute_result"]
    assert nb_outputs[0]["data"][JSON] == curve[JSON]
    assert nb_outputs[1]["data"][JSON] == summary[JSON]
    assert "".join(nb_outputs[1]["data"]["text/plain"]) == summary["text/plain"]   # .ipynb keeps text as lines

    # And numpy on the trained weights: the final loss is the MSE on all four corners.
    def tensor(name):
        _, out = run_cell(kc, f"show {name}")
        return np.array([m for m in out if shown(m)][0]["content"]["data"][JSON]["data"], dtype=float)
    x = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
    t = np.array([[0], [1], [1], [0]], dtype=float)
    sigmoid = lambda z: 1 / (1 + np.exp(-z))
    y = sigmoid(sigmoid(x @ tensor("hidden.W") + tensor("hidden.b")) @ tensor("output.W") + tensor("output.b"))
    assert final_loss == pytest.approx(np.mean((y - t) ** 2), rel=1e-12, abs=1e-15)


def test_interrupted_train_closes_its_live_display(kernel):
    """Stopped half-way, the live display is emptied too, and the curve of the steps done stays."""
    km, kc = kernel
    run_cell(kc, SETUP)
    msg_id = kc.execute("train xor.x, xor.y, epochs: 50000000")
    wait_for_output(kc, msg_id, "update_display_data")
    km.interrupt_kernel()
    outputs = collect_iopub(kc, msg_id, timeout=60)
    updates = [m for m in outputs if m["msg_type"] == "update_display_data"]
    assert updates and updates[-1]["content"]["data"] == {}
    kept = [m for m in outputs if shown(m)]
    assert kept and kept[0]["content"]["data"][JSON]["series"][0]["label"] == "loss per step"
    assert [m for m in outputs if m["msg_type"] == "error"][0]["content"]["ename"] == "KeyboardInterrupt"


def test_nbval_passes_on_a_notebook_with_a_long_train(kernel, tmp_path):
    """nbval records display_data and ignores update_display_data: it must see the curve
    and the summary that nb-run stored, and nothing of the live progress."""
    pytest.importorskip("nbval")
    km, kc = kernel
    epochs = epochs_for(kc, 1.0)
    notebook = tmp_path / "long.txt"
    notebook.write_text(f"# %%\n{SETUP}\n\n# %%\ntrain xor.x, xor.y, epochs: {epochs}\n")
    stored = tmp_path / "long.ipynb"
    subprocess.run([nb_run_binary(), "--to", "ipynb", "-o", str(stored), str(notebook)],
                   check=True, capture_output=True, timeout=300)
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval",
                           "--nbval-kernel-name", km.kernel_name, str(stored)],
                          capture_output=True, text=True, timeout=600, cwd=tmp_path)
    assert done.returncode == 0, done.stdout[-3000:]
    assert "2 passed" in done.stdout
