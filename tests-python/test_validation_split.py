"""Training and validation through the real kernel: `dataset tr, va = split(s, 0.8)` gives
parts of the sizes numpy computes that together hold every sample of s once; `train …,
validation: va` records after each epoch the loss numpy computes on va from the weights of
that moment, and `plot loss` draws it as a second, labelled curve. `live: decision`
redraws the decision region with train's progress: bounded in size, grid and rate."""
import math

import numpy as np
import pytest

from conftest import run_cell
from test_live_train import epochs_for, stamp, wire_bytes

JSON = "application/vnd.netbook+json"
N = 90           # spiral(n: 90): 3 arms of 30 samples
FRACTION = 0.8


def shown(outputs):
    return [m["content"]["data"] for m in outputs
            if m["msg_type"] in ("display_data", "execute_result") and m["content"]["data"]]


def tensor(kc, name):
    reply, out = run_cell(kc, f"show {name}")
    assert reply["content"]["status"] == "ok", reply["content"]
    return np.array(shown(out)[0][JSON]["data"], dtype=float)


def softmax_cross_entropy(kc, x, classes):
    """−mean log p(class) of the 2-8-3 tanh/softmax network with the kernel's current weights."""
    h = np.tanh(x @ tensor(kc, "h.W") + tensor(kc, "h.b"))
    z = h @ tensor(kc, "o.W") + tensor(kc, "o.b")
    z = z - z.max(axis=1, keepdims=True)
    log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    return -np.mean(log_p[np.arange(len(x)), classes.astype(int).ravel() - 1])


def test_split_sizes_and_validation_loss_match_numpy(kernel):
    _, kc = kernel
    reply, out = run_cell(kc, f"seed 3\ndataset s = spiral(n: {N})\ndataset tr, va = split(s, {FRACTION})")
    assert reply["content"]["status"] == "ok", reply["content"]
    note = next(d["text/plain"] for d in shown(out) if d["text/plain"].startswith("split s"))
    n_train = int(np.floor(FRACTION * N))
    assert f"tr.x  {n_train}×2" in note and f"va.x  {N - n_train}×2" in note, note

    s_x, s_y = tensor(kc, "s.x"), tensor(kc, "s.y")
    tr_x, tr_y, va_x, va_y = (tensor(kc, n) for n in ("tr.x", "tr.y", "va.x", "va.y"))
    assert tr_x.shape == (n_train, 2) and va_x.shape == (N - n_train, 2)
    # Every sample once, with its own label: the parts' rows sorted are the set's rows sorted.
    both = np.vstack([np.hstack([tr_x, tr_y]), np.hstack([va_x, va_y])])
    whole = np.hstack([s_x, s_y])
    assert np.array_equal(both[np.lexsort(both.T)], whole[np.lexsort(whole.T)])
    # Shuffled: the validation part is not simply the last arm of the spiral.
    assert len(set(va_y.ravel())) > 1

    run_cell(kc, "layer h = dense(2 -> 8, tanh)\nlayer o = dense(8 -> 3, softmax)\n"
                 "loss cross_entropy\noptimizer adam(lr: 0.05)")
    expected = []
    for epoch in range(3):
        reply, out = run_cell(kc, "train tr.x, tr.y, epochs: 1, batch: 24, validation: va")
        assert reply["content"]["status"] == "ok", reply["content"]
        table = shown(out)[-1][JSON]
        got = table["rows"][0][table["columns"].index("validation loss")]
        expected.append(softmax_cross_entropy(kc, va_x, va_y))
        assert got == pytest.approx(expected[-1], rel=1e-12)
        curve = shown(out)[0][JSON]
        assert curve["title"] == "training and validation loss"
        labels = [s["label"] for s in curve["series"]]
        assert labels[-1] == "validation loss (va)", labels

    # plot loss: the training loss of every step and the validation loss after every epoch,
    # at the step that ended it (3 batches of 24 per epoch of 72 samples).
    _, out = run_cell(kc, "plot loss")
    plot = shown(out)[0]
    series = plot[JSON]["series"]
    assert [s["label"] for s in series] == ["training loss (per step)", "validation loss (per epoch)"]
    steps_per_epoch = math.ceil(n_train / 24)
    assert len(series[0]["y"]) == 3 * steps_per_epoch
    assert series[1]["x"] == [steps_per_epoch * (k + 1) for k in range(3)]
    assert series[1]["y"] == pytest.approx(expected, rel=1e-12)
    text = plot["text/plain"]
    assert text.splitlines()[0].strip() == "training and validation loss"
    assert "legend: * training loss (per step)   o validation loss (per epoch)" in text
    for label in ("training loss (per step)", "validation loss (per epoch)", "training and validation loss"):
        assert label in plot["image/svg+xml"]


@pytest.mark.parametrize("cell, message", [
    ("dataset a, b = split(s, 1.5)", "the fraction for training must lie between 0 and 1, not 1.5"),
    ("dataset a, b = split(s, 0.001)", "leaves 0 for a and 90 for b; each part needs at least one"),
    ("dataset a, a = split(s, 0.5)", "the two parts need different names"),
    ("dataset a = split(s, 0.5)", "split makes two data sets: name both"),
    ("dataset a, b = split(q, 0.5)", "no data set named 'q'"),
    ("train s.x, s.y, validation: sx", "validation: takes the name of a data set"),
    ("train s.x, s.y, live: loss", "live: shows the decision region as training goes: live: decision"),
])
def test_split_and_validation_mistakes_say_what_and_where(kernel, cell, message):
    _, kc = kernel
    run_cell(kc, f"dataset s = spiral(n: {N})\nlayer h = dense(2 -> 8, tanh)\nlayer o = dense(8 -> 3, softmax)\nloss cross_entropy")
    reply, _ = run_cell(kc, cell)
    assert reply["content"]["status"] == "error"
    assert message in reply["content"]["evalue"], reply["content"]["evalue"]
    # Nothing is lost: the session goes on with s as it was.
    reply, _ = run_cell(kc, "show s.x[1, :]")
    assert reply["content"]["status"] == "ok"


SETUP = """seed 1
dataset xor = xor()
layer hidden = dense(2 -> 4, sigmoid, init: normal)
layer output = dense(4 -> 1, sigmoid, init: normal)
loss mse
optimizer sgd(lr: 2)"""


def test_live_decision_updates_are_bounded(kernel):
    km, kc = kernel
    epochs = epochs_for(kc, 3)
    run_cell(kc, "reset network\n" + SETUP)
    reply, outputs = run_cell(kc, f"train xor.x, xor.y, epochs: {epochs}, live: decision", timeout=300)
    assert reply["content"]["status"] == "ok", reply["content"]

    updates = [m for m in outputs if m["msg_type"] == "update_display_data"]
    progress = updates[:-1]
    assert progress and updates[-1]["content"]["data"] == {}, "the live display ends empty"
    maps = [m["content"]["data"][JSON]["decision"] for m in progress]
    assert len(maps) == len(progress), "every progress update carries the decision region"
    for m in progress:
        data = m["content"]["data"]
        assert "image/svg+xml" not in data   # the map is inside the HTML, beside the progress
        assert data["text/html"].count("<svg") == 2   # the small loss curve and the map
        assert "decision region" in data["text/plain"] and "legend: o t = 0   x t = 1" in data["text/plain"]
        assert wire_bytes(m) <= 256 * 1024
    for d in maps:
        grid = d["grid"]["values"]
        assert len(grid) == 24 and all(len(row) == 24 for row in grid)
        assert sum(len(s["x"]) for s in d["series"]) <= 400
    # At most 10 updates a second (the progress rate; see test_live_train for the bound).
    span = (stamp(progress[-1]) - stamp(progress[0])).total_seconds()
    assert len(updates) <= 3 + span / 0.1, (len(updates), span)
    # The map changes as the network learns: the last differs from the first.
    assert len(maps) >= 2, "a run of 3 s shows several updates"
    assert maps[0]["grid"]["values"] != maps[-1]["grid"]["values"]

    # What stays: the loss curve, the trained network's decision region (40×40), the summary.
    kept = [m for m in outputs if m["msg_type"] in ("display_data", "execute_result") and m["content"]["data"]]
    assert [m["msg_type"] for m in kept] == ["display_data", "display_data", "execute_result"]
    final = kept[1]["content"]["data"][JSON]
    assert final["kind"] == "decision" and len(final["grid"]["values"]) == 40
    # …which is what `plot decision` draws after the run.
    _, out = run_cell(kc, "plot decision")
    assert shown(out)[0][JSON] == final
