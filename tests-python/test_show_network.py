"""`show network` through the real kernel, as JupyterLab receives it: the drawing of lesson
03's 2-2-2 network as SVG (with its text twin and the numbers for programs), its z | a and
∂E/∂W1…W8 checked against numpy."""
import xml.etree.ElementTree as ET

import numpy as np

from conftest import run_cell

LESSON_03 = """precision 8
tensor x = [0.1, 0.2]
tensor t = [0.4, 0.6]
layer hidden = dense(2 -> 2, sigmoid, bias: false, weights: [[0.30, 0.40], [0.25, 0.35]])
layer output = dense(2 -> 2, sigmoid, bias: false, weights: [[0.45, 0.70], [0.40, 0.60]])
loss half_sse
forward x, t;
backward;
show network"""

SVG = "{http://www.w3.org/2000/svg}"


def lesson_03_by_numpy():
    """Forward and backward of the lesson's network with E = ½ Σ (t − o)²."""
    x, t = np.array([0.1, 0.2]), np.array([0.4, 0.6])
    w1, w2 = np.array([[0.30, 0.40], [0.25, 0.35]]), np.array([[0.45, 0.70], [0.40, 0.60]])
    sigmoid = lambda z: 1 / (1 + np.exp(-z))
    z1 = x @ w1; h = sigmoid(z1)
    z2 = h @ w2; o = sigmoid(z2)
    d2 = (o - t) * o * (1 - o)
    d1 = (d2 @ w2.T) * h * (1 - h)
    return dict(z1=z1, h=h, z2=z2, o=o, dw1=np.outer(x, d1), dw2=np.outer(h, d2))


def test_show_network_is_an_svg_with_the_lessons_numbers(kernel):
    _, kc = kernel
    reply, outputs = run_cell(kc, LESSON_03)
    assert reply["content"]["status"] == "ok"
    shown = [m["content"]["data"] for m in outputs if m["msg_type"] in ("display_data", "execute_result")]
    drawing = next(d for d in shown if "image/svg+xml" in d)
    # JupyterLab shows the SVG: no text/html to outrank it, the text twin for consoles.
    assert "text/html" not in drawing and "text/plain" in drawing
    assert "<table" in shown[-1]["text/html"], "then the table of layers"

    n = lesson_03_by_numpy()
    svg = ET.fromstring(drawing["image/svg+xml"])
    assert len(svg.findall(f".//{SVG}circle")) == 6
    assert len(svg.findall(f".//{SVG}line")) == 8
    texts = {"".join(e.itertext()) for e in svg.iter(f"{SVG}text")}
    # W1…W8 are numbered unit by unit: W1, W2 into h1 are hidden.W's first column.
    weights = [0.30, 0.25, 0.40, 0.35, 0.45, 0.40, 0.70, 0.60]
    gradients = list(n["dw1"].T.ravel()) + list(n["dw2"].T.ravel())
    for i, (w, g) in enumerate(zip(weights, gradients), start=1):
        assert f"W{i} {w:.8f}" in texts, f"W{i}"
        assert f"∂E/∂W{i} {g:.8f}" in texts, f"∂E/∂W{i}"
    for z, a in zip(np.concatenate([n["z1"], n["z2"]]), np.concatenate([n["h"], n["o"]])):
        assert f"z {z:.8f}" in texts and f"a {a:.8f}" in texts

    plain = drawing["text/plain"]
    assert f"h1 {n['z1'][0]:.8f} | {n['h'][0]:.8f}" in plain, plain
    assert f"o2 {n['z2'][1]:.8f} | {n['o'][1]:.8f}" in plain, plain

    data = drawing["application/vnd.netbook+json"]
    assert [c["count"] for c in data["columns"]] == [2, 2, 2]
    assert [e["symbol"] for e in data["edges"]] == [f"W{i}" for i in range(1, 9)]
    np.testing.assert_allclose([e["gradient"] for e in data["edges"]], gradients, rtol=1e-12)
